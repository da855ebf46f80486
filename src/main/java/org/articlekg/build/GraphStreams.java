package org.articlekg.build;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWrapper;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;

/** {@link StreamRDF} plumbing of the build. */
final class GraphStreams {
    private GraphStreams() {}

    /** Sends each triple into a named graph of {@code out}. */
    static StreamRDF intoGraph(StreamRDF out, Node graph) {
        return new StreamRDFWrapper(out) {
            @Override
            public void triple(Triple t) {
                other.quad(Quad.create(graph, t));
            }
        };
    }

    /**
     * Passes each triple on into {@code assertedGraph} and writes into {@code inferredGraph} what the
     * ontology implies: {@code s rdf:type D} for each super-class D of an asserted type, and
     * {@code s P o} for each super-property P of an asserted predicate.
     */
    static StreamRDF withInference(StreamRDF out, Ontology ontology, Node assertedGraph, Node inferredGraph) {
        Node type = RDF.type.asNode();
        return new StreamRDFWrapper(out) {
            @Override
            public void triple(Triple t) {
                other.quad(Quad.create(assertedGraph, t));
                if (t.getPredicate().equals(type)) {
                    for (Node c : ontology.superClassesOf(t.getObject())) {
                        other.quad(Quad.create(inferredGraph, t.getSubject(), type, c));
                    }
                }
                for (Node p : ontology.superPropertiesOf(t.getPredicate())) {
                    other.quad(Quad.create(inferredGraph, t.getSubject(), p, t.getObject()));
                }
            }
        };
    }

}
