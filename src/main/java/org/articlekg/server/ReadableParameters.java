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
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.UrlEncoded;

/**
 * A 400 that says why, for a request whose parameters cannot be read: a {@code %} not followed by
 * two hex digits, bytes that are not UTF-8, in the URL's query string or in a form body. Jetty
 * reads the parameters when a servlet first asks for them and throws; Fuseki's query servlet
 * answered that with a 500 whose body said "400: Bad query". Here they are read before any
 * servlet, once (the servlets get the same map), and a request that fails gets a 400 naming
 * the parameter of the URL, or the form body, and what is wrong with it (bad bytes, more keys than
 * Jetty takes, a body cut short); a form past the body limit, sent without its length, a 413.
 * Any other body (a query as {@code application/sparql-query}) is read here too, up to the limit:
 * a body that trickles in then holds a connection, never one of the query places behind.
 */
final class ReadableParameters implements Filter {
    /** What makes parameters unreadable, as a client can mend it. */
    private static final String ENCODING = "a '%' not followed by two hex digits, or bytes that are not UTF-8 "
            + "(encode each value, e.g. with encodeURIComponent)";

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
            if (GuardedQuery.bodyTooLarge(e)) refuse((HttpServletResponse) response, 413, ServerSettings.bodyTooLarge(maxBodyBytes));
            else refuse((HttpServletResponse) response, 400, why(req, e));
            return;
        }
        if ("POST".equals(req.getMethod()) && !isForm(req.getContentType())) {
            // Any other body (a query sent as application/sparql-query ...) is read here too, so
            // that one trickling in holds no query place: the servlets read it from memory.
            byte[] body;
            try {
                body = req.getInputStream().readNBytes(maxBodyBytes + 1);
            } catch (IOException | RuntimeException e) {
                if (GuardedQuery.bodyTooLarge(e)) refuse((HttpServletResponse) response, 413, ServerSettings.bodyTooLarge(maxBodyBytes));
                else refuse((HttpServletResponse) response, 400,
                        "cannot read the request body: " + (e.getMessage() == null ? "the connection ended" : e.getMessage()));
                return;
            }
            if (body.length > maxBodyBytes) {
                refuse((HttpServletResponse) response, 413, ServerSettings.bodyTooLarge(maxBodyBytes));
                return;
            }
            request = new ReadBody(req, body);
        }
        chain.doFilter(request, response);
    }

    private static boolean isForm(String type) {
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    private static void refuse(HttpServletResponse resp, int status, String message) throws IOException {
        resp.setStatus(status);
        resp.setContentType("text/plain; charset=utf-8");
        resp.getOutputStream().write(("Error " + status + ": " + message + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** A request whose body has been read: the servlets read it from memory. */
    private static final class ReadBody extends jakarta.servlet.http.HttpServletRequestWrapper {
        private final java.io.ByteArrayInputStream in;

        ReadBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.in = new java.io.ByteArrayInputStream(body);
        }

        /** One stream over the body, as a request has (read twice, it is read once). */
        @Override
        public jakarta.servlet.ServletInputStream getInputStream() {
            return new jakarta.servlet.ServletInputStream() {
                @Override public int read() { return in.read(); }
                @Override public int read(byte[] b, int off, int len) { return in.read(b, off, len); }
                @Override public boolean isFinished() { return in.available() == 0; }
                @Override public boolean isReady() { return true; }
                @Override public void setReadListener(jakarta.servlet.ReadListener listener) {
                    throw new IllegalStateException("the body has been read already");
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            String charset = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), java.nio.charset.Charset.forName(charset)));
        }
    }

    /** What could not be read, and why: a parameter of the URL, else the form body (bad bytes, too many keys, cut short). */
    private static String why(HttpServletRequest req, RuntimeException e) {
        String parameter = unreadable(req.getQueryString());
        if (parameter != null) return "cannot read the parameter '" + parameter + "' of the URL: " + ENCODING;
        if (!isForm(req.getContentType())) return "cannot read the URL's parameters: " + ENCODING;
        Throwable root = e;
        while (root.getCause() != null) root = root.getCause();
        if (root instanceof IllegalArgumentException || root instanceof java.nio.charset.CharacterCodingException) {
            return "cannot read the form body: " + ENCODING;
        }
        return "cannot read the form body: " + (root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName());
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
