package org.articlekg.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFOps;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.articlekg.build.BuildReport;
import org.articlekg.build.GraphBuilder;
import org.articlekg.generate.CorpusGenerator;
import org.articlekg.generate.GenerationSummary;
import org.articlekg.load.GraphLoader;
import org.articlekg.load.LoadResult;
import org.articlekg.store.Store;
import org.articlekg.bench.BuildBenchmark.Result;
import org.articlekg.bench.BuildBenchmark.Step;

/**
 * The report of {@code kg bench build}: the machine (with its load), one line per step, the ratios
 * between steps, each phase of the full build, and the targets (10 million quads built in 180 s
 * within a 1 GiB heap; the build's cost per row growing at most 1.05× between sizes) with their
 * verdicts.
 */
public final class BuildBenchmarkReport {
    private BuildBenchmarkReport() {}

    /** The report: machine, input, one line per step, the ratios and the targets. */
    public static String of(Result r) {
        StringBuilder sb = new StringBuilder();
        sb.append("Machine: ").append(r.machine()).append('\n');
        sb.append(String.format("Input: %d articles, %d CSV rows (seed %d); (d) on %d thread(s)%n%n", r.input().articles(),
                r.input().totalRows(), r.input().seed(), r.threads()));
        sb.append(String.format("| %-42s | %10s | %11s | %8s | %12s | %14s |%n", "step", "rows", "triples", "seconds", "rows/s", "triples/s"));
        sb.append("|").append("-".repeat(44)).append("|").append("-".repeat(12)).append("|").append("-".repeat(13))
                .append("|").append("-".repeat(10)).append("|").append("-".repeat(14)).append("|").append("-".repeat(16)).append("|\n");
        for (Step s : r.steps()) {
            sb.append(String.format("| %-42s | %10d | %11d | %8.2f | %12.0f | %14.0f |%n", s.name(), s.rows(), s.triples(),
                    s.seconds(), s.rowsPerSecond(), s.triplesPerSecond()));
        }
        Step b = r.step('b');
        Step c = r.step('c');
        Step d = r.step('d');
        Step e = r.step('e');
        double cb = c.triplesPerSecond() / b.triplesPerSecond();
        double db = d.triplesPerSecond() / b.triplesPerSecond();
        double de = d.triplesPerSecond() / e.triplesPerSecond();
        sb.append(String.format("%nRatios (triples/s): c/b = %.2f, d/b = %.2f, d/e = %.2f%n", cb, db, de));
        sb.append(String.format("Target d/b >= 0.50: %s%n", db >= 0.5 ? "met" : String.format("missed (%.0f%% of the target)", 100 * db / 0.5)));
        sb.append(String.format("Target d/e >= 1.00: %s%n", de >= 1.0 ? "met" : String.format("missed (%.0f%% of the target)", 100 * de)));
        sb.append(tenMillion(r)).append('\n');
        if (db < 0.5 || de < 1.0) sb.append(WHY);
        sb.append(String.format("%n(d) by phase (indented: tasks run side by side within the phase after them):%n"));
        for (BuildReport.Phase p : r.buildPhases()) {
            sb.append(String.format("  %8.2f s  %s%s%n", p.time().toNanos() / 1e9, p.task() ? "  " : "", p.name()));
        }
        return sb.toString();
    }

    /** The target's size: 10 million triples generated, built and indexed in under 3 minutes, heap at most 1 GiB. */
    static final long TARGET_QUADS = 10_000_000;
    static final double TARGET_SECONDS = 180;
    static final long TARGET_HEAP = 1L << 30;
    /** The largest growth of (d)'s cost per row between sizes: 1.05, nearly linear. */
    static final double TARGET_GROWTH = 1.05;

    /** Whether this run meets the 10-million target, by how much it misses it, or why it does not say. */
    static String tenMillion(Result r) {
        String target = "Target 10M triples generated, built and indexed in < 3 min, heap <= 1 GiB: ";
        Step d = r.step('d');
        if (d.triples() < TARGET_QUADS) {
            // The articles that make 10 million quads at this run's quads per article, rounded up to a hundred.
            long articles = (long) Math.ceil(r.input().articles() * (double) TARGET_QUADS / Math.max(1, d.triples()) / 100) * 100;
            return target + String.format("not measured at this size (%d quads; --rows %d builds about 10 million)",
                    d.triples(), articles * BuildBenchmark.ROWS_PER_ARTICLE);
        }
        if (r.machine().maxHeapBytes() > TARGET_HEAP) {
            return target + String.format("not measured: the heap is %.2f GiB (run with -Xmx1g)", r.machine().maxHeapBytes() / (double) TARGET_HEAP);
        }
        double seconds = r.input().duration().toNanos() / 1e9 + d.seconds();
        return target + (seconds < TARGET_SECONDS ? "met" : "missed") + String.format(
                " (%.1f s to generate + %.1f s for (d) = %.1f s for %d quads: %.2f× the 180 s)",
                r.input().duration().toNanos() / 1e9, d.seconds(), seconds, d.triples(), seconds / TARGET_SECONDS);
    }

    /** Why the build's targets are missed, as measured on the project's 2-core machine (bench/RESULTS.md has the detail). */
    static final String WHY = """
            Why (see bench/RESULTS.md):
            - (b) writes one naive triple per cell to nowhere and checks nothing; Jena's own bulk loader (e), which only
              stores, reaches 5-12 % of it on this project's machine, so no build into TDB2 reaches 50 %.
            - (d) stores the ontology, the inferred graph (the akg: super-classes) and the summaries beside the facts,
              as quads in four quad indexes where (e) fills three triple indexes; writes three dumps while loading
              (with the alignments to other vocabularies, not stored); makes the text index from the N-Quads dump
              while TDB2 builds its indexes; then validates the shapes the loader does not make true by
              construction and writes GEXF/GraphML and VoID side by side, reading the database.
            - On two cores the second thread gives the reading phases little or nothing at large sizes: two TDB2
              readers slow each other down (compare --threads 1).
            """;

    /**
     * How the time of each step and of each phase of (d) grew between consecutive runs on
     * larger inputs: the factor of rows, the factor of time, and their ratio (time per row at
     * the larger size over time per row at the smaller: 1.00 is linear, above 1 each row costs
     * more on the larger input).
     */
    public static String growth(List<Result> runs) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i < runs.size(); i++) {
            Result small = runs.get(i - 1);
            Result large = runs.get(i);
            double rows = (double) large.input().totalRows() / small.input().totalRows();
            sb.append(String.format("%nGrowth from %d to %d rows (%.2f× the rows); per-row cost = time factor / rows factor, "
                    + "1.00 is linear:%n", small.input().totalRows(), large.input().totalRows(), rows));
            sb.append(String.format("| %-90s | %9s | %9s | %8s | %13s |%n", "step or phase of (d)", "seconds", "seconds", "time ×", "per-row cost"));
            sb.append("|").append("-".repeat(92)).append("|").append("-".repeat(11)).append("|").append("-".repeat(11))
                    .append("|").append("-".repeat(10)).append("|").append("-".repeat(15)).append("|\n");
            for (int s = 0; s < large.steps().size(); s++) {
                growthLine(sb, large.steps().get(s).name(), small.steps().get(s).seconds(), large.steps().get(s).seconds(), rows);
            }
            for (BuildReport.Phase p : large.buildPhases()) {
                small.buildPhases().stream().filter(q -> q.name().equals(p.name())).findFirst().ifPresent(q ->
                        growthLine(sb, "(d) " + (p.task() ? "  " : "") + p.name(), q.time().toNanos() / 1e9, p.time().toNanos() / 1e9, rows));
            }
            double perRow = large.step('d').seconds() / Math.max(small.step('d').seconds(), 1e-9) / rows;
            sb.append(String.format("Target (d) per-row cost growth <= %.2f (issue 17, from 1M to 10M quads): %s (%.2f, ratio %.2f)%n",
                    TARGET_GROWTH, perRow <= TARGET_GROWTH ? "met" : "missed", perRow, perRow / TARGET_GROWTH));
        }
        return sb.toString();
    }

    private static void growthLine(StringBuilder sb, String name, double small, double large, double rows) {
        double time = large / Math.max(small, 1e-9);
        sb.append(String.format("| %-90s | %9.2f | %9.2f | %8.2f | %13.2f |%n", name, small, large, time, time / rows));
    }
}
