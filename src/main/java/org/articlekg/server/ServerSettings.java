package org.articlekg.server;

import java.time.Duration;
import java.util.List;
import org.articlekg.KgException;

/**
 * How the server runs, and every limit it puts on a client: the one home of these values (the
 * command line, the README and the tests take their defaults from here). Each value is checked
 * here, and a bad one names its option and its value.
 *
 * @param port the HTTP port; 0 picks a free one
 * @param host {@code localhost} to answer only on the loopback interface, {@code 0.0.0.0} for all
 * @param timeout the longest a query may run before it is ended with 503; a client may ask for
 *        less ({@code timeout=} parameter), never for more
 * @param maxRows the most rows a SELECT, CONSTRUCT or DESCRIBE returns; 0 for no cap
 * @param corsOrigins origins allowed to query from a browser ({@code *} for any)
 * @param reloadEvery how often the server looks for a newer build to swap in
 * @param maxQueries the most queries (SPARQL endpoint and saved queries) running at once; more
 *        are answered 429 with {@code Retry-After}
 * @param maxQueriesPerClient the most queries one client address runs at once
 * @param maxBodyBytes the largest request body; larger is 413
 * @param maxUrlBytes the largest request line and headers (the URL of a GET query); larger is 414
 *        (URL) or 431 (headers)
 * @param trustedProxies addresses of reverse proxies whose {@code Forwarded} or
 *        {@code X-Forwarded-For} header names the client; from any other address the headers are
 *        ignored
 * @param shareAnswers whether identical requests for a saved query's answer that arrive while it is
 *        being computed wait for it instead of running the query again beside it (on by default;
 *        off to measure each request's own cost)
 */
public record ServerSettings(int port, String host, Duration timeout, long maxRows, List<String> corsOrigins,
                             Duration reloadEvery, int maxQueries, int maxQueriesPerClient, int maxBodyBytes,
                             int maxUrlBytes, List<String> trustedProxies, boolean shareAnswers) {
    public static final int DEFAULT_PORT = 3030;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    public static final long DEFAULT_MAX_ROWS = 10_000;
    public static final int DEFAULT_MAX_QUERIES = 4;
    public static final int DEFAULT_MAX_QUERIES_PER_CLIENT = 2;
    public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;
    public static final int DEFAULT_MAX_URL_BYTES = 16 * 1024;
    /**
     * How long, in seconds, a linked-data page or explorer neighbourhood waits for a place among
     * those being made (a person opening a few pages at once) before it is refused with 429; at
     * most as many wait as may run ({@code --max-queries}), and no more from one client than its share
     * ({@code --max-queries-per-client}); the others are refused at once. Queries are never kept
     * waiting for a place.
     */
    public static final int PAGES_WAIT_SECONDS = 2;
    /** The paths of the pages made on request, which pass the pages' gate (servlet filter paths). */
    public static final List<String> GATED_PAGES = List.of("/doc/*", "/explore/graph.json", "/explore/search.json",
            "/ontology", "/.well-known/void");
    /** {@link #PAGES_WAIT_SECONDS} as a duration. */
    public static final Duration PAGES_WAIT = Duration.ofSeconds(PAGES_WAIT_SECONDS);
    /** The deepest a query's brackets may nest ( {@code (}, {@code {}, {@code [} ). */
    public static final int MAX_QUERY_NESTING = 100;
    /**
     * Rows of an uncapped SELECT ({@code --max-rows 0}) computed before the first byte is sent (a
     * timeout among them is a 503); past them the results stream, and a timeout aborts the
     * connection.
     */
    public static final int STREAM_BUFFER_ROWS = 10_000;
    /**
     * The most times a bounded path repetition may repeat ({@code p{1,4}}, {@code p{4}}): ARQ
     * follows every path of such a repetition without looking at the timeout
     * ({@code (!<x>|^!<x>){1,10}} ran for minutes and 6 GB past a 5 s timeout), while {@code *}
     * and {@code +} end with it.
     */
    public static final int MAX_PATH_REPEAT = 4;
    /** The longest string a query's CONCAT, REPLACE, GROUP_CONCAT, ENCODE_FOR_URI, afn:sprintf or afn:strjoin may build, in characters. */
    public static final int MAX_STRING_CHARS = 1_000_000;
    /** The most digits of an exact number a query's {@code *}, {@code math:pow} or {@code math:exp10} may compute (a power of 10 to the millionth held a core for minutes). */
    public static final int MAX_DIGITS = 10_000;
    /** The longest string a query's UCASE, LCASE, fn:upper-case or fn:lower-case may change, in characters (their cost grows with its square). */
    public static final int MAX_CASE_CHARS = 100_000;
    /** The longest duration, in years, a date or time may be moved by in a query. */
    public static final int MAX_DURATION_YEARS = 100_000;
    /** The longest text {@code /explore/search.json?q=} takes, in characters. */
    public static final int MAX_SEARCH_CHARS = 200;
    /** The most words {@code /explore/search.json?q=} takes. */
    public static final int MAX_SEARCH_WORDS = 10;

    public ServerSettings {
        if (port < 0 || port > 65535) throw new KgException("--port must be from 0 to 65535, found " + port);
        if (!"localhost".equals(host) && !"0.0.0.0".equals(host)) {
            throw new KgException("--host must be 'localhost' (this machine only) or '0.0.0.0' (every interface), found '" + host + "'");
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new KgException("--timeout must be a positive number of seconds, found " + timeout);
        }
        if (maxRows < 0) throw new KgException("--max-rows must be 0 (no cap) or more, found " + maxRows);
        corsOrigins = List.copyOf(corsOrigins);
        for (String origin : corsOrigins) {
            if (!origin.equals("*") && !origin.matches("https?://[^/\\s,]+")) {
                throw new KgException("--cors takes '*' or origins like https://example.org (scheme, host, optional port), found '" + origin + "'");
            }
        }
        if (reloadEvery == null || reloadEvery.isNegative() || reloadEvery.isZero()) {
            throw new KgException("reload interval must be positive, found " + reloadEvery);
        }
        if (maxQueries < 1) throw new KgException("--max-queries must be 1 or more, found " + maxQueries);
        if (maxQueriesPerClient < 1 || maxQueriesPerClient > maxQueries) {
            throw new KgException("--max-queries-per-client must be from 1 to --max-queries (" + maxQueries + "), found " + maxQueriesPerClient);
        }
        if (maxBodyBytes < 1024) throw new KgException("--max-body must be 1024 bytes or more, found " + maxBodyBytes);
        if (maxUrlBytes < 1024) throw new KgException("--max-url must be 1024 bytes or more, found " + maxUrlBytes);
        trustedProxies = List.copyOf(trustedProxies);
        for (String proxy : trustedProxies) {
            if (!proxy.matches("[0-9a-fA-F.:]+")) {
                throw new KgException("--trusted-proxy takes IP addresses like 127.0.0.1 or ::1, found '" + proxy + "'");
            }
        }
    }

    /** The 413's message for a request body past {@code maxBodyBytes}. */
    static String bodyTooLarge(int maxBodyBytes) {
        return "Request body too large: this server takes at most " + maxBodyBytes + " bytes";
    }

    /**
     * The defaults: port 3030 on localhost, 5 s timeout, 10,000 rows, any origin, 4 queries at
     * once (2 per client), 64 KiB bodies, 16 KiB URLs, no trusted proxy, identical saved-query
     * requests in flight sharing one answer.
     */

    public static ServerSettings defaults() {
        return new ServerSettings(DEFAULT_PORT, "localhost", DEFAULT_TIMEOUT, DEFAULT_MAX_ROWS, List.of("*"),
                Duration.ofSeconds(1), DEFAULT_MAX_QUERIES, DEFAULT_MAX_QUERIES_PER_CLIENT, DEFAULT_MAX_BODY_BYTES,
                DEFAULT_MAX_URL_BYTES, List.of(), true);
    }

    public ServerSettings withPort(int port) {
        return new ServerSettings(port, host, timeout, maxRows, corsOrigins, reloadEvery, maxQueries, maxQueriesPerClient,
                maxBodyBytes, maxUrlBytes, trustedProxies, shareAnswers);
    }

    public ServerSettings withTimeout(Duration timeout) {
        return new ServerSettings(port, host, timeout, maxRows, corsOrigins, reloadEvery, maxQueries, maxQueriesPerClient,
                maxBodyBytes, maxUrlBytes, trustedProxies, shareAnswers);
    }

    public ServerSettings withMaxRows(long maxRows) {
        return new ServerSettings(port, host, timeout, maxRows, corsOrigins, reloadEvery, maxQueries, maxQueriesPerClient,
                maxBodyBytes, maxUrlBytes, trustedProxies, shareAnswers);
    }

    public ServerSettings withCorsOrigins(List<String> origins) {
        return new ServerSettings(port, host, timeout, maxRows, origins, reloadEvery, maxQueries, maxQueriesPerClient,
                maxBodyBytes, maxUrlBytes, trustedProxies, shareAnswers);
    }

    public ServerSettings withHost(String host) {
        return new ServerSettings(port, host, timeout, maxRows, corsOrigins, reloadEvery, maxQueries, maxQueriesPerClient,
                maxBodyBytes, maxUrlBytes, trustedProxies, shareAnswers);
    }

    public ServerSettings withReloadEvery(Duration every) {
        return new ServerSettings(port, host, timeout, maxRows, corsOrigins, every, maxQueries, maxQueriesPerClient,
                maxBodyBytes, maxUrlBytes, trustedProxies, shareAnswers);
    }

    /** The most queries running at once, in total and per client address. */
    public ServerSettings withMaxQueries(int total, int perClient) {
        return new ServerSettings(port, host, timeout, maxRows, corsOrigins, reloadEvery, total, perClient,
                maxBodyBytes, maxUrlBytes, trustedProxies, shareAnswers);
    }

    /** The largest request body and the largest request line with headers, in bytes. */
    public ServerSettings withMaxSizes(int bodyBytes, int urlBytes) {
        return new ServerSettings(port, host, timeout, maxRows, corsOrigins, reloadEvery, maxQueries, maxQueriesPerClient,
                bodyBytes, urlBytes, trustedProxies, shareAnswers);
    }

    public ServerSettings withTrustedProxies(List<String> proxies) {
        return new ServerSettings(port, host, timeout, maxRows, corsOrigins, reloadEvery, maxQueries, maxQueriesPerClient,
                maxBodyBytes, maxUrlBytes, proxies, shareAnswers);
    }

    /** Whether identical saved-query requests in flight share one answer. */
    public ServerSettings withShareAnswers(boolean share) {
        return new ServerSettings(port, host, timeout, maxRows, corsOrigins, reloadEvery, maxQueries, maxQueriesPerClient,
                maxBodyBytes, maxUrlBytes, trustedProxies, share);
    }
}
