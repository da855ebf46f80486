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
        assertTrue(html.contains("/#/dataset/kg/query?query="), "prefilled SPARQL editor link");
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
        for (String heading : List.of("<h2>Persons</h2>", "<h2>Companies</h2>", "<h2>Articles</h2>", "<h2>Disagreements</h2>")) {
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
        String edges = query(server, "PREFIX akg: <https://w3id.org/article-kg/ontology#> SELECT (COUNT(*) AS ?n) { "
                + "SELECT DISTINCT ?s ?p ?o { GRAPH <http://localhost:3030/graph/facts> { ?s ?p ?o } FILTER(?p IN (akg:investedIn, "
                + "akg:founded, akg:affiliatedWith, akg:sued, akg:proposedTo, akg:left, akg:released, akg:maker, akg:parentOrganization)) } }",
                "text/csv").body().split("\r\n")[1];
        Document gexf = xml(get(server.url() + "dumps/article-kg.gexf", null).body());
        assertEquals(Integer.parseInt(entities), gexf.getElementsByTagName("node").getLength());
        assertEquals(Integer.parseInt(edges), gexf.getElementsByTagName("edge").getLength());
        String gexfText = get(server.url() + "dumps/article-kg.gexf", null).body();
        for (String attr : List.of("for=\"relationship\"", "for=\"sources\"", "for=\"disputed\"", "for=\"first_reported\"",
                "for=\"type\"", "value=\"true\"")) {
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

    private static Document xml(String text) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }
}
