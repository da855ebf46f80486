package org.articlekg.server;

import java.time.Duration;
import java.util.List;
import org.articlekg.KgException;

/**
 * How the server runs. Each value is checked here, and a bad one names itself and its value.
 *
 * @param port the HTTP port; 0 picks a free one
 * @param host {@code localhost} to answer only on the loopback interface, {@code 0.0.0.0} for all
 * @param timeout the longest a query may run before it is ended with 503
 * @param maxRows the most rows a SELECT, CONSTRUCT or DESCRIBE returns; 0 for no cap
 * @param corsOrigins origins allowed to query from a browser ({@code *} for any)
 * @param reloadEvery how often the server looks for a newer build to swap in
 */
public record ServerSettings(int port, String host, Duration timeout, long maxRows, List<String> corsOrigins,
                             Duration reloadEvery) {
    public static final int DEFAULT_PORT = 3030;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    public static final long DEFAULT_MAX_ROWS = 10_000;

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
    }

    /** The defaults: port 3030 on localhost, 5 s timeout, 10,000 rows, any origin. */
    public static ServerSettings defaults() {
        return new ServerSettings(DEFAULT_PORT, "localhost", DEFAULT_TIMEOUT, DEFAULT_MAX_ROWS, List.of("*"),
                Duration.ofSeconds(1));
    }

    public ServerSettings withPort(int port) {
        return new ServerSettings(port, host, timeout, maxRows, corsOrigins, reloadEvery);
    }

    public ServerSettings withTimeout(Duration timeout) {
        return new ServerSettings(port, host, timeout, maxRows, corsOrigins, reloadEvery);
    }

    public ServerSettings withMaxRows(long maxRows) {
        return new ServerSettings(port, host, timeout, maxRows, corsOrigins, reloadEvery);
    }

    public ServerSettings withCorsOrigins(List<String> origins) {
        return new ServerSettings(port, host, timeout, maxRows, origins, reloadEvery);
    }

    public ServerSettings withHost(String host) {
        return new ServerSettings(port, host, timeout, maxRows, corsOrigins, reloadEvery);
    }

    public ServerSettings withReloadEvery(Duration every) {
        return new ServerSettings(port, host, timeout, maxRows, corsOrigins, every);
    }
}
