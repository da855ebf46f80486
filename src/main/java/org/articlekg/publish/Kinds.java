package org.articlekg.publish;

import java.util.Map;
import java.util.WeakHashMap;
import org.apache.jena.graph.Graph;
import org.apache.jena.sparql.core.DatasetGraph;
import org.articlekg.load.FactModel;
import org.articlekg.load.Iris;

/**
 * The kinds of row a built graph was made with, read from its ontology graph (which holds the
 * declarations of {@code ontology/kinds.ttl}) once per dataset: what pages, edges and the explorer
 * derive from.
 */
public final class Kinds {
    private static final Map<DatasetGraph, FactModel> MODELS = new WeakHashMap<>();

    private Kinds() {}

    /** The model of a built dataset; call inside a read transaction. */
    public static FactModel of(DatasetGraph dsg, Iris iris) {
        synchronized (MODELS) {
            FactModel m = MODELS.get(dsg);
            if (m != null) return m;
        }
        Graph ontology = dsg.getGraph(iris.graph(Iris.ONTOLOGY_GRAPH));
        FactModel m = FactModel.of(copy(ontology), "the ontology graph " + iris.graph(Iris.ONTOLOGY_GRAPH).getURI());
        synchronized (MODELS) {
            MODELS.put(dsg, m);
        }
        return m;
    }

    private static Graph copy(Graph g) {
        Graph mem = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
        g.find().forEachRemaining(mem::add);
        return mem;
    }
}
