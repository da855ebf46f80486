package org.articlekg.query;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaRange;
import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.riot.Lang;
import org.articlekg.KgException;

/**
 * The formats saved-query results are written in: tables (SELECT, ASK) and graphs (CONSTRUCT,
 * DESCRIBE), each with its media type and the short name used by {@code --format} and {@code format=}.
 */
public enum ResultFormat {
    TABLE("table", "text/plain", true, null),
    CSV("csv", "text/csv", true, null),
    TSV("tsv", "text/tab-separated-values", true, null),
    JSON("json", "application/sparql-results+json", true, null),
    XML("xml", "application/sparql-results+xml", true, null),
    TURTLE("ttl", "text/turtle", false, Lang.TURTLE),
    NTRIPLES("nt", "application/n-triples", false, Lang.NTRIPLES),
    JSONLD("jsonld", "application/ld+json", false, Lang.JSONLD),
    RDFXML("rdfxml", "application/rdf+xml", false, Lang.RDFXML);

    private final String shortName;
    private final String mediaType;
    private final boolean tabular;
    private final Lang lang;

    ResultFormat(String shortName, String mediaType, boolean tabular, Lang lang) {
        this.shortName = shortName;
        this.mediaType = mediaType;
        this.tabular = tabular;
        this.lang = lang;
    }

    public String shortName() { return shortName; }

    public String mediaType() { return mediaType; }

    /** Whether this is a format for SELECT and ASK results. */
    public boolean isTabular() { return tabular; }

    /** The RDF syntax, for graph formats. */
    public Lang lang() { return lang; }

    /** The formats for a kind of result. */
    public static List<ResultFormat> formats(boolean tabular) {
        return Arrays.stream(values()).filter(f -> f.tabular == tabular).toList();
    }

    /** The format a name (or media type) names, checked against the kind of result. */
    public static ResultFormat byName(String name, boolean tabular) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        for (ResultFormat f : values()) {
            if (f.shortName.equals(n) || f.mediaType.equals(n) || f.name().toLowerCase(Locale.ROOT).equals(n)
                    || (n.equals("turtle") && f == TURTLE) || (n.equals("json-ld") && f == JSONLD)) {
                if (f.tabular != tabular) break;
                return f;
            }
        }
        throw new KgException("format '" + name + "' is not available for " + (tabular ? "SELECT/ASK" : "CONSTRUCT/DESCRIBE")
                + " results; use one of: " + String.join(", ", formats(tabular).stream().map(ResultFormat::shortName).toList()));
    }

    /**
     * The best format for an {@code Accept} header, honouring q-values; the default when the header
     * is absent or accepts anything; null when nothing offered is acceptable.
     */
    public static ResultFormat negotiate(String accept, boolean tabular, ResultFormat otherwise) {
        if (accept == null || accept.isBlank()) return otherwise;
        List<ResultFormat> offered = formats(tabular);
        AcceptList offers = new AcceptList(offered.stream().map(f -> new MediaRange(f.mediaType)).toList());
        AcceptList wanted;
        try {
            wanted = new AcceptList(accept);
        } catch (RuntimeException e) {
            return otherwise;
        }
        MediaType match = AcceptList.match(wanted, offers);
        if (match == null) {
            // application/json for SPARQL JSON, text/xml for SPARQL XML: common client shorthands.
            if (tabular && accept.contains("application/json")) return JSON;
            if (tabular && (accept.contains("text/xml") || accept.contains("application/xml"))) return XML;
            if (!tabular && accept.contains("application/json")) return JSONLD;
            return null;
        }
        for (ResultFormat f : offered) if (f.mediaType.equals(match.getContentTypeStr())) return f;
        return otherwise;
    }
}
