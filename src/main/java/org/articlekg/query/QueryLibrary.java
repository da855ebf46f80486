package org.articlekg.query;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.core.Var;
import org.articlekg.KgException;
import org.articlekg.load.FactModel;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The saved queries of a folder, one {@code NAME.rq} file each, with grlc's decorators:
 *
 * <pre>
 * #+ summary: Who invested in an organisation
 * #+ tags:
 * #+   - investments
 * #+ defaults:
 * #+   - investee: id/organization/openai
 * #+ enumerate:
 * #+   - status:
 * #+     - completed
 * #+     - rejected
 * </pre>
 *
 * An {@code enumerate} entry without values ({@code #+   - kind}, grlc's own form) takes its
 * allowed values from the fact model ({@code ontology/kinds.ttl}): the names of the kinds of fact
 * for {@code kind}, the declared values of the columns of that name otherwise (see
 * {@link Enumerations}). Listed values must be among the declared ones. IRI defaults name entities
 * relative to the base ({@code id/organization/openai}); they are resolved against the base of the
 * build a query is run on ({@link SavedQuery#bind(Map, String)}).
 *
 * <pre>{@code
 * QueryLibrary library = QueryLibrary.read(Path.of("queries"), FactModel.read(Path.of("ontology")));
 * }</pre>
 *
 * A file that does not parse, or whose decorators name unknown parameters, is an error naming the
 * file (and line, for SPARQL syntax errors).
 */
public final class QueryLibrary {
    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern PARAMETER_VAR = Pattern.compile("[?$](__?[A-Za-z][A-Za-z0-9_]*)");

    private final Path dir;
    private final Map<String, SavedQuery> queries;

    private QueryLibrary(Path dir, Map<String, SavedQuery> queries) {
        this.dir = dir;
        this.queries = queries;
    }

    /** The API's request parameters that every saved query takes: the result format, and a page's size and start. */
    public static final String FORMAT = "format";
    public static final String LIMIT = "limit";
    public static final String OFFSET = "offset";
    /** Those names, which no saved query may give a parameter. */
    public static final List<String> RESERVED = List.of(FORMAT, LIMIT, OFFSET);
    /** A base to check defaults against when reading: relative IRI defaults are resolved only when a query is bound. */
    private static final String CHECK_BASE = "http://example.org/";

    /**
     * Reads every {@code .rq} file of a folder, with the fact model of the {@code ontology} folder
     * beside it (the project's layout, {@code queries/} next to {@code ontology/}) when there is one.
     */
    public static QueryLibrary read(Path dir) {
        return read(dir, modelBeside(dir));
    }

    /**
     * Reads every {@code .rq} file of a folder; enumerations without values take theirs from the
     * model (which may be null when no query needs it).
     */
    public static QueryLibrary read(Path dir, FactModel model) {
        if (!Files.isDirectory(dir)) throw new KgException("no saved-query folder " + dir);
        Map<String, SavedQuery> queries = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".rq")).sorted().toList()) {
                SavedQuery q = parse(f, model);
                queries.put(q.name(), q);
            }
        } catch (IOException e) {
            throw new KgException("cannot read " + dir + ": " + e.getMessage(), e);
        }
        return new QueryLibrary(dir, queries);
    }

    public Path dir() { return dir; }

    public Collection<SavedQuery> all() { return queries.values(); }

    /** The query of that name, or null. */
    public SavedQuery get(String name) { return queries.get(name); }

    /** What to say of a name no saved query has: that, and the nearest names if some are near ("did you mean"). */
    public String unknown(String name) {
        List<String> near = Suggestions.nearest(name, List.copyOf(queries.keySet()));
        return "no saved query '" + name + "'" + (near.isEmpty() ? "." : "; did you mean " + String.join(" or ", near) + "?");
    }

    /**
     * The fact model of the {@code ontology} folder beside a folder of queries, or null when there
     * is none (a folder of queries elsewhere, whose enumerations must then list their values).
     */
    public static FactModel modelBeside(Path queriesDir) {
        Path parent = queriesDir.toAbsolutePath().normalize().getParent();
        Path ontology = parent == null ? null : parent.resolve("ontology");
        if (ontology == null || !Files.isRegularFile(ontology.resolve(FactModel.KINDS_FILE))) return null;
        return FactModel.read(ontology);
    }

    /** Reads one query file, with the fact model of the ontology folder beside its folder if any. */
    public static SavedQuery parse(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        return parse(file, dir == null ? null : modelBeside(dir));
    }

    /** Reads one query file; enumerations without values take theirs from the model. */
    public static SavedQuery parse(Path file, FactModel model) {
        String fileName = file.getFileName().toString();
        String name = fileName.substring(0, fileName.length() - 3);
        if (!NAME.matcher(name).matches()) {
            throw new KgException(file + ": query names are lower-case words joined by hyphens (e.g. investments-in.rq)");
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new KgException(file + ": cannot read: " + e.getMessage(), e);
        }
        return parse(name, text, file, model);
    }

    /** Reads a query from text, without a fact model (for tests). */
    public static SavedQuery parse(String name, String text, Path file) {
        return parse(name, text, file, null);
    }

    /**
     * Reads a query from text (for {@code kg query --file} and tests); enumerations without values
     * take theirs from the model, which may be null when the text has none.
     */
    public static SavedQuery parse(String name, String text, Path file, FactModel model) {
        Map<String, Object> decorators = decorators(text, file);
        Query query;
        try {
            query = QueryFactory.create(text, Syntax.syntaxARQ);
        } catch (QueryParseException e) {
            throw new KgException(file + ":" + e.getLine() + ":" + e.getColumn() + ": " + e.getMessage());
        }
        Map<String, Parameter> parameters = new LinkedHashMap<>();
        for (String varName : parameterVariables(text)) {
            Parameter p;
            try {
                p = Parameter.of(Var.alloc(varName));
            } catch (IllegalArgumentException e) {
                throw new KgException(file + ": " + e.getMessage());
            }
            if (RESERVED.contains(p.name())) {
                throw new KgException(file + ": parameter name '" + p.name() + "' (?" + varName + ") is reserved: every saved "
                        + "query takes " + String.join(", ", RESERVED) + " over HTTP; rename the variable");
            }
            Parameter earlier = parameters.putIfAbsent(p.name(), p);
            if (earlier != null && !earlier.variable().equals(p.variable())) {
                throw new KgException(file + ": parameter '" + p.name() + "' is declared twice, as ?"
                        + earlier.variable().getVarName() + " and ?" + p.variable().getVarName());
            }
        }
        for (Map.Entry<String, Object> d : entries(decorators.get("defaults"), file, "defaults").entrySet()) {
            Parameter p = known(parameters, d.getKey(), file, "defaults");
            parameters.put(p.name(), p.withDefault(scalar(d.getValue())));
        }
        for (Map.Entry<String, Object> e : entries(decorators.get("enumerate"), file, "enumerate").entrySet()) {
            Parameter p = known(parameters, e.getKey(), file, "enumerate");
            parameters.put(p.name(), p.withAllowed(allowed(e.getKey(), e.getValue(), model, query, text, file)));
        }
        for (Parameter p : parameters.values()) {
            if (p.defaultValue() != null) {
                try {
                    p.toNode(p.defaultValue(), CHECK_BASE); // relative IRIs are checked resolved
                } catch (ParameterException ex) {
                    throw new KgException(file + ": default of " + ex.getMessage());
                }
            }
        }
        return new SavedQuery(name, string(decorators.get("summary"), name), string(decorators.get("description"), ""),
                list(decorators.get("tags")), new ArrayList<>(parameters.values()), query, text, file);
    }

    /**
     * The allowed values of an enumerated parameter: those listed, which must be among the declared
     * ones; or, when none are listed, the declared ones.
     */
    private static List<String> allowed(String name, Object listed, FactModel model, Query query, String text, Path file) {
        boolean none = listed == null || (listed instanceof List<?> l && l.isEmpty()) || "".equals(listed);
        if (!none && !(listed instanceof List<?>)) {
            throw new KgException(file + ": enumerate: give the allowed values of '" + name + "' as a list, or none to take them "
                    + "from the fact model (ontology/kinds.ttl)");
        }
        List<String> declared = model == null ? List.of() : Enumerations.declared(model, name, query, text);
        if (none) {
            if (model == null) {
                throw new KgException(file + ": enumerate: '" + name + "' lists no values, so it takes them from the fact model "
                        + "(ontology/kinds.ttl), and none was given; read the queries with one, or list the values");
            }
            if (declared.isEmpty()) {
                throw new KgException(file + ": enumerate: '" + name + "' lists no values and no declared column is named '"
                        + name + "' (ontology/kinds.ttl); list the values, or rename the parameter after the column");
            }
            return declared;
        }
        List<String> values = ((List<?>) listed).stream().map(QueryLibrary::scalar).toList();
        if (!declared.isEmpty()) {
            for (String v : values) {
                if (!declared.contains(v)) {
                    throw new KgException(file + ": enumerate: '" + name + "' lists '" + v + "', which the fact model "
                            + "(ontology/kinds.ttl) does not declare; the declared values are " + String.join(", ", declared));
                }
            }
        }
        return values;
    }

    /** The YAML of the leading {@code #+} lines. */
    private static Map<String, Object> decorators(String text, Path file) {
        StringBuilder yaml = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            String l = line.stripTrailing();
            if (l.startsWith("#+")) yaml.append(l.length() > 2 && l.charAt(2) == ' ' ? l.substring(3) : l.substring(2)).append('\n');
            else if (!l.isBlank()) break;
        }
        if (yaml.isEmpty()) return Map.of();
        try {
            Object parsed = new Yaml().load(yaml.toString());
            if (parsed == null) return Map.of();
            if (!(parsed instanceof Map<?, ?> m)) throw new KgException(file + ": the #+ decorators must be YAML keys (summary:, tags: ...)");
            Map<String, Object> result = new LinkedHashMap<>();
            m.forEach((k, v) -> result.put(String.valueOf(k), v));
            return result;
        } catch (YAMLException e) {
            throw new KgException(file + ": the #+ decorators are not valid YAML: " + e.getMessage().replace('\n', ' '));
        }
    }

    /** The parameter variables the text mentions outside comments, in order. */
    private static Set<String> parameterVariables(String text) {
        Set<String> names = new LinkedHashSet<>();
        for (String line : text.split("\n")) {
            String code = line.strip().startsWith("#") ? "" : line;
            Matcher m = PARAMETER_VAR.matcher(code);
            while (m.find()) names.add(m.group(1));
        }
        return names;
    }

    /** A decorator given as a list of one-key maps (grlc's form) or as a map. */
    private static Map<String, Object> entries(Object value, Path file, String key) {
        Map<String, Object> result = new LinkedHashMap<>();
        if (value == null) return result;
        List<?> items = value instanceof List<?> l ? l : List.of(value);
        for (Object item : items) {
            if (item instanceof String bare && key.equals("enumerate")) {
                result.put(bare, null); // grlc's form without values: '#+   - kind'
                continue;
            }
            if (!(item instanceof Map<?, ?> m)) throw new KgException(file + ": " + key + ": expected 'name: value' entries, found " + item);
            m.forEach((k, v) -> result.put(String.valueOf(k), v));
        }
        return result;
    }

    private static Parameter known(Map<String, Parameter> parameters, String name, Path file, String key) {
        Parameter p = parameters.get(name);
        if (p == null) throw new KgException(file + ": " + key + " names '" + name + "', which is not a parameter of the query");
        return p;
    }

    /**
     * A YAML scalar as the text it was written as: YAML reads {@code 2023-12-31} as a date, which
     * is given back in ISO form (as grlc, in Python, does).
     */
    private static String scalar(Object v) {
        if (v instanceof java.util.Date d) {
            java.time.Instant i = d.toInstant();
            return i.equals(i.truncatedTo(java.time.temporal.ChronoUnit.DAYS))
                    ? i.atOffset(java.time.ZoneOffset.UTC).toLocalDate().toString() : i.toString();
        }
        return String.valueOf(v);
    }

    private static String string(Object v, String otherwise) {
        return v == null ? otherwise : String.valueOf(v).strip();
    }

    private static List<String> list(Object v) {
        if (v == null) return List.of();
        if (v instanceof List<?> l) return l.stream().map(String::valueOf).toList();
        return List.of(String.valueOf(v));
    }
}
