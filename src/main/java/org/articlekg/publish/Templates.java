package org.articlekg.publish;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.MustacheFactory;
import java.io.StringWriter;

/**
 * The HTML templates of the pages, in {@code src/main/resources/templates/}: Mustache files that
 * hold all the markup, every {@code {{value}}} HTML-escaped (only {@code {{{...}}}} is not, and no
 * template uses it for data). The code prepares a view model (records) and renders it:
 *
 * <pre>{@code
 * String html = Templates.render("ontology", new OntologyPage.View(...));
 * }</pre>
 *
 * Each page extends {@code layout.mustache} (head, navigation, footer) with Mustache's template
 * inheritance: {@code {{<layout}}{{$main}}...{{/main}}{{/layout}}}. Links go through the
 * {@code link} partial ({@link Link}), which writes only web addresses and paths as anchors.
 */
public final class Templates {
    /** Compiled templates are cached by the factory; it is thread-safe. */
    private static final MustacheFactory FACTORY = new DefaultMustacheFactory("templates") {
        @Override
        public void encode(String value, java.io.Writer writer) {
            try {
                writer.write(escape(value));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    };

    /** HTML escaping of text and attribute values: {@code & < > " '}, and nothing else (URLs keep their {@code =}). */
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

    private Templates() {}

    /** The page {@code templates/NAME.mustache} rendered with {@code model} (a record). */
    public static String render(String name, Object model) {
        StringWriter out = new StringWriter();
        FACTORY.compile(name + ".mustache").execute(out, new Object[] {Site.INSTANCE, model});
        return out.toString();
    }

    /**
     * What every page shares, available to every template: the version of the charting library
     * (from its WebJar's pom.properties, so the path follows the dependency's version).
     *
     * @param echarts the ECharts WebJar's version
     */
    public record Site(String echarts) {
        static final Site INSTANCE = new Site(webjarVersion("echarts"));
    }

    /** The version of a WebJar on the class path. */
    public static String webjarVersion(String artifact) {
        try (var in = Templates.class.getResourceAsStream("/META-INF/maven/org.webjars.npm/" + artifact + "/pom.properties")) {
            if (in == null) throw new IllegalStateException("WebJar " + artifact + " missing from the class path");
            java.util.Properties p = new java.util.Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
