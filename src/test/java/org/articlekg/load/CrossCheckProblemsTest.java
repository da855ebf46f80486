package org.articlekg.load;

import static org.articlekg.DataFixture.ARTICLE;
import static org.articlekg.load.ProblemAssertions.assertProblem;
import static org.articlekg.load.ProblemAssertions.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.articlekg.DataFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Problems that involve more than one cell: ids across files, references, evidence and quotes
 * (against a tiny corpus written here), and the rules between the cells of one row.
 */
class CrossCheckProblemsTest {
    @TempDir Path tmp;

    private static DataFixture investment(String row) {
        return DataFixture.minimal().fact("investments.csv", row, "Acme a investi dans NGO");
    }

    /** A corpus folder holding the article {@value DataFixture#ARTICLE} with this text. */
    private Path corpus(String text) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("corpus"));
        Files.writeString(dir.resolve(ARTICLE + ".txt"), text);
        return dir;
    }

    // Ids and references

    @Test
    void idUsedInTwoFilesIsReportedAtTheSecondWithTheFirstsLocation() {
        List<Problem> problems = DataFixture.minimal().append("organizations.csv", "alice,company,Alice Inc,Alice SA,,,,")
                .problems(tmp.resolve("data"));
        Problem p = only(problems);
        // entity files are read by kind name: organizations.csv before persons.csv
        assertProblem(p, "persons.csv", 2, 1, "id", "alice", "duplicate id");
        assertTrue(p.message().contains("organizations.csv:4"), p::toString);
    }

    @Test
    void idUsedTwiceInOneFileIsReported() {
        Problem p = only(DataFixture.minimal().append("persons.csv", "alice,Alice Bis,Alice Bis,,,").problems(tmp));
        assertProblem(p, "persons.csv", 4, 1, "id", "alice", "duplicate id");
        assertTrue(p.message().contains("persons.csv:2"), p::toString);
    }

    @Test
    void factIdEqualToAnEntityIdIsADuplicate() {
        Problem p = only(investment("acme,,acme,ngo,100,,USD,2019,,funding,completed,").problems(tmp));
        assertProblem(p, "investments.csv", 2, 1, "id", "acme", "duplicate id");
    }

    @Test
    void referenceToAnUnknownIdIsReportedAtItsCell() {
        Problem p = only(investment("acme-funds-ngo,,nobody,ngo,100,,USD,2019,,funding,completed,").problems(tmp));
        assertProblem(p, "investments.csv", 2, 3, "investor", "nobody", "unknown id");
        assertTrue(p.message().contains("persons.csv") && p.message().contains("organizations.csv"), p::toString);
    }

    @Test
    void eachUnknownIdOfAListIsReported() {
        List<Problem> problems = DataFixture.minimal().fact("lawsuits.csv",
                "alice-sues,,alice,acme|ghost|phantom,,,,filed,", "Alice poursuit Acme").problems(tmp);
        assertEquals(2, problems.size(), () -> ProblemAssertions.lines(problems));
        assertProblem(problems.get(0), "lawsuits.csv", 2, 4, "defendants", "ghost", "unknown id");
        assertProblem(problems.get(1), "lawsuits.csv", 2, 4, "defendants", "phantom", "unknown id");
    }

    @Test
    void referenceToAnEntityOfTheWrongKindNamesBothKinds() {
        Problem p = only(investment("acme-funds-ngo,,acme,alice,100,,USD,2019,,funding,completed,").problems(tmp));
        assertProblem(p, "investments.csv", 2, 4, "investee", "alice", "is a person (persons.csv)");
        assertTrue(p.message().contains("takes ids from organizations.csv"), p::toString);
    }

    @Test
    void productMakerMustBeAnOrganization() {
        Problem p = only(DataFixture.minimal().with("products.csv", DataFixture.PRODUCTS,
                "widget,application,Widget,Widget,,bob,,").problems(tmp));
        assertProblem(p, "products.csv", 2, 6, "maker", "bob", "is a person");
    }

    @Test
    void referenceToAFactWhereAnEntityIsExpectedIsTheWrongKind() {
        Problem p = only(DataFixture.minimal()
                .fact("releases.csv", "widget-launch,,widget,acme,launch,,,", "Acme lance Widget")
                .fact("observations.csv", "launch-users,,widget-launch,users,7,exact,people,,,", "7 personnes")
                .problems(tmp));
        assertProblem(p, "observations.csv", 2, 3, "subject", "widget-launch", "is a release (releases.csv)");
    }

    // Evidence

    @Test
    void evidenceCitingAnUnknownArticleIsReported() {
        Problem p = only(DataFixture.minimal()
                .append("releases.csv", "widget-launch,,widget,acme,launch,,,")
                .append("evidence.csv", "widget-launch,999_zzzz,Acme lance Widget").problems(tmp));
        assertProblem(p, "evidence.csv", 2, 2, "article", "999_zzzz", "unknown id");
    }

    @Test
    void evidenceForAnUnknownFactIsReported() {
        Problem p = only(DataFixture.minimal().append("evidence.csv", "no-such-fact," + ARTICLE + ",quelque chose").problems(tmp));
        assertProblem(p, "evidence.csv", 2, 1, "fact", "no-such-fact", "unknown id");
    }

    @Test
    void evidenceCannotNameAnArticleAsItsFact() {
        Problem p = only(DataFixture.minimal().append("evidence.csv", ARTICLE + "," + ARTICLE + ",quelque chose").problems(tmp));
        assertProblem(p, "evidence.csv", 2, 1, "fact", ARTICLE, "not an id");
    }

    @Test
    void factWithoutEvidenceIsReportedAtItsId() {
        Problem p = only(DataFixture.minimal().append("releases.csv", "widget-launch,,widget,acme,launch,,,").problems(tmp));
        assertProblem(p, "releases.csv", 2, 1, "id", "widget-launch", "fact has no evidence");
    }

    @Test
    void entityWithoutEvidenceIsFine() {
        DataFixture.minimal().loader(tmp).check();
    }

    @Test
    void secondEvidenceRowForTheSameFactAndArticleIsReported() {
        Problem p = only(DataFixture.minimal()
                .fact("releases.csv", "widget-launch,,widget,acme,launch,,,", "Acme lance Widget")
                .append("evidence.csv", "widget-launch," + ARTICLE + ",Widget est lancé").problems(tmp));
        assertProblem(p, "evidence.csv", 3, 2, "article", ARTICLE, "second evidence row");
        assertTrue(p.message().contains("line 2"), p::toString);
    }

    @Test
    void quoteOf160CharactersIsAcceptedAndOf161Rejected() {
        String q160 = "a".repeat(160);
        DataFixture.minimal().fact("releases.csv", "widget-launch,,widget,acme,launch,,,", q160).loader(tmp.resolve("ok")).check();
        String q161 = "b".repeat(161);
        Problem p = only(DataFixture.minimal().fact("releases.csv", "widget-launch,,widget,acme,launch,,,", q161)
                .problems(tmp.resolve("bad")));
        assertProblem(p, "evidence.csv", 2, 3, "quote", q161, "161 characters");
    }

    @Test
    void quoteThatIsNotInTheArticleIsReported() throws IOException {
        Path corpus = corpus("Acme a lancé Widget en 2020, disait-on.");
        Problem p = only(DataFixture.minimal().corpus(corpus)
                .fact("releases.csv", "widget-launch,,widget,acme,launch,,,", "Acme a lancé Gadget").problems(tmp.resolve("data")));
        assertProblem(p, "evidence.csv", 2, 3, "quote", "Acme a lancé Gadget", "does not occur in article " + ARTICLE);
    }

    @Test
    void quoteMatchesTheArticleWithWhiteSpaceRunsAndTypographicApostrophesFolded() throws IOException {
        Path corpus = corpus("Titre\n\nMicrosoft a toqué à sa porte avec un investissement\n   d’un milliard de dollars.\n");
        DataFixture.minimal().corpus(corpus)
                .fact("releases.csv", "widget-launch,,widget,acme,launch,,,",
                        "avec un investissement d'un milliard")
                .fact("releases.csv", "widget-launch-2,,widget,acme,launch,,,",
                        "a toqué à sa porte avec un investissement d’un")
                .loader(tmp.resolve("data")).check();
    }

    @Test
    void quoteIsComparedCaseSensitively() throws IOException {
        Path corpus = corpus("Microsoft a toqué à sa porte.");
        Problem p = only(DataFixture.minimal().corpus(corpus)
                .fact("releases.csv", "widget-launch,,widget,acme,launch,,,", "microsoft a toqué").problems(tmp.resolve("data")));
        assertProblem(p, "evidence.csv", 2, 3, "quote", "microsoft a toqué", "does not occur");
    }

    @Test
    void quotesAreNotCheckedWithoutACorpus() {
        DataFixture.minimal().fact("releases.csv", "widget-launch,,widget,acme,launch,,,", "words no article holds")
                .loader(tmp).check();
    }

    @Test
    void articleWithoutAFileInTheCorpusIsReported() throws IOException {
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        Files.writeString(corpus.resolve("other.txt"), "x");
        Problem p = only(DataFixture.minimal().corpus(corpus).problems(tmp.resolve("data")));
        assertProblem(p, "articles.csv", 2, 1, "id", ARTICLE, "no file");
        assertTrue(p.message().contains(ARTICLE + ".txt"), p::toString);
    }

    // Rules between the cells of a row

    @Test
    void currencyIsRequiredWhenAnAmountIsGiven() {
        Problem p = only(investment("acme-funds-ngo,,acme,ngo,100,,,2019,,funding,completed,").problems(tmp));
        assertProblem(p, "investments.csv", 2, 7, "currency", "", "currency is required when amount is given");
    }

    @Test
    void currencyWithoutAnAmountIsReported() {
        Problem p = only(investment("acme-funds-ngo,,acme,ngo,,,USD,2019,,funding,completed,").problems(tmp));
        assertProblem(p, "investments.csv", 2, 7, "currency", "USD", "currency is given but amount is empty");
    }

    @Test
    void amountMaxBelowAmountIsReported() {
        Problem p = only(investment("acme-funds-ngo,,acme,ngo,100,50,USD,2019,,funding,completed,").problems(tmp));
        assertProblem(p, "investments.csv", 2, 6, "amount_max", "50", "amount_max is less than amount 100");
    }

    @Test
    void amountMaxEqualToAmountIsAccepted() {
        investment("acme-funds-ngo,,acme,ngo,100,100.0,USD,2019,,funding,completed,").loader(tmp).check();
    }

    @Test
    void amountMaxWithoutAmountIsReported() {
        Problem p = ProblemAssertions.find(investment("acme-funds-ngo,,acme,ngo,,100,,2019,,funding,completed,")
                .problems(tmp), "amount_max is given but amount is empty");
        assertProblem(p, "investments.csv", 2, 6, "amount_max", "100", "amount_max is given but amount is empty");
    }

    @ParameterizedTest
    @CsvSource({"investments.csv,date_qualifier,9", "roles.csv,start_qualifier,7", "roles.csv,end_qualifier,9"})
    void qualifierWithoutItsDateIsReported(String file, String column, int number) {
        DataFixture f = file.equals("roles.csv")
                ? DataFixture.minimal().fact("roles.csv", column.equals("start_qualifier")
                        ? "alice-ceo,,alice,acme,ceo,,early,,,," : "alice-ceo,,alice,acme,ceo,,,,late,,", "Alice dirige Acme")
                : investment("acme-funds-ngo,,acme,ngo,100,,USD,,early,funding,completed,");
        Problem p = only(f.problems(tmp));
        assertProblem(p, file, 2, number, column, p.value(), "qualifier is given but");
        assertTrue(List.of("early", "late").contains(p.value()), p::toString);
    }

    @Test
    void roleEndingBeforeItStartsIsReportedButEndAtACoarserPrecisionIsNot() {
        Problem p = only(DataFixture.minimal().fact("roles.csv", "alice-ceo,,alice,acme,ceo,2019,,2018-12,,former,",
                "Alice dirige Acme").problems(tmp.resolve("bad")));
        assertProblem(p, "roles.csv", 2, 8, "end", "2018-12", "end is before start 2019");
        DataFixture.minimal().fact("roles.csv", "alice-ceo,,alice,acme,ceo,2019-05,,2019,,former,", "Alice dirige Acme")
                .loader(tmp.resolve("ok")).check();
    }

    @Test
    void lawsuitPartyCannotBeBothPlaintiffAndDefendant() {
        Problem p = only(DataFixture.minimal().fact("lawsuits.csv", "alice-sues,,alice|acme,acme|ngo,,,,filed,",
                "Alice poursuit Acme").problems(tmp));
        assertProblem(p, "lawsuits.csv", 2, 4, "defendants", "acme", "is in both plaintiffs and defendants");
    }

    @Test
    void articleDateNeedsADateBasisAndABasisNeedsADate() {
        List<Problem> problems = DataFixture.minimal().with("articles.csv", DataFixture.ARTICLES,
                ARTICLE + ",Titre,,,2024-12-30,,fr,", "001_bbbb,Titre,,,,inferred,fr,").problems(tmp);
        assertEquals(2, problems.size(), () -> ProblemAssertions.lines(problems));
        assertProblem(problems.get(0), "articles.csv", 2, 6, "date_basis", "", "required when date is given");
        assertProblem(problems.get(1), "articles.csv", 3, 6, "date_basis", "inferred", "date_basis is given but date is empty");
    }

    @Test
    void oneEventCannotHaveClaimsInTwoFiles() {
        Problem p = only(DataFixture.minimal()
                .fact("releases.csv", "widget-launch,shared-event,widget,acme,launch,,,", "Acme lance Widget")
                .fact("investments.csv", "acme-funds-ngo,shared-event,acme,ngo,,,,,,funding,completed,", "Acme finance NGO")
                .problems(tmp));
        assertProblem(p, "releases.csv", 2, 2, "event", "shared-event", "claims about one event belong in one file");
        assertTrue(p.message().contains("investments.csv:2"), p::toString);
    }
    @Test
    void claimsOfOneEventMustNameTheSameMainParticipants() {
        Problem p = only(investment("claim-a,ev,acme,ngo,100,,USD,2019,,funding,completed,")
                .fact("investments.csv", "claim-b,ev,bob,ngo,100,,USD,2019,,funding,completed,", "Bob a investi")
                .problems(tmp.resolve("data")));
        assertProblem(p, "investments.csv", 3, 3, "investor", "bob", "claims of event 'ev' must have the same investor");
        assertTrue(p.message().contains("investments.csv:2 has 'acme'"), p::toString);
    }

    @Test
    void claimsOfOneEventMustBeOfOneKind() {
        Problem p = only(investment("claim-a,ev,acme,ngo,100,,USD,2019,,funding,completed,")
                .fact("departures.csv", "claim-b,ev,bob,acme,,2019,,,", "Bob quitte Acme")
                .problems(tmp.resolve("data")));
        assertTrue(p.message().contains("event is also used by a") && p.message().contains("claims about one event belong in one file"),
                p::toString);
    }

}
