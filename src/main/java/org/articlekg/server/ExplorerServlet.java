package org.articlekg.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonValue;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.irix.IRIx;
import org.apache.jena.query.text.TextIndexException;
import org.articlekg.publish.Describer;
import org.articlekg.publish.Explorer;

/**
 * The graph explorer: the page {@code /explore}, and the JSON it reads, which other tools can
 * read too: {@code /explore/search.json?q=musk} and {@code /explore/graph.json?entity=IRI}.
 */
final class ExplorerServlet extends HttpServlet {
    private final Supplier<ServedGraph> served;
    private final ScriptedPage page;

    ExplorerServlet(Supplier<ServedGraph> served) {
        this.served = served;
        this.page = ScriptedPage.load("/explorer/explore.html");
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String rest = req.getPathInfo() == null ? "" : req.getPathInfo();
        ServedGraph g = served.get();
        switch (rest) {
            case "", "/" -> {
                resp.setHeader("Content-Security-Policy", page.policy());
                LinkedDataServlet.send(resp, 200, "text/html; charset=utf-8", page.html());
            }
            case "/search.json" -> {
                String q = req.getParameter("q");
                String problem = searchProblem(q);
                if (problem != null) {
                    json(resp, 400, error("parameter 'q': " + problem));
                    return;
                }
                JsonValue found;
                try {
                    found = g.read(dsg -> Explorer.search(dsg, g.iris(), q));
                } catch (TextIndexException e) {
                    json(resp, 400, error("parameter 'q': the search engine cannot run this search: " + firstLine(e.getMessage())));
                    return;
                }
                json(resp, 200, found);
            }
            case "/graph.json" -> {
                String entity = req.getParameter("entity");
                if (entity == null || !validIri(entity)) {
                    json(resp, 400, error("parameter 'entity': an entity IRI is required"));
                    return;
                }
                Node iri = NodeFactory.createURI(entity);
                if (!g.read(dsg -> Describer.exists(dsg, iri))) {
                    json(resp, 404, error("no entity " + entity + " in this graph"));
                    return;
                }
                json(resp, 200, g.read(dsg -> Explorer.neighbourhood(dsg, g.iris(), iri)));
            }
            default -> LinkedDataServlet.send(resp, 404, "text/plain; charset=utf-8", "Not found\n".getBytes());
        }
    }

    /** What is wrong with the words to search for, or null when they can be searched. */
    static String searchProblem(String q) {
        if (q == null || q.isBlank()) return "the words to search for are missing";
        if (q.length() > ServerSettings.MAX_SEARCH_CHARS) {
            return "at most " + ServerSettings.MAX_SEARCH_CHARS + " characters, found " + q.length();
        }
        if (q.strip().split("\\s+").length > ServerSettings.MAX_SEARCH_WORDS) {
            return "at most " + ServerSettings.MAX_SEARCH_WORDS + " words, found " + q.strip().split("\\s+").length;
        }
        if (q.chars().anyMatch(c -> Character.isISOControl(c) && !Character.isWhitespace(c))) {
            return "control characters are not searchable";
        }
        return null;
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static boolean validIri(String s) {
        if (s.matches(".*[\\s<>\"{}|\\\\^`].*")) return false;
        try {
            return IRIx.create(s).isAbsolute();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static JsonValue error(String message) {
        org.apache.jena.atlas.json.JsonObject o = new org.apache.jena.atlas.json.JsonObject();
        o.put("error", message);
        return o;
    }

    private static void json(HttpServletResponse resp, int status, JsonValue v) throws IOException {
        LinkedDataServlet.send(resp, status, "application/json; charset=utf-8", JSON.toString(v).getBytes(StandardCharsets.UTF_8));
    }
}
