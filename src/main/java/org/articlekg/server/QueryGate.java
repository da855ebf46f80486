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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds the queries running at once, in total and per client address ({@link ClientAddress}):
 * a query over either bound is answered at once with 429 and {@code Retry-After} (the timeout,
 * by when a running query has ended), and logged in one line (at most one a second, with the
 * number refused since the last). One gate guards the paths that run
 * client-chosen queries (the SPARQL endpoint, the saved queries), another, with the same bounds,
 * the linked-data pages and the explorer's neighbourhoods (each runs many queries); the health
 * check, the search as one types, the static files pass through neither, and a flood of queries
 * does not hold up the pages, nor pages the queries.
 *
 * <p>Jetty's {@code QoSHandler} bounds the total but not per client, and queues instead of
 * refusing; one filter keeps the two bounds and the answer in one place.
 */
final class QueryGate implements Filter {
    private static final Logger LOG = LoggerFactory.getLogger(QueryGate.class);

    private final Semaphore total;
    private final int maxTotal;
    private final int perClient;
    private final long retryAfterSeconds;
    private final ClientAddress clients;
    /** What it bounds, in its answers: "queries", "pages". */
    private final String what;
    private final ConcurrentHashMap<String, Integer> running = new ConcurrentHashMap<>();
    private final AtomicLong lastLogged = new AtomicLong(System.nanoTime() - 2_000_000_000L);
    private final AtomicLong unlogged = new AtomicLong();

    /** @param what what it bounds, in its answers ("queries", "pages") */
    QueryGate(ServerSettings settings, String what) {
        this.what = what;
        this.maxTotal = settings.maxQueries();
        this.total = new Semaphore(maxTotal);
        this.perClient = settings.maxQueriesPerClient();
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
        if (running.merge(client, 1, Integer::sum) > perClient) {
            release(client);
            refuse(req, resp, client, "this client already runs " + perClient + " " + what + " at once (the most per client)");
            return;
        }
        if (!total.tryAcquire()) {
            release(client);
            refuse(req, resp, client, "the server already runs " + maxTotal + " " + what + " at once (the most it runs)");
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            total.release();
            release(client);
        }
    }

    private void release(String client) {
        running.computeIfPresent(client, (k, n) -> n <= 1 ? null : n - 1);
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
        resp.setStatus(429);
        resp.setHeader("Retry-After", Long.toString(retryAfterSeconds));
        resp.setContentType("text/plain; charset=utf-8");
        byte[] body = ("Too many requests: " + why + ". Retry after " + retryAfterSeconds + " s.\n").getBytes(StandardCharsets.UTF_8);
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }
}
