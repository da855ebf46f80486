package org.articlekg.server;

import static org.articlekg.server.TestServers.*;
import static org.junit.jupiter.api.Assertions.*;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import org.articlekg.load.FactModel;
import org.articlekg.query.QueryLibrary;
import org.articlekg.store.ServiceConfig;
import org.articlekg.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ETags and 304s for what a build serves: the same request to the same build is not answered
 * twice; a new build or an edited saved query changes every tag, a restart does not.
 */
class ConditionalGetTest {
    private static final FactModel MODEL = FactModel.read(PROJECT.resolve("ontology"));

    @TempDir
    Path tmp;

    private static HttpResponse<String> get(String url, String accept, String ifNoneMatch) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET().header("Accept", accept);
        if (ifNoneMatch != null) b.header("If-None-Match", ifNoneMatch);
        return send(b.build());
    }

    private static String tag(HttpResponse<?> r) {
        return r.headers().firstValue("ETag").orElse(null);
    }

    /** The names an answer's {@code Vary} headers list, in lower case. */
    private static java.util.Set<String> varies(HttpResponse<?> r) {
        java.util.Set<String> names = new java.util.TreeSet<>();
        for (String v : r.headers().allValues("Vary")) {
            for (String name : v.split(",")) names.add(name.strip().toLowerCase(java.util.Locale.ROOT));
        }
        return names;
    }

    @Test
    void whatABuildServesIsTaggedAndNotSentAgain() throws Exception {
        Store store = buildRealData(tmp.resolve("store"));
        try (KgServer server = KgServer.start(store, ServiceConfig.read(CONFIG), QueryLibrary.read(PROJECT.resolve("queries")),
                ServerSettings.defaults().withPort(0).withReloadEvery(Duration.ofMillis(100)))) {
            String base = server.url();
            List<String[]> answers = List.of(
                    new String[] {base + "api/articles", "application/sparql-results+json"},
                    new String[] {base + "api/investments-in?investee=" + encode("http://localhost:3030/id/organization/openai"), "text/csv"},
                    new String[] {base + "doc/person/elon-musk", "text/turtle"},
                    new String[] {base + "doc/person/elon-musk", "text/html"},
                    new String[] {base + "ontology", "text/turtle"},
                    new String[] {base + "explore?entity=" + encode("http://localhost:3030/id/person/elon-musk"), "text/html"});
            for (String[] a : answers) {
                HttpResponse<String> first = get(a[0], a[1], null);
                assertEquals(200, first.statusCode(), a[0]);
                String tag = tag(first);
                assertNotNull(tag, a[0] + " " + a[1] + " has an ETag");
                assertTrue(tag.startsWith("W/\"" + server.servedBuild().getFileName() + "-"), tag);
                assertEquals("no-cache", first.headers().firstValue("Cache-Control").orElse(null));
                HttpResponse<String> again = get(a[0], a[1], tag);
                assertEquals(304, again.statusCode(), a[0] + " " + a[1] + " asked again with its tag");
                assertEquals("", again.body());
                assertEquals(tag, tag(again));
                // a cache takes a 304's headers into what it keeps: the default policy must not replace a page's own
                assertTrue(again.headers().firstValue("Content-Security-Policy").isEmpty(), a[0]);
                // a list of tags, and the strong form of the same tag, name it too
                assertEquals(304, get(a[0], a[1], "\"other\", " + tag.substring(2)).statusCode());
                assertEquals(200, get(a[0], a[1], "W/\"other\"").statusCode());
            }
            // another representation of the same resource has another tag: its tag does not stand for this one
            String turtle = tag(get(base + "doc/person/elon-musk", "text/turtle", null));
            HttpResponse<String> html = get(base + "doc/person/elon-musk", "text/html", turtle);
            assertEquals(200, html.statusCode());
            assertNotEquals(turtle, tag(html));

            // errors, the endpoint (a query may ask for NOW() or RAND()), the health check and files with their own caching: no tag
            HttpResponse<String> bad = get(base + "api/articles?limit=abc", "application/sparql-results+json", null);
            assertEquals(400, bad.statusCode());
            assertNull(tag(bad));
            // "*" is left to the servlet (it is false where there is no answer): a 200, or a 404 for nothing
            assertEquals(200, get(base + "api/articles", "application/sparql-results+json", "*").statusCode());
            assertEquals(404, get(base + "doc/person/nobody-at-all", "text/turtle", "*").statusCode());

            // the answer's language is part of what is tagged
            HttpRequest.Builder english = HttpRequest.newBuilder(URI.create(base + "api/articles")).header("Accept", "text/html")
                    .header("Accept-Language", "en");
            String englishTag = tag(send(english.build()));
            HttpResponse<String> french = send(HttpRequest.newBuilder(URI.create(base + "api/articles")).header("Accept", "text/html")
                    .header("Accept-Language", "fr").header("If-None-Match", englishTag).build());
            assertEquals(200, french.statusCode(), "a French page is not the English one");
            assertNotEquals(englishTag, tag(french));

            // a 304 varies on what its answer varies on (the CORS filter's Origin, the negotiation's Accept)
            String origin = "http://example.org";
            URI neighbours = URI.create(base + "explore/graph.json?entity=" + encode("http://localhost:3030/id/person/elon-musk"));
            HttpResponse<String> cors = send(HttpRequest.newBuilder(neighbours).header("Accept", "application/json")
                    .header("Origin", origin).build());
            HttpResponse<String> cors304 = send(HttpRequest.newBuilder(neighbours).header("Accept", "application/json")
                    .header("Origin", origin).header("If-None-Match", tag(cors)).build());
            assertEquals(304, cors304.statusCode());
            java.util.Set<String> varies = varies(cors304);
            assertTrue(varies(cors).contains("origin"), "the answer varies on Origin: " + varies(cors));
            assertTrue(varies.containsAll(varies(cors)) && varies.contains("accept"), varies(cors) + " / " + varies);
            assertNull(tag(query(server, "SELECT (NOW() AS ?t) {}", "application/sparql-results+json")));
            assertNull(tag(get(base + "$/ping", "*/*", null)));
            HttpResponse<String> script = get(base + "static/pages.js", "*/*", null);
            assertEquals(200, script.statusCode());
            assertNull(tag(script));
            assertEquals("public, max-age=86400", script.headers().firstValue("Cache-Control").orElse(null));

            // a new build: every tag changes, and the old one gets the new answer
            String articles = base + "api/articles";
            String old = tag(get(articles, "text/csv", null));
            Path oldBuild = server.servedBuild();
            builder(PROJECT.resolve("data")).buildInto(store);
            long deadline = System.currentTimeMillis() + 10_000;
            while (server.servedBuild().equals(oldBuild) && System.currentTimeMillis() < deadline) Thread.sleep(50);
            assertNotEquals(oldBuild, server.servedBuild(), "the new build is served");
            HttpResponse<String> after = get(articles, "text/csv", old);
            assertEquals(200, after.statusCode());
            assertNotEquals(old, tag(after));

            // HEAD: the same tag as GET
            HttpResponse<String> head = send(HttpRequest.newBuilder(URI.create(base + "doc/person/elon-musk"))
                    .header("Accept", "text/turtle").method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
            assertEquals(200, head.statusCode());
            assertEquals(tag(get(base + "doc/person/elon-musk", "text/turtle", null)), tag(head));
        }
        // The same build, code, row cap and queries after a restart, or on another replica (another port): the same
        // tags. An edited saved query: other tags.
        Path queries = tmp.resolve("queries");
        copyTree(PROJECT.resolve("queries"), queries);
        String first = null;
        for (String run : new String[] {"first", "restarted", "edited"}) {
            if (run.equals("edited")) Files.writeString(queries.resolve("articles.rq"), "\n# edited\n", StandardOpenOption.APPEND);
            try (KgServer server = KgServer.start(store, ServiceConfig.read(CONFIG), QueryLibrary.read(queries, MODEL),
                    ServerSettings.defaults().withPort(0).withReloadEvery(Duration.ofMillis(100)))) {
                HttpResponse<String> r = get(server.url() + "api/articles", "text/csv", first);
                assertEquals(run.equals("restarted") ? 304 : 200, r.statusCode(), run);
                if (first == null) first = tag(r);
            }
        }
    }
}
