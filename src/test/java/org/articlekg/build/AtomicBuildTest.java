package org.articlekg.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.articlekg.DataFixture;
import org.articlekg.KgException;
import org.articlekg.build.ShapeCheck.ShapeViolationException;
import org.articlekg.load.InvalidInputException;
import org.articlekg.load.Problem;
import org.articlekg.store.Store;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A build is published only when it succeeded: a build that fails on its input, on the shapes or
 * on its ontology leaves the current build as it was (same folder, same database, no leftover).
 */
class AtomicBuildTest {
    static final Path DATA = Path.of("data");
    static final Path ONTOLOGY = Path.of("ontology");

    @TempDir Path tmp;
    Store store;
    Path first;
    long firstQuads;

    static GraphBuilder builder(Path data, Path ontology) {
        return GraphBuilder.create().dataDir(data).ontologyDir(ontology).corpus(null).build();
    }

    static long quads(Path build) {
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(build.resolve(Store.TDB2).toString());
        try {
            return Txn.calculateRead(dsg, () -> {
                long n = 0;
                for (var it = dsg.find(); it.hasNext(); it.next()) n++;
                return n;
            });
        } finally {
            TDBInternal.expel(dsg);
        }
    }

    @BeforeEach
    void firstBuild() {
        store = new Store(tmp.resolve("store"));
        BuildReport report = builder(DATA, ONTOLOGY).buildInto(store);
        first = store.current().orElseThrow();
        assertEquals(report.location(), first);
        firstQuads = quads(first);
        assertEquals(report.totalQuads(), firstQuads);
    }

    private void assertFirstBuildStillCurrentAndIntact() {
        assertEquals(first, store.current().orElseThrow(), "current still points at the first build");
        assertEquals(List.of(first), store.builds(), "no folder of the failed build is left");
        assertEquals(firstQuads, quads(first), "the first build's database opens and is unchanged");
        assertTrue(Files.isRegularFile(first.resolve("dumps").resolve("article-kg.trig")));
    }

    @Test
    void anErrorMidBuildAlsoRemovesTheNewFolder() {
        // An Error (here a simulated out-of-memory as validation starts) is not an exception, but
        // it must not leave a half-built folder either.
        GraphBuilder failing = GraphBuilder.create().dataDir(DATA).ontologyDir(ONTOLOGY).corpus(null).progress(line -> {
            if (line.startsWith("validating against the SHACL shapes") && line.endsWith("...")) throw new OutOfMemoryError("simulated");
        }).build();
        OutOfMemoryError e = assertThrows(OutOfMemoryError.class, () -> failing.buildInto(store));
        assertEquals("simulated", e.getMessage());
        assertFirstBuildStillCurrentAndIntact();
    }

    @ParameterizedTest(name = "threads {0}")
    @ValueSource(ints = {2, 1})
    void aFailureOfTheTextIndexFromTheDumpFailsTheBuildAndLeavesTheCurrentOne(int threads) {
        // With 2 threads the text index is made on a thread of its own while TDB2 builds its
        // indexes, with 1 in the last phase; its failure (here as it reports its time) reaches the
        // build either way.
        GraphBuilder failing = GraphBuilder.create().dataDir(DATA).ontologyDir(ONTOLOGY).corpus(null).threads(threads)
                .progress(line -> {
                    if (line.startsWith("  text index (from the N-Quads dump): ")) throw new KgException("simulated: the text index failed");
                }).build();
        KgException e = assertThrows(KgException.class, () -> failing.buildInto(store));
        assertEquals("simulated: the text index failed", e.getMessage());
        assertFirstBuildStillCurrentAndIntact();
        builder(DATA, ONTOLOGY).buildInto(store);
        assertEquals(2, store.builds().size(), "the next build is not blocked");
    }

    @Test
    void aFullDiskWhileLoadingIsReportedInOneLineAndLeavesNoFolder() {
        // The disk fills while the load's write transaction is open. The clean-up used to fail on
        // that open transaction ("Can't expel: Active transactions"), hiding the first error and
        // keeping the half-written folder, which kept the disk full for every later build.
        GraphBuilder failing = GraphBuilder.create().dataDir(DATA).ontologyDir(ONTOLOGY).corpus(null).progress(line -> {
            if (line.startsWith("checking data and loading into TDB2")) {
                throw new java.io.IOError(new IOException("/tmp/store/builds/x/tdb2/Data-0001/SPO.dat: No space left on device"));
            }
        }).build();
        KgException e = assertThrows(KgException.class, () -> failing.buildInto(store));
        assertTrue(e.getMessage().startsWith("the disk is full"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        assertFirstBuildStillCurrentAndIntact();
        builder(DATA, ONTOLOGY).buildInto(store);
        assertEquals(2, store.builds().size(), "the next build succeeds");
    }

    @Test
    void aSecondBuildIntoTheSameStoreIsRefusedInOneLine() {
        try (Store.BuildLock running = store.lockForBuild()) {
            KgException e = assertThrows(KgException.class, () -> builder(DATA, ONTOLOGY).buildInto(store));
            assertTrue(e.getMessage().startsWith("another build is running in " + store.root()), e.getMessage());
            assertTrue(e.getMessage().contains("pid " + ProcessHandle.current().pid()), e.getMessage());
            assertFalse(e.getMessage().contains("\n"));
            assertFirstBuildStillCurrentAndIntact();
        }
        builder(DATA, ONTOLOGY).buildInto(store);
        assertEquals(2, store.builds().size(), "once the first build is done, the next one runs");
    }

    @Test
    void aBuildKilledMidwayBlocksNothing() throws IOException {
        // What kill -9 leaves: a half-written folder and the lock file (its lock went with the process).
        Path leftover = Files.createDirectories(store.root().resolve(Store.BUILDS).resolve("20000101-000000-dead00").resolve("tdb2"));
        Files.writeString(store.root().resolve(Store.LOCK), "pid 999999");
        builder(DATA, ONTOLOGY).buildInto(store);
        assertFalse(Files.exists(leftover), "the next build removes the leftover folder");
        assertEquals(2, store.builds().size());
    }

    @Test
    void aBuildKilledWithSigkillLeavesTheCurrentBuildAndBlocksNothing() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                "org.articlekg.cli.KgCommand", "build", "--data", DATA.toAbsolutePath().toString(),
                "--ontology", ONTOLOGY.toAbsolutePath().toString(), "--config", Path.of("fuseki-config", "config.ttl").toAbsolutePath().toString(),
                "--store", store.root().toString(), "--no-corpus")
                .redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
        try {
            long deadline = System.currentTimeMillis() + 60_000;
            while (store.builds().size() < 2 && child.isAlive() && System.currentTimeMillis() < deadline) Thread.sleep(10);
            Path started = store.builds().stream().filter(b -> !b.equals(first)).findFirst().orElse(null);
            Thread.sleep(300);
            org.junit.jupiter.api.Assumptions.assumeTrue(child.isAlive() && started != null, "the child build ended before it could be killed");
        } finally {
            child.destroyForcibly().waitFor();
        }
        assertEquals(first, store.current().orElseThrow(), "the killed build was never published");
        assertEquals(firstQuads, quads(first));
        builder(DATA, ONTOLOGY).buildInto(store);
        assertEquals(2, store.builds().size(), "the next build ran (the lock went with the process) and removed the killed one's folder");
    }

    @Test
    void buildWithABadRowFailsAndLeavesTheCurrentBuildUntouched() throws IOException {
        Path bad = DataFixture.copyTree(DATA, tmp.resolve("data"));
        Path investments = bad.resolve("investments.csv");
        List<String> lines = Files.readAllLines(investments);
        int index = -1;
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).startsWith("microsoft-invests-1b-2019,")) index = i;
        assertTrue(index > 0);
        lines.set(index, lines.get(index).replace(",1000000000,", ",\"1 000 000 000\","));
        Files.write(investments, lines);

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> builder(bad, ONTOLOGY).buildInto(store));
        Problem p = e.problems().stream().filter(x -> "amount".equals(x.columnName())).findFirst()
                .orElseThrow(() -> new AssertionError("no problem in column amount: " + e.getMessage()));
        assertEquals("investments.csv", p.file().getFileName().toString());
        assertEquals(index + 1, p.line(), "the line of the row (0-based index + 1)");
        assertEquals("amount", p.columnName());
        assertEquals("1 000 000 000", p.value());
        assertFirstBuildStillCurrentAndIntact();
    }

    @Test
    void buildThatFailsTheShapesLeavesTheCurrentBuildUntouchedAndDeletesItsFolder() throws IOException {
        Path ontology = DataFixture.ontologyWithShapes(ONTOLOGY, tmp.resolve("ontology"), DataFixture.requiredShape(
                "urn:test:ImpossibleShape", "https://w3id.org/article-kg/ontology#Person", "urn:test:nickname",
                "every person needs a nickname"));

        ShapeViolationException e = assertThrows(ShapeViolationException.class,
                () -> builder(DATA, ontology).buildInto(store));
        assertEquals(7, e.violations().size(), () -> String.join("\n", e.violations()));
        assertTrue(e.violations().stream().anyMatch(v -> v.contains("persons.csv:2 person:elon-musk")
                        && v.contains("every person needs a nickname")),
                () -> "violations name the row and the node:\n" + String.join("\n", e.violations()));
        assertFirstBuildStillCurrentAndIntact();
    }

    @Test
    void buildWithAnUnreadableOntologyFailsBeforeWritingAnything() throws IOException {
        Path ontology = DataFixture.copyTree(ONTOLOGY, tmp.resolve("ontology"));
        Files.writeString(ontology.resolve(Ontology.ONTOLOGY_FILE), "@prefix : <urn:x#> . :a :b ", StandardOpenOption.APPEND);
        KgException e = assertThrows(KgException.class, () -> builder(DATA, ontology).buildInto(store));
        assertTrue(e.getMessage().contains(Ontology.ONTOLOGY_FILE), e.getMessage());
        assertFirstBuildStillCurrentAndIntact();
    }

    @Test
    void successfulRebuildIsPublishedAndKeepsThePreviousBuild() {
        BuildReport second = builder(DATA, ONTOLOGY).buildInto(store);
        assertEquals(second.location(), store.current().orElseThrow());
        assertFalse(second.location().equals(first));
        assertTrue(store.builds().containsAll(List.of(first, second.location())));
        assertEquals(firstQuads, quads(second.location()), "the same input gives the same graph");
        assertEquals(firstQuads, quads(first), "the previous build stays readable");
    }
}
