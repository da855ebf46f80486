package org.articlekg.publish;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;

/**
 * Runs the publishing layer's own SPARQL over a dataset whose default graph is the union of its
 * graphs, with values bound as terms on the parsed query; only IRIs read from the graph itself
 * are written into a query's text ({@link #iris}), as VALUES lists.
 */
final class Sparql {
    private Sparql() {}

    static final String PREFIXES = """
            PREFIX akg: <https://w3id.org/article-kg/ontology#>
            PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX prov: <http://www.w3.org/ns/prov#>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX owl: <http://www.w3.org/2002/07/owl#>
            """;

    /** IRIs written as a SPARQL list ({@code  <a> <b>}), for VALUES and IN; nulls left out. */
    static String iris(java.util.Collection<Node> nodes) {
        StringBuilder sb = new StringBuilder();
        for (Node n : nodes) if (n != null) sb.append(" <").append(n.getURI()).append('>');
        return sb.toString();
    }

    static Query parse(String body) {
        return QueryFactory.create(PREFIXES + body);
    }

    private static Query bound(Query q, Map<String, Node> bindings) {
        if (bindings.isEmpty()) return q;
        Map<Var, Node> vars = new HashMap<>();
        bindings.forEach((k, v) -> vars.put(Var.alloc(k), v));
        return QueryTransformOps.transform(q, vars);
    }

    static List<QuerySolution> select(DatasetGraph dsg, Query q, Map<String, Node> bindings) {
        try (QueryExecution qe = QueryExecution.dataset(DatasetFactory.wrap(dsg)).query(bound(q, bindings)).build()) {
            List<QuerySolution> rows = new ArrayList<>();
            qe.execSelect().forEachRemaining(rows::add);
            return rows;
        }
    }

    /** Runs a SELECT, handing each row to {@code row} as it comes (nothing held in memory). */
    static void forEach(DatasetGraph dsg, Query q, Map<String, Node> bindings, java.util.function.Consumer<QuerySolution> row) {
        try (QueryExecution qe = QueryExecution.dataset(DatasetFactory.wrap(dsg)).query(bound(q, bindings)).build()) {
            qe.execSelect().forEachRemaining(row);
        }
    }

    static Graph construct(DatasetGraph dsg, Query q, Map<String, Node> bindings) {
        try (QueryExecution qe = QueryExecution.dataset(DatasetFactory.wrap(dsg)).query(bound(q, bindings)).build()) {
            return qe.execConstruct().getGraph();
        }
    }
}
