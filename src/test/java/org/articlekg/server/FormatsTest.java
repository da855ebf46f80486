package org.articlekg.server;

import static org.articlekg.server.TestServers.*;
import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.articlekg.cli.KgCommand;
import org.articlekg.load.FactModel;
import org.articlekg.query.QueryLibrary;
import org.articlekg.query.ResultFormat;
import org.articlekg.store.ServiceConfig;
import org.articlekg.store.Store;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Formats and what the server says about itself: the format names clients send on the SPARQL
 * endpoint, {@code /api/} and the pages; JSON by default on {@code /api/}; the row cap said in
 * headers, HTML and the CLI; the service description; the list of downloads.
 */
class FormatsTest {
    static final long MAX_ROWS = 20;
    static final String PERSON = "<https://w3id.org/article-kg/ontology#Person>";
    static final String SELECT = "SELECT ?p WHERE { ?p a " + PERSON + " } ORDER BY ?p LIMIT 3";
    static final String CONSTRUCT = "CONSTRUCT { ?p a " + PERSON + " } WHERE { ?p a " + PERSON + " } LIMIT 3";
    static final String SD = "http://www.w3.org/ns/sparql-service-description#";

    @TempDir
    static Path tmp;
    static Store store;
    static KgServer server;

    @BeforeAll
    static void start() {
        store = buildRealData(tmp.resolve("store"));
        QueryLibrary library = QueryLibrary.read(PROJECT.resolve("queries"), FactModel.read(PROJECT.resolve("ontology")));
        server = KgServer.start(store, ServiceConfig.read(CONFIG), library, ServerSettings.defaults().withPort(0).withMaxRows(MAX_ROWS));
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    private static HttpResponse<String> sparql(String query, String params) {
        return get(server.url() + "kg/sparql?query=" + encode(query) + params, null);
    }

    private static String type(HttpResponse<?> r) {
        return r.headers().firstValue("Content-Type").orElse("");
    }

    private static Graph parse(String body, Lang lang) {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(body, lang).parse(g);
        return g;
    }

    /** Format name → the media type a SELECT is answered in. */
    static final Map<String, String> TABLE_NAMES = Map.ofEntries(
            Map.entry("json", "application/sparql-results+json"), Map.entry("xml", "application/sparql-results+xml"),
            Map.entry("csv", "text/csv"), Map.entry("tsv", "text/tab-separated-values"),
            Map.entry("application/sparql-results+json", "application/sparql-results+json"),
            Map.entry("application/json", "application/sparql-results+json"), Map.entry("text/csv", "text/csv"),
            Map.entry("srj", "application/sparql-results+json"), Map.entry("JSON", "application/sparql-results+json"));

    /** Format name → the media type a CONSTRUCT is answered in. */
    static final Map<String, String> GRAPH_NAMES = Map.ofEntries(
            Map.entry("rdf+xml", "application/rdf+xml"), Map.entry("application/rdf+xml", "application/rdf+xml"),
            Map.entry("xml", "application/rdf+xml"), Map.entry("rdf", "application/rdf+xml"), Map.entry("rdfxml", "application/rdf+xml"),
            Map.entry("n3", "text/turtle"), Map.entry("turtle", "text/turtle"), Map.entry("ttl", "text/turtle"),
            Map.entry("json-ld", "application/ld+json"), Map.entry("jsonld", "application/ld+json"),
            Map.entry("json", "application/ld+json"), Map.entry("nt", "application/n-triples"));

    @Test
    void sparqlEndpointUnderstandsTheFormatNamesClientsSendForSelect() {
        for (var e : TABLE_NAMES.entrySet()) {
            for (String param : List.of("format", "output")) {
                HttpResponse<String> r = sparql(SELECT, "&" + param + "=" + encode(e.getKey()));
                assertEquals(200, r.statusCode(), e.getKey() + ": " + r.body());
                assertTrue(type(r).startsWith(e.getValue()), e.getKey() + " gave " + type(r));
                assertTrue(r.body().contains("/id/person/"), e.getKey() + ": " + r.body());
            }
        }
        HttpResponse<String> ask = sparql("ASK { ?p a " + PERSON + " }", "&format=xml");
        assertTrue(type(ask).startsWith("application/sparql-results+xml"), type(ask));
        assertTrue(ask.body().contains("<boolean>true</boolean>"), ask.body());
    }

    @Test
    void sparqlEndpointUnderstandsTheFormatNamesClientsSendForConstructAndDescribe() {
        for (var e : GRAPH_NAMES.entrySet()) {
            HttpResponse<String> r = sparql(CONSTRUCT, "&format=" + encode(e.getKey()));
            assertEquals(200, r.statusCode(), e.getKey() + ": " + r.body());
            assertTrue(type(r).startsWith(e.getValue()), e.getKey() + " gave " + type(r));
            assertEquals(3, parse(r.body(), RDFLanguages.contentTypeToLang(e.getValue())).size(), e.getKey());
        }
        HttpResponse<String> describe = sparql("DESCRIBE <http://localhost:3030/id/person/elon-musk>", "&format=rdf%2Bxml");
        assertEquals(200, describe.statusCode(), describe.body());
        assertTrue(parse(describe.body(), Lang.RDFXML).size() > 0);
    }

    @Test
    void repeatedFormatParametersAnswerInTheFirstKnownValueAsSparqlWrapperSendsThem() {
        // SPARQLWrapper's RDFXML: format, output and results, each twice.
        String params = "&format=rdf%2Bxml&format=application/rdf%2Bxml&output=rdf%2Bxml&output=application/rdf%2Bxml"
                + "&results=rdf%2Bxml&results=application/rdf%2Bxml";
        HttpResponse<String> r = sparql(CONSTRUCT, params);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(type(r).startsWith("application/rdf+xml"), type(r));
        HttpResponse<String> tsv = sparql(SELECT, "&format=tsv&format=text/tab-separated-values&output=tsv");
        assertTrue(type(tsv).startsWith("text/tab-separated-values"), type(tsv));
    }

    @Test
    void aFormatOfTheOtherKindOfResultIsA400ThatListsTheFormats() {
        HttpResponse<String> select = sparql(SELECT, "&format=turtle");
        assertEquals(400, select.statusCode());
        assertTrue(select.body().contains("use one of: json, xml, csv, tsv, table"), select.body());
        HttpResponse<String> construct = sparql(CONSTRUCT, "&format=csv");
        assertEquals(400, construct.statusCode());
        assertTrue(construct.body().contains("use one of: ttl, nt, jsonld, rdfxml"), construct.body());
        assertEquals(400, sparql(SELECT, "&format=gif").statusCode());
    }

    @Test
    void fusekisOwnNamesAndTheAcceptHeaderStillWork() {
        HttpResponse<String> text = sparql(SELECT, "&format=text");
        assertTrue(type(text).startsWith("text/plain"), type(text));
        HttpResponse<String> accept = get(server.url() + "kg/sparql?query=" + encode(CONSTRUCT), "application/rdf+xml");
        assertTrue(type(accept).startsWith("application/rdf+xml"), type(accept));
    }

    @Test
    void pagesAndSavedQueriesUnderstandTheSameNames() {
        String doc = server.url() + "doc/person/elon-musk?format=";
        for (var e : GRAPH_NAMES.entrySet()) {
            HttpResponse<String> r = get(doc + encode(e.getKey()), null);
            assertEquals(200, r.statusCode(), e.getKey());
            assertTrue(type(r).startsWith(e.getValue()), e.getKey() + " gave " + type(r));
        }
        assertEquals(406, get(doc + "csv", null).statusCode(), "a page is not a table");
        for (var e : TABLE_NAMES.entrySet()) {
            HttpResponse<String> r = get(server.url() + "api/articles?format=" + encode(e.getKey()), null);
            assertEquals(200, r.statusCode(), e.getKey() + ": " + r.body());
            assertTrue(type(r).startsWith(e.getValue()), e.getKey() + " gave " + type(r));
        }
        for (var e : GRAPH_NAMES.entrySet()) {
            HttpResponse<String> r = get(server.url() + "api/entity-neighbourhood?format=" + encode(e.getKey()), null);
            assertEquals(200, r.statusCode(), e.getKey() + ": " + r.body());
            assertTrue(type(r).startsWith(e.getValue()), e.getKey() + " gave " + type(r));
        }
        HttpResponse<String> bad = get(server.url() + "api/articles?format=turtle", null);
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("\"parameter\" : \"format\""), bad.body());
    }

    @Test
    void oneTableNamesEveryFormatByJenasLanguages() {
        assertEquals(ResultFormat.RDFXML, ResultFormat.byName("rdf+xml", false));
        assertEquals(ResultFormat.RDFXML, ResultFormat.byName("RDF/XML", false));
        assertEquals(ResultFormat.XML, ResultFormat.byName("xml", true));
        assertEquals(ResultFormat.JSONLD, ResultFormat.byName("json", false));
        assertEquals(ResultFormat.TURTLE, ResultFormat.byName("text/turtle; charset=utf-8", false));
        assertEquals(Lang.TURTLE, ResultFormat.TURTLE.lang());
        assertEquals(List.of(ResultFormat.JSON, ResultFormat.XML, ResultFormat.CSV, ResultFormat.TSV, ResultFormat.TABLE),
                ResultFormat.formats(true));
    }

    @Test
    void savedQueriesAnswerJsonByDefaultAndHtmlToBrowsers() {
        String browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
        for (String accept : new String[] {null, "*/*"}) {
            HttpResponse<String> r = get(server.url() + "api/articles", accept);
            assertEquals(200, r.statusCode());
            assertTrue(type(r).startsWith("application/sparql-results+json"), accept + " gave " + type(r));
            HttpResponse<String> index = get(server.url() + "api/", accept);
            assertTrue(type(index).startsWith("application/json"), accept + " gave " + type(index));
        }
        HttpResponse<String> page = get(server.url() + "api/articles", browser);
        assertTrue(type(page).startsWith("text/html"), type(page));
        assertTrue(page.body().contains("<table id=\"results\">") && page.body().contains("/id/article/"), page.body());
        HttpResponse<String> graph = get(server.url() + "api/entity-neighbourhood", browser);
        assertTrue(type(graph).startsWith("text/html"), type(graph));
        assertTrue(graph.body().contains("<th>subject</th>"), graph.body());
        assertTrue(type(get(server.url() + "api/entity-neighbourhood", null)).startsWith("text/turtle"));
        assertTrue(type(get(server.url() + "api/", browser)).startsWith("text/html"));
        assertTrue(type(get(server.url() + "api/?format=html", null)).startsWith("text/html"));
        assertTrue(type(get(server.url() + "api/", "application/json, text/html;q=0.1")).startsWith("application/json"));
    }

    @Test
    void aResultCutByTheRowCapSaysSoInItsHeaders() {
        String all = "SELECT * WHERE { ?s ?p ?o }";
        for (String params : List.of("", "&format=csv")) {
            HttpResponse<String> cut = sparql(all, params);
            assertEquals(200, cut.statusCode());
            assertEquals("true", cut.headers().firstValue("X-Result-Truncated").orElse(null), params);
            assertEquals(String.valueOf(MAX_ROWS), cut.headers().firstValue("X-Result-Limit").orElse(null));
        }
        HttpResponse<String> csv = sparql(all, "&format=csv");
        assertEquals(MAX_ROWS + 1, csv.body().split("\r\n").length, "header and the capped rows");
        // Exactly the cap, or the query's own smaller LIMIT: nothing was cut.
        assertTrue(sparql(all + " LIMIT " + MAX_ROWS, "").headers().firstValue("X-Result-Truncated").isEmpty());
        assertTrue(sparql(all + " LIMIT 5", "").headers().firstValue("X-Result-Truncated").isEmpty());
        assertTrue(sparql(SELECT, "").headers().firstValue("X-Result-Truncated").isEmpty());
        HttpResponse<String> cors = send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.url() + "kg/sparql?query=" + encode(all)))
                .header("Origin", "https://viz.example.org").GET().build());
        assertTrue(cors.headers().firstValue("Access-Control-Expose-Headers").orElse("").contains("X-Result-Truncated"), cors.headers().toString());
    }

    @Test
    void aGraphCutByTheRowCapSaysSoInItsHeaders() {
        String construct = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }";
        String describe = "DESCRIBE ?s WHERE { ?s ?p ?o }";
        for (String params : List.of("", "&format=ntriples", "&format=ttl")) {
            HttpResponse<String> cut = sparql(construct, params);
            assertEquals(200, cut.statusCode());
            assertEquals("true", cut.headers().firstValue("X-Result-Truncated").orElse(null), params);
            assertEquals(String.valueOf(MAX_ROWS), cut.headers().firstValue("X-Result-Limit").orElse(null));
        }
        // the cap's solutions, each one triple here: the solution past the cap is not sent
        HttpResponse<String> nt = sparql(construct, "&format=nt");
        assertEquals(MAX_ROWS, parse(nt.body(), Lang.NTRIPLES).size(), nt.body());
        assertTrue(sparql(construct + " LIMIT " + MAX_ROWS, "").headers().firstValue("X-Result-Truncated").isEmpty());
        assertTrue(sparql(CONSTRUCT, "").headers().firstValue("X-Result-Truncated").isEmpty());
        // more solutions than the cap: the DESCRIBE is cut; a few are not
        assertEquals("true", sparql(describe, "").headers().firstValue("X-Result-Truncated").orElse(null));
        assertTrue(sparql(describe + " LIMIT 2", "").headers().firstValue("X-Result-Truncated").isEmpty());
        assertTrue(sparql("DESCRIBE <http://localhost:3030/id/person/elon-musk>", "").headers().firstValue("X-Result-Truncated").isEmpty());
        // a saved query of a graph through /api/, and in its HTML page
        HttpResponse<String> api = get(server.url() + "api/entity-neighbourhood", null);
        assertEquals("true", api.headers().firstValue("X-Result-Truncated").orElse(null), api.headers().toString());
    }

    @Test
    void aSavedQueryCutByTheRowCapSaysSoInHeadersAndHtml() {
        // who-says-what has more rows than the cap of this server.
        HttpResponse<String> json = get(server.url() + "api/who-says-what", null);
        assertEquals("true", json.headers().firstValue("X-Result-Truncated").orElse(null));
        HttpResponse<String> html = get(server.url() + "api/who-says-what", "text/html");
        assertTrue(html.body().contains("Truncated: only the first " + MAX_ROWS + " rows"), html.body());
        HttpResponse<String> page = get(server.url() + "api/who-says-what?limit=5", null);
        assertTrue(page.headers().firstValue("X-Result-Truncated").isEmpty(), "a page within the cap is not cut");
    }

    @Test
    void kgQueryNotesOnStderrWhenItsRowCapCutTheResults() throws Exception {
        Path rq = Files.writeString(tmp.resolve("all.rq"), "SELECT * WHERE { ?s ?p ?o }");
        PrintStream savedOut = System.out;
        PrintStream savedErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(0, KgCommand.execute("query", "--file", rq.toString(), "--endpoint", server.url() + "kg/sparql",
                    "--max-rows", "3", "--format", "csv"));
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
        }
        assertEquals(4, out.toString(StandardCharsets.UTF_8).split("\r\n").length, out.toString(StandardCharsets.UTF_8));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("truncated: only the first 3 rows (--max-rows 3)"), err.toString());
    }

    @Test
    void theEndpointWithoutAQueryAnswersItsServiceDescription() {
        for (String path : List.of("kg/sparql", "kg/query", "kg")) {
            HttpResponse<String> r = get(server.url() + path, null);
            assertEquals(200, r.statusCode(), path + ": " + r.body());
            assertTrue(type(r).startsWith("text/turtle"), path + " gave " + type(r));
            Graph g = parse(r.body(), Lang.TURTLE);
            Node service = g.find(Node.ANY, sd("endpoint"), Node.ANY).next().getSubject();
            assertTrue(g.contains(service, sd("endpoint"), NodeFactory.createURI("http://localhost:3030/kg/sparql")));
            assertTrue(g.contains(service, sd("supportedLanguage"), sd("SPARQL11Query")));
            for (ResultFormat f : ResultFormat.values()) {
                if (f.w3cIri() != null) assertTrue(g.contains(service, sd("resultFormat"), NodeFactory.createURI(f.w3cIri())), f.name());
            }
            assertTrue(g.contains(service, sd("extensionFunction"), NodeFactory.createURI("http://jena.apache.org/text#query")));
            assertTrue(g.contains(service, sd("feature"), sd("UnionDefaultGraph")));
            Node dataset = g.find(service, sd("defaultDataset"), Node.ANY).next().getObject();
            assertTrue(g.find(dataset, sd("defaultGraph"), Node.ANY).hasNext());
            for (String name : org.articlekg.load.Iris.GRAPHS) {
                Node graph = NodeFactory.createURI("http://localhost:3030/graph/" + name);
                assertTrue(g.find(Node.ANY, sd("name"), graph).hasNext(), name);
            }
        }
        HttpResponse<String> head = send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.url() + "kg/sparql"))
                .method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(200, head.statusCode());
        assertTrue(type(head).startsWith("text/turtle"), type(head));
        HttpResponse<String> jsonld = get(server.url() + "kg/sparql", "application/ld+json");
        assertTrue(type(jsonld).startsWith("application/ld+json"), type(jsonld));
        assertTrue(parse(jsonld.body(), Lang.JSONLD).size() > 10);
        HttpResponse<String> voidDoc = get(server.url() + ".well-known/void", "text/turtle");
        Graph v = parse(voidDoc.body(), Lang.TURTLE);
        assertTrue(v.contains(NodeFactory.createURI("http://localhost:3030/.well-known/void#dataset"),
                NodeFactory.createURI("http://www.w3.org/2000/01/rdf-schema#seeAlso"), NodeFactory.createURI("http://localhost:3030/kg/sparql")));
        // With a query it is still the endpoint.
        assertTrue(sparql(SELECT, "&format=csv").body().startsWith("p\r\n"));
    }

    private static Node sd(String local) {
        return NodeFactory.createURI(SD + local);
    }

    @Test
    void dumpsAreListedWithSizesFormatsAndTheBuildDate() throws Exception {
        Path dumps = store.requireCurrent().resolve(Store.DUMPS);
        for (String path : List.of("dumps/", "dumps")) {
            HttpResponse<String> r = get(server.url() + path, null);
            assertEquals(200, r.statusCode(), path);
            assertTrue(type(r).startsWith("application/json"), type(r));
            JsonObject root = JSON.parse(r.body());
            assertEquals(org.articlekg.store.BuildInfo.read(store.requireCurrent()).built().toString(), root.get("built").getAsString().value());
            List<JsonValue> listed = root.get("dumps").getAsArray();
            try (var files = Files.list(dumps)) {
                assertEquals(files.count(), listed.size());
            }
            for (JsonValue d : listed) {
                JsonObject o = d.getAsObject();
                String name = o.get("name").getAsString().value();
                assertEquals(Files.size(dumps.resolve(name)), o.get("bytes").getAsNumber().value().longValue(), name);
                HttpResponse<String> file = get(server.url() + "dumps/" + name, null);
                assertEquals(200, file.statusCode(), name);
                assertTrue(type(file).startsWith(o.get("mediaType").getAsString().value()), name + " " + type(file));
            }
            assertTrue(r.body().contains("\"format\" : \"Turtle\""), r.body());
        }
        HttpResponse<String> html = get(server.url() + "dumps/", "text/html");
        assertTrue(type(html).startsWith("text/html"), type(html));
        assertTrue(html.body().contains("href=\"/dumps/article-kg.ttl\"") && html.body().contains("GEXF"), html.body());
    }
}
