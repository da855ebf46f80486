package org.articlekg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.articlekg.DataFixture;
import org.articlekg.load.InvalidInputException;
import org.articlekg.load.Problem;
import org.articlekg.query.Suggestions;
import org.articlekg.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code kg} command line through {@link KgCommand#execute}: exit codes, one line per problem
 * on standard error, and where it writes. {@code kg.home} points at an empty temporary folder so
 * that no default path reaches the project's own {@code var/}.
 */
class KgCommandTest {
    static final String DATA = Path.of("data").toAbsolutePath().toString();
    static final String ONTOLOGY = Path.of("ontology").toAbsolutePath().toString();
    static final String CONFIG = Path.of("fuseki-config/config.ttl").toAbsolutePath().toString();
    static final Path CORPUS = Path.of("..", "shared", "articles");

    @TempDir Path tmp;
    Path home;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedOut;
    private PrintStream savedErr;
    private String savedHome;

    @BeforeEach
    void capture() throws IOException {
        home = Files.createDirectories(tmp.resolve("home"));
        savedHome = System.getProperty("kg.home");
        System.setProperty("kg.home", home.toString());
        savedOut = System.out;
        savedErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(savedOut);
        System.setErr(savedErr);
        if (savedHome == null) System.clearProperty("kg.home");
        else System.setProperty("kg.home", savedHome);
    }

    private String out() { return out.toString(StandardCharsets.UTF_8); }

    private List<String> errLines() { return err.toString(StandardCharsets.UTF_8).lines().toList(); }

    private static List<String> tree(Path dir) throws IOException {
        if (!Files.exists(dir)) return List.of();
        try (Stream<Path> s = Files.walk(dir)) {
            return s.map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    /** A data folder with two problems: an invalid amount and an invalid person id. */
    private Path badData() {
        return DataFixture.minimal()
                .fact("investments.csv", "acme-funds-ngo,,acme,ngo,\"12,5\",,,2019,,funding,completed,", "Acme a investi")
                .append("persons.csv", "Bad_Id,Bad,Bad,,,")
                .writeTo(tmp.resolve("bad-data"));
    }

    @Test
    void buildWithBadDataExitsWith1AndPrintsOneLinePerProblemThenASummary() throws IOException {
        Path bad = badData();
        List<String> expected;
        try {
            org.articlekg.load.GraphLoader.create().dataDir(bad).build().check();
            throw new AssertionError("the data should be rejected");
        } catch (InvalidInputException e) {
            expected = e.problems().stream().map(Problem::toString).toList();
        }
        assertEquals(2, expected.size(), expected::toString);
        Path store = tmp.resolve("store");

        int code = KgCommand.execute("build", "--data", bad.toString(), "--store", store.toString(),
                "--ontology", ONTOLOGY, "--config", CONFIG, "--no-corpus");

        assertEquals(1, code);
        List<String> lines = errLines();
        assertEquals(3, lines.size(), () -> String.join("\n", lines));
        assertEquals(expected, lines.subList(0, 2));
        assertTrue(lines.stream().anyMatch(l -> l.contains("persons.csv:4:1 [id] 'Bad_Id': not an id")), lines::toString);
        assertTrue(lines.stream().anyMatch(l -> l.contains("investments.csv:2:5 [amount] '12,5': not a decimal number")), lines::toString);
        assertEquals("kg build: 2 problem(s) in the input; nothing was written", lines.get(2));
        assertTrue(new Store(store).current().isEmpty());
        assertTrue(new Store(store).builds().isEmpty(), "no build folder is left");
    }

    @Test
    void serveWithABadLimitSaysWhichInOneLineBeforeBuildingAnything() {
        Path store = tmp.resolve("store");
        for (List<String> args : List.of(List.of("--max-queries", "0"), List.of("--max-body", "10"),
                List.of("--max-queries", "4", "--max-queries-per-client", "9"), List.of("--trusted-proxy", "proxy.example.org"))) {
            err.reset();
            List<String> all = new java.util.ArrayList<>(List.of("serve", "--store", store.toString(), "--data", DATA,
                    "--ontology", ONTOLOGY, "--config", CONFIG, "--no-corpus"));
            all.addAll(args);
            assertEquals(1, KgCommand.execute(all.toArray(String[]::new)), args::toString);
            List<String> lines = errLines();
            assertEquals(1, lines.size(), lines::toString);
            assertTrue(lines.get(0).startsWith("kg serve: --" + args.get(args.size() - 2).substring(2)), lines.get(0));
        }
        assertFalse(Files.exists(store.resolve("builds")), "nothing was built");
    }

    @Test
    void serveNoBuildNeverBuildsAndSaysWhatAReplicaNeeds() {
        Path store = tmp.resolve("replica");
        List<String> serve = List.of("serve", "--no-build", "--store", store.toString(), "--data", DATA,
                "--ontology", ONTOLOGY, "--config", CONFIG, "--no-corpus", "--port", "0");
        assertEquals(1, KgCommand.execute(serve.toArray(String[]::new)));
        assertTrue(errLines().get(0).startsWith("kg serve: --no-build: there is no build in " + store), errLines()::toString);
        assertFalse(Files.exists(store.resolve("builds")), "nothing was built");
        err.reset();
        List<String> watching = new java.util.ArrayList<>(serve);
        watching.add("--watch");
        assertEquals(1, KgCommand.execute(watching.toArray(String[]::new)));
        assertTrue(errLines().get(0).startsWith("kg serve: --no-build and --watch exclude each other"), errLines()::toString);
    }

    @Test
    void unknownOptionExitsWith2WithPicocliMessage() {
        int code = KgCommand.execute("build", "--bogus");
        assertEquals(2, code);
        assertTrue(errLines().get(0).contains("Unknown option: '--bogus'"), errLines()::toString);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("Usage: kg build"), "usage follows the message");
    }

    @Test
    void unknownCommandExitsWith2() {
        assertEquals(2, KgCommand.execute("frobnicate"));
        assertFalse(errLines().isEmpty());
    }

    @Test
    void validateUsesTheProjectFolderOfKgHomeAndWritesNothingThere() throws IOException {
        DataFixture.copyTree(Path.of("data"), home.resolve("data"));
        DataFixture.copyTree(Path.of("ontology"), home.resolve("ontology"));
        List<String> before = tree(home);

        int code = KgCommand.execute("validate");

        assertEquals(0, code, () -> String.join("\n", errLines()));
        assertTrue(out().lines().anyMatch(l -> l.startsWith("Valid in ")), out());
        assertTrue(out().contains("disagreements: 5"), out());
        assertTrue(out().contains("refinements (a claim more precise than another of its event, not a disagreement): 1"), out());
        assertFalse(out().contains("database:"), "validate names no database");
        assertEquals(before, tree(home), "validate wrote nothing into the project folder (no var/)");
        assertFalse(Files.exists(home.resolve("var")));
    }

    @Test
    void validateWithTheCorpusListsTheDisagreements() {
        assumeTrue(Files.isDirectory(CORPUS), "the article corpus ../shared/articles is not available");
        int code = KgCommand.execute("validate", "--data", DATA, "--ontology", ONTOLOGY,
                "--corpus", CORPUS.toAbsolutePath().toString());
        assertEquals(0, code, () -> String.join("\n", errLines()));
        assertTrue(out().lines().anyMatch(l -> l.contains("investment musk-funds-openai: amount")
                && l.contains("differ between musk-funds-openai-100m, musk-funds-openai-50m-100m")), out());
        assertTrue(out().contains("proposal musk-takeover-attempt: date differ"), out());
        assertTrue(out().contains("  quotes: checked against the article texts in " + CORPUS.toAbsolutePath()), out());
    }

    @Test
    void validateSaysWhenQuotesWentUnchecked() {
        assertEquals(0, KgCommand.execute("validate", "--data", DATA, "--ontology", ONTOLOGY, "--no-corpus"), errLines()::toString);
        assertTrue(out().contains("  quotes: not checked against the article texts (none given: --corpus DIR"), out());
    }

    /** A command in a JVM of its own, where it is the first to touch Jena, writes no log line of Jena's initialisation. */
    @Test
    void aCommandStartsWithoutJenaErrors() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"), "-Dkg.home=" + home,
                KgCommand.class.getName(), "validate", "--data", DATA, "--ontology", ONTOLOGY, "--no-corpus", "--quiet")
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), output);
        assertTrue(output.startsWith("Valid in "), output);
        assertFalse(output.contains("ERROR"), output);
    }

    @Test
    void buildPublishesIntoTheStoreAndPrintsWhereTheDatabaseIs() throws IOException {
        Path store = tmp.resolve("store");
        int code = KgCommand.execute("build", "--data", DATA, "--store", store.toString(), "--ontology", ONTOLOGY, "--config", CONFIG,
                "--no-corpus");
        assertEquals(0, code, () -> String.join("\n", errLines()));
        Path current = new Store(store).current().orElseThrow();
        assertTrue(out().lines().anyMatch(l -> l.startsWith("Built the graph in ")), out());
        assertTrue(out().contains("database: " + current.resolve("tdb2")), out());
        assertTrue(out().contains("rows: articles 5,"), out());
        assertTrue(Files.isDirectory(current.resolve("tdb2")));
        assertEquals(List.of(), errLines());

        out.reset();
        assertEquals(0, KgCommand.execute("stats", "--store", store.toString()));
        assertTrue(out().contains("Disagreements: 5"), out());
        assertTrue(out().contains("Investment"), out());
    }

    @Test
    void buildThatFailsTheShapesExitsWith1AndPrintsOneLinePerViolation() throws IOException {
        Path ontology = DataFixture.ontologyWithShapes(Path.of("ontology"), tmp.resolve("ontology"), DataFixture.requiredShape(
                "urn:test:ImpossibleShape", "https://w3id.org/article-kg/ontology#Product", "urn:test:price", null));
        Path data = DataFixture.minimal().writeTo(tmp.resolve("data"));
        Path store = tmp.resolve("store");

        int code = KgCommand.execute("build", "--data", data.toString(), "--store", store.toString(),
                "--ontology", ontology.toString(), "--config", CONFIG);

        assertEquals(1, code);
        List<String> lines = errLines();
        assertEquals(2, lines.size(), () -> String.join("\n", lines));
        assertTrue(lines.get(0).startsWith("SHACL ") && lines.get(0).contains("products.csv:2 product:widget"), lines::toString);
        assertEquals("kg build: 1 SHACL violation(s); nothing was written", lines.get(1));
        assertTrue(new Store(store).current().isEmpty());
        assertEquals(List.of(), new Store(store).builds());
    }

    @Test
    void missingCorpusFolderIsAOneLineError() {
        int code = KgCommand.execute("validate", "--data", DATA, "--ontology", ONTOLOGY,
                "--corpus", tmp.resolve("nowhere").toString());
        assertEquals(1, code);
        assertEquals(List.of("kg validate: --corpus: no such folder '" + tmp.resolve("nowhere") + "'"), errLines());
    }

    @Test
    void missingDataFolderIsAOneLineError() {
        int code = KgCommand.execute("validate", "--data", tmp.resolve("nodata").toString(), "--ontology", ONTOLOGY);
        assertEquals(1, code);
        assertEquals(1, errLines().size(), errLines()::toString);
        assertTrue(errLines().get(0).startsWith("kg validate: --data: no such folder"), errLines()::toString);
    }

    @Test
    void aSubcommandsErrorNamesTheWholeCommand() {
        int code = KgCommand.execute("bench", "query", "--clients", "0");
        assertEquals(1, code);
        assertEquals(List.of("kg bench query: --articles, --seconds and --clients must be positive"), errLines());
    }

    @Test
    void runningOutOfMemoryIsOneLineThatSaysHowToGiveMore() {
        java.io.StringWriter text = new java.io.StringWriter();
        Exception e = new org.apache.jena.shared.JenaException("Exception while writing JSON-LD 1.1",
                new OutOfMemoryError("Java heap space"));
        int code = KgCommand.printError(new java.io.PrintWriter(text), "kg build: ", e);
        assertEquals(KgCommand.EXIT_INTERNAL, code);
        List<String> lines = text.toString().lines().toList();
        assertEquals(1, lines.size(), lines::toString);
        assertTrue(lines.get(0).startsWith("kg build: out of memory: the Java heap (")
                && lines.get(0).contains("Exception while writing JSON-LD 1.1") && lines.get(0).endsWith("KG_JAVA_OPTS=-Xmx2g"), lines.get(0));
    }

    @Test
    void benchBuildSizesMustIncrease() {
        int code = KgCommand.execute("bench", "build", "--rows", "400,200", "--work", tmp.resolve("bench").toString());
        assertEquals(1, code);
        assertEquals(List.of("kg bench build: --rows sizes must increase, found 200 after 400"), errLines());
    }

    @Test
    void benchBuildThreadsBelowOneIsAOneLineError() {
        int code = KgCommand.execute("bench", "build", "--rows", "200", "--threads", "0", "--work", tmp.resolve("bench").toString());
        assertEquals(1, code);
        assertEquals(List.of("kg bench build: --threads: must be at least 1, not 0"), errLines());
    }

    @Test
    void threadsBelowOneIsAOneLineError() {
        int code = KgCommand.execute("validate", "--data", DATA, "--ontology", ONTOLOGY, "--threads", "0");
        assertEquals(1, code);
        assertEquals(List.of("kg validate: --threads: must be at least 1, not 0"), errLines());
    }

    @Test
    void validateRunsOnOneThread() {
        assertEquals(0, KgCommand.execute("validate", "--data", DATA, "--ontology", ONTOLOGY, "--no-corpus", "--threads", "1"), errLines()::toString);
    }

    @Test
    void aBuildListsTheFirstDisagreementsAndCountsTheRest() {
        Path corpus = tmp.resolve("corpus");
        assertEquals(0, KgCommand.execute("generate", "--articles", "600", "--seed", "4", "--ontology", ONTOLOGY, "--out", corpus.toString()), errLines()::toString);
        out.reset();
        assertEquals(0, KgCommand.execute("validate", "--data", corpus.toString(), "--ontology", ONTOLOGY, "--no-corpus", "-q"),
                errLines()::toString);
        List<String> lines = out().lines().toList();
        int total = Integer.parseInt(lines.stream().filter(l -> l.startsWith("  disagreements: ")).findFirst().orElseThrow()
                .substring("  disagreements: ".length()));
        assertTrue(total > Summaries.SHOWN, "the corpus should have more disagreements than are listed: " + total);
        assertEquals(Summaries.SHOWN, lines.stream().filter(l -> l.startsWith("    ") && l.contains(" differ between ")).count());
        int at = lines.indexOf("    ... and " + (total - Summaries.SHOWN)
                + " more (kg stats lists them all; the disputes query shows them with their sources)");
        assertTrue(at > 0 && lines.get(at + 1).startsWith("  refinements"), "the count follows the disagreements: " + out());
        int refinements = Integer.parseInt(lines.get(at + 1).substring(lines.get(at + 1).lastIndexOf(' ') + 1));
        assertTrue(refinements > Summaries.SHOWN, "the corpus should have more refinements than are listed: " + refinements);
        assertTrue(lines.contains("    ... and " + (refinements - Summaries.SHOWN)
                + " more (kg stats lists them all; each claim's page shows them)"), out());
    }

    @Test
    void statsWithoutABuildSaysToBuildFirst() {
        int code = KgCommand.execute("stats", "--store", tmp.resolve("empty").toString());
        assertEquals(1, code);
        assertTrue(errLines().get(0).startsWith("kg stats: no graph built in"), errLines()::toString);
        assertTrue(errLines().get(0).contains("run 'kg build' first"), errLines()::toString);
    }

    @Test
    void helpListsTheCommandsAndExitsWith0() {
        assertEquals(0, KgCommand.execute("--help"));
        assertTrue(out().contains("build") && out().contains("validate") && out().contains("stats"), out());
    }

    @Test
    void helpGivesEachCommandsWholeSummary() {
        assertEquals(0, KgCommand.execute("--help"));
        for (String summary : List.of("Serves the current build over SPARQL, linked data and /api/ (building it first when stale).",
                "Lists the saved queries, or runs one (or a .rq file) and prints its results.",
                "Writes the current build as RDF (ttl, trig, nq, jsonld) or as a graph file (gexf, graphml).",
                "Checks data/, builds and validates the graph, then makes it the current build.")) {
            // picocli wraps a summary over two lines; none is cut short
            assertTrue(out().replaceAll("\\s+", " ").contains(summary), () -> summary + " in\n" + out());
        }
    }

    @Test
    void unknownOptionSuggestsTheNearestOption() {
        assertEquals(2, KgCommand.execute("query", "--formt", "csv"));
        String text = err.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("Unknown option: '--formt'"), text);
        assertTrue(text.contains("--format"), text);
        assertTrue(text.lines().anyMatch(l -> l.equals("Possible solutions: --format")), text);

        // an option picocli's likeness misses: two letters swapped
        err.reset();
        assertEquals(2, KgCommand.execute("serve", "--prot", "3811"));
        String swapped = err.toString(StandardCharsets.UTF_8);
        assertTrue(swapped.lines().anyMatch(l -> l.equals("Possible solutions: --port")), swapped);
        assertFalse(swapped.contains("Usage:"), "a suggestion instead of the usage, as picocli does: " + swapped);
        err.reset();
        assertEquals(2, KgCommand.execute("serve", "--zzzzzzzzzzzz"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("Usage: kg serve"), "nothing near: the usage");

        err.reset();
        assertEquals(2, KgCommand.execute("qeury"));
        String command = err.toString(StandardCharsets.UTF_8);
        assertTrue(command.contains("Did you mean: kg query"), command);
    }

    @Test
    void unknownSavedQuerySuggestsTheNearestNames() throws IOException {
        DataFixture.copyTree(Path.of("queries"), home.resolve("queries"));
        DataFixture.copyTree(Path.of("ontology"), home.resolve("ontology"));

        assertEquals(1, KgCommand.execute("query", "disptes", "--store", tmp.resolve("store").toString()));

        assertEquals(1, errLines().size(), errLines()::toString);
        assertTrue(errLines().get(0).startsWith("kg query: no saved query 'disptes'; did you mean disputes?"), errLines()::toString);
    }

    @Test
    void suggestionsAreTheNamesWithinAFewEdits() {
        assertEquals(List.of("disputes"), Suggestions.nearest("disptes", List.of("disputes", "investments-in", "article-facts")));
        assertEquals(List.of("investments-in"), Suggestions.nearest("investments", List.of("disputes", "investments-in")));
        assertEquals(List.of(), Suggestions.nearest("zzz", List.of("disputes", "investments-in")));
        assertEquals(1, Suggestions.distance("disptes", "disputes"));
    }

    private Path builtStore() {
        Path store = tmp.resolve("store");
        assertEquals(0, KgCommand.execute("build", "--data", DATA, "--store", store.toString(), "--ontology", ONTOLOGY,
                "--config", CONFIG, "--no-corpus"), () -> String.join("\n", errLines()));
        out.reset();
        err.reset();
        return store;
    }

    @Test
    void anEmptyResultPrints0RowsInATable() throws IOException {
        Path store = builtStore();
        Path rq = Files.writeString(tmp.resolve("none.rq"), "SELECT ?s { ?s ?p ?o FILTER(false) }");

        assertEquals(0, KgCommand.execute("query", "--file", rq.toString(), "--store", store.toString(), "--config", CONFIG),
                () -> String.join("\n", errLines()));

        assertTrue(out().lines().anyMatch(l -> l.equals("0 rows")), out());
        out.reset();
        assertEquals(0, KgCommand.execute("query", "--file", rq.toString(), "--store", store.toString(), "--config", CONFIG,
                "--format", "csv"));
        assertEquals(List.of("s"), out().lines().toList(), "CSV stays CSV");
    }

    @Test
    void aBuildOfAnEarlierVersionIsNamedAsOutdated() throws IOException {
        Path store = builtStore();
        Path rq = Files.writeString(tmp.resolve("one.rq"), "ASK {}");
        assertEquals(0, KgCommand.execute("query", "--file", rq.toString(), "--store", store.toString(), "--config", CONFIG));
        assertEquals(List.of(), errLines(), "a build of this version");

        // a build.properties written before builds said their format: one without the key
        Path info = new Store(store).requireCurrent().resolve(Store.INFO);
        Files.write(info, Files.readAllLines(info).stream().filter(l -> !l.startsWith("format=")).toList());
        assertEquals(0, KgCommand.execute("query", "--file", rq.toString(), "--store", store.toString(), "--config", CONFIG));
        assertEquals(1, errLines().size(), errLines()::toString);
        assertTrue(errLines().get(0).startsWith("kg query: warning: the build in ") && errLines().get(0).contains("(build format 1, this version's is "
                + org.articlekg.store.BuildInfo.FORMAT + ")") && errLines().get(0).endsWith("rebuild it with kg build"), errLines()::toString);
    }

    @Test
    void queryAndStatsAskTheServerThatHoldsTheStore() throws IOException {
        Path storeDir = builtStore();
        Store store = new Store(storeDir);
        Path rq = Files.writeString(tmp.resolve("all.rq"), "SELECT ?f { ?f a <https://w3id.org/article-kg/ontology#Fact> }");
        // The server caps results at 2 rows: a result of 2 rows shows the query went through it.
        org.articlekg.server.KgServer server = org.articlekg.server.KgServer.start(store,
                org.articlekg.store.ServiceConfig.read(Path.of(CONFIG)),
                org.articlekg.server.ServerSettings.defaults().withPort(0).withMaxRows(2));
        RunningServer running = RunningServer.announce(store, server.url());
        try {
            assertEquals(0, KgCommand.execute("query", "--file", rq.toString(), "--store", storeDir.toString(), "--format", "csv"),
                    () -> String.join("\n", errLines()));
            assertEquals(3, out().lines().count(), out());
            assertTrue(errLines().contains("kg query: asking the running kg serve (" + server.url() + "kg/sparql), which holds the database"),
                    errLines()::toString);

            out.reset();
            err.reset();
            assertEquals(0, KgCommand.execute("stats", "--store", storeDir.toString()), () -> String.join("\n", errLines()));
            // 2 of the build's 3: the server's row cap of 2 applies to what it answers
            assertTrue(out().contains("Disagreements: 2"), out());
            assertTrue(errLines().get(0).startsWith("kg stats: asking the running kg serve"), errLines()::toString);

            out.reset();
            err.reset();
            assertEquals(0, KgCommand.execute("stats", "--endpoint", server.url() + "kg/sparql", "--store", tmp.resolve("none").toString()),
                    () -> String.join("\n", errLines()));
            assertTrue(out().contains("Disagreements: 2"), "any endpoint, no store needed: " + out());
        } finally {
            running.withdraw(store);
            server.close();
        }
        assertFalse(Files.exists(storeDir.resolve(RunningServer.FILE)), "the announcement goes with the server");
        out.reset();
        assertEquals(0, KgCommand.execute("query", "--file", rq.toString(), "--store", storeDir.toString(), "--format", "csv",
                "--config", CONFIG));
        assertTrue(out().lines().count() > 3, "without the server, the build is read directly: " + out());
    }

    @Test
    void anAnnouncementOfAServerThatIsGoneIsIgnored() throws IOException {
        Path storeDir = Files.createDirectories(tmp.resolve("store"));
        Files.writeString(storeDir.resolve(RunningServer.FILE), "url=http://localhost:1/\npid=" + Long.MAX_VALUE + "\n");
        assertTrue(RunningServer.on(new Store(storeDir)).isEmpty());
    }
}
