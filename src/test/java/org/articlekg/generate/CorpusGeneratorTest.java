package org.articlekg.generate;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.articlekg.build.BuildReport;
import org.articlekg.build.GraphBuilder;
import org.articlekg.load.Column;
import org.articlekg.load.FactModel;
import org.articlekg.load.GraphLoader;
import org.articlekg.load.Kind;
import org.articlekg.load.LoadResult;
import org.articlekg.load.TableSchema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A generated corpus: valid for the whole build, reproducible, and shaped like curated data. */
class CorpusGeneratorTest {
    private static final int ARTICLES = 200;
    private static final long SEED = 42;
    static final FactModel MODEL = FactModel.read(Path.of("ontology"));

    @TempDir
    static Path temp;
    static Path corpus;
    static GenerationSummary summary;
    private static BuildReport report;

    @BeforeAll
    static void generate() {
        corpus = temp.resolve("corpus");
        summary = generator(ARTICLES, SEED).build().writeTo(corpus);
    }

    static CorpusGenerator.Builder generator(int articles, long seed) {
        return CorpusGenerator.create().model(MODEL).articles(articles).seed(seed);
    }

    /** The build's validation of the corpus, run once. */
    private static synchronized BuildReport report() {
        if (report == null) report = validate(corpus);
        return report;
    }

    static BuildReport validate(Path dir) {
        return GraphBuilder.create().dataDir(dir).ontologyDir(Path.of("ontology")).corpus(null).build().validate();
    }

    /** What {@code kg validate --no-corpus} checks: every CSV rule, reference and event. */
    static LoadResult check(Path dir, FactModel model) {
        return GraphLoader.create().dataDir(dir).model(model).build().check();
    }

    private static Kind kind(String name) {
        return MODEL.schema(name).kind();
    }

    @Test
    void generatedCorpusPassesEveryCheckOfTheBuild() {
        BuildReport r = assertDoesNotThrow(CorpusGeneratorTest::report);
        assertEquals(ARTICLES, r.load().rows().get(MODEL.articles().kind()));
        assertTrue(r.totalQuads() > 10_000, "quads: " + r.totalQuads());
    }

    @Test
    void tinyCorporaAreValidToo() {
        for (int n : new int[] {1, 2}) {
            Path dir = temp.resolve("tiny-" + n);
            generator(n, n).build().writeTo(dir);
            assertDoesNotThrow(() -> check(dir, MODEL), n + " article(s)");
        }
    }

    @Test
    void everyFileHasTheDeclaredHeaderWithEveryColumnOfTheRealDataFile() throws IOException {
        for (TableSchema t : MODEL.tables()) {
            String file = t.kind().fileName();
            List<String> declared = t.columns().stream().map(Column::name).toList();
            String generated = Files.readAllLines(corpus.resolve(file), StandardCharsets.UTF_8).get(0);
            assertEquals(String.join(",", declared), generated, file);
            Path real = Path.of("data").resolve(file);
            if (!Files.exists(real)) continue;
            String realHeader = Files.readAllLines(real, StandardCharsets.UTF_8).get(0).replace("\uFEFF", "");
            for (String column : realHeader.split(",")) assertTrue(declared.contains(column), file + " lacks " + column);
        }
    }

    @Test
    void sameSeedGivesIdenticalBytesInEveryFile() throws IOException {
        Path again = temp.resolve("again");
        generator(ARTICLES, SEED).build().writeTo(again);
        for (Kind kind : MODEL.kinds()) {
            assertArrayEquals(Files.readAllBytes(corpus.resolve(kind.fileName())),
                    Files.readAllBytes(again.resolve(kind.fileName())), kind.fileName());
        }
    }

    @Test
    void differentSeedGivesDifferentFiles() throws IOException {
        Path other = temp.resolve("other-seed");
        generator(ARTICLES, SEED + 1).build().writeTo(other);
        for (Kind kind : MODEL.kinds()) {
            assertFalse(Files.mismatch(corpus.resolve(kind.fileName()), other.resolve(kind.fileName())) == -1,
                    kind.fileName() + " is the same for two seeds");
        }
    }

    @Test
    void everyFileHasRowsAndEveryFactKindIsPresentInModelOrder() throws IOException {
        assertEquals(MODEL.kinds(), List.copyOf(summary.rows().keySet()));
        for (Kind kind : MODEL.kinds()) {
            assertTrue(summary.rows().get(kind) > 0, kind.fileName() + " is empty");
            assertEquals(summary.rows().get(kind), (long) rows(kind).size(), kind.fileName());
        }
        assertEquals((long) ARTICLES, (long) summary.rows().get(MODEL.articles().kind()));
    }

    @Test
    void factKindsAreAsFrequentAsTheirDeclaredWeights() {
        double totalWeight = MODEL.facts().stream().mapToDouble(TableSchema::weight).sum();
        for (TableSchema t : MODEL.facts()) {
            double expected = t.weight() / totalWeight;
            double actual = summary.rows().get(t.kind()) / (double) summary.factRows();
            assertEquals(expected, actual, 0.35 * expected + 0.01, t.kind().fileName());
        }
    }

    @Test
    void entitiesGrowWithArticlesAndOrganisationsOfEveryTypeExist() throws IOException {
        assertEquals(ARTICLES / 2, rows(kind("person")).size());
        assertEquals(ARTICLES / 3, rows(kind("organization")).size());
        assertEquals(ARTICLES / 5, rows(kind("product")).size());
        for (String name : List.of("organization", "product")) {
            for (String type : MODEL.schema(name).column("type").values().keySet()) {
                assertTrue(rows(kind(name)).stream().anyMatch(r -> r.get("type").equals(type)), name + " of type " + type);
            }
        }
        assertTrue(rows(kind("organization")).stream().anyMatch(r -> !r.get("parent").isEmpty()), "some organisations have a parent");
        assertTrue(rows(kind("product")).stream().filter(r -> !r.get("maker").isEmpty()).count() > ARTICLES / 10, "most products have a maker");
    }

    @Test
    void aboutTenFactsPerArticleSomeReportedBySeveralArticles() throws IOException {
        Map<String, Integer> articlesPerFact = new HashMap<>();
        for (TableSchema t : MODEL.facts()) for (Map<String, String> fact : rows(t.kind())) articlesPerFact.put(fact.get("id"), 0);
        int maxQuote = MODEL.evidence().column("quote").maxLength();
        for (Map<String, String> ev : rows(MODEL.evidence().kind())) {
            articlesPerFact.computeIfPresent(ev.get("fact"), (k, n) -> n + 1);
            assertTrue(maxQuote == 0 || ev.get("quote").length() <= maxQuote, ev.get("quote"));
        }
        assertEquals(summary.factRows(), articlesPerFact.size());
        assertTrue(articlesPerFact.values().stream().allMatch(n -> n >= 1), "every fact has evidence");
        double perArticle = rows(MODEL.evidence().kind()).size() / (double) ARTICLES;
        assertTrue(perArticle > 7 && perArticle < 13, "evidence rows per article: " + perArticle);
        long shared = articlesPerFact.values().stream().filter(n -> n >= 2).count();
        assertTrue(shared > 0.1 * articlesPerFact.size() && shared < 0.5 * articlesPerFact.size(),
                shared + " of " + articlesPerFact.size() + " facts reported by several articles");
        assertTrue(articlesPerFact.values().stream().allMatch(n -> n <= 4), "at most four articles per fact");
    }

    @Test
    void aFewPercentOfFactsAreDisagreementsAndSomeRefineOthers() {
        LoadResult load = report().load();
        int disagreements = load.disagreements().size();
        double share = disagreements / (double) summary.factRows();
        assertTrue(share >= 0.01 && share <= 0.08, disagreements + " disagreements for " + summary.factRows() + " facts");
        for (var d : load.disagreements()) assertEquals(2, d.claims().size(), d.describe());
        assertTrue(load.refinements().size() >= 5, load.refinements().size() + " refinements");
        assertTrue(load.refinements().stream().anyMatch(r -> r.columns().stream().anyMatch(c -> c.type() == org.articlekg.load.ValueType.DATE)),
                "some claims give a finer date");
    }

    @Test
    void someEventsHaveSeveralClaimsWithTheSameParticipants() throws IOException {
        int events = 0;
        for (TableSchema t : MODEL.facts()) {
            Map<String, List<Map<String, String>>> byEvent = new HashMap<>();
            for (Map<String, String> fact : rows(t.kind())) {
                if (!fact.get("event").isEmpty()) byEvent.computeIfAbsent(fact.get("event"), e -> new ArrayList<>()).add(fact);
            }
            for (List<Map<String, String>> claims : byEvent.values()) {
                assertEquals(2, claims.size());
                for (Column c : t.eventColumns()) assertEquals(claims.get(0).get(c.name()), claims.get(1).get(c.name()), c.name());
            }
            events += byEvent.size();
        }
        assertTrue(events > 0.05 * summary.factRows() && events < 0.15 * summary.factRows(), events + " events of two claims");
    }

    @Test
    void evidenceIsMostlyTheArticlesOwnReportingSomeAttributedAllegedOrSpeculated() throws IOException {
        List<Map<String, String>> evidence = rows(MODEL.evidence().kind());
        Set<String> participants = new HashSet<>();
        for (Map<String, String> person : rows(kind("person"))) participants.add(person.get("id"));
        for (Map<String, String> org : rows(kind("organization"))) participants.add(org.get("id"));
        long saidBy = evidence.stream().filter(e -> !e.get("said_by").isEmpty()).count();
        double share = saidBy / (double) evidence.size();
        assertTrue(share > 0.10 && share < 0.30, "attributed share " + share);
        Map<String, Long> modes = new HashMap<>();
        for (Map<String, String> e : evidence) {
            modes.merge(e.get("mode"), 1L, Long::sum);
            if (!e.get("said_by").isEmpty()) assertTrue(participants.contains(e.get("said_by")), e.get("said_by"));
            if (!e.get("via").isEmpty()) {
                assertTrue(MODEL.evidence().column("via").values().containsKey(e.get("via")), e.get("via"));
                assertFalse(e.get("said_by").isEmpty(), "a channel is someone's");
            }
        }
        assertTrue(modes.get("") > 0.6 * evidence.size(), "mostly the article's own reporting: " + modes);
        for (String mode : List.of("attributed", "allegation", "speculation")) assertTrue(modes.getOrDefault(mode, 0L) > 0, mode + ": " + modes);
    }

    @Test
    void popularEntitiesAreInFarMoreFactsThanTheMedianOne() throws IOException {
        Map<String, Integer> mentions = new HashMap<>();
        for (Map<String, String> person : rows(kind("person"))) mentions.put(person.get("id"), 0);
        for (TableSchema t : MODEL.facts()) {
            for (Map<String, String> fact : rows(t.kind())) {
                for (Column c : t.columns()) {
                    if (!c.type().isReference()) continue;
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
    void aKindDeclaredOnlyInTheOntologyIsGeneratedAndValid() throws IOException {
        Path ontology = temp.resolve("ontology-with-partnerships");
        Files.createDirectories(ontology);
        for (String f : List.of(FactModel.ONTOLOGY_FILE, FactModel.KINDS_FILE)) {
            Files.copy(Path.of("ontology").resolve(f), ontology.resolve(f));
        }
        Files.writeString(ontology.resolve(FactModel.ONTOLOGY_FILE), """

                akg:Partnership a owl:Class ; rdfs:subClassOf akg:Fact ;
                    rdfs:label "Partnership"@en, "Partenariat"@fr .
                akg:partnershipLead a owl:ObjectProperty ; rdfs:label "lead partner"@en, "partenaire principal"@fr .
                akg:partner a owl:ObjectProperty ; rdfs:label "partner"@en, "partenaire"@fr .
                akg:partneredWith a owl:ObjectProperty ; rdfs:label "partnered with"@en, "partenaire de"@fr .
                """, java.nio.file.StandardOpenOption.APPEND);
        Files.writeString(ontology.resolve(FactModel.KINDS_FILE), """

                kd:partnership a kd:FactKind ;
                    kd:file "partnerships.csv" ;
                    kd:class akg:Partnership ;
                    kd:weight 10 ;
                    kd:label "{{lead}} partners with {{partners}}{{#start}} (from {{start}}){{/start}}"@en ,
                             "{{lead}} s’associe à {{partners}}{{#start}} (depuis {{start}}){{/start}}"@fr ;
                    kd:columns (
                        [ kd:name "lead" ; kd:type kd:Ref ; kd:references kd:organization ; kd:required true ;
                          kd:property akg:partnershipLead ; kd:identifiesEvent true ]
                        [ kd:name "partners" ; kd:type kd:Refs ; kd:references kd:organization, kd:person ; kd:required true ;
                          kd:property akg:partner ; kd:compared true ; kd:disjointFrom "lead" ]
                        [ kd:name "product" ; kd:type kd:Ref ; kd:references kd:product ; kd:property akg:product ]
                        [ kd:name "value" ; kd:type kd:Decimal ; kd:property akg:amount ; kd:compared true ;
                          kd:unit "currency" ; kd:upperBound "value_max" ]
                        [ kd:name "value_max" ; kd:type kd:Decimal ; kd:property akg:amountMax ; kd:compared true ]
                        [ kd:name "currency" ; kd:type kd:Currency ; kd:property akg:currency ; kd:compared true ]
                        [ kd:name "start" ; kd:type kd:Date ; kd:property akg:startDate ; kd:precisionProperty akg:startPrecision ;
                          kd:compared true ; kd:qualifier "start_qualifier" ]
                        [ kd:name "start_qualifier" ; kd:type kd:Concept ; kd:scheme akg:DateQualifierScheme ;
                          kd:property akg:startQualifier ; kd:values ( "early" "late" "circa" ) ]
                        [ kd:name "end" ; kd:type kd:Date ; kd:property akg:endDate ; kd:precisionProperty akg:endPrecision ;
                          kd:compared true ; kd:notBefore "start" ]
                        [ kd:name "status" ; kd:type kd:Concept ; kd:scheme akg:StatusScheme ; kd:required true ;
                          kd:property akg:status ; kd:compared true ; kd:values ( "proposed" "completed" "cancelled" ) ]
                        [ kd:name "terms" ; kd:type kd:Text ; kd:property akg:terms ]
                    ) ;
                    kd:shortcut [ kd:from "lead" ; kd:property akg:partneredWith ; kd:to "partners" ] .
                """, java.nio.file.StandardOpenOption.APPEND);
        FactModel model = FactModel.read(ontology);
        Kind partnership = model.schema("partnership").kind();

        Path dir = temp.resolve("with-partnerships");
        GenerationSummary s = CorpusGenerator.create().model(model).articles(150).seed(7).build().writeTo(dir);

        List<Map<String, String>> rows = rows(dir.resolve("partnerships.csv"));
        assertTrue(rows.size() > 20, rows.size() + " partnerships");
        assertEquals(s.rows().get(partnership), (long) rows.size());
        for (Map<String, String> row : rows) {
            assertFalse(row.get("lead").isEmpty() || row.get("partners").isEmpty() || row.get("status").isEmpty(), row.toString());
            assertFalse(List.of(row.get("partners").split("\\|")).contains(row.get("lead")), row.toString());
        }
        assertTrue(rows.stream().anyMatch(r -> !r.get("value").isEmpty() && !r.get("currency").isEmpty()), "amounts with a currency");
        assertTrue(rows.stream().anyMatch(r -> !r.get("end").isEmpty()), "some end dates");
        LoadResult load = assertDoesNotThrow(() -> check(dir, model));
        assertEquals(rows.size(), load.rows().get(partnership));
        Set<String> partnershipIds = new HashSet<>();
        for (Map<String, String> row : rows) partnershipIds.add(row.get("id"));
        assertTrue(rows(dir.resolve("evidence.csv")).stream().anyMatch(e -> partnershipIds.contains(e.get("fact"))
                && (e.get("quote").contains(" partners with ") || e.get("quote").contains(" s’associe à "))), "quotes from the label");
    }

    @Test
    void refusesAFolderWithCsvFilesUnlessOverwriteIsAllowed() throws IOException {
        Path dir = temp.resolve("occupied");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("notes.csv"), "keep me\n");
        CorpusGenerator.OutputNotEmptyException e = assertThrows(CorpusGenerator.OutputNotEmptyException.class,
                () -> generator(3, 1).build().writeTo(dir));
        assertEquals(List.of("notes.csv"), e.files());
        assertFalse(Files.exists(dir.resolve("articles.csv")), "nothing written");
        generator(3, 1).overwrite(true).build().writeTo(dir);
        assertTrue(Files.size(dir.resolve("evidence.csv")) > 0);
    }

    @Test
    void reportsProgressUpToTheLastArticle() {
        List<Integer> done = new ArrayList<>();
        generator(20, 1).progress((d, total) -> {
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
