package org.articlekg.server;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecutionFactory;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.graph.GraphFactory;
import org.articlekg.load.Iris;
import org.articlekg.load.Labels;
import org.articlekg.publish.Explorer;
import org.articlekg.publish.Link;
import org.articlekg.publish.Templates;
import org.articlekg.query.Parameter;
import org.articlekg.query.QueryLibrary;
import org.articlekg.query.QueryRunner;
import org.articlekg.query.ResultFormat;
import org.articlekg.query.SavedQuery;

/**
 * A saved query as a page, for browsers ({@code Accept: text/html} or {@code format=html}): its
 * question and description, a form for its parameters (an entity picker over the text index for
 * IRIs, a choice for enumerations, a date input for dates), the results as a table (IRIs linked
 * to their pages and shown by their labels, amounts and dates as people write them, in English or
 * French by {@code Accept-Language}), paging, a download link for every format of
 * {@link ResultFormat}, and the {@link ResultViews views} the results' columns allow (timeline,
 * charts, graph). The markup is {@code templates/query.mustache}; the table reads without
 * JavaScript.
 */
final class ResultsPage {
    /** The column that, right after an IRI column, holds that IRI's label (investments-in's investment, label). */
    private static final String LABEL = "label";
    /** Rows per page when the request gives no {@code limit}. */
    static final long PAGE_ROWS = 100;

    private ResultsPage() {}

    /** A choice of an enumeration. */
    record Option(String value, boolean selected) {}

    /**
     * A field of the form.
     *
     * @param input the input's type: text, date, number, select or entity
     * @param valueLabel for an entity, the label of the IRI given
     */
    record Field(String name, String type, boolean required, String value, String input, List<Option> options, String valueLabel) {
        public boolean select() { return input.equals("select"); }
        public boolean entity() { return input.equals("entity"); }
        public boolean plain() { return !select(); }
    }

    /** A cell: links (an IRI, or a list of them) or text; {@code num} right-aligns figures. */
    record Cell(List<Link.Joined> parts, boolean num) {}

    record Row(List<Cell> cells) {}

    /** A result view: which drawing ({@code timeline}, {@code bars}, {@code lines}, {@code graph}), its title, its data as JSON and its number of items. */
    record View(String kind, String title, String data, int items, String note) {}

    /** The page's view model. */
    record Page(String title, String name, String description, List<Field> fields, String limit, boolean hasFields,
                boolean ask, String answer, List<String> columns, List<Row> rows, String shown, String truncated,
                String previous, String next, List<Link> downloads, String editor, List<View> resultViews,
                String cytoscape) {
        public boolean views() { return !resultViews.isEmpty(); }
        public boolean graphView() { return resultViews.stream().anyMatch(v -> v.kind().equals("graph")); }
    }

    /** What a request asked: the parameter values given (empty ones dropped), the page, the language. */
    record Request(Map<String, String> values, long limit, long offset, String lang) {}

    /**
     * @param results SPARQL JSON results (tables) or N-Triples (graphs), of up to {@code limit + 1} rows (one more tells there is a next page)
     */
    static String html(SavedQuery query, Request request, byte[] results, QueryRunner.Outcome outcome, long maxRows,
                       DatasetGraph dsg, String base) {
        Formatter f = new Formatter(dsg, base, request.lang());
        List<String> columns = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        List<View> views = new ArrayList<>();
        boolean ask = false;
        String answer = null;
        boolean more = false;
        if (query.isTabular()) {
            if (isAsk(results)) {
                ask = true;
                answer = String.valueOf(ResultSetMgr.readBoolean(new ByteArrayInputStream(results), ResultSetLang.RS_JSON));
            } else {
                RowSet rs = RowSet.adapt(ResultSetMgr.read(new ByteArrayInputStream(results), ResultSetLang.RS_JSON));
                List<Var> vars = rs.getResultVars();
                // An X_label column is shown as the text of X's links, not as a column of its own; so is
                // a column named label right after an IRI column (investment, label: the investment's label).
                List<String> names = vars.stream().map(Var::getVarName).toList();
                int at = names.indexOf(LABEL);
                String before = at > 0 && !names.contains(names.get(at - 1) + "_label") ? names.get(at - 1) : null;
                List<Map<String, Node>> table = new ArrayList<>();
                while (rs.hasNext()) {
                    Binding b = rs.next();
                    Map<String, Node> row = new LinkedHashMap<>();
                    for (Var v : vars) if (b.get(v) != null) row.put(v.getVarName(), b.get(v));
                    table.add(row);
                }
                String labelled = before != null
                        && table.stream().allMatch(r -> !r.containsKey(LABEL) || r.containsKey(before) && r.get(before).isURI()) ? before : null;
                if (labelled != null) for (Map<String, Node> row : table) if (row.containsKey(LABEL)) row.put(labelled + "_label", row.get(LABEL));
                for (String c : names) {
                    boolean linkText = c.endsWith("_label") && names.contains(c.substring(0, c.length() - 6)) || c.equals(LABEL) && labelled != null;
                    if (!linkText) columns.add(c);
                }
                if (table.size() > request.limit()) {
                    more = true;
                    table = table.subList(0, (int) request.limit());
                }
                f.learnLabels(table);
                for (Map<String, Node> row : table) {
                    List<Cell> cells = new ArrayList<>();
                    for (String c : columns) cells.add(f.cell(c, row));
                    rows.add(new Row(cells));
                }
                views.addAll(ResultViews.of(names, table, f)); // by the result's columns, those shown as link text too
            }
        } else {
            Graph g = GraphFactory.createDefaultGraph();
            RDFParser.source(new ByteArrayInputStream(results)).lang(Lang.NTRIPLES).parse(g);
            columns.addAll(List.of("subject", "predicate", "object"));
            List<Map<String, Node>> table = new ArrayList<>();
            for (Triple t : g.find().toList()) table.add(Map.of("subject", t.getSubject(), "predicate", t.getPredicate(), "object", t.getObject()));
            f.learnLabels(table);
            for (Map<String, Node> row : table) rows.add(new Row(columns.stream().map(c -> f.cell(c, row)).toList()));
            View graph = ResultViews.graph(g, f);
            if (graph != null) views.add(graph);
        }
        String self = "/api/" + query.name();
        Map<String, String> given = request.values();
        String previous = request.offset() > 0 ? self + queryString(given, request.limit(), Math.max(0, request.offset() - request.limit())) : null;
        String next = more ? self + queryString(given, request.limit(), request.offset() + request.limit()) : null;
        List<Link> downloads = new ArrayList<>();
        for (ResultFormat format : ResultFormat.formats(query.isTabular())) {
            Map<String, String> p = new LinkedHashMap<>(given);
            p.put(QueryLibrary.FORMAT, format.shortName());
            downloads.add(new Link(self + queryString(p, null, null), format.shortName().toUpperCase(Locale.ROOT)));
        }
        String shown = ask ? null : rows.isEmpty() ? "No results." + unknownEntity(query, given, base, f) : (query.isTabular() ? "Rows " : "Triples ")
                + (request.offset() + 1) + "–" + (request.offset() + rows.size()) + (more ? ", more on the next page" : "");
        return Templates.render("query", new Page(query.summary(), query.name(), query.description(), fields(query, given, base, f),
                String.valueOf(request.limit()), !query.parameters().isEmpty(), ask, answer, columns, rows, shown,
                outcome.truncated() ? truncationNote(maxRows) : null, previous, next, downloads, ApiServlet.editorLink(query, given, base),
                views, Templates.webjarVersion("cytoscape")));
    }

    /**
     * Why an answer may be empty: an entity parameter whose IRI nothing in the graph has (a name
     * typed where an IRI goes, or an IRI of the graph served at another address); empty otherwise.
     */
    private static String unknownEntity(SavedQuery query, Map<String, String> given, String base, Formatter f) {
        for (Parameter p : query.parameters()) {
            if (p.kind() != Parameter.Kind.IRI || !p.allowed().isEmpty() || !given.containsKey(p.name())) continue;
            String iri;
            try {
                iri = p.resolve(given.get(p.name()), base);
            } catch (RuntimeException e) {
                continue;
            }
            if (!f.known(NodeFactory.createURI(iri))) {
                return " Nothing in this graph has the IRI " + iri + " (" + p.name() + "): its IRIs start with " + base
                        + "; type a name in the field to pick one." + nearestEntities(iri, f);
            }
        }
        return "";
    }

    /**
     * The entities whose names match the words of an unknown IRI's last segment ({@code elon-musk}
     * finds {@code …/id/person/elon-musk}), as the explorer's search finds them: at most three.
     */
    private static String nearestEntities(String iri, Formatter f) {
        String words = iri.replaceAll("[/#]+$", "").replaceAll(".*[/#]", "").replaceAll("[-_+.]+", " ").strip();
        if (words.isEmpty() || ExplorerServlet.searchProblem(words) != null) return "";
        List<String> found = new ArrayList<>();
        for (JsonValue hit : Explorer.search(f.dsg, new Iris(f.base), words)) {
            if (found.size() == 3) break;
            JsonObject o = hit.getAsObject();
            found.add(o.get("label").getAsString().value() + " (" + o.get("iri").getAsString().value() + ")");
        }
        return found.isEmpty() ? "" : " Did you mean " + String.join(" or ", found) + "?";
    }

    /** The form's fields: each parameter with the value given (or its default), as the input its type asks for. */
    private static List<Field> fields(SavedQuery query, Map<String, String> given, String base, Formatter f) {
        List<Field> fields = new ArrayList<>();
        for (Parameter p : query.parameters()) {
            String value = given.containsKey(p.name()) ? given.get(p.name()) : p.defaultValue(base);
            String input;
            if (!p.allowed().isEmpty()) input = "select";
            else if (p.kind() == Parameter.Kind.IRI) input = "entity";
            else if (p.kind() == Parameter.Kind.TYPED_LITERAL && p.datatype().equals(XSDDatatype.XSDdate)) input = "date";
            else if (p.kind() == Parameter.Kind.TYPED_LITERAL && (p.datatype().equals(XSDDatatype.XSDinteger) || p.datatype().equals(XSDDatatype.XSDgYear))) input = "number";
            else input = "text";
            List<Option> options = new ArrayList<>();
            if (input.equals("select")) {
                if (!p.required()) options.add(new Option("", value == null));
                for (String a : p.allowed()) options.add(new Option(a, a.equals(value)));
            }
            String valueLabel = null;
            if (input.equals("entity") && value != null) {
                try {
                    Node entity = NodeFactory.createURI(p.resolve(value, base));
                    valueLabel = f.known(entity) ? f.label(entity) : null; // no label for an IRI the graph does not have
                } catch (RuntimeException e) {
                    valueLabel = null; // a bad IRI: the error page says so
                }
            }
            fields.add(new Field(p.name(), p.typeName(), p.required(), value == null ? "" : value, input, options, valueLabel));
        }
        return fields;
    }

    /** {@code ?a=1&b=2&limit=..&offset=..}, values encoded; null bounds left out. */
    static String queryString(Map<String, String> values, Long limit, Long offset) {
        List<String> parts = new ArrayList<>();
        values.forEach((k, v) -> parts.add(enc(k) + "=" + enc(v)));
        if (limit != null) parts.add(QueryLibrary.LIMIT + "=" + limit);
        if (offset != null && offset > 0) parts.add(QueryLibrary.OFFSET + "=" + offset);
        return parts.isEmpty() ? "" : "?" + String.join("&", parts);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The note shown when the row cap cut the results. */
    static String truncationNote(long maxRows) {
        return "Truncated: only the first " + maxRows + " rows are shown (the server's row cap, --max-rows); "
                + "page with limit and offset, or narrow the query.";
    }

    private static boolean isAsk(byte[] json) {
        String head = new String(json, 0, Math.min(json.length, 200), StandardCharsets.UTF_8);
        return head.contains("\"boolean\"");
    }

    /**
     * Values as people read them, in one language: IRIs by their labels (a {@code X_label} column
     * beside {@code X}, or the graph's {@code rdfs:label}), linked to their pages; amounts with
     * their currency or unit ({@link Labels#amount}); dates in words, after their qualifier.
     */
    static final class Formatter {
        private static final Set<String> DATES = Set.of(XSDDatatype.XSDdate.getURI(), XSDDatatype.XSDgYearMonth.getURI(),
                XSDDatatype.XSDgYear.getURI());
        private static final Set<String> NUMBERS = Set.of(XSDDatatype.XSDdecimal.getURI(), XSDDatatype.XSDinteger.getURI(),
                XSDDatatype.XSDdouble.getURI(), XSDDatatype.XSDfloat.getURI());
        /** The labels and titles of the IRIs listed in place of {@code %s}, read from them. */
        private static final String LABELS = """
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                PREFIX dcterms: <http://purl.org/dc/terms/>
                SELECT ?s ?l WHERE { VALUES ?s {%s } ?s rdfs:label|dcterms:title ?l }""";
        private static final Query QUALIFIERS = QueryFactory.create("""
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
                PREFIX akg: <https://w3id.org/article-kg/ontology#>
                SELECT ?n ?l WHERE { ?c a akg:DateQualifier ; skos:notation ?n ; rdfs:label ?l FILTER(LANGMATCHES(LANG(?l), ?lang)) }""");

        private final DatasetGraph dsg;
        private final String base;
        final String lang;
        private final Map<String, String> labels = new HashMap<>();
        private Map<String, String> qualifiers;

        Formatter(DatasetGraph dsg, String base, String lang) {
            this.dsg = dsg;
            this.base = base;
            this.lang = lang;
        }

        /** Reads the labels of every IRI of the rows, in one query per hundred IRIs. */
        void learnLabels(List<Map<String, Node>> rows) {
            Set<Node> iris = new LinkedHashSet<>();
            for (Map<String, Node> row : rows) {
                for (Node n : row.values()) {
                    if (n.isURI()) iris.add(n);
                    else if (n.isLiteral()) for (String s : iriList(n)) iris.add(NodeFactory.createURI(s));
                }
            }
            List<Node> all = new ArrayList<>(iris);
            all.removeIf(n -> labels.containsKey(n.getURI()));
            for (int i = 0; i < all.size(); i += 100) {
                StringBuilder values = new StringBuilder();
                for (Node n : all.subList(i, Math.min(all.size(), i + 100))) {
                    values.append(" <").append(n.getURI()).append('>');
                    labels.put(n.getURI(), null); // read once: one without a label is not asked again
                }
                Query q = QueryFactory.create(LABELS.formatted(values));
                // the label in the page's language, else one without a language, else any (a French article's title)
                Map<String, Integer> rank = new HashMap<>();
                for (QuerySolution s : select(q)) {
                    String l = s.getLiteral("l").getLanguage();
                    int r = l.equalsIgnoreCase(lang) ? 0 : l.isEmpty() ? 1 : 2;
                    String iri = s.getResource("s").getURI();
                    if (r < rank.getOrDefault(iri, 3)) {
                        rank.put(iri, r);
                        labels.put(iri, s.getLiteral("l").getString());
                    }
                }
            }
        }

        private List<QuerySolution> select(Query q) {
            var exec = QueryExecutionFactory.create(q, org.apache.jena.query.DatasetFactory.wrap(dsg),
                    querySolution("lang", NodeFactory.createLiteralString(lang)));
            try (exec) {
                List<QuerySolution> out = new ArrayList<>();
                exec.execSelect().forEachRemaining(out::add);
                return out;
            }
        }

        private static org.apache.jena.query.QuerySolutionMap querySolution(String var, Node value) {
            org.apache.jena.query.QuerySolutionMap m = new org.apache.jena.query.QuerySolutionMap();
            m.add(var, org.apache.jena.rdf.model.ResourceFactory.createPlainLiteral(value.getLiteralLexicalForm()));
            return m;
        }

        /** How many IRIs it has read the labels of (with a label or without): those of the rows it was given, and of the IRIs it labelled. */
        int labelsHeld() {
            return labels.size();
        }

        /** Whether the graph has a label or title for the IRI (every entity, fact and article of the graph has one). */
        boolean known(Node iri) {
            if (!labels.containsKey(iri.getURI())) learnLabels(List.of(Map.of("x", iri)));
            return labels.get(iri.getURI()) != null;
        }

        /** The label of an IRI (read by {@link #learnLabels} or looked up now), or its last segment. */
        String label(Node iri) {
            if (!labels.containsKey(iri.getURI())) learnLabels(List.of(Map.of("x", iri)));
            String l = labels.get(iri.getURI());
            if (l != null) return l;
            String u = iri.getURI();
            return u.substring(Math.max(u.lastIndexOf('#'), u.lastIndexOf('/')) + 1);
        }

        /** A link target: the graph's IRIs as paths on this server. */
        String href(String iri) {
            return iri.startsWith(base) ? "/" + iri.substring(base.length()) : iri;
        }

        Link link(Node iri, String label) {
            return new Link(href(iri.getURI()), label != null ? label : label(iri));
        }

        /** The IRIs a literal lists ({@code articles}: "http://… http://…"), or none when it is not only IRIs. */
        static List<String> iriList(Node literal) {
            String s = literal.getLiteralLexicalForm().strip();
            if (s.isEmpty() || !literal.getLiteralLanguage().isEmpty()) return List.of();
            List<String> out = new ArrayList<>();
            for (String part : s.split("\\s+")) {
                if (!part.matches("https?://[^\\s<>\"{}|\\\\^`]+") || !isIri(part)) return List.of();
                out.add(part);
            }
            return out;
        }

        /** Whether a text is an IRI a query may name (a bad {@code %} escape, a second {@code #} ... are not). */
        private static boolean isIri(String s) {
            try {
                org.apache.jena.irix.IRIx.create(s);
                return true;
            } catch (org.apache.jena.irix.IRIException e) {
                return false;
            }
        }

        Cell cell(String column, Map<String, Node> row) {
            Node n = row.get(column);
            if (n == null) return new Cell(List.of(), false);
            if (n.isURI()) {
                Node label = row.get(column + "_label");
                return new Cell(Link.joined(List.of(link(n, label != null && label.isLiteral() ? label.getLiteralLexicalForm() : null)), ", "), false);
            }
            if (!n.isLiteral()) return text(n.toString(), false);
            List<String> iris = iriList(n);
            if (!iris.isEmpty()) return new Cell(Link.joined(iris.stream().map(i -> link(NodeFactory.createURI(i), null)).toList(), ", "), false);
            String type = n.getLiteralDatatypeURI();
            if (NUMBERS.contains(type)) return text(number(column, n, row), true);
            if (DATES.contains(type)) return text(date(column, n, row), false);
            return text(n.getLiteralLexicalForm(), false);
        }

        private static Cell text(String s, boolean num) {
            return new Cell(List.of(new Link.Joined("", Link.text(s))), num);
        }

        /** An amount with the row's currency or unit ({@code USD 10 billion}); counts and other numbers as written. */
        String number(String column, Node n, Map<String, Node> row) {
            Node unit = row.containsKey("currency") ? row.get("currency") : row.get("unit");
            boolean amount = column.equals("amount") || column.equals("amount_max") || column.equals("value");
            if (!amount || unit == null || !unit.isLiteral()) return n.getLiteralLexicalForm();
            try {
                String u = unit.getLiteralLexicalForm();
                String shown = Labels.amount(new BigDecimal(n.getLiteralLexicalForm()), null, u, lang);
                return shown.contains(u) ? shown : shown + " " + u;
            } catch (NumberFormatException e) {
                return n.getLiteralLexicalForm();
            }
        }

        /** A date in words ({@code March 2018}, {@code mars 2018}), after the row's qualifier of it ({@code early 2018}). */
        String date(String column, Node n, Map<String, Node> row) {
            String lexical = n.getLiteralLexicalForm();
            var partial = org.articlekg.load.PartialDate.parseOrNull(lexical);
            String date = partial == null ? lexical : Labels.date(partial, lang);
            Node q = row.get(column + "_qualifier");
            if (q == null || !q.isLiteral()) return date;
            return qualifier(q.getLiteralLexicalForm()) + " " + date;
        }

        private String qualifier(String notation) {
            if (qualifiers == null) {
                qualifiers = new HashMap<>();
                for (QuerySolution s : select(QUALIFIERS)) qualifiers.put(s.getLiteral("n").getString(), s.getLiteral("l").getString());
            }
            return qualifiers.getOrDefault(notation, notation.replace('_', ' '));
        }
    }
}
