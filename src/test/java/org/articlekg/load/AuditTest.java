package org.articlekg.load;

import static org.articlekg.DataFixture.ARTICLE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.articlekg.DataFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit tables of data/audit/: checked by kg validate and kg build, located like every other problem. */
class AuditTest {
    @TempDir Path tmp;

    private static final String TEXT = "Acme a investi dans NGO. Bob aime le jazz. Le reste est illisible.";

    private DataFixture withAudit(String... rows) throws IOException {
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        Files.writeString(corpus.resolve(ARTICLE + ".txt"), TEXT);
        String[] lines = new String[rows.length + 1];
        lines[0] = "sentence,excerpt,claims,reason";
        System.arraycopy(rows, 0, lines, 1, rows.length);
        return DataFixture.minimal()
                .fact("investments.csv", "acme-funds-ngo,,acme,ngo,,,,2019,,funding,completed,", "Acme a investi dans NGO")
                .with("audit/" + ARTICLE + ".csv", lines)
                .corpus(corpus);
    }

    @Test
    void aTableWhoseRowsAreRepresentedOrExplainedPasses() throws IOException {
        withAudit("1,Acme a investi dans NGO,acme-funds-ngo,", "2,Bob aime le jazz,,out_of_scope: a taste", "3,Le reste,,unclear: illegible")
                .loader(tmp.resolve("data")).check();
    }

    @Test
    void eachBadCellIsReportedAtItsLineAndColumn() throws IOException {
        List<Problem> problems = withAudit(
                "1,Acme a investi dans NGO,acme-funds-ngo|nobody,",
                "1,Bob adore le jazz,,",
                "x,Le reste,alice,because")
                .problems(tmp.resolve("data"));
        List<String> where = problems.stream().map(p -> p.line() + ":" + p.column() + " " + p.columnName()).toList();
        assertEquals(List.of("2:3 claims", "3:1 sentence", "3:2 excerpt", "3:4 reason", "4:1 sentence", "4:3 claims"), where,
                problems::toString);
        assertEquals("unknown id: no fact row has this id", problems.get(0).message());
        assertEquals("is a person, not a fact", problems.get(5).message());
    }

    @Test
    void aTableForAnUnknownArticleIsReported() {
        List<Problem> problems = DataFixture.minimal().with("audit/999_nope.csv", "sentence,excerpt,claims,reason")
                .problems(tmp.resolve("data"));
        assertEquals(1, problems.size());
        assertEquals(tmp.resolve("data").resolve("audit/999_nope.csv"), problems.get(0).file());
    }
}
