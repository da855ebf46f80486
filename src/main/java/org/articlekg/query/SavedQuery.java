package org.articlekg.query;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;
import org.articlekg.load.Iris;

/**
 * A query of {@code queries/}: its grlc decorators (summary, description, tags), its parameters
 * and its parsed SPARQL. {@link #bind(Map, String)} gives the query with parameter values substituted as
 * RDF terms in the syntax tree, relative IRI values (the defaults of {@code queries/*.rq} are)
 * resolved against the base IRI of the build being queried.
 *
 * @param name the file name without {@code .rq}
 * @param summary one line
 * @param description what it answers, in a few sentences
 * @param tags grouping tags
 * @param parameters in the order they first appear
 * @param query the parsed query
 * @param text the file's text
 * @param file where it was read from
 */
public record SavedQuery(String name, String summary, String description, List<String> tags,
                         List<Parameter> parameters, Query query, String text, Path file) {
    public SavedQuery {
        Objects.requireNonNull(name, "name");
        tags = List.copyOf(tags);
        parameters = List.copyOf(parameters);
    }

    /** The parameter of that name, or null. */
    public Parameter parameter(String name) {
        for (Parameter p : parameters) if (p.name().equals(name)) return p;
        return null;
    }

    /** Whether results are a table (SELECT, ASK) rather than a graph (CONSTRUCT, DESCRIBE). */
    public boolean isTabular() {
        return query.isSelectType() || query.isAskType();
    }

    /** {@link #bind(Map, String)} against the default base, {@link Iris#DEFAULT_BASE}. */
    public Query bind(Map<String, String> values) {
        return bind(values, Iris.DEFAULT_BASE);
    }

    /**
     * The query with the given values (by parameter name) bound; missing values take their
     * default; an optional parameter without a value stays a variable. Relative IRI values, given
     * or default, are resolved against {@code base}, the base IRI of the build being queried.
     *
     * @throws ParameterException for an unknown parameter, a missing required one, or a bad value
     */
    public Query bind(Map<String, String> values, String base) {
        for (String given : values.keySet()) {
            if (parameter(given) == null) {
                throw new ParameterException(given, "unknown parameter of query '" + name + "'"
                        + (parameters.isEmpty() ? " (it takes none)" : "; it takes: "
                        + String.join(", ", parameters.stream().map(Parameter::name).toList())));
            }
        }
        Map<Var, Node> bindings = new HashMap<>();
        for (Parameter p : parameters) {
            String value = values.containsKey(p.name()) ? values.get(p.name()) : p.defaultValue();
            if (value == null) {
                if (p.required()) throw new ParameterException(p.name(), "required " + p.typeName() + " value is missing");
                continue;
            }
            bindings.put(p.variable(), p.toNode(value, base));
        }
        return bindings.isEmpty() ? query.cloneQuery() : QueryTransformOps.transform(query, bindings);
    }

    /** The default value of each parameter that has one, as written (IRIs relative to the base). */
    public Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        for (Parameter p : parameters) if (p.defaultValue() != null) d.put(p.name(), p.defaultValue());
        return d;
    }
}
