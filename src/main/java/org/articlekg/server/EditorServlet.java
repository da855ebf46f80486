package org.articlekg.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.articlekg.build.Prefixes;
import org.articlekg.publish.Kinds;
import org.articlekg.publish.Terms;
import org.articlekg.query.ParameterException;
import org.articlekg.query.QueryLibrary;
import org.articlekg.query.SavedQuery;

/**
 * The query editor, {@code /editor/}: YASGUI (from its WebJar) on the read-only SPARQL endpoint,
 * and {@code /editor/config.json}, what it knows of this graph: the endpoint's path, the build's
 * base IRI and prefixes ({@link Prefixes}, as in the dumps), the saved queries with their default
 * parameters bound (against the base), and the ontology's classes and properties with their
 * labels. Entity names are completed from {@code /explore/search.json}. Nothing is fetched from
 * anywhere else.
 */
final class EditorServlet extends HttpServlet {
    private final Supplier<ServedGraph> served;
    private final QueryLibrary queries;
    private final String endpoint;
    private final ScriptedPage page;

    /**
     * @param queries the saved queries offered as examples, or null for none
     * @param endpoint the path of the SPARQL query endpoint, {@code /kg/sparql}
     */
    EditorServlet(Supplier<ServedGraph> served, QueryLibrary queries, String endpoint) {
        this.served = served;
        this.queries = queries;
        this.endpoint = endpoint;
        this.page = ScriptedPage.load("/editor/editor.html");
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String rest = req.getPathInfo() == null ? "" : req.getPathInfo();
        switch (rest) {
            case "" -> {
                resp.setStatus(301);
                resp.setHeader("Location", "/editor/" + (req.getQueryString() == null ? "" : "?" + req.getQueryString()));
            }
            case "/" -> {
                resp.setHeader("Content-Security-Policy", page.policy());
                LinkedDataServlet.send(resp, 200, "text/html; charset=utf-8", page.html());
            }
            case "/config.json" -> {
                resp.setHeader("Cache-Control", "no-cache");
                LinkedDataServlet.send(resp, 200, "application/json; charset=utf-8",
                        JSON.toString(config(served.get())).getBytes(StandardCharsets.UTF_8));
            }
            default -> LinkedDataServlet.send(resp, 404, "text/plain; charset=utf-8", "Not found\n".getBytes(StandardCharsets.UTF_8));
        }
    }

    private JsonObject config(ServedGraph g) {
        JsonObject out = new JsonObject();
        out.put("endpoint", endpoint);
        out.put("base", g.base());
        JsonObject prefixes = new JsonObject();
        Map<String, String> sorted = new TreeMap<>(g.read(dsg -> Prefixes.of(g.iris(), Kinds.of(dsg, g.iris()))).getNsPrefixMap());
        sorted.forEach(prefixes::put);
        out.put("prefixes", prefixes);
        JsonArray examples = new JsonArray();
        List<SavedQuery> saved = queries == null ? List.of()
                : queries.all().stream().sorted(Comparator.comparing(SavedQuery::name)).toList();
        for (SavedQuery q : saved) {
            JsonObject o = new JsonObject();
            o.put("name", q.name());
            o.put("summary", q.summary() == null ? q.name() : q.summary());
            if (q.description() != null) o.put("description", q.description());
            String text;
            try {
                text = q.bind(Map.of(), g.base()).serialize();
            } catch (ParameterException e) {
                text = q.text(); // a required parameter without default: the query as written, for the user to fill in
            }
            o.put("query", text);
            o.put("api", "/api/" + q.name());
            examples.add(o);
        }
        out.put("queries", examples);
        JsonObject terms = g.read(dsg -> Terms.of(dsg, g.iris()));
        out.put("classes", terms.get("classes"));
        out.put("properties", terms.get("properties"));
        return out;
    }
}
