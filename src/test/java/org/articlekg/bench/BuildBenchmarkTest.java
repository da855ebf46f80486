package org.articlekg.bench;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build benchmark runs end to end on a small input and its counts agree between steps. No
 * timing is asserted: benchmarks measure, tests check behaviour.
 */
class BuildBenchmarkTest {
    @TempDir
    Path work;

    @Test
    void everyStepRunsOnTheSameInputAndTheReportHasTheRatios() throws Exception {
        List<String> log = new ArrayList<>();
        BuildBenchmark.Result r = new BuildBenchmark(work, Path.of("").toAbsolutePath(), log::add).run(600, 3);
        assertEquals(5, r.steps().size());
        long rows = r.input().totalRows();
        for (BuildBenchmark.Step s : r.steps()) assertEquals(rows, s.rows(), s.name());
        assertTrue(r.step('b').triples() > 0);
        assertEquals(r.step('c').triples(), r.step('e').triples(), "(e) loads exactly what (c) wrote");
        assertTrue(r.step('d').triples() > r.step('c').triples(), "(d) adds the ontology and the inferred graph");
        String report = BuildBenchmark.report(r);
        assertTrue(report.contains("c/b = ") && report.contains("d/e = ") && report.contains("Machine: "), report);
        assertTrue(log.stream().anyMatch(l -> l.contains("(d) writing the exports")), "phases are logged");
    }
}
