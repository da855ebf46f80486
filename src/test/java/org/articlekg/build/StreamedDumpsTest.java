package org.articlekg.build;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.IsoMatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dumps written from the stream, on their own thread. */
class StreamedDumpsTest {
    @TempDir
    Path dir;

    private static final PrefixMapping PREFIXES = PrefixMapping.Factory.create().setNsPrefix("ex", "http://example.org/");

    /** Quads in two graphs, interleaved as the build streams them (facts and what they imply). */
    private static List<Quad> quads(int n) {
        List<Quad> quads = new ArrayList<>();
        Node facts = NodeFactory.createURI("http://example.org/graph/facts");
        Node inferred = NodeFactory.createURI("http://example.org/graph/inferred");
        for (int i = 0; i < n; i++) {
            Node s = NodeFactory.createURI("http://example.org/s" + i);
            quads.add(Quad.create(facts, s, NodeFactory.createURI("http://example.org/p"), NodeFactory.createLiteralString("v" + i)));
            quads.add(Quad.create(inferred, s, NodeFactory.createURI("http://example.org/q"), NodeFactory.createURI("http://example.org/o")));
        }
        return quads;
    }

    @Test
    void writesEveryQuadToNQuadsTrigAndTurtle() throws Exception {
        List<Quad> quads = quads(10_000);
        StreamedDumps dumps = new StreamedDumps(dir, PREFIXES);
        dumps.start();
        quads.forEach(dumps::quad);
        dumps.finish();
        dumps.close();
        assertEquals(quads.size(), Files.readAllLines(dir.resolve("article-kg.nq")).size(), "one line per quad");

        DatasetGraph expected = DatasetGraphFactory.create();
        quads.forEach(expected::add);
        assertTrue(IsoMatcher.isomorphic(expected, RDFDataMgr.loadDatasetGraph(dir.resolve("article-kg.nq").toString())));
        assertTrue(IsoMatcher.isomorphic(expected, RDFDataMgr.loadDatasetGraph(dir.resolve("article-kg.trig").toString())));
        Graph triples = GraphFactory.createDefaultGraph();
        quads.forEach(q -> triples.add(q.asTriple()));
        assertTrue(triples.isIsomorphicWith(RDFDataMgr.loadGraph(dir.resolve("article-kg.ttl").toString())));
        // one block per graph, and no part file left behind
        String trig = Files.readString(dir.resolve("article-kg.trig"));
        assertEquals(2, trig.split("<http://example.org/graph/").length - 1, "one block per graph");
        try (var files = Files.list(dir)) {
            assertEquals(List.of("article-kg.nq", "article-kg.trig", "article-kg.ttl"),
                    files.map(f -> f.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void closingBeforeTheEndStopsTheWriter() {
        StreamedDumps dumps = new StreamedDumps(dir, PREFIXES);
        dumps.start();
        quads(50_000).forEach(dumps::quad);
        assertTimeoutPreemptively(java.time.Duration.ofSeconds(30), dumps::close);
        assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().equals("kg-dumps") && t.isAlive()),
                "the writer thread has ended");
    }

    @Test
    void triplesOutsideAGraphAreRefused() {
        StreamedDumps dumps = new StreamedDumps(dir, PREFIXES);
        Node x = NodeFactory.createURI("http://example.org/x");
        assertThrows(IllegalStateException.class, () -> dumps.triple(Triple.create(x, x, x)));
    }
}
