package org.articlekg.server;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetMem;
import org.apache.jena.sparql.exec.RowSetStream;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;

/**
 * Uncapped SELECT results (served with {@code --max-rows 0}): the first rows are computed before
 * the first byte is sent, so a query that times out among them is a 503; the rest stream, and a
 * timeout while they stream aborts the HTTP connection (the chunked body never ends), so every
 * client sees an error instead of a cut body with status 200. Fuseki's own writer would end the
 * body cleanly with a comment that the results are incomplete, in the middle of a JSON or CSV
 * document.
 */
final class AbortOnTimeout {
    private AbortOnTimeout() {}

    /** All the rows in memory when there are at most {@code buffer}, else the first ones then the rest as they come. */
    static RowSet rows(RowSet rows, int buffer, HttpServletRequest request) {
        List<Binding> first = new ArrayList<>();
        while (first.size() <= buffer && rows.hasNext()) first.add(rows.next());
        if (first.size() <= buffer) return RowSetMem.create(RowSetStream.create(rows.getResultVars(), first.iterator()));
        Iterator<Binding> rest = new Iterator<>() {
            @Override
            public boolean hasNext() {
                try {
                    return rows.hasNext();
                } catch (QueryCancelledException e) {
                    throw abort(request, e);
                }
            }

            @Override
            public Binding next() {
                if (!hasNext()) throw new NoSuchElementException();
                try {
                    return rows.next();
                } catch (QueryCancelledException e) {
                    throw abort(request, e);
                }
            }
        };
        Iterator<Binding> all = new Iterator<>() {
            private final Iterator<Binding> buffered = first.iterator();

            @Override
            public boolean hasNext() { return buffered.hasNext() || rest.hasNext(); }

            @Override
            public Binding next() { return buffered.hasNext() ? buffered.next() : rest.next(); }
        };
        return RowSetStream.create(rows.getResultVars(), all);
    }

    /** Aborts the request's response and closes its connection: the client gets no end of the body. */
    private static QueryCancelledException abort(HttpServletRequest request, QueryCancelledException e) {
        ServletContextRequest jetty = ServletContextRequest.getServletContextRequest(request);
        if (jetty != null) {
            // Marks the response aborted, then closes the connection at once: Fuseki's error
            // handling, which runs next, could otherwise still end the body cleanly.
            jetty.getServletChannel().abort(e);
            jetty.getConnectionMetaData().getConnection().close();
        }
        return e;
    }
}
