package org.articlekg.server;

import static org.articlekg.server.TestServers.*;
import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDFS;
import org.articlekg.query.QueryLibrary;
import org.articlekg.store.ServiceConfig;
import org.articlekg.store.Store;
import org.articlekg.vocab.AKG;
import org.articlekg.vocab.PROV;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** Dereferenceable IRIs, pages, VoID and exports, on the real data plus one hostile label. */
class LinkedDataTest {
    private static final String MUSK = "http://localhost:3030/id/person/elon-musk";
    private static final String SCRIPT = "<script>alert('x')</script> & co";

    @TempDir
    static Path tmp;
    static KgServer server;

    @BeforeAll
    static void start() throws Exception {
        Path data = tmp.resolve("data");
        copyTree(PROJECT.resolve("data"), data);
        Files.writeString(data.resolve("persons.csv"), "evil-label,\"" + SCRIPT + "\",\"" + SCRIPT + "\",,,\n",
                StandardOpenOption.APPEND);
        Store store = new Store(tmp.resolve("store"));
        builder(data).buildInto(store);
        server = KgServer.start(store, ServiceConfig.read(CONFIG), QueryLibrary.read(PROJECT.resolve("queries")),
                ServerSettings.defaults().withPort(0));
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    private static String local(String iri) {
        return server.url() + iri.substring("http://localhost:3030/".length());
    }

    private static HttpResponse<String> head(String url, String accept) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", accept)
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
    }

    @Test
    void idAnswers303ToItsDocumentWithVaryAccept() {
        HttpResponse<String> r = get(local(MUSK), "text/turtle");
        assertEquals(303, r.statusCode());
        assertEquals("/doc/person/elon-musk", r.headers().firstValue("Location").orElse(null));
        assertTrue(r.headers().firstValue("Vary").orElse("").contains("Accept"));
        assertEquals(303, head(local(MUSK), "text/html").statusCode());
    }

    @Test
    void documentNegotiatesEveryRdfSyntaxAndHtml() {
        String doc = server.url() + "doc/person/elon-musk";
        Map<String, Lang> types = Map.of("text/turtle", Lang.TURTLE, "application/ld+json", Lang.JSONLD,
                "application/n-triples", Lang.NTRIPLES, "application/rdf+xml", Lang.RDFXML);
        Graph first = null;
        for (Map.Entry<String, Lang> t : types.entrySet()) {
            HttpResponse<String> r = get(doc, t.getKey());
            assertEquals(200, r.statusCode(), t.getKey());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(t.getKey()), t.getKey());
            assertTrue(r.headers().firstValue("Vary").orElse("").contains("Accept"));
            Graph g = GraphFactory.createDefaultGraph();
            RDFParser.fromString(r.body(), t.getValue()).parse(g);
            if (first == null) first = g;
            else assertTrue(first.isIsomorphicWith(g), t.getKey() + " describes the same graph");
        }
        HttpResponse<String> html = get(doc, "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8");
        assertTrue(html.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(html.body().contains("Elon Musk"));
    }

    @Test
    void qWeightsAreHonoured() {
        String doc = server.url() + "doc/person/elon-musk";
        HttpResponse<String> r = get(doc, "text/turtle;q=0.3, application/ld+json;q=0.9, text/html;q=0.1");
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/ld+json"), r.headers().toString());
        HttpResponse<String> r2 = get(doc, "application/ld+json;q=0.2, text/turtle");
        assertTrue(r2.headers().firstValue("Content-Type").orElse("").startsWith("text/turtle"));
    }

    @Test
    void unknownIrisAre404AndUnsupportedTypes406() {
        assertEquals(404, get(server.url() + "id/person/nobody-at-all", "text/turtle").statusCode());
        assertEquals(404, get(server.url() + "doc/person/nobody-at-all", "text/html").statusCode());
        assertEquals(406, get(server.url() + "doc/person/elon-musk", "image/png").statusCode());
        assertEquals(406, get(server.url() + ".well-known/void", "image/png").statusCode());
    }

    @Test
    void headAnswersLikeGetWithoutABody() {
        HttpResponse<String> h = head(server.url() + "doc/person/elon-musk", "text/turtle");
        assertEquals(200, h.statusCode());
        assertTrue(h.headers().firstValue("Content-Type").orElse("").startsWith("text/turtle"));
        assertEquals("", h.body());
        assertEquals(404, head(server.url() + "doc/person/nobody-at-all", "text/turtle").statusCode());
    }

    @Test
    void descriptionHasOwnTriplesStatementsWithProvenanceAndLabelledIncomingLinks() {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(get(server.url() + "doc/person/elon-musk", "application/n-triples").body(), Lang.NTRIPLES).parse(g);
        Node musk = NodeFactory.createURI(MUSK);
        assertTrue(g.contains(musk, RDFS.label.asNode(), NodeFactory.createLiteralLang("Elon Musk", "en")), "own triples");
        Node investment = NodeFactory.createURI("http://localhost:3030/id/investment/musk-funds-openai-100m");
        assertTrue(g.contains(investment, AKG.investor, musk), "statements about it");
        assertTrue(g.find(investment, PROV.wasDerivedFrom, Node.ANY).toList().stream()
                .anyMatch(t -> g.contains(t.getObject(), AKG.quote, Node.ANY)), "with their evidence quotes");
        Node lawsuit = g.find(Node.ANY, AKG.plaintiff, musk).next().getSubject();
        assertTrue(g.contains(lawsuit, RDFS.label.asNode(), Node.ANY), "incoming links carry their labels");
    }

    @Test
    void everyKindOfMintedIriResolves() {
        for (String iri : List.of("http://localhost:3030/id/organization/openai",
                "http://localhost:3030/id/investment/microsoft-invests-1b-2019",
                "http://localhost:3030/id/article/003_f4fcdda49106cae1",
                "http://localhost:3030/id/evidence/microsoft-invests-1b-2019/003_f4fcdda49106cae1",
                "http://localhost:3030/id/disagreement/musk-funds-openai", "http://localhost:3030/id/product/chatgpt")) {
            HttpResponse<String> r = get(server.url() + "doc" + iri.substring("http://localhost:3030/id".length()), "text/html");
            assertEquals(200, r.statusCode(), iri);
        }
    }

    @Test
    void entityPageShowsFactsWithSourcesQuotesAndDisagreements() {
        String html = get(server.url() + "doc/person/elon-musk", "text/html").body();
        assertTrue(html.contains("Where the articles disagree"), "disagreements shown");
        assertTrue(html.contains("⚠"), "flagged");
        assertTrue(html.contains("Musk a investi entre 50 et 100 millions de dollars dans OpenAI"), "a quote");
        assertTrue(html.contains("href=\"/id/article/002_bb321f5633903e43\""), "linked source article");
        assertTrue(html.contains("href=\"/id/organization/openai\""), "related entity link");
        assertTrue(html.contains("/editor/?query="), "prefilled SPARQL editor link");
        String article = get(server.url() + "doc/article/003_f4fcdda49106cae1", "text/html").body();
        assertTrue(article.contains("Facts this article supports"));
        assertTrue(article.contains("10 milliards de dollars"));
    }

    @Test
    void labelsAreEscapedInPages() {
        String page = get(server.url() + "doc/person/evil-label", "text/html").body();
        assertFalse(page.contains("<script>alert"), "script tag must not appear as markup");
        assertTrue(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co"), page);
        String index = get(server.url() + "doc/", "text/html").body();
        assertFalse(index.contains("<script>alert"));
    }

    @Test
    void indexListsEntitiesByType() {
        String index = get(server.url() + "doc/", "text/html").body();
        for (String heading : List.of("<h2>Persons <span class=\"muted\">(", "<h2>Companies <span class=\"muted\">(", "<h2>Articles <span class=\"muted\">(", "<h2>Disagreements <span class=\"muted\">(")) {
            assertTrue(index.contains(heading), heading);
        }
        assertTrue(index.contains("href=\"/.well-known/void\""), "links the dataset description");
    }

    @Test
    void voidDescriptionParsesAndItsCountsMatchTheGraph() {
        Graph v = GraphFactory.createDefaultGraph();
        RDFParser.fromString(get(server.url() + ".well-known/void", "text/turtle").body(), Lang.TURTLE).parse(v);
        Node ds = NodeFactory.createURI("http://localhost:3030/.well-known/void#dataset");
        Node triples = NodeFactory.createURI("http://rdfs.org/ns/void#triples");
        long claimed = Long.parseLong(v.find(ds, triples, Node.ANY).next().getObject().getLiteralLexicalForm());
        String counted = query(server, "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }", "text/csv").body().split("\r\n")[1];
        assertEquals(Long.parseLong(counted), claimed);
        Node classPartition = NodeFactory.createURI("http://rdfs.org/ns/void#classPartition");
        Node cls = NodeFactory.createURI("http://rdfs.org/ns/void#class");
        Node entities = NodeFactory.createURI("http://rdfs.org/ns/void#entities");
        long persons = v.find(ds, classPartition, Node.ANY).toList().stream().map(t -> t.getObject())
                .filter(p -> v.contains(p, cls, AKG.Person))
                .mapToLong(p -> Long.parseLong(v.find(p, entities, Node.ANY).next().getObject().getLiteralLexicalForm()))
                .findFirst().orElseThrow();
        String personCount = query(server, "SELECT (COUNT(DISTINCT ?p) AS ?n) { ?p a <" + AKG.Person.getURI() + "> }", "text/csv")
                .body().split("\r\n")[1];
        assertEquals(Long.parseLong(personCount), persons);
        assertTrue(v.contains(ds, NodeFactory.createURI("http://rdfs.org/ns/void#sparqlEndpoint"),
                NodeFactory.createURI("http://localhost:3030/kg/sparql")));
        assertTrue(v.find(ds, NodeFactory.createURI("http://rdfs.org/ns/void#dataDump"), Node.ANY).toList().size() >= 4);
        assertEquals(5, v.find(ds, NodeFactory.createURI("http://purl.org/dc/terms/source"), Node.ANY).toList().size());
    }

    @Test
    void gexfAndGraphmlParseWithTheExpectedNodesEdgesAndAttributes() throws Exception {
        String entities = query(server, "PREFIX akg: <https://w3id.org/article-kg/ontology#> SELECT (COUNT(DISTINCT ?x) AS ?n) "
                + "{ GRAPH <http://localhost:3030/graph/facts> { ?x a ?t } FILTER(?t IN (akg:Person, akg:Company, akg:Nonprofit, "
                + "akg:ResearchLab, akg:Incubator, akg:MediaOrganization, akg:Organization, akg:AIModel, akg:Application, "
                + "akg:Service, akg:Vehicle, akg:Product)) }", "text/csv").body().split("\r\n")[1];
        // the edge properties are those ontology/kinds.ttl declares as shortcuts or edges (not kd:edge false)
        String edges = query(server, "PREFIX kd: <https://w3id.org/article-kg/kinds#> SELECT (COUNT(*) AS ?n) { "
                + "SELECT DISTINCT ?s ?p ?o { GRAPH <http://localhost:3030/graph/facts> { ?s ?p ?o } "
                + "{ ?k kd:shortcut ?e FILTER NOT EXISTS { ?e kd:edge false } } UNION { ?k kd:edge ?e } ?e kd:property ?p } }",
                "text/csv").body().split("\r\n")[1];
        Document gexf = xml(get(server.url() + "dumps/article-kg.gexf", null).body());
        assertEquals(Integer.parseInt(entities), gexf.getElementsByTagName("node").getLength());
        assertEquals(Integer.parseInt(edges), gexf.getElementsByTagName("edge").getLength());
        String gexfText = get(server.url() + "dumps/article-kg.gexf", null).body();
        assertTrue(gexfText.contains("xmlns=\"http://www.gexf.net/1.2draft\"") && gexfText.contains("version=\"1.2\""),
                "GEXF 1.2draft, which networkx 2.x reads");
        for (String attr : List.of("for=\"relationship\"", "for=\"sources\"", "for=\"origins\"", "for=\"disputed\"",
                "for=\"amount\"", "for=\"first_reported\"", "for=\"type\"", "value=\"true\"", "value=\"invested in\"",
                "start=\"")) {
            assertTrue(gexfText.contains(attr), attr);
        }
        Document graphml = xml(get(server.url() + "dumps/article-kg.graphml", null).body());
        assertEquals(Integer.parseInt(entities), graphml.getElementsByTagName("node").getLength());
        assertEquals(Integer.parseInt(edges), graphml.getElementsByTagName("edge").getLength());
        assertTrue(graphml.getElementsByTagName("key").getLength() >= 7);
    }

    @Test
    void dumpsAndOntologyAreServed() {
        for (String dump : List.of("article-kg.ttl", "article-kg.trig", "article-kg.nq", "article-kg.jsonld")) {
            assertEquals(200, get(server.url() + "dumps/" + dump, null).statusCode(), dump);
        }
        assertEquals(404, get(server.url() + "dumps/../build.properties", null).statusCode());
        assertTrue(get(server.url() + "ontology", "text/html").body().contains("akg:Investment"));
        Graph onto = GraphFactory.createDefaultGraph();
        RDFParser.fromString(get(server.url() + "ontology", "text/turtle").body(), Lang.TURTLE).parse(onto);
        assertTrue(onto.size() > 1000);
    }

    @Test
    void explorerEndpointsAnswerJson() {
        assertEquals(200, get(server.url() + "explore", "text/html").statusCode());
        assertTrue(get(server.url() + "explore/search.json?q=alt", null).body().contains("/id/person/sam-altman"));
        HttpResponse<String> g = get(server.url() + "explore/graph.json?entity=" + encode(MUSK), null);
        assertEquals(200, g.statusCode());
        assertTrue(g.body().contains("\"relationship\" : \"investedIn\""));
        assertTrue(g.body().contains("\"disputed\" : true"));
        assertEquals(400, get(server.url() + "explore/graph.json?entity=" + encode("not an iri"), null).statusCode());
        assertEquals(404, get(server.url() + "explore/graph.json?entity=" + encode("http://localhost:3030/id/person/x"), null).statusCode());
        assertEquals(200, get(server.url() + "webjars/cytoscape/3.33.1/dist/cytoscape.min.js", null).statusCode());
    }

    /** The box of one claim on a page: from its link to the end of its fact box. */
    private static String factBox(String html, String path) {
        int link = html.indexOf("href=\"" + path + "\"");
        assertTrue(link >= 0, path + " is on the page");
        int start = html.lastIndexOf("<div class=\"fact", link);
        int end = html.indexOf("</div>\n", link);
        return html.substring(start, end);
    }

    @Test
    void entityPageSaysWhoSaysEachSourceAndMarksAllegations() {
        String html = get(server.url() + "doc/person/elon-musk", "text/html").body();
        String lawsuit = factBox(html, "/id/lawsuit/musk-sues-openai-microsoft-2024-11");
        assertTrue(lawsuit.contains("alleged by <a href=\"/id/person/elon-musk\">Elon Musk</a> (court filing)"), lawsuit);
        assertTrue(lawsuit.contains("<span class=\"chip warn\">allegation</span>"), "the allegation is marked");
        String offer = factBox(html, "/id/proposal/musk-closedai-offer");
        assertTrue(offer.contains("according to <a href=\"/id/person/elon-musk\">Elon Musk</a> (tweet)"), offer);
        assertFalse(offer.contains("chip warn\">allegation"), "an attributed statement is not an allegation");
        String founding = factBox(html, "/id/founding/openai-founded-2015");
        assertTrue(founding.contains("the article reports"), founding);
    }

    @Test
    void pagesMarkSpeculation() {
        // Karpathy's idea names him, OpenAI and Tesla (not Musk): its pages mark it as speculation.
        for (String page : List.of("doc/person/andrej-karpathy", "doc/organization/openai")) {
            String html = get(server.url() + page, "text/html").body();
            String idea = factBox(html, "/id/statement/karpathy-openai-tesla-satellite");
            assertTrue(idea.contains("according to <a href=\"/id/person/andrej-karpathy\">Andrej Karpathy</a>"), idea);
            assertTrue(idea.contains("<span class=\"chip warn\">speculation or intention</span>"), page);
        }
        String article = get(server.url() + "doc/article/000_1cd7c9620f0f43ef", "text/html").body();
        assertTrue(article.contains("the article speculates"), "the Cerebras idea is the article's own speculation");
    }

    @Test
    void entityPageGroupsClaimsByEventWithArticlesOriginsAndSingleSource() {
        String html = get(server.url() + "doc/person/elon-musk", "text/html").body();
        int event = html.indexOf("<div class=\"event\"><p>Event: <strong><a href=\"/id/event/musk-leaves-openai\">");
        assertTrue(event >= 0, "the departure's three claims are grouped under their event");
        assertTrue(html.startsWith("</strong> <span class=\"muted\">(3 claims, 4 articles, 3 independent origins)</span>",
                html.indexOf("</a>", event) + 4), "the event's claims, articles and independent origins");
        int end = html.indexOf("</div>\n</div>\n", event);
        for (String claim : List.of("musk-leaves-openai-board-2018", "musk-resigns-openai-2018", "musk-leaves-openai-after-merger-rejected")) {
            int at = html.indexOf("href=\"/id/departure/" + claim + "\"");
            assertTrue(at > event && at < end, claim + " is shown in its event's box");
        }
        String lawsuit = factBox(html, "/id/lawsuit/musk-sues-openai-microsoft-2024-11");
        assertTrue(lawsuit.contains("1 article, 1 independent origin <span class=\"chip warn\">single source</span>"), lawsuit);
        String founding = factBox(html, "/id/founding/openai-founded-2015");
        assertTrue(founding.contains("4 articles, 3 independent origins"), founding);
        assertFalse(founding.contains("single source"), founding);
    }

    @Test
    void undatedFactShowsItsReportedDate() {
        String musk = get(server.url() + "doc/person/elon-musk", "text/html").body();
        String undated = factBox(musk, "/id/departure/musk-leaves-openai-after-merger-rejected");
        assertTrue(undated.contains("undated, reported by March 2024"), undated);
        assertFalse(factBox(musk, "/id/departure/musk-leaves-openai-board-2018").contains("undated"), "a dated fact");
        String page = get(server.url() + "doc/departure/musk-leaves-openai-after-merger-rejected", "text/html").body();
        assertTrue(page.contains("first reported March 2024 (it has no date of its own: it happened by then)"), page);
    }

    @Test
    void eventIriResolvesToAPageOfItsClaimsArticlesAndSupport() {
        HttpResponse<String> id = get(server.url() + "id/event/musk-leaves-openai", "text/html");
        assertEquals(303, id.statusCode());
        assertEquals("/doc/event/musk-leaves-openai", id.headers().firstValue("Location").orElse(null));
        String html = get(server.url() + "doc/event/musk-leaves-openai", "text/html").body();
        assertTrue(html.contains("<span class=\"chip\">Departure</span>"), "its kind");
        assertTrue(html.contains("Reported by 4 articles, 3 independent origins; first reported March 2023; 3 claims."), "its support");
        assertTrue(html.contains("<h2>Participants</h2>") && html.contains("<a href=\"/id/person/elon-musk\">Elon Musk</a>"));
        assertTrue(html.contains("<h2>What its claims agree on</h2>"), "agreed values");
        assertTrue(html.contains("<h2>Claims (3)</h2>"));
        for (String claim : List.of("musk-leaves-openai-board-2018", "musk-resigns-openai-2018", "musk-leaves-openai-after-merger-rejected")) {
            assertTrue(html.contains("href=\"/id/departure/" + claim + "\""), claim);
        }
        assertTrue(html.contains("<h2>Articles (4)</h2>"));
        for (String article : List.of("000_1cd7c9620f0f43ef", "001_8fa3a84cf20fbdf3", "002_bb321f5633903e43", "003_f4fcdda49106cae1",
                "004_7d5254a00c7f58fe")) {
            assertEquals(!article.startsWith("000"), html.contains("<li><a href=\"/id/article/" + article + "\""), article);
        }
        assertTrue(html.contains("according to"), "claims show who says them");
        assertEquals(200, get(server.url() + "doc/event/musk-leaves-openai", "text/turtle").statusCode());
        String disputed = get(server.url() + "doc/event/musk-funds-openai", "text/html").body();
        assertTrue(disputed.contains("Where the articles disagree") && disputed.contains("href=\"/id/disagreement/musk-funds-openai\""));
        assertFalse(disputed.contains("<h2>Refinements</h2>"));
    }

    @Test
    void refinementIsShownApartFromDisagreements() {
        String finer = get(server.url() + "doc/founding/openai-for-profit-created-2019-03-11", "text/html").body();
        assertTrue(finer.contains("Event: <a href=\"/id/event/openai-for-profit-creation\">"), "links its event");
        assertTrue(finer.contains("↳ more precise than <a href=\"/id/founding/openai-for-profit-created-2019\">"), "refines the 2019 claim");
        assertFalse(finer.contains("⚠"), "a refinement is not flagged as a disagreement");
        String coarser = get(server.url() + "doc/founding/openai-for-profit-created-2019", "text/html").body();
        assertTrue(coarser.contains("↳ made more precise by <a href=\"/id/founding/openai-for-profit-created-2019-03-11\">"));
        String event = get(server.url() + "doc/event/openai-for-profit-creation", "text/html").body();
        assertTrue(event.contains("<h2>Refinements</h2>") && event.contains(" is more precise than "), "the event lists it");
        assertFalse(event.contains("Where the articles disagree"));
        String disagreement = get(server.url() + "doc/disagreement/musk-funds-openai", "text/html").body();
        assertTrue(disagreement.contains("About the event <a href=\"/id/event/musk-funds-openai\">"), "a disagreement links its event");
        // each side's amount as the article gives it: 002's range, not its lower bound against 003's figure
        assertTrue(disagreement.contains("USD 50 million – 100 million") && disagreement.contains("USD 100 million"), disagreement);
        assertFalse(disagreement.matches("(?s).*USD 50 million(?! –).*"), "no lower bound shown alone");
        String amounts = get(server.url() + "doc/disagreement/microsoft-invests-2023", "text/html").body();
        assertTrue(amounts.contains("USD 2 million – 999.99 million") && amounts.contains("USD 10 billion"), amounts);
        assertFalse(amounts.contains("not stated"), "an exact amount is no missing upper bound");
    }

    @Test
    void explorerEdgesCarryOriginsAndEachSourceItsAttribution() {
        String g = get(server.url() + "explore/graph.json?entity=" + encode(MUSK), null).body();
        org.apache.jena.atlas.json.JsonObject json = org.apache.jena.atlas.json.JSON.parse(g);
        org.apache.jena.atlas.json.JsonObject left = null;
        org.apache.jena.atlas.json.JsonObject suedMicrosoft = null;
        for (var e : json.get("edges").getAsArray()) {
            var d = e.getAsObject().get("data").getAsObject();
            String rel = d.get("relationship").getAsString().value();
            String target = d.get("target").getAsString().value();
            if (rel.equals("left") && target.endsWith("/organization/openai")) left = d;
            if (rel.equals("sued") && target.endsWith("/organization/microsoft")) suedMicrosoft = d;
        }
        assertNotNull(left);
        assertEquals(4, left.get("sources").getAsNumber().value().intValue());
        assertEquals(3, left.get("origins").getAsNumber().value().intValue());
        assertTrue(left.toString().contains("/id/event/musk-leaves-openai"), "statements link their event");
        var source = suedMicrosoft.get("facts").getAsArray().get(0).getAsObject().get("sources").getAsArray().get(0).getAsObject();
        assertEquals("alleged by", source.get("who").getAsString().value());
        assertEquals("Elon Musk", source.get("saidBy").getAsArray().get(0).getAsObject().get("label").getAsString().value());
        assertEquals("court filing", source.get("channel").getAsString().value());
        assertEquals("allegation", source.get("modeLabel").getAsString().value());
        assertTrue(source.get("notEstablished").getAsBoolean().value());
        assertEquals(1, suedMicrosoft.get("origins").getAsNumber().value().intValue());
    }

    private static Document xml(String text) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }
}
