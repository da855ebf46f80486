package org.articlekg.build;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.lang.StreamRDFCounting;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDF2;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.articlekg.Futures;
import org.articlekg.KgException;
import org.articlekg.load.GraphLoader;
import org.articlekg.load.Iris;
import org.articlekg.load.LoadResult;
import org.articlekg.publish.GraphEdges;
import org.articlekg.publish.GraphEdges.EntityGraph;
import org.articlekg.publish.GraphExport;
import org.articlekg.publish.VoidDescription;
import org.articlekg.store.ServiceConfig;
import org.articlekg.store.Store;

/**
 * Builds the knowledge graph: the facts of {@code data/} (checked by {@link GraphLoader}), the
 * ontology, and the triples it implies, each in its own named graph; validated against the SHACL
 * shapes; stored in a new TDB2 database with dumps beside it; published only when all succeeded.
 *
 * <pre>{@code
 * BuildReport r = GraphBuilder.create().dataDir(Path.of("data")).ontologyDir(Path.of("ontology")).build()
 *         .buildInto(new Store(Path.of("var")));
 * }</pre>
 */
public final class GraphBuilder {
    /** The largest graph ever written as a JSON-LD dump by default; larger builds offer the other syntaxes. */
    public static final long MAX_JSONLD_QUADS = 1_000_000;

    /**
     * Heap allowed per quad of the JSON-LD dump: Jena's JSON-LD 1.1 writer (Titanium) holds the
     * whole graph as JSON objects, measured at 1 to 2 KB per quad (500,000 quads need more than
     * 512 MB), and the dump is written beside the text index and the entity graph.
     */
    static final long JSONLD_HEAP_PER_QUAD = 4096;

    /**
     * The default largest graph written as a JSON-LD dump: what this JVM's heap allows ({@code
     * -Xmx} / {@value #JSONLD_HEAP_PER_QUAD} bytes; 262,144 quads with a 1 GiB heap), at most
     * {@link #MAX_JSONLD_QUADS}.
     */
    public static long defaultMaxJsonLdQuads() {
        return Math.min(MAX_JSONLD_QUADS, Runtime.getRuntime().maxMemory() / JSONLD_HEAP_PER_QUAD);
    }

    /** The threads a build uses by default for its phases after loading: one per processor. */
    public static int defaultThreads() {
        return Tasks.defaultThreads();
    }

    private final GraphLoader.Builder loader;
    private final Path ontologyDir;
    private final Path serviceConfig;
    private final Iris iris;
    private final java.util.function.Consumer<String> progress;
    private final long maxJsonLdQuads;
    private final int threads;

    private GraphBuilder(GraphLoader.Builder loader, Path ontologyDir, Path serviceConfig, java.util.function.Consumer<String> progress,
                         long maxJsonLdQuads, int threads) {
        this.loader = loader;
        this.ontologyDir = ontologyDir;
        this.serviceConfig = serviceConfig;
        this.iris = loader.iris();
        this.progress = progress;
        this.maxJsonLdQuads = maxJsonLdQuads;
        this.threads = threads;
    }

    /** Runs one phase of the build, reporting its name and how long it took, and adding it to {@code phases}. */
    private <T> T phase(List<BuildReport.Phase> phases, String name, java.util.function.Supplier<T> work) {
        long start = System.nanoTime();
        progress.accept(name + "...");
        T result = work.get();
        Duration time = Duration.ofNanos(System.nanoTime() - start);
        progress.accept(String.format("%s: %.1f s", name, time.toNanos() / 1e9));
        phases.add(new BuildReport.Phase(name, time, false));
        return result;
    }

    public static Builder create() {
        return new Builder();
    }

    /** Builder of a {@link GraphBuilder}. */
    public static final class Builder {
        private final GraphLoader.Builder loader = GraphLoader.create();
        private Path ontologyDir = Path.of("ontology");
        private Path serviceConfig = Path.of("fuseki-config", ServiceConfig.FILE);
        private java.util.function.Consumer<String> progress = line -> { };
        private long maxJsonLdQuads = defaultMaxJsonLdQuads();
        private int threads = Tasks.defaultThreads();

        public Builder dataDir(Path dir) { loader.dataDir(dir); return this; }

        public Builder ontologyDir(Path dir) { this.ontologyDir = Objects.requireNonNull(dir); return this; }

        public Builder base(String base) { loader.base(base); return this; }

        /** The article texts to check quotes against, or null to skip that check. */
        public Builder corpus(Path dir) { loader.corpus(dir); return this; }

        /** The service description whose text index the build fills (default fuseki-config/config.ttl). */
        public Builder serviceConfig(Path file) { this.serviceConfig = Objects.requireNonNull(file); return this; }

        /** Where to report each phase as it starts and ends (default: nowhere). */
        public Builder progress(java.util.function.Consumer<String> progress) { this.progress = Objects.requireNonNull(progress); return this; }

        /**
         * The largest build (in quads) that gets a JSON-LD dump: the JSON-LD writer holds the whole
         * graph in memory (default: {@link #defaultMaxJsonLdQuads()}).
         */
        public Builder maxJsonLdQuads(long quads) { this.maxJsonLdQuads = quads; return this; }

        /**
         * Threads for the phases after loading (the SHACL validation split by shape targets, the
         * exports and VoID, side by side). Default: one per processor. The dumps are written during
         * loading, on a thread of their own; with more than one thread, the text index is made from
         * the N-Quads dump on a thread of its own while TDB2 builds its indexes (with one, after).
         */
        public Builder threads(int threads) {
            if (threads < 1) throw new IllegalArgumentException("threads must be at least 1: " + threads);
            this.threads = threads;
            return this;
        }

        public GraphBuilder build() {
            java.util.function.Consumer<String> report = progress;
            loader.progress(line -> report.accept("loading: " + line));
            return new GraphBuilder(loader, ontologyDir, serviceConfig, progress, maxJsonLdQuads, threads);
        }
    }

    public Iris iris() { return iris; }

    /** Runs every check (CSV, references, evidence, quotes, SHACL) in memory and writes nothing. */
    public BuildReport validate() {
        Instant start = Instant.now();
        Ontology ontology = Ontology.read(ontologyDir);
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        LoadResult load = Txn.calculateWrite(dsg, () -> assemble(StreamRDFLib.dataset(dsg), StreamRDFLib.sinkNull(), ontology));
        new ShapeCheck(ontology.shapes(), ontology.graph(), Prefixes.of(iris, ontology.model())).validate(dsg.getUnionGraph(), load::locate, threads,
                work -> Txn.executeRead(dsg, work));
        Map<String, Long> counts = Txn.calculateRead(dsg, () -> countQuads(dsg));
        return new BuildReport(load, counts, null, List.of(), Duration.between(start, Instant.now()), List.of());
    }

    /**
     * Builds into a new folder of the store and publishes it. On any failure the new folder is
     * deleted and the store's current build is left as it was.
     */
    public BuildReport buildInto(Store store) {
        Instant start = Instant.now();
        Ontology ontology = Ontology.read(ontologyDir);
        ServiceConfig config = ServiceConfig.read(serviceConfig);
        try (Store.BuildLock lock = store.lockForBuild()) {
            return buildInto(store, ontology, config, start);
        }
    }

    private BuildReport buildInto(Store store, Ontology ontology, ServiceConfig config, Instant start) {
        Path dir = store.begin();
        List<BuildReport.Phase> phases = java.util.Collections.synchronizedList(new ArrayList<>());
        DatasetGraph dsg = null;
        CompletableFuture<Long> textIndex = null;
        boolean published = false;
        try {
            dsg = DatabaseMgr.connectDatasetGraph(dir.resolve(Store.TDB2).toString(), Store.STORAGE);
            DataLoader tdbLoader = LoaderFactory.sequentialLoader(dsg, (fmt, args) -> { });
            Path dumpsDir = Files.createDirectories(dir.resolve(Store.DUMPS));
            VoidDescription.Counts streamed = new VoidDescription.Counts();
            StreamRDFCounting alignments = StreamRDFLib.count();
            tdbLoader.startBulk();
            LoadResult load;
            Supplier<Long> textFromDump;
            PrefixMapping prefixes = Prefixes.of(iris, ontology.model());
            try (StreamedDumps streamedDumps = new StreamedDumps(dumpsDir, prefixes)) {
                load = phase(phases, "checking data and loading into TDB2 (and writing the N-Quads, TriG and Turtle dumps)",
                        () -> assemble(new StreamRDF2(tdbLoader.stream(), new StreamRDF2(streamedDumps, streamed)),
                                new StreamRDF2(GraphStreams.quadsOnly(streamedDumps), alignments), ontology));
                // TDB2 builds its indexes on one thread: the text index is made on another from the
                // N-Quads dump, complete once loading is (and checked against the database after).
                Path nquads = dumpsDir.resolve(StreamedDumps.NQUADS);
                Set<Node> stored = Iris.GRAPHS.stream().map(iris::graph).collect(Collectors.toSet());
                textFromDump = () -> timed(phases, "text index (from the N-Quads dump)", () -> config.indexText(nquads, stored, dir));
                if (threads > 1) textIndex = Tasks.beside("kg-text", textFromDump);
                phase(phases, "finishing TDB2 indexes", () -> {
                    tdbLoader.finishBulk();
                    return null;
                });
            } catch (RuntimeException | Error e) {
                // Abort the load's write transaction; if even that fails (the disk is full), the
                // first error is the one to report.
                try {
                    tdbLoader.finishException(e instanceof Exception x ? x : new RuntimeException(e));
                } catch (RuntimeException abort) {
                    e.addSuppressed(abort);
                }
                throw e;
            }
            DatasetGraph db = dsg;
            Map<String, Long> counts = phase(phases, "counting quads", () -> Txn.calculateRead(db, () -> countQuads(db)));
            // What the loader makes true by construction (the shapes of each kind of fact, and those
            // marked checked while loading) is left to kg validate and the tests; the other shapes
            // run beside the exports, which only read the database too.
            ShapeCheck.Validation shapes = new ShapeCheck(ontology.buildShapes(), ontology.graph(), prefixes)
                    .plan(db.getUnionGraph(), load::locate, threads, work -> Txn.executeRead(db, work));
            db.getContext().set(TDB2.symUnionDefaultGraph, true);
            long quads = counts.values().stream().mapToLong(Long::longValue).sum();
            // The dumps written while loading hold the stored graph when the stream held no quad
            // twice (the database keeps each quad once); otherwise they are rewritten from the database.
            boolean streamedDump = streamed.total() == quads;
            if (!streamedDump) {
                progress.accept(String.format("  dumps: %d quads streamed, %d stored; rewritten from the database",
                        streamed.total(), quads));
            }
            CompletableFuture<Long> textStarted = textIndex;
            List<Path> dumps = phase(phases, "validating against the SHACL shapes, writing the exports, VoID and the JSON-LD dump",
                    () -> publishFiles(db, ontology, config, dir, quads + alignments.countQuads(), streamedDump ? streamed : null,
                            prefixes, shapes, phases, textStarted, textFromDump));
            writeInfo(dir, load, counts);
            TDBInternal.expel(dsg);
            dsg = null;
            store.publish(dir);
            published = true;
            return new BuildReport(load, counts, dir, dumps, Duration.between(start, Instant.now()), phases);
        } catch (IOException e) {
            throw diskFull(e, dir).orElseGet(() -> new KgException("cannot write in " + dir + ": " + e.getMessage(), e));
        } catch (RuntimeException | Error e) {
            if (textIndex != null) {
                Throwable text = Tasks.settle(textIndex);
                if (text != null && text != e) e.addSuppressed(text);
            }
            Optional<KgException> full = diskFull(e, dir);
            if (full.isPresent()) throw full.get();
            throw e;
        } finally {
            // Whatever failed (an exception or an Error such as running out of memory), the new
            // folder goes and the current build stays. The clean-up itself may fail (a database
            // whose transaction could not be aborted cannot be closed): that must neither hide
            // the first error nor keep the folder.
            if (!published) {
                if (textIndex != null) Tasks.settle(textIndex);
                try {
                    if (dsg != null) TDBInternal.expel(dsg);
                } catch (RuntimeException closing) {
                    // Left to the end of the process; the folder is deleted below all the same.
                }
                store.discard(dir);
            }
        }
    }

    /**
     * The error to report when a failure is the disk being full (anywhere in its causes): one
     * line that says so, instead of the database's or the writer's own exception.
     */
    static Optional<KgException> diskFull(Throwable failure, Path dir) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (m.contains("No space left on device") || m.contains("There is not enough space on the disk")
                    || m.contains("Disk quota exceeded")) {
                return Optional.of(new KgException("the disk is full (no space left on the device of " + dir.getParent()
                        + "): the new build was removed and the current build is unchanged; free some space and build again", failure));
            }
        }
        return Optional.empty();
    }

    /**
     * Streams the ontology, the facts with what they imply, and their summaries into the four named
     * graphs of {@code quads}, and the alignments to other vocabularies into {@code alignments}
     * (quads only: its start and finish are the caller's).
     */
    private LoadResult assemble(StreamRDF quads, StreamRDF alignments, Ontology ontology) {
        quads.start();
        Prefixes.of(iris, ontology.model()).getNsPrefixMap().forEach(quads::prefix);
        StreamRDF onto = GraphStreams.intoGraph(quads, iris.graph(Iris.ONTOLOGY_GRAPH));
        ontology.graph().find().forEachRemaining(onto::triple);
        Summaries summaries = new Summaries(iris, ontology.model(), ontology.graph());
        LoadResult result = loader.model(ontology.model()).build().load(summaries.observe(GraphStreams.withInference(quads, alignments,
                ontology, iris.graph(Iris.FACTS_GRAPH), iris.graph(Iris.INFERRED_GRAPH), iris.graph(Iris.ALIGNMENTS_GRAPH))));
        summaries.write(GraphStreams.intoGraph(quads, iris.graph(Iris.SUMMARY_GRAPH)));
        quads.finish();
        return result;
    }

    private Map<String, Long> countQuads(DatasetGraph dsg) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String name : Iris.GRAPHS) {
            Node g = iris.graph(name);
            counts.put(name, (long) dsg.getGraph(g).size());
        }
        return counts;
    }

    /**
     * Validates the SHACL shapes and writes the GEXF and GraphML exports, the VoID description and
     * the dumps not written while loading, and checks (or makes) the text index, as independent
     * tasks on the build's threads (each reads the database in its own transaction). Returns the
     * files written into {@code dumps/}.
     *
     * @param streamed the VoID counts made while loading when the stream held exactly the stored
     *     quads (the dumps written while loading are then complete too), or null to count and write
     *     everything from the database
     * @param prefixes the prefixes of the Turtle dump
     * @param shapes the SHACL validation, whose parts run among the tasks; checked when all have run
     * @param phases where each task's time is added (a synchronized list: the tasks run side by side)
     * @param textIndex the text index being made from the N-Quads dump since loading ended (its
     *     entries), or null if it was not started (one thread)
     * @param textFromDump makes the text index from the N-Quads dump; when the dump is the stored
     *     graph, that index is kept unless an indexed statement is in two graphs (it would hold it
     *     twice), else it is made again from the database
     */
    private List<Path> publishFiles(DatasetGraph dsg, Ontology ontology, ServiceConfig config, Path dir, long quads,
                                    VoidDescription.Counts streamed,
                                    PrefixMapping prefixes, ShapeCheck.Validation shapes,
                                    List<BuildReport.Phase> phases, CompletableFuture<Long> textIndex, Supplier<Long> textFromDump) {
        boolean streamedDump = streamed != null;
        Path dumpsDir = dir.resolve(Store.DUMPS);
        List<String> names = new ArrayList<>();
        for (String name : DumpFiles.RDF.keySet()) {
            if (name.endsWith(".jsonld") && quads > maxJsonLdQuads) {
                progress.accept(String.format("  %s: skipped (%d quads; the JSON-LD writer holds the whole graph "
                        + "in memory, so with this heap it is written up to %d quads)", name, quads, maxJsonLdQuads));
            } else {
                names.add(name);
            }
        }
        names.addAll(DumpFiles.EXPORTS);
        Map<String, String> types = new LinkedHashMap<>();
        for (String name : names) types.put(name, DumpFiles.MEDIA_TYPES.get(name));
        // Longest first, so that the threads finish together.
        List<Runnable> tasks = new ArrayList<>();
        tasks.add(() -> timed(phases, "entity graph, GEXF and GraphML", () -> writeEntityGraph(dsg, dumpsDir)));
        for (int i = 0; i < shapes.parts().size(); i++) {
            tasks.add(shapeTask(phases, shapes, i));
        }
        for (String name : DumpFiles.RDF.keySet()) {
            if (!names.contains(name) || streamedDump && StreamedDumps.FILES.contains(name)) continue;
            tasks.add(() -> timed(phases, name, () -> writeDump(dsg, ontology, dumpsDir.resolve(name), DumpFiles.RDF.get(name), prefixes)));
        }
        if (!streamedDump) {
            // the dump is not the stored graph: the text index is made (again) from the database
            if (textIndex != null) Tasks.settle(textIndex);
            tasks.add(() -> timed(phases, "text index", () -> config.indexText(dsg, dir)));
        } else {
            tasks.add(() -> timed(phases, "text index checked against the database", () -> {
                long made = textIndex != null ? Futures.join(textIndex) : textFromDump.get();
                if (config.indexedStatementInTwoGraphs(dsg)) {
                    progress.accept(String.format("  text index: %d entries from the dump, where a statement is in two graphs; "
                            + "made again from the database", made));
                    config.indexText(dsg, dir);
                }
            }));
        }
        tasks.add(() -> timed(phases, streamedDump ? "VoID (counted while loading)" : "VoID",
                () -> writeVoid(dsg, dir.resolve(Store.VOID), types, streamed)));
        Tasks.runAll(threads, tasks);
        shapes.check();
        List<Path> written = new ArrayList<>();
        for (String name : names) written.add(dumpsDir.resolve(name));
        return written;
    }

    private Runnable shapeTask(List<BuildReport.Phase> phases, ShapeCheck.Validation shapes, int part) {
        int n = shapes.parts().size();
        return () -> timed(phases, n == 1 ? "SHACL shapes" : "SHACL shapes, part " + (part + 1) + " of " + n, shapes.parts().get(part));
    }

    /** Runs a task of {@link #publishFiles}, reporting how long it took and adding it to {@code phases}. */
    private void timed(List<BuildReport.Phase> phases, String name, Runnable work) {
        timed(phases, name, () -> {
            work.run();
            return null;
        });
    }

    /** As {@link #timed(List, String, Runnable)}, for a task with a result. */
    private <T> T timed(List<BuildReport.Phase> phases, String name, Supplier<T> work) {
        long t0 = System.nanoTime();
        T result = work.get();
        Duration time = Duration.ofNanos(System.nanoTime() - t0);
        progress.accept(String.format("  %s: %.1f s", name, time.toNanos() / 1e9));
        phases.add(new BuildReport.Phase(name, time, true));
        return result;
    }

    /**
     * Writes a dump from the database: every stored quad, and the alignments to other vocabularies
     * (not stored) entailed again from the facts graph, in {@link Iris#ALIGNMENTS_GRAPH}, as the
     * dumps written while loading hold them.
     */
    private void writeDump(DatasetGraph dsg, Ontology ontology, Path file, RDFFormat format, PrefixMapping prefixes) {
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            Txn.executeRead(dsg, () -> {
                boolean turtle = format.getLang().equals(org.apache.jena.riot.Lang.TURTLE);
                if (!turtle && !StreamRDFWriter.registered(format)) {
                    // JSON-LD's writer takes a whole dataset (and holds it in memory anyway).
                    DatasetGraph all = DatasetGraphFactory.create();
                    dsg.find().forEachRemaining(all::add);
                    writeAlignments(dsg, ontology, StreamRDFLib.dataset(all));
                    all.prefixes().putAll(prefixes);
                    RDFDataMgr.write(out, all, format);
                    return;
                }
                // Turtle gets every graph's triples in one stream. (Writing the union graph would
                // de-duplicate through a set in memory; the graphs hold no triple twice.)
                StreamRDF writer = DumpFiles.writer(out, format);
                StreamRDF stream = turtle ? GraphStreams.triplesOf(writer) : writer;
                stream.start();
                prefixes.getNsPrefixMap().forEach(stream::prefix);
                dsg.find().forEachRemaining(stream::quad);
                writeAlignments(dsg, ontology, stream);
                stream.finish();
            });
        } catch (IOException e) {
            throw new KgException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Sends to {@code out} the alignments the ontology implies from the facts graph of {@code dsg}. */
    private void writeAlignments(DatasetGraph dsg, Ontology ontology, StreamRDF out) {
        StreamRDF entail = GraphStreams.withInference(StreamRDFLib.sinkNull(), out, ontology, iris.graph(Iris.FACTS_GRAPH),
                iris.graph(Iris.INFERRED_GRAPH), iris.graph(Iris.ALIGNMENTS_GRAPH));
        dsg.getGraph(iris.graph(Iris.FACTS_GRAPH)).find().forEachRemaining(entail::triple);
    }

    /** The entity graph for graph tools, as GEXF and GraphML. */
    private void writeEntityGraph(DatasetGraph dsg, Path dumpsDir) {
        EntityGraph graph = Txn.calculateRead(dsg, () -> GraphEdges.all(dsg, iris));
        Path gexf = dumpsDir.resolve("article-kg.gexf");
        Path graphml = dumpsDir.resolve("article-kg.graphml");
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(gexf), 1 << 16)) {
            GraphExport.gexf(graph, out);
        } catch (IOException e) {
            throw new KgException("cannot write " + gexf + ": " + e.getMessage(), e);
        }
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(graphml), 1 << 16)) {
            GraphExport.graphml(graph, out);
        } catch (IOException e) {
            throw new KgException("cannot write " + graphml + ": " + e.getMessage(), e);
        }
    }

    /** The VoID description of the build, announcing the dump files of {@code types}. */
    private void writeVoid(DatasetGraph dsg, Path file, Map<String, String> types, VoidDescription.Counts counts) {
        org.apache.jena.graph.Graph description = Txn.calculateRead(dsg, () -> counts == null
                ? VoidDescription.describe(dsg, iris, types) : VoidDescription.describe(dsg, iris, types, counts));
        try (OutputStream out = Files.newOutputStream(file)) {
            RDFDataMgr.write(out, description, RDFFormat.TURTLE_PRETTY);
        } catch (IOException e) {
            throw new KgException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private void writeInfo(Path dir, LoadResult load, Map<String, Long> counts) {
        Map<String, Integer> rows = new LinkedHashMap<>();
        load.rows().forEach((k, n) -> rows.put(k.fileName(), n));
        new org.articlekg.store.BuildInfo(iris.base(), Instant.now(), counts, rows, load.disagreements().size()).write(dir);
    }
}
