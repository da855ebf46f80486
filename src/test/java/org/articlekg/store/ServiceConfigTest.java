package org.articlekg.store;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build's text index: one document per indexed literal statement, whichever graphs hold it. */
class ServiceConfigTest {
    @TempDir
    Path build;

    @Test
    void indexesEachLiteralStatementOnceAcrossGraphs() {
        DatasetGraph dsg = DatabaseMgr.createDatasetGraph();
        Node a = NodeFactory.createURI("http://example.org/a");
        Node b = NodeFactory.createURI("http://example.org/b");
        Node g1 = NodeFactory.createURI("http://example.org/g1");
        Node g2 = NodeFactory.createURI("http://example.org/g2");
        Txn.executeWrite(dsg, () -> {
            dsg.add(g1, a, RDFS.Nodes.label, NodeFactory.createLiteralLang("OpenAI", "en"));
            dsg.add(g2, a, RDFS.Nodes.label, NodeFactory.createLiteralLang("OpenAI", "en")); // the same statement again
            dsg.add(g1, a, SKOS.altLabel.asNode(), NodeFactory.createLiteralString("Open AI"));
            dsg.add(g2, b, RDFS.Nodes.label, NodeFactory.createLiteralString("Microsoft"));
            dsg.add(g1, b, RDFS.Nodes.label, a); // not a literal: not indexed
            dsg.add(g1, b, RDFS.Nodes.comment, NodeFactory.createLiteralString("not an indexed property"));
        });
        long indexed = ServiceConfig.read(Path.of("fuseki-config", ServiceConfig.FILE)).indexText(dsg, build);
        assertEquals(3, indexed);
    }

    @Test
    void theIndexMadeFromTheNQuadsDumpHoldsWhatTheDatabaseGives(@TempDir Path other) throws Exception {
        DatasetGraph dsg = DatabaseMgr.createDatasetGraph();
        Node a = NodeFactory.createURI("http://example.org/a");
        Node g1 = NodeFactory.createURI("http://example.org/g1");
        Node g2 = NodeFactory.createURI("http://example.org/g2");
        Txn.executeWrite(dsg, () -> {
            dsg.add(g1, a, RDFS.Nodes.label, NodeFactory.createLiteralLang("OpenAI", "en"));
            dsg.add(g1, a, RDFS.Nodes.label, NodeFactory.createLiteralLang("L’entreprise \"OpenAI\"\nà San Francisco", "fr"));
            dsg.add(g2, a, SKOS.altLabel.asNode(), NodeFactory.createLiteralString("Open AI 🤖"));
            // the same value for another subject, in another graph: another statement
            dsg.add(g2, NodeFactory.createURI("http://example.org/c"), RDFS.Nodes.label, NodeFactory.createLiteralLang("OpenAI", "en"));
            dsg.add(g1, NodeFactory.createBlankNode("x"), RDFS.Nodes.label, NodeFactory.createLiteralString("a blank node"));
            dsg.add(g1, a, RDFS.Nodes.label, a); // not a literal: not indexed
            // names an indexed predicate in its text, not as its predicate: not indexed
            dsg.add(g1, a, RDFS.Nodes.comment, NodeFactory.createLiteralString("see <" + RDFS.label.getURI() + "> here"));
        });
        Path nquads = build.resolve("dump.nq");
        try (var out = Files.newOutputStream(nquads)) {
            Txn.executeRead(dsg, () -> RDFDataMgr.write(out, dsg, Lang.NQUADS));
            // a graph of the dump that the database does not store: not indexed
            out.write("<http://example.org/b> <http://www.w3.org/2000/01/rdf-schema#label> \"unstored\" <http://example.org/g3> .\n"
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        ServiceConfig config = ServiceConfig.read(Path.of("fuseki-config", ServiceConfig.FILE));
        assertEquals(5, config.indexText(nquads, Set.of(g1, g2), build));
        assertEquals(5, config.indexText(dsg, other));
        assertFalse(config.indexedStatementInTwoGraphs(dsg), "no statement in two graphs");
        List<String> docs = LuceneDocs.of(build);
        assertEquals(5, docs.size(), docs.toString());
        assertEquals(LuceneDocs.of(other), docs);
        assertTrue(docs.stream().anyMatch(d -> d.contains("à San Francisco") && d.contains("lang=fr")), docs.toString());
    }

    @Test
    void aStatementInTwoGraphsIsIndexedTwiceFromTheDumpAndOnceFromTheDatabase() throws Exception {
        // what the build looks for to keep the index made from the dump, or make it again
        DatasetGraph dsg = DatabaseMgr.createDatasetGraph();
        Node a = NodeFactory.createURI("http://example.org/a");
        Node g1 = NodeFactory.createURI("http://example.org/g1");
        Node g2 = NodeFactory.createURI("http://example.org/g2");
        Txn.executeWrite(dsg, () -> {
            dsg.add(g1, a, RDFS.Nodes.label, NodeFactory.createLiteralString("OpenAI"));
            dsg.add(g2, a, RDFS.Nodes.label, NodeFactory.createLiteralString("OpenAI"));
        });
        Path nquads = build.resolve("dump.nq");
        try (var out = Files.newOutputStream(nquads)) {
            Txn.executeRead(dsg, () -> RDFDataMgr.write(out, dsg, Lang.NQUADS));
        }
        ServiceConfig config = ServiceConfig.read(Path.of("fuseki-config", ServiceConfig.FILE));
        assertEquals(2, config.indexText(nquads, Set.of(g1, g2), build));
        assertEquals(1, config.indexText(dsg, build));
        assertTrue(config.indexedStatementInTwoGraphs(dsg), "the statement in two graphs is found");
    }

    @Test
    void anIndexMadeAgainReplacesTheOneThere() throws Exception {
        DatasetGraph dsg = DatabaseMgr.createDatasetGraph();
        Txn.executeWrite(dsg, () -> dsg.add(NodeFactory.createURI("http://example.org/g"), NodeFactory.createURI("http://example.org/a"),
                RDFS.Nodes.label, NodeFactory.createLiteralString("OpenAI")));
        ServiceConfig config = ServiceConfig.read(Path.of("fuseki-config", ServiceConfig.FILE));
        config.indexText(dsg, build);
        config.indexText(dsg, build);
        assertEquals(1, LuceneDocs.of(build).size());
    }
}
