package org.articlekg.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A link of a page's view model: templates render it through the {@code link} partial, as an
 * anchor when its target is a path on this server or an http(s) address, and as plain text
 * otherwise ({@code javascript:}, {@code data:}, {@code file:} IRIs, or no target at all).
 *
 * @param href the target, or null for text
 * @param label what the reader sees
 */
public record Link(String href, String label) {
    /** Text with no link. */
    public static Link text(String label) {
        return new Link(null, label);
    }

    /** Whether the template may write the target as an anchor. */
    public boolean safe() {
        return isWebLink(href);
    }

    /** Whether a link target is a path on this server or an http(s) address. */
    public static boolean isWebLink(String href) {
        if (href == null) return false;
        String h = href.strip().toLowerCase(Locale.ROOT);
        return (h.startsWith("/") && !h.startsWith("//")) || h.startsWith("#") || h.startsWith("http://") || h.startsWith("https://");
    }

    /**
     * A link in a list, with the separator written before it ("" for the first): Mustache has no
     * "first item" test, so lists that read "A, B and C" carry their separators.
     *
     * @param sep written before the link
     * @param link the link
     */
    public record Joined(String sep, Link link) {}

    /** The links, each with {@code sep} before it but the first. */
    public static List<Joined> joined(List<Link> links, String sep) {
        List<Joined> out = new ArrayList<>();
        for (Link l : links) out.add(new Joined(out.isEmpty() ? "" : sep, l));
        return out;
    }
}
