package org.articlekg.query;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.articlekg.load.FactModel;
import org.articlekg.load.Kind;
import org.articlekg.load.TableSchema;

/**
 * The allowed values of an {@code enumerate} entry written without values (grlc's own form,
 * {@code #+   - kind}), taken from the declarations of {@code ontology/kinds.ttl}:
 * <ul>
 * <li>{@code kind}: the names of the declared kinds of fact ({@code founding}, {@code investment} …);</li>
 * <li>{@code type}: the names of the entity kinds and the values of their {@code type} columns
 *     ({@code person}, {@code organization}, {@code company} …);</li>
 * <li>any other name: the declared values of the columns of that name in the kinds whose class
 *     ({@code akg:Investment}, {@code akg:Evidence} …) the query names; when it names none, in every
 *     kind of fact; when no kind of fact has such a column, in every kind.</li>
 * </ul>
 * The values of an entry that lists them must be among those (a typo or a value the
 * declarations dropped is an error), where the declarations have any.
 */
final class Enumerations {
    /** The parameter whose values are the names of the kinds of fact. */
    static final String KIND = "kind";
    /** The parameter whose values are the entity kinds and their types. */
    static final String TYPE = "type";

    private Enumerations() {}

    /** The declared values of a parameter of a query, in declaration order; empty when nothing declares any. */
    static List<String> declared(FactModel model, String name, Query query, String text) {
        Set<String> values = new LinkedHashSet<>();
        if (name.equals(KIND)) {
            for (TableSchema t : model.facts()) values.add(t.kind().name());
            return List.copyOf(values);
        }
        if (name.equals(TYPE)) {
            for (TableSchema t : model.withRole(Kind.Role.ENTITY)) {
                values.add(t.kind().name());
                if (t.has(TYPE)) values.addAll(t.column(TYPE).values().keySet());
            }
            return List.copyOf(values);
        }
        String code = text.lines().filter(l -> !l.strip().startsWith("#")).collect(Collectors.joining("\n"));
        List<TableSchema> named = new ArrayList<>();
        for (TableSchema t : model.tables()) if (t.rdfClass() != null && names(query, code, t.rdfClass())) named.add(t);
        for (List<TableSchema> tables : List.of(named, model.facts(), model.tables())) {
            for (TableSchema t : tables) {
                if (t.has(name)) values.addAll(t.column(name).values().keySet());
            }
            if (!values.isEmpty()) break;
        }
        return List.copyOf(values);
    }

    /** Whether the query's code (its lines that are not comments) names a class, by its prefixed name or its full IRI. */
    private static boolean names(Query query, String text, Node rdfClass) {
        String iri = rdfClass.getURI();
        if (text.contains("<" + iri + ">")) return true;
        String qname = query.getPrefixMapping().qnameFor(iri);
        return qname != null && Pattern.compile("(?<![\\w:-])" + Pattern.quote(qname) + "(?![\\w-])").matcher(text).find();
    }
}
