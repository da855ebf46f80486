package org.articlekg.load;

import static org.articlekg.DataFixture.PERSONS;
import static org.articlekg.load.ProblemAssertions.assertProblem;
import static org.articlekg.load.ProblemAssertions.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.articlekg.DataFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The reader's policy on control characters and its size limits: each a located problem. */
class CsvLimitsTest {
    @TempDir Path tmp;

    @ParameterizedTest
    @ValueSource(ints = {0x00, 0x07, 0x1B, 0x1F, 0x7F, 0x85, 0xFFFF})
    void controlCharactersInACellAreReportedAtTheirCell(int control) {
        String label = "Ali" + (char) control + "ce";
        List<Problem> problems = DataFixture.minimal().with("persons.csv", PERSONS, "alice,\"" + label + "\",Alice,,,", "bob,Bob,Bob,,,")
                .problems(tmp);
        Problem p = only(problems);
        assertProblem(p, "persons.csv", 2, 2, "label_en", p.value(), String.format("control character U+%04X", control));
        assertFalse(p.toString().chars().anyMatch(c -> c == control), "the message shows the character escaped: " + p);
    }

    @Test
    void tabsAndLineBreaksInACellAreText() {
        org.apache.jena.graph.Graph g = DataFixture.minimal()
                .with("persons.csv", PERSONS, "alice,\"Alice\tA.\",\"Alice\nA.\",,,", "bob,Bob,Bob,,,").load(tmp);
        assertTrue(g.contains(org.apache.jena.graph.Node.ANY, org.apache.jena.vocabulary.RDFS.label.asNode(),
                org.apache.jena.graph.NodeFactory.createLiteralLang("Alice\tA.", "en")));
    }

    @Test
    void aCellOverTheLimitIsReportedBeforeItIsHeldInMemory() {
        String huge = "x".repeat(CsvTableReader.MAX_CELL_CHARS + 1);
        List<Problem> problems = DataFixture.minimal().with("persons.csv", PERSONS, "alice,Alice,Alice,,,", "bob,Bob,\"" + huge + "\",,,")
                .problems(tmp);
        Problem p = problems.stream().filter(x -> x.message().contains("cell longer than")).findFirst().orElseThrow(
                () -> new AssertionError("no size problem in " + problems));
        assertEquals(3, p.line());
        assertEquals(3, p.column());
        assertTrue(p.file().toString().endsWith("persons.csv"), p.toString());
    }

    @Test
    void aRowOverTheLimitIsReported() {
        String cell = "y".repeat(CsvTableReader.MAX_CELL_CHARS - 10);
        String row = "alice,Alice,Alice," + String.join("|", java.util.Collections.nCopies(1, cell)) + ","
                + (cell + ",").repeat(CsvTableReader.MAX_ROW_CHARS / CsvTableReader.MAX_CELL_CHARS + 1);
        List<Problem> problems = DataFixture.minimal().with("persons.csv", PERSONS, row).problems(tmp);
        assertTrue(problems.stream().anyMatch(p -> p.message().contains("row longer than") && p.line() == 2), problems.toString());
    }
}
