package org.articlekg.load;

import static org.articlekg.DataFixture.about;
import static org.articlekg.DataFixture.assertIsomorphic;
import static org.articlekg.DataFixture.turtle;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.articlekg.DataFixture;
import org.articlekg.vocab.AKG;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Claims of one event are compared on their compared columns: dates at the coarser precision,
 * amounts including a blank one, other values only when both are given, lists as sets.
 */
class DisagreementsTest {
    @TempDir Path tmp;

    private static final String INV = DataFixture.BASE + "id/investment/";

    /** Two investment claims about event {@code ev}; the cells given replace amount, amount_max, currency, date. */
    private static DataFixture twoInvestments(String a, String b) {
        return DataFixture.minimal()
                .fact("investments.csv", "claim-a,ev,acme,ngo," + a + ",,funding,completed,", "Acme a investi")
                .fact("investments.csv", "claim-b,ev,acme,ngo," + b + ",,funding,completed,", "Acme a investi, dit-on");
    }

    private List<Disagreement> disagreements(DataFixture f) {
        return f.loadResult(tmp, GraphFactory.createDefaultGraph()).disagreements();
    }

    private static List<String> columns(Disagreement d) {
        return d.columns().stream().map(Column::name).toList();
    }

    @Test
    void claimsDifferingInAmountGiveOneDisagreementOnTheAmountColumn() {
        List<Disagreement> found = disagreements(twoInvestments("100,,USD,2019", "200,,USD,2019"));
        assertEquals(1, found.size());
        Disagreement d = found.get(0);
        assertEquals("ev", d.event());
        assertEquals(org.articlekg.DataFixture.kind("investment"), d.kind());
        assertEquals(List.of("amount"), columns(d));
        assertEquals(List.of("claim-a", "claim-b"), d.claims().stream().map(Entry::id).toList());
        assertEquals(1, d.conflicts().size());
        assertEquals("investment ev: amount differ between claim-a, claim-b", d.describe());
    }

    @Test
    void equalAmountsWrittenDifferentlyAgree() {
        assertTrue(disagreements(twoInvestments("100,,USD,2019", "100.00,,USD,2019")).isEmpty());
    }

    @Test
    void yearAndADayInThatYearAgree() {
        assertTrue(disagreements(twoInvestments("100,,USD,2019", "100,,USD,2019-03-11")).isEmpty());
    }

    @Test
    void differentYearsDisagreeOnTheDate() {
        List<Disagreement> found = disagreements(twoInvestments("100,,USD,2017", "100,,USD,2018"));
        assertEquals(1, found.size());
        assertEquals(List.of("date"), columns(found.get(0)));
    }

    @Test
    void monthsThatDifferDisagreeEvenWhenOneIsADay() {
        List<Disagreement> found = disagreements(twoInvestments("100,,USD,2019-03", "100,,USD,2019-04-01"));
        assertEquals(List.of("date"), columns(found.get(0)));
    }

    @Test
    void blankAmountAgainstAFigureDoesNotDisagree() {
        assertTrue(disagreements(twoInvestments("10000000000,,USD,2023", ",,,2023")).isEmpty(),
                "a missing value never conflicts");
    }

    @Test
    void blankDateAgainstADateDoesNotDisagree() {
        assertTrue(disagreements(twoInvestments("100,,USD,2019", "100,,USD,")).isEmpty());
    }

    @Test
    void differentLowerBoundsOfARangeDisagreeOnTheAmount() {
        List<Disagreement> found = disagreements(twoInvestments("100000000,,USD,", "50000000,100000000,USD,"));
        assertEquals(1, found.size());
        assertTrue(columns(found.get(0)).contains("amount"), () -> columns(found.get(0)).toString());
    }

    @Test
    void exactAmountAndARangeWithTheSameLowerBoundDisagreeOnAmountMax() {
        // 50000000 is the range 50000000–50000000
        List<Disagreement> found = disagreements(twoInvestments("50000000,,USD,", "50000000,100000000,USD,"));
        assertEquals(1, found.size());
        assertEquals(List.of("amount_max"), columns(found.get(0)));
    }

    private List<Refinement> refinements(DataFixture f) {
        return f.loadResult(tmp, GraphFactory.createDefaultGraph()).refinements();
    }

    private static DataFixture twoFoundings(String a, String b) {
        return DataFixture.minimal()
                .fact("foundings.csv", "found-a,ev,acme," + a + ",", "a")
                .fact("foundings.csv", "found-b,ev,acme," + b + ",", "b");
    }

    @Test
    void aDayInsideTheOtherClaimsYearRefinesItAndIsNoDisagreement() {
        DataFixture f = twoInvestments("100,,USD,2019", "100,,USD,2019-03-11");
        assertTrue(disagreements(f).isEmpty());
        List<Refinement> r = refinements(f);
        assertEquals(1, r.size());
        assertEquals("claim-b", r.get(0).finer().id());
        assertEquals("claim-a", r.get(0).coarser().id());
        assertEquals(List.of("date"), r.get(0).columns().stream().map(Column::name).toList());
    }

    @Test
    void aNarrowerConceptRefinesTheBroaderOne() {
        // capped_profit is skos:broader for_profit in the ontology
        DataFixture f = twoFoundings(",2019,,capped_profit", ",2019,,for_profit");
        assertTrue(disagreements(f).isEmpty());
        assertEquals("found-a refines found-b", refinements(f).get(0).finer().id() + " refines " + refinements(f).get(0).coarser().id());
    }

    @Test
    void conceptsWithNoHierarchyBetweenThemConflict() {
        List<Disagreement> found = disagreements(twoFoundings(",2019,,nonprofit", ",2019,,for_profit"));
        assertEquals(List.of("legal_form"), columns(found.get(0)));
        assertTrue(refinements(twoFoundings(",2019,,nonprofit", ",2019,,for_profit")).isEmpty());
    }

    @Test
    void aLongerListOfFoundersRefinesAShorterOneItContains() {
        DataFixture f = twoFoundings("alice|bob,2015,,", "alice,2015,,");
        assertTrue(disagreements(f).isEmpty());
        assertEquals("found-a", refinements(f).get(0).finer().id());
        List<Disagreement> found = disagreements(twoFoundings("alice,2015,,", "bob,2015,,"));
        assertEquals(List.of("founders"), columns(found.get(0)));
    }

    @Test
    void refinementsInOppositeDirectionsOnTwoColumnsAreNeitherRefinementNorConflict() {
        DataFixture f = twoFoundings(",2019-03-11,,for_profit", ",2019,,capped_profit");
        assertTrue(disagreements(f).isEmpty());
        assertTrue(refinements(f).isEmpty());
    }

    @Test
    void refinementIsWrittenFromTheFinerClaimToTheCoarserAndTheEventKeepsWhatBothSay() {
        Graph g = GraphFactory.createDefaultGraph();
        twoFoundings(",2019,,for_profit", ",2019-03-11,,capped_profit").loadResult(tmp, g);
        Node a = NodeFactory.createURI(DataFixture.BASE + "id/founding/found-a");
        Node b = NodeFactory.createURI(DataFixture.BASE + "id/founding/found-b");
        Node ev = NodeFactory.createURI(DataFixture.BASE + "id/event/ev");
        assertTrue(g.contains(b, AKG.refines, a));
        assertTrue(!g.contains(a, AKG.refines, b) && !g.contains(a, AKG.conflictsWith, b));
        assertTrue(g.contains(ev, AKG.legalForm, AKG.concept("legal-form", "for_profit")));
        assertTrue(g.contains(ev, AKG.date, NodeFactory.createLiteralDT("2019", org.apache.jena.datatypes.xsd.XSDDatatype.XSDgYear)));
        assertTrue(!g.contains(ev, AKG.legalForm, AKG.concept("legal-form", "capped_profit")));
    }

    @Test
    void claimsWithoutASharedEventAreNeverCompared() {
        DataFixture f = DataFixture.minimal()
                .fact("investments.csv", "claim-a,,acme,ngo,100,,USD,2019,,funding,completed,", "Acme a investi")
                .fact("investments.csv", "claim-b,,acme,ngo,200,,USD,2018,,funding,completed,", "Acme a investi, dit-on");
        assertTrue(disagreements(f).isEmpty());
    }

    @Test
    void claimWhoseEventIsAnotherClaimsIdIsComparedWithIt() {
        DataFixture f = DataFixture.minimal()
                .fact("investments.csv", "claim-a,,acme,ngo,100,,USD,2019,,funding,completed,", "Acme a investi")
                .fact("investments.csv", "claim-b,claim-a,acme,ngo,200,,USD,2019,,funding,completed,", "Acme a investi, dit-on");
        List<Disagreement> found = disagreements(f);
        assertEquals(1, found.size());
        assertEquals("claim-a", found.get(0).event());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "claim-a,ev,alice,acme,ceo,,,,,current,;claim-b,ev,alice,acme,ceo,,,,,,;",
            "claim-a,ev,alice,acme,ceo,2018,,,,current,;claim-b,ev,alice,acme,ceo,2018-05,early,,,current,;",
            "claim-a,ev,alice,acme,ceo,,,,,current,;claim-b,ev,alice,acme,president,,,,,current,;title",
            "claim-a,ev,alice,acme,ceo,,,,,current,;claim-b,ev,alice,acme,ceo,,,,,former,;status",
            "claim-a,ev,alice,acme,ceo,2018,early,,,,;claim-b,ev,alice,acme,ceo,2018,late,,,,;start_qualifier",
            "claim-a,ev,alice,acme,ceo,2018,,2020,,,;claim-b,ev,alice,acme,ceo,2017,,2021,,,;start|end"})
    void otherValuesDisagreeOnlyWhenBothAreGivenAndDiffer(String a, String b, String expected) {
        DataFixture f = DataFixture.minimal().fact("roles.csv", a, "Alice dirige Acme").fact("roles.csv", b, "Alice, patronne d'Acme");
        List<Disagreement> found = disagreements(f);
        if (expected == null) {
            assertTrue(found.isEmpty(), () -> found.get(0).describe());
        } else {
            assertEquals(1, found.size());
            assertEquals(List.of(expected.split("\\|")), columns(found.get(0)));
        }
    }

    @Test
    void listsAreComparedAsSets() {
        DataFixture same = DataFixture.minimal()
                .fact("lawsuits.csv", "claim-a,ev,alice,acme|ngo,,,,filed,", "Alice poursuit Acme et NGO")
                .fact("lawsuits.csv", "claim-b,ev,alice,ngo|acme,,,,filed,", "Alice poursuit NGO et Acme");
        assertTrue(disagreements(same).isEmpty());
        DataFixture different = DataFixture.minimal()
                .fact("lawsuits.csv", "claim-a,ev,alice,acme,,,,filed,", "Alice poursuit Acme")
                .fact("lawsuits.csv", "claim-b,ev,alice,ngo,,,,filed,", "Alice poursuit NGO");
        List<Disagreement> found = disagreements(different);
        assertEquals(List.of("defendants"), columns(found.get(0)));
        DataFixture more = DataFixture.minimal()
                .fact("lawsuits.csv", "claim-a,ev,alice,acme|ngo,,,,filed,", "Alice poursuit Acme et NGO")
                .fact("lawsuits.csv", "claim-b,ev,alice,acme,,,,filed,", "Alice poursuit Acme");
        assertTrue(disagreements(more).isEmpty(), "naming one more defendant refines");
    }

    @Test
    void disagreementIsWrittenAsANodeWithClaimsDisputedPropertiesAndConflictsBothWays() {
        Graph g = GraphFactory.createDefaultGraph();
        twoInvestments("100000000,,USD,2017", "50000000,,USD,2018").loadResult(tmp, g);
        assertIsomorphic(turtle("""
                disagreement:ev a akg:Disagreement ;
                    rdfs:label "Articles disagree (amount, date): Acme → NGO: disputed amount (funding, completed) (disputed date)"@en ,
                        "Les articles divergent (montant, date) : Acme → ONG : montant en litige (financement, réalisé) (date en litige)"@fr ;
                    akg:event <http://example.org/id/event/ev> ;
                    akg:claim investment:claim-a, investment:claim-b ;
                    akg:disputedProperty akg:amount, akg:date .
                """), about(g, "disagreement"));
        Node a = NodeFactory.createURI(INV + "claim-a");
        Node b = NodeFactory.createURI(INV + "claim-b");
        assertTrue(g.contains(a, AKG.conflictsWith, b));
        assertTrue(g.contains(b, AKG.conflictsWith, a));
    }

    @Test
    void onlyThePairsThatDifferConflictAndEveryClaimOfTheEventIsInTheDisagreement() {
        Graph g = GraphFactory.createDefaultGraph();
        List<Disagreement> found = DataFixture.minimal()
                .fact("investments.csv", "claim-a,ev,acme,ngo,100,,USD,,,funding,completed,", "a")
                .fact("investments.csv", "claim-b,ev,acme,ngo,100,,USD,,,funding,completed,", "b")
                .fact("investments.csv", "claim-c,ev,acme,ngo,200,,USD,,,funding,completed,", "c")
                .loadResult(tmp, g).disagreements();
        assertEquals(1, found.size());
        assertEquals(3, found.get(0).claims().size());
        assertEquals(2, found.get(0).conflicts().size());
        Node a = NodeFactory.createURI(INV + "claim-a");
        Node b = NodeFactory.createURI(INV + "claim-b");
        Node c = NodeFactory.createURI(INV + "claim-c");
        assertTrue(g.contains(a, AKG.conflictsWith, c));
        assertTrue(g.contains(c, AKG.conflictsWith, b));
        assertFalse(g.contains(a, AKG.conflictsWith, b), "claims a and b agree");
        Node d = NodeFactory.createURI(DataFixture.BASE + "id/disagreement/ev");
        assertEquals(3, g.find(d, AKG.claim, Node.ANY).toList().size());
    }

    @Test
    void agreeingClaimsOfOneEventWriteNoDisagreementNorConflict() {
        Graph g = GraphFactory.createDefaultGraph();
        twoInvestments("100,,USD,2019", "100,,USD,2019-06").loadResult(tmp, g);
        assertTrue(about(g, "disagreement").isEmpty());
        assertFalse(g.contains(Node.ANY, AKG.conflictsWith, Node.ANY));
    }
}
