package org.articlekg.server;

import static org.articlekg.server.TestServers.*;
import static org.junit.jupiter.api.Assertions.*;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.articlekg.query.QueryLibrary;
import org.articlekg.query.ResultFormat;
import org.articlekg.query.SavedQuery;
import org.articlekg.store.ServiceConfig;
import org.articlekg.store.Store;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTML pages over HTTP: saved queries as pages (form, table, paging, downloads), VoID and downloads for browsers, formatted values. */
class PagesTest {
    @TempDir
    static Path tmp;
    static KgServer server;
    static QueryLibrary library;

    @BeforeAll
    static void start() {
        Store store = buildRealData(tmp.resolve("store"));
        library = QueryLibrary.read(PROJECT.resolve("queries"));
        server = KgServer.start(store, ServiceConfig.read(CONFIG), library, ServerSettings.defaults().withPort(0));
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    private static String html(String path) {
        HttpResponse<String> r = get(server.url() + path, "text/html");
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), path);
        return r.body();
    }

    /** The JSON results of a saved query, as a program gets them. */
    private static List<JsonObject> rows(String pathAndQuery) {
        HttpResponse<String> r = get(server.url() + pathAndQuery, null);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/sparql-results+json"), "JSON stays the default");
        return JSON.parse(r.body()).get("results").getAsObject().get("bindings").getAsArray().stream().map(JsonValue::getAsObject).toList();
    }

    private static int count(String html, String pattern) {
        Matcher m = Pattern.compile(pattern).matcher(html);
        int n = 0;
        while (m.find()) n++;
        return n;
    }

    @Test
    void everyPageSharesTheLayoutWithTheQueryEditorInItsNavigation() {
        for (String path : List.of("doc/", "doc/person/elon-musk", "api/", "api/entities", "ontology", ".well-known/void", "dumps/")) {
            String page = html(path);
            assertTrue(page.contains("<a href=\"/editor/\">Query editor</a>"), path);
            assertTrue(page.contains("<a href=\"/explore\">Explorer</a>") && page.contains("<a href=\"/dumps/\">Downloads</a>"), path);
            assertTrue(page.contains("<footer>"), path);
        }
    }

    @Test
    void theListLinksEachQueryToItsPage() {
        String page = html("api/");
        for (SavedQuery q : library.all()) assertTrue(page.contains("<a href=\"/api/" + q.name() + "\">"), q.name());
    }

    @Test
    void aSavedQueryPageHasAFormForItsParameters() {
        String observations = html("api/observations");
        assertTrue(observations.contains("<select id=\"p-measure\" name=\"measure\">"), "an enumeration is a choice");
        SavedQuery q = library.get("observations");
        for (String v : q.parameter("measure").allowed()) assertTrue(observations.contains("<option value=\"" + v + "\""), v);
        assertTrue(observations.contains("data-entity=\"subject\""), "an IRI parameter has the entity picker");
        assertTrue(html("api/facts-as-of").contains("name=\"as_of\" type=\"date\""), "a date is a date input");
        assertTrue(html("api/investments-by-year").contains("name=\"year\" type=\"number\""));
        // the form sends the fields left empty: on a page they are parameters not given
        assertTrue(html("api/observations?measure=&subject=&limit=").contains("<table id=\"results\">"));
    }

    /** An empty answer says when its entity is no IRI of the graph: a name typed in its place, or another address's IRI. */
    @Test
    void anEmptyAnswerSaysWhenItsEntityIsNotInTheGraph() {
        String named = html("api/investments-in?investee=OpenAI");
        assertTrue(named.contains("No results. Nothing in this graph has the IRI http://localhost:3030/OpenAI (investee): its IRIs start with http://localhost:3030/"), named);
        assertFalse(named.contains(">OpenAI</"), "no label shown under the field, as if the name had been found: " + named);
        String elsewhere = html("api/entity-timeline?entity=" + encode("http://example.org:3611/id/person/elon-musk"));
        assertTrue(elsewhere.contains("Nothing in this graph has the IRI http://example.org:3611/id/person/elon-musk (entity)"), elsewhere);
        // the IRIs whose names match the unknown one's last segment
        assertTrue(named.contains("Did you mean OpenAI (http://localhost:3030/id/organization/openai)"), named);
        assertTrue(elsewhere.contains("Did you mean Elon Musk (http://localhost:3030/id/person/elon-musk)?"), elsewhere);
        String slug = html("api/entity-timeline?entity=elon-musk");
        assertTrue(slug.contains("Did you mean Elon Musk (http://localhost:3030/id/person/elon-musk)?"), slug);
        String none = html("api/investments-in?status=rejected&investee=" + encode("http://localhost:3030/id/organization/tesla"));
        assertTrue(none.contains("No results.") && !none.contains("Nothing in this graph has"), "Tesla is in the graph: " + none);
    }

    @Test
    void resultsLinkIrisByTheirLabelsAndFormatAmountsAndDates() {
        String page = html("api/investments-in?investee=" + encode("http://localhost:3030/id/organization/openai"));
        assertTrue(page.contains("<a href=\"/id/organization/microsoft\">Microsoft</a>"), "IRIs link to their pages, by label");
        List<JsonObject> rows = rows("api/investments-in?investee=" + encode("http://localhost:3030/id/organization/openai"));
        for (JsonObject row : rows) {
            if (!row.hasKey("amount")) continue;
            String raw = row.get("amount").getAsObject().get("value").getAsString().value();
            assertFalse(page.contains(">" + raw + "<"), "amount " + raw + " is formatted");
        }
        assertTrue(page.contains("USD 10 billion"), "amounts as people write them");
        // the label column right after the investment is the text of its links, not a column of its own
        assertFalse(page.contains("<th>label</th>"), "no label column");
        assertTrue(page.contains("<a href=\"/id/investment/microsoft-invests-10b-2023\">Microsoft → OpenAI: USD 10 billion (funding, completed)</a>"),
                "the investment's link reads as the query's label");
        String timeline = html("api/entity-timeline?entity=" + encode("http://localhost:3030/id/person/elon-musk"));
        assertFalse(timeline.contains("<th>label</th>"), "no label column on the timeline's table either");
        assertTrue(timeline.contains("data-view=\"timeline\""), "the timeline view still sees the label column");
        assertTrue(page.contains("early 2023"), "a date after its qualifier");
        HttpResponse<String> fr = send(HttpRequest.newBuilder(URI.create(server.url() + "api/investments-in")).header("Accept", "text/html")
                .header("Accept-Language", "fr-FR,fr;q=0.9,en;q=0.5").build());
        assertTrue(fr.body().contains("10 milliards USD") && fr.body().contains("début 2023"), "in French for a French browser");
    }

    @Test
    void pagesPageThroughTheResultsAndLinkEveryDownloadFormat() {
        int all = rows("api/entities").size();
        assertTrue(all > 3);
        String first = html("api/entities?limit=2");
        assertEquals(2, count(first, "<tr><td"), "two rows");
        assertTrue(first.contains("href=\"/api/entities?limit=2&amp;offset=2\""), "a link to the next page");
        assertFalse(first.contains("rel=\"prev\""));
        String last = html("api/entities?limit=2&offset=" + (all - 1));
        assertEquals(1, count(last, "<tr><td"));
        assertTrue(last.contains("rel=\"prev\"") && !last.contains("rel=\"next\""), "the last page");
        for (ResultFormat f : ResultFormat.formats(true)) {
            assertTrue(first.contains("href=\"/api/entities?format=" + f.shortName() + "\""), f.shortName());
            HttpResponse<String> download = get(server.url() + "api/entities?format=" + f.shortName(), null);
            assertEquals(200, download.statusCode(), f.shortName());
        }
        String graph = html("api/entity-neighbourhood");
        for (ResultFormat f : ResultFormat.formats(false)) assertTrue(graph.contains("?format=" + f.shortName() + "\""), f.shortName());
        assertTrue(graph.contains("data-view=\"graph\""), "a CONSTRUCT result has a graph view");
        // its reification nodes are not drawn: their counts and disagreement go on the edges
        String items = graph.substring(graph.indexOf("data-items=\"", graph.indexOf("data-view=\"graph\"")) + 12);
        org.apache.jena.atlas.json.JsonObject data = org.apache.jena.atlas.json.JSON.parse(items.substring(0, items.indexOf('"'))
                .replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"));
        for (var n : data.get("nodes").getAsArray()) {
            String id = n.getAsObject().getString("id");
            assertTrue(id.startsWith("http://localhost:3030/id/"), "only entities are nodes, not " + id);
        }
        List<String> labels = data.get("edges").getAsArray().stream().map(e -> e.getAsObject().getString("label")).toList();
        assertTrue(labels.stream().allMatch(l -> l.matches(".+ \\(\\d+\\)")), "each edge says its number of articles: " + labels);
        assertTrue(data.get("edges").getAsArray().stream().anyMatch(e -> e.getAsObject().hasKey("disputed")), "a disputed edge");
        assertTrue(graph.contains("dashed red: disputed"), graph);
    }

    @Test
    void viewsFollowTheColumns() {
        String timeline = html("api/entity-timeline?entity=" + encode("http://localhost:3030/id/person/elon-musk"));
        int rows = rows("api/entity-timeline?entity=" + encode("http://localhost:3030/id/person/elon-musk")).size();
        assertTrue(timeline.contains("data-view=\"timeline\" data-items=\"") && timeline.contains("data-count=\"" + rows + "\""),
                "one timeline item per row");
        assertTrue(html("api/investments-by-year").contains("data-view=\"bars\""));
        // the undated claims no bar can hold are named under the chart: 003's 10 billion has no date
        String investments = html("api/investments-in?investee=" + encode("http://localhost:3030/id/organization/openai"));
        assertTrue(investments.contains("data-view=\"bars\"") && investments.contains("Not drawn, undated: ")
                && investments.contains("Microsoft USD 10 billion"), investments);
        assertTrue(html("api/observations").contains("data-view=\"lines\""));
        assertFalse(html("api/entities").contains("data-view="), "no view for a list");
        assertFalse(html("api/entities").contains("echarts"), "nor its script");
    }

    @Test
    void badParametersOnAPageAreStill400() {
        HttpResponse<String> r = get(server.url() + "api/investments-by-year?year=abc", "text/html");
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("year"), r.body());
    }

    @Test
    void entityPagesReadWell() {
        String page = html("doc/person/elon-musk");
        int title = page.indexOf("<h1>");
        int description = page.indexOf("<p class=\"lead\">");
        assertTrue(title >= 0 && description > title && description < page.indexOf("<nav class=\"toc\""), "the description under the title");
        assertTrue(page.contains("<a href=\"#timeline\">Timeline</a>") && page.contains("id=\"filter\""), "contents and a filter box");
        assertTrue(page.contains("USD 100 million") && !page.contains(">100000000"), "amounts formatted");
        int facts = count(page, "<div class=\"fact(?: disputed)?\"><a href=\"/id/(?!disagreement)");
        Matcher m = Pattern.compile("data-view=\"timeline\" data-items=\"(.*?)\"").matcher(page);
        assertTrue(m.find());
        int items = JSON.parseAny(m.group(1).replace("&quot;", "\"").replace("&amp;", "&").replace("&#39;", "'")
                .replace("&lt;", "<").replace("&gt;", ">")).getAsArray().size();
        assertTrue(items > 5, items + " timeline items");
        assertTrue(facts >= items, facts + " fact boxes, " + items + " timeline items");
    }

    @Test
    void voidAndDumpsReadInABrowserAndStayRdfAndJsonForPrograms() {
        String v = html(".well-known/void");
        assertTrue(v.contains("void:triples") && v.contains("<h1>Dataset description</h1>"), "VoID as a page");
        assertTrue(get(server.url() + ".well-known/void", null).headers().firstValue("Content-Type").orElse("").startsWith("text/turtle"));
        assertTrue(get(server.url() + ".well-known/void", "application/ld+json").headers().firstValue("Content-Type").orElse("").contains("json"));
        assertTrue(html("dumps/").contains("href=\"/dumps/article-kg.ttl\""));
        assertTrue(get(server.url() + "dumps/", null).headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    }

    @Test
    void ontologyTermsAreNotBrokenMidWord() {
        String page = html("ontology");
        assertFalse(page.contains("break-all"));
        assertTrue(page.contains("<code class=\"term\">akg:attributionMode</code>"), "terms kept whole");
    }
}
