package org.articlekg.server;

import static org.articlekg.server.TestServers.*;
import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.articlekg.query.QueryLibrary;
import org.articlekg.store.ServiceConfig;
import org.articlekg.store.Store;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an attacker would try against a public deployment, over HTTP against a server on port 0
 * (loopback only), with the default limits and a 1 s timeout. Every response is checked: never a
 * 500, never a Java stack trace in the body; the data is the same at the end.
 */
class HostileClientTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    /** How much longer than the timeout a refused or ended request may take. */
    private static final long MARGIN_MILLIS = 2500;
    private static final String SLOW = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";
    private static final String COUNT_QUADS = "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }";
    private static final Pattern STACK_TRACE = Pattern.compile("(?m)^\\s*at [\\w.$]+\\(|Caused by: |\\.java:\\d+\\)");

    @TempDir
    static Path storeDir;
    static Store store;
    static KgServer server;
    static String quadsBefore;

    @BeforeAll
    static void start() {
        store = buildRealData(storeDir);
        server = KgServer.start(store, ServiceConfig.read(CONFIG), QueryLibrary.read(PROJECT.resolve("queries")),
                ServerSettings.defaults().withPort(0).withTimeout(TIMEOUT));
        quadsBefore = csv(COUNT_QUADS);
    }

    @AfterAll
    static void dataIsUnchangedAndStop() {
        try {
            if (server != null) assertEquals(quadsBefore, csv(COUNT_QUADS), "the data must be unchanged");
        } finally {
            if (server != null) server.close();
        }
    }

    // ---- the timeout is a ceiling, whatever form the client asks in

    @Test
    void noTimeoutFormLiftsTheServerTimeout() {
        String q = encode(SLOW);
        String url = server.url() + "kg/sparql";
        List<HttpRequest> tries = List.of(
                HttpRequest.newBuilder(URI.create(url + "?timeout=99999,99999&query=" + q)).GET().build(),
                HttpRequest.newBuilder(URI.create(url + "?timeout=8,99999&query=" + q)).GET().build(),
                HttpRequest.newBuilder(URI.create(url + "?timeout=99999&query=" + q)).GET().build(),
                HttpRequest.newBuilder(URI.create(url + "?timeout=-1&query=" + q)).GET().build(),
                form(url, "timeout=99999,99999&query=" + q),
                HttpRequest.newBuilder(URI.create(url + "?timeout=99999,99999")).header("Content-Type", "application/sparql-query")
                        .POST(HttpRequest.BodyPublishers.ofString(SLOW)).build(),
                HttpRequest.newBuilder(URI.create(url + "?query=" + q)).header("Timeout", "99999").GET().build(),
                HttpRequest.newBuilder(URI.create(url + "?arq:queryTimeout=99999999&arq%3AqueryTimeout=0&query=" + q)).GET().build(),
                HttpRequest.newBuilder(URI.create(url + "?query=" + encode("PREFIX arq: <http://jena.apache.org/ARQ#> "
                        + "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i OPTIONAL { ?a arq:queryTimeout 99999999 } }")))
                        .GET().build());
        for (HttpRequest r : tries) {
            assertTimesOut(r.uri().toString(), () -> checked(r));
        }
    }

    @Test
    void aTimeoutThatIsNotSecondsIsA400NamingIt() {
        for (String bad : List.of("abc", "abc,", "NaN", "1e400", "2d", "0x1p1")) {
            HttpResponse<String> r = checked(HttpRequest.newBuilder(URI.create(server.url() + "kg/sparql?timeout=" + encode(bad)
                    + "&query=" + encode("ASK {}"))).GET().build());
            assertEquals(400, r.statusCode(), bad + ": " + r.body());
            assertTrue(r.body().contains("timeout: seconds"), bad + ": " + r.body());
        }
        HttpResponse<String> inForm = checked(form(server.url() + "kg/sparql", "timeout=abc&query=" + encode("ASK {}")));
        assertEquals(400, inForm.statusCode(), "in a form body too: " + inForm.body());
    }

    @Test
    void aShorterTimeoutAskedByTheClientIsHonoured() {
        long start = System.nanoTime();
        HttpResponse<String> r = checked(HttpRequest.newBuilder(URI.create(server.url() + "kg/sparql?timeout=0.2&query="
                + encode(SLOW))).GET().build());
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(503, r.statusCode());
        assertTrue(millis < TIMEOUT.toMillis(), "took " + millis + " ms");
    }

    @Test
    void aTimeoutAfterTheFirstRowIsA503NotACutOff200() {
        HttpResponse<String> r = query("SELECT ?n { { BIND(1 AS ?n) } UNION { " + SLOW + " } }", "text/csv");
        assertEquals(503, r.statusCode(), r.body());
    }

    /** Bad percent-encoding or bytes that are not UTF-8, in the URL or a form body: a 400 that names where, on every path. */
    @Test
    void unreadableParametersAreA400NamingWhere() {
        String form = "Content-Type: application/x-www-form-urlencoded\r\n";
        java.util.Map<String, String> tries = new java.util.LinkedHashMap<>();
        tries.put("GET /kg/sparql?query=ASK%zz%7B%7D", "the parameter 'query' of the URL");
        tries.put("GET /kg/sparql?query=ASK%7B%7D&x=%ff", "the parameter 'x' of the URL");
        tries.put("GET /kg/sparql?query=%", "the parameter 'query' of the URL");
        tries.put("GET /kg/sparql?%zz", "the parameter '%zz' of the URL");
        tries.put("GET /api/articles?limit=%zz", "the parameter 'limit' of the URL");
        tries.put("GET /doc/person/elon-musk?page=%ff", "the parameter 'page' of the URL");
        tries.forEach((line, where) -> {
            String r = raw(line, "", new byte[0]);
            assertTrue(r.startsWith("HTTP/1.1 400"), line + ": " + r);
            assertTrue(r.contains("cannot read " + where), line + ": " + r);
        });
        for (byte[] body : List.of("query=ASK%zz%7B%7D".getBytes(StandardCharsets.US_ASCII), new byte[] {'q', 'u', 'e', 'r', 'y', '=', (byte) 0xff})) {
            String r = raw("POST /kg/sparql", form, body);
            assertTrue(r.startsWith("HTTP/1.1 400") && r.contains("cannot read the form body"), r);
        }
        assertTrue(raw("POST /kg/sparql", form, "query=ASK%7B%7D".getBytes(StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 200"),
                "a readable form still answers");
        // well encoded, but more keys than Jetty takes (1,000): said as such, not blamed on the encoding
        StringBuilder many = new StringBuilder("query=ASK%7B%7D");
        for (int i = 0; i < 1500; i++) many.append("&a").append(i);
        String keys = raw("POST /kg/sparql", form, many.toString().getBytes(StandardCharsets.US_ASCII));
        assertTrue(keys.startsWith("HTTP/1.1 400") && keys.contains("cannot read the form body") && !keys.contains("hex digits"), keys);
    }

    /** A body that trickles in, a form or a query, is read before the query gate: it holds none of the client's places. */
    @Test
    void aSlowBodyHoldsNoQueryPlace() throws Exception {
        URI url = URI.create(server.url());
        List<java.net.Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                java.net.Socket socket = new java.net.Socket(url.getHost(), url.getPort());
                slow.add(socket);
                String body = i % 2 == 0 ? "application/x-www-form-urlencoded\r\nContent-Length: 60000\r\n\r\nquery=ASK%7B%7D%20"
                        : "application/sparql-query\r\nContent-Length: 60000\r\n\r\nASK {} ";
                socket.getOutputStream().write(("POST /kg/sparql HTTP/1.1\r\nHost: " + url.getHost() + "\r\nContent-Type: " + body)
                        .getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
            }
            Thread.sleep(500);
            HttpResponse<String> r = checked(HttpRequest.newBuilder(URI.create(server.url() + "kg/sparql?query=" + encode("ASK {}"))).GET().build());
            assertEquals(200, r.statusCode(), "four unfinished bodies from this client, and its query still runs: " + r.body());
        } finally {
            for (java.net.Socket socket : slow) socket.close();
        }
    }

    /** A request as written, bytes and all (Java's HTTP client refuses a malformed URL): the response's status line, headers and body. */
    private static String raw(String requestLine, String headers, byte[] body) {
        URI url = URI.create(server.url());
        try (java.net.Socket socket = new java.net.Socket(url.getHost(), url.getPort())) {
            socket.setSoTimeout(30_000);
            java.io.OutputStream out = socket.getOutputStream();
            out.write((requestLine + " HTTP/1.1\r\nHost: " + url.getHost() + "\r\nConnection: close\r\n" + headers
                    + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertFalse(STACK_TRACE.matcher(response).find(), requestLine + " answered a stack trace: " + response);
            return response;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** ARQ skips an OFFSET's rows before the execution can be cancelled: here the skipping ends with the timeout. */
    @Test
    void anOffsetPastEveryRowEndsWithTheTimeout() {
        String cross = "?a ?b ?c . ?d ?e ?f . ?g ?h ?i";
        for (String q : List.of(
                "SELECT * { " + cross + " } OFFSET 999999999999",
                "SELECT * { { SELECT * { " + cross + " } OFFSET 999999999999 } }",
                "SELECT DISTINCT ?a ?e { " + cross + " } LIMIT 1 OFFSET 999999999999",
                "ASK { { SELECT ?a { " + cross + " } OFFSET 999999999999 } }")) {
            assertTimesOut(q, () -> query(q, "text/csv")); // without the fix the query ran for hours
        }
        HttpResponse<String> paged = query("SELECT ?s { ?s a <https://w3id.org/article-kg/ontology#Article> } ORDER BY ?s OFFSET 3", "text/csv");
        assertEquals(200, paged.statusCode(), paged.body());
        assertEquals(3, paged.body().lines().count(), "the header and the last two of the five articles: " + paged.body());
    }

    // ---- regular expressions

    @Test
    void backtrackingRegularExpressionsEndWithTheTimeout() {
        String text = "a".repeat(33) + "!";
        for (String q : List.of(
                "SELECT * { FILTER(REGEX(\"" + text + "\", \"^(.*a){12}$\")) }",
                "SELECT (REGEX(\"" + text + "\", \"^(.*a){12}$\", \"i\") AS ?m) {}",
                "ASK { FILTER EXISTS { BIND(\"" + text + "\" AS ?t) FILTER(REGEX(?t, \"^(.*a){12}$\")) } }",
                "PREFIX fn: <http://www.w3.org/2005/xpath-functions#> SELECT * { FILTER(fn:matches(\"" + text + "\", \"^(.*a){12}$\")) }",
                "SELECT (REPLACE(\"" + text + "\", \"^(.*a){12}$\", \"x\") AS ?r) {}",
                "SELECT ?r { VALUES ?p { \"^(.*a){12}$\" } BIND(REPLACE(\"" + text + "\", ?p, \"x\") AS ?r) }")) {
            assertTimesOut(q, () -> query(q, "text/csv"));
        }
    }

    @Test
    void regexFunctionsWithTheWrongNumberOfArgumentsAreBadRequests() {
        for (String q : List.of("PREFIX fn: <http://www.w3.org/2005/xpath-functions#> SELECT (fn:matches(\"a\") AS ?m) {}",
                "PREFIX fn: <http://www.w3.org/2005/xpath-functions#> SELECT (fn:replace(\"a\", \"b\") AS ?m) {}",
                "PREFIX fn: <http://www.w3.org/2005/xpath-functions#> SELECT (fn:concat() AS ?m) {}",
                "SELECT (REGEX(\"a\", \"(\") AS ?m) {}", "SELECT (REPLACE(\"a\", \"[\", \"x\") AS ?m) {}",
                "SELECT (REPLACE(\"a\", \"a\", \"$9\") AS ?m) {}", "SELECT (REPLACE(\"abc\", \"x*\", \"-\") AS ?m) {}")) {
            HttpResponse<String> r = query(q, "text/csv");
            assertTrue(r.statusCode() == 200 || r.statusCode() == 400, q + ": " + r.statusCode() + " " + r.body());
        }
    }

    @Test
    void regularExpressionsStillMatchAsBefore() {
        assertEquals("m\r\ntrue\r\n", query("SELECT (REGEX(\"Sam Altman\", \"^sam\", \"i\") AS ?m) {}", "text/csv").body());
        assertEquals("r\r\nSam A.\r\n", query("SELECT (REPLACE(\"Sam Altman\", \"ltman$\", \".\") AS ?r) {}", "text/csv").body());
        assertEquals("r\r\n-abc\r\n", query("SELECT (REPLACE(\"abc\", \"x*\", \"-\") AS ?r) {}", "text/csv").body(),
                "one empty match at most, as Jena's REPLACE");
        assertEquals("r\r\nb-a\r\n", query("SELECT (REPLACE(\"a-b\", \"(a)-(b)\", \"$2-$1\") AS ?r) {}", "text/csv").body());
        String labels = query("PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
                + "SELECT ?l { ?s rdfs:label ?l FILTER(REGEX(?l, \"altman\", \"i\")) } ORDER BY ?l LIMIT 1", "text/csv").body();
        assertTrue(labels.toLowerCase().contains("altman"), labels);
    }

    // ---- sizes, nesting, parse time

    @Test
    void aBodyOverTheLimitIs413() {
        String big = "SELECT * { ?s ?p ?o } #" + "x".repeat(ServerSettings.DEFAULT_MAX_BODY_BYTES + 10);
        long start = System.nanoTime();
        HttpResponse<String> r = checked(HttpRequest.newBuilder(URI.create(server.url() + "kg/sparql"))
                .header("Content-Type", "application/sparql-query").POST(HttpRequest.BodyPublishers.ofString(big)).build());
        assertEquals(413, r.statusCode(), r.body());
        HttpResponse<String> asForm = checked(form(server.url() + "kg/sparql", "query=" + encode(big)));
        assertEquals(413, asForm.statusCode(), asForm.body());
        HttpResponse<String> tenMegabytes = checked(HttpRequest.newBuilder(URI.create(server.url() + "kg/sparql"))
                .header("Content-Type", "application/sparql-query")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[10 * 1024 * 1024])).build());
        assertEquals(413, tenMegabytes.statusCode());
        assertTrue((System.nanoTime() - start) / 1_000_000 < 5000, "refused quickly");
        assertPlainRefusal(r, "at most " + ServerSettings.DEFAULT_MAX_BODY_BYTES + " bytes");
    }

    /** Jetty's own refusals (before any filter) are plain text with nosniff, saying what the limit is. */
    private static void assertPlainRefusal(HttpResponse<String> r, String says) {
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(null), r.headers().map().toString());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"), r.headers().map().toString());
        assertTrue(r.body().startsWith("Error " + r.statusCode() + ": ") && r.body().contains(says), r.body());
        assertFalse(r.body().contains("<html") || r.body().contains("/badMessage"), r.body());
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefused() {
        byte[] body = ("SELECT * { ?s ?p ?o } #" + "x".repeat(2 * ServerSettings.DEFAULT_MAX_BODY_BYTES)).getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> r = checked(HttpRequest.newBuilder(URI.create(server.url() + "kg/sparql"))
                .header("Content-Type", "application/sparql-query")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build());
        assertEquals(413, r.statusCode(), r.body());
        byte[] formBody = ("query=" + encode(new String(body, StandardCharsets.UTF_8))).getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> chunkedForm = checked(HttpRequest.newBuilder(URI.create(server.url() + "kg/sparql"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(formBody))).build());
        assertEquals(413, chunkedForm.statusCode(), chunkedForm.body());
    }

    @Test
    void aUrlOrHeadersOverTheLimitAre414And431InPlainText() {
        HttpResponse<String> r = checked(HttpRequest.newBuilder(URI.create(server.url() + "kg/sparql?query="
                + encode("SELECT * { ?s ?p ?o } #" + "x".repeat(ServerSettings.DEFAULT_MAX_URL_BYTES)))).GET().build());
        assertEquals(414, r.statusCode(), r.body());
        assertPlainRefusal(r, "at most " + ServerSettings.DEFAULT_MAX_URL_BYTES + " bytes");
        assertTrue(r.body().contains("POST"), "says to send the query in a POST body: " + r.body());
        HttpResponse<String> html = checked(HttpRequest.newBuilder(URI.create(server.url() + "kg/sparql?query="
                + encode("#" + "x".repeat(ServerSettings.DEFAULT_MAX_URL_BYTES)))).header("Accept", "text/html").GET().build());
        assertPlainRefusal(html, "POST");
        HttpResponse<String> header = checked(HttpRequest.newBuilder(URI.create(server.url() + "$/ping"))
                .header("X-Padding", "x".repeat(ServerSettings.DEFAULT_MAX_URL_BYTES)).GET().build());
        assertEquals(431, header.statusCode(), header.body());
        assertPlainRefusal(header, "at most " + ServerSettings.DEFAULT_MAX_URL_BYTES + " bytes");
        String unparsable = raw("GET /$/ping\u0001", "", new byte[0]);
        assertTrue(unparsable.startsWith("HTTP/1.1 400"), unparsable);
        assertTrue(unparsable.contains("X-Content-Type-Options: nosniff") && unparsable.contains("Error 400: "), unparsable);
    }

    @Test
    void theLargestQueryAllowedIsParsedWithinTheTimeout() {
        StringBuilder in = new StringBuilder("SELECT * { ?s ?p ?o FILTER(?o IN (0");
        for (int i = 1; in.length() < ServerSettings.DEFAULT_MAX_BODY_BYTES - 100; i++) in.append(',').append(i);
        in.append(")) } LIMIT 1");
        long start = System.nanoTime();
        HttpResponse<String> r = checked(HttpRequest.newBuilder(URI.create(server.url() + "kg/sparql"))
                .header("Content-Type", "application/sparql-query").POST(HttpRequest.BodyPublishers.ofString(in.toString())).build());
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(r.statusCode() == 200 || r.statusCode() == 503, r.statusCode() + " " + r.body());
        assertTrue(millis < TIMEOUT.toMillis() + MARGIN_MILLIS, "took " + millis + " ms");
    }

    @Test
    void deepNestingAndHugeUnionsAre4xxNot500() {
        int room = ServerSettings.DEFAULT_MAX_BODY_BYTES - 200;
        List<String> queries = List.of(
                "SELECT * " + "{".repeat(room / 2) + "}".repeat(room / 2),
                "SELECT (" + "(".repeat(room / 2 - 20) + "1" + ")".repeat(room / 2 - 20) + " AS ?x) {}",
                "SELECT * { " + "{ ?s ?p 1 } UNION ".repeat(room / 18) + "{ ?s ?p 2 } }",
                "SELECT * { ?s ?p ?o FILTER(" + "!".repeat(room - 40) + "true) }");
        for (String q : queries) {
            long start = System.nanoTime();
            HttpResponse<String> r = checked(HttpRequest.newBuilder(URI.create(server.url() + "kg/sparql"))
                    .header("Content-Type", "application/sparql-query").POST(HttpRequest.BodyPublishers.ofString(q)).build());
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(r.statusCode() == 200 || r.statusCode() == 400 || r.statusCode() == 503,
                    q.substring(0, 30) + "...: " + r.statusCode() + " " + r.body());
            if (r.statusCode() == 400) assertTrue(r.body().contains("nested") || r.body().contains("StackOverflow"), r.body());
            assertTrue(millis < TIMEOUT.toMillis() + MARGIN_MILLIS, q.substring(0, 30) + "... took " + millis + " ms");
        }
    }

    /** Every page made on request passes the pages' gate: a burst from one address gets 429s, not the whole server's time. */
    @Test
    void aBurstOfPagesFromOneAddressIsRefusedPastItsShare() throws Exception {
        for (String path : List.of("ontology", ".well-known/void", "explore/search.json?q=musk", "doc/person/elon-musk")) {
            List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                burst.add(HTTP.sendAsync(HttpRequest.newBuilder(URI.create(server.url() + path + (path.contains("?") ? "&" : "?") + "n=" + i))
                        .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString()));
            }
            int refused = 0;
            for (CompletableFuture<HttpResponse<String>> f : burst) {
                HttpResponse<String> r = check(f.get());
                // 503: the page's queries outlasted the (1 s) timeout on a busy machine
                assertTrue(r.statusCode() == 200 || r.statusCode() == 429 || r.statusCode() == 503, path + ": " + r.statusCode());
                if (r.statusCode() == 429) refused++;
            }
            assertTrue(refused > 0, path + ": forty at once from one address, none refused");
        }
    }

    // ---- a flood of slow queries

    @Test
    void aFloodOfSlowQueriesIsRefusedWith429WhileHealthAndPagesAnswer() throws Exception {
        int flood = 200;
        List<CompletableFuture<HttpResponse<String>>> slow = new ArrayList<>();
        // when each answer came, to tell queries that ran at once from queries that ran one after another
        java.util.Map<HttpResponse<String>, Long> answeredAt = new java.util.concurrent.ConcurrentHashMap<>();
        long start = System.nanoTime();
        for (int i = 0; i < flood; i++) {
            slow.add(HTTP.sendAsync(HttpRequest.newBuilder(URI.create(server.url() + "kg/sparql?query=" + encode(SLOW + " #" + i)))
                    .header("X-Forwarded-For", "10.0.0." + (i % 250)).GET().build(), HttpResponse.BodyHandlers.ofString())
                    .thenApply(r -> {
                        answeredAt.put(r, System.nanoTime());
                        return r;
                    }));
        }
        Thread.sleep(200);
        for (String path : List.of("$/ping", "doc/person/elon-musk", "explore", "webjars/cytoscape/3.33.1/package.json", "editor/")) {
            long t = System.nanoTime();
            HttpResponse<String> r = checked(HttpRequest.newBuilder(URI.create(server.url() + path)).GET().build());
            long millis = (System.nanoTime() - t) / 1_000_000;
            assertTrue(r.statusCode() == 200 || r.statusCode() == 404, path + ": " + r.statusCode());
            assertTrue(millis < 1000, path + " answered in " + millis + " ms during the flood");
            System.out.println("During a flood of " + flood + " slow queries: /" + path + " answered " + r.statusCode() + " in " + millis + " ms");
        }
        int refused = 0;
        List<Long> ended = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> f : slow) {
            HttpResponse<String> r = check(f.get());
            if (r.statusCode() == 429) {
                refused++;
                assertEquals(String.valueOf(TIMEOUT.toSeconds()), r.headers().firstValue("Retry-After").orElse(null));
                assertTrue(r.body().contains("queries at once"), r.body());
            } else {
                assertEquals(503, r.statusCode(), r.body());
                ended.add(answeredAt.get(r));
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        // The queries that ran to the timeout ran at most two at a time (the client's share): had
        // X-Forwarded-For been trusted, the flood's 200 "clients" would have run four at once,
        // ending within moments of each other. (A flood slow to arrive may run a second pair once
        // the first has ended: those end a timeout later.)
        java.util.Collections.sort(ended);
        for (int i = 0; i < ended.size(); i++) {
            long from = ended.get(i);
            long together = ended.stream().filter(t -> t >= from && t - from < TIMEOUT.toNanos() / 2).count();
            assertTrue(together <= ServerSettings.DEFAULT_MAX_QUERIES_PER_CLIENT,
                    together + " ran at once from one address: X-Forwarded-For is not trusted from an untrusted peer");
        }
        assertTrue(ended.size() >= 1, "the client's share ran");
        assertEquals(flood, refused + ended.size());
        assertTrue(millis < TIMEOUT.toMillis() + 5000, "the flood took " + millis + " ms");
    }

    @Test
    void behindATrustedProxyTheLimitsCountTheForwardedClients(@TempDir Path copy) throws Exception {
        ServerSettings settings = ServerSettings.defaults().withPort(0).withTimeout(TIMEOUT).withMaxQueries(3, 1)
                .withTrustedProxies(List.of("127.0.0.1", "0:0:0:0:0:0:0:1"));
        // A second server needs its own copy of the store (the text index takes a lock), removed
        // after the test (it is a whole build: about 200 MB were left in the temporary folder by each run).
        copyTree(storeDir.resolve("builds"), copy.resolve("builds"));
        java.nio.file.Files.createSymbolicLink(copy.resolve(Store.CURRENT), storeDir.relativize(store.requireCurrent()));
        try (KgServer proxied = KgServer.start(new Store(copy), ServiceConfig.read(CONFIG), settings)) {
            List<CompletableFuture<HttpResponse<String>>> slow = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                slow.add(HTTP.sendAsync(HttpRequest.newBuilder(URI.create(proxied.url() + "kg/sparql?query=" + encode(SLOW)))
                        .header(i % 2 == 0 ? "X-Forwarded-For" : "Forwarded", i % 2 == 0 ? "10.1.1." + i : "for=\"10.1.1." + i + ":4711\"")
                        .GET().build(), HttpResponse.BodyHandlers.ofString()));
            }
            int ran = 0;
            for (CompletableFuture<HttpResponse<String>> f : slow) {
                HttpResponse<String> r = check(f.get());
                if (r.statusCode() == 503) ran++;
                else assertTrue(r.statusCode() == 429 && r.body().contains("the server already runs 3"), r.body());
            }
            assertEquals(3, ran, "five clients, three slots");
            List<CompletableFuture<HttpResponse<String>>> same = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                same.add(HTTP.sendAsync(HttpRequest.newBuilder(URI.create(proxied.url() + "kg/sparql?query=" + encode(SLOW)))
                        .header("X-Forwarded-For", "10.9.9.9").GET().build(), HttpResponse.BodyHandlers.ofString()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (CompletableFuture<HttpResponse<String>> f : same) statuses.add(check(f.get()).statusCode());
            assertTrue(statuses.contains(429) && statuses.contains(503), "one client, one slot: " + statuses);
        }
    }

    // ---- what a read-only public endpoint never does

    @Test
    void serviceIsRefusedWhereverItAppears() {
        String svc = "SERVICE <http://127.0.0.1:9/sparql> { ?x ?y ?z }";
        for (String q : List.of(
                "SELECT * { ?s ?p ?o FILTER EXISTS { " + svc + " } }",
                "SELECT * { ?s ?p ?o FILTER NOT EXISTS { " + svc + " } }",
                "SELECT * { ?s ?p ?o BIND(EXISTS { " + svc + " } AS ?b) }",
                "SELECT (EXISTS { " + svc + " } AS ?b) {}",
                "SELECT * { ?s ?p ?o } ORDER BY (EXISTS { " + svc + " })",
                "SELECT * { { SELECT * { " + svc + " } } }",
                "SELECT * { OPTIONAL { SERVICE SILENT <http://127.0.0.1:9/sparql> { ?x ?y ?z } } }",
                "ASK { GRAPH ?g { ?s ?p ?o MINUS { " + svc + " } } }")) {
            HttpResponse<String> r = query(q, "text/csv");
            assertEquals(400, r.statusCode(), q + ": " + r.body());
            assertTrue(r.body().contains("SERVICE is disabled"), r.body());
        }
    }

    @Test
    void javaFunctionsAndScriptsDoNotRun() {
        for (String q : List.of(
                "SELECT (<java:org.apache.jena.sparql.function.library.sha1sum>(\"a\") AS ?x) {}",
                "SELECT * { FILTER(<JAVA:org.apache.jena.sparql.function.library.sha1sum>(\"a\")) }",
                "SELECT * { ?x <java:org.apache.jena.sparql.pfunction.library.splitIRI> (?a ?b) }")) {
            HttpResponse<String> r = query(q, "text/csv");
            assertEquals(400, r.statusCode(), q + ": " + r.body());
            assertTrue(r.body().contains("java: functions are disabled"), r.body());
        }
        HttpResponse<String> js = query("PREFIX js: <http://jena.apache.org/ARQ/jsFunction#> SELECT (js:toUpperCase(\"abc\") AS ?x) {}",
                "text/csv");
        assertFalse(js.body().contains("ABC"), "a script function ran: " + js.body());
    }

    @Test
    void noWritePathIsOpenWhateverThePath() {
        String turtle = "<http://example.org/s> <http://example.org/p> <http://example.org/o> .";
        String update = "INSERT DATA { " + turtle.replace(" .", "") + " }";
        String base = server.url();
        List<HttpRequest> writes = new ArrayList<>();
        for (String path : List.of("kg/update", "kg", "kg/sparql", "kg/query", "kg/./update", "kg//update", "kg/%75pdate",
                "kg;x=1/update", "kg/get/../update", "KG/update", "kg/update/", "%6bg/update")) {
            writes.add(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/sparql-update")
                    .POST(HttpRequest.BodyPublishers.ofString(update)).build());
            writes.add(form(base + path, "update=" + encode(update)));
        }
        for (String path : List.of("kg/get?default", "kg?default", "kg/data?default", "kg/get?graph=http://example.org/g",
                "kg/./get?default", "kg/upload", "kg/data")) {
            for (String method : List.of("PUT", "POST", "DELETE", "PATCH")) {
                writes.add(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "text/turtle")
                        .method(method, HttpRequest.BodyPublishers.ofString(turtle)).build());
            }
        }
        for (String path : List.of("$/datasets?dbName=x&dbType=mem", "$/datasets/kg", "$/backup/kg", "$/compact/kg",
                "$/tasks", "$/reload", "$/sleep", "$/server/shutdown", "$/./datasets/kg", "%24/datasets/kg")) {
            for (String method : List.of("POST", "DELETE", "PUT")) {
                writes.add(HttpRequest.newBuilder(URI.create(base + path)).method(method, HttpRequest.BodyPublishers.noBody()).build());
            }
        }
        for (HttpRequest w : writes) {
            HttpResponse<String> r = checked(w);
            assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, w.method() + " " + w.uri() + ": " + r.statusCode());
        }
        assertEquals("n\r\n0\r\n", csv("SELECT (COUNT(*) AS ?n) { GRAPH ?g { <http://example.org/s> ?p ?o } }"));
    }

    @Test
    void savedQueryParametersRefuseInjectionAndDangerousSchemes() {
        for (String value : List.of("javascript:alert(1)", "file:///etc/passwd", "data:text/html,<b>x</b>", "JavaScript:alert(1)",
                "http://x> } ; DROP ALL ; #", "http://x>\n}")) {
            // the 429s an earlier test's slow queries may leave are waited out, as the other tests do
            HttpResponse<String> r = waitingOut429(() -> get(server.url() + "api/investments-in?investee=" + encode(value), "application/json"));
            check(r);
            assertEquals(400, r.statusCode(), value + ": " + r.body());
            assertTrue(r.body().contains("investee"), r.body());
        }
        assertEquals(200, waitingOut429(() -> get(server.url() + "api/investments-in?investee="
                + encode("http://localhost:3030/id/organization/openai"), "application/json")).statusCode());
    }

    // ---- HTTP details

    @Test
    void anAcceptHeaderThatAcceptsNothingOfferedIs406() {
        List<String> negotiated = List.of(server.url() + "kg/sparql?query=" + encode("ASK {}"), server.url() + "doc/person/elon-musk",
                server.url() + "api/entities", server.url() + "ontology", server.url() + ".well-known/void");
        List<String> others = List.of(server.url() + "kg/get?default", server.url() + "explore/search.json?q=musk", server.url(),
                server.url() + "$/ping");
        for (String url : java.util.stream.Stream.concat(negotiated.stream(), others.stream()).toList()) {
            for (String accept : negotiated.contains(url) ? List.of("*/*;q=0", "text/html;q=0, */*;q=0", "image/png")
                    : List.of("*/*;q=0", "text/html;q=0, */*;q=0")) {
                HttpResponse<String> r = get(url, accept);
                check(r);
                assertEquals(406, r.statusCode(), url + " with " + accept);
            }
        }
        for (String accept : List.of("garbage", "*/*;q=2", ";;;", "text/csv;q=x", ",")) {
            HttpResponse<String> r = waitingOut429(() -> get(server.url() + "kg/sparql?query=" + encode("ASK {}"), accept));
            check(r);
            assertEquals(400, r.statusCode(), accept + ": " + r.body());
            assertTrue(r.body().contains("Accept header"), r.body());
            HttpResponse<String> api = get(server.url() + "api/entities", accept);
            check(api);
            assertEquals(400, api.statusCode(), accept + ": " + api.body());
        }
        assertTrue(get(server.url() + "kg/sparql?query=" + encode("ASK {}"), "text/csv;q=0.5, */*;q=0").body().contains("true"));
    }

    @Test
    void pagesSendNosniffAndAContentSecurityPolicy() {
        for (String path : List.of("doc/person/elon-musk", "doc/", "api/", "ontology", "explore")) {
            HttpResponse<String> r = get(server.url() + path, "text/html");
            assertEquals(200, r.statusCode(), path);
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(null), path);
            String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("default-src 'none'") && csp.contains("frame-ancestors 'none'"), path + ": " + csp);
        }
        String entity = get(server.url() + "doc/person/elon-musk", "text/html").headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(entity.contains("script-src 'self';"), entity);
        String scripts = entity.substring(entity.indexOf("script-src"), entity.indexOf(';', entity.indexOf("script-src")));
        assertEquals("script-src 'self'", scripts, "the pages run only the server's script files, nothing inline or eval'd");
    }

    @Test
    void traceIsNotAllowed() {
        for (String path : List.of("", "kg/sparql", "doc/", "$/ping")) {
            HttpResponse<String> r = checked(HttpRequest.newBuilder(URI.create(server.url() + path))
                    .method("TRACE", HttpRequest.BodyPublishers.noBody()).build());
            assertEquals(405, r.statusCode(), path);
        }
    }

    @Test
    void serverDescriptionsAnswerOnlyOnThisMachineDirectly() {
        for (String path : List.of("$/server", "$/stats", "$/stats/kg", "$/datasets", "$/datasets/kg")) {
            HttpResponse<String> proxied = checked(HttpRequest.newBuilder(URI.create(server.url() + path))
                    .header("X-Forwarded-For", "203.0.113.7").GET().build());
            assertEquals(403, proxied.statusCode(), path);
            HttpResponse<String> forwarded = checked(HttpRequest.newBuilder(URI.create(server.url() + path))
                    .header("Forwarded", "for=203.0.113.7").GET().build());
            assertEquals(403, forwarded.statusCode(), path);
            assertEquals(200, checked(HttpRequest.newBuilder(URI.create(server.url() + path)).GET().build()).statusCode(), path);
        }
        assertEquals(200, checked(HttpRequest.newBuilder(URI.create(server.url() + "$/ping"))
                .header("X-Forwarded-For", "203.0.113.7").GET().build()).statusCode(), "the health check is public");
    }

    @Test
    void explorerSearchRefusesGiantAndControlInput() {
        for (String q : List.of("a".repeat(2000), "musk ".repeat(600), "musk\u0001", "\u001b[31m", "a".repeat(ServerSettings.MAX_SEARCH_CHARS + 1))) {
            HttpResponse<String> r = get(server.url() + "explore/search.json?q=" + encode(q), "application/json");
            check(r);
            assertEquals(400, r.statusCode(), r.body());
            assertTrue(r.body().contains("parameter 'q'"), r.body());
        }
        for (String q : List.of("musk", "*", "\"", "AND OR NOT", "a:b", "((", "musk~2", "/.*(a+)+/")) {
            HttpResponse<String> r = get(server.url() + "explore/search.json?q=" + encode(q), "application/json");
            check(r);
            assertTrue(r.statusCode() == 200 || r.statusCode() == 400, q + ": " + r.statusCode());
        }
        assertTrue(get(server.url() + "explore/search.json?q=musk", null).body().contains("elon-musk"));
    }

    @Test
    void hostileFullTextSearchesAre4xxOrEndInTime() {
        String manyWords = "a OR ".repeat(3000) + "a";
        for (String lucene : List.of("/(.*a){12}/", "/[a-z]{1,50}[a-z]{1,50}[a-z]{1,50}[a-z]{1,50}/", "*a*", "a~2", "label:(", "\"unclosed",
                "((((((((((((((((((((a))))))))))))))))))))", manyWords, "a".repeat(10000) + "*")) {
            String sparql = "PREFIX text: <http://jena.apache.org/text#> SELECT ?s { ?s text:query \"" + lucene.replace("\"", "\\\"") + "\" }";
            long start = System.nanoTime();
            HttpResponse<String> r = checked(HttpRequest.newBuilder(URI.create(server.url() + "kg/sparql"))
                    .header("Content-Type", "application/sparql-query").header("Accept", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofString(sparql)).build());
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis < TIMEOUT.toMillis() + MARGIN_MILLIS, lucene.substring(0, Math.min(30, lucene.length())) + " took " + millis + " ms");
            if (lucene.length() < 1000) {
                HttpResponse<String> api = get(server.url() + "api/search?q=" + encode(lucene), "application/json");
                check(api);
                assertTrue(api.statusCode() == 200 || api.statusCode() == 400 || api.statusCode() == 503, lucene + ": " + api.statusCode());
            }
        }
    }

    @Test
    void refusedAndFailedRequestsAreLoggedInOneLineWithoutStackTraces() {
        org.apache.logging.log4j.core.LoggerContext ctx =
                (org.apache.logging.log4j.core.LoggerContext) org.apache.logging.log4j.LogManager.getContext(false);
        org.apache.logging.log4j.core.config.Configuration config = ctx.getConfiguration();
        org.apache.logging.log4j.core.Layout<?> layout = config.getAppender("STDERR").getLayout();
        List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        org.apache.logging.log4j.core.appender.AbstractAppender capture = new org.apache.logging.log4j.core.appender.AbstractAppender(
                "capture", null, layout, true, org.apache.logging.log4j.core.config.Property.EMPTY_ARRAY) {
            @Override
            public void append(org.apache.logging.log4j.core.LogEvent event) {
                lines.add(new String(getLayout().toByteArray(event), StandardCharsets.UTF_8));
            }
        };
        capture.start();
        config.getRootLogger().addAppender(capture, null, null);
        ctx.updateLoggers();
        try {
            query("SELECT * { ?s ?p ?o FILTER EXISTS { SERVICE <http://127.0.0.1:9/s> { ?x ?y ?z } } }", "text/csv");
            query("SELECT * { ?s ?p \n\n ?o . \n FILTER(", "text/csv");
            query("PREFIX text: <http://jena.apache.org/text#> SELECT ?s { ?s text:query \"" + "a OR ".repeat(3000) + "a\" }", "text/csv");
            byte[] body = ("SELECT * {}\n#" + "x".repeat(2 * ServerSettings.DEFAULT_MAX_BODY_BYTES)).getBytes(StandardCharsets.UTF_8);
            checked(HttpRequest.newBuilder(URI.create(server.url() + "kg/sparql")).header("Content-Type", "application/sparql-query")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build());
            get(server.url() + "kg/sparql?query=" + encode("ASK {}"), ";;;");
            // A forged log line: Fuseki logs unknown parameter names as given.
            get(server.url() + "kg/sparql?query=" + encode("ASK {}") + "&x" + encode("\n12:00:00 ERROR Fuseki :: forged") + "=1", null);
            get(server.url() + "kg/sparql?query=" + encode("ASK {}") + "&x" + encode("\u001b[2J\u001b[31mterminal escape\u0007") + "=1", null);
            get(server.url() + "api/investments-in?investee=" + encode("javascript:alert(1)\nx"), null);
        } finally {
            config.getRootLogger().removeAppender("capture");
            ctx.updateLoggers();
            capture.stop();
        }
        for (String line : lines) {
            assertTrue(line.endsWith("\n") && line.indexOf('\n') == line.length() - 1, "one line: " + line);
            assertFalse(STACK_TRACE.matcher(line).find(), "no stack trace: " + line);
            assertFalse(line.substring(0, line.length() - 1).chars().anyMatch(Character::isISOControl), "no control character: " + line);
        }
    }

    @Test
    void aStringThatDoublesUntilMemoryRunsOutIsStopped() {
        StringBuilder q = new StringBuilder("SELECT (STRLEN(?s40) AS ?n) { BIND(\"aaaaaaaaaaaaaaaa\" AS ?s0) ");
        for (int i = 1; i <= 40; i++) q.append("BIND(CONCAT(?s").append(i - 1).append(", ?s").append(i - 1).append(") AS ?s").append(i).append(") ");
        q.append("}");
        long start = System.nanoTime();
        HttpResponse<String> r = query(q.toString(), "text/csv");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(422, r.statusCode(), r.body());
        assertTrue(r.body().contains("CONCAT: the result would be"), r.body());
        assertTrue(millis < TIMEOUT.toMillis() + MARGIN_MILLIS, "took " + millis + " ms");
        String replace = q.toString().replace("BIND(CONCAT(?s", "BIND(REPLACE(?s").replaceAll(", \\?s(\\d+)\\) AS", ", \"a\", \"aa\") AS");
        HttpResponse<String> r2 = query(replace, "text/csv");
        assertEquals(422, r2.statusCode(), replace + ": " + r2.body());
        assertTrue(r2.body().contains("REPLACE: the result would be"), r2.body());
        for (String group : List.of("SELECT (GROUP_CONCAT(STR(?o)) AS ?all) { ?a ?b ?c . ?s ?p ?o }",
                "SELECT (GROUP_CONCAT(DISTINCT CONCAT(STR(?a), STR(?o)); SEPARATOR=\"--\") AS ?all) { ?a ?b ?c . ?s ?p ?o }")) {
            HttpResponse<String> g = query(group, "text/csv");
            assertEquals(422, g.statusCode(), group + ": " + g.body());
            assertTrue(g.body().contains("GROUP_CONCAT: the result would be"), g.body());
        }
        assertEquals("n\r\n3\r\n", query("SELECT (STRLEN(GROUP_CONCAT(?x; SEPARATOR=\"\")) AS ?n) { VALUES ?x { \"a\" \"b\" \"c\" } }",
                "text/csv").body(), "GROUP_CONCAT still concatenates");
        assertEquals(200, get(server.url() + "$/ping", null).statusCode(), "the server is alive");
    }

    /**
     * Computations that no timeout can interrupt once they run (the JDK's calendar, BigInteger and
     * case mapping, a format's width, a bounded path's every path) are refused before they run.
     */
    @Test
    void computationsNoTimeoutCanStopAreRefusedBeforeTheyRun() {
        String xsd = "PREFIX xsd: <http://www.w3.org/2001/XMLSchema#> PREFIX math: <http://www.w3.org/2005/xpath-functions/math#> "
                + "PREFIX afn: <http://jena.apache.org/ARQ/function#> ";
        String nested = "\"ß\"";
        for (int i = 0; i < 6; i++) nested = "REPLACE(" + nested + ", \"ß\", \"ßßßßßßßßßß\")";
        Map<String, String> refused = new java.util.LinkedHashMap<>();
        // a constant: ARQ folded it while building the plan, holding the lock its one timeout thread waits on
        refused.put("SELECT (\"2020-01-01T00:00:00Z\"^^xsd:dateTime + \"PT99999999999999999999S\"^^xsd:dayTimeDuration AS ?x) {}",
                "+: a date or time moved by a duration");
        refused.put("SELECT ?x { BIND(\"PT99999999999999999999S\"^^xsd:dayTimeDuration AS ?d) BIND(\"2020-01-01T00:00:00Z\"^^xsd:dateTime - ?d AS ?x) }",
                "-: a date or time moved by a duration");
        refused.put("SELECT (math:pow(10, 1000000) AS ?x) {}", "math:pow: the result would have about");
        refused.put("SELECT ?y { BIND(math:pow(10, 6000) AS ?x) BIND(?x * ?x AS ?y) }", "*: the result would have about");
        refused.put("SELECT (STRLEN(UCASE(" + nested + ")) AS ?n) {}", "UCASE: a string of 1000000 characters");
        refused.put("SELECT (STRLEN(afn:sprintf(\"%0999999999d\", 1)) AS ?n) {}", "afn:sprintf: the result would be");
        refused.put("SELECT (STRLEN(afn:sprintf(\"" + "%900000s".repeat(3) + "\", 1, 2, 3)) AS ?n) {}", "afn:sprintf: the result would be");
        refused.put("SELECT (math:exp10(1000000) AS ?x) {}", "math:exp10: the result would have about");
        StringBuilder squares = new StringBuilder("SELECT ?d20 { BIND(1.1 AS ?d0) ");
        for (int i = 1; i <= 20; i++) squares.append("BIND(?d").append(i - 1).append(" * ?d").append(i - 1).append(" AS ?d").append(i).append(") ");
        refused.put(squares.append("}").toString(), "*: the result would have about");
        refused.put("PREFIX fn: <http://www.w3.org/2005/xpath-functions#> SELECT (STRLEN(fn:upper-case(" + nested + ")) AS ?n) {}",
                "fn:upper-case: a string of 1000000 characters");
        refused.put("SELECT (STRLEN(ENCODE_FOR_URI(" + nested + ")) AS ?n) {}", "ENCODE_FOR_URI: the result would be");
        refused.put("SELECT (STRLEN(afn:strjoin(\"\", " + nested + ", " + nested + ")) AS ?n) {}", "afn:strjoin: the result would be");
        for (var q : refused.entrySet()) {
            long start = System.nanoTime();
            HttpResponse<String> r = query(xsd + q.getKey(), "text/csv");
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(422, r.statusCode(), q.getKey() + ": " + r.body());
            assertTrue(r.body().contains(q.getValue()), r.body());
            assertTrue(millis < TIMEOUT.toMillis() + MARGIN_MILLIS, q.getKey() + " took " + millis + " ms");
        }
        for (String path : List.of("(!<x:y>|^!<x:y>){1,10}", "((!<x:y>|^!<x:y>){,4}){,4}", "<x:y>{2000000000,}")) {
            HttpResponse<String> r = query("SELECT (COUNT(*) AS ?n) { ?s " + path + " ?o }", "text/csv");
            assertEquals(400, r.statusCode(), path + ": " + r.body());
            assertTrue(r.body().contains("this server takes at most " + ServerSettings.MAX_PATH_REPEAT), r.body());
        }
        HttpResponse<String> leviathan = query("SELECT (<http://www.dotnetrdf.org/leviathan#factorial>(10000000) AS ?x) {}", "text/csv");
        assertEquals(400, leviathan.statusCode(), leviathan.body());
        // what stays allowed
        assertEquals("x\r\n2020-01-11\r\n", query(xsd + "SELECT (\"2020-01-01\"^^xsd:date + \"P10D\"^^xsd:dayTimeDuration AS ?x) {}",
                "text/csv").body());
        assertEquals("x\r\n1024\r\n", query(xsd + "SELECT (math:pow(2, 10) AS ?x) {}", "text/csv").body());
        assertEquals("x\r\n007\r\n", query(xsd + "SELECT (afn:sprintf(\"%03d\", 7) AS ?x) {}", "text/csv").body());
        assertEquals(200, query("SELECT (COUNT(*) AS ?n) { ?s <x:y>{1,4} ?o }", "text/csv").statusCode());
        assertEquals(200, get(server.url() + "$/ping", null).statusCode(), "the server is alive");
    }

    /** A function given arguments it cannot take is a 400, as is an error message with characters past ASCII. */
    @Test
    void functionErrorsAndNonAsciiMessagesAre400() {
        for (String q : List.of("SELECT (STRLANG(\"x\", \"en_US\") AS ?x) {}",
                "PREFIX fn: <http://www.w3.org/2005/xpath-functions#> SELECT (fn:matches(\"a\", \"(\") AS ?x) {}",
                "PREFIX afn: <http://jena.apache.org/ARQ/function#> SELECT (afn:sprintf(\"%d\", \"x\") AS ?x) {}")) {
            HttpResponse<String> r = query(q, "text/csv");
            // 200 when ARQ makes the error an unbound value; never a 500
            assertTrue(r.statusCode() == 400 || r.statusCode() == 200, q + ": " + r.statusCode() + " " + r.body());
        }
        String ask = encode("ASK {}");
        for (String url : List.of("kg/sparql?query=" + ask + "&timeout=%D9%A1", "kg/get?graph=%C3%A9",
                "kg/sparql?query=" + encode("# requête\nPREFIX text: <http://jena.apache.org/text#> SELECT * { ?s text:query (\"société AND (\") }"))) {
            HttpResponse<String> r = get(server.url() + url, null);
            assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, url + ": " + r.statusCode() + " " + r.body());
        }
    }

    @Test
    void oddRequestsAreNever500() {
        String base = server.url();
        String ask = encode("ASK {}");
        List<HttpRequest> odd = new ArrayList<>();
        for (String path : List.of("kg/sparql?query=" + ask + "&query=" + ask, "kg/sparql?query=",
                "kg/sparql?query=" + ask + "&default-graph-uri=javascript:alert(1)", "kg/sparql?query=" + ask + "&named-graph-uri=file:///etc/passwd",
                "kg/sparql?query=" + ask + "&timeout=" + "9".repeat(400), "kg/sparql?query=" + encode("SELECT * FROM <file:///etc/passwd> { ?s ?p ?o }"),
                "kg/sparql?query=" + encode("LOAD <file:///etc/passwd>"), "kg/sparql?query=" + encode("DESCRIBE <javascript:alert(1)>"),
                "doc/../../etc/passwd", "dumps/../../pom.xml", "dumps/..%2f..%2fpom.xml", "webjars/../../pom.xml", "id/%00", "doc/person/%c0%ae%c0%ae",
                "explore/graph.json?entity=" + encode("javascript:alert(1)"), "explore/graph.json?entity=" + encode("http://x/\u0000"),
                "api/" + "x".repeat(2000), "api/investments-in?investee=" + encode("http://x") + "&investee=" + encode("http://y"),
                "api/entities?limit=-1", "api/entities?limit=99999999999999999999", "api/entities?offset=abc", "ontology?format=../../etc/passwd",
                "doc/person/elon-musk?format=" + encode("<script>"), "$/validate/query?query=" + encode("SELECT * {"),
                ".well-known/void?format=xml", "kg/get?graph=" + encode("javascript:alert(1)"), "kg/get?graph=" + encode("file:///etc/passwd"))) {
            odd.add(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
        }
        for (String type : List.of("application/sparql-query; charset=latin1", "multipart/form-data; boundary=x", "text/plain", "application/json", "")) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "kg/sparql")).POST(HttpRequest.BodyPublishers.ofString("ASK {}"));
            if (!type.isEmpty()) b.header("Content-Type", type);
            odd.add(b.build());
        }
        odd.add(form(base + "kg/sparql", "query=" + ask + "&" + "x=1&".repeat(5000)));
        String deep = "SELECT * " + "{".repeat(10_000) + "}".repeat(10_000);
        odd.add(form(base + "$/validate/query", "query=" + encode(deep)));
        odd.add(HttpRequest.newBuilder(URI.create(base + "$/validate/query?query=" + encode("SELECT (" + "(".repeat(2500) + "1"
                + ")".repeat(2500) + " AS ?x) {}"))).GET().build());
        odd.add(HttpRequest.newBuilder(URI.create(base + "kg/sparql")).header("Content-Type", "application/sparql-query")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {(byte) 0xff, (byte) 0xfe, 0, 'A', 'S', 'K'})).build());
        for (String method : List.of("PROPFIND", "MKCOL", "COPY", "FOO")) {
            odd.add(HttpRequest.newBuilder(URI.create(base + "kg/sparql")).method(method, HttpRequest.BodyPublishers.noBody()).build());
            odd.add(HttpRequest.newBuilder(URI.create(base + "doc/")).method(method, HttpRequest.BodyPublishers.noBody()).build());
        }
        for (HttpRequest r : odd) {
            HttpResponse<String> response = checked(r);
            assertFalse(response.body().contains("root:x:0:0"), r.uri() + " served a local file");
            assertFalse(response.body().contains("<artifactId>article-kg</artifactId>"), r.uri() + " served a project file");
        }
    }

    @Test
    void controlCharactersAQueryMakesAreNever500() {
        String select = "SELECT (CONCAT(\"a\", \"\\u0001\\u001B\\uFFFE\") AS ?x) {}";
        String construct = "CONSTRUCT { <http://example.org/s\\u0001> <http://example.org/p> ?x } WHERE { BIND(\"\\u0001\\u001B\" AS ?x) }";
        for (String accept : List.of("application/sparql-results+xml", "application/sparql-results+json", "text/csv", "text/tab-separated-values")) {
            query(select, accept);
        }
        for (String accept : List.of("application/rdf+xml", "text/turtle", "application/ld+json", "application/n-triples", "application/trig")) {
            query(construct, accept);
        }
    }

    // ---- helpers

    /**
     * A query as a client sends it, waiting out the 429s left by an earlier test's slow queries,
     * which the server may still be cancelling (the tests of the limits send theirs directly).
     */
    private static HttpResponse<String> query(String sparql, String accept) {
        return check(waitingOut429(() -> TestServers.query(server, sparql, accept)));
    }

    /** Sends a request again while it is a 429 (an earlier test's slow queries still being cancelled), up to 30 s. */
    private static HttpResponse<String> waitingOut429(java.util.function.Supplier<HttpResponse<String>> request) {
        HttpResponse<String> r = request.get();
        for (int tries = 0; r.statusCode() == 429 && tries < 60; tries++) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            r = request.get();
        }
        return r;
    }

    private static String csv(String sparql) {
        return TestServers.query(server, sparql, "text/csv").body();
    }

    private static HttpRequest form(String url, String body) {
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /**
     * A request that must end with the timeout: a 503 within the timeout and its margin. Given up on
     * ten seconds past that, so that a query the timeout does not stop fails the test, not the build.
     */
    private static void assertTimesOut(String what, java.util.function.Supplier<HttpResponse<String>> send) {
        long start = System.nanoTime();
        HttpResponse<String> r = assertTimeoutPreemptively(Duration.ofMillis(TIMEOUT.toMillis() + MARGIN_MILLIS + 10_000), send::get, what);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(503, r.statusCode(), what + ": " + r.body());
        assertTrue(millis < TIMEOUT.toMillis() + MARGIN_MILLIS, what + " took " + millis + " ms");
    }

    private static HttpResponse<String> checked(HttpRequest request) {
        return check(send(request));
    }

    /** Every response: never a 500, never a Java stack trace. */
    private static HttpResponse<String> check(HttpResponse<String> r) {
        assertTrue(r.statusCode() < 500 || r.statusCode() == 503, r.request().method() + " " + r.request().uri() + ": "
                + r.statusCode() + " " + r.body());
        assertFalse(STACK_TRACE.matcher(r.body()).find(), r.request().uri() + " answered a stack trace: " + r.body());
        return r;
    }
}
