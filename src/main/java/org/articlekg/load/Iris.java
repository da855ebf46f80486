package org.articlekg.load;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.irix.IRIException;
import org.apache.jena.irix.IRIx;
import org.articlekg.KgException;

/**
 * Mints the IRIs of the graph under a base (default {@value #DEFAULT_BASE}) from stable slugs:
 * {@code {base}id/person/elon-musk}, {@code {base}id/evidence/{fact}/{article}},
 * {@code {base}id/event/{event}}, {@code {base}id/disagreement/{event}} and the named graphs
 * {@code {base}graph/{name}}.
 */
public record Iris(String base) {
    public static final String DEFAULT_BASE = "http://localhost:3030/";

    /** The named graph of the facts from {@code data/}. */
    public static final String FACTS_GRAPH = "facts";
    /** The named graph of the ontology. */
    public static final String ONTOLOGY_GRAPH = "ontology";
    /** The named graph of triples the ontology implies (super-classes, super-properties). */
    public static final String INFERRED_GRAPH = "inferred";
    /** The named graph of the summaries computed at build time (counts, dates, disputed or not). */
    public static final String SUMMARY_GRAPH = "summary";
    /**
     * The named graph of the dumps only (not stored, not served by the endpoint): the super-classes
     * and super-properties the ontology implies in other vocabularies (PROV-O, DC Terms, ORG,
     * schema.org, FOAF), for linked-data consumers.
     */
    public static final String ALIGNMENTS_GRAPH = "alignments";
    /** Every named graph of a build's database, by name. */
    public static final java.util.List<String> GRAPHS = java.util.List.of(FACTS_GRAPH, ONTOLOGY_GRAPH, INFERRED_GRAPH, SUMMARY_GRAPH);

    public Iris {
        if (base == null || !(base.startsWith("http://") || base.startsWith("https://")) || !base.endsWith("/")) {
            throw new KgException("base IRI must be an http(s) IRI ending with '/', found '" + base + "'");
        }
        try {
            IRIx iri = IRIx.create(base);
            if (!iri.isAbsolute()) throw new KgException("base IRI must be absolute, found '" + base + "'");
        } catch (IRIException e) {
            throw new KgException("base IRI is not a valid IRI, found '" + base + "': " + e.getMessage());
        }
    }

    public Node entity(Kind kind, String id) {
        return NodeFactory.createURI(base + "id/" + kind.segment() + "/" + id);
    }

    public Node evidence(String factId, String articleId) {
        return NodeFactory.createURI(base + "id/evidence/" + factId + "/" + articleId);
    }

    public Node event(String event) {
        return NodeFactory.createURI(eventNamespace() + event);
    }

    /** The namespace of event IRIs, {@code {base}id/event/}. */
    public String eventNamespace() {
        return base + "id/event/";
    }

    public Node disagreement(String event) {
        return NodeFactory.createURI(base + "id/disagreement/" + event);
    }

    public Node graph(String name) {
        return NodeFactory.createURI(base + "graph/" + name);
    }

    /** The namespace of entity IRIs, {@code {base}id/}. */
    public String idNamespace() {
        return base + "id/";
    }
}
