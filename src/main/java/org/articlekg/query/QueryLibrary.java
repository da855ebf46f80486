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
 * #+   - investee: http://localhost:3030/id/organization/openai
 * #+ enumerate:
 * #+   - status:
 * #+     - completed
 * #+     - rejected
 * </pre>
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

    /** Reads every {@code .rq} file of a folder. */
    public static QueryLibrary read(Path dir) {
        if (!Files.isDirectory(dir)) throw new KgException("no saved-query folder " + dir);
        Map<String, SavedQuery> queries = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".rq")).sorted().toList()) {
                SavedQuery q = parse(f);
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

    /** Reads one query file. */
    public static SavedQuery parse(Path file) {
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
        return parse(name, text, file);
    }

    /** Reads a query from text (for {@code kg query --file} and tests). */
    public static SavedQuery parse(String name, String text, Path file) {
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
            parameters.put(p.name(), p.withDefault(String.valueOf(d.getValue())));
        }
        for (Map.Entry<String, Object> e : entries(decorators.get("enumerate"), file, "enumerate").entrySet()) {
            Parameter p = known(parameters, e.getKey(), file, "enumerate");
            if (!(e.getValue() instanceof List<?> values) || values.isEmpty()) {
                throw new KgException(file + ": enumerate: give the allowed values of '" + e.getKey() + "' as a list");
            }
            parameters.put(p.name(), p.withAllowed(values.stream().map(String::valueOf).toList()));
        }
        for (Parameter p : parameters.values()) {
            if (p.defaultValue() != null) {
                try {
                    p.toNode(p.defaultValue());
                } catch (ParameterException ex) {
                    throw new KgException(file + ": default of " + ex.getMessage());
                }
            }
        }
        return new SavedQuery(name, string(decorators.get("summary"), name), string(decorators.get("description"), ""),
                list(decorators.get("tags")), new ArrayList<>(parameters.values()), query, text, file);
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

    private static String string(Object v, String otherwise) {
        return v == null ? otherwise : String.valueOf(v).strip();
    }

    private static List<String> list(Object v) {
        if (v == null) return List.of();
        if (v instanceof List<?> l) return l.stream().map(String::valueOf).toList();
        return List.of(String.valueOf(v));
    }
}
