package org.articlekg.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Test;

/** A results page reads the labels of its rows' IRIs, and only those: a graph holds millions. */
class ResultsPageLabelsTest {
    private static final String BASE = "http://example.org/";

    @Test
    void theLabelsReadAreThoseOfTheRowsIris() {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        // the default graph, as the server's is (the union of the build's graphs)
        Node g = org.apache.jena.sparql.core.Quad.defaultGraphIRI;
        for (int i = 0; i < 50; i++) {
            dsg.add(g, iri("person/p" + i), RDFS.label.asNode(), NodeFactory.createLiteralLang("Person " + i, "en"));
        }
        dsg.add(g, iri("article/a1"), DCTerms.title.asNode(), NodeFactory.createLiteralString("A title"));
        ResultsPage.Formatter f = new ResultsPage.Formatter(dsg, BASE, "en");
        f.learnLabels(List.of(Map.of("who", iri("person/p7"), "where", iri("article/a1"))));
        assertEquals(2, f.labelsHeld(), "the labels of the row's two IRIs, not the graph's 51");
        assertEquals("Person 7", f.label(iri("person/p7")));
        assertEquals("A title", f.label(iri("article/a1")));
        assertEquals("Person 9", f.label(iri("person/p9")), "an IRI outside the rows is looked up when asked");
        assertEquals(3, f.labelsHeld());
    }

    private static Node iri(String path) {
        return NodeFactory.createURI(BASE + "id/" + path);
    }
}
