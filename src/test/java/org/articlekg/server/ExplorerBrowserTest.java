package org.articlekg.server;

import static org.articlekg.server.TestServers.*;
import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.articlekg.query.QueryLibrary;
import org.articlekg.store.ServiceConfig;
import org.articlekg.store.Store;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The explorer as a person uses it, in headless Chromium: the first view spreads the
 * neighbourhood without overlapping node boxes (measured with Cytoscape.js's own bounding boxes,
 * labels included) and without edges drawn through other nodes, edges are named by the
 * ontology's labels in the page language, the legend and filters follow what is drawn, search ranks exact names first and works from the keyboard,
 * and the URL follows the entity through back and forward. Expectations are read from the built
 * graph (its search and neighbourhood JSON, its ontology labels over SPARQL).
 */
class ExplorerBrowserTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;
    static KgServer server;
    static Chromium chromium;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Chromium.installed(), "chromium and chromedriver are not installed");
        Store store = buildRealData(tmp.resolve("store"));
        server = KgServer.start(store, ServiceConfig.read(CONFIG), QueryLibrary.read(PROJECT.resolve("queries")),
                ServerSettings.defaults().withPort(0));
        chromium = new Chromium(tmp.resolve("profile"));
    }

    @AfterAll
    static void stop() {
        if (chromium != null) chromium.close();
        if (server != null) server.close();
    }

    @BeforeEach
    void desktop() {
        chromium.viewport(1280, 900);
    }

    /** The entity with the most relationships among the first hits for "musk": a busy first view. */
    private static String entity(String words) throws Exception {
        JsonNode hits = JSON.readTree(get(server.url() + "explore/search.json?q=" + encode(words), null).body());
        assertTrue(hits.size() > 0, "the graph has an entity matching " + words);
        return hits.get(0).get("iri").asText();
    }

    private static JsonNode neighbourhood(String iri) throws Exception {
        return JSON.readTree(get(server.url() + "explore/graph.json?entity=" + encode(iri), null).body());
    }

    private void open(String iri, String lang) {
        chromium.driver.get(server.url() + "explore?entity=" + encode(iri) + (lang == null ? "" : "&lang=" + lang));
        chromium.waiting().until(d -> iri.equals(d.findElement(By.tagName("body")).getAttribute("data-focus")));
    }

    /** Pairs of visible nodes whose boxes (labels included) overlap, and nodes drawn outside the view. */
    @SuppressWarnings("unchecked")
    private List<String> overlaps() {
        return (List<String>) chromium.js("""
                const ns = cy.nodes(':visible'), out = [];
                const b = ns.map(n => n.renderedBoundingBox({ includeLabels: true, includeOverlays: false }));
                for (let i = 0; i < b.length; i++) {
                  if (b[i].x1 < 0 || b[i].y1 < 0 || b[i].x2 > cy.width() || b[i].y2 > cy.height()) out.push(ns[i].data('text') + ' outside the view');
                  for (let j = i + 1; j < b.length; j++)
                    if (Math.min(b[i].x2, b[j].x2) > Math.max(b[i].x1, b[j].x1) && Math.min(b[i].y2, b[j].y2) > Math.max(b[i].y1, b[j].y1))
                      out.push(ns[i].data('text') + ' / ' + ns[j].data('text'));
                }
                return out;""");
    }

    /** Edges drawn through the box of a node other than their ends (Cytoscape.js's own edge geometry, sampled). */
    @SuppressWarnings("unchecked")
    private List<String> edgesThroughNodes() {
        return (List<String>) chromium.js("""
                const ns = cy.nodes(':visible'), out = [];
                const inside = (p, b) => p.x > b.x1 && p.x < b.x2 && p.y > b.y1 && p.y < b.y2;
                cy.edges(':visible').forEach(e => {
                  const a = e.sourceEndpoint(), c = e.targetEndpoint(), m = (e.controlPoints() || [])[0];
                  const at = t => m ? { x: (1-t)*(1-t)*a.x + 2*(1-t)*t*m.x + t*t*c.x, y: (1-t)*(1-t)*a.y + 2*(1-t)*t*m.y + t*t*c.y }
                                    : { x: a.x + t * (c.x - a.x), y: a.y + t * (c.y - a.y) };
                  ns.forEach(n => {
                    if (n.same(e.source()) || n.same(e.target())) return;
                    const b = n.boundingBox({ includeLabels: true, includeOverlays: false });
                    for (let k = 0; k <= 200; k++) if (inside(at(k / 200), b)) { out.push(e.source().data('text') + ' → ' + e.target().data('text') + ' through ' + n.data('text')); return; }
                  });
                });
                return out;""");
    }

    @Test
    void firstViewSpreadsTheNeighbourhoodWithoutOverlappingNodeBoxes() throws Exception {
        String musk = entity("musk");
        JsonNode graph = neighbourhood(musk);
        open(musk, "en");
        assertEquals((long) graph.get("nodes").size(), chromium.js("return cy.nodes().length"), "every node of the neighbourhood is drawn");
        assertEquals(List.of(), overlaps(), "node boxes that overlap at the first view");
        assertEquals(List.of(), edgesThroughNodes(), "edges drawn through a node at the first view");
        chromium.screenshot("explorer-first-view");
        // After expanding a neighbour, the view is laid out again without overlaps.
        String neighbour = graph.get("edges").get(0).get("data").get("target").asText();
        if (neighbour.equals(musk)) neighbour = graph.get("edges").get(0).get("data").get("source").asText();
        chromium.js("cy.getElementById(arguments[0]).emit('tap')", neighbour);
        String expanded = neighbour;
        chromium.waiting().until(d -> expanded.equals(d.findElement(By.tagName("body")).getAttribute("data-focus")));
        assertEquals(List.of(), overlaps(), "node boxes that overlap after expanding " + neighbour);
        chromium.screenshot("explorer-expanded");
    }

    @Test
    void edgesAreNamedByTheOntologyInThePageLanguageWithALegendOfTypes() throws Exception {
        String musk = entity("musk");
        for (String lang : List.of("en", "fr")) {
            open(musk, lang);
            @SuppressWarnings("unchecked")
            List<List<String>> named = (List<List<String>>) chromium.js(
                    "return [...new Map(cy.edges().map(e => [e.data('property'), e.data('text')])).entries()]");
            assertFalse(named.isEmpty());
            for (List<String> edge : named) {
                String label = query(server, "SELECT ?l WHERE { <" + edge.get(0) + "> <http://www.w3.org/2000/01/rdf-schema#label> ?l "
                        + "FILTER(LANG(?l) = '" + lang + "') }", "text/csv").body().lines().skip(1).findFirst().orElse(null);
                assertEquals(label, edge.get(1), "the " + lang + " label of " + edge.get(0));
                assertTrue(chromium.driver.findElement(By.id("relationships")).getText().contains(label), "the filters name " + label);
            }
            @SuppressWarnings("unchecked")
            List<String> types = (List<String>) chromium.js("return [...new Set(cy.nodes().map(n => n.data('type')))]");
            List<WebElement> legend = chromium.driver.findElements(By.cssSelector("#types [data-type]"));
            assertEquals(types.size(), legend.size(), "one legend line per type drawn");
            @SuppressWarnings("unchecked")
            List<String> colours = (List<String>) chromium.js("return [...new Set(cy.nodes().map(n => n.style('background-color')))]");
            assertEquals(types.size(), colours.size(), "one colour per type");
            chromium.screenshot("explorer-" + lang);
        }
    }

    @Test
    void filtersShowOneRelationshipOrTheDisputedEdgesOnly() throws Exception {
        open(entity("musk"), "en");
        long disputed = (Long) chromium.js("return cy.edges('[?disputed]').length");
        assumeTrue(disputed > 0, "the neighbourhood has disputed edges");
        chromium.driver.findElement(By.id("disputed-only")).click();
        assertEquals(disputed, chromium.js("return cy.edges(':visible').length"));
        assertEquals(0L, chromium.js("return cy.edges(':visible').filter(e => !e.data('disputed')).length"));
        chromium.driver.findElement(By.id("disputed-only")).click();
        WebElement first = chromium.driver.findElement(By.cssSelector("#relationships input.relationship"));
        String rel = first.getAttribute("value");
        first.click();
        assertEquals(0L, chromium.js("return cy.edges(':visible').filter(e => e.data('relationship') === arguments[0]).length", rel));
        assertTrue((Long) chromium.js("return cy.edges(':visible').length") > 0, "the other relationships stay");
        assertEquals(List.of(), overlaps());
        chromium.screenshot("explorer-filtered");
    }

    @Test
    void searchRanksExactNamesFirstWorksFromTheKeyboardAndTheUrlFollowsTheEntity() throws Exception {
        JsonNode hits = JSON.readTree(get(server.url() + "explore/search.json?q=microsoft", null).body());
        assumeTrue(hits.size() > 1, "more than one entity is named Microsoft something");
        boolean exact = false;
        for (JsonNode h : hits) exact |= h.get("label").asText().equalsIgnoreCase("microsoft");
        assumeTrue(exact, "an entity is named Microsoft");
        assertEquals("microsoft", hits.get(0).get("label").asText().toLowerCase(), "the exact name ranks first: " + hits);
        String second = hits.get(1).get("iri").asText();

        chromium.driver.get(server.url() + "explore");
        WebElement search = chromium.waiting().until(d -> d.findElement(By.id("search")));
        search.sendKeys("microsoft");
        chromium.waiting().until(d -> d.findElements(By.cssSelector("#results .hit")).size() == hits.size());
        assertTrue(chromium.driver.findElements(By.cssSelector("#results .hit")).get(0).getText().startsWith(hits.get(0).get("label").asText()));
        search.sendKeys(Keys.ARROW_DOWN);
        assertEquals("true", chromium.driver.findElements(By.cssSelector("#results .hit")).get(1).getAttribute("aria-selected"));
        search.sendKeys(Keys.ENTER);
        chromium.waiting().until(d -> second.equals(d.findElement(By.tagName("body")).getAttribute("data-focus")));
        assertTrue(chromium.driver.getCurrentUrl().contains("entity=" + encode(second)), chromium.driver.getCurrentUrl());

        String first = hits.get(0).get("iri").asText();
        search.clear();
        search.sendKeys("microsoft", Keys.ENTER);   // Enter before the list shows: the first hit
        chromium.waiting().until(d -> first.equals(d.findElement(By.tagName("body")).getAttribute("data-focus")));
        assertTrue(chromium.driver.getCurrentUrl().contains("entity=" + encode(first)));

        chromium.driver.navigate().back();
        chromium.waiting().until(d -> second.equals(d.findElement(By.tagName("body")).getAttribute("data-focus")));
        assertEquals((long) neighbourhood(second).get("nodes").size(), chromium.js("return cy.nodes().length"), "back draws it again");
        chromium.driver.navigate().forward();
        chromium.waiting().until(d -> first.equals(d.findElement(By.tagName("body")).getAttribute("data-focus")));
        chromium.screenshot("explorer-keyboard-search");
    }

    @Test
    void onAPhoneTheGraphAndPanelStackAndNothingOverlaps() throws Exception {
        chromium.viewport(390, 844);
        open(entity("musk"), "fr");
        assertEquals(List.of(), overlaps());
        WebElement graph = chromium.driver.findElement(By.id("graph"));
        WebElement panel = chromium.driver.findElement(By.id("panel"));
        assertTrue(panel.getLocation().getY() >= graph.getLocation().getY() + graph.getSize().getHeight() - 1, "the panel is below the graph");
        assertEquals(Boolean.FALSE, chromium.js("return document.documentElement.scrollWidth > window.innerWidth"), "no sideways scrolling");
        chromium.screenshot("explorer-phone");
    }
}
