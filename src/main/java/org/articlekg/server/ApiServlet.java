package org.articlekg.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.query.Query;
import org.apache.jena.query.text.TextIndexException;
import org.apache.jena.query.text.TextIndexParseException;
import org.articlekg.publish.Pages;
import org.articlekg.publish.Templates;
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
 * names the parameter; an unknown query is a 404. Each answer says in {@code Server-Timing}
 * whether this request computed it ({@code computed}) or waited for an identical one in flight
 * ({@code shared}), and for how long, in milliseconds.
 */
final class ApiServlet extends HttpServlet {
    private static final String FORMAT = QueryLibrary.FORMAT;
    private static final String LIMIT = QueryLibrary.LIMIT;
    private static final String OFFSET = QueryLibrary.OFFSET;
    /** The {@code Server-Timing} metrics of an answer: computed by this request, or by an identical one in flight. */
    static final String COMPUTED = "computed";
    static final String SHARED = "shared";

    private final QueryLibrary library;
    private final ServerSettings settings;
    private final Supplier<ServedGraph> served;
    /** Identical requests running at once share one answer; null when the settings say not to. */
    private final InFlight<Key, Answer> shared;

    ApiServlet(QueryLibrary library, ServerSettings settings, Supplier<ServedGraph> served) {
        this.library = library;
        this.settings = settings;
        this.served = served;
        this.shared = settings.shareAnswers() ? new InFlight<>() : null;
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
            error(resp, 404, library.unknown(name) + " The list is at /api/", null);
            return;
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
        boolean html = format == ResultFormat.HTML;
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, String[]> p : req.getParameterMap().entrySet()) {
            if (QueryLibrary.RESERVED.contains(p.getKey())) continue; // format, limit, offset: read below
            if (p.getValue().length != 1) throw new ParameterException(p.getKey(), "given " + p.getValue().length + " times; give it once");
            // The page's form sends the fields left empty: for a page, an empty field is a parameter not given.
            if (html && p.getValue()[0].isBlank()) continue;
            values.put(p.getKey(), p.getValue()[0]);
        }
        Long limit = RequestParameters.whole(req, LIMIT, 1, html);
        Long offset = RequestParameters.whole(req, OFFSET, 0, html);
        ResultsPage.Request page = html ? new ResultsPage.Request(values, limit == null ? ResultsPage.PAGE_ROWS : limit,
                offset == null ? 0 : offset, language(req)) : null;
        // The graph read once: the query's base and its answer come from the same build.
        ServedGraph graph = served.get();
        // A page asks for one row more than it shows, to know whether there is a next page.
        Query query = html ? page(saved.bind(values, graph.base()), page.limit() + 1, page.offset())
                : page(saved.bind(values, graph.base()), limit, offset);
        // whether this request computed its answer, or waited for another's (Server-Timing says which)
        boolean[] computed = {false};
        Supplier<Answer> compute = () -> {
            computed[0] = true;
            return answer(saved, query, format, page, graph);
        };
        long start = System.nanoTime();
        Answer answer = shared == null ? compute.get()
                : shared.get(new Key(graph.build(), saved.name(), values, limit, offset, format, page), compute);
        resp.setHeader("Server-Timing", (computed[0] ? COMPUTED : SHARED) + ";dur="
                + String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e6));
        if (answer.truncated()) GuardedQuery.markTruncated(resp, settings.maxRows());
        resp.setStatus(200);
        resp.setContentType(format.contentType());
        resp.setContentLength(answer.body().length);
        if (!"HEAD".equals(req.getMethod())) resp.getOutputStream().write(answer.body());
    }

    /** A saved query's answer, written in full: its bytes, and whether the row cap cut it. */
    private record Answer(byte[] body, boolean truncated) {}

    /** What decides an answer: the build, the saved query, its parameters and page, the format, and a page's request. */
    private record Key(Path build, String query, Map<String, String> values, Long limit, Long offset, ResultFormat format,
                       ResultsPage.Request page) {}

    /** Runs the query on the graph and writes its answer in {@code format} (a page when HTML). */
    private Answer answer(SavedQuery saved, Query query, ResultFormat format, ResultsPage.Request page, ServedGraph graph) {
        boolean html = format == ResultFormat.HTML;
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        // HTML is drawn from the results in SPARQL JSON (tables) or N-Triples (graphs).
        ResultFormat written = !html ? format : saved.isTabular() ? ResultFormat.JSON : ResultFormat.NTRIPLES;
        QueryRunner.Outcome outcome = graph.read(dsg ->
                QueryRunner.local(dsg, settings.timeout(), settings.maxRows()).run(query, written, body));
        byte[] bytes = !html ? body.toByteArray()
                : graph.read(dsg -> ResultsPage.html(saved, page, body.toByteArray(), outcome, settings.maxRows(), dsg, graph.base()))
                        .getBytes(StandardCharsets.UTF_8);
        return new Answer(bytes, outcome.truncated());
    }

    /** The language values are formatted in on a page: French when the browser prefers it to English, else English. */
    static String language(HttpServletRequest req) {
        for (java.util.Enumeration<java.util.Locale> e = req.getLocales(); e.hasMoreElements(); ) {
            String l = e.nextElement().getLanguage();
            if (l.equals("fr") || l.equals("en")) return l;
        }
        return "en";
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
        List<QueryItem> items = new ArrayList<>();
        for (SavedQuery q : library.all()) {
            String url = "/api/" + q.name();
            List<ParameterItem> params = q.parameters().stream().map(p -> new ParameterItem(p.name(), p.required(), p.typeName(),
                    p.defaultValue(base), String.join(", ", p.allowed()))).toList();
            List<org.articlekg.publish.Link> downloads = (q.isTabular() ? List.of("csv", "json") : List.of("ttl", "jsonld")).stream()
                    .map(f -> new org.articlekg.publish.Link(url + "?format=" + f, f.toUpperCase(java.util.Locale.ROOT))).toList();
            items.add(new QueryItem(q.name(), url, q.summary(), q.description(), params, downloads, editorLink(q, base), q.text()));
        }
        String page = Templates.render("queries", new IndexPage("Saved queries", items,
                items.stream().map(q -> new Pages.Section(q.name(), q.summary())).toList()));
        byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
        resp.setStatus(200);
        resp.setContentType("text/html; charset=utf-8");
        resp.setContentLength(bytes.length);
        if (!"HEAD".equals(req.getMethod())) resp.getOutputStream().write(bytes);
    }

    /** A parameter in the list of saved queries. */
    record ParameterItem(String name, boolean required, String type, String defaultValue, String allowed) {}

    /** A saved query in the list: its page, downloads, editor link and text. */
    record QueryItem(String name, String url, String summary, String description, List<ParameterItem> parameters,
                     List<org.articlekg.publish.Link> downloads, String editor, String text) {}

    /** The list of saved queries, for browsers. */
    record IndexPage(String title, List<QueryItem> queries, List<Pages.Section> toc) {
        public boolean longPage() { return true; }
    }

    /** The Fuseki UI's query editor, opened with the query and its default parameters (resolved against {@code base}) filled in. */
    static String editorLink(SavedQuery q, String base) {
        return editorLink(q, Map.of(), base);
    }

    /**
     * The query editor, opened with the query and the given values bound (the others their
     * defaults); the query's own text when they cannot be bound.
     */
    static String editorLink(SavedQuery q, Map<String, String> values, String base) {
        String text;
        try {
            text = q.bind(values, base).serialize();
        } catch (ParameterException e) {
            text = q.text();
        }
        return "/editor/?query=" + URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
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
