package org.articlekg.server;

import static org.articlekg.server.TestServers.*;
import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.articlekg.query.QueryLibrary;
import org.articlekg.store.ServiceConfig;
import org.articlekg.store.Store;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The pages as a person sees them, in headless Chromium (Debian's chromium and chromium-driver,
 * installed by .ci/run). Screenshots are kept in target/screenshots/. Skipped where Chromium is
 * not installed.
 */
class BrowserTest {

    @TempDir
    static Path tmp;
    static KgServer server;
    static Chromium chromium;
    static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Chromium.installed(), "chromium and chromedriver are not installed");
        Store store = buildRealData(tmp.resolve("store"));
        server = KgServer.start(store, ServiceConfig.read(CONFIG), QueryLibrary.read(PROJECT.resolve("queries")),
                ServerSettings.defaults().withPort(0));
        chromium = new Chromium(tmp.resolve("chrome-profile"));
        browser = chromium.driver;
    }

    @AfterAll
    static void stop() {
        if (chromium != null) chromium.close();
        if (server != null) server.close();
    }

    private static void screenshot(String name) throws Exception {
        chromium.screenshot(name);
    }

    private static WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    @Test
    void explorerSearchDrawsTheNeighbourhoodAndAnEdgeShowsItsSources() throws Exception {
        browser.get(server.url() + "explore");
        WebElement search = waiting().until(d -> d.findElement(By.id("search")));
        assertEquals("function", chromium.js("return typeof cytoscape"),
                "Cytoscape.js loaded from the WebJar");
        search.sendKeys("musk");
        WebElement hit = waiting().until(d -> d.findElements(By.cssSelector("#results .hit")).stream()
                .filter(e -> e.getText().startsWith("Elon Musk")).findFirst().orElse(null));
        hit.click();
        waiting().until(d -> d.findElement(By.tagName("body")).getAttribute("data-loaded") != null);
        long nodes = (Long) chromium.js("return cy.nodes().length");
        long edges = (Long) chromium.js("return cy.edges().length");
        assertTrue(nodes >= 5 && edges >= 5, nodes + " nodes, " + edges + " edges");
        Object disputed = ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("return cy.edges('[?disputed]').length");
        assertTrue(((Long) disputed) > 0, "disputed edges are marked");
        assertEquals("Elon Musk", browser.findElement(By.cssSelector("#panel h2")).getText());
        screenshot("explorer-neighbourhood");
        chromium.js(
                "cy.edges('[relationship = \"investedIn\"]')[0].emit('tap')");
        waiting().until(d -> !d.findElements(By.cssSelector("#panel blockquote")).isEmpty());
        assertTrue(browser.findElement(By.id("panel")).getText().contains("source"));
        assertTrue(browser.findElement(By.id("panel")).getText().contains("independent origin"), "edges carry their origins");
        screenshot("explorer-edge-sources");
    }

    @Test
    void explorerEdgeShowsWhoSaysItAndMarksAllegations() throws Exception {
        browser.get(server.url() + "explore?entity=" + encode("http://localhost:3030/id/person/elon-musk"));
        waiting().until(d -> d.findElement(By.tagName("body")).getAttribute("data-loaded") != null);
        chromium.js(
                "cy.edges('[relationship = \"sued\"]').filter(e => e.data('target').endsWith('/organization/microsoft'))[0].emit('tap')");
        WebElement mark = waiting().until(d -> d.findElements(By.cssSelector("#panel .chip.warn")).stream()
                .filter(e -> e.getText().equals("allegation")).findFirst().orElse(null));
        assertNotNull(mark, "the allegation is marked");
        String panel = browser.findElement(By.id("panel")).getText();
        assertTrue(panel.contains("alleged by Elon Musk (court filing)"), panel);
        assertTrue(panel.contains("1 independent origin"), panel);
        screenshot("explorer-edge-attribution");
    }

    @Test
    void eventPageRendersItsClaimsWithWhoSaysThem() throws Exception {
        browser.get(server.url() + "id/event/musk-leaves-openai");
        waiting().until(d -> d.findElement(By.tagName("h1")));
        assertEquals(3, browser.findElements(By.cssSelector(".fact")).size(), "its three claims");
        String text = browser.findElement(By.tagName("body")).getText();
        assertTrue(text.contains("Reported by 4 articles, 3 independent origins"), text);
        assertTrue(text.contains("according to Greg Brockman"), text);
        screenshot("event-page-musk-leaves-openai");
    }

    @Test
    void entityPageRendersFactsWithSources() throws Exception {
        browser.get(server.url() + "id/organization/openai");
        waiting().until(d -> d.findElement(By.tagName("h1")));
        assertEquals("OpenAI", browser.findElement(By.tagName("h1")).getText());
        List<WebElement> facts = browser.findElements(By.cssSelector(".fact"));
        assertTrue(facts.size() > 10, facts.size() + " facts");
        assertTrue(browser.findElements(By.tagName("blockquote")).size() > 10, "quotes shown");
        assertTrue(browser.getPageSource().contains("Source:"));
        screenshot("entity-page-openai");
    }
}
