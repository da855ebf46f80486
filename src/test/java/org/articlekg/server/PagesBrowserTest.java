package org.articlekg.server;

import static org.articlekg.server.TestServers.*;
import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.articlekg.query.QueryLibrary;
import org.articlekg.store.ServiceConfig;
import org.articlekg.store.Store;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The saved-query pages and the result views in headless Chromium, as {@link BrowserTest} drives
 * it: a form filled with the entity picker and run, the timeline and the charts drawn with as many
 * items as the results (read as JSON, as a program would) hold, an entity page at phone width.
 * Screenshots are kept in target/screenshots/. Skipped where Chromium is not installed.
 */
class PagesBrowserTest {
    private static final String MUSK = "http://localhost:3030/id/person/elon-musk";

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

    private static Object js(String script) {
        return chromium.js(script);
    }

    /** Opens a page and waits until its script has drawn its views. */
    private static void open(String path) {
        browser.get(server.url() + path);
        waiting().until(d -> d.findElement(By.tagName("body")).getAttribute("data-views") != null);
    }

    /** A saved query's rows, as JSON, as a program reads them. */
    private static List<JsonObject> rows(String pathAndQuery) {
        HttpResponse<String> r = get(server.url() + pathAndQuery, "application/sparql-results+json");
        assertEquals(200, r.statusCode(), r.body());
        return JSON.parse(r.body()).get("results").getAsObject().get("bindings").getAsArray().stream().map(JsonValue::getAsObject).toList();
    }

    private static String value(JsonObject row, String var) {
        return row.hasKey(var) ? row.get(var).getAsObject().get("value").getAsString().value() : null;
    }

    /** The number of data items of an ECharts view's series. */
    private static long echartsItems(String selector, int series) {
        return (Long) js("return echarts.getInstanceByDom(document.querySelector('" + selector + "')).getOption().series[" + series + "].data.length");
    }

    @Test
    void aSavedQueryFormPicksAnEntityByNameAndRunsIt() throws Exception {
        open("api/entity-timeline");
        WebElement entity = browser.findElement(By.cssSelector("input[data-entity=entity]"));
        entity.clear();
        entity.sendKeys("elon mu");
        waiting().until(d -> d.findElements(By.cssSelector(".picker li")).stream().anyMatch(li -> li.getText().startsWith("Elon Musk")));
        // arrow keys move through the hits, Enter takes one
        while (!browser.findElement(By.cssSelector(".picker li[aria-selected=true]")).getText().startsWith("Elon Musk")) {
            entity.sendKeys(Keys.ARROW_DOWN);
        }
        entity.sendKeys(Keys.ENTER);
        assertEquals(MUSK, entity.getAttribute("value"));
        assertEquals("Elon Musk", browser.findElement(By.id("picked-entity")).getText());
        screenshot("query-form-picker");
        browser.findElement(By.cssSelector("form.params button[type=submit]")).click();
        waiting().until(d -> d.getCurrentUrl().contains("entity=" + encode(MUSK)));
        waiting().until(d -> d.findElement(By.tagName("body")).getAttribute("data-views") != null);
        int expected = rows("api/entity-timeline?entity=" + encode(MUSK)).size();
        assertEquals(expected, browser.findElements(By.cssSelector("#results tbody tr")).size(), "the table has every row");
        assertEquals(expected, echartsItems("[data-view=timeline]", 0), "one timeline mark per row");
        long undated = rows("api/entity-timeline?entity=" + encode(MUSK)).stream().filter(r -> "reported by".equals(value(r, "date_basis"))).count();
        assertTrue(undated > 0, "Musk has undated facts");
        assertEquals(undated, (Long) js("return echarts.getInstanceByDom(document.querySelector('[data-view=timeline]')).getOption()"
                + ".series[0].data.filter(d => d.symbol === 'emptyCircle').length"), "undated facts marked");
        screenshot("query-entity-timeline-musk");
    }

    @Test
    void aTimelineWithinOneYearSaysTheYearOfItsMonths() throws Exception {
        // Musk's funding withheld in late 2017 is the one dated mark: the axis spans months of 2017
        open("api/unfinished-deals?status=stopped");
        assertEquals(1L, echartsItems("[data-view=timeline]", 0), "one dated stopped investment");
        List<?> labels = (List<?>) js("return echarts.getInstanceByDom(document.querySelector('[data-view=timeline]')).getModel()"
                + ".getComponent('xAxis', 0).axis.getViewLabels().map(l => l.formattedLabel)");
        assertTrue(labels.size() > 2, "the axis has labels: " + labels);
        assertTrue(labels.stream().allMatch(l -> l.toString().contains("2017")), "every label says its year: " + labels);
        screenshot("query-unfinished-deals-stopped");
    }

    @Test
    void investmentsChartHasABarSeriesPerInvestor() throws Exception {
        open("api/investments-by-year");
        Set<String> investors = new HashSet<>();
        for (JsonObject r : rows("api/investments-by-year")) {
            if (value(r, "date") != null && value(r, "amount") != null && "USD".equals(value(r, "currency"))) investors.add(value(r, "investor"));
        }
        assertFalse(investors.isEmpty());
        assertEquals((long) investors.size(), (Long) js("return echarts.getInstanceByDom(document.querySelector('[data-view=bars]')).getOption().series.length"));
        screenshot("query-investments-by-year");
    }

    @Test
    void observationChartsDrawOneLinePerSourceArticle() throws Exception {
        open("api/observations");
        // (subject, measure, unit) -> the source articles of its dated observations
        Map<String, Set<String>> expected = new HashMap<>();
        for (JsonObject r : rows("api/observations")) {
            if (value(r, "date") == null) continue;
            Set<String> sources = expected.computeIfAbsent(value(r, "subject") + " " + value(r, "measure") + " " + value(r, "unit"), k -> new HashSet<>());
            sources.addAll(List.of(value(r, "articles").split(" ")));
        }
        List<WebElement> charts = browser.findElements(By.cssSelector("[data-view=lines]"));
        assertEquals(expected.size(), charts.size(), "one chart per subject and measure");
        long lines = (Long) js("return [...document.querySelectorAll('[data-view=lines]')].map(e => echarts.getInstanceByDom(e).getOption().series.length).reduce((a, b) => a + b, 0)");
        assertEquals(expected.values().stream().mapToLong(Set::size).sum(), lines, "one line per source article");
        screenshot("query-observations");
    }

    @Test
    void aConstructResultIsDrawnAsAGraph() throws Exception {
        open("api/entity-neighbourhood");
        long edges = (Long) js("return window.articleKgViews.find(v => v.edges).edges().length");
        assertEquals(Long.parseLong(browser.findElement(By.cssSelector("[data-view=graph]")).getAttribute("data-count")), edges);
        assertTrue(edges > 0);
        screenshot("query-entity-neighbourhood-graph");
    }

    /** On a desktop screen a wide report's table takes the window's width, so that its quotes show without scrolling sideways. */
    @Test
    void aWideReportUsesTheWindowsWidth() throws Throwable {
        chromium.atViewport(1280, 900, () -> {
            open("api/disputes");
            long window = (Long) js("return window.innerWidth");
            long table = (Long) js("return Math.round(document.getElementById('results').getBoundingClientRect().width)");
            long text = (Long) js("return Math.round(document.querySelector('h1').getBoundingClientRect().width)");
            assertTrue(table > text, "the table (" + table + " px) is wider than the text's column (" + text + " px)");
            assertTrue((Long) js("return document.querySelector('.scroll.wide').scrollWidth - document.querySelector('.scroll.wide').clientWidth") <= 1,
                    "the disputes' columns, quote and said_by included, fit in a " + window + " px window");
            assertTrue((Long) js("return document.documentElement.scrollWidth") <= window + 1, "the page itself does not scroll sideways");
            screenshot("query-disputes-desktop");
        });
    }

    @Test
    void anEntityPageAtPhoneWidthHasItsTimelineAndFilters() throws Throwable {
        chromium.atViewport(390, 844, () -> {
            open("id/person/elon-musk");
            long facts = (Long) js("return document.querySelectorAll('.filterable .fact').length");
            assertEquals(facts, echartsItems("[data-view=timeline]", 0), "every fact of the page on its timeline");
            assertTrue((Long) js("return document.documentElement.scrollWidth") <= (Long) js("return window.innerWidth") + 1,
                    "no sideways scrolling at phone width");
            screenshot("entity-page-phone-musk");
            WebElement filter = browser.findElement(By.id("filter"));
            assertTrue(filter.isDisplayed(), "the filter box shows when the script runs");
            filter.sendKeys("microsoft");
            long shown = (Long) js("return [...document.querySelectorAll('.filterable .fact')].filter(e => e.offsetParent !== null).length");
            assertTrue(shown > 0 && shown < facts, shown + " of " + facts + " facts shown");
            screenshot("entity-page-phone-musk-filtered");
        });
    }
}
