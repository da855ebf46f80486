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
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.UrlEncoded;

/**
 * A 400 that says why, for a request whose parameters cannot be read: a {@code %} not followed by
 * two hex digits, bytes that are not UTF-8, in the URL's query string or in a form body. Jetty
 * reads the parameters when a servlet first asks for them and throws; Fuseki's query servlet
 * answered that with a 500 whose body said "400: Bad query". Here they are read before any
 * servlet, once (the servlets get the same map), and a request that fails gets a 400 naming
 * the parameter of the URL, or the form body, that holds the bad bytes.
 */
final class ReadableParameters implements Filter {
    private final int maxBodyBytes;

    ReadableParameters(int maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        try {
            req.getParameterMap();
        } catch (RuntimeException e) {
            int status = status(e);
            String message;
            if (status == 413) {
                // a form body sent without its length, past the limit
                message = "Request body too large: this server takes at most " + maxBodyBytes + " bytes";
            } else {
                String parameter = unreadable(req.getQueryString());
                message = "cannot read " + (parameter != null ? "the parameter '" + parameter + "' of the URL" : "the form body")
                        + ": a '%' not followed by two hex digits, or bytes that are not UTF-8 (encode each value, e.g. with encodeURIComponent)";
            }
            HttpServletResponse resp = (HttpServletResponse) response;
            resp.setStatus(status);
            resp.setContentType("text/plain; charset=utf-8");
            resp.getOutputStream().write(("Error " + status + ": " + message + "\n").getBytes(StandardCharsets.UTF_8));
            return;
        }
        chain.doFilter(request, response);
    }

    /** 413 when the failure comes from a body past the limit (Jetty wraps it in a 400), else 400. */
    private static int status(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpException h && h.getCode() == 413) return 413;
        }
        return 400;
    }

    /** The name of the first parameter of a query string (null: none) that Jetty cannot decode, as given; null when all decode. */
    static String unreadable(String queryString) {
        if (queryString == null) return null;
        for (String pair : queryString.split("&")) {
            try {
                UrlEncoded.decodeUtf8To(pair, new Fields(true));
            } catch (RuntimeException e) {
                String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
                return name.length() > 40 ? name.substring(0, 40) + "..." : name;
            }
        }
        return null;
    }
}
