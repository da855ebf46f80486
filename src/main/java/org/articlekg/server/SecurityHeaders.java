package org.articlekg.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Headers and methods every response of the server shares: {@code X-Content-Type-Options:
 * nosniff} everywhere, a Content-Security-Policy on the server's own pages (scripts only from
 * files of this server, never inline or eval'd; requests to this server only; no framing; the
 * explorer sets its own, allowing its one inline script), every method but GET, HEAD, POST
 * and OPTIONS refused with 405 ({@code TRACE} would echo the request's headers back, unknown
 * methods were a 501), and an Accept header that gives every type a
 * quality of 0 ({@code *}{@code /*;q=0}) answered 406 whatever the path (the endpoints check
 * their own types too). Error responses' lengths are counted by Jetty ({@link ErrorLengths}).
 */
final class SecurityHeaders implements Filter {
    /**
     * The policy of the pages: their own styles and images, and the scripts served by this server
     * ({@code /static/pages.js} and the WebJars it draws with), which fetch from this server only.
     */
    static final String PAGE_POLICY = "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline'; img-src 'self' data:; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    /** The methods a read-only server answers; any other (PUT, DELETE, TRACE, PROPFIND ...) is 405. */
    static final List<String> METHODS = List.of("GET", "HEAD", "POST", "OPTIONS");
    /** The paths whose responses are the server's own pages. */
    private static final List<String> PAGES = List.of("/doc", "/id/", "/api", "/ontology", "/explore", "/.well-known/", "/dumps/");

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse resp = (HttpServletResponse) response;
        if (!METHODS.contains(req.getMethod())) {
            resp.setStatus(405);
            resp.setHeader("Allow", String.join(", ", METHODS));
            resp.setContentType("text/plain; charset=utf-8");
            resp.getOutputStream().write(("Method not allowed: " + req.getMethod() + " (this server is read-only)\n")
                    .getBytes(StandardCharsets.UTF_8));
            return;
        }
        resp.setHeader("X-Content-Type-Options", "nosniff");
        if (Negotiation.refusesAll(req.getHeader("Accept"))) {
            resp.setStatus(406);
            resp.setContentType("text/plain; charset=utf-8");
            resp.getOutputStream().write("Not acceptable: the Accept header accepts no type at all\n".getBytes(StandardCharsets.UTF_8));
            return;
        }
        String path = req.getRequestURI();
        if (PAGES.stream().anyMatch(path::startsWith)) resp.setHeader("Content-Security-Policy", PAGE_POLICY);
        chain.doFilter(request, new ErrorLengths(resp));
    }

    /**
     * A response whose errors keep their length to themselves: Fuseki 5.6 gives an error message's
     * length in characters ({@code ServletOps.writeMessagePlainText}) and writes it in UTF-8, so a
     * message with an accent or any non-ASCII character the client sent ({@code timeout=١},
     * {@code graph=é}, a Lucene error in a query with a comment in French) was more bytes than
     * announced, and Jetty answered a 500 "Insufficient content written". Jetty counts an error's
     * bytes itself instead.
     */
    static final class ErrorLengths extends HttpServletResponseWrapper {
        ErrorLengths(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setContentLength(int len) {
            if (getStatus() < 400) super.setContentLength(len);
        }

        @Override
        public void setContentLengthLong(long len) {
            if (getStatus() < 400) super.setContentLengthLong(len);
        }
    }
}
