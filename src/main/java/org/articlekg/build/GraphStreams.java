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
     * Passes each triple on into {@code assertedGraph} and writes what the ontology implies:
     * {@code s rdf:type D} for each super-class D of an asserted type, and {@code s P o} for each
     * super-property P of an asserted predicate. The entailments in the ontology's own namespace
     * ({@link Ontology#stores(Node)}: {@code akg:Fact}, {@code akg:Organization} ...) go into
     * {@code inferredGraph} of {@code out}; the alignments to other vocabularies (PROV-O, DC Terms,
     * ORG, schema.org, FOAF) into {@code alignmentsGraph} of {@code alignments}, which the build
     * sends to the dumps only.
     */
    static StreamRDF withInference(StreamRDF out, StreamRDF alignments, Ontology ontology, Node assertedGraph, Node inferredGraph,
                                   Node alignmentsGraph) {
        Node type = RDF.type.asNode();
        return new StreamRDFWrapper(out) {
            @Override
            public void triple(Triple t) {
                other.quad(Quad.create(assertedGraph, t));
                if (t.getPredicate().equals(type)) {
                    for (Node c : ontology.superClassesOf(t.getObject())) entailed(t.getSubject(), type, c, c);
                }
                for (Node p : ontology.superPropertiesOf(t.getPredicate())) entailed(t.getSubject(), p, t.getObject(), p);
            }

            private void entailed(Node s, Node p, Node o, Node superTerm) {
                if (ontology.stores(superTerm)) other.quad(Quad.create(inferredGraph, s, p, o));
                else alignments.quad(Quad.create(alignmentsGraph, s, p, o));
            }
        };
    }

    /** Passes each quad on as a triple (the Turtle dump: every graph's triples in one stream). */
    static StreamRDF triplesOf(StreamRDF out) {
        return new StreamRDFWrapper(out) {
            @Override
            public void quad(Quad q) {
                other.triple(q.asTriple());
            }
        };
    }

    /** Passes on only the quads of a stream: its start, finish, base and prefixes are the caller's. */
    static StreamRDF quadsOnly(StreamRDF out) {
        return new StreamRDFWrapper(out) {
            @Override
            public void start() {}

            @Override
            public void finish() {}

            @Override
            public void base(String base) {}

            @Override
            public void prefix(String prefix, String iri) {}
        };
    }

}
