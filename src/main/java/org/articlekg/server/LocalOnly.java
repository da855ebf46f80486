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

/**
 * The server's own descriptions ({@code /$/server}, {@code /$/stats}, {@code /$/datasets}: versions,
 * request counts, configuration) answer only on this machine: to a client on the loopback
 * address that no proxy relayed ({@link ClientAddress#isLocalAndDirect}). Anyone else gets 403.
 * They are for the server's operator (the stock Fuseki UI read them; it is no longer served); the query endpoint,
 * the saved queries and the pages are public.
 */
final class LocalOnly implements Filter {
    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        if (ClientAddress.isLocalAndDirect(req)) {
            chain.doFilter(request, response);
            return;
        }
        HttpServletResponse resp = (HttpServletResponse) response;
        resp.setStatus(403);
        resp.setContentType("text/plain; charset=utf-8");
        resp.getOutputStream().write(("Forbidden: " + req.getRequestURI() + " answers only on the server's machine\n")
                .getBytes(StandardCharsets.UTF_8));
    }
}
