package org.articlekg.generate;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.articlekg.build.BuildReport;
import org.articlekg.build.GraphBuilder;
import org.articlekg.load.Column;
import org.articlekg.load.Kind;
import org.articlekg.load.Schemas;
import org.articlekg.load.ValueType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A generated corpus: valid for the whole build, reproducible, and shaped like curated data. */
class CorpusGeneratorTest {
    private static final int ARTICLES = 200;
    private static final long SEED = 42;

    @TempDir
    static Path temp;
    static Path corpus;
    static GenerationSummary summary;
    private static BuildReport report;

    @BeforeAll
    static void generate() {
        corpus = temp.resolve("corpus");
        summary = CorpusGenerator.create().articles(ARTICLES).seed(SEED).build().writeTo(corpus);
    }

    /** The build's validation of the corpus, run once. */
    private static synchronized BuildReport report() {
        if (report == null) report = validate(corpus);
        return report;
    }

    static BuildReport validate(Path dir) {
        return GraphBuilder.create().dataDir(dir).ontologyDir(Path.of("ontology")).corpus(null).build().validate();
    }

    @Test
    void generatedCorpusPassesEveryCheckOfTheBuild() {
        BuildReport r = assertDoesNotThrow(CorpusGeneratorTest::report);
        assertEquals(ARTICLES, r.load().rows().get(Kind.ARTICLE));
        assertTrue(r.totalQuads() > 10_000, "quads: " + r.totalQuads());
    }

    @Test
    void tinyCorporaAreValidToo() {
        for (int n : new int[] {1, 2}) {
            Path dir = temp.resolve("tiny-" + n);
            CorpusGenerator.create().articles(n).seed(n).build().writeTo(dir);
            assertDoesNotThrow(() -> validate(dir), n + " article(s)");
        }
    }

    @Test
    void everyFileHasTheHeaderOfTheRealDataFile() throws IOException {
        for (Kind kind : Kind.values()) {
            String real = Files.readAllLines(Path.of("data").resolve(kind.fileName()), StandardCharsets.UTF_8).get(0);
            String generated = Files.readAllLines(corpus.resolve(kind.fileName()), StandardCharsets.UTF_8).get(0);
            assertEquals(real.replace("\uFEFF", ""), generated, kind.fileName());
        }
    }

    @Test
    void sameSeedGivesIdenticalBytesInEveryFile() throws IOException {
        Path again = temp.resolve("again");
        CorpusGenerator.create().articles(ARTICLES).seed(SEED).build().writeTo(again);
        for (Kind kind : Kind.values()) {
            assertArrayEquals(Files.readAllBytes(corpus.resolve(kind.fileName())),
                    Files.readAllBytes(again.resolve(kind.fileName())), kind.fileName());
        }
    }

    @Test
    void differentSeedGivesDifferentFiles() throws IOException {
        Path other = temp.resolve("other-seed");
        CorpusGenerator.create().articles(ARTICLES).seed(SEED + 1).build().writeTo(other);
        for (Kind kind : Kind.values()) {
            assertFalse(Files.mismatch(corpus.resolve(kind.fileName()), other.resolve(kind.fileName())) == -1,
                    kind.fileName() + " is the same for two seeds");
        }
    }

    @Test
    void everyFileHasRowsAndEveryFactKindIsPresent() throws IOException {
        for (Kind kind : Kind.values()) {
            assertTrue(summary.rows().get(kind) > 0, kind.fileName() + " is empty");
            assertEquals(summary.rows().get(kind), (long) rows(kind).size(), kind.fileName());
        }
        assertEquals(summary.rows().get(Kind.ARTICLE), ARTICLES);
    }

    @Test
    void entitiesGrowWithArticlesAndOrganisationsOfEveryTypeExist() throws IOException {
        assertEquals(ARTICLES / 2, rows(Kind.PERSON).size());
        assertEquals(ARTICLES / 3, rows(Kind.ORGANIZATION).size());
        assertEquals(ARTICLES / 5, rows(Kind.PRODUCT).size());
        for (Kind kind : List.of(Kind.ORGANIZATION, Kind.PRODUCT)) {
            for (String type : Schemas.of(kind).column("type").values().keySet()) {
                assertTrue(rows(kind).stream().anyMatch(r -> r.get("type").equals(type)), kind + " of type " + type);
            }
        }
        assertTrue(rows(Kind.ORGANIZATION).stream().anyMatch(r -> !r.get("parent").isEmpty()), "some organisations have a parent");
        assertTrue(rows(Kind.PRODUCT).stream().filter(r -> !r.get("maker").isEmpty()).count() > ARTICLES / 10, "most products have a maker");
    }

    @Test
    void aboutTenFactsPerArticleSomeReportedBySeveralArticles() throws IOException {
        Map<String, Integer> articlesPerFact = new HashMap<>();
        for (Kind kind : Kind.values()) {
            if (kind.isFact()) for (Map<String, String> fact : rows(kind)) articlesPerFact.put(fact.get("id"), 0);
        }
        for (Map<String, String> ev : rows(Kind.EVIDENCE)) {
            articlesPerFact.computeIfPresent(ev.get("fact"), (k, n) -> n + 1);
            assertTrue(ev.get("quote").length() <= Schemas.MAX_QUOTE_LENGTH);
        }
        assertEquals(summary.factRows(), articlesPerFact.size());
        assertTrue(articlesPerFact.values().stream().allMatch(n -> n >= 1), "every fact has evidence");
        double perArticle = rows(Kind.EVIDENCE).size() / (double) ARTICLES;
        assertTrue(perArticle > 7 && perArticle < 13, "evidence rows per article: " + perArticle);
        long shared = articlesPerFact.values().stream().filter(n -> n >= 2).count();
        assertTrue(shared > 0.1 * articlesPerFact.size() && shared < 0.5 * articlesPerFact.size(),
                shared + " of " + articlesPerFact.size() + " facts reported by several articles");
        assertTrue(articlesPerFact.values().stream().allMatch(n -> n <= 4), "at most four articles per fact");
    }

    @Test
    void aFewPercentOfFactsAreDisagreements() {
        int disagreements = report().load().disagreements().size();
        double share = disagreements / (double) summary.factRows();
        assertTrue(share >= 0.01 && share <= 0.08, disagreements + " disagreements for " + summary.factRows() + " facts");
        for (var d : report().load().disagreements()) assertEquals(2, d.claims().size(), d.describe());
    }

    @Test
    void popularEntitiesAreInFarMoreFactsThanTheMedianOne() throws IOException {
        Map<String, Integer> mentions = new HashMap<>();
        for (Map<String, String> person : rows(Kind.PERSON)) mentions.put(person.get("id"), 0);
        for (Kind kind : Kind.values()) {
            if (!kind.isFact()) continue;
            for (Map<String, String> fact : rows(kind)) {
                for (Column c : Schemas.of(kind).columns()) {
                    if (c.type() != ValueType.REF && c.type() != ValueType.REFS) continue;
                    String cell = fact.get(c.name());
                    if (cell.isEmpty()) continue;
                    for (String id : cell.split("\\|")) mentions.computeIfPresent(id, (k, n) -> n + 1);
                }
            }
        }
        List<Integer> counts = new ArrayList<>(mentions.values());
        counts.sort(null);
        int median = counts.get(counts.size() / 2);
        int max = counts.get(counts.size() - 1);
        assertTrue(max >= 10 * Math.max(1, median), "most-mentioned person in " + max + " facts, median " + median);
    }

    @Test
    void refusesAFolderWithCsvFilesUnlessOverwriteIsAllowed() throws IOException {
        Path dir = temp.resolve("occupied");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("notes.csv"), "keep me\n");
        CorpusGenerator.OutputNotEmptyException e = assertThrows(CorpusGenerator.OutputNotEmptyException.class,
                () -> CorpusGenerator.create().articles(3).build().writeTo(dir));
        assertEquals(List.of("notes.csv"), e.files());
        assertFalse(Files.exists(dir.resolve("articles.csv")), "nothing written");
        CorpusGenerator.create().articles(3).overwrite(true).build().writeTo(dir);
        assertTrue(Files.size(dir.resolve("evidence.csv")) > 0);
    }

    @Test
    void reportsProgressUpToTheLastArticle() {
        List<Integer> done = new ArrayList<>();
        CorpusGenerator.create().articles(20).progress((d, total) -> {
            assertEquals(20, total);
            done.add(d);
        }).build().writeTo(temp.resolve("progress"));
        assertEquals(20, done.size());
        assertEquals(20, done.get(done.size() - 1));
    }

    /** The rows of a generated file, as column → cell. */
    static List<Map<String, String>> rows(Kind kind) throws IOException {
        return rows(corpus.resolve(kind.fileName()));
    }

    static List<Map<String, String>> rows(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.builder().setReader(in)
                     .setFormat(CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
            List<Map<String, String>> rows = new ArrayList<>();
            for (CSVRecord r : parser) rows.add(r.toMap());
            return rows;
        }
    }
}
