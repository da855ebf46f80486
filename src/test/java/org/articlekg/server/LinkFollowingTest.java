package org.articlekg.server;

import static org.articlekg.server.TestServers.*;
import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.articlekg.build.GraphBuilder;
import org.articlekg.query.QueryLibrary;
import org.articlekg.store.ServiceConfig;
import org.articlekg.store.Store;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Follows every link as a link-traversal client would, on a server on a random port whose build
 * has the served address as its base (what {@code kg serve --port N} does): the hrefs and the IRIs
 * of an entity page, of VoID and of a saved query's JSON results. Every absolute http(s) link to
 * this machine uses the served host and port, and each answers 200 (or 303 to a 200), never 404.
 * Bounded, to loopback only: every link when there are at most {@link #MAX_LINKS} (about 110 today),
 * else an even sample of that many; two requests at most per link.
 */
class LinkFollowingTest {
    private static final int MAX_LINKS = 120;
    private static final Pattern HREF = Pattern.compile("href=\"([^\"]*)\"");
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");
    private static final String BROWSER = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8";
    @TempDir
    static Path tmp;
    static KgServer server;
    static String base;

    @BeforeAll
    static void start() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        base = "http://localhost:" + port + "/";
        Path corpus = PROJECT.resolve("../shared/articles");
        Store store = new Store(tmp.resolve("store"));
        GraphBuilder.create().dataDir(PROJECT.resolve("data")).ontologyDir(PROJECT.resolve("ontology"))
                .serviceConfig(CONFIG).corpus(Files.isDirectory(corpus) ? corpus : null).base(base)
                .build().buildInto(store);
        server = KgServer.start(store, ServiceConfig.read(CONFIG), QueryLibrary.read(PROJECT.resolve("queries")),
                ServerSettings.defaults().withPort(port));
        assertEquals(base, server.url());
        assertEquals(base, server.base());
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    /** Links found, each with where it was found (for the failure messages). */
    private final Map<URI, String> links = new LinkedHashMap<>();

    private void add(URI page, String link, String where) {
        String l = link.replace("&amp;", "&").strip();
        if (l.isEmpty() || l.startsWith("#") || l.startsWith("mailto:") || l.startsWith("javascript:") || l.startsWith("data:")) return;
        URI u;
        try {
            u = page.resolve(l.replace(" ", "%20"));
        } catch (IllegalArgumentException e) {
            fail("unparseable link " + l + " in " + where);
            return;
        }
        if (u.getScheme() == null || !u.getScheme().startsWith("http")) return;
        links.putIfAbsent(withoutFragment(u), where);
    }

    private static URI withoutFragment(URI u) {
        try {
            return new URI(u.getScheme(), u.getRawAuthority() == null ? null : u.getAuthority(), u.getPath(), u.getQuery(), null);
        } catch (Exception e) {
            return u;
        }
    }

    private void hrefs(URI page, String html) {
        Matcher m = HREF.matcher(html);
        while (m.find()) add(page, m.group(1), "href in " + page);
    }

    private void iris(URI page, String body, Lang lang) {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(body, lang).base(page.toString()).parse(g);
        g.find().forEach(t -> {
            for (Node n : List.of(t.getSubject(), t.getPredicate(), t.getObject())) {
                if (n.isURI()) add(page, n.getURI(), "IRI in " + page);
            }
        });
    }

    private HttpResponse<String> fetch(URI page, String accept) {
        HttpResponse<String> r = get(page.toString(), accept);
        assertEquals(200, r.statusCode(), page + " (" + accept + ")");
        return r;
    }

    @Test
    void everyLinkOfAnEntityPageVoidAndASavedQueryPointsHereAndAnswers() throws Exception {
        URI doc = URI.create(base + "doc/person/elon-musk");
        hrefs(doc, fetch(doc, BROWSER).body());
        iris(doc, fetch(doc, "text/turtle").body(), Lang.TURTLE);
        URI voidDoc = URI.create(base + ".well-known/void");
        iris(voidDoc, fetch(voidDoc, "text/turtle").body(), Lang.TURTLE);
        URI api = URI.create(base + "api/investments-in");
        JsonNode results = new ObjectMapper().readTree(fetch(api, "application/json").body());
        JsonNode rows = results.path("results").path("bindings");
        assertTrue(rows.size() > 0, "investments-in returns rows with its default on base " + base);
        for (JsonNode row : rows) {
            row.fields().forEachRemaining(f -> {
                JsonNode cell = f.getValue();
                String value = cell.path("value").asText();
                if ("uri".equals(cell.path("type").asText())) add(api, value, "?" + f.getKey() + " in " + api);
                // GROUP_CONCAT columns (articles, conflicts_with) carry IRIs as space-separated text.
                else for (String token : value.split("\\s+")) {
                    if (token.startsWith("http://") || token.startsWith("https://")) add(api, token, "?" + f.getKey() + " in " + api);
                }
            });
        }

        List<String> elsewhere = new ArrayList<>();
        List<URI> here = new ArrayList<>();
        for (var e : links.entrySet()) {
            URI u = e.getKey();
            if (!LOOPBACK.contains(u.getHost()) && !base.startsWith(u.getScheme() + "://" + u.getAuthority() + "/")) continue;
            if (!(u.getScheme() + "://" + u.getRawAuthority() + "/").equals(base)) elsewhere.add(u + "  (" + e.getValue() + ")");
            else here.add(u);
        }
        assertEquals(List.of(), elsewhere, "links to this machine that are not " + base);
        assertTrue(here.size() > 20, "links found: " + here.size());

        // Every link when they fit, else an even sample over the three sources.
        List<URI> followed = new ArrayList<>();
        double step = Math.max(1.0, here.size() / (double) MAX_LINKS);
        for (double i = 0; i < here.size(); i += step) followed.add(here.get((int) i));
        int requests = 0;
        List<String> broken = new ArrayList<>();
        for (URI u : followed) {
            String accept = links.get(u).startsWith("href") ? BROWSER : "text/turtle";
            HttpResponse<String> r = get(u.toString(), accept);
            requests++;
            int status = r.statusCode();
            if (status == 303) {
                String location = r.headers().firstValue("Location").orElse(null);
                if (location == null) {
                    broken.add(u + " 303 without Location");
                    continue;
                }
                URI next = u.resolve(location);
                assertTrue(LOOPBACK.contains(next.getHost()), u + " redirects away, to " + next);
                assertEquals(base, next.getScheme() + "://" + next.getRawAuthority() + "/", u + " redirects to " + next);
                status = get(next.toString(), accept).statusCode();
                requests++;
                if (status != 200) broken.add(u + " 303 -> " + next + " " + status + "  (" + links.get(u) + ")");
            } else if (status != 200) {
                broken.add(u + " " + status + "  (" + links.get(u) + ")");
            }
        }
        assertTrue(requests <= 2 * MAX_LINKS, "requests: " + requests);
        assertEquals(List.of(), broken, "links that do not answer");
    }

    @Test
    void aNamedGraphIriSeesVoidAndAnUnknownOneIs404() {
        HttpResponse<String> r = get(base + "graph/facts", "text/turtle");
        assertEquals(303, r.statusCode());
        assertEquals("/.well-known/void", r.headers().firstValue("Location").orElse(null));
        assertEquals(404, get(base + "graph/no-such-graph", "text/turtle").statusCode());
    }
}
