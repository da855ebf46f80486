package org.articlekg.publish;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Builds an HTML page; every piece of data goes through {@link #text(String)} (escaped). */
public final class HtmlWriter {
    private final StringBuilder sb = new StringBuilder();

    public static String escape(String s) {
        if (s == null) return "";
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    public static String urlEncode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Raw markup written by this code (never data). */
    public HtmlWriter markup(String html) {
        sb.append(html);
        return this;
    }

    /** Data, escaped. */
    public HtmlWriter text(String s) {
        sb.append(escape(s));
        return this;
    }

    /** A link, or the label as text when the target is not a web address (javascript:, data:, file: ...). */
    public HtmlWriter link(String href, String label) {
        if (!isWebLink(href)) return text(label);
        sb.append("<a href=\"").append(escape(href)).append("\">").append(escape(label)).append("</a>");
        return this;
    }

    /** Whether a link target is a path on this server or an http(s) address. */
    static boolean isWebLink(String href) {
        if (href == null) return false;
        String h = href.strip().toLowerCase(java.util.Locale.ROOT);
        return (h.startsWith("/") && !h.startsWith("//")) || h.startsWith("#") || h.startsWith("http://") || h.startsWith("https://");
    }

    public HtmlWriter start(String title) {
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(escape(title)).append(" · article-kg</title><style>")
                .append("body{font-family:system-ui,sans-serif;max-width:62rem;margin:0 auto;padding:.5rem 1rem 3rem;line-height:1.45;color:#222}")
                .append("nav{border-bottom:1px solid #ddd;padding:.4rem 0;margin-bottom:1rem}nav a{margin-right:1rem}")
                .append("a{color:#0645ad}h1{margin:.3rem 0}.muted{color:#666}.chip{display:inline-block;background:#eef;border-radius:1rem;padding:0 .6rem;margin:0 .3rem .3rem 0;font-size:.9em}")
                .append("table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #e3e3e3;padding:.35rem;text-align:left;vertical-align:top}")
                .append("blockquote{margin:.2rem 0 .4rem 1rem;padding-left:.6rem;border-left:3px solid #ccd;font-style:italic}")
                .append(".fact{border:1px solid #e3e3e3;border-radius:6px;padding:.5rem .8rem;margin:.5rem 0}")
                .append(".disputed{border-color:#d9822b;background:#fff8f0}.flag{color:#b35900;font-weight:600}")
                .append(".chip.warn{background:#fde4cc;color:#8a3b00;font-weight:600}.refines{color:#2e6b3a}.who{font-style:normal}")
                .append(".event{border-left:4px solid #9bb7d4;padding:.1rem 0 .1rem .7rem;margin:.8rem 0}.event>p{margin:.2rem 0}")
                .append(".side{display:flex;flex-wrap:wrap;gap:.8rem}.side>div{flex:1 1 16rem;border:1px solid #d9822b;border-radius:6px;padding:.5rem}")
                .append("code{background:#f4f4f4;padding:0 .25rem;border-radius:3px;word-break:break-all}")
                .append("</style></head><body><nav><a href=\"/doc/\">Index</a><a href=\"/explore\">Explore</a>")
                .append("<a href=\"/api/\">Saved queries</a><a href=\"/#/dataset/kg/query\">SPARQL</a>")
                .append("<a href=\"/.well-known/void\">Dataset description</a><a href=\"/ontology\">Ontology</a></nav>\n");
        return this;
    }

    public String end() {
        sb.append("\n</body></html>\n");
        return sb.toString();
    }
}
