package org.articlekg.query;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.Dataset;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.articlekg.build.GraphBuilder;
import org.articlekg.load.FactModel;
import org.articlekg.store.ServiceConfig;
import org.articlekg.store.Store;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every saved query, run with its defaults on the real data, gives the committed expected rows
 * (compared as sets; graphs by isomorphism), so a change to the data or a query that alters an
 * answer shows up. After a deliberate change, regenerate the expectations with
 * {@code mvn test -Dtest=SavedQueriesTest -Dexpected.update=true} and review the diff.
 */
class SavedQueriesTest {
    private static final Path PROJECT = Path.of("").toAbsolutePath();
    private static final Path EXPECTED = PROJECT.resolve("src/test/resources/expected-queries");

    @TempDir
    static Path tmp;
    static Dataset dataset;
    static QueryLibrary library;

    @BeforeAll
    static void build() {
        Path corpus = PROJECT.resolve("../shared/articles");
        Store store = new Store(tmp.resolve("store"));
        GraphBuilder.create().dataDir(PROJECT.resolve("data")).ontologyDir(PROJECT.resolve("ontology"))
                .serviceConfig(PROJECT.resolve("fuseki-config/config.ttl"))
                .corpus(Files.isDirectory(corpus) ? corpus : null).build().buildInto(store);
        dataset = ServiceConfig.read(PROJECT.resolve("fuseki-config/config.ttl")).openDataset(store.requireCurrent());
        library = QueryLibrary.read(PROJECT.resolve("queries"), FactModel.read(PROJECT.resolve("ontology")));
    }

    @AfterAll
    static void close() {
        if (dataset != null) {
            dataset.close();
            Store.release(dataset.asDatasetGraph());
        }
    }

    private static String run(SavedQuery q, ResultFormat format) {
        return Answers.text(dataset.asDatasetGraph(), q.bind(java.util.Map.of()), format);
    }

    @Test
    void theLibraryHasAtLeastTwelveDocumentedQueries() {
        assertTrue(library.all().size() >= 12, library.all().size() + " queries");
        for (SavedQuery q : library.all()) {
            assertFalse(q.summary().isBlank() || q.summary().equals(q.name()), q.name() + " has a summary");
            assertFalse(q.description().isBlank(), q.name() + " has a description");
            for (Parameter p : q.parameters()) {
                assertTrue(!p.required() || p.defaultValue() != null, q.name() + ": required " + p.name() + " has a default");
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> everySavedQueryGivesItsExpectedResults() {
        return library.all().stream().map(q -> DynamicTest.dynamicTest(q.name(), () -> {
            boolean update = Boolean.getBoolean("expected.update");
            if (q.isTabular()) {
                String csv = run(q, ResultFormat.CSV);
                Path file = EXPECTED.resolve(q.name() + ".csv");
                if (update) Files.writeString(file, csv);
                assertTrue(Files.exists(file), "no expected results for " + q.name() + " (see the class comment)");
                List<String> expected = lines(Files.readString(file));
                List<String> actual = lines(csv);
                assertEquals(expected.get(0), actual.get(0), q.name() + ": columns");
                assertEquals(Set.copyOf(expected), new HashSet<>(actual), q.name() + ": rows");
                assertEquals(expected.size(), actual.size(), q.name() + ": row count");
                assertTrue(actual.size() > 1, q.name() + " returns rows with its defaults");
            } else {
                String ttl = run(q, ResultFormat.TURTLE);
                Path file = EXPECTED.resolve(q.name() + ".ttl");
                if (update) Files.writeString(file, ttl);
                Graph expected = GraphFactory.createDefaultGraph();
                RDFParser.source(file).parse(expected);
                Graph actual = GraphFactory.createDefaultGraph();
                RDFParser.fromString(ttl, Lang.TURTLE).parse(actual);
                assertTrue(actual.size() > 0, q.name() + " returns triples");
                assertTrue(expected.isIsomorphicWith(actual), q.name() + ": graph differs from " + file);
            }
        }));
    }

    @Test
    void parametersChangeTheAnswer() {
        SavedQuery q = library.get("investments-in");
        List<String> rows = lines(Answers.text(dataset.asDatasetGraph(), q.bind(java.util.Map.of("status", "rejected")), ResultFormat.CSV));
        assertEquals(2, rows.size(), "one rejected investment in OpenAI: " + rows);
        assertTrue(rows.get(1).contains("microsoft"));
    }

    @Test
    void entityDisputesKeepsTheDisagreementsAboutTheEntityWithAllTheirRows() {
        List<String> all = csv("disputes", java.util.Map.of());
        List<String> microsoft = csv("entity-disputes", java.util.Map.of("entity", "http://localhost:3030/id/organization/microsoft"));
        assertEquals(all.get(0), microsoft.get(0), "the columns of disputes");
        // Microsoft is in two disagreements of the corpus: its first deal with OpenAI (000 and 002) and
        // the amount of its 2023 investment (003 and 004)
        List<String> about = List.of("http://localhost:3030/id/disagreement/microsoft-openai-first-deal,",
                "http://localhost:3030/id/disagreement/microsoft-invests-2023,");
        assertEquals(all.stream().filter(r -> about.stream().anyMatch(r::startsWith)).sorted().toList(),
                microsoft.stream().skip(1).sorted().toList());
        assertTrue(microsoft.size() > 2 && all.size() > microsoft.size(), "both claims, not every disagreement");
        assertEquals(1, csv("entity-disputes", java.util.Map.of("entity", "http://localhost:3030/id/organization/nobody")).size(),
                "an entity in no disagreement: the header only");
    }

    /** The provenance says who says a fact, as data/evidence.csv gives it: the speakers, the mode and the channel. */
    @Test
    void factProvenanceSaysWhoSaysTheFact() {
        // 001 quotes the founders' blog post on Musk's withheld funding; 003 and 004 report his USD 100 million themselves
        List<java.util.Map<String, String>> withheld = table("fact-provenance",
                java.util.Map.of("fact", "http://localhost:3030/id/investment/musk-withholds-funding-2017"));
        assertEquals(1, withheld.size(), withheld.toString());
        java.util.Map<String, String> row = withheld.get(0);
        assertEquals("attributed", row.get("mode"));
        assertEquals("blog_post", row.get("channel"));
        assertEquals(Set.of("Sam Altman", "Greg Brockman", "John Schulman", "Wojciech Zaremba", "Ilya Sutskever"),
                Set.of(row.get("said_by_label").split(", ")));
        assertTrue(row.get("said_by").contains("http://localhost:3030/id/person/greg-brockman"), row.get("said_by"));
        List<java.util.Map<String, String>> funded = table("fact-provenance", java.util.Map.of());
        assertTrue(funded.stream().allMatch(r -> r.get("mode").equals("reported") && r.get("said_by").isEmpty()), funded.toString());
        // a disagreement's rows say it too: 003 gives the 2018 takeover bid as Semafor's
        assertTrue(table("disputes", java.util.Map.of()).stream().anyMatch(r -> r.get("claim").endsWith("/musk-takeover-attempt-2018")
                && r.get("article").endsWith("/003_f4fcdda49106cae1") && r.get("said_by_label").equals("Semafor")));
    }

    @Test
    void singleSourceFactsAreEventsOfOneOriginWithEveryClaimAndArticle() {
        List<java.util.Map<String, String>> rows = table("single-source-facts", java.util.Map.of());
        assertFalse(rows.isEmpty());
        assertTrue(rows.stream().allMatch(r -> r.get("origin_count").equals("1")), "one origin each");
        // Microsoft's early-2023 investment: two articles (003, 004) that both cite Semafor, two claims that disagree
        List<java.util.Map<String, String>> microsoft = rows.stream()
                .filter(r -> r.get("event").endsWith("/id/event/microsoft-invests-2023")).toList();
        assertEquals(2, microsoft.size(), microsoft.toString());
        assertTrue(microsoft.stream().allMatch(r -> r.get("article_count").equals("2") && r.get("disputed").equals("true")));
        assertEquals(2, microsoft.stream().map(r -> r.get("claim")).distinct().count());
        // an event reported by two independent articles is not single-source
        assertTrue(rows.stream().noneMatch(r -> r.get("event").endsWith("/id/event/musk-sues-openai")));
        List<java.util.Map<String, String>> lawsuits = table("single-source-facts", java.util.Map.of("kind", "lawsuit"));
        assertTrue(!lawsuits.isEmpty() && lawsuits.stream().allMatch(r -> r.get("kind_code").equals("lawsuit")), lawsuits.toString());
    }

    @Test
    void factsAsOfADateKeepTheArticlesPublishedByThen() {
        assertTrue(table("facts-as-of", java.util.Map.of("as_of", "2023-02-28")).isEmpty(), "no article before March 2023");
        List<java.util.Map<String, String>> march = table("facts-as-of", java.util.Map.of("as_of", "2023-03-01"));
        assertEquals(java.util.Set.of("2023-03"), march.stream().map(r -> r.get("article_date")).collect(java.util.stream.Collectors.toSet()),
                "an article dated March 2023 counts from the 1st");
        List<java.util.Map<String, String>> all = table("facts-as-of", java.util.Map.of("as_of", "2030-01-01"));
        assertTrue(all.size() > march.size());
        assertTrue(all.stream().anyMatch(r -> r.get("article_date").equals("2024-12-30")));
        assertTrue(table("facts-as-of", java.util.Map.of("as_of", "2024-12-29")).stream().noneMatch(r -> r.get("article_date").equals("2024-12-30")),
                "a day-precise article date is compared to the day");
    }

    @Test
    void whoSaysWhatSeparatesReportingFromAttributedClaims() {
        List<java.util.Map<String, String>> all = table("who-says-what", java.util.Map.of());
        List<java.util.Map<String, String>> allegations = table("who-says-what", java.util.Map.of("mode", "allegation"));
        assertFalse(allegations.isEmpty());
        assertTrue(allegations.stream().allMatch(r -> r.get("mode").equals("allegation") && !r.get("said_by").isEmpty()), allegations.toString());
        List<java.util.Map<String, String>> reported = table("who-says-what", java.util.Map.of("mode", "reported"));
        assertTrue(reported.size() < all.size() && reported.stream().allMatch(r -> r.get("said_by").isEmpty()), "the articles' own reporting names no one");
        assertThrows(ParameterException.class, () -> library.get("who-says-what").bind(java.util.Map.of("mode", "rumour")));
    }

    @Test
    void theTimelinePlacesUndatedFactsByTheirReportedDate() {
        List<java.util.Map<String, String>> rows = table("entity-timeline", java.util.Map.of());
        List<java.util.Map<String, String>> reported = rows.stream().filter(r -> r.get("date_basis").equals("reported by")).toList();
        assertFalse(reported.isEmpty());
        assertTrue(reported.stream().allMatch(r -> r.get("when").equals("by " + r.get("date"))), reported.toString());
        assertTrue(rows.stream().allMatch(r -> r.get("event").contains("/id/event/")), "every row names its event");
        assertEquals(rows.size(), rows.stream().map(r -> r.get("fact") + " " + r.get("date_role")).distinct().count(), "one row per fact and date");
    }

    @Test
    void independentSupportPutsEventsOfOneOriginFirst() {
        List<java.util.Map<String, String>> rows = table("independent-support", java.util.Map.of());
        List<Integer> origins = rows.stream().map(r -> Integer.parseInt(r.get("origin_count"))).toList();
        assertEquals(origins.stream().sorted().toList(), origins, "by origin count");
        assertEquals(1, origins.get(0));
        assertEquals(rows.size(), rows.stream().map(r -> r.get("event")).distinct().count(), "one row per event");
        assertTrue(rows.stream().allMatch(r -> Integer.parseInt(r.get("origin_count")) <= Integer.parseInt(r.get("article_count"))));
    }

    /** The rows of a query's CSV answer as maps by column name. */
    private List<java.util.Map<String, String>> table(String query, java.util.Map<String, String> values) {
        return Answers.table(dataset.asDatasetGraph(), library.get(query).bind(values));
    }

    private List<String> csv(String query, java.util.Map<String, String> values) {
        return lines(Answers.text(dataset.asDatasetGraph(), library.get(query).bind(values), ResultFormat.CSV));
    }

    @Test
    void injectionLikeValuesStayPlainValues() {
        SavedQuery search = library.get("search");
        for (String hostile : List.of("x\" } ; DROP ALL #", "back\\slash", "new\nline", "\\u0022")) {
            Parameter p = search.parameter("q");
            assertEquals(hostile, p.toNode(hostile).getLiteralLexicalForm(), "kept as one literal");
        }
        SavedQuery inv = library.get("investments-in");
        for (String badIri : List.of("http://x/a>b", "http://x/a b", "x\" } ; DROP ALL #", "file:///etc/passwd")) {
            ParameterException e = assertThrows(ParameterException.class, () -> inv.bind(java.util.Map.of("investee", badIri)));
            assertEquals("investee", e.parameter());
        }
        // a relative IRI is not refused: it names an entity relative to the build's base
        assertTrue(inv.bind(java.util.Map.of("investee", "not-absolute"), "https://kg.example.org/").serialize()
                .contains("<https://kg.example.org/not-absolute>"));
    }

    /**
     * The CSV's lines, without its {@code score} column: full-text relevance scores move whenever
     * any label in the graph (the ontology's included) changes, and are not facts.
     */
    private static List<String> lines(String csv) {
        try (CSVParser p = CSVParser.builder().setReader(new StringReader(csv)).setFormat(CSVFormat.RFC4180).get()) {
            List<CSVRecord> records = p.getRecords();
            if (records.isEmpty()) return List.of();
            int score = records.get(0).toList().indexOf("score");
            StringWriter out = new StringWriter();
            try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
                for (CSVRecord r : records) {
                    List<String> cells = new ArrayList<>(r.toList());
                    if (score >= 0) cells.remove(score);
                    printer.printRecord(cells);
                }
            }
            return Arrays.stream(out.toString().split("\r?\n")).filter(l -> !l.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
