package org.articlekg.server;

import static org.articlekg.server.TestServers.*;
import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonParser;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.articlekg.store.ServiceConfig;
import org.articlekg.store.Store;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SPARQL server over HTTP, on the real data: formats, search, inference, safety. */
class KgServerTest {
    private static final String AKG = "PREFIX akg: <https://w3id.org/article-kg/ontology#> ";
    private static final String TEXT = "PREFIX text: <http://jena.apache.org/text#> "
            + "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> ";
    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    @TempDir
    static Path storeDir;
    static KgServer server;

    @BeforeAll
    static void start() {
        Store store = buildRealData(storeDir);
        server = KgServer.start(store, ServiceConfig.read(CONFIG),
                ServerSettings.defaults().withPort(0).withTimeout(TIMEOUT).withMaxRows(100)
                        .withCorsOrigins(List.of("https://viz.example.org")));
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    /**
     * Each response's output buffer (Fuseki's 5 MiB) goes back to Jetty's pool and the next
     * response takes it again, instead of allocating, zeroing and dropping 5 MiB of direct memory
     * (which made every request, {@code /$/ping}'s included, cost about 2.5 ms); the connector
     * that pools them listens where Fuseki's did.
     */
    @Test
    void responsesReuseOnePooledOutputBuffer() throws InterruptedException {
        org.eclipse.jetty.server.Connector[] connectors = server.connectors();
        assertEquals(1, connectors.length);
        var connector = (org.eclipse.jetty.server.ServerConnector) connectors[0];
        assertEquals("localhost", connector.getHost(), "this machine only, as Fuseki's connector");
        assertEquals(server.port(), connector.getLocalPort());
        var pool = (org.eclipse.jetty.io.ArrayByteBufferPool) connector.getByteBufferPool();
        int outputBuffer = connector.getConnectionFactory(org.eclipse.jetty.server.HttpConnectionFactory.class)
                .getHttpConfiguration().getOutputBufferSize();
        assertEquals(200, get(server.url() + "$/ping", null).statusCode());
        assertEquals(200, query(server, "ASK {}", "application/sparql-results+json").statusCode());
        // the buffer goes back once the last bytes are written, which the client may see first
        long held = pool.getDirectMemory() + pool.getHeapMemory();
        for (int i = 0; i < 100 && held < outputBuffer; i++) {
            Thread.sleep(50);
            held = pool.getDirectMemory() + pool.getHeapMemory();
        }
        assertTrue(held >= outputBuffer, "the pool holds the " + outputBuffer + "-byte buffer once the response is sent: " + held);
        for (int i = 0; i < 20; i++) {
            assertEquals(200, get(server.url() + "$/ping", null).statusCode());
            assertEquals(200, query(server, "ASK {}", "application/sparql-results+json").statusCode());
        }
        long after = pool.getDirectMemory() + pool.getHeapMemory();
        // forty responses, one after another: the same buffer again (a second one at most, if a
        // request came before the last one's buffer was back)
        assertTrue(after - held <= outputBuffer, "one request after another take the same output buffer again: " + held + " then " + after);
    }

    @Test
    void selectAnswersInEveryResultFormatByAcceptHeader() {
        String q = AKG + "SELECT ?investor { ?investor akg:investedIn <http://localhost:3030/id/organization/openai> }";
        for (String type : List.of("application/sparql-results+json", "application/sparql-results+xml", "text/csv",
                "text/tab-separated-values")) {
            HttpResponse<String> r = query(server, q, type);
            assertEquals(200, r.statusCode(), type);
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(type), type + " got " + r.headers());
            assertTrue(r.body().contains("microsoft"), type + ": " + r.body());
        }
        HttpResponse<String> json = query(server, q, "application/sparql-results+json");
        ResultSet rs = ResultSetFactory.fromJSON(new java.io.ByteArrayInputStream(json.body().getBytes()));
        assertEquals(2, org.apache.jena.query.ResultSetFormatter.consume(rs), "Musk and Microsoft invested in OpenAI");
    }

    @Test
    void formatParameterChoosesTheResultFormat() {
        HttpResponse<String> r = get(server.url() + "kg/sparql?format=csv&query="
                + encode("SELECT ?p { ?p a <https://w3id.org/article-kg/ontology#Person> } ORDER BY ?p"), null);
        assertEquals(200, r.statusCode());
        assertTrue(r.body().startsWith("p\r\n"), r.body());
        assertTrue(r.body().contains("http://localhost:3030/id/person/elon-musk"));
    }

    @Test
    void askAnswersTrueAndFalse() {
        HttpResponse<String> yes = query(server, AKG + "ASK { <http://localhost:3030/id/person/elon-musk> akg:sued ?x }",
                "application/sparql-results+json");
        assertTrue(JsonParser.parseString(yes.body()).getAsJsonObject().get("boolean").getAsBoolean(), yes.body());
        HttpResponse<String> no = query(server, AKG + "ASK { <http://localhost:3030/id/organization/openai> akg:sued ?x }",
                "application/sparql-results+json");
        assertFalse(JsonParser.parseString(no.body()).getAsJsonObject().get("boolean").getAsBoolean(), no.body());
    }

    @Test
    void constructReturnsEveryRdfSyntaxAndTheSameGraph() {
        String q = AKG + "CONSTRUCT { ?a akg:investedIn ?b } WHERE { ?a akg:investedIn ?b }";
        Graph expected = null;
        for (Lang lang : List.of(Lang.TURTLE, Lang.NTRIPLES, Lang.JSONLD, Lang.RDFXML)) {
            HttpResponse<String> r = query(server, q, lang.getHeaderString());
            assertEquals(200, r.statusCode(), lang.getName());
            Graph g = GraphFactory.createDefaultGraph();
            RDFParser.fromString(r.body(), lang).parse(g);
            assertEquals(2, g.size(), lang.getName());
            if (expected == null) expected = g;
            else assertTrue(expected.isIsomorphicWith(g), lang.getName());
        }
    }

    @Test
    void describeAnEntityByContentNegotiation() {
        HttpResponse<String> r = query(server, "DESCRIBE <http://localhost:3030/id/person/elon-musk>", "text/turtle");
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("Elon Musk"), r.body());
    }

    @Test
    void textSearchIgnoresCaseAndAccents() {
        HttpResponse<String> altman = query(server, TEXT
                + "SELECT DISTINCT ?s { ?s text:query (rdfs:label 'altman') }", "text/csv");
        assertTrue(altman.body().contains("/id/person/sam-altman"), altman.body());
        HttpResponse<String> upper = query(server, TEXT + "SELECT DISTINCT ?s { ?s text:query (rdfs:label 'ALTMAN') }", "text/csv");
        assertEquals(altman.body(), upper.body());
        // "société" occurs in evidence quotes; searching without the accent finds them.
        HttpResponse<String> societe = query(server, TEXT
                + "SELECT DISTINCT ?s { ?s text:query ('quote:societe') }", "text/csv");
        assertTrue(societe.body().contains("/id/evidence/"), societe.body());
        HttpResponse<String> accented = query(server, TEXT + "SELECT DISTINCT ?s { ?s text:query ('quote:société') }", "text/csv");
        assertEquals(societe.body(), accented.body());
    }

    @Test
    void superclassQueriesFindInstancesOfSubclasses() {
        String orgs = query(server, AKG + "SELECT (COUNT(DISTINCT ?o) AS ?n) { ?o a akg:Organization }", "text/csv").body();
        String companies = query(server, AKG + "SELECT (COUNT(DISTINCT ?o) AS ?n) { ?o a akg:Company }", "text/csv").body();
        int nOrgs = Integer.parseInt(orgs.split("\r\n")[1]);
        int nCompanies = Integer.parseInt(companies.split("\r\n")[1]);
        assertTrue(nCompanies > 0 && nOrgs > nCompanies, orgs + " / " + companies);
        // alignments to other vocabularies are in the dumps, not stored: the ontology graph answers them
        String rdfs = "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> ";
        String persons = query(server, rdfs + "PREFIX schema: <https://schema.org/> ASK { <http://localhost:3030/id/person/elon-musk> "
                + "a/rdfs:subClassOf* schema:Person }", "application/sparql-results+json").body();
        assertTrue(persons.contains("true"), persons);
        String derived = query(server, rdfs + "PREFIX prov: <http://www.w3.org/ns/prov#> ASK { ?evidence ?p ?article . "
                + "?p rdfs:subPropertyOf* prov:hadPrimarySource }", "application/sparql-results+json").body();
        assertTrue(derived.contains("true"), "akg:statedIn is a sub-property of prov:hadPrimarySource: " + derived);
    }

    @Test
    void updatesUploadsAndAdminOperationsAreRejected() {
        // No update endpoint: 404 (405 while the stock UI's file servlet answered unknown paths).
        int update = post(server.url() + "kg/update", "application/sparql-update", "DROP ALL").statusCode();
        assertTrue(update == 404 || update == 405, "update: " + update);
        // On the query endpoint, as a body or a form's update=: a 400 that says updates are refused.
        for (HttpResponse<String> r : List.of(post(server.url() + "kg/sparql", "application/sparql-update", "DROP ALL"),
                post(server.url() + "kg/sparql", "application/x-www-form-urlencoded", "update=DROP%20ALL"))) {
            assertEquals(400, r.statusCode(), r.body());
            assertTrue(r.body().contains("SPARQL Update is not accepted: this server is read-only"), r.body());
        }
        assertTrue(post(server.url() + "kg", "text/turtle", "<a:b> <a:c> <a:d> .").statusCode() >= 400);
        HttpResponse<String> put = send(HttpRequest.newBuilder(URI.create(server.url() + "kg?default"))
                .header("Content-Type", "text/turtle").PUT(HttpRequest.BodyPublishers.ofString("<a:b> <a:c> <a:d> .")).build());
        assertEquals(405, put.statusCode());
        int upload = post(server.url() + "kg/upload", "text/turtle", "<a:b> <a:c> <a:d> .").statusCode();
        assertTrue(upload == 404 || upload == 405, "upload: " + upload);
        assertEquals(405, post(server.url() + "$/datasets?dbName=x&dbType=mem", "application/x-www-form-urlencoded", "").statusCode());
        HttpResponse<String> delete = send(HttpRequest.newBuilder(URI.create(server.url() + "$/datasets/kg")).DELETE().build());
        assertEquals(405, delete.statusCode());
        for (String admin : List.of("$/compact/kg", "$/backup/kg", "$/tasks", "$/reload")) {
            int status = post(server.url() + admin, "text/plain", "").statusCode();
            assertTrue(status == 404 || status == 405, admin + " -> " + status);
        }
        // The graph is unchanged.
        assertTrue(query(server, "ASK { ?s ?p ?o }", "application/sparql-results+json").body().contains("true"));
    }

    @Test
    void readOnlyDescriptionsAnswerAndTheHomeIsTheQueryEditor() {
        assertEquals(200, get(server.url() + "$/ping", null).statusCode());
        HttpResponse<String> status = get(server.url() + "$/server", "application/json");
        assertEquals(200, status.statusCode());
        assertTrue(status.body().contains("\"/kg\""), status.body());
        assertEquals(200, get(server.url() + "$/datasets/kg", "application/json").statusCode());
        HttpResponse<String> home = get(server.url(), "text/html");
        assertEquals(303, home.statusCode(), "no stock Fuseki UI: / leads to the query editor");
        assertEquals("/editor/", home.headers().firstValue("Location").orElse(null));
        HttpResponse<String> editor = get(server.url() + "editor/", "text/html");
        assertEquals(200, editor.statusCode());
        assertTrue(editor.body().contains("id=\"yasgui\""), "the query editor page");
        assertEquals(200, get(server.url() + "kg/get?default", "text/turtle").statusCode());
        for (String graph : List.of("default", "graph=" + encode("http://localhost:3030/graph/facts"))) {
            HttpResponse<String> png = get(server.url() + "kg/get?" + graph, "image/png");
            assertEquals(406, png.statusCode(), "no RDF syntax accepted: " + png.body());
            assertTrue(png.body().contains("text/turtle"), "the 406 lists the syntaxes: " + png.body());
        }
        assertEquals(200, get(server.url() + "kg/get?default", "image/png, text/turtle;q=0.5").statusCode());
    }

    @Test
    void serviceIsRefusedWithoutAnyOutboundConnection() throws Exception {
        try (ServerSocket trap = new ServerSocket(0)) {
            trap.setSoTimeout(1500);
            HttpResponse<String> r = query(server,
                    "SELECT * { SERVICE <http://127.0.0.1:" + trap.getLocalPort() + "/sparql> { ?s ?p ?o } }", "text/csv");
            assertEquals(400, r.statusCode());
            assertTrue(r.body().contains("SERVICE is disabled"), r.body());
            assertThrows(SocketTimeoutException.class, trap::accept, "the server must not connect out");
        }
    }

    @Test
    void badSparqlIsA400WithTheParserMessage() {
        HttpResponse<String> r = query(server, "SELECT * { ?s ?p", "text/csv");
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("Encountered"), r.body());
    }

    @Test
    void explodingQueryEndsWithinTheTimeoutWithATimeoutStatus() {
        long start = System.nanoTime();
        HttpResponse<String> r = query(server, "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }", "text/csv");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(503, r.statusCode(), r.body());
        assertTrue(r.body().toLowerCase().contains("timed out"), r.body());
        assertTrue(millis < TIMEOUT.toMillis() + 3000, "took " + millis + " ms");
    }

    @Test
    void resultRowsAreCappedAtTheConfiguredMaximum() {
        String csv = query(server, "SELECT ?s ?p ?o { ?s ?p ?o }", "text/csv").body();
        assertEquals(100 + 1, csv.split("\r\n").length, "header plus the 100-row cap");
        String limited = query(server, "SELECT ?s { ?s ?p ?o } LIMIT 3", "text/csv").body();
        assertEquals(3 + 1, limited.split("\r\n").length, "a smaller LIMIT stands");
    }

    @Test
    void corsHeadersAllowTheConfiguredOrigin() {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(server.url() + "kg/sparql?query=" + encode("ASK {}")))
                .header("Origin", "https://viz.example.org").GET().build());
        assertEquals("https://viz.example.org", r.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        // a public read-only server has no credentials to share: a page of another origin never sends its cookies
        assertTrue(r.headers().firstValue("Access-Control-Allow-Credentials").isEmpty(), r.headers().toString());
        HttpResponse<String> other = send(HttpRequest.newBuilder(URI.create(server.url() + "kg/sparql?query=" + encode("ASK {}")))
                .header("Origin", "https://elsewhere.example.com").GET().build());
        assertTrue(other.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), other.headers().toString());
        HttpResponse<String> preflight = send(HttpRequest.newBuilder(URI.create(server.url() + "kg/sparql"))
                .header("Origin", "https://viz.example.org").header("Access-Control-Request-Method", "POST")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Methods").orElse("").contains("POST"),
                preflight.headers().toString());
    }

    @Test
    void graphStoreDefaultGraphIsTheUnionOfTheNamedGraphsAsInSparql() {
        Graph union = parse(get(server.url() + "kg/get?default", "application/n-triples"));
        long sparql = count("SELECT (COUNT(*) AS ?n) { SELECT DISTINCT ?s ?p ?o { ?s ?p ?o } }");
        assertTrue(union.size() > 1000, "the default graph holds triples: " + union.size());
        assertEquals(sparql, union.size(), "as many triples as SPARQL's default graph");
        HttpResponse<String> turtle = get(server.url() + "kg/get?default", "text/turtle");
        assertEquals(200, turtle.statusCode());
        assertTrue(turtle.headers().firstValue("Content-Type").orElse("").startsWith("text/turtle"));
    }

    @Test
    void graphStoreGivesEachNamedGraph() {
        HttpResponse<String> names = query(server, "SELECT DISTINCT ?g { GRAPH ?g { ?s ?p ?o } }", "text/csv");
        List<String> graphs = names.body().lines().skip(1).filter(l -> !l.isBlank()).toList();
        assertEquals(org.articlekg.load.Iris.GRAPHS.size(), graphs.size(), "ontology, facts, inferred and summary: " + graphs);
        long total = 0;
        for (String g : graphs) {
            Graph named = parse(get(server.url() + "kg/get?graph=" + encode(g), "application/n-triples"));
            long expected = count("SELECT (COUNT(*) AS ?n) { GRAPH <" + g + "> { ?s ?p ?o } }");
            assertTrue(named.size() > 0, g);
            assertEquals(expected, named.size(), g);
            total += named.size();
        }
        assertTrue(total >= parse(get(server.url() + "kg/get?default", "application/n-triples")).size(), "the union is no larger than its parts");
        assertEquals(404, get(server.url() + "kg/get?graph=" + encode("http://example.org/no-such-graph"), "text/turtle").statusCode());
    }

    private static Graph parse(HttpResponse<String> r) {
        assertEquals(200, r.statusCode(), r.body());
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(r.body(), Lang.NTRIPLES).parse(g);
        return g;
    }

    private static long count(String select) {
        HttpResponse<String> r = query(server, select, "text/csv");
        assertEquals(200, r.statusCode(), r.body());
        return Long.parseLong(r.body().lines().skip(1).findFirst().orElseThrow().strip());
    }

    private static HttpResponse<String> post(String url, String contentType, String body) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }
}
