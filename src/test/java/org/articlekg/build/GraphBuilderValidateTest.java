package org.articlekg.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.articlekg.DataFixture;
import org.articlekg.build.ShapeCheck.ShapeViolationException;
import org.articlekg.load.InvalidInputException;
import org.articlekg.load.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link GraphBuilder#validate()} on inline data: the real shapes accept everything the loaders accept. */
class GraphBuilderValidateTest {
    static final Path ONTOLOGY = Path.of("ontology");
    static final String EVIDENCE_NEEDS_A_PAGE = DataFixture.requiredShape("urn:test:EvidenceNeedsAPage",
            "https://w3id.org/article-kg/ontology#Evidence", "urn:test:page", "evidence needs a page number");

    @TempDir Path tmp;

    /** Rows of every kind, with every optional column used somewhere. */
    static DataFixture everything() {
        return DataFixture.minimal()
                .with("articles.csv", DataFixture.ARTICLES,
                        "000_aaaa,\"Un titre, long\",Le Monde,acme|news,2024-12-30,stated,fr,",
                        "001_bbbb,An English article,,,2023-03,inferred,en,Inferred from what it reports.",
                        "002_cccc,Sans date,,,,,fr,",
                        "003_dddd,Année seule,,,2019,stated,fr-CA,")
                .with("persons.csv", DataFixture.PERSONS,
                        "alice,Alice,Alice,Al|Ali,Engineer.,Ingénieure.", "bob,Bob,Bob,,,")
                .with("organizations.csv", DataFixture.ORGANIZATIONS,
                        "acme,company,Acme,Acme,Acme Corp,,Maker.,Fabricant.", "ngo,nonprofit,NGO,ONG,,,,",
                        "lab,research_lab,Lab,Labo,,acme,,", "inc,incubator,Inc,Inc,,,,",
                        "news,media,News,Nouvelles,,,,", "misc,other,Misc,Divers,,,,")
                .with("products.csv", DataFixture.PRODUCTS,
                        "widget,application,Widget,Widget,W,acme,An app.,Une appli.", "model,ai_model,Model,Modèle,,lab,,",
                        "svc,service,Service,Service,,,,", "car,vehicle,Car,Voiture,,,,", "thing,other,Thing,Chose,,,,")
                .fact("foundings.csv", "acme-founded,,acme,alice|ngo,2015,circa,for_profit,Note.", "Acme fondée")
                .fact("roles.csv", "alice-ceo,,alice,acme,ceo,2018-03,early,2019-03-11,before,former,Note.", "Alice dirige")
                .fact("roles.csv", "bob-cofounder,,bob,acme,cofounder,,,,,,", "Bob cofonde")
                .fact("investments.csv", "inv-range,money,acme,ngo,50,100,EUR,2019-03,mid,equity,partial,Note.", "Acme 50-100")
                .fact("investments.csv", "inv-exact,money,acme,ngo,100,,EUR,2019,,equity,partial,", "Acme 100")
                .fact("investments.csv", "inv-blank,money,acme,ngo,,,,,,donation,offered,", "Acme offre")
                .fact("lawsuits.csv", "suit,,alice|ngo,acme|bob,2024-11,late,Allegations.,settled,Note.", "Procès")
                .fact("proposals.csv", "deal,,partnership,acme,ngo,bob|model,2020,after,accepted,Terms.,Note.", "Accord")
                .fact("proposals.csv", "idea,,restructuring,ngo,,,,,abandoned,,", "Idée")
                .fact("departures.csv", "bob-leaves,,bob,acme,cofounder,2021-06-30,,Reason.,Note.", "Bob part")
                .fact("observations.csv", "users,,widget,weekly_active_users,1.5,approximate,people,2024,early,Note.", "Usagers")
                .fact("observations.csv", "value,,alice,valuation,3,at_most,USD,,,", "Valeur")
                .fact("releases.csv", "launch,,model,lab,announcement,2022-11-30,,Note.", "Annonce")
                .append("evidence.csv", "launch,001_bbbb,Announced", "acme,003_dddd,la société Acme", "alice,002_cccc,Alice");
    }

    @Test
    void rowsOfEveryKindWithEveryOptionalColumnConformToTheRealShapes() {
        Path data = everything().writeTo(tmp.resolve("data"));
        BuildReport r = GraphBuilder.create().dataDir(data).ontologyDir(ONTOLOGY).base(DataFixture.BASE).build().validate();
        assertNull(r.location());
        assertEquals(List.of(), r.dumps());
        assertEquals(java.util.Set.of("facts", "ontology", "inferred", "summary"), r.quadsPerGraph().keySet());
        assertEquals(4, r.load().rows().get(org.articlekg.DataFixture.kind("article")));
        assertEquals(3, r.load().rows().get(org.articlekg.DataFixture.kind("investment")));
        assertEquals(1, r.load().disagreements().size(), "the three claims about 'money' differ");
        assertTrue(r.quadsPerGraph().get("inferred") > 0);
    }

    @Test
    void validateWritesNoFileAnywhereNearTheData() throws IOException {
        Path data = everything().writeTo(tmp.resolve("data"));
        List<Path> before = list(tmp);
        GraphBuilder.create().dataDir(data).ontologyDir(ONTOLOGY).build().validate();
        assertEquals(before, list(tmp));
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.sorted().toList();
        }
    }

    @Test
    void validateRejectsBadInputBeforeTheShapes() {
        Path data = DataFixture.minimal().append("persons.csv", "Bad,Bad,Bad,,,").writeTo(tmp.resolve("data"));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> GraphBuilder.create().dataDir(data).ontologyDir(ONTOLOGY).build().validate());
        assertEquals("persons.csv", e.problems().get(0).file().getFileName().toString());
    }

    @Test
    void shapeViolationsNameTheCsvRowOfTheirFocusNode() throws IOException {
        Path ontology = DataFixture.ontologyWithShapes(ONTOLOGY, tmp.resolve("ontology"), EVIDENCE_NEEDS_A_PAGE);
        Path data = DataFixture.minimal()
                .fact("releases.csv", "launch,,widget,acme,launch,,,", "Acme lance Widget").writeTo(tmp.resolve("data"));
        ShapeViolationException e = assertThrows(ShapeViolationException.class,
                () -> GraphBuilder.create().dataDir(data).ontologyDir(ontology).base(DataFixture.BASE).build().validate());
        assertEquals(1, e.violations().size(), () -> String.join("\n", e.violations()));
        String v = e.violations().get(0);
        assertTrue(v.contains("evidence.csv:2 "), v);
        assertTrue(v.contains("evidence needs a page number"), v);
        assertTrue(e.getMessage().startsWith("1 SHACL violation(s)"), e.getMessage());
    }

    @Test
    void validationSplitOverThreadsFindsTheSameViolationsAsOneThread() throws IOException {
        Path ontology = DataFixture.ontologyWithShapes(ONTOLOGY, tmp.resolve("ontology"), EVIDENCE_NEEDS_A_PAGE,
                DataFixture.requiredShape("urn:test:ArticleNeedsAnAuthor", "https://w3id.org/article-kg/ontology#Article",
                        "urn:test:author", "an article needs an author"));
        Path data = everything().writeTo(tmp.resolve("data"));
        List<List<String>> found = new java.util.ArrayList<>();
        for (int threads : new int[] {1, 3}) {
            ShapeViolationException e = assertThrows(ShapeViolationException.class, () -> GraphBuilder.create().dataDir(data)
                    .ontologyDir(ontology).base(DataFixture.BASE).threads(threads).build().validate());
            found.add(e.violations().stream().sorted().toList());
        }
        assertEquals(found.get(0), found.get(1));
        assertTrue(found.get(0).stream().anyMatch(v -> v.contains("evidence needs a page number")), found.get(0)::toString);
        assertTrue(found.get(0).stream().anyMatch(v -> v.contains("an article needs an author")), found.get(0)::toString);
        assertEquals(4, found.get(0).stream().filter(v -> v.contains("an article needs an author")).count(), "one per article");
    }

    @Test
    void classChecksOnValuesSeenBeforeFindEveryViolation() throws IOException {
        // every evidence names an article (a value checked again and again): one violation per
        // evidence for the wrong class, none for the right one, on one thread and on three
        String sh = "http://www.w3.org/ns/shacl#";
        String akg = "https://w3id.org/article-kg/ontology#";
        String shapes = "\n<urn:test:StatedInAPerson> a <" + sh + "NodeShape> ; <" + sh + "targetClass> <" + akg + "Evidence> ;\n"
                + "  <" + sh + "property> [ <" + sh + "path> <" + akg + "statedIn> ; <" + sh + "class> <" + akg + "Person> ;"
                + " <" + sh + "message> \"stated in a person\" ] ,\n"
                + "  [ <" + sh + "path> <" + akg + "statedIn> ; <" + sh + "class> <" + akg + "Article> ;"
                + " <" + sh + "message> \"stated in an article\" ] .\n";
        Path ontology = DataFixture.ontologyWithShapes(ONTOLOGY, tmp.resolve("ontology"), shapes);
        Path data = everything().writeTo(tmp.resolve("data"));
        long evidence = Files.readAllLines(data.resolve("evidence.csv")).stream().skip(1).filter(l -> !l.isBlank()).count();
        for (int threads : new int[] {1, 3}) {
            ShapeViolationException e = assertThrows(ShapeViolationException.class, () -> GraphBuilder.create().dataDir(data)
                    .ontologyDir(ontology).base(DataFixture.BASE).threads(threads).build().validate());
            assertEquals(evidence, e.violations().stream().filter(v -> v.contains("stated in a person")).count(), e.violations()::toString);
            assertFalse(e.violations().stream().anyMatch(v -> v.contains("stated in an article")), e.violations()::toString);
        }
    }
}
