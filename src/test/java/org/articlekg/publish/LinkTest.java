package org.articlekg.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Links on the pages (the templates' {@code link} partial) point only at this server or at web addresses; other IRIs are shown as text. */
class LinkTest {
    /** The rendered link, from a one-line template holding the partial. */
    private static String link(String href) {
        return Templates.render("link", new Link(href, "label"));
    }

    @Test
    void webAddressesAndPathsAreLinks() {
        assertEquals("<a href=\"/doc/person/x\">label</a>", link("/doc/person/x"));
        assertEquals("<a href=\"https://example.org/a?b=1&amp;c\">label</a>", link("https://example.org/a?b=1&c"));
    }

    @Test
    void javascriptDataAndFileIrisAreText() {
        for (String href : new String[] {"javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,<b>x</b>",
                "file:///etc/passwd", "//evil.example.org/x", "vbscript:x"}) {
            assertEquals("label", link(href), href);
        }
    }

    @Test
    void labelsAreEscaped() {
        assertEquals("<a href=\"/x\">&lt;script&gt;&amp;&quot;&#39;</a>", Templates.render("link", new Link("/x", "<script>&\"'")));
    }
}
