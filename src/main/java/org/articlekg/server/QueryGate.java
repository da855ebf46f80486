package org.articlekg.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.jena.query.QueryCancelledException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds the queries running at once, in total and per client address ({@link ClientAddress}).
 * A request over either bound waits up to its gate's {@code maxWait} for a place (at most as many
 * wait as may run, and no more from one client than its share; the others do not wait), then is
 * answered with 429 and {@code Retry-After} (the timeout, by when a running query has ended), and
 * logged in one line (at most one a second, with the number refused since the last). One gate guards the paths that run client-chosen
 * queries (the SPARQL endpoint, the saved queries), and refuses at once; another, with the same
 * bounds, the pages made on request ({@link ServerSettings#GATED_PAGES}: the linked-data pages,
 * the explorer's neighbourhoods and search, the ontology's page, the dataset description), which
 * wait a little ({@link ServerSettings#PAGES_WAIT}: a person opening a few pages at once), and
 * whose timeout is a 503. The health check and the static files pass through neither, and a flood
 * of queries does not hold up the pages, nor pages the queries.
 *
 * <p>Jetty's {@code QoSHandler} bounds the total but not per client, and queues every request
 * instead of refusing; one filter keeps the two bounds, the short wait and the answer in one place.
 */
final class QueryGate implements Filter {
    private static final Logger LOG = LoggerFactory.getLogger(QueryGate.class);

    private final int maxTotal;
    private final int perClient;
    private final long maxWaitNanos;
    private final long retryAfterSeconds;
    private final ClientAddress clients;
    /** What it bounds, in its answers: "queries", "pages". */
    private final String what;
    /** Guards the counts below; {@link #leave} notifies those waiting on it. */
    private final Object lock = new Object();
    private final Map<String, Integer> running = new HashMap<>();
    private final Map<String, Integer> waitingBy = new HashMap<>();
    private int runningTotal;
    private int waiting;
    private final AtomicLong lastLogged = new AtomicLong(System.nanoTime() - 2_000_000_000L);
    private final AtomicLong unlogged = new AtomicLong();

    /**
     * @param what what it bounds, in its answers ("queries", "pages")
     * @param maxWait how long a request over a bound waits for a place before it is refused (zero: not at all)
     */
    QueryGate(ServerSettings settings, String what, Duration maxWait) {
        this.what = what;
        this.maxTotal = settings.maxQueries();
        this.perClient = settings.maxQueriesPerClient();
        this.maxWaitNanos = maxWait.toNanos();
        this.retryAfterSeconds = Math.max(1, (settings.timeout().toMillis() + 999) / 1000);
        this.clients = new ClientAddress(settings.trustedProxies());
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse resp = (HttpServletResponse) response;
        if ("OPTIONS".equals(req.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        String client = clients.of(req);
        String refused = enter(client);
        if (refused != null) {
            refuse(req, resp, client, refused);
            return;
        }
        try {
            chain.doFilter(request, response);
        } catch (QueryCancelledException e) {
            // A page whose queries outlast the timeout (the server busy): a 503 to try again, as a
            // query's, not Jetty's 500. The query endpoints answer their own.
            if (resp.isCommitted()) throw e;
            resp.resetBuffer();   // the headers set so far (nosniff, CORS, Vary, the page's policy) stay
            answer(resp, 503, "Timed out: the server took too long to make this page; try again shortly\n");
        } finally {
            leave(client);
        }
    }

    /**
     * Takes a place for {@code client}, waiting for one if allowed (at most {@code maxTotal}
     * requests wait, at most its share of them from one client); null when taken, else why not.
     */
    private String enter(String client) {
        synchronized (lock) {
            long deadline = System.nanoTime() + maxWaitNanos;
            boolean queued = false;
            try {
                while (true) {
                    String why = overBound(client);
                    if (why == null) {
                        running.merge(client, 1, Integer::sum);
                        runningTotal++;
                        return null;
                    }
                    long left = deadline - System.nanoTime();
                    if (left <= 0) return why;
                    if (!queued) {
                        if (waiting >= maxTotal || waitingBy.getOrDefault(client, 0) >= perClient) return why;
                        waiting++;
                        waitingBy.merge(client, 1, Integer::sum);
                        queued = true;
                    }
                    try {
                        TimeUnit.NANOSECONDS.timedWait(lock, left);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return why;
                    }
                }
            } finally {
                if (queued) {
                    waiting--;
                    waitingBy.computeIfPresent(client, (k, n) -> n <= 1 ? null : n - 1);
                }
            }
        }
    }

    private String overBound(String client) {
        if (running.getOrDefault(client, 0) >= perClient) {
            return "this client already runs " + perClient + " " + what + " at once (the most per client)";
        }
        if (runningTotal >= maxTotal) return "the server already runs " + maxTotal + " " + what + " at once (the most it runs)";
        return null;
    }

    /** The requests waiting for a place now. */
    int waiting() {
        synchronized (lock) {
            return waiting;
        }
    }

    private void leave(String client) {
        synchronized (lock) {
            running.computeIfPresent(client, (k, n) -> n <= 1 ? null : n - 1);
            runningTotal--;
            lock.notifyAll();
        }
    }

    private void refuse(HttpServletRequest req, HttpServletResponse resp, String client, String why) throws IOException {
        // At most one line a second, counting the others: a flood must not become a flood of log lines.
        long now = System.nanoTime();
        long last = lastLogged.get();
        if (now - last >= 1_000_000_000L && lastLogged.compareAndSet(last, now)) {
            long others = unlogged.getAndSet(0);
            LOG.info("429 {} {} from {}: {}{}", req.getMethod(), req.getRequestURI(), client, why,
                    others == 0 ? "" : " (and " + others + " more refused since the last line)");
        } else {
            unlogged.incrementAndGet();
        }
        answer(resp, 429, "Too many requests: " + why + ". Retry after " + retryAfterSeconds + " s.\n");
    }

    /** A refusal to try again: its status, {@code Retry-After} (the timeout) and a line of text. */
    private void answer(HttpServletResponse resp, int status, String text) throws IOException {
        resp.setStatus(status);
        resp.setHeader("Retry-After", Long.toString(retryAfterSeconds));
        resp.setContentType("text/plain; charset=utf-8");
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }
}
