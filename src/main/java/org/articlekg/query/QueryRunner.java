package org.articlekg.query;

import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.apache.jena.system.Txn;
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

    /** Runs the query and writes its results. */
    public void run(Query query, ResultFormat format, OutputStream out) {
        Query q = maxRows > 0 && !query.isAskType() && (!query.hasLimit() || query.getLimit() > maxRows)
                ? withLimit(query) : query;
        try {
            if (dataset != null) Txn.executeRead(dataset, () -> execute(q, format, out));
            else execute(q, format, out);
        } catch (QueryCancelledException e) {
            throw new TimeoutException(timeout);
        }
    }

    private Query withLimit(Query query) {
        Query copy = query.cloneQuery();
        copy.setLimit(maxRows);
        return copy;
    }

    private void execute(Query q, ResultFormat format, OutputStream out) {
        try (QueryExecution qe = open(q)) {
            if (q.isSelectType()) {
                ResultSet rs = qe.execSelect();
                switch (format) {
                    case CSV -> ResultSetFormatter.outputAsCSV(out, rs);
                    case TSV -> ResultSetFormatter.outputAsTSV(out, rs);
                    case JSON -> ResultSetFormatter.outputAsJSON(out, rs);
                    case XML -> ResultSetFormatter.outputAsXML(out, rs);
                    default -> ResultSetFormatter.out(out, rs, q.getPrologue());
                }
            } else if (q.isAskType()) {
                boolean b = qe.execAsk();
                switch (format) {
                    case CSV -> ResultSetFormatter.outputAsCSV(out, b);
                    case TSV -> ResultSetFormatter.outputAsTSV(out, b);
                    case JSON -> ResultSetFormatter.outputAsJSON(out, b);
                    case XML -> ResultSetFormatter.outputAsXML(out, b);
                    default -> ResultSetFormatter.out(out, b);
                }
            } else {
                Model m = q.isConstructType() ? qe.execConstruct() : qe.execDescribe();
                m.setNsPrefixes(q.getPrefixMapping());
                RDFDataMgr.write(out, m, format.lang() == null ? org.apache.jena.riot.Lang.TURTLE : format.lang());
            }
        }
    }

    private QueryExecution open(Query q) {
        if (dataset != null) {
            return QueryExecution.dataset(org.apache.jena.query.DatasetFactory.wrap(dataset)).query(q)
                    .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS).build();
        }
        return QueryExecutionHTTP.service(endpoint).query(q).timeout(timeout.toMillis(), TimeUnit.MILLISECONDS).build();
    }
}
