package org.articlekg.build;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.Quad;
import org.articlekg.KgException;

/**
 * Writes the N-Quads, TriG and Turtle dumps from the quads as the build streams them, on a
 * thread of its own (the loading thread only hands over batches). TriG gets one block per named
 * graph: each graph is written to a part file, and the parts are joined at {@link #finish()}
 * (TriG allows prefix directives between blocks). Turtle gets every graph's triples in one
 * stream. Only quads are accepted: the build puts every statement in a named graph.
 */
final class StreamedDumps implements StreamRDF, AutoCloseable {
    static final String NQUADS = "article-kg.nq";
    private static final String TRIG = "article-kg.trig";
    private static final String TURTLE = "article-kg.ttl";
    /** The files it writes. */
    static final List<String> FILES = List.of(NQUADS, TRIG, TURTLE);

    private static final int BATCH = 4096;
    private static final List<Quad> END = List.of();

    private final Path dir;
    private final Map<String, String> prefixes;
    private final BlockingQueue<List<Quad>> queue = new ArrayBlockingQueue<>(64);
    private final Thread writer;
    private final Map<Node, Path> trigParts = new LinkedHashMap<>();
    private List<Quad> batch = new ArrayList<>(BATCH);
    private volatile Throwable failure;
    private boolean finished;

    /** Writes {@code nq}, {@code trig} and {@code ttl} files named {@code article-kg.*} into {@code dir}. */
    StreamedDumps(Path dir, PrefixMapping prefixes) {
        this.dir = dir;
        this.prefixes = prefixes.getNsPrefixMap();
        this.writer = new Thread(this::write, "kg-dumps");
        this.writer.setDaemon(true);
    }

    @Override
    public void start() {
        writer.start();
    }

    @Override
    public void quad(Quad q) {
        batch.add(q);
        if (batch.size() == BATCH) hand();
    }

    @Override
    public void triple(Triple t) {
        throw new IllegalStateException("the dumps take quads only: " + t);
    }

    @Override
    public void base(String base) {}

    @Override
    public void prefix(String prefix, String iri) {}

    /** Waits for the writer to write everything, then joins the TriG parts. */
    @Override
    public void finish() {
        if (!batch.isEmpty()) hand();
        put(END);
        join();
        finished = true;
        rethrow();
        joinTrigParts();
    }

    /** Stops the writer if the build failed before {@link #finish()}; the files are left to the caller. */
    @Override
    public void close() {
        if (finished || !writer.isAlive()) return;
        writer.interrupt();
        join();
    }

    private void hand() {
        rethrow();
        put(batch);
        batch = new ArrayList<>(BATCH);
    }

    private void put(List<Quad> quads) {
        try {
            while (writer.isAlive() && !queue.offer(quads, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                rethrow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KgException("interrupted while writing the dumps", e);
        }
    }

    private void join() {
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KgException("interrupted while writing the dumps", e);
        }
    }

    private void rethrow() {
        Throwable t = failure;
        if (t instanceof RuntimeException re) throw re;
        if (t instanceof Error err) throw err;
        if (t != null) throw new KgException("cannot write the dumps in " + dir + ": " + t.getMessage(), t);
    }

    /** The writer thread: every quad to N-Quads, to Turtle as a triple, and to its graph's TriG part. */
    private void write() {
        Map<Node, OutputStream> trigOut = new LinkedHashMap<>();
        Map<Node, StreamRDF> trig = new LinkedHashMap<>();
        try (OutputStream nqOut = open(dir.resolve(NQUADS)); OutputStream ttlOut = open(dir.resolve(TURTLE))) {
            StreamRDF nq = started(nqOut, RDFFormat.NQUADS);
            StreamRDF ttl = started(ttlOut, RDFFormat.TURTLE_BLOCKS);
            try {
                for (List<Quad> quads = queue.take(); quads != END; quads = queue.take()) {
                    for (Quad q : quads) {
                        nq.quad(q);
                        ttl.triple(q.asTriple());
                        StreamRDF part = trig.get(q.getGraph());
                        if (part == null) {
                            Path file = dir.resolve(TRIG + "." + trig.size() + ".part");
                            trigParts.put(q.getGraph(), file);
                            OutputStream out = open(file);
                            trigOut.put(q.getGraph(), out);
                            part = started(out, RDFFormat.TRIG_BLOCKS);
                            trig.put(q.getGraph(), part);
                        }
                        part.quad(q);
                    }
                }
            } finally {
                nq.finish();
                ttl.finish();
                for (StreamRDF part : trig.values()) part.finish();
            }
        } catch (InterruptedException e) {
            failure = new KgException("the dumps were stopped before the end of the data");
        } catch (Throwable t) {
            failure = t;
        } finally {
            for (OutputStream out : trigOut.values()) {
                try {
                    out.close();
                } catch (IOException e) {
                    if (failure == null) failure = e;
                }
            }
        }
    }

    private StreamRDF started(OutputStream out, RDFFormat format) {
        StreamRDF s = DumpFiles.writer(out, format);
        s.start();
        prefixes.forEach(s::prefix);
        return s;
    }

    private static OutputStream open(Path file) throws IOException {
        return new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
    }

    private void joinTrigParts() {
        Path trig = dir.resolve(TRIG);
        try (OutputStream out = Files.newOutputStream(trig)) {
            for (Path part : trigParts.values()) {
                try (InputStream in = Files.newInputStream(part)) {
                    in.transferTo(out);
                }
                Files.delete(part);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + trig + ": " + e.getMessage(), e);
        }
    }
}
