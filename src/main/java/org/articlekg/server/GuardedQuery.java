package org.articlekg.server;

import org.apache.jena.atlas.lib.Pair;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.OpWalker;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * The SPARQL query operation with the server's safety rules: a query that uses {@code SERVICE} is
 * refused with 400 before it runs (the server never fetches URLs for a client), and SELECT,
 * CONSTRUCT and DESCRIBE results are capped at a number of rows by lowering the query's LIMIT.
 */
final class GuardedQuery extends SPARQL_QueryDataset {
    private final long maxRows;

    /** @param maxRows the most rows a query may return; 0 for no cap */
    GuardedQuery(long maxRows) {
        this.maxRows = maxRows;
    }

    @Override
    protected void validateQuery(HttpAction action, Query query) {
        super.validateQuery(action, query);
        if (usesService(query)) {
            ServletOps.errorBadRequest("SERVICE is disabled on this endpoint: the server does not query other services");
        }
    }

    @Override
    protected Pair<DatasetGraph, Query> decideDataset(HttpAction action, Query query, String queryStringLog) {
        Pair<DatasetGraph, Query> decided = super.decideDataset(action, query, queryStringLog);
        return Pair.create(decided.getLeft(), capped(decided.getRight(), maxRows));
    }

    /** The query with its LIMIT lowered to {@code maxRows} when it asks for more (or for all). */
    static Query capped(Query query, long maxRows) {
        if (maxRows <= 0 || query.isAskType()) return query;
        if (query.hasLimit() && query.getLimit() <= maxRows) return query;
        Query copy = query.cloneQuery();
        copy.setLimit(maxRows);
        return copy;
    }

    /** Whether the query calls a remote service anywhere, sub-queries included. */
    static boolean usesService(Query query) {
        boolean[] found = {false};
        OpWalker.walk(Algebra.compile(query), new OpVisitorBase() {
            @Override
            public void visit(OpService op) {
                found[0] = true;
            }
        });
        return found[0];
    }
}
