package org.articlekg.server;

import static org.articlekg.server.TestServers.*;
import static org.junit.jupiter.api.Assertions.*;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.articlekg.load.FactModel;
import org.articlekg.query.QueryLibrary;
import org.articlekg.query.SavedQuery;
import org.articlekg.store.ServiceConfig;
import org.articlekg.store.Store;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The saved queries over HTTP: index, OpenAPI, formats, errors and injection attempts, shared answers. */
class ApiTest {
    @TempDir
    static Path tmp;
    static KgServer server;
    static QueryLibrary library;

    @BeforeAll
    static void start() {
        Store store = buildRealData(tmp.resolve("store"));
        library = QueryLibrary.read(PROJECT.resolve("queries"), FactModel.read(PROJECT.resolve("ontology")));
        // one client may run eight queries at once, so that the per-client limit does not refuse
        // the bursts of identicalRequestsInFlightShareOneComputation
        server = KgServer.start(store, ServiceConfig.read(CONFIG), library, ServerSettings.defaults().withPort(0).withMaxQueries(8, 8));
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    private static HttpResponse<String> api(String pathAndQuery, String accept) {
        return get(server.url() + "api/" + pathAndQuery, accept);
    }

    @Test
    void indexIsHtmlForPeopleAndJsonForPrograms() {
        HttpResponse<String> html = api("", "text/html");
        assertTrue(html.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        for (SavedQuery q : library.all()) assertTrue(html.body().contains("/api/" + q.name()), q.name());
        assertTrue(html.body().contains("/editor/?query="), "links open the queries in the query editor");
        HttpResponse<String> json = api("", "application/json");
        assertTrue(json.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        for (SavedQuery q : library.all()) assertTrue(json.body().contains("\"name\" : \"" + q.name() + "\""), q.name());
    }

    @Test
    void openApiDocumentParsesAndListsEveryQueryWithItsParameters() {
        HttpResponse<String> r = api("openapi.json", null);
        assertEquals(200, r.statusCode());
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(r.body(), null, resolvedFully());
        assertTrue(parsed.getMessages() == null || parsed.getMessages().isEmpty(), String.valueOf(parsed.getMessages()));
        assertNotNull(parsed.getOpenAPI());
        assertTrue(parsed.getOpenAPI().getOpenapi().startsWith("3."));
        for (SavedQuery q : library.all()) {
            var item = parsed.getOpenAPI().getPaths().get("/" + q.name());
            assertNotNull(item, q.name());
            assertEquals(q.summary(), item.getGet().getSummary());
            for (var p : q.parameters()) {
                assertTrue(item.getGet().getParameters().stream().anyMatch(x -> x.getName().equals(p.name())), q.name() + " " + p.name());
            }
        }
        for (var item : parsed.getOpenAPI().getPaths().values()) {
            var page = item.getGet().getParameters().stream().filter(p -> p.getName().equals("limit") || p.getName().equals("offset")).toList();
            assertEquals(2, page.size(), item.getGet().getOperationId() + " takes limit and offset");
            assertTrue(page.stream().allMatch(p -> "integer".equals(p.getSchema().getType())));
        }
        var status = parsed.getOpenAPI().getPaths().get("/investments-in").getGet().getParameters().stream()
                .filter(p -> p.getName().equals("status")).findFirst().orElseThrow();
        assertTrue(status.getSchema().getEnum().contains("rejected"), "enumerations are described");
        var kind = parsed.getOpenAPI().getPaths().get("/single-source-facts").getGet().getParameters().stream()
                .filter(p -> p.getName().equals("kind")).findFirst().orElseThrow();
        assertEquals(FactModel.read(PROJECT.resolve("ontology")).facts().stream().map(t -> t.kind().name()).toList(),
                kind.getSchema().getEnum(), "the kinds of fact as ontology/kinds.ttl declares them");
        var investee = parsed.getOpenAPI().getPaths().get("/investments-in").getGet().getParameters().stream()
                .filter(p -> p.getName().equals("investee")).findFirst().orElseThrow();
        assertEquals("http://localhost:3030/id/organization/openai", investee.getSchema().getDefault());
    }

    /** Parse options that inline every {@code $ref}, as a client generator sees the document. */
    private static io.swagger.v3.parser.core.models.ParseOptions resolvedFully() {
        var options = new io.swagger.v3.parser.core.models.ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        return options;
    }

    @Test
    void openApiDeclaresResponseSchemasErrorsLicenceAndSharedComponents() {
        String body = api("openapi.json", null).body();
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(body, null, null);
        assertTrue(parsed.getMessages() == null || parsed.getMessages().isEmpty(), String.valueOf(parsed.getMessages()));
        var api = parsed.getOpenAPI();
        assertEquals("https://creativecommons.org/licenses/by/4.0/", api.getInfo().getLicense().getUrl());
        assertTrue(api.getInfo().getLicense().getName().startsWith("CC BY 4.0"));
        var components = api.getComponents();
        assertEquals(java.util.Set.of("SparqlResults", "SparqlSelectResults", "SparqlAskResults", "RdfTerm", "Error"),
                components.getSchemas().keySet());
        assertEquals(java.util.Set.of("limit", "offset", "formatTable", "formatGraph"), components.getParameters().keySet());
        assertEquals(java.util.Set.of("BadRequest", "NotFound", "NotAcceptable", "TooManyRequests", "ServiceUnavailable"),
                components.getResponses().keySet());
        io.swagger.v3.oas.models.media.Schema<?> term = components.getSchemas().get("RdfTerm");
        assertEquals(List.of("uri", "literal", "bnode"), term.getProperties().get("type").getEnum());
        assertNotNull(components.getResponses().get("TooManyRequests").getHeaders().get("Retry-After"));

        for (SavedQuery q : library.all()) {
            var get = api.getPaths().get("/" + q.name()).getGet();
            var ok = get.getResponses().get("200").getContent();
            // What a generated client types the body with: SPARQL JSON results for a table, an object for JSON-LD.
            if (q.isTabular()) {
                assertEquals("#/components/schemas/SparqlResults", ok.get("application/sparql-results+json").getSchema().get$ref(), q.name());
            } else {
                assertEquals("object", ok.get("application/ld+json").getSchema().getType(), q.name());
            }
            for (String status : List.of("400", "404", "406", "429", "503")) {
                assertNotNull(get.getResponses().get(status).get$ref(), q.name() + " " + status);
            }
            assertTrue(get.getParameters().stream().anyMatch(p -> "#/components/parameters/limit".equals(p.get$ref())), q.name());
        }

        // Resolved, as a generator sees it, the SELECT schema is there under the reference.
        var resolved = new OpenAPIV3Parser().readContents(body, null, resolvedFully()).getOpenAPI();
        var results = resolved.getPaths().get("/investments-in").getGet().getResponses().get("200").getContent()
                .get("application/sparql-results+json").getSchema();
        assertEquals(2, ((io.swagger.v3.oas.models.media.ComposedSchema) results).getOneOf().size());
    }

    @Test
    void theDeclaredSchemasDescribeTheBodiesTheApiWrites() {
        var schemas = new OpenAPIV3Parser().readContents(api("openapi.json", null).body(), null, null).getOpenAPI()
                .getComponents().getSchemas();
        io.swagger.v3.oas.models.media.Schema<?> error = schemas.get("Error");
        for (HttpResponse<String> r : List.of(api("investments-in?status=nonsense", null), api("no-such-query", null),
                api("investments-in", "image/png"))) {
            JsonObject o = JSON.parse(r.body());
            assertTrue(error.getProperties().keySet().containsAll(o.keys()), r.body());
            assertTrue(o.keys().containsAll(error.getRequired()), r.body());
            assertEquals(r.statusCode(), o.get("status").getAsNumber().value().intValue());
        }
        JsonObject rows = JSON.parse(api("investments-in", "application/sparql-results+json").body());
        assertTrue(rows.keys().containsAll(schemas.get("SparqlSelectResults").getRequired()));
        io.swagger.v3.oas.models.media.Schema<?> rdfTerm = schemas.get("RdfTerm");
        var types = rdfTerm.getProperties().get("type").getEnum();
        var termKeys = rdfTerm.getProperties().keySet();
        var bindings = rows.get("results").getAsObject().get("bindings").getAsArray();
        assertFalse(bindings.isEmpty());
        for (var b : bindings) {
            for (String v : b.getAsObject().keys()) {
                JsonObject term = b.getAsObject().get(v).getAsObject();
                assertTrue(types.contains(term.get("type").getAsString().value()), term.toString());
                assertTrue(termKeys.containsAll(term.keys()), term.toString());
            }
        }
    }

    @Test
    void resultFormatByFormatParameterAndByAccept() {
        assertTrue(api("investments-in?format=csv", null).body().startsWith("investment,label,"));
        assertTrue(api("investments-in?format=tsv", null).body().startsWith("?investment\t"));
        assertTrue(api("investments-in?format=xml", null).body().contains("<sparql"));
        assertTrue(api("investments-in", "application/sparql-results+json").body().contains("\"bindings\""));
        HttpResponse<String> weighted = api("investments-in", "application/sparql-results+json;q=0.2, text/csv;q=0.9");
        assertTrue(weighted.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(api("entity-neighbourhood?format=jsonld", null).body(), Lang.JSONLD).parse(g);
        assertTrue(g.size() > 10);
        assertEquals(406, api("investments-in", "image/png").statusCode());
    }

    @Test
    void parametersFilterTheAnswer() {
        String rejected = api("investments-in?format=csv&status=rejected", null).body();
        assertEquals(2, rejected.split("\r\n").length, rejected);
        String microsoft = api("investments-in?format=csv&investee=" + encode("http://localhost:3030/id/organization/microsoft"), null).body();
        assertEquals(1, microsoft.split("\r\n").length, "nobody invested in Microsoft: " + microsoft);
    }

    @Test
    void aRelativeIriValueIsResolvedAgainstTheServedBuildsBase() {
        String relative = api("investments-in?format=csv&investee=" + encode("id/organization/openai"), null).body();
        assertEquals(api("investments-in?format=csv&investee=" + encode("http://localhost:3030/id/organization/openai"), null).body(), relative);
        assertTrue(relative.split("\r\n").length > 1, relative);
    }

    @Test
    void limitAndOffsetGivePagesOfTheOrderedAnswer() {
        List<Binding> all = rows(api("entities", "application/sparql-results+json").body());
        assertTrue(all.size() > 6, "enough entities to page: " + all.size());
        assertEquals(all.subList(0, 3), rows(api("entities?limit=3", "application/sparql-results+json").body()));
        assertEquals(all.subList(2, 6), rows(api("entities?offset=2&limit=4", "application/sparql-results+json").body()));
        assertEquals(all.subList(all.size() - 2, all.size()),
                rows(api("entities?offset=" + (all.size() - 2) + "&limit=5", "application/sparql-results+json").body()), "the last page is short");
        assertEquals(List.of(), rows(api("entities?offset=" + all.size(), "application/sparql-results+json").body()));
        for (String bad : List.of("limit=0", "limit=many", "offset=-1", "limit=2&limit=3", "offset=9223372036854775807")) {
            HttpResponse<String> r = api("entities?" + bad, null);
            assertEquals(400, r.statusCode(), bad);
            assertTrue(r.body().contains("\"parameter\" : \"" + bad.substring(0, bad.indexOf('=')) + "\""), r.body());
        }
    }

    @Test
    void aPageStaysWithinTheQuerysOwnLimitAndOffset() {
        Query q = QueryFactory.create("SELECT ?s { ?s ?p ?o } ORDER BY ?s LIMIT 10 OFFSET 5");
        Query page = ApiServlet.page(q, 4L, 8L);
        assertEquals(List.of(13L, 2L), List.of(page.getOffset(), page.getLimit()), "rows 8 to 9 of the query's 10");
        assertEquals(List.of(25L, 0L), List.of(ApiServlet.page(q, null, 20L).getOffset(), ApiServlet.page(q, null, 20L).getLimit()));
        Query open = QueryFactory.create("SELECT ?s { ?s ?p ?o } ORDER BY ?s");
        assertEquals(List.of(0L, 7L), List.of(ApiServlet.page(open, 7L, null).getOffset(), ApiServlet.page(open, 7L, null).getLimit()));
        assertFalse(ApiServlet.page(open, null, 3L).hasLimit());
        assertSame(open, ApiServlet.page(open, null, null));
        assertEquals(10L, q.getLimit(), "the saved query is left as it was");
    }

    private static List<Binding> rows(String json) {
        List<Binding> rows = new java.util.ArrayList<>();
        ResultSet rs = ResultSetMgr.read(new java.io.ByteArrayInputStream(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                ResultSetLang.RS_JSON);
        while (rs.hasNext()) rows.add(rs.nextBinding());
        return rows;
    }

    @Test
    void aResultPagesEditorLinkHasTheValuesOfThePage() {
        String yc = server.url() + "id/organization/y-combinator";
        String page = api("roles-at?organization=" + URLEncoder.encode(yc, StandardCharsets.UTF_8), "text/html").body();
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("href=\"(/editor/\\?query=[^\"]+)\"").matcher(page);
        assertTrue(link.find(), page);
        String query = URLDecoder.decode(link.group(1).replace("&amp;", "&").substring("/editor/?query=".length()), StandardCharsets.UTF_8);
        assertTrue(query.contains("<" + yc + ">"), "the organization of the page: " + query);
        assertFalse(query.contains("/id/organization/openai>"), "not the default: " + query);
    }

    @Test
    void unknownQueryIs404AndBadParametersAre400NamingTheParameter() {
        assertEquals(404, api("no-such-query", null).statusCode());
        HttpResponse<String> typo = api("disputs", null);
        assertEquals(404, typo.statusCode());
        assertTrue(typo.body().contains("did you mean disputes?"), typo.body());
        HttpResponse<String> missing = api("investments-in?nope=1", null);
        assertEquals(400, missing.statusCode());
        assertTrue(missing.body().contains("\"parameter\" : \"nope\""));
        HttpResponse<String> notAllowed = api("investments-in?status=stolen", null);
        assertEquals(400, notAllowed.statusCode());
        assertTrue(notAllowed.body().contains("\"parameter\" : \"status\""));
        HttpResponse<String> notInteger = api("investments-by-year?year=twenty", null);
        assertEquals(400, notInteger.statusCode());
        assertTrue(notInteger.body().contains("\"parameter\" : \"year\"") && notInteger.body().contains("xsd:integer"));
        assertEquals(400, api("investments-in?format=gif", null).statusCode());
        assertEquals(400, api("investments-in?status=completed&status=rejected", null).statusCode());
    }

    @Test
    void aRequiredParameterWithoutDefaultIsReportedMissing() throws Exception {
        Path dir = tmp.resolve("q");
        java.nio.file.Files.createDirectories(dir);
        java.nio.file.Files.writeString(dir.resolve("needs-entity.rq"), "#+ summary: needs an entity\n"
                + "SELECT ?p ?o WHERE { ?_entity_iri ?p ?o } LIMIT 1\n");
        try (KgServer other = KgServer.start(buildRealData(tmp.resolve("second")), ServiceConfig.read(CONFIG), QueryLibrary.read(dir),
                ServerSettings.defaults().withPort(0))) {
            HttpResponse<String> r = get(other.url() + "api/needs-entity", null);
            assertEquals(400, r.statusCode());
            assertTrue(r.body().contains("\"parameter\" : \"entity\"") && r.body().contains("missing"), r.body());
        }
    }

    @Test
    void injectionValuesAreEitherPlainValuesOr400NeverPartOfTheQuery() {
        for (String hostile : List.of("x\" } ; DROP ALL #", "back\\slash", "new\nline", "\\u0022 } ")) {
            HttpResponse<String> r = api("search?format=csv&q=" + encode(hostile), null);
            assertTrue(r.statusCode() == 200 || r.statusCode() == 400, hostile + " -> " + r.statusCode() + " " + r.body());
            if (r.statusCode() == 400) assertTrue(r.body().contains("\"parameter\" : \"q\""), r.body());
        }
        for (String hostileIri : List.of("http://x/> } ; DROP ALL #", "http://x/a b", "http://x/\\u003E", "x\" } ; DROP ALL #")) {
            HttpResponse<String> r = api("investments-in?investee=" + encode(hostileIri), null);
            assertEquals(400, r.statusCode(), hostileIri);
            assertTrue(r.body().contains("\"parameter\" : \"investee\""));
        }
        assertTrue(query(server, "ASK { ?s ?p ?o }", "application/sparql-results+json").body().contains("true"), "the graph is intact");
    }

    /**
     * Identical requests in flight share one answer, through the server: a request that waits for
     * another's computation says so in {@code Server-Timing} ({@code shared}) and gets the same
     * bytes as the one that computed it ({@code computed}).
     */
    @Test
    void identicalRequestsInFlightShareOneComputation() throws Exception {
        // bursts of identical requests (a burst whose requests happened not to overlap is followed
        // by another, up to ten): each answer is computed by one of them, or shared with it
        int shared = 0;
        for (int round = 0; round < 10 && shared == 0; round++) {
            List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                burst.add(HTTP.sendAsync(HttpRequest.newBuilder(URI.create(server.url() + "api/claim-support"))
                        .header("Accept", "text/csv").GET().build(), HttpResponse.BodyHandlers.ofString()));
            }
            String computedBody = null;
            List<String> bodies = new ArrayList<>();
            for (CompletableFuture<HttpResponse<String>> f : burst) {
                HttpResponse<String> r = f.get();
                assertEquals(200, r.statusCode(), r.body());
                String timing = r.headers().firstValue("Server-Timing").orElseThrow();
                assertTrue(timing.matches("(computed|shared);dur=\\d+\\.\\d"), timing);
                if (timing.startsWith("shared")) shared++;
                else computedBody = r.body();
                bodies.add(r.body());
            }
            assertNotNull(computedBody, "one request of the burst computed the answer");
            for (String body : bodies) assertEquals(computedBody, body, "every request gets the same answer");
        }
        assertTrue(shared > 0, "bursts of 8 identical requests: none waited for another's answer");
    }
}
