package org.articlekg.server;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.system.G;
import org.apache.jena.vocabulary.RDF;
import org.articlekg.load.Labels;
import org.articlekg.vocab.AKG;

/**
 * The drawings a saved query's results allow, chosen by their columns, so that any query with
 * those columns gets them (the table stays; the drawings need JavaScript):
 * <ul>
 * <li>{@link Kind#TIMELINE}: {@code date}, {@code label} and {@code fact}: one mark per claim at
 *     its date; {@code date_basis} "reported by" marks an undated claim placed at its reported
 *     date, {@code disputed} a claim another contradicts;</li>
 * <li>{@link Kind#INVESTMENTS}: {@code amount}, {@code currency}, {@code investor} and {@code date}:
 *     bars by year, one series per investor, one chart per currency;</li>
 * <li>{@link Kind#OBSERVATIONS}: {@code value}, {@code unit}, {@code measure}, {@code subject},
 *     {@code date} and {@code articles}: a line per source article for each subject and measure,
 *     so where the articles disagree the lines part;</li>
 * <li>a graph of a CONSTRUCT or DESCRIBE result ({@link #graph}).</li>
 * </ul>
 * The data goes to the page as JSON; {@code static/pages.js} draws it with ECharts or Cytoscape.js.
 */
final class ResultViews {
    private ResultViews() {}

    /** The views of tables, each with the columns it needs. */
    enum Kind {
        TIMELINE(Set.of("date", "label", "fact")),
        INVESTMENTS(Set.of("amount", "currency", "investor", "date")),
        OBSERVATIONS(Set.of("value", "unit", "measure", "subject", "date", "articles"));

        final Set<String> columns;

        Kind(Set<String> columns) {
            this.columns = columns;
        }
    }

    /** The views the columns allow, with their data from the rows. */
    static List<ResultsPage.View> of(List<String> columns, List<Map<String, Node>> rows, ResultsPage.Formatter f) {
        List<ResultsPage.View> views = new ArrayList<>();
        for (Kind k : Kind.values()) {
            if (!columns.containsAll(k.columns) || rows.isEmpty()) continue;
            switch (k) {
                case TIMELINE -> views.add(timeline(rows, f));
                case INVESTMENTS -> views.addAll(investments(rows, f));
                case OBSERVATIONS -> views.addAll(observations(rows, f));
            }
        }
        views.removeIf(v -> v.items() == 0);
        return views;
    }

    private static String text(Map<String, Node> row, String column) {
        Node n = row.get(column);
        return n == null ? null : n.isLiteral() ? n.getLiteralLexicalForm() : n.isURI() ? n.getURI() : n.toString();
    }

    private static ResultsPage.View timeline(List<Map<String, Node>> rows, ResultsPage.Formatter f) {
        JsonArray items = new JsonArray();
        for (Map<String, Node> row : rows) {
            String date = text(row, "date");
            if (date == null) continue;
            JsonObject o = new JsonObject();
            o.put("date", date);
            o.put("when", row.containsKey("when") ? text(row, "when") : f.date("date", row.get("date"), row));
            o.put("label", text(row, "label"));
            Node fact = row.get("fact");
            if (fact != null && fact.isURI()) o.put("href", f.href(fact.getURI()));
            o.put("kind", row.containsKey("kind") ? text(row, "kind") : "fact");
            o.put("undated", "reported by".equals(text(row, "date_basis")));
            o.put("disputed", "true".equals(text(row, "disputed")));
            items.add(o);
        }
        return new ResultsPage.View("timeline", "Timeline", org.apache.jena.atlas.json.JSON.toStringFlat(items), items.size(),
                "Hollow marks are undated facts, placed at the date of the first article that reports them; orange marks are disputed.");
    }

    /** The year of a date's lexical form ({@code 2019}, {@code 2019-03-11}). */
    private static String year(String date) {
        return date != null && date.length() >= 4 ? date.substring(0, 4) : null;
    }

    private static List<ResultsPage.View> investments(List<Map<String, Node>> rows, ResultsPage.Formatter f) {
        // currency -> investor -> year -> investee -> the largest amount claimed (claims of one deal that disagree count once)
        Map<String, Map<String, Map<String, Map<String, BigDecimal>>>> sums = new TreeMap<>();
        // currency -> the undated claims with an amount, which no year can hold: named under the chart
        Map<String, Set<String>> undated = new TreeMap<>();
        Set<String> years = new TreeSet<>();
        for (Map<String, Node> row : rows) {
            String year = year(text(row, "date"));
            String currency = text(row, "currency");
            Node investor = row.get("investor");
            if (currency == null || investor == null || row.get("amount") == null || !row.get("amount").isLiteral()) continue;
            BigDecimal amount = decimal(row, "amount");
            if (amount == null) continue;
            String name = row.containsKey("investor_label") ? text(row, "investor_label") : f.label(investor);
            if (year == null) {
                // a range's upper bound that is no number: shown as its lower bound
                undated.computeIfAbsent(currency, c -> new java.util.LinkedHashSet<>())
                        .add(name + " " + Labels.amount(amount, decimal(row, "amount_max"), currency, "en"));
                continue;
            }
            years.add(year);
            sums.computeIfAbsent(currency, c -> new TreeMap<>()).computeIfAbsent(name, i -> new TreeMap<>())
                    .computeIfAbsent(year, y -> new TreeMap<>()).merge(String.valueOf(text(row, "investee")), amount, BigDecimal::max);
        }
        List<ResultsPage.View> views = new ArrayList<>();
        for (var byCurrency : sums.entrySet()) {
            JsonObject chart = new JsonObject();
            JsonArray categories = new JsonArray();
            years.forEach(categories::add);
            chart.put("categories", categories);
            chart.put("unit", byCurrency.getKey());
            JsonArray series = new JsonArray();
            for (var byInvestor : byCurrency.getValue().entrySet()) {
                JsonObject s = new JsonObject();
                s.put("name", byInvestor.getKey());
                JsonArray data = new JsonArray();
                for (String y : years) {
                    Map<String, BigDecimal> deals = byInvestor.getValue().get(y);
                    if (deals == null) data.add(0);
                    else data.add(org.apache.jena.atlas.json.JsonNumber.value(deals.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add).doubleValue()));
                }
                s.put("data", data);
                series.add(s);
            }
            chart.put("series", series);
            views.add(new ResultsPage.View("bars", "Investments by year and investor (" + byCurrency.getKey() + ")", org.apache.jena.atlas.json.JSON.toStringFlat(chart),
                    series.size(), "Dated claims only; a range counts at its lower bound; where articles disagree about one investment's amount, the largest claimed is counted."
                    + notDrawn(undated.getOrDefault(byCurrency.getKey(), Set.of()))));
        }
        return views;
    }

    /** A column's value as an exact number, or null when it has none or is no number. */
    private static BigDecimal decimal(Map<String, Node> row, String column) {
        String value = text(row, column);
        try {
            return value == null ? null : new BigDecimal(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The undated claims a chart leaves out, named so that a reader does not take the bars for the whole: at most five. */
    private static String notDrawn(Set<String> undated) {
        if (undated.isEmpty()) return "";
        List<String> shown = undated.stream().limit(5).toList();
        return " Not drawn, undated: " + String.join("; ", shown)
                + (undated.size() > shown.size() ? "; and " + (undated.size() - shown.size()) + " more" : "") + ".";
    }

    private static List<ResultsPage.View> observations(List<Map<String, Node>> rows, ResultsPage.Formatter f) {
        // (subject, measure, unit) -> source article -> points
        Map<String, Map<String, JsonArray>> charts = new LinkedHashMap<>();
        for (Map<String, Node> row : rows) {
            String date = text(row, "date");
            Node subject = row.get("subject");
            if (date == null || subject == null || !row.get("value").isLiteral()) continue;
            String title = (row.containsKey("subject_label") ? text(row, "subject_label") : f.label(subject)) + ": "
                    + text(row, "measure").replace('_', ' ') + " (" + text(row, "unit") + ")";
            for (String article : ResultsPage.Formatter.iriList(row.get("articles"))) {
                JsonArray point = new JsonArray();
                point.add(date);
                point.add(org.apache.jena.atlas.json.JsonNumber.value(Double.parseDouble(text(row, "value"))));
                point.add(f.number("value", row.get("value"), row));
                charts.computeIfAbsent(title, t -> new LinkedHashMap<>())
                        .computeIfAbsent(f.label(NodeFactory.createURI(article)), a -> new JsonArray()).add(point);
            }
        }
        List<ResultsPage.View> views = new ArrayList<>();
        for (var chart : charts.entrySet()) {
            JsonObject data = new JsonObject();
            JsonArray series = new JsonArray();
            for (var source : chart.getValue().entrySet()) {
                JsonObject s = new JsonObject();
                s.put("name", source.getKey());
                s.put("data", source.getValue());
                series.add(s);
            }
            data.put("series", series);
            views.add(new ResultsPage.View("lines", chart.getKey(), org.apache.jena.atlas.json.JSON.toStringFlat(data), series.size(),
                    "One line per source article: where the articles disagree, the lines part."));
        }
        return views;
    }

    /**
     * The nodes and edges of a graph result (literal values stay in the table), or null when it has
     * no edge. A statement the result reifies ({@code [ a rdf:Statement ; rdf:subject ;
     * rdf:predicate ; rdf:object ]}, as entity-neighbourhood gives each edge) is not drawn as nodes
     * of its own: its {@code akg:sourceCount} and {@code akg:disputed} go on the edge it describes.
     */
    static ResultsPage.View graph(Graph g, ResultsPage.Formatter f) {
        JsonArray nodes = new JsonArray();
        JsonArray edges = new JsonArray();
        Set<Node> seen = new java.util.HashSet<>();
        Map<Triple, Node> reified = new java.util.HashMap<>();
        for (Triple t : g.find(Node.ANY, RDF.Nodes.type, RDF.Nodes.Statement).toList()) {
            Node r = t.getSubject();
            Node s = G.getSP(g, r, RDF.Nodes.subject), p = G.getSP(g, r, RDF.Nodes.predicate), o = G.getSP(g, r, RDF.Nodes.object);
            if (s != null && p != null && p.isURI() && o != null) reified.put(Triple.create(s, p, o), r);
        }
        Set<Node> reifications = new java.util.HashSet<>(reified.values());
        boolean annotated = false;
        for (Triple t : g.find().toList()) {
            if (!t.getObject().isURI() && !t.getObject().isBlank() || t.getPredicate().getURI().endsWith("#type")) continue;
            if (reifications.contains(t.getSubject())) continue;
            for (Node n : List.of(t.getSubject(), t.getObject())) {
                if (!seen.add(n)) continue;
                JsonObject d = new JsonObject();
                d.put("id", n.toString());
                d.put("label", n.isURI() ? f.label(n) : "");
                if (n.isURI()) d.put("href", f.href(n.getURI()));
                nodes.add(d);
            }
            JsonObject e = new JsonObject();
            e.put("source", t.getSubject().toString());
            e.put("target", t.getObject().toString());
            String label = f.label(t.getPredicate());
            Node r = reified.get(t);
            if (r != null) {
                Node count = G.getSP(g, r, AKG.sourceCount);
                if (count != null && count.isLiteral()) label += " (" + count.getLiteralLexicalForm() + ")";
                Node disputed = G.getSP(g, r, AKG.disputed);
                if (disputed != null && disputed.isLiteral() && "true".equals(disputed.getLiteralLexicalForm())) e.put("disputed", true);
                annotated = true;
            }
            e.put("label", label);
            edges.add(e);
        }
        if (edges.isEmpty()) return null;
        JsonObject data = new JsonObject();
        data.put("nodes", nodes);
        data.put("edges", edges);
        String caption = "Click a node to open its page."
                + (annotated ? " In brackets: the number of articles behind the edge; dashed red: disputed." : "");
        return new ResultsPage.View("graph", "Graph", org.apache.jena.atlas.json.JSON.toStringFlat(data), edges.size(), caption);
    }
}
