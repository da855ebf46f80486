package org.articlekg.query;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apache.jena.datatypes.RDFDatatype;
import org.apache.jena.datatypes.TypeMapper;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.irix.IRIException;
import org.apache.jena.irix.IRIx;
import org.apache.jena.sparql.core.Var;

/**
 * A parameter of a saved query, read from its variable name as grlc does: {@code ?_name} a
 * required literal, {@code ?__name} an optional one, {@code ?_name_iri} an IRI,
 * {@code ?_year_xsd_integer} a typed literal. Values are turned into RDF terms by
 * {@link #toNode(String, String)}, checked for their type, never pasted into query text.
 *
 * <p>An IRI value may be relative ({@code id/organization/openai}): it is resolved against the
 * base IRI of the build being queried, so defaults written in {@code queries/*.rq} carry no host
 * and follow wherever the graph is served.
 *
 * @param name the name users write ({@code investee}, {@code year})
 * @param variable the query variable it binds
 * @param kind what kind of term the value becomes
 * @param datatype for typed literals, the datatype; null otherwise
 * @param required whether a value (given or default) is needed
 * @param defaultValue the value used when none is given, or null
 * @param allowed the values allowed, or empty for any
 */
public record Parameter(String name, Var variable, Kind kind, RDFDatatype datatype, boolean required,
                        String defaultValue, List<String> allowed) {
    /** The kinds of term a parameter takes. */
    public enum Kind { LITERAL, IRI, TYPED_LITERAL }

    private static final Pattern NAME = Pattern.compile("__?([A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*)");
    /** The schemes an IRI parameter may have: the graph's IRIs are http(s); never javascript:, file: or data:. */
    static final List<String> IRI_SCHEMES = List.of("http", "https", "urn");
    private static final Pattern IRI_UNSAFE = Pattern.compile("[\\s<>\"{}|\\\\^`]");

    public Parameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(variable, "variable");
        allowed = List.copyOf(allowed);
    }

    /** Whether a variable names a parameter (starts with {@code _}). */
    public static boolean isParameter(Var v) {
        return NAME.matcher(v.getVarName()).matches();
    }

    /** The parameter a variable declares, with no default and no allowed values yet. */
    public static Parameter of(Var v) {
        String raw = v.getVarName();
        boolean optional = raw.startsWith("__");
        String rest = raw.substring(optional ? 2 : 1);
        int xsd = rest.indexOf("_xsd_");
        if (xsd > 0) {
            String type = rest.substring(xsd + 5);
            RDFDatatype dt = TypeMapper.getInstance().getTypeByName(XSDDatatype.XSD + "#" + type);
            if (dt == null) throw new IllegalArgumentException("?" + raw + ": unknown XSD type xsd:" + type);
            return new Parameter(rest.substring(0, xsd), v, Kind.TYPED_LITERAL, dt, !optional, null, List.of());
        }
        if (rest.endsWith("_iri")) {
            return new Parameter(rest.substring(0, rest.length() - 4), v, Kind.IRI, null, !optional, null, List.of());
        }
        return new Parameter(rest, v, Kind.LITERAL, null, !optional, null, List.of());
    }

    public Parameter withDefault(String value) {
        return new Parameter(name, variable, kind, datatype, required, value, allowed);
    }

    public Parameter withAllowed(List<String> values) {
        return new Parameter(name, variable, kind, datatype, required, defaultValue, values);
    }

    /** The type in words, for messages and the API description: "IRI", "xsd:integer", "string". */
    public String typeName() {
        return switch (kind) {
            case IRI -> "IRI";
            case LITERAL -> "string";
            case TYPED_LITERAL -> "xsd:" + datatype.getURI().substring(datatype.getURI().indexOf('#') + 1);
        };
    }

    /** The RDF term for a value, which must be absolute when it is an IRI; see {@link #toNode(String, String)}. */
    public Node toNode(String value) {
        return toNode(value, null);
    }

    /**
     * The RDF term for a value; a relative IRI value is resolved against {@code base} (the base IRI
     * of the build being queried; null to accept absolute IRIs only). A value of the wrong type,
     * not allowed, or blank for a required parameter is a {@link ParameterException}.
     */
    public Node toNode(String value, String base) {
        if (required && value.isBlank()) throw new ParameterException(name, "the required " + typeName() + " value is empty");
        if (!allowed.isEmpty() && !allowed.contains(value)) {
            throw new ParameterException(name, "'" + value + "' is not one of " + String.join(", ", allowed));
        }
        switch (kind) {
            case IRI -> {
                return NodeFactory.createURI(resolveIri(value, base));
            }
            case TYPED_LITERAL -> {
                if (!datatype.isValid(value)) {
                    throw new ParameterException(name, "'" + value + "' is not a valid " + typeName());
                }
                return NodeFactory.createLiteralDT(value, datatype);
            }
            default -> {
                return NodeFactory.createLiteralString(value);
            }
        }
    }

    /** The value as it is bound: a relative IRI resolved against {@code base}, any other value as it is. */
    public String resolve(String value, String base) {
        return value == null || kind != Kind.IRI ? value : resolveIri(value, base);
    }

    /** The default value as it is bound against {@code base}, or null. */
    public String defaultValue(String base) {
        return resolve(defaultValue, base);
    }

    private String resolveIri(String value, String base) {
        if (IRI_UNSAFE.matcher(value).find()) {
            throw new ParameterException(name, "not a valid IRI (it contains a space or one of <>\"{}|\\^`): " + value);
        }
        try {
            IRIx iri = IRIx.create(value);
            if (!iri.isAbsolute()) {
                if (base == null) throw new ParameterException(name, "not an absolute IRI: " + value);
                iri = IRIx.create(base).resolve(iri);
            }
            String scheme = iri.scheme() == null ? "" : iri.scheme().toLowerCase(java.util.Locale.ROOT);
            if (!IRI_SCHEMES.contains(scheme)) {
                throw new ParameterException(name, "IRIs of scheme '" + scheme + ":' are not accepted (only "
                        + String.join(":, ", IRI_SCHEMES) + ":): " + value);
            }
            return iri.str();
        } catch (IRIException e) {
            throw new ParameterException(name, "not a valid IRI: " + value);
        }
    }
}
