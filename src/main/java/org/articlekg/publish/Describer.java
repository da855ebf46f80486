package org.articlekg.publish;

import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * What a dereferenced IRI returns as RDF: the resource's own triples; the statements about it
 * with their evidence (article and quote); the evidence of the resource itself when it is a
 * statement; and its incoming links, each with the label of the resource it comes from.
 */
public final class Describer {
    private Describer() {}

    private static final Query DESCRIBE = Sparql.parse("""
            CONSTRUCT {
              ?this ?p ?o . ?o rdfs:label ?olabel .
              ?f ?fp ?fo . ?fo rdfs:label ?folabel .
              ?f prov:wasDerivedFrom ?ev . ?ev ?evp ?evo .
              ?s ?ip ?this . ?s rdfs:label ?slabel .
            } WHERE {
              { ?this ?p ?o . OPTIONAL { ?o rdfs:label ?olabel } }
              UNION { ?f ?role ?this . ?f a akg:Fact . ?f ?fp ?fo . OPTIONAL { ?fo rdfs:label ?folabel } }
              UNION { ?f ?role ?this . ?f a akg:Fact ; prov:wasDerivedFrom ?ev . ?ev ?evp ?evo }
              UNION { BIND(?this AS ?f) ?this prov:wasDerivedFrom ?ev . ?ev ?evp ?evo }
              UNION { ?s ?ip ?this . OPTIONAL { ?s rdfs:label ?slabel } }
            }
            """);

    /** Whether the graph says anything about the resource. */
    public static boolean exists(DatasetGraph dsg, Node iri) {
        return dsg.find(Node.ANY, iri, Node.ANY, Node.ANY).hasNext();
    }

    /** The description of a resource. */
    public static Graph describe(DatasetGraph dsg, Node iri) {
        return Sparql.construct(dsg, DESCRIBE, Map.of("this", iri));
    }
}
