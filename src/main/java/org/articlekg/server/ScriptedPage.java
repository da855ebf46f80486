package org.articlekg.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A page of the server that runs scripts (the explorer, the query editor), read from the class
 * path once: its WebJar paths written {@code /webjars/NAME/VERSION/...} get the version of the
 * WebJar on the class path (so the pom is the one place versions are set), and its
 * Content-Security-Policy allows the scripts of this server and the page's own inline scripts,
 * by their hashes, nothing else.
 *
 * @param html the page, as served
 * @param policy its Content-Security-Policy
 */
record ScriptedPage(byte[] html, String policy) {
    private static final Pattern WEBJAR = Pattern.compile("/webjars/([A-Za-z0-9_.-]+)/VERSION/");
    private static final Pattern INLINE = Pattern.compile("<script(?: type=\"module\")?>(.*?)</script>", Pattern.DOTALL);

    /** Reads a page from the class path ({@code /explorer/explore.html}). */
    static ScriptedPage load(String resource) {
        String html;
        try (InputStream in = ScriptedPage.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException(resource + " is missing from the class path");
            html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Matcher m = WEBJAR.matcher(html);
        StringBuilder out = new StringBuilder();
        while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement("/webjars/" + m.group(1) + "/" + version(m.group(1)) + "/"));
        m.appendTail(out);
        html = out.toString();
        return new ScriptedPage(html.getBytes(StandardCharsets.UTF_8), policyFor(html));
    }

    /** The version of an npm WebJar on the class path. */
    static String version(String webjar) {
        String pom = "/META-INF/maven/org.webjars.npm/" + webjar + "/pom.properties";
        try (InputStream in = ScriptedPage.class.getResourceAsStream(pom)) {
            if (in == null) throw new IllegalStateException("the WebJar " + webjar + " is missing from the class path");
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Scripts from this server and the page's inline scripts (by hash), requests to this server
     * only, styles inline or from this server, images from this server or data URLs, no framing.
     */
    private static String policyFor(String html) {
        List<String> hashes = new ArrayList<>();
        Matcher m = INLINE.matcher(html);
        while (m.find()) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(m.group(1).getBytes(StandardCharsets.UTF_8));
                hashes.add("'sha256-" + Base64.getEncoder().encodeToString(digest) + "'");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return "default-src 'none'; script-src 'self'" + (hashes.isEmpty() ? "" : " " + String.join(" ", hashes))
                + "; connect-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
                + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }
}
