package org.articlekg.build;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Test;

/** The validator's view of the data answers every pattern as the data does, whatever it kept. */
class ValidationGraphTest {
    private static Node iri(String local) {
        return NodeFactory.createURI("http://example.org/" + local);
    }

    @Test
    void answersAsTheDataDoesInAnyOrderOfQuestions() {
        Graph data = GraphFactory.createDefaultGraph();
        Graph classes = GraphFactory.createDefaultGraph();
        classes.add(Triple.create(iri("Company"), RDFS.Nodes.subClassOf, iri("Organization")));
        List<Node> subjects = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Node s = iri("s" + i);
            subjects.add(s);
            data.add(Triple.create(s, RDF.Nodes.type, iri(i % 2 == 0 ? "Company" : "Person")));
            data.add(Triple.create(s, iri("name"), NodeFactory.createLiteralString("name " + i)));
            data.add(Triple.create(s, iri("knows"), iri("s" + (i + 1) % 5)));
        }
        // a subject with more statements than are kept
        Node big = iri("big");
        subjects.add(big);
        for (int i = 0; i <= ValidationGraph.MAX_SUBJECT_STATEMENTS + 5; i++) {
            data.add(Triple.create(big, iri("knows"), iri("s" + i)));
        }
        data.add(Triple.create(big, iri("name"), NodeFactory.createLiteralString("big")));
        ValidationGraph view = new ValidationGraph(data, classes);
        List<Node> predicates = List.of(RDF.Nodes.type, iri("name"), iri("knows"), iri("absent"), Node.ANY);
        for (int round = 0; round < 2; round++) {
            for (Node s : subjects) {
                for (Node p : predicates) {
                    assertEquals(set(data.find(s, p, Node.ANY).toList()), set(view.find(s, p, Node.ANY).toList()), s + " " + p);
                }
                assertEquals(set(data.find(s, iri("knows"), iri("s1")).toList()), set(view.find(s, iri("knows"), iri("s1")).toList()));
            }
            assertEquals(set(data.find(Node.ANY, RDF.Nodes.type, iri("Company")).toList()),
                    set(view.find(Node.ANY, RDF.Nodes.type, iri("Company")).toList()));
        }
        assertTrue(view.contains(iri("Company"), RDFS.Nodes.subClassOf, iri("Organization")), "the class hierarchy from memory");
        assertEquals(1, view.find(Node.ANY, RDFS.Nodes.subClassOf, Node.ANY).toList().size());
    }

    private static Set<Triple> set(List<Triple> triples) {
        Set<Triple> s = new HashSet<>(triples);
        assertEquals(triples.size(), s.size(), "no statement twice");
        return s;
    }
}
