package org.articlekg.server;

import static org.articlekg.server.TestServers.*;
import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.articlekg.build.GraphBuilder;
import org.articlekg.query.QueryLibrary;
import org.articlekg.store.ServiceConfig;
import org.articlekg.store.Store;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * The browser's view of issue 14's promise: served on a random port with a base that is not the
 * default ({@code http://127.0.0.1:PORT/}, where {@code kg serve --port} would pick
 * {@code localhost}), every link, script and form of an entity page, of the explorer (its edge
 * panel included) and of the query editor (a saved query's results included) points at the
 * served base or off this machine, never to {@code localhost:3030} or another local address; the
 * links to the base are followed and answer. {@link LinkFollowingTest} does the same over HTTP.
 */
class BaseLinksBrowserTest {
    /** What Chromium sends when it follows a link. */
    private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private static final Set<String> LOCAL = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    @TempDir
    static Path tmp;
    static KgServer server;
    static Chromium chromium;
    static String base;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Chromium.installed(), "chromium and chromedriver are not installed");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        base = "http://127.0.0.1:" + port + "/";
        Path corpus = PROJECT.resolve("../shared/articles");
        Store store = new Store(tmp.resolve("store"));
        GraphBuilder.create().dataDir(PROJECT.resolve("data")).ontologyDir(PROJECT.resolve("ontology"))
                .serviceConfig(CONFIG).corpus(Files.isDirectory(corpus) ? corpus : null).base(base)
                .build().buildInto(store);
        server = KgServer.start(store, ServiceConfig.read(CONFIG), QueryLibrary.read(PROJECT.resolve("queries")),
                ServerSettings.defaults().withPort(port));
        assertEquals(base, server.base());
        chromium = new Chromium(tmp.resolve("profile"));
    }

    @AfterAll
    static void stop() {
        if (chromium != null) chromium.close();
        if (server != null) server.close();
    }

    /** The absolute addresses of the page's links, scripts, styles, images and forms, as the browser resolves them. */
    @SuppressWarnings("unchecked")
    private static List<String> addresses() {
        return (List<String>) chromium.js("return [...document.querySelectorAll('a[href], link[href], script[src], img[src], form[action]')]"
                + ".map(e => e.href || e.src || e.action).filter(u => /^https?:/.test(u))");
    }

    /** Checks every address of the page; returns those on the base. */
    private static List<String> check(String where) {
        List<String> onBase = new ArrayList<>();
        for (String a : addresses()) {
            URI u = URI.create(a);
            assertFalse(a.contains(":3030/"), where + " links to the default port: " + a);
            if (LOCAL.contains(u.getHost())) {
                assertTrue(a.startsWith(base), where + " links to this machine outside the served base " + base + ": " + a);
                onBase.add(a);
            }
        }
        return onBase;
    }

    @Test
    void entityPageExplorerAndEditorLinkOnlyToTheServedBase() throws Exception {
        Set<String> followed = new LinkedHashSet<>();
        String musk = base + "id/person/elon-musk";
        chromium.driver.get(musk);
        chromium.waiting().until(d -> d.findElement(By.tagName("h1")));
        assertTrue(chromium.driver.getCurrentUrl().startsWith(base + "doc/"), chromium.driver.getCurrentUrl());
        followed.addAll(check("the entity page"));

        chromium.driver.get(base + "explore?entity=" + encode(musk));
        chromium.waiting().until(d -> musk.equals(d.findElement(By.tagName("body")).getAttribute("data-focus")));
        followed.addAll(check("the explorer"));
        chromium.js("cy.edges()[0].emit('tap')");
        chromium.waiting().until(d -> !d.findElements(By.cssSelector("#info blockquote")).isEmpty());
        followed.addAll(check("the explorer's edge panel"));

        chromium.driver.get(base + "editor/");
        chromium.waiting().until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
        assertEquals(base + "kg/sparql", chromium.driver.findElement(By.id("endpoint")).getText(), "the editor asks the served endpoint");
        chromium.driver.findElement(By.cssSelector("#examples summary")).click();
        chromium.driver.findElements(By.cssSelector("#examples button.example")).stream()
                .filter(b -> "article-facts".equals(b.getAttribute("data-name")) || "entities".equals(b.getAttribute("data-name")))
                .findFirst().orElse(chromium.driver.findElement(By.cssSelector("#examples button.example"))).click();
        chromium.js("yasgui.getTab().query()");
        chromium.waiting().until(d -> !d.findElements(By.cssSelector(".yasr a[href]")).isEmpty());
        followed.addAll(check("the editor's results"));
        chromium.screenshot("base-links-editor");

        assertTrue(followed.size() > 10, "links on the base were found: " + followed);
        int n = 0;
        for (String link : followed) {
            if (link.contains("/webjars/") || n++ >= 60) continue;
            var r = get(link.replaceAll("#.*$", ""), BROWSER);
            if (r.statusCode() == 303) r = get(URI.create(link).resolve(r.headers().firstValue("Location").orElseThrow()).toString(), BROWSER);
            assertEquals(200, r.statusCode(), link);
        }
    }
}
