package org.articlekg.load;

import static org.articlekg.DataFixture.ARTICLE;
import static org.articlekg.load.ProblemAssertions.assertProblem;
import static org.articlekg.load.ProblemAssertions.find;
import static org.articlekg.load.ProblemAssertions.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.RDFS;
import org.articlekg.DataFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Problems found while reading one file: its encoding, its CSV structure, its header and each
 * cell by the type of its column. Each is reported with its file, line, column and value.
 */
class CsvReadingProblemsTest {
    @TempDir Path tmp;

    private static final Node ALICE = NodeFactory.createURI(DataFixture.BASE + "id/person/alice");
    private static final Node BOB = NodeFactory.createURI(DataFixture.BASE + "id/person/bob");

    /** The minimal folder with one investment row (and its evidence). */
    private static DataFixture investment(String row) {
        return DataFixture.minimal().fact("investments.csv", row, "Acme a investi dans NGO");
    }

    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof String s) out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
            else if (part instanceof int[] bs) for (int b : bs) out.write(b);
        }
        return out.toByteArray();
    }

    // Header

    @Test
    void unknownColumnInHeaderIsReportedAtItsFieldWithItsName() {
        List<Problem> problems = DataFixture.minimal().with("investments.csv",
                "id,event,investor,investee,amout,amount_max,currency,date,date_qualifier,kind,status,note").problems(tmp);
        assertProblem(only(problems), "investments.csv", 1, 5, null, "amout", "unknown column");
        assertTrue(problems.get(0).message().contains("amount"), "the message lists the known columns");
    }

    @Test
    void columnNamedTwiceIsReportedAtTheSecondOccurrence() {
        List<Problem> problems = DataFixture.minimal().with("persons.csv",
                "id,label_en,label_fr,aliases,label_en,description_en,description_fr").problems(tmp);
        assertProblem(only(problems), "persons.csv", 1, 5, null, "label_en", "column named twice");
        assertTrue(problems.get(0).message().contains("column 2"), problems.get(0)::toString);
    }

    @Test
    void missingRequiredColumnIsReportedOnTheHeaderLineWithTheColumnsName() {
        List<Problem> problems = DataFixture.minimal().with("releases.csv",
                "id,event,product,organization,date,date_qualifier,note").problems(tmp);
        assertProblem(only(problems), "releases.csv", 1, 0, null, "kind", "required column is missing");
    }

    @Test
    void optionalColumnsMayBeLeftOutAndColumnsMayComeInAnyOrder() {
        Graph g = DataFixture.minimal().with("persons.csv", "label_fr,id,label_en", "Alice,alice,Alice").load(tmp);
        assertTrue(g.contains(ALICE, RDFS.label.asNode(), NodeFactory.createLiteralLang("Alice", "en")));
    }

    @Test
    void missingFileIsReportedForTheFileAsAWhole() {
        Problem p = only(DataFixture.minimal().without("releases.csv").problems(tmp));
        assertProblem(p, "releases.csv", 0, 0, null, null, "file not found");
    }

    @Test
    void emptyFileIsReported() {
        Problem p = only(DataFixture.minimal().withText("releases.csv", "").problems(tmp));
        assertProblem(p, "releases.csv", 0, 0, null, null, "file is empty");
    }

    // Encoding and CSV structure

    @Test
    void utf8ByteOrderMarkIsAcceptedAndNotPartOfTheFirstColumnName() {
        Graph g = DataFixture.minimal().withBytes("persons.csv",
                bytes(new int[] {0xEF, 0xBB, 0xBF}, DataFixture.PERSONS + "\nalice,Alice,Élise,,,\n")).load(tmp);
        assertTrue(g.contains(ALICE, RDFS.label.asNode(), NodeFactory.createLiteralLang("Élise", "fr")));
    }

    @Test
    void invalidUtf8IsRejectedWithItsLineAndCharacterColumn() {
        Problem p = only(DataFixture.minimal().withBytes("persons.csv",
                bytes(DataFixture.PERSONS + "\nalice,Alice,Alice,,,\nbob,B", new int[] {0xE9}, "b,Bob,,,\n")).problems(tmp));
        assertProblem(p, "persons.csv", 3, 6, null, null, "invalid UTF-8");
        assertTrue(p.message().contains("0xE9"), p::toString);
    }

    @Test
    void invalidUtf8InAFileWithAByteOrderMarkIsRejectedWithItsLine() {
        Problem p = only(DataFixture.minimal().withBytes("persons.csv",
                bytes(new int[] {0xEF, 0xBB, 0xBF}, DataFixture.PERSONS + "\nalice,Alice,Alice,,,\nbob,B",
                        new int[] {0xFF}, "b,Bob,,,\n")).problems(tmp));
        assertProblem(p, "persons.csv", 3, 6, null, null, "invalid UTF-8");
    }

    @Test
    void invalidUtf8OnTheFirstLineOfAFileWithAByteOrderMarkIsReportedAtItsCharacterColumn() {
        Problem p = only(DataFixture.minimal().withBytes("releases.csv",
                bytes(new int[] {0xEF, 0xBB, 0xBF}, "id,ev", new int[] {0xC3, 0x28}, "nt\n")).problems(tmp));
        assertProblem(p, "releases.csv", 1, 6, null, null, "invalid UTF-8");
    }

    @Test
    void unbalancedQuoteIsRejectedOnTheLineWhereTheQuotedFieldStarts() {
        Problem p = only(DataFixture.minimal().with("persons.csv", DataFixture.PERSONS,
                "alice,Alice,Alice,,,", "bob,\"Bob,Bob,,,", "carol,Carol,Carol,,,").problems(tmp));
        assertProblem(p, "persons.csv", 3, 0, null, null, "unbalanced double quote");
    }

    @Test
    void textAfterAClosingQuoteIsRejectedWithItsLine() {
        Problem p = only(DataFixture.minimal().with("persons.csv", DataFixture.PERSONS,
                "alice,Alice,Alice,,,", "bob,\"Bob\" Jr,Bob,,,").problems(tmp));
        assertProblem(p, "persons.csv", 3, 0, null, null, "");
    }

    @Test
    void textAfterAClosingQuoteIsExplainedAsSuch() {
        Problem p = only(DataFixture.minimal().with("persons.csv", DataFixture.PERSONS,
                "alice,Alice,Alice,,,", "bob,\"Bob\" Jr,Bob,,,").problems(tmp));
        assertProblem(p, "persons.csv", 3, 0, null, null, "text after a closing double quote");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"bob,Bob,Bob,,;5", "bob,Bob,Bob,,,,;7", "bob,Bob,Bob, Jr,,,;7"})
    void rowWithAnotherNumberOfFieldsThanTheHeaderIsRejectedWithItsLine(String row, int fields) {
        Problem p = only(DataFixture.minimal().with("persons.csv", DataFixture.PERSONS,
                "alice,Alice,Alice,,,", row).problems(tmp));
        assertProblem(p, "persons.csv", 3, 0, null, null, "row has " + fields + " fields but the header has 6");
    }

    @Test
    void crlfLineEndingsAreReadAndLinesCountedOnce() {
        Graph g = DataFixture.minimal().withText("persons.csv",
                DataFixture.PERSONS + "\r\nalice,Alice,Alice,,,\r\nbob,Bob,Bob,,,\r\n").load(tmp.resolve("ok"));
        assertTrue(g.contains(BOB, RDFS.label.asNode(), NodeFactory.createLiteralLang("Bob", "fr")),
                "no carriage return is left in the last field");
        Problem p = only(DataFixture.minimal().withText("persons.csv",
                DataFixture.PERSONS + "\r\nalice,Alice,Alice,,,\r\nBob,Bob,Bob,,,\r\n").problems(tmp.resolve("bad")));
        assertProblem(p, "persons.csv", 3, 1, "id", "Bob", "not an id");
    }

    @Test
    void blankLinesAreSkippedAndDoNotShiftLineNumbers() {
        Problem p = only(DataFixture.minimal().with("persons.csv", DataFixture.PERSONS,
                "alice,Alice,Alice,,,", "", "bob,Bob,,,,").problems(tmp));
        assertProblem(p, "persons.csv", 4, 3, "label_fr", "", "required value is missing");
    }

    @Test
    void quotedFieldsMayHoldCommasDoubledQuotesAndLineBreaks() {
        Graph g = DataFixture.minimal().with("persons.csv", DataFixture.PERSONS,
                "alice,Alice,Alice,,\"Says \"\"hi\"\", often\nand twice\",").load(tmp);
        assertTrue(g.contains(ALICE, NodeFactory.createURI("http://purl.org/dc/terms/description"),
                NodeFactory.createLiteralLang("Says \"hi\", often\nand twice", "en")));
    }

    // Cells

    @Test
    void missingRequiredCellIsReportedAtItsColumn() {
        Problem p = only(investment("acme-funds-ngo,,acme,ngo,100,,USD,2019,,,completed,").problems(tmp));
        assertProblem(p, "investments.csv", 2, 10, "kind", "", "required value is missing");
    }

    @Test
    void whitespaceOnlyRequiredCellCountsAsMissing() {
        Problem p = only(DataFixture.minimal().with("persons.csv", DataFixture.PERSONS, "alice,  ,Alice,,,").problems(tmp));
        assertProblem(p, "persons.csv", 2, 2, "label_en", "", "required value is missing");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2018-13", "18/03/2018", "2018-02-30", "2018-3", "201", "2018-03-1", "March 2018", "2018-01-01T10:00"})
    void badDateIsReportedWithItsValue(String date) {
        Problem p = only(investment("acme-funds-ngo,,acme,ngo,100,,USD," + date + ",,funding,completed,").problems(tmp));
        assertProblem(p, "investments.csv", 2, 8, "date", date, "not a date");
    }

    @ParameterizedTest
    @ValueSource(strings = {"12,5", "1 000", "1,000,000", "-5", "+5", "1e9", ".5", "5.", "10 millions"})
    void badAmountIsReportedWithItsValue(String amount) {
        Problem p = find(investment("acme-funds-ngo,,acme,ngo," + DataFixture.csv(amount)
                + ",,USD,2019,,funding,completed,").problems(tmp), "not a decimal number");
        assertProblem(p, "investments.csv", 2, 5, "amount", amount, "not a decimal number");
    }

    @ParameterizedTest
    @ValueSource(strings = {"XXY", "usd", "US$", "$", "EURO", "people"})
    void badCurrencyIsReportedWithItsValue(String currency) {
        Problem p = find(investment("acme-funds-ngo,,acme,ngo,100,," + currency + ",2019,,funding,completed,").problems(tmp),
                "not an ISO 4217 currency code");
        assertProblem(p, "investments.csv", 2, 7, "currency", currency, "not an ISO 4217 currency code");
    }

    @Test
    void observationUnitTakesACurrencyOrPeopleButNotOtherWords() {
        DataFixture good = DataFixture.minimal()
                .fact("observations.csv", "acme-value,,acme,valuation,2.5,approximate,EUR,2024,,", "Acme vaut 2,5 euros")
                .fact("observations.csv", "widget-users,,widget,users,7,exact,people,,,", "7 personnes");
        good.load(tmp.resolve("good"));
        Problem p = only(DataFixture.minimal()
                .fact("observations.csv", "widget-users,,widget,users,7,exact,persons,,,", "7 personnes")
                .problems(tmp.resolve("bad")));
        assertProblem(p, "observations.csv", 2, 7, "unit", "persons", "people");
    }

    @ParameterizedTest
    @CsvSource({"status,done,11", "status,Completed,11", "kind,grant,10", "date_qualifier,sometime,9"})
    void valueOutsideItsEnumerationIsReportedWithTheAllowedValues(String column, String value, int number) {
        String[] cells = {"acme-funds-ngo", "", "acme", "ngo", "100", "", "USD", "2019", "", "funding", "completed", ""};
        cells[number - 1] = value;
        Problem p = only(investment(String.join(",", cells)).problems(tmp));
        assertProblem(p, "investments.csv", 2, number, column, value, "not an allowed value");
    }

    @Test
    void unknownOrganizationTypeListsTheAllowedTypes() {
        Problem p = only(DataFixture.minimal().with("organizations.csv", DataFixture.ORGANIZATIONS,
                "acme,company,Acme,Acme,,,,", "ngo,charity,NGO,ONG,,,,").problems(tmp));
        assertProblem(p, "organizations.csv", 3, 2, "type", "charity", "not an allowed value");
        assertTrue(p.message().contains("'nonprofit'"), p::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Elon_Musk", "elon musk", "elon--musk", "-elon", "elon-", "Élodie", "ELON"})
    void invalidIdSlugIsReported(String id) {
        Problem p = only(DataFixture.minimal().append("persons.csv", DataFixture.csv(id) + ",Elon,Elon,,,").problems(tmp));
        assertProblem(p, "persons.csv", 4, 1, "id", id, "not an id");
    }

    @Test
    void invalidIdInAReferenceCellIsReportedAsNotAnId() {
        Problem p = only(investment("acme-funds-ngo,,Acme,ngo,100,,USD,2019,,funding,completed,").problems(tmp));
        assertProblem(p, "investments.csv", 2, 3, "investor", "Acme", "not an id");
    }

    @Test
    void emptyItemInAListIsReported() {
        Problem p = only(DataFixture.minimal().with("persons.csv", DataFixture.PERSONS, "alice,Alice,Alice,Al||Ali,,").problems(tmp));
        assertProblem(p, "persons.csv", 2, 4, "aliases", "Al||Ali", "empty item");
    }

    @Test
    void badLanguageTagIsReported() {
        Problem p = only(DataFixture.minimal().with("articles.csv", DataFixture.ARTICLES,
                ARTICLE + ",Titre,,,,,fr_FR!,").problems(tmp));
        assertProblem(p, "articles.csv", 2, 7, "language", "fr_FR!", "language tag");
    }

    /**
     * An invalid cell must give its own problem only. Today the row rules see the invalid cell as
     * empty and add a false follow-on problem about the same row, e.g. "currency given without an
     * amount" for a row whose amount cell holds {@code 12,5}.
     */
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "acme-funds-ngo,,acme,ngo,1 000,,USD,2019,,funding,completed,;amount",
            "acme-funds-ngo,,acme,ngo,100,,usd,2019,,funding,completed,;currency",
            "acme-funds-ngo,,acme,ngo,100,,USD,2018-13,early,funding,completed,;date"})
    void invalidCellGivesOnlyItsOwnProblemAndNoFollowOnRowRuleProblem(String row, String column) {
        Problem p = only(investment(row).problems(tmp));
        assertEquals(column, p.columnName(), p::toString);
    }

    // Several problems in one run

    @Test
    void everyProblemOfARunIsReportedWithLinesCountedAcrossMultiLineQuotedFields() {
        List<Problem> problems = DataFixture.minimal()
                .with("persons.csv", DataFixture.PERSONS,
                        "alice,Alice,Alice,,\"A description\nover three\nlines\",",   // lines 2-4
                        "Bad_Id,Bad,Bad,,,",                                          // line 5
                        "bob,Bob,Bob,,\"Two\nlines\",",                               // lines 6-7
                        "carol,Carol,,,,")                                            // line 8
                .fact("investments.csv", "inv-a,,acme,ngo,\"12,5\",,,2019,,funding,completed,", "q1")   // line 2
                .fact("investments.csv", "inv-b,,acme,ngo,,,usd,2018-13,,funding,completed,", "q2")      // line 3
                .with("releases.csv", "id,event,product,organization,kind,date,date_qualifier,note,oops")
                .problems(tmp);
        Set<String> where = problems.stream()
                .map(p -> p.file().getFileName() + ":" + p.line() + ":" + p.column() + ":" + p.columnName())
                .collect(Collectors.toSet());
        assertEquals(Set.of(
                "persons.csv:5:1:id",
                "persons.csv:8:3:label_fr",
                "investments.csv:2:5:amount",
                "investments.csv:3:7:currency",
                "investments.csv:3:8:date",
                "releases.csv:1:9:null"), where, () -> ProblemAssertions.lines(problems));
        assertEquals(6, problems.size(), () -> ProblemAssertions.lines(problems));
    }

    @Test
    void invalidInputExceptionMessageSaysHowManyProblemsAndShowsTheFirst() {
        InvalidInputException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class,
                () -> investment("acme-funds-ngo,,acme,ngo,1 000,,usd,2019,,funding,completed,").loader(tmp).check());
        assertEquals(2, e.problems().size());
        assertTrue(e.getMessage().startsWith("2 problems"), e.getMessage());
        assertTrue(e.getMessage().contains("investments.csv:2:5 [amount] '1 000'"), e.getMessage());
    }

    @Test
    void problemToStringGivesFileLineColumnColumnNameAndValue() {
        Problem p = find(investment("acme-funds-ngo,,acme,ngo,100,,XXY,2019,,funding,completed,").problems(tmp), "ISO 4217");
        assertTrue(p.toString().matches(".*investments\\.csv:2:7 \\[currency\\] 'XXY': not an ISO 4217.*"), p.toString());
    }
}
