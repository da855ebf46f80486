package org.articlekg.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.query.Query;
import org.apache.jena.query.text.TextIndexException;
import org.apache.jena.query.text.TextIndexParseException;
import org.articlekg.publish.HtmlWriter;
import org.articlekg.query.Parameter;
import org.articlekg.query.ParameterException;
import org.articlekg.query.QueryLibrary;
import org.articlekg.query.QueryRunner;
import org.articlekg.query.ResultFormat;
import org.articlekg.query.SavedQuery;

/**
 * The saved queries over HTTP, under {@code /api/}: the index (HTML for people, JSON for programs),
 * {@code /api/openapi.json}, and {@code /api/NAME?param=value} running a query against the graph
 * being served, in the format chosen by {@code format=} or {@code Accept}. Bad input is a 400 that
 * names the parameter; an unknown query is a 404.
 */
final class ApiServlet extends HttpServlet {
    private static final String FORMAT = QueryLibrary.FORMAT;
    private static final String LIMIT = QueryLibrary.LIMIT;
    private static final String OFFSET = QueryLibrary.OFFSET;

    private final QueryLibrary library;
    private final ServerSettings settings;
    private final java.util.function.Supplier<ServedGraph> served;

    ApiServlet(QueryLibrary library, ServerSettings settings, java.util.function.Supplier<ServedGraph> served) {
        this.library = library;
        this.settings = settings;
        this.served = served;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setHeader("Vary", "Accept");
        String path = req.getPathInfo() == null ? "/" : req.getPathInfo();
        try {
            if (path.equals("/")) index(req, resp);
            else if (path.equals("/openapi.json")) json(resp, 200, OpenApi.describe(library, settings, served.get().base()));
            else run(path.substring(1), req, resp);
        } catch (ParameterException e) {
            error(resp, 400, e.getMessage(), e.parameter());
        } catch (QueryRunner.TimeoutException e) {
            error(resp, 503, e.getMessage(), null);
        } catch (RuntimeException e) {
            RuntimeException text = causeOf(e, TextIndexParseException.class);
            if (text == null) text = causeOf(e, TextIndexException.class);
            if (text == null) throw e;
            // A full-text parameter the search engine cannot parse (Lucene syntax) is bad input.
            SavedQuery q = library.get(path.substring(1));
            String literal = q == null ? null : q.parameters().stream().filter(p -> p.kind() == Parameter.Kind.LITERAL)
                    .map(Parameter::name).findFirst().orElse(null);
            error(resp, 400, (literal == null ? "" : "parameter '" + literal + "': ")
                    + "not a valid full-text search expression: " + text.getMessage(), literal);
        }
    }

    private void run(String name, HttpServletRequest req, HttpServletResponse resp) throws IOException {
        SavedQuery saved = library.get(name);
        if (saved == null) {
            error(resp, 404, "no saved query '" + name + "'; the list is at /api/", null);
            return;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, String[]> p : req.getParameterMap().entrySet()) {
            if (QueryLibrary.RESERVED.contains(p.getKey())) continue; // format, limit, offset: read below
            if (p.getValue().length != 1) throw new ParameterException(p.getKey(), "given " + p.getValue().length + " times; give it once");
            values.put(p.getKey(), p.getValue()[0]);
        }
        ResultFormat format;
        String asked = req.getParameter(FORMAT);
        List<ResultFormat> offered = new ArrayList<>(ResultFormat.formats(saved.isTabular()));
        offered.add(ResultFormat.HTML);
        if (asked != null) {
            format = ResultFormat.find(asked, saved.isTabular());
            if (format == null) throw new ParameterException(FORMAT, ResultFormat.unavailable(asked, saved.isTabular()));
        } else {
            String accept = req.getHeader("Accept");
            if (!Negotiation.isReadable(accept)) {
                error(resp, 400, "the Accept header is not a list of media ranges (type/subtype;q=0.5, ...): " + accept, null);
                return;
            }
            // JSON (tables) or Turtle (graphs) without a header or for */*; HTML for browsers.
            format = Negotiation.refusesAll(accept) ? null : ResultFormat.negotiate(accept, offered);
            if (format == null) {
                error(resp, 406, "none of the formats this query gives is acceptable: "
                        + String.join(", ", offered.stream().map(ResultFormat::mediaType).toList()), null);
                return;
            }
        }
        Query query = page(saved.bind(values, served.get().base()), whole(req, LIMIT, 1), whole(req, OFFSET, 0));
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        // HTML is drawn from the results in SPARQL JSON (tables) or N-Triples (graphs).
        ResultFormat written = format != ResultFormat.HTML ? format : saved.isTabular() ? ResultFormat.JSON : ResultFormat.NTRIPLES;
        QueryRunner.Outcome outcome = served.get().read(dsg ->
                QueryRunner.local(dsg, settings.timeout(), settings.maxRows()).run(query, written, body));
        if (outcome.truncated()) GuardedQuery.markTruncated(resp, settings.maxRows());
        byte[] bytes = format != ResultFormat.HTML ? body.toByteArray()
                : ResultsPage.html(saved, body.toByteArray(), outcome, settings.maxRows()).getBytes(StandardCharsets.UTF_8);
        resp.setStatus(200);
        resp.setContentType(format.contentType());
        resp.setContentLength(bytes.length);
        if (!"HEAD".equals(req.getMethod())) resp.getOutputStream().write(bytes);
    }

    /** The value of a whole-number request parameter from {@code min} to 2^31-1, or null when absent. */
    private static Long whole(HttpServletRequest req, String name, long min) {
        String[] given = req.getParameterValues(name);
        if (given == null) return null;
        if (given.length != 1) throw new ParameterException(name, "given " + given.length + " times; give it once");
        try {
            long v = Long.parseLong(given[0].trim());
            if (v >= min && v <= Integer.MAX_VALUE) return v;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ParameterException(name, "must be a whole number from " + min + " to " + Integer.MAX_VALUE + ", not '" + given[0] + "'");
    }

    /**
     * The page of {@code query}'s results that starts {@code offset} rows in (after any OFFSET of
     * its own) and holds at most {@code limit} rows (and never more than its own LIMIT leaves).
     * Pages follow the query's ORDER BY; null leaves that bound as the query has it.
     */
    static Query page(Query query, Long limit, Long offset) {
        if (limit == null && offset == null || query.isAskType()) return query;
        Query copy = query.cloneQuery();
        long own = query.hasOffset() ? query.getOffset() : 0;
        long start = own + (offset == null ? 0 : offset);
        copy.setOffset(start);
        // rows left of the query's own LIMIT after the skipped ones; MAX_VALUE when it has none
        long left = query.hasLimit() ? Math.max(0, own + query.getLimit() - start) : Long.MAX_VALUE;
        long rows = Math.min(limit == null ? Long.MAX_VALUE : limit, left);
        copy.setLimit(rows == Long.MAX_VALUE ? Query.NOLIMIT : rows);
        return copy;
    }

    private void index(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        // JSON without a header, for */* and for programs; HTML for browsers (Accept: text/html) or format=html.
        String format = req.getParameter(FORMAT);
        boolean html = format != null ? "html".equals(format)
                : "text/html".equals(Negotiation.choose(req.getHeader("Accept"), List.of("application/json", "text/html")));
        String base = served.get().base(); // relative IRI defaults are shown resolved against it
        if (!html) {
            JsonArray list = new JsonArray();
            for (SavedQuery q : library.all()) {
                JsonObject o = new JsonObject();
                o.put("name", q.name());
                o.put("summary", q.summary());
                o.put("description", q.description());
                JsonArray tags = new JsonArray();
                q.tags().forEach(tags::add);
                o.put("tags", tags);
                o.put("parameters", OpenApi.parameters(q, false, base));
                o.put("url", "/api/" + q.name());
                o.put("editor", editorLink(q, base));
                list.add(o);
            }
            JsonObject root = new JsonObject();
            root.put("queries", list);
            root.put("openapi", "/api/openapi.json");
            json(resp, 200, root);
            return;
        }
        HtmlWriter sb = new HtmlWriter().start("Saved queries");
        sb.markup("<h1>Saved queries</h1><p>Each question runs over the graph being served. Results as JSON by default; "
                + "add <code>format=csv</code> (or tsv, xml, html; ttl, jsonld, nt, rdfxml for graphs) or send an <code>Accept</code> header. "
                + "Machine-readable: <a href=\"/api/openapi.json\">OpenAPI description</a>, "
                + "<a href=\"/api/?format=json\">JSON list</a>. SPARQL endpoint: <code>/kg/sparql</code>.</p>\n");
        for (SavedQuery q : library.all()) {
            String url = "/api/" + q.name();
            sb.markup("<section id=\"").text(q.name()).markup("\"><h2>").text(q.summary())
                    .markup("</h2><p class=\"muted\"><code>").text(url).markup("</code></p><p>")
                    .text(q.description()).markup("</p>");
            if (!q.parameters().isEmpty()) {
                sb.markup("<table><tr><th>parameter</th><th>type</th><th>default</th><th>allowed</th></tr>");
                for (Parameter p : q.parameters()) {
                    sb.markup("<tr><td><code>").text(p.name()).markup("</code>")
                            .markup(p.required() ? "" : " <span class=\"muted\">(optional)</span>")
                            .markup("</td><td>").text(p.typeName()).markup("</td><td>")
                            .text(p.defaultValue(base)).markup("</td><td>")
                            .text(String.join(", ", p.allowed())).markup("</td></tr>");
                }
                sb.markup("</table>");
            }
            String first = q.isTabular() ? "csv" : "ttl";
            sb.markup("<p>Run: <a href=\"").text(url).markup("?format=").markup(first).markup("\">")
                    .markup(first.toUpperCase()).markup("</a> · <a href=\"").text(url)
                    .markup(q.isTabular() ? "?format=json\">JSON</a>" : "?format=jsonld\">JSON-LD</a>")
                    .markup(" · <a href=\"").text(editorLink(q, base))
                    .markup("\">open in the query editor</a></p><details><summary>SPARQL</summary><pre>")
                    .text(q.text()).markup("</pre></details></section>\n");
        }
        byte[] bytes = sb.end().getBytes(StandardCharsets.UTF_8);
        resp.setStatus(200);
        resp.setContentType("text/html; charset=utf-8");
        resp.setContentLength(bytes.length);
        if (!"HEAD".equals(req.getMethod())) resp.getOutputStream().write(bytes);
    }

    /** The Fuseki UI's query editor, opened with the query and its default parameters (resolved against {@code base}) filled in. */
    static String editorLink(SavedQuery q, String base) {
        String text;
        try {
            text = q.bind(Map.of(), base).serialize();
        } catch (ParameterException e) {
            text = q.text();
        }
        return "/#/dataset/kg/query?query=" + URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) if (type.isInstance(t)) return type.cast(t);
        return null;
    }

    private static void error(HttpServletResponse resp, int status, String message, String parameter) throws IOException {
        JsonObject o = new JsonObject();
        o.put("status", status);
        o.put("error", message);
        if (parameter != null) o.put("parameter", parameter);
        json(resp, status, o);
    }

    private static void json(HttpServletResponse resp, int status, JsonObject o) throws IOException {
        byte[] bytes = JSON.toString(o).getBytes(StandardCharsets.UTF_8);
        resp.setStatus(status);
        resp.setContentType("application/json; charset=utf-8");
        resp.setContentLength(bytes.length);
        OutputStream out = resp.getOutputStream();
        out.write(bytes);
    }
}
