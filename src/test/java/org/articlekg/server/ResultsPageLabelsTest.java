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

    @Test
    void aLiteralOfWhatOnlyLooksLikeIrisIsText() {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        ResultsPage.Formatter f = new ResultsPage.Formatter(dsg, BASE, "en");
        for (String text : List.of("http://example.org/100%", "https://example.org/a#b#c", "http://example.org:port/x")) {
            Node literal = NodeFactory.createLiteralString(text);
            assertEquals(List.of(), ResultsPage.Formatter.iriList(literal), text + " is text, not a link");
            f.learnLabels(List.of(Map.of("quote", literal))); // no query built from it
        }
        Node two = NodeFactory.createLiteralString(BASE + "id/person/p1 " + BASE + "id/person/p2");
        assertEquals(List.of(BASE + "id/person/p1", BASE + "id/person/p2"), ResultsPage.Formatter.iriList(two));
    }

    @Test
    void anIriWithoutALabelIsAskedOnce() {
        ResultsPage.Formatter f = new ResultsPage.Formatter(DatasetGraphFactory.createTxnMem(), BASE, "en");
        f.learnLabels(List.of(Map.of("x", iri("person/nobody"))));
        assertEquals(1, f.labelsHeld());
        assertEquals("nobody", f.label(iri("person/nobody")), "its last segment");
        assertEquals(1, f.labelsHeld());
    }

    private static Node iri(String path) {
        return NodeFactory.createURI(BASE + "id/" + path);
    }
}
