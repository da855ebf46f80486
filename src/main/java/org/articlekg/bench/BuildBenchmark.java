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

/**
 * {@code kg bench build}: on one generated input, in one process, measures two floors and three
 * builds: (a) Commons CSV parsing alone; (b) parsing plus writing naive N-Triples (one triple per
 * cell) to a null sink with Jena's streaming writer; (c) our loaders (every check) to N-Triples;
 * (d) our full build into TDB2 (inference, SHACL, text index, dumps, exports); (e) Jena's TDB2
 * bulk loader (phased) on the N-Triples of (c).
 */
public final class BuildBenchmark {
    /** One measured step. */
    public record Step(String name, long rows, long triples, Duration time) {
        public double rowsPerSecond() { return rows / seconds(); }

        public double triplesPerSecond() { return triples / seconds(); }

        public double seconds() { return Math.max(time.toNanos(), 1) / 1e9; }
    }

    /**
     * The figures of a run.
     *
     * @param threads the threads (d) used for its phases after loading
     * @param buildPhases the phases of (d), as the build timed them
     */
    public record Result(Machine machine, GenerationSummary input, int threads, List<Step> steps, List<BuildReport.Phase> buildPhases) {
        public Result {
            steps = List.copyOf(steps);
            buildPhases = List.copyOf(buildPhases);
        }

        public Step step(char letter) {
            return steps.get(letter - 'a');
        }
    }

    private static final String BASE = "http://localhost:3030/";
    private static final OutputStream NULL = OutputStream.nullOutputStream();

    private final Path work;
    private final Path project;
    private final Consumer<String> log;
    private int threads = GraphBuilder.defaultThreads();

    /**
     * @param work an empty folder for the input, databases and N-Triples
     * @param project the project folder (its ontology/ and fuseki-config/ are used)
     * @param log progress lines
     */
    public BuildBenchmark(Path work, Path project, Consumer<String> log) {
        this.work = work;
        this.project = project;
        this.log = log;
    }

    /** The threads of (d)'s phases after loading (default: as {@code kg build}, one per processor). */
    public BuildBenchmark threads(int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1: " + threads);
        this.threads = threads;
        return this;
    }

    /** The {@code --rows} asked for per generated article (the generator writes fewer: about 19). */
    static final int ROWS_PER_ARTICLE = 23;

    /** Generates about {@code rows} CSV rows and measures (a) to (e). */
    public Result run(long rows, long seed) throws IOException {
        Path data = work.resolve("data");
        int articles = (int) Math.max(1, rows / ROWS_PER_ARTICLE);
        log.accept("generating about " + rows + " rows (" + articles + " articles, seed " + seed + ")...");
        GenerationSummary input = CorpusGenerator.create().articles(articles).seed(seed).overwrite(true).build().writeTo(data);
        log.accept("generated " + input.totalRows() + " rows in " + seconds(input.duration()) + " s");
        parseOnly(data); // warm-up: JIT and file cache, not measured
        List<Step> steps = new ArrayList<>();
        steps.add(time("(a) CSV parsing (floor)", () -> new long[] {parseOnly(data), 0}));
        steps.add(time("(b) parsing + N-Triples to null (floor)", () -> naiveTriples(data)));
        Path nt = work.resolve("loaders.nt");
        steps.add(time("(c) our loaders to N-Triples", () -> loadersToNTriples(data, nt)));
        Path storeDir = work.resolve("store");
        List<BuildReport.Phase> phases = new ArrayList<>();
        steps.add(time("(d) our full build into TDB2", () -> {
            BuildReport r = GraphBuilder.create().dataDir(data).ontologyDir(project.resolve("ontology"))
                    .serviceConfig(project.resolve("fuseki-config/config.ttl")).corpus(null).threads(threads)
                    .progress(line -> {
                        // Percentages every tenth of the way; phases always.
                        if (!line.matches(".*: \\d*[1-9]% \\(.*")) log.accept("  (d) " + line);
                    }).build()
                    .buildInto(new Store(storeDir));
            phases.addAll(r.phases());
            return new long[] {input.totalRows(), r.totalQuads()};
        }));
        steps.add(time("(e) Jena TDB2 bulk loader on (c)", () -> bulkLoad(nt, work.resolve("tdb2-bulk"), input.totalRows())));
        return new Result(Machine.here(), input, threads, steps, phases);
    }

    private interface Measured {
        long[] run() throws IOException;
    }

    private Step time(String name, Measured m) throws IOException {
        log.accept(name + "...");
        long start = System.nanoTime();
        long[] counts = m.run();
        Step s = new Step(name, counts[0], counts[1], Duration.ofNanos(System.nanoTime() - start));
        log.accept(String.format("%s: %.2f s", name, s.seconds()));
        return s;
    }

    /** The CSV files of a data folder, by name. */
    private static List<Path> csvFiles(Path data) throws IOException {
        try (java.util.stream.Stream<Path> files = Files.list(data)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".csv")).sorted().toList();
        }
    }

    /** (a): every record of every file, parsed and dropped. */
    static long parseOnly(Path data) throws IOException {
        long rows = 0;
        for (Path file : csvFiles(data)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                 CSVParser p = CSVParser.builder().setReader(r).setFormat(CSVFormat.RFC4180).get()) {
                for (CSVRecord rec : p) {
                    if (rec.getRecordNumber() > 1) rows++;
                }
            }
        }
        return rows;
    }

    /** (b): one triple per non-empty cell, streamed as N-Triples to nowhere. */
    static long[] naiveTriples(Path data) throws IOException {
        long rows = 0;
        long triples = 0;
        StreamRDF out = StreamRDFWriter.getWriterStream(NULL, RDFFormat.NTRIPLES);
        out.start();
        for (Path file : csvFiles(data)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                 CSVParser p = CSVParser.builder().setReader(r).setFormat(CSVFormat.RFC4180).get()) {
                Node[] columns = null;
                for (CSVRecord rec : p) {
                    if (columns == null) {
                        columns = new Node[rec.size()];
                        for (int i = 0; i < rec.size(); i++) columns[i] = NodeFactory.createURI(BASE + "col/" + rec.get(i));
                        continue;
                    }
                    rows++;
                    Node s = NodeFactory.createURI(BASE + "row/" + file.getFileName().toString().replace(".csv", "") + "/" + rec.getRecordNumber());
                    for (int i = 0; i < rec.size() && i < columns.length; i++) {
                        String v = rec.get(i);
                        if (v.isEmpty()) continue;
                        out.triple(Triple.create(s, columns[i], NodeFactory.createLiteralString(v)));
                        triples++;
                    }
                }
            }
        }
        out.finish();
        return new long[] {rows, triples};
    }

    /** (c): the real loaders, every check, streamed to an N-Triples file (the input of (e)). */
    static long[] loadersToNTriples(Path data, Path nt) throws IOException {
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(nt), 1 << 16)) {
            StreamRDF out = StreamRDFWriter.getWriterStream(file, RDFFormat.NTRIPLES);
            out.start();
            LoadResult r = GraphLoader.create().dataDir(data).base(BASE).corpus(null).build().load(out);
            out.finish();
            long rows = r.rows().values().stream().mapToLong(Integer::longValue).sum();
            return new long[] {rows, r.triples()};
        }
    }

    /** (e): Jena's phased bulk loader into a fresh TDB2 database. */
    static long[] bulkLoad(Path nt, Path location, long rows) {
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(location.toString());
        try {
            DataLoader loader = LoaderFactory.phasedLoader(dsg, (fmt, args) -> { });
            loader.startBulk();
            loader.load(nt.toString());
            loader.finishBulk();
            return new long[] {rows, loader.countTriples() + loader.countQuads()};
        } finally {
            TDBInternal.expel(dsg);
        }
    }

    static String seconds(Duration d) {
        return String.format("%.2f", d.toNanos() / 1e9);
    }

    /** The report: see {@link BuildBenchmarkReport#of}. */
    public static String report(Result r) {
        return BuildBenchmarkReport.of(r);
    }

    /** The growth between sizes: see {@link BuildBenchmarkReport#growth}. */
    public static String growth(List<Result> runs) {
        return BuildBenchmarkReport.growth(runs);
    }
}
