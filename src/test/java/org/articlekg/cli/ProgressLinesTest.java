package org.articlekg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Progress as a redrawn line on a terminal, as a line every tenth of the way otherwise. */
class ProgressLinesTest {
    private static final List<String> RUN = List.of("loading...", "loading: 0% (1/200 rows)", "loading: 5% (10/200 rows)",
            "loading: 10% (20/200 rows)", "loading: 15% (30/200 rows)", "loading: 100% (200/200 rows)", "loading: 2.0 s");

    private static String show(boolean quiet, boolean terminal) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressLines lines = new ProgressLines(quiet, terminal, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        RUN.forEach(lines);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void withoutATerminalPercentagesArePrintedEveryTenthOfTheWay() {
        assertEquals("""
                kg: loading...
                kg: loading: 0% (1/200 rows)
                kg: loading: 10% (20/200 rows)
                kg: loading: 100% (200/200 rows)
                kg: loading: 2.0 s
                """, show(false, false).replace(System.lineSeparator(), "\n"));
    }

    @Test
    void onATerminalPercentagesRedrawOneLine() {
        assertEquals("kg: loading...\n"
                + "\rkg: loading: 0% (1/200 rows)\rkg: loading: 5% (10/200 rows)\rkg: loading: 10% (20/200 rows)"
                + "\rkg: loading: 15% (30/200 rows)\rkg: loading: 100% (200/200 rows)\n"
                + "kg: loading: 2.0 s\n", show(false, true).replace(System.lineSeparator(), "\n"));
    }

    @Test
    void quietPrintsNothing() {
        assertEquals("", show(true, true));
    }
}
