package org.articlekg.load;

import static org.articlekg.DataFixture.ARTICLE;
import static org.articlekg.DataFixture.about;
import static org.articlekg.DataFixture.assertIsomorphic;
import static org.articlekg.DataFixture.difference;
import static org.articlekg.DataFixture.turtle;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.apache.jena.graph.Graph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.articlekg.DataFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What each loader writes: a small inline data folder per kind, and the triples its good rows
 * give, compared by graph isomorphism with expected Turtle. For facts, the expected graph is
 * exactly what the fact row and its evidence row add to the minimal folder.
 */
class GraphLoaderTriplesTest {
    @TempDir Path tmp;

    /**
     * The triples a modified fixture adds to the minimal one, without what every claim gets from
     * the event model (its event and the event's node, its French label, its reported time and
     * support, its evidence's attribution mode): {@link #eventModelTriplesOfOneClaim} pins those.
     */
    private Graph added(DataFixture modified) {
        Graph all = addedWithEventModel(modified);
        Graph kept = GraphFactory.createDefaultGraph();
        java.util.Set<String> model = java.util.Set.of("event", "reportedDate", "reportedPrecision", "articleCount",
                "originCount", "attributionMode");
        all.find().forEachRemaining(t -> {
            String p = t.getPredicate().getURI();
            boolean eventModel = t.getSubject().isURI() && t.getSubject().getURI().contains("/id/event/")
                    || p.startsWith(org.articlekg.vocab.AKG.NS) && model.contains(p.substring(org.articlekg.vocab.AKG.NS.length()))
                    || t.getObject().isLiteral() && "fr".equals(t.getObject().getLiteralLanguage())
                        && !t.getSubject().getURI().contains("/id/person/") && !t.getSubject().getURI().contains("/id/organization/")
                        && !t.getSubject().getURI().contains("/id/product/") && !t.getSubject().getURI().contains("/id/evidence/");
            if (!eventModel) kept.add(t);
        });
        return kept;
    }

    private Graph addedWithEventModel(DataFixture modified) {
        Graph base = DataFixture.minimal().load(tmp.resolve("base"));
        return difference(modified.load(tmp.resolve("modified")), base);
    }

    @Test
    void minimalFolderLoadsWithoutProblemsAndCountsRowsPerFile() {
        Graph g = GraphFactory.createDefaultGraph();
        LoadResult r = DataFixture.minimal().loadResult(tmp, g);
        assertEquals(1, r.rows().get(org.articlekg.DataFixture.kind("article")));
        assertEquals(2, r.rows().get(org.articlekg.DataFixture.kind("person")));
        assertEquals(2, r.rows().get(org.articlekg.DataFixture.kind("organization")));
        assertEquals(0, r.rows().get(org.articlekg.DataFixture.kind("investment")));
        assertEquals(g.size(), r.triples(), "triples() counts what was streamed");
        assertTrue(r.disagreements().isEmpty());
        assertEquals(tmp.resolve("persons.csv") + ":3", r.locate(
                org.apache.jena.graph.NodeFactory.createURI(DataFixture.BASE + "id/person/bob")));
    }

    @Test
    void investmentWithAmountRangeGivesStatementEvidenceAndShortcut() {
        Graph g = added(DataFixture.minimal().fact("investments.csv",
                "acme-funds-ngo,,acme,ngo,50000000,100000000,USD,2019-03,early,funding,completed,Range given by the article.",
                "Acme a investi entre 50 et 100 millions de dollars"));
        assertIsomorphic(turtle("""
                investment:acme-funds-ngo a akg:Investment ;
                    rdfs:label "Acme → NGO: USD 50 million – 100 million (funding, completed) (early March 2019)"@en ;
                    akg:investor org:acme ;
                    akg:investee org:ngo ;
                    akg:amount "50000000.0"^^xsd:decimal ;
                    akg:amountMax "100000000.0"^^xsd:decimal ;
                    akg:currency "USD" ;
                    akg:date "2019-03"^^xsd:gYearMonth ;
                    akg:datePrecision akg:precision-month ;
                    akg:dateQualifier akg:qualifier-early ;
                    akg:investmentKind akg:investment-kind-funding ;
                    akg:status akg:status-completed ;
                    akg:note "Range given by the article." ;
                    akg:reportedIn article:000_aaaa ;
                    prov:wasDerivedFrom <http://example.org/id/evidence/acme-funds-ngo/000_aaaa> .
                <http://example.org/id/evidence/acme-funds-ngo/000_aaaa> a akg:Evidence ;
                    akg:statedIn article:000_aaaa ;
                    akg:quote "Acme a investi entre 50 et 100 millions de dollars"@fr .
                org:acme akg:investedIn org:ngo .
                """), g);
    }

    @Test
    void investmentWithoutAmountHasNoAmountNorCurrencyAndSaysSoInItsLabel() {
        Graph g = added(DataFixture.minimal().fact("investments.csv",
                "bob-pledges,,bob,acme,,,,,,pledge,pledged,", "Bob a promis de financer Acme"));
        assertIsomorphic(turtle("""
                investment:bob-pledges a akg:Investment ;
                    rdfs:label "Bob → Acme: amount not stated (pledge, pledged)"@en ;
                    akg:investor person:bob ;
                    akg:investee org:acme ;
                    akg:investmentKind akg:investment-kind-pledge ;
                    akg:status akg:status-pledged ;
                    akg:reportedIn article:000_aaaa ;
                    prov:wasDerivedFrom <http://example.org/id/evidence/bob-pledges/000_aaaa> .
                <http://example.org/id/evidence/bob-pledges/000_aaaa> a akg:Evidence ;
                    akg:statedIn article:000_aaaa ;
                    akg:quote "Bob a promis de financer Acme"@fr .
                person:bob akg:investedIn org:acme .
                """), g);
    }

    @Test
    void roleWithStartAndEndOfDifferentPrecisionsWritesEachDateWithItsOwnDatatypeAndPrecision() {
        Graph g = added(DataFixture.minimal().fact("roles.csv",
                "alice-ceo-acme,,alice,acme,chief_scientist,2018-03,early,2019-03-11,,former,",
                "Alice, ancienne scientifique en chef d'Acme"));
        assertIsomorphic(turtle("""
                role:alice-ceo-acme a akg:Role ;
                    rdfs:label "Alice: chief scientist of Acme (from early March 2018) (until 11 March 2019) (former)"@en ;
                    akg:person person:alice ;
                    akg:organization org:acme ;
                    akg:title akg:title-chief-scientist ;
                    akg:startDate "2018-03"^^xsd:gYearMonth ;
                    akg:startPrecision akg:precision-month ;
                    akg:startQualifier akg:qualifier-early ;
                    akg:endDate "2019-03-11"^^xsd:date ;
                    akg:endPrecision akg:precision-day ;
                    akg:roleStatus akg:role-status-former ;
                    akg:reportedIn article:000_aaaa ;
                    prov:wasDerivedFrom <http://example.org/id/evidence/alice-ceo-acme/000_aaaa> .
                <http://example.org/id/evidence/alice-ceo-acme/000_aaaa> a akg:Evidence ;
                    akg:statedIn article:000_aaaa ;
                    akg:quote "Alice, ancienne scientifique en chef d'Acme"@fr .
                person:alice akg:affiliatedWith org:acme .
                """), g);
    }

    @Test
    void articlesGiveTitleInTheirLanguageSiteCitesDateWithPrecisionBasisAndNote() {
        Graph g = DataFixture.minimal().with("articles.csv", DataFixture.ARTICLES,
                "000_aaaa,\"Le titre, avec une virgule\",Le Monde,acme|ngo,2024-12-30,stated,fr,",
                "001_bbbb,Second,,,2023-03,inferred,fr,Inferred from what it reports.",
                "002_cccc,Undated,,,,,en,",
                "003_dddd,Year only,,,2019,stated,en,").load(tmp);
        assertIsomorphic(turtle("""
                article:000_aaaa a akg:Article ;
                    dcterms:title "Le titre, avec une virgule"@fr ;
                    akg:site "Le Monde" ;
                    akg:cites org:acme, org:ngo ;
                    akg:date "2024-12-30"^^xsd:date ;
                    akg:datePrecision akg:precision-day ;
                    akg:dateBasis akg:date-basis-stated ;
                    dcterms:language "fr" .
                article:001_bbbb a akg:Article ;
                    dcterms:title "Second"@fr ;
                    akg:date "2023-03"^^xsd:gYearMonth ;
                    akg:datePrecision akg:precision-month ;
                    akg:dateBasis akg:date-basis-inferred ;
                    dcterms:language "fr" ;
                    rdfs:comment "Inferred from what it reports." .
                article:002_cccc a akg:Article ;
                    dcterms:title "Undated"@en ;
                    dcterms:language "en" .
                article:003_dddd a akg:Article ;
                    dcterms:title "Year only"@en ;
                    akg:date "2019"^^xsd:gYear ;
                    akg:datePrecision akg:precision-year ;
                    akg:dateBasis akg:date-basis-stated ;
                    dcterms:language "en" .
                """), about(g, "article"));
    }

    @Test
    void organizationTypeSelectsTheClassAndLabelsAliasesParentAndDescriptionsAreWritten() {
        Graph g = DataFixture.minimal().with("organizations.csv", DataFixture.ORGANIZATIONS,
                "acme,company,Acme,Acmé,Acme Corp|ACME,,Maker of everything.,Fabricant de tout.",
                "ngo,nonprofit,NGO,ONG,,,,",
                "lab,research_lab,Lab,Labo,,acme,,",
                "inc,incubator,Inc,Inc,,,,",
                "news,media,News,Nouvelles,,,,",
                "misc,other,Misc,Divers,,,,").load(tmp);
        assertIsomorphic(turtle("""
                org:acme a akg:Company ;
                    rdfs:label "Acme"@en, "Acmé"@fr ;
                    skos:altLabel "Acme Corp", "ACME" ;
                    dcterms:description "Maker of everything."@en, "Fabricant de tout."@fr .
                org:ngo a akg:Nonprofit ; rdfs:label "NGO"@en, "ONG"@fr .
                org:lab a akg:ResearchLab ; rdfs:label "Lab"@en, "Labo"@fr ; akg:parentOrganization org:acme .
                org:inc a akg:Incubator ; rdfs:label "Inc"@en, "Inc"@fr .
                org:news a akg:MediaOrganization ; rdfs:label "News"@en, "Nouvelles"@fr .
                org:misc a akg:Organization ; rdfs:label "Misc"@en, "Divers"@fr .
                """), about(g, "organization"));
    }

    @Test
    void personsGiveClassLabelsAliasesAndDescriptions() {
        Graph g = DataFixture.minimal().with("persons.csv", DataFixture.PERSONS,
                "alice,Alice Smith,Alice Smith,Smith|A. Smith,Engineer.,Ingénieure.",
                "bob,Bob,Bob,,,").load(tmp);
        assertIsomorphic(turtle("""
                person:alice a akg:Person ;
                    rdfs:label "Alice Smith"@en, "Alice Smith"@fr ;
                    skos:altLabel "Smith", "A. Smith" ;
                    dcterms:description "Engineer."@en, "Ingénieure."@fr .
                person:bob a akg:Person ; rdfs:label "Bob"@en, "Bob"@fr .
                """), about(g, "person"));
    }

    @Test
    void productTypeSelectsTheClassAndMakerIsWritten() {
        Graph g = DataFixture.minimal().with("products.csv", DataFixture.PRODUCTS,
                "widget,application,Widget,Widget,,acme,,",
                "model,ai_model,Model,Modèle,M1,acme,A model.,",
                "svc,service,Service,Service,,,,",
                "car,vehicle,Car,Voiture,,,,",
                "thing,other,Thing,Chose,,,,").load(tmp);
        assertIsomorphic(turtle("""
                product:widget a akg:Application ; rdfs:label "Widget"@en, "Widget"@fr ; akg:maker org:acme .
                product:model a akg:AIModel ; rdfs:label "Model"@en, "Modèle"@fr ; skos:altLabel "M1" ;
                    akg:maker org:acme ; dcterms:description "A model."@en .
                product:svc a akg:Service ; rdfs:label "Service"@en, "Service"@fr .
                product:car a akg:Vehicle ; rdfs:label "Car"@en, "Voiture"@fr .
                product:thing a akg:Product ; rdfs:label "Thing"@en, "Chose"@fr .
                """), about(g, "product"));
    }

    @Test
    void foundingWritesEachFounderAndBothShortcutsPerFounder() {
        Graph g = added(DataFixture.minimal().fact("foundings.csv",
                "acme-founded,,acme,alice|bob,2015,,nonprofit,", "Alice et Bob ont fondé Acme en 2015"));
        assertIsomorphic(turtle("""
                founding:acme-founded a akg:Founding ;
                    rdfs:label "Founding of Acme by Alice, Bob (2015), non-profit"@en ;
                    akg:organization org:acme ;
                    akg:founder person:alice, person:bob ;
                    akg:date "2015"^^xsd:gYear ;
                    akg:datePrecision akg:precision-year ;
                    akg:legalForm akg:legal-form-nonprofit ;
                    akg:reportedIn article:000_aaaa ;
                    prov:wasDerivedFrom <http://example.org/id/evidence/acme-founded/000_aaaa> .
                <http://example.org/id/evidence/acme-founded/000_aaaa> a akg:Evidence ;
                    akg:statedIn article:000_aaaa ;
                    akg:quote "Alice et Bob ont fondé Acme en 2015"@fr .
                person:alice akg:founded org:acme .
                person:bob akg:founded org:acme .
                org:acme akg:foundedBy person:alice, person:bob .
                """), g);
    }

    @Test
    void lawsuitWritesPlaintiffsDefendantsAllegationsAndOneSuedShortcutPerPair() {
        Graph g = added(DataFixture.minimal().fact("lawsuits.csv",
                "alice-sues,,alice,acme|ngo,2024-11,,Broke its promises.,filed,",
                "Alice a intenté un procès contre Acme et NGO"));
        assertIsomorphic(turtle("""
                lawsuit:alice-sues a akg:Lawsuit ;
                    rdfs:label "Alice v. Acme, NGO (November 2024)"@en ;
                    akg:plaintiff person:alice ;
                    akg:defendant org:acme, org:ngo ;
                    akg:date "2024-11"^^xsd:gYearMonth ;
                    akg:datePrecision akg:precision-month ;
                    akg:allegation "Broke its promises." ;
                    akg:status akg:status-filed ;
                    akg:reportedIn article:000_aaaa ;
                    prov:wasDerivedFrom <http://example.org/id/evidence/alice-sues/000_aaaa> .
                <http://example.org/id/evidence/alice-sues/000_aaaa> a akg:Evidence ;
                    akg:statedIn article:000_aaaa ;
                    akg:quote "Alice a intenté un procès contre Acme et NGO"@fr .
                person:alice akg:sued org:acme, org:ngo .
                """), g);
    }

    @Test
    void proposalWritesPartiesAndProposedToOnlyWhenThereIsATarget() {
        Graph g = added(DataFixture.minimal()
                .fact("proposals.csv", "acme-buys-ngo,,acquisition,acme,ngo,bob|widget,2020,late,rejected,Cash offer.,",
                        "Acme a proposé de racheter NGO")
                .fact("proposals.csv", "bob-merger,,merger,bob,,,,,proposed,,", "Bob propose une fusion"));
        assertIsomorphic(turtle("""
                proposal:acme-buys-ngo a akg:Proposal ;
                    rdfs:label "Acquisition proposed by Acme, aimed at NGO (rejected) (late 2020)"@en ;
                    akg:proposalKind akg:proposal-kind-acquisition ;
                    akg:proposer org:acme ;
                    akg:target org:ngo ;
                    akg:party person:bob, product:widget ;
                    akg:date "2020"^^xsd:gYear ;
                    akg:datePrecision akg:precision-year ;
                    akg:dateQualifier akg:qualifier-late ;
                    akg:status akg:status-rejected ;
                    akg:terms "Cash offer." ;
                    akg:reportedIn article:000_aaaa ;
                    prov:wasDerivedFrom <http://example.org/id/evidence/acme-buys-ngo/000_aaaa> .
                <http://example.org/id/evidence/acme-buys-ngo/000_aaaa> a akg:Evidence ;
                    akg:statedIn article:000_aaaa ;
                    akg:quote "Acme a proposé de racheter NGO"@fr .
                org:acme akg:proposedTo org:ngo .
                proposal:bob-merger a akg:Proposal ;
                    rdfs:label "Merger proposed by Bob (proposed)"@en ;
                    akg:proposalKind akg:proposal-kind-merger ;
                    akg:proposer person:bob ;
                    akg:status akg:status-proposed ;
                    akg:reportedIn article:000_aaaa ;
                    prov:wasDerivedFrom <http://example.org/id/evidence/bob-merger/000_aaaa> .
                <http://example.org/id/evidence/bob-merger/000_aaaa> a akg:Evidence ;
                    akg:statedIn article:000_aaaa ;
                    akg:quote "Bob propose une fusion"@fr .
                """), g);
    }

    @Test
    void departureWritesTitleDateReasonAndLeftShortcut() {
        Graph g = added(DataFixture.minimal().fact("departures.csv",
                "bob-leaves-acme,,bob,acme,board_member,2018,,Conflict of interest.,",
                "Bob a quitté le conseil d'administration d'Acme"));
        assertIsomorphic(turtle("""
                departure:bob-leaves-acme a akg:Departure ;
                    rdfs:label "Bob leaves Acme (board member) (2018)"@en ;
                    akg:person person:bob ;
                    akg:organization org:acme ;
                    akg:title akg:title-board-member ;
                    akg:date "2018"^^xsd:gYear ;
                    akg:datePrecision akg:precision-year ;
                    akg:reason "Conflict of interest." ;
                    akg:reportedIn article:000_aaaa ;
                    prov:wasDerivedFrom <http://example.org/id/evidence/bob-leaves-acme/000_aaaa> .
                <http://example.org/id/evidence/bob-leaves-acme/000_aaaa> a akg:Evidence ;
                    akg:statedIn article:000_aaaa ;
                    akg:quote "Bob a quitté le conseil d'administration d'Acme"@fr .
                person:bob akg:left org:acme .
                """), g);
    }

    @Test
    void observationWritesValueAsDecimalBoundMeasureAndPeopleUnit() {
        Graph g = added(DataFixture.minimal().fact("observations.csv",
                "widget-users,,widget,daily_active_users,250000000,at_least,people,2024-12,,",
                "Widget est utilisé chaque jour par plus de 250 millions de personnes"));
        assertIsomorphic(turtle("""
                observation:widget-users a akg:Observation ;
                    rdfs:label "Widget daily active users: at least 250 million (December 2024)"@en ;
                    akg:subject product:widget ;
                    akg:measure akg:measure-daily-active-users ;
                    akg:value "250000000.0"^^xsd:decimal ;
                    akg:bound akg:bound-at-least ;
                    akg:unit "people" ;
                    akg:date "2024-12"^^xsd:gYearMonth ;
                    akg:datePrecision akg:precision-month ;
                    akg:reportedIn article:000_aaaa ;
                    prov:wasDerivedFrom <http://example.org/id/evidence/widget-users/000_aaaa> .
                <http://example.org/id/evidence/widget-users/000_aaaa> a akg:Evidence ;
                    akg:statedIn article:000_aaaa ;
                    akg:quote "Widget est utilisé chaque jour par plus de 250 millions de personnes"@fr .
                """), g);
    }

    @Test
    void releaseWritesProductKindAndReleasedShortcutFromOrganizationToProduct() {
        Graph g = added(DataFixture.minimal().fact("releases.csv",
                "widget-launch,,widget,acme,private_launch,2020,,", "Acme a lancé Widget en privé en 2020"));
        assertIsomorphic(turtle("""
                release:widget-launch a akg:Release ;
                    rdfs:label "Widget: private launch by Acme (2020)"@en ;
                    akg:product product:widget ;
                    akg:organization org:acme ;
                    akg:releaseKind akg:release-kind-private-launch ;
                    akg:date "2020"^^xsd:gYear ;
                    akg:datePrecision akg:precision-year ;
                    akg:reportedIn article:000_aaaa ;
                    prov:wasDerivedFrom <http://example.org/id/evidence/widget-launch/000_aaaa> .
                <http://example.org/id/evidence/widget-launch/000_aaaa> a akg:Evidence ;
                    akg:statedIn article:000_aaaa ;
                    akg:quote "Acme a lancé Widget en privé en 2020"@fr .
                org:acme akg:released product:widget .
                """), g);
    }

    @Test
    void evidenceFromTwoArticlesGivesTwoEvidenceNodesWithQuotesInEachArticlesLanguage() {
        Graph g = added(DataFixture.minimal()
                .append("articles.csv", "001_bbbb,An English article,,,2023,stated,en,")
                .fact("releases.csv", "widget-launch,,widget,acme,launch,,,", "Acme lance Widget")
                .append("evidence.csv", "widget-launch,001_bbbb,\"Acme launches Widget, \"\"at last\"\"\""));
        assertIsomorphic(turtle("""
                article:001_bbbb a akg:Article ;
                    dcterms:title "An English article"@en ;
                    akg:date "2023"^^xsd:gYear ;
                    akg:datePrecision akg:precision-year ;
                    akg:dateBasis akg:date-basis-stated ;
                    dcterms:language "en" .
                release:widget-launch a akg:Release ;
                    rdfs:label "Widget: launch by Acme"@en ;
                    akg:product product:widget ;
                    akg:organization org:acme ;
                    akg:releaseKind akg:release-kind-launch ;
                    akg:reportedIn article:000_aaaa, article:001_bbbb ;
                    prov:wasDerivedFrom <http://example.org/id/evidence/widget-launch/000_aaaa>,
                                        <http://example.org/id/evidence/widget-launch/001_bbbb> .
                <http://example.org/id/evidence/widget-launch/000_aaaa> a akg:Evidence ;
                    akg:statedIn article:000_aaaa ;
                    akg:quote "Acme lance Widget"@fr .
                <http://example.org/id/evidence/widget-launch/001_bbbb> a akg:Evidence ;
                    akg:statedIn article:001_bbbb ;
                    akg:quote "Acme launches Widget, \\"at last\\""@en .
                org:acme akg:released product:widget .
                """), g);
    }

    @Test
    void evidenceForAnEntityGivesWasDerivedFromButNoReportedIn() {
        Graph g = added(DataFixture.minimal().append("evidence.csv", "acme," + ARTICLE + ",la société Acme"));
        assertIsomorphic(turtle("""
                org:acme prov:wasDerivedFrom <http://example.org/id/evidence/acme/000_aaaa> .
                <http://example.org/id/evidence/acme/000_aaaa> a akg:Evidence ;
                    akg:statedIn article:000_aaaa ;
                    akg:quote "la société Acme"@fr .
                """), g);
    }

    @Test
    void baseIriIsUsedForEveryMintedIri() {
        Graph g = GraphFactory.createDefaultGraph();
        DataFixture f = DataFixture.minimal();
        GraphLoader.create().dataDir(f.writeTo(tmp)).base("https://kg.example.net/x/").build()
                .load(org.apache.jena.riot.system.StreamRDFLib.graph(g));
        assertTrue(g.contains(org.apache.jena.graph.NodeFactory.createURI("https://kg.example.net/x/id/person/alice"),
                org.apache.jena.graph.Node.ANY, org.apache.jena.graph.Node.ANY));
        g.find().forEachRemaining(t -> assertTrue(!t.getSubject().getURI().startsWith(DataFixture.BASE), t::toString));
    }

    @Test
    void baseIriWithoutTrailingSlashIsRefused() {
        org.junit.jupiter.api.Assertions.assertThrows(org.articlekg.KgException.class,
                () -> GraphLoader.create().base("http://example.org/kg").build());
    }

    @Test
    void checkWritesNothingButLoadStreamsTheSameRowsCounts() {
        DataFixture f = DataFixture.minimal();
        LoadResult checked = f.loader(tmp).check();
        assertEquals(0, checked.triples());
        Graph g = GraphFactory.createDefaultGraph();
        LoadResult loaded = f.loadResult(tmp, g);
        assertEquals(checked.rows(), loaded.rows());
        assertTrue(loaded.triples() > 0);
    }
}
