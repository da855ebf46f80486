package org.articlekg.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.articlekg.KgException;
import org.articlekg.bench.BuildBenchmark;
import org.articlekg.bench.QueryBenchmark;
import org.articlekg.build.GraphBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kg bench build|query}: benchmarks that print figures and ratios (never run as tests). */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks on generated data; they print the machine, the figures and the ratios.",
        subcommands = {BenchCommand.Build.class, BenchCommand.Query.class})
final class BenchCommand {
    static Path workDir(Path given, String name) throws java.io.IOException {
        Path dir = given != null ? given : KgCommand.home().resolve("var/bench").resolve(name);
        Files.createDirectories(dir);
        return dir;
    }

    /** {@code kg bench build}. */
    @Command(name = "build", mixinStandardHelpOptions = true,
            description = {"On one generated input: (a) CSV parsing alone, (b) parsing + N-Triples to a null sink,",
                    "(c) our loaders to N-Triples, (d) our full build into TDB2, (e) Jena's TDB2 bulk loader on (c);",
                    "prints rows/s, triples/s and the ratios c/b, d/b, d/e, and (d)'s phases.",
                    "With several sizes (--rows 100000,400000), also how each step and phase grows with the rows."})
    static final class Build implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Option(names = "--rows", paramLabel = "N", split = ",", defaultValue = "100000",
                description = "About how many CSV rows; several sizes, in increasing order, separated by commas (default: ${DEFAULT-VALUE}).")
        List<Long> rows;

        @Option(names = "--seed", defaultValue = "1", description = "Generator seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--work", paramLabel = "DIR",
                description = "Working folder (default: var/bench/build-ROWS; with several sizes, DIR/build-ROWS).")
        Path work;

        @Option(names = "--threads", paramLabel = "N",
                description = "Threads of (d)'s phases after loading, as kg build --threads (default: one per processor, here ${DEFAULT-VALUE}).")
        int threads = GraphBuilder.defaultThreads();

        @Override
        public Integer call() throws Exception {
            if (threads < 1) throw new KgException("--threads: must be at least 1, not " + threads);
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i) < 1) throw new KgException("--rows must be positive, found " + rows.get(i));
                if (i > 0 && rows.get(i) <= rows.get(i - 1)) {
                    throw new KgException("--rows sizes must increase, found " + rows.get(i) + " after " + rows.get(i - 1));
                }
            }
            PrintWriter out = spec.commandLine().getOut();
            List<BuildBenchmark.Result> results = new java.util.ArrayList<>();
            for (long n : rows) {
                Path given = work == null || rows.size() == 1 ? work : work.resolve("build-" + n);
                Path dir = workDir(given, "build-" + n);
                clean(dir);
                BuildBenchmark.Result r = new BuildBenchmark(dir, KgCommand.home(), line -> {
                    System.err.println("bench: " + line);
                }).threads(threads).run(n, seed);
                results.add(r);
                out.print(BuildBenchmark.report(r));
                out.println();
                out.flush();
            }
            if (results.size() > 1) {
                out.print(BuildBenchmark.growth(results));
                out.flush();
            }
            return 0;
        }
    }

    /** {@code kg bench query}. */
    @Command(name = "query", mixinStandardHelpOptions = true,
            description = {"Builds (or reuses) a generated graph, serves it, and runs every saved query through /api/ and the",
                    "plain SPARQL endpoint with 1, 2 and 4 clients on the loopback address; prints p50, p95, p99 and q/s."})
    static final class Query implements Callable<Integer> {
        @Spec CommandSpec spec;

        @Option(names = "--articles", paramLabel = "N", defaultValue = "25000",
                description = "Articles to generate (default: ${DEFAULT-VALUE}, about 10 million quads since the event model).")
        int articles;

        @Option(names = "--seed", defaultValue = "1", description = "Generator seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--clients", split = ",", defaultValue = "1,2,4", description = "Concurrent clients (default: ${DEFAULT-VALUE}).")
        List<Integer> clients;

        @Option(names = "--seconds", defaultValue = "3", description = "Time per query, route and concurrency (default: ${DEFAULT-VALUE}).")
        double seconds;

        @Option(names = "--work", paramLabel = "DIR", description = "Working folder, reused between runs (default: var/bench).")
        Path work;

        @Option(names = "--queries", paramLabel = "NAME", split = ",",
                description = "Only these saved queries, separated by commas (default: every saved query).")
        List<String> queries = List.of();

        @Option(names = "--endpoint", paramLabel = "URL",
                description = {"Measure a server already running at this base URL (e.g. HAProxy in front of kg serve replicas",
                        "of the build of these --articles and --work) instead of serving the graph in this process."})
        java.net.URI endpoint;

        @Option(names = "--no-shared-answers", negatable = false,
                description = {"Let every client's /api/ request run its own query, even when another client asks the same at",
                        "the same time (by default the server shares one answer between them): measures each query's own cost."})
        boolean noSharedAnswers;

        @Override
        public Integer call() throws Exception {
            if (articles < 1 || seconds <= 0 || clients.stream().anyMatch(c -> c < 1)) {
                throw new KgException("--articles, --seconds and --clients must be positive");
            }
            PrintWriter out = spec.commandLine().getOut();
            QueryBenchmark.Result r = new QueryBenchmark(workDir(work, ""), KgCommand.home(),
                    line -> System.err.println("bench: " + line)).sharingAnswers(!noSharedAnswers)
                    .run(articles, seed, clients, Duration.ofMillis(Math.round(seconds * 1000)), queries, endpoint);
            out.print(QueryBenchmark.report(r));
            out.flush();
            return 0;
        }
    }

    private static void clean(Path dir) throws java.io.IOException {
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) if (!p.equals(dir)) Files.delete(p);
        }
    }
}
