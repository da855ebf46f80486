package org.articlekg.publish;

import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * What a dereferenced IRI returns as RDF: the resource's own triples; the statements about it
 * with their evidence (article and quote); the evidence of the resource itself when it is a
 * statement; and its incoming links, each with the label of the resource it comes from.
 *
 * <p>An entity named by more claims than a page holds ({@link Pages#FACTS_PER_PAGE}) is described
 * a page at a time ({@link #describePage}): its own triples and evidence, the links to it from
 * other entities and articles, and the page's claims with their evidence and events (what it says
 * itself, the evidence naming it as speaker, is in the saved queries statements and who-says-what).
 */
public final class Describer {
    private Describer() {}

    /**
     * A description: the resource's own triples and its own evidence, then {@code %s}, the claims
     * naming it and the links to it.
     */
    private static final String DESCRIPTION = """
            CONSTRUCT {
              ?this ?p ?o . ?o rdfs:label ?olabel .
              ?f ?fp ?fo . ?fo rdfs:label ?folabel .
              ?f prov:wasDerivedFrom ?ev . ?ev ?evp ?evo .
              ?s ?ip ?this . ?s rdfs:label ?slabel .
            } WHERE {
              { ?this ?p ?o . OPTIONAL { ?o rdfs:label ?olabel } }
              UNION { BIND(?this AS ?f) ?this prov:wasDerivedFrom ?ev . ?ev ?evp ?evo }
            %s
            }
            """;

    /** Every claim naming the resource, with its evidence, and every link to it. */
    private static final Query DESCRIBE = Sparql.parse(DESCRIPTION.formatted("""
              # FILTER EXISTS, not a triple: as a triple the store started from every claim of the graph
              UNION { ?f ?role ?this FILTER EXISTS { ?f a akg:Fact } ?f ?fp ?fo . OPTIONAL { ?fo rdfs:label ?folabel } }
              UNION { ?f ?role ?this FILTER EXISTS { ?f a akg:Fact } ?f prov:wasDerivedFrom ?ev . ?ev ?evp ?evo }
              UNION { ?s ?ip ?this . OPTIONAL { ?s rdfs:label ?slabel } }"""));

    /** The given claims ({@code %1$s}) with their evidence and events, and the links by the given properties ({@code %2$s}). */
    private static final String PAGE = DESCRIPTION.formatted("""
              UNION { VALUES ?f {%1$s } ?f ?fp ?fo . OPTIONAL { ?fo rdfs:label ?folabel } }
              UNION { VALUES ?f {%1$s } ?f prov:wasDerivedFrom ?ev . ?ev ?evp ?evo }
              UNION { VALUES ?f {%1$s } ?f akg:event ?s . ?s ?ip ?this . OPTIONAL { ?s rdfs:label ?slabel } }
              UNION { VALUES ?ip {%2$s } ?s ?ip ?this . OPTIONAL { ?s rdfs:label ?slabel } }""");

    /** Whether the graph says anything about the resource. */
    public static boolean exists(DatasetGraph dsg, Node iri) {
        return dsg.find(Node.ANY, iri, Node.ANY, Node.ANY).hasNext();
    }

    /** The description of a resource. */
    public static Graph describe(DatasetGraph dsg, Node iri) {
        return Sparql.construct(dsg, DESCRIBE, Map.of("this", iri));
    }

    /**
     * One page of an entity's description: its own triples and evidence, the given claims naming it
     * (one page of them) with their evidence and events, and the links to it by the given
     * properties (the relations between entities and articles, {@link Pages#relations()}).
     */
    public static Graph describePage(DatasetGraph dsg, Node entity, List<Node> claims, java.util.Collection<Node> relations) {
        return Sparql.construct(dsg, Sparql.parse(PAGE.formatted(Sparql.iris(claims), Sparql.iris(relations))), Map.of("this", entity));
    }
}
