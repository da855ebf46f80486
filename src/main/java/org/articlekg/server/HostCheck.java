package org.articlekg.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warns, in one log line per host, when requests arrive for another host than the one of the
 * served build's base IRI: the graph's links then point at the base, not at the address the client
 * used. The request itself is answered as usual (paths map to IRIs under the base).
 */
final class HostCheck implements Filter {
    private static final Logger LOG = LoggerFactory.getLogger(HostCheck.class);
    /** Hosts warned about are remembered up to this many, so that a client sending random Host headers cannot grow memory. */
    static final int MAX_HOSTS = 64;

    private final Supplier<ServedGraph> served;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    HostCheck(Supplier<ServedGraph> served) {
        this.served = served;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        String host = ((HttpServletRequest) request).getHeader("Host");
        ServedGraph g = served.get();
        if (host != null && g != null && !sameHost(g.base(), host) && firstTime(host)) {
            LOG.warn("Request for host '{}', but the graph's IRIs are under {}: its links point there. Serve with "
                    + "--base for the public address (or without --base, on the address clients use). Other hosts are logged once each.",
                    host.replaceAll("[^\\x21-\\x7e]", "?"), g.base());
        }
        chain.doFilter(request, response);
    }

    /** Whether this host is warned about for the first time (false once {@link #MAX_HOSTS} were). */
    boolean firstTime(String host) {
        String key = host.toLowerCase(Locale.ROOT);
        if (warned.contains(key) || warned.size() >= MAX_HOSTS) return false;
        return warned.add(key);
    }

    /**
     * Whether a Host header ({@code host[:port]}) names the base's host and port; a header without
     * a port matches a base without one (a proxy's host name).
     */
    static boolean sameHost(String base, String hostHeader) {
        URI b = URI.create(base);
        String header = hostHeader.trim().toLowerCase(Locale.ROOT);
        String baseHost = b.getHost() == null ? "" : b.getHost().toLowerCase(Locale.ROOT);
        String authority = baseHost + (b.getPort() < 0 ? "" : ":" + b.getPort());
        return header.equals(authority) || (b.getPort() < 0 && header.equals(baseHost + ":" + defaultPort(b.getScheme())))
                || (header.equals(baseHost) && b.getPort() == defaultPort(b.getScheme()));
    }

    private static int defaultPort(String scheme) {
        return "https".equalsIgnoreCase(scheme) ? 443 : 80;
    }
}
