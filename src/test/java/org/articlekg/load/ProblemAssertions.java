package org.articlekg.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;

/** Assertions on the problems a load reports. */
final class ProblemAssertions {
    private ProblemAssertions() {}

    /** The one problem of the list (fails showing all of them when there are several). */
    static Problem only(List<Problem> problems) {
        assertEquals(1, problems.size(), () -> "expected exactly one problem, got:\n" + lines(problems));
        return problems.get(0);
    }

    /** The one problem of the list whose message contains {@code phrase}. */
    static Problem find(List<Problem> problems, String phrase) {
        List<Problem> found = problems.stream().filter(p -> p.message().contains(phrase)).toList();
        if (found.size() != 1) fail("expected one problem saying '" + phrase + "', got:\n" + lines(problems));
        return found.get(0);
    }

    /** Asserts where a problem is, what value it names and a key phrase of its message. */
    static void assertProblem(Problem p, String file, long line, int column, String columnName, String value,
                              String phrase) {
        String all = p.toString();
        assertEquals(file, p.file().getFileName().toString(), all);
        assertEquals(line, p.line(), () -> "line of " + all);
        assertEquals(column, p.column(), () -> "column of " + all);
        assertEquals(columnName, p.columnName(), () -> "column name of " + all);
        assertEquals(value, p.value(), () -> "value of " + all);
        assertTrue(p.message().contains(phrase), () -> "message of " + all + " should contain '" + phrase + "'");
    }

    static String lines(List<Problem> problems) {
        StringBuilder sb = new StringBuilder();
        for (Problem p : problems) sb.append("  ").append(p).append('\n');
        return sb.toString();
    }
}
