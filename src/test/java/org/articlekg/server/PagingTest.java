package org.articlekg.server;

import static org.articlekg.server.TestServers.*;
import static org.junit.jupiter.api.Assertions.*;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.articlekg.build.GraphBuilder;
import org.articlekg.store.ServiceConfig;
import org.articlekg.generate.CorpusGenerator;
import org.articlekg.load.FactModel;
import org.articlekg.publish.Pages;
import org.articlekg.query.QueryLibrary;
import org.articlekg.store.Store;
import org.articlekg.vocab.AKG;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The linked-data pages of a graph with entities named by more claims than a page holds: the
 * entity's claims on numbered pages (HTML and RDF), each once; the index's big types on pages of
 * their own; {@code Link} headers; a 400 naming {@code page} or {@code type}; the pages' own gate.
 */
class PagingTest {
    private static final Pattern FACT_BOX = Pattern.compile("<div class=\"fact[^\"]*\"><a href=\"(/id/[^\"]+)\"");
    private static final Pattern INDEX_ENTRY = Pattern.compile("<li><a href=\"(/id/[^\"]+)\"");

    @TempDir
    static Path dir;
    static KgServer server;
    /** The entity named by the most claims, and those claims' paths. */
    static String hub;
    static Set<String> hubClaims;

    @BeforeAll
    static void start() {
        FactModel model = FactModel.read(PROJECT.resolve("ontology"));
        Path data = dir.resolve("data");
        CorpusGenerator.create().model(model).articles(300).seed(11).build().writeTo(data);
        Store store = new Store(dir.resolve("store"));
        GraphBuilder.create().dataDir(data).ontologyDir(PROJECT.resolve("ontology")).serviceConfig(CONFIG).corpus(null).build()
                .buildInto(store);
        server = KgServer.start(store, ServiceConfig.read(CONFIG), QueryLibrary.read(PROJECT.resolve("queries")),
                ServerSettings.defaults().withPort(0));
        String top = csv("SELECT ?e WHERE { GRAPH ?g { ?e akg:factCount ?n FILTER NOT EXISTS { ?e akg:eventCount ?any } } } "
                + "ORDER BY DESC(?n) LIMIT 1").get(0);
        hub = top.substring(top.indexOf("/id/") + 4);
        hubClaims = new HashSet<>();
        for (String f : csv("SELECT DISTINCT ?f WHERE { GRAPH <http://localhost:3030/graph/facts> { ?f ?role <" + top + "> ; a ?kind } "
                + "GRAPH <http://localhost:3030/graph/ontology> { ?kind rdfs:subClassOf akg:Fact } }")) {
            hubClaims.add(f.substring(f.indexOf("/id/")));
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    /** The first column of a query's CSV answer. */
    private static List<String> csv(String select) {
        String prefixes = "PREFIX akg: <" + AKG.NS + "> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> ";
        HttpResponse<String> r = query(server, prefixes + select, "text/csv");
        assertEquals(200, r.statusCode(), r.body());
        List<String> lines = new ArrayList<>(List.of(r.body().split("\r\n")));
        lines.remove(0);
        return lines;
    }

    private static List<String> all(Pattern p, String html) {
        List<String> out = new ArrayList<>();
        Matcher m = p.matcher(html);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    private static List<String> links(HttpResponse<?> r) {
        return r.headers().allValues("Link");
    }

    @Test
    void anEntityNamedByManyClaimsHasThemOnPagesEachOnce() {
        int pages = Pages.pages(hubClaims.size());
        assertTrue(pages >= 2, "the generated graph has an entity on several pages: " + hub + " has " + hubClaims.size() + " claims");
        List<String> shown = new ArrayList<>();
        for (int page = 1; page <= pages; page++) {
            HttpResponse<String> r = get(server.url() + "doc/" + hub + (page == 1 ? "" : "?page=" + page), "text/html");
            assertEquals(200, r.statusCode(), r.body());
            List<String> boxes = all(FACT_BOX, r.body());
            assertEquals(page < pages ? Pages.FACTS_PER_PAGE : hubClaims.size() - (pages - 1) * Pages.FACTS_PER_PAGE, boxes.size(), "page " + page);
            shown.addAll(boxes);
            int first = (page - 1) * Pages.FACTS_PER_PAGE + 1;
            assertTrue(r.body().contains("Facts " + first + "–" + (first + boxes.size() - 1) + " of " + hubClaims.size()
                    + ", page " + page + " of " + pages), "the pager says where the page is");
            List<String> links = links(r);
            assertTrue(links.contains("</doc/" + hub + "?page=1>; rel=\"first\""), links.toString());
            assertTrue(links.contains("</doc/" + hub + "?page=" + pages + ">; rel=\"last\""), links.toString());
            assertEquals(page > 1, links.contains("</doc/" + hub + "?page=" + (page - 1) + ">; rel=\"prev\""), links.toString());
            assertEquals(page < pages, links.contains("</doc/" + hub + "?page=" + (page + 1) + ">; rel=\"next\""), links.toString());
        }
        assertEquals(hubClaims.size(), shown.size(), "no claim on two pages");
        assertEquals(hubClaims, new HashSet<>(shown), "every claim naming it on one of its pages");
        HttpResponse<String> asHtml = get(server.url() + "doc/" + hub + "?page=2&format=html", null);
        assertTrue(links(asHtml).contains("</doc/" + hub + "?page=3&format=html>; rel=\"next\""), "the links keep format=: " + links(asHtml));
    }

    @Test
    void anEntityOfFewClaimsHasOnePageWithoutPager() {
        String few = csv("SELECT ?e WHERE { GRAPH ?g { ?e akg:factCount ?n FILTER(?n > 1 && ?n < 10) "
                + "FILTER NOT EXISTS { ?e akg:eventCount ?any } } } ORDER BY ?e LIMIT 1").get(0).replaceFirst(".*/id/", "");
        HttpResponse<String> r = get(server.url() + "doc/" + few, "text/html");
        assertEquals(200, r.statusCode());
        assertFalse(r.body().contains("class=\"pager\""), "no pager");
        assertEquals(List.of("<http://localhost:3030/id/" + few + ">; rel=\"about\""), links(r), "no links to other pages");
        assertFalse(all(FACT_BOX, r.body()).isEmpty(), "its claims listed");
    }

    @Test
    void itsRdfDescriptionHasTheSameClaimsPageByPage() {
        int pages = Pages.pages(hubClaims.size());
        Node entity = NodeFactory.createURI("http://localhost:3030/id/" + hub);
        Set<String> described = new HashSet<>();
        for (int page = 1; page <= pages; page++) {
            HttpResponse<String> r = get(server.url() + "doc/" + hub + "?format=nt&page=" + page, null);
            assertEquals(200, r.statusCode(), r.body());
            assertEquals(page < pages, links(r).contains("</doc/" + hub + "?page=" + (page + 1) + "&format=nt>; rel=\"next\""),
                    links(r).toString());
            Graph g = GraphFactory.createDefaultGraph();
            RDFParser.fromString(r.body(), Lang.NTRIPLES).parse(g);
            assertTrue(g.find(entity, RDF.type.asNode(), Node.ANY).hasNext(), "each page has the entity's own triples");
            Set<String> onPage = new LinkedHashSet<>();
            g.find(Node.ANY, Node.ANY, entity).forEachRemaining(t -> {
                String s = t.getSubject().getURI();
                String path = s.substring(s.indexOf("/id/"));
                if (hubClaims.contains(path)) onPage.add(path);
            });
            HttpResponse<String> html = get(server.url() + "doc/" + hub + "?page=" + page, "text/html");
            assertEquals(new HashSet<>(all(FACT_BOX, html.body())), onPage, "page " + page + " in RDF and in HTML");
            for (String claim : onPage) {
                Node c = NodeFactory.createURI("http://localhost:3030" + claim);
                assertTrue(g.find(c, NodeFactory.createURI("http://www.w3.org/ns/prov#wasDerivedFrom"), Node.ANY).hasNext(),
                        claim + " with its evidence");
            }
            described.addAll(onPage);
        }
        assertEquals(hubClaims, described);
    }

    @Test
    void aPageThatDoesNotExistIsA400NamingIt() {
        int pages = Pages.pages(hubClaims.size());
        for (String bad : List.of("0", "-1", "abc", String.valueOf(pages + 1), "99999999999")) {
            for (String accept : List.of("text/html", "text/turtle")) {
                HttpResponse<String> r = get(server.url() + "doc/" + hub + "?page=" + bad, accept);
                assertEquals(400, r.statusCode(), bad + ": " + r.body());
                assertTrue(r.body().contains("parameter 'page'"), r.body());
            }
        }
        HttpResponse<String> twice = get(server.url() + "doc/" + hub + "?page=1&page=2", "text/html");
        assertEquals(400, twice.statusCode());
        HttpResponse<String> past = get(server.url() + "doc/" + hub + "?page=" + (pages + 1), "text/html");
        assertTrue(past.headers().firstValue("Content-Location").isEmpty() && links(past).isEmpty(), "a 400 describes no page");
        HttpResponse<String> index = get(server.url() + "doc/?page=2", "text/html");
        assertEquals(400, index.statusCode(), "the index has one page");
        assertTrue(index.body().contains("parameter 'page'"), index.body());
        HttpResponse<String> article = get(server.url() + "doc/" + csv("SELECT ?a { GRAPH ?g { ?a a akg:Article } } LIMIT 1").get(0)
                .replaceFirst(".*/id/", "") + "?page=2", "text/html");
        assertEquals(400, article.statusCode(), "a resource of one page has no page 2");
        assertTrue(article.body().contains("one page"), article.body());
    }

    @Test
    void theIndexListsABigTypeOnPagesOfItsOwn() {
        long events = Long.parseLong(csv("SELECT (COUNT(?e) AS ?n) { GRAPH <http://localhost:3030/graph/facts> { ?e a akg:Event } }").get(0));
        assertTrue(events > Pages.INDEX_INLINE, "the generated graph has more events than the index lists inline: " + events);
        String index = get(server.url() + "doc/", "text/html").body();
        int section = index.indexOf("<section id=\"type-Event\"");
        String eventSection = index.substring(section, index.indexOf("</section>", section));
        assertTrue(eventSection.contains("<h2>Events <span class=\"muted\">(" + events + ")</span></h2>"), eventSection);
        assertTrue(eventSection.contains("href=\"/doc/?type=Event\""), eventSection);
        assertTrue(all(INDEX_ENTRY, eventSection).isEmpty(), "no event listed inline");
        assertFalse(all(INDEX_ENTRY, index).isEmpty(), "the small types are listed inline");
        int pages = (int) ((events + Pages.INDEX_PER_PAGE - 1) / Pages.INDEX_PER_PAGE);
        List<String> listed = new ArrayList<>();
        for (int page = 1; page <= pages; page++) {
            HttpResponse<String> r = get(server.url() + "doc/?type=Event&page=" + page, "text/html");
            assertEquals(200, r.statusCode(), r.body());
            List<String> entries = all(INDEX_ENTRY, r.body());
            List<String> sorted = new ArrayList<>(entries);
            sorted.sort(null);
            assertEquals(sorted, entries, "in IRI order");
            listed.addAll(entries);
            assertEquals(page < pages, links(r).contains("</doc/?type=Event&page=" + (page + 1) + ">; rel=\"next\""), links(r).toString());
        }
        assertEquals(events, listed.size());
        assertEquals(events, new HashSet<>(listed).size(), "each event once");
        assertTrue(listed.stream().allMatch(e -> e.startsWith("/id/event/")), "only events");
        HttpResponse<String> past = get(server.url() + "doc/?type=Event&page=" + (pages + 1), "text/html");
        assertEquals(400, past.statusCode());
        assertTrue(past.body().contains("parameter 'page'"), past.body());
        HttpResponse<String> unknown = get(server.url() + "doc/?type=Nothing", "text/html");
        assertEquals(400, unknown.statusCode());
        assertTrue(unknown.body().contains("parameter 'type'") && unknown.body().contains("Event"), unknown.body());
    }

    @Test
    void aFewPagesAtOnceFromOneClientWaitTheirTurn() throws Exception {
        // a person opening a few pages at once: twice its share, the second two waiting for the
        // first (warm pages: each takes milliseconds, well within the wait)
        for (int page = 1; page <= 2; page++) get(server.url() + "doc/?type=Event&page=" + page, "text/html");
        int at = 2 * ServerSettings.DEFAULT_MAX_QUERIES_PER_CLIENT;
        List<CompletableFuture<HttpResponse<String>>> pages = new ArrayList<>();
        for (int i = 0; i < at; i++) {
            pages.add(HTTP.sendAsync(HttpRequest.newBuilder(URI.create(server.url() + "doc/?type=Event&page=" + (1 + i % 2)))
                    .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> f : pages) assertEquals(200, f.get().statusCode(), "every page made, in turn");
    }

    @Test
    void aClientGetsA429BeyondItsShareOfPages() throws Exception {
        // bursts of page requests from one address, more than its share at once (a burst whose
        // requests happened not to overlap is followed by another, up to five)
        int at = 10 * ServerSettings.DEFAULT_MAX_QUERIES_PER_CLIENT;
        int refused = 0;
        for (int round = 0; round < 5 && refused == 0; round++) {
            List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
            for (int i = 0; i < at; i++) {
                burst.add(HTTP.sendAsync(HttpRequest.newBuilder(URI.create(server.url() + "doc/" + hub + "?page=" + (1 + i % 2)))
                        .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString()));
            }
            for (CompletableFuture<HttpResponse<String>> f : burst) {
                HttpResponse<String> r = f.get();
                if (r.statusCode() == 429) {
                    refused++;
                    assertTrue(r.body().contains("pages at once"), r.body());
                    assertTrue(r.headers().firstValue("Retry-After").isPresent());
                } else {
                    assertEquals(200, r.statusCode(), r.body());
                }
            }
        }
        assertTrue(refused > 0, "bursts of " + at + " pages at once from one address: none refused");
        // the search is gated too (a flood of it from one address slowed the whole server), and
        // answers one who types: a request a keystroke, each sent when the one before has answered
        for (String typed : List.of("m", "mu", "mus", "musk")) {
            assertEquals(200, get(server.url() + "explore/search.json?q=" + typed, null).statusCode(), "the search as one types");
        }
        // a client may read its answer a moment before the server counts the request as ended
        int status = 0;
        for (int i = 0; i < 50 && status != 200; i++) {
            if (i > 0) Thread.sleep(100);
            status = get(server.url() + "doc/" + hub, "text/html").statusCode();
        }
        assertEquals(200, status, "a page once the burst is over");
    }

    @Test
    void theExplorerDrawsTheMostReportedEdgesOfABigNeighbourhood() throws Exception {
        // the whole entity graph, as the build exports it (GraphEdges.all): the hub's edges and their sources
        org.w3c.dom.Document gexf = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(get(server.url() + "dumps/article-kg.gexf", null).body().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        java.util.Map<String, String> iriOf = new java.util.HashMap<>();
        org.w3c.dom.NodeList nodes = gexf.getElementsByTagName("node");
        for (int i = 0; i < nodes.getLength(); i++) {
            org.w3c.dom.Element n = (org.w3c.dom.Element) nodes.item(i);
            iriOf.put(n.getAttribute("id"), attribute(n, "iri"));
        }
        String hubIri = "http://localhost:3030/id/" + hub;
        java.util.Map<String, Integer> exported = new java.util.HashMap<>();
        org.w3c.dom.NodeList edges = gexf.getElementsByTagName("edge");
        for (int i = 0; i < edges.getLength(); i++) {
            org.w3c.dom.Element e = (org.w3c.dom.Element) edges.item(i);
            String s = iriOf.get(e.getAttribute("source")), o = iriOf.get(e.getAttribute("target"));
            if (s.equals(hubIri) || o.equals(hubIri)) {
                exported.put(s + " " + attribute(e, "property") + " " + o, Integer.parseInt(attribute(e, "sources")));
            }
        }
        assertTrue(exported.size() > org.articlekg.publish.Explorer.EDGES_SHOWN,
                "the generated graph has an entity with more edges than the explorer draws: " + exported.size());
        HttpResponse<String> r = get(server.url() + "explore/graph.json?entity=" + encode(hubIri), null);
        assertEquals(200, r.statusCode(), r.body());
        org.apache.jena.atlas.json.JsonObject g = org.apache.jena.atlas.json.JSON.parse(r.body());
        assertEquals(exported.size(), g.get("edgesTotal").getAsNumber().value().intValue(), "edgesTotal counts them all");
        Set<String> drawn = new HashSet<>();
        int fewestDrawn = Integer.MAX_VALUE;
        for (org.apache.jena.atlas.json.JsonValue v : g.get("edges").getAsArray()) {
            org.apache.jena.atlas.json.JsonObject d = v.getAsObject().get("data").getAsObject();
            String key = d.getString("source") + " " + d.getString("property") + " " + d.getString("target");
            assertEquals(exported.get(key), d.get("sources").getAsNumber().value().intValue(), key + ": its sources as exported");
            drawn.add(key);
            fewestDrawn = Math.min(fewestDrawn, d.get("sources").getAsNumber().value().intValue());
            int listed = d.get("facts").getAsArray().size();
            assertTrue(listed <= org.articlekg.publish.Explorer.STATEMENTS_SHOWN, key + ": " + listed + " statements listed");
            assertTrue(d.get("factsTotal").getAsNumber().value().intValue() >= Math.max(1, listed), key);
        }
        assertEquals(org.articlekg.publish.Explorer.EDGES_SHOWN, drawn.size());
        int mostLeftOut = exported.entrySet().stream().filter(e -> !drawn.contains(e.getKey())).mapToInt(java.util.Map.Entry::getValue).max().orElse(0);
        assertTrue(fewestDrawn >= mostLeftOut, "the most reported drawn: " + fewestDrawn + " sources drawn, " + mostLeftOut + " left out");
    }

    /** The value of a GEXF element's attribute value {@code for}. */
    private static String attribute(org.w3c.dom.Element e, String name) {
        org.w3c.dom.NodeList values = e.getElementsByTagName("attvalue");
        for (int i = 0; i < values.getLength(); i++) {
            org.w3c.dom.Element v = (org.w3c.dom.Element) values.item(i);
            if (v.getAttribute("for").equals(name)) return v.getAttribute("value");
        }
        return null;
    }
}
