package org.articlekg.server;

import java.io.ByteArrayInputStream;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.graph.GraphFactory;
import org.articlekg.publish.HtmlWriter;
import org.articlekg.query.QueryRunner;
import org.articlekg.query.SavedQuery;

/**
 * A saved query's results as an HTML page, for browsers ({@code Accept: text/html} or
 * {@code format=html}): a table of the rows (of the triples, for graphs), links for web IRIs,
 * every value escaped, and a note when the row cap cut the results.
 */
final class ResultsPage {
    private ResultsPage() {}

    /**
     * @param results SPARQL JSON results (tables) or N-Triples (graphs)
     */
    static String html(SavedQuery query, byte[] results, QueryRunner.Outcome outcome, long maxRows) {
        HtmlWriter w = new HtmlWriter().start(query.summary());
        w.markup("<h1>").text(query.summary()).markup("</h1><p>").text(query.description()).markup("</p>");
        if (outcome.truncated()) w.markup("<p class=\"flag\">").text(truncationNote(maxRows)).markup("</p>");
        if (query.isTabular()) {
            if (!isAsk(results)) {
                RowSet rows = RowSet.adapt(ResultSetMgr.read(new ByteArrayInputStream(results), ResultSetLang.RS_JSON));
                List<org.apache.jena.sparql.core.Var> vars = rows.getResultVars();
                w.markup("<table><tr>");
                for (var v : vars) w.markup("<th>").text(v.getVarName()).markup("</th>");
                w.markup("</tr>");
                long n = 0;
                while (rows.hasNext()) {
                    var b = rows.next();
                    n++;
                    w.markup("<tr>");
                    for (var v : vars) {
                        w.markup("<td>");
                        cell(w, b.get(v));
                        w.markup("</td>");
                    }
                    w.markup("</tr>");
                }
                w.markup("</table><p class=\"muted\">").text(n + (n == 1 ? " row" : " rows")).markup("</p>");
            } else {
                w.markup("<p>").text(String.valueOf(ResultSetMgr.readBoolean(new ByteArrayInputStream(results), ResultSetLang.RS_JSON))).markup("</p>");
            }
        } else {
            Graph g = GraphFactory.createDefaultGraph();
            RDFParser.source(new ByteArrayInputStream(results)).lang(Lang.NTRIPLES).parse(g);
            w.markup("<table><tr><th>subject</th><th>predicate</th><th>object</th></tr>");
            for (Triple t : g.find().toList()) {
                w.markup("<tr><td>");
                cell(w, t.getSubject());
                w.markup("</td><td>");
                cell(w, t.getPredicate());
                w.markup("</td><td>");
                cell(w, t.getObject());
                w.markup("</td></tr>");
            }
            w.markup("</table><p class=\"muted\">").text(g.size() + " triples").markup("</p>");
        }
        return w.end();
    }

    /** The note shown when the row cap cut the results. */
    static String truncationNote(long maxRows) {
        return "Truncated: only the first " + maxRows + " rows are shown (the server's row cap, --max-rows); "
                + "page with limit and offset, or narrow the query.";
    }

    private static boolean isAsk(byte[] json) {
        String head = new String(json, 0, Math.min(json.length, 200), java.nio.charset.StandardCharsets.UTF_8);
        return head.contains("\"boolean\"");
    }

    private static void cell(HtmlWriter w, Node n) {
        if (n == null) return;
        if (n.isURI()) w.link(n.getURI(), n.getURI());
        else if (n.isLiteral()) w.text(n.getLiteralLexicalForm()).markup(n.getLiteralLanguage().isEmpty() ? "" : " <span class=\"muted\">@")
                .text(n.getLiteralLanguage()).markup(n.getLiteralLanguage().isEmpty() ? "" : "</span>");
        else w.text(n.toString());
    }
}
