package org.articlekg.store;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
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
}
