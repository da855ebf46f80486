package org.articlekg.query;

import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.apache.jena.system.Txn;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.sparql.resultset.ResultsWriter;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetOps;
import org.apache.jena.sparql.exec.RowSetStream;
import org.articlekg.KgException;

/**
 * Runs queries against a dataset (the served graph, or a build opened from the command line) or a
 * remote SPARQL endpoint, with a timeout and a row cap, writing the results in a {@link ResultFormat}.
 */
public final class QueryRunner {
    /** A query ran longer than the timeout. */
    public static final class TimeoutException extends KgException {
        TimeoutException(Duration timeout) {
            super("the query ran longer than the timeout of " + timeout.toMillis() / 1000.0 + " s and was stopped");
        }
    }

    private final DatasetGraph dataset;
    private final String endpoint;
    private final Duration timeout;
    private final long maxRows;

    private QueryRunner(DatasetGraph dataset, String endpoint, Duration timeout, long maxRows) {
        this.dataset = dataset;
        this.endpoint = endpoint;
        this.timeout = timeout;
        this.maxRows = maxRows;
    }

    /** Runs against a local dataset. */
    public static QueryRunner local(DatasetGraph dataset, Duration timeout, long maxRows) {
        return new QueryRunner(dataset, null, timeout, maxRows);
    }

    /** Runs against a SPARQL endpoint (e.g. a running kg serve). */
    public static QueryRunner remote(String endpoint, Duration timeout, long maxRows) {
        return new QueryRunner(null, endpoint, timeout, maxRows);
    }

    /**
     * What a run gave: the rows written (SELECT; -1 when not counted) and whether the row cap cut
     * the results (a SELECT or CONSTRUCT is asked for one solution more than the cap, so a result
     * of exactly the cap's size is not reported as cut; a DESCRIBE's pattern is asked whether it has
     * a solution past the cap; not told through a remote endpoint, which caps by itself).
     */
    public record Outcome(long rows, boolean truncated) {}

    /** Runs the query and writes its results. */
    public Outcome run(Query query, ResultFormat format, OutputStream out) {
        boolean capped = capped(query, maxRows);
        Query q = capped ? withLimit(query, maxRows + (query.isSelectType() || constructsFromSolutions(query) ? 1 : 0)) : query;
        try {
            if (dataset != null) return Txn.calculateRead(dataset, () -> execute(q, capped, format, out));
            return execute(q, capped, format, out);
        } catch (QueryCancelledException e) {
            throw new TimeoutException(timeout);
        } catch (RuntimeException e) {
            if (endpoint != null && causedByIO(e)) {
                // kg serve aborts the connection when a query times out after its results began to stream
                throw new KgException("the answer of " + endpoint + " ended before it was complete (the server stopped the query, "
                        + "probably at its timeout, or the connection broke): what was written is incomplete", e);
            }
            throw e;
        }
    }

    private static boolean causedByIO(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) if (t instanceof java.io.IOException) return true;
        return false;
    }

    /** Whether a row cap lowers the query's LIMIT: it has none, or a larger one. */
    public static boolean capped(Query query, long maxRows) {
        return maxRows > 0 && !query.isAskType() && (!query.hasLimit() || query.getLimit() > maxRows);
    }

    private static Query withLimit(Query query, long limit) {
        Query copy = query.cloneQuery();
        copy.setLimit(limit);
        return copy;
    }

    /**
     * The rows of a SELECT capped at {@code maxRows} rows: all of them in memory, and whether
     * there were more (the query asked for {@code maxRows + 1}).
     */
    public static CappedRows cap(RowSet rows, long maxRows) {
        List<Var> vars = rows.getResultVars();
        List<Binding> kept = new ArrayList<>();
        boolean truncated = false;
        while (rows.hasNext()) {
            Binding b = rows.next();
            if (kept.size() >= maxRows) {
                truncated = true;
                break;
            }
            kept.add(b);
        }
        return new CappedRows(vars, kept, truncated);
    }

    /** A graph built from at most the cap's solutions, and whether the cap cut them. */
    public record CappedGraph(org.apache.jena.graph.Graph graph, boolean truncated) {}

    /**
     * Whether a capped query's truncation is told by reading its solutions (asked for one more than
     * the cap, as a SELECT): a CONSTRUCT whose template holds triples (not quads). A DESCRIBE is
     * told by {@link #moreThan}.
     */
    public static boolean constructsFromSolutions(Query query) {
        return query.isConstructType() && !query.getConstructTemplate().containsRealQuad();
    }

    /** The SELECT form of a CONSTRUCT or DESCRIBE: the solutions of its pattern, every variable, same modifiers. */
    public static Query solutions(Query query) {
        Query select = query.cloneQuery();
        select.setQuerySelectType();
        select.setQueryResultStar(true);
        return select;
    }

    /**
     * The triples of a CONSTRUCT's template for at most {@code maxRows} of its solutions (which
     * were asked for {@code maxRows + 1}), and whether there were more. Solutions whose template
     * triples are not valid RDF (an unbound variable, a literal subject) add none, as in ARQ.
     */
    public static CappedGraph construct(Query construct, RowSet solutions, long maxRows) {
        CappedRows rows = cap(solutions, maxRows);
        org.apache.jena.graph.Graph graph = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
        org.apache.jena.sparql.modify.TemplateLib.calcTriples(construct.getConstructTemplate().getTriples(), rows.rows().iterator())
                .forEachRemaining(t -> {
                    if (t.isConcrete() && !t.getSubject().isLiteral() && t.getPredicate().isURI()) graph.add(t);
                });
        graph.getPrefixMapping().setNsPrefixes(construct.getPrefixMapping());
        return new CappedGraph(graph, rows.truncated());
    }

    /**
     * The query that tells whether a DESCRIBE's pattern has more than {@code maxRows} solutions:
     * its SELECT form from the solution after the cap, at most one; null for a DESCRIBE of IRIs
     * alone (no pattern, nothing to cap).
     */
    public static Query moreThan(Query describe, long maxRows) {
        if (describe.getQueryPattern() == null) return null;
        Query probe = solutions(describe);
        probe.setOffset(maxRows + Math.max(0, describe.getOffset()));
        probe.setLimit(1);
        return probe;
    }

    /** Rows kept under a cap. */
    public record CappedRows(List<Var> vars, List<Binding> rows, boolean truncated) {
        public RowSet rowSet() {
            return RowSetStream.create(vars, rows.iterator());
        }
    }

    private Outcome execute(Query q, boolean capped, ResultFormat format, OutputStream out) {
        try (QueryExecution qe = open(q)) {
            if (q.isSelectType()) {
                RowSet rows = RowSet.adapt(qe.execSelect());
                long count = -1;
                boolean truncated = false;
                // A table is laid out from all its rows anyway: count them, so that an empty one can say so.
                if (capped || format == ResultFormat.TABLE) {
                    CappedRows c = cap(rows, capped ? maxRows : Long.MAX_VALUE);
                    rows = c.rowSet();
                    count = c.rows().size();
                    truncated = c.truncated();
                }
                if (format == ResultFormat.TABLE || format.lang() == null) RowSetOps.out(out, rows, q.getPrologue());
                else ResultsWriter.create().lang(format.lang()).build().write(out, rows);
                return new Outcome(count, truncated);
            } else if (q.isAskType()) {
                boolean b = qe.execAsk();
                if (format == ResultFormat.TABLE || format.lang() == null) ResultSetFormatter.out(out, b);
                else ResultsWriter.create().lang(format.lang()).build().write(out, b);
                return new Outcome(-1, false);
            } else if (capped && dataset != null && constructsFromSolutions(q)) {
                // the template over at most maxRows solutions: the one more asked for tells the cap cut them
                try (QueryExecution select = open(solutions(q))) {
                    CappedGraph g = construct(q, RowSet.adapt(select.execSelect()), maxRows);
                    RDFDataMgr.write(out, g.graph(), format.lang() == null ? org.apache.jena.riot.Lang.TURTLE : format.lang());
                    return new Outcome(-1, g.truncated());
                }
            } else {
                Model m = q.isConstructType() ? qe.execConstruct() : qe.execDescribe();
                boolean truncated = false;
                Query probe = capped && dataset != null && q.isDescribeType() ? moreThan(q, maxRows) : null;
                if (probe != null) {
                    try (QueryExecution more = open(probe)) {
                        truncated = more.execSelect().hasNext();
                    }
                }
                m.setNsPrefixes(q.getPrefixMapping());
                RDFDataMgr.write(out, m, format.lang() == null ? org.apache.jena.riot.Lang.TURTLE : format.lang());
                return new Outcome(-1, truncated);
            }
        }
    }

    private QueryExecution open(Query q) {
        if (dataset != null) {
            return QueryExecution.dataset(org.apache.jena.query.DatasetFactory.wrap(dataset)).query(q)
                    .set(ARQConstants.sysOpExecutorFactory, CancellableSlices.FACTORY)
                    .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS).build();
        }
        return QueryExecutionHTTP.service(endpoint).query(q).timeout(timeout.toMillis(), TimeUnit.MILLISECONDS).build();
    }
}
