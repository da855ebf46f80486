package org.articlekg.server;

import static org.articlekg.server.TestServers.*;
import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.articlekg.query.QueryLibrary;
import org.articlekg.store.ServiceConfig;
import org.articlekg.store.Store;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The query editor as an analyst uses it, in headless Chromium (which reaches nothing but this
 * server): a saved query runs from the examples and its IRIs link to their pages, completion
 * offers this graph's entities, classes and prefixes, and no write or admin control is shown.
 * Expectations come from the server's own JSON (the editor's configuration, the saved queries'
 * results, the entity search).
 */
class EditorBrowserTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;
    static KgServer server;
    static Chromium chromium;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Chromium.installed(), "chromium and chromedriver are not installed");
        // Built for the address it is served at, as kg serve does, so the results' IRIs resolve here.
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path corpus = PROJECT.resolve("../shared/articles");
        Store store = new Store(tmp.resolve("store"));
        org.articlekg.build.GraphBuilder.create().dataDir(PROJECT.resolve("data")).ontologyDir(PROJECT.resolve("ontology"))
                .serviceConfig(CONFIG).corpus(java.nio.file.Files.isDirectory(corpus) ? corpus : null)
                .base("http://localhost:" + port + "/").build().buildInto(store);
        server = KgServer.start(store, ServiceConfig.read(CONFIG), QueryLibrary.read(PROJECT.resolve("queries")),
                ServerSettings.defaults().withPort(port));
        chromium = new Chromium(tmp.resolve("profile"));
    }

    @AfterAll
    static void stop() {
        if (chromium != null) chromium.close();
        if (server != null) server.close();
    }

    private void openEditor(String path) {
        chromium.driver.get(server.url() + path);
        chromium.waiting().until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
    }

    /** A saved query whose default answer has an IRI of this graph in its first row, and that IRI. */
    private static String[] savedQueryWithIris() throws Exception {
        JsonNode config = JSON.readTree(get(server.url() + "editor/config.json", null).body());
        for (JsonNode q : config.get("queries")) {
            var r = get(server.url() + "api/" + q.get("name").asText() + "?limit=5", "application/sparql-results+json");
            if (r.statusCode() != 200 || !r.body().startsWith("{")) continue;
            JsonNode rows = JSON.readTree(r.body()).path("results").path("bindings");
            if (rows.isEmpty()) continue;
            for (JsonNode cell : rows.get(0)) {
                if ("uri".equals(cell.get("type").asText()) && cell.get("value").asText().startsWith(server.base())) {
                    return new String[] {q.get("name").asText(), cell.get("value").asText()};
                }
            }
        }
        return fail("no saved query answers an IRI of this graph");
    }

    @Test
    void aSavedQueryRunsFromTheExamplesAndItsIrisLinkToTheirPages() throws Exception {
        String[] saved = savedQueryWithIris();
        openEditor("editor/");
        chromium.driver.findElement(By.cssSelector("#examples summary")).click();
        chromium.driver.findElement(By.cssSelector("#examples button[data-name='" + saved[0] + "']")).click();
        chromium.waiting().until(d -> saved[0].equals(chromium.js("return yasgui.getTab().getName()")));
        chromium.js("yasgui.getTab().query()");
        WebElement cell = chromium.waiting().until(d -> d.findElements(By.cssSelector(".yasr a[href]")).stream()
                .filter(a -> saved[1].equals(a.getAttribute("href"))).findFirst().orElse(null));
        assertNotNull(cell, saved[1] + " is a link in the results");
        @SuppressWarnings("unchecked")
        List<String> elsewhere = (List<String>) chromium.js(
                "return performance.getEntriesByType('resource').map(e => e.name).filter(n => !n.startsWith(location.origin))");
        assertEquals(List.of(), elsewhere, "everything the editor loaded or asked came from this server");
        chromium.screenshot("editor-saved-query");
        var page = get(saved[1], "text/html");
        assertEquals(303, page.statusCode(), "the IRI resolves");
        assertEquals(200, get(server.url() + page.headers().firstValue("Location").orElseThrow().substring(1), "text/html").statusCode());
    }

    @Test
    void completionOffersThisGraphsEntitiesClassesAndPrefixes() throws Exception {
        JsonNode hit = JSON.readTree(get(server.url() + "explore/search.json?q=musk", null).body()).get(0);
        String iri = hit.get("iri").asText();
        String kind = iri.substring(server.base().length() + "id/".length(), iri.lastIndexOf('/'));
        openEditor("editor/");
        List<String> hints = complete("PREFIX " + kind + ": <" + server.base() + "id/" + kind + "/>\nSELECT * WHERE { ?s ?p " + kind + ":musk");
        assertTrue(hints.stream().anyMatch(h -> h.startsWith(kind + ":" + iri.substring(iri.lastIndexOf('/') + 1))
                && h.contains(hit.get("label").asText())), "the entity, named: " + hints);
        chromium.screenshot("editor-entity-completion");

        hints = complete("PREFIX akg: <https://w3id.org/article-kg/ontology#>\nSELECT * WHERE { ?s a akg:Organiz");
        assertTrue(hints.stream().anyMatch(h -> h.startsWith("akg:Organization")), "the ontology's class: " + hints);
        hints = complete("PREFIX akg: <https://w3id.org/article-kg/ontology#>\nSELECT * WHERE { ?s akg:investedI");
        assertTrue(hints.stream().anyMatch(h -> h.startsWith("akg:investedIn")), "the ontology's property: " + hints);
        hints = complete("PREFIX pro");
        assertTrue(hints.stream().anyMatch(h -> h.startsWith("prov: <http://www.w3.org/ns/prov#>")), "the project's prefixes: " + hints);
    }

    /** Types a query, asks for completion at its end (as Ctrl+Space does), and returns the hints shown. */
    @SuppressWarnings("unchecked")
    private List<String> complete(String text) {
        chromium.js("const y = yasgui.getTab().getYasqe(); y.setValue(arguments[0]); y.focus();"
                + "y.getDoc().setCursor(y.getDoc().lastLine(), y.getDoc().getLine(y.getDoc().lastLine()).length); y.autocomplete();", text);
        chromium.waiting().until(d -> !d.findElements(By.cssSelector(".CodeMirror-hints li")).isEmpty());
        List<String> hints = (List<String>) chromium.js("return [...document.querySelectorAll('.CodeMirror-hints li')].map(li => li.textContent)");
        chromium.js("yasgui.getTab().getYasqe().closeCompletion && yasgui.getTab().getYasqe().closeCompletion()");
        return hints;
    }

    @Test
    void theHomeAndTheFusekiUiLinksOpenTheEditorWithoutWriteControls() throws Exception {
        String ask = "ASK { ?s ?p ?o }";
        chromium.driver.get(server.url() + "#/dataset/kg/query?query=" + encode(ask));
        chromium.waiting().until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
        assertTrue(chromium.driver.getCurrentUrl().startsWith(server.url() + "editor/"), "/ leads to the editor: " + chromium.driver.getCurrentUrl());
        assertEquals(ask, chromium.js("return yasgui.getTab().getQuery()"), "the Fuseki UI's query link opens its query");
        @SuppressWarnings("unchecked")
        List<String> controls = (List<String>) chromium.js("return [...document.querySelectorAll('button:not(.example), a, [role=button], "
                + "input[type=submit]')].map(e => (e.textContent + ' ' + (e.title || '') + ' ' + (e.getAttribute('aria-label') || '')).trim())");
        assertFalse(controls.isEmpty());
        for (String control : controls) {
            assertFalse(control.toLowerCase(Locale.ROOT).matches("(?s).*\\b(upload|add data|backup|delete|remove|new dataset|edit|compact)\\b.*"),
                    "a write or admin control: " + control);
        }
        assertTrue(chromium.driver.findElements(By.cssSelector("input[type=file], form[method=post]")).isEmpty());
        chromium.screenshot("editor-home");
        chromium.viewport(390, 844);
        chromium.driver.navigate().refresh();
        chromium.waiting().until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
        assertTrue(chromium.driver.findElement(By.cssSelector(".CodeMirror")).isDisplayed());
        chromium.screenshot("editor-phone");
        chromium.viewport(1280, 900);
    }
}
