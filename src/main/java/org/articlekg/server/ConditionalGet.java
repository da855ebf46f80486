package org.articlekg.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

/**
 * Conditional GET for what a build serves (saved queries' answers, linked-data descriptions and
 * pages, the explorer, the ontology, dumps, VoID): a build is immutable, so the same request to the same
 * build and the same code gets the same answer. A 200 answer to a GET or HEAD carries an
 * {@code ETag} (the build's name and a digest of the request: path, query string, {@code Accept},
 * {@code Accept-Language}; of the running code, the row cap and the saved queries) and
 * {@code Cache-Control: no-cache} (a client may keep it, and asks again with
 * {@code If-None-Match}); a request whose {@code If-None-Match} names it gets 304 at once, before
 * any query runs. A new build, new code, another row cap or an edited saved query change every
 * tag. Answers that are not 200 get no tag, nor do answers that set their own
 * caching headers; the SPARQL endpoint is left out (a query may ask for {@code NOW()} or
 * {@code RAND()}).
 */
final class ConditionalGet implements Filter {
    /**
     * The paths it answers for: each serves what the build holds (their servlets are mapped in
     * {@link KgServer} and {@code PublishServlets}; {@code /id/} and {@code /graph/} only redirect).
     */
    static final List<String> PATHS = List.of("/api/*", "/doc/*", "/ontology", "/explore/*", "/dumps/*", "/.well-known/void");
    static final String CACHE_CONTROL = "no-cache";
    private static final HexFormat HEX = HexFormat.of();
    /** The running code's digest, once per process. */
    private static final String CODE = codeDigest();

    private final Supplier<ServedGraph> served;
    /** A digest of the code and the configuration: what, besides the build, shapes the answers. */
    private final String code;

    /**
     * @param served the build being served
     * @param configuration what else shapes the answers besides the build and the code (the row
     *     cap; the saved queries' texts and parameters, read from their folder and the ontology)
     */
    ConditionalGet(Supplier<ServedGraph> served, List<String> configuration) {
        this.served = served;
        MessageDigest sha = sha256();
        sha.update(CODE.getBytes(StandardCharsets.UTF_8));
        for (String part : configuration) {
            sha.update((byte) 0);
            sha.update(part.getBytes(StandardCharsets.UTF_8));
        }
        this.code = HEX.formatHex(sha.digest());
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse resp = (HttpServletResponse) response;
        ServedGraph graph = served.get();
        if ((!"GET".equals(req.getMethod()) && !"HEAD".equals(req.getMethod())) || graph == null) {
            chain.doFilter(request, response);
            return;
        }
        String tag = tag(req, graph);
        if (matches(req.getHeader("If-None-Match"), tag)) {
            resp.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            // A cache takes a 304's headers into the answer it keeps: the default policy set before
            // this filter would replace a page's own (the explorer's and the editor's allow their scripts).
            resp.setHeader("Content-Security-Policy", null);
            resp.setHeader("ETag", tag);
            resp.setHeader("Cache-Control", CACHE_CONTROL);
            resp.addHeader("Vary", "Accept"); // beside what the CORS filter added (Origin), as on the answer
            return;
        }
        chain.doFilter(request, new Tagged(resp, tag));
    }

    /**
     * {@code W/"build-digest"}: weak, as the same answer may be written with other bytes (a blank
     * node's label). Not the {@code Host}: no answer depends on it, and replicas behind one name
     * give the same tags.
     */
    private String tag(HttpServletRequest req, ServedGraph graph) {
        MessageDigest sha = sha256();
        for (String part : new String[] {code, req.getRequestURI(), req.getQueryString(), req.getHeader("Accept"),
                                         req.getHeader("Accept-Language")}) {
            sha.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
        }
        String digest = HEX.formatHex(sha.digest(), 0, 12);
        return "W/\"" + graph.build().getFileName() + "-" + digest + "\"";
    }

    /**
     * Whether an {@code If-None-Match} list names the tag, compared weakly (RFC 9110, 13.1.2).
     * {@code *} is left to the servlet: it names any current answer, and whether there is one
     * (not a 404) only the servlet knows.
     */
    static boolean matches(String ifNoneMatch, String tag) {
        if (ifNoneMatch == null) return false;
        String opaque = opaque(tag);
        for (String candidate : ifNoneMatch.split(",")) {
            if (opaque(candidate.strip()).equals(opaque)) return true;
        }
        return false;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }

    /**
     * A digest of the running code, so that new pages or query texts change the tags of the same
     * build: the jar's, which gives the same tags on every replica that runs it; run from a
     * classes folder (the tests), tags last as long as the process.
     */
    private static String codeDigest() {
        try {
            Path location = Path.of(ConditionalGet.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(location)) {
                MessageDigest sha = sha256();
                try (InputStream in = Files.newInputStream(location)) {
                    byte[] buffer = new byte[1 << 16];
                    for (int n; (n = in.read(buffer)) > 0; ) sha.update(buffer, 0, n);
                }
                return HEX.formatHex(sha.digest());
            }
        } catch (java.io.IOException | java.net.URISyntaxException | SecurityException e) {
            // the code's location unreadable: as for a classes folder
        }
        return "started@" + System.nanoTime();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /**
     * Adds the tag and {@code Cache-Control} to a 200 answer that has neither, when its length or
     * its first byte is given (a HEAD gives only the length).
     */
    private static final class Tagged extends HttpServletResponseWrapper {
        private final String tag;
        private boolean decided;

        Tagged(HttpServletResponse response, String tag) {
            super(response);
            this.tag = tag;
        }

        private void decide() {
            if (decided) return;
            decided = true;
            HttpServletResponse resp = (HttpServletResponse) getResponse();
            if (resp.getStatus() != HttpServletResponse.SC_OK || resp.isCommitted()) return;
            if (resp.containsHeader("ETag") || resp.containsHeader("Cache-Control")) return;
            resp.setHeader("ETag", tag);
            resp.setHeader("Cache-Control", CACHE_CONTROL);
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            decide();
            return super.getOutputStream();
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            decide();
            return super.getWriter();
        }

        @Override
        public void flushBuffer() throws IOException {
            decide();
            super.flushBuffer();
        }

        @Override
        public void setContentLength(int length) {
            decide();
            super.setContentLength(length);
        }

        @Override
        public void setContentLengthLong(long length) {
            decide();
            super.setContentLengthLong(length);
        }
    }
}
