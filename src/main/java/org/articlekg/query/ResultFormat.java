package org.articlekg.query;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaRange;
import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.WebContent;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.articlekg.KgException;

/**
 * The one table of result formats of the project: tables (SELECT, ASK) and graphs (CONSTRUCT,
 * DESCRIBE), each a Jena {@link Lang} ({@link ResultSetLang} for tables) with its media type, and
 * the names clients send for it in {@code format=}/{@code output=} and {@code --format}: the
 * short names (Fuseki's and SPARQLWrapper's: {@code json}, {@code xml}, {@code rdf+xml},
 * {@code n3}, {@code json-ld} ...), the Lang's own labels and file extensions, and its media types.
 * The SPARQL endpoint, {@code /api/}, the pages, the service description and {@code kg query} all
 * read it.
 *
 * <pre>{@code
 * ResultFormat.byName("rdf+xml", false)   // RDFXML
 * ResultFormat.byName("xml", true)        // XML (SPARQL results), byName("xml", false) is RDFXML
 * }</pre>
 */
public enum ResultFormat {
    // Tables, the default first.
    JSON(ResultSetLang.RS_JSON, "SPARQL_Results_JSON", "json", true, false, "srj", "application/json"),
    XML(ResultSetLang.RS_XML, "SPARQL_Results_XML", "xml", true, false, "srx", "sparql", "application/xml", "text/xml"),
    CSV(ResultSetLang.RS_CSV, "SPARQL_Results_CSV", "csv", true, false),
    TSV(ResultSetLang.RS_TSV, "SPARQL_Results_TSV", "tsv", true, false),
    TABLE(ResultSetLang.RS_Text, null, "table", true, false, "text"),
    // Graphs, the default first.
    TURTLE(Lang.TURTLE, "Turtle", "ttl", false, true, "turtle", "n3", "text/n3", "text/rdf+n3", "application/x-turtle", "application/turtle"),
    NTRIPLES(Lang.NTRIPLES, "N-Triples", "nt", false, true, "ntriples", "n-triples"),
    JSONLD(Lang.JSONLD, "JSON-LD", "jsonld", false, true, "json-ld", "json", "application/json"),
    RDFXML(Lang.RDFXML, "RDF_XML", "rdfxml", false, true, "rdf+xml", "rdf", "xml", "application/xml", "text/xml"),
    // Both: a page for people.
    HTML(null, null, "html", true, true);

    /** The namespace of the W3C's format IRIs ({@code formats:Turtle}), as SPARQL service descriptions name formats. */
    public static final String W3C_FORMATS = "http://www.w3.org/ns/formats/";

    private final Lang lang;
    private final String w3c;
    private final String shortName;
    private final boolean tables;
    private final boolean graphs;
    private final List<String> names;

    ResultFormat(Lang lang, String w3c, String shortName, boolean tables, boolean graphs, String... aliases) {
        this.lang = lang;
        this.w3c = w3c == null ? null : W3C_FORMATS + w3c;
        this.shortName = shortName;
        this.tables = tables;
        this.graphs = graphs;
        java.util.LinkedHashSet<String> n = new java.util.LinkedHashSet<>();
        n.add(shortName);
        n.addAll(Arrays.asList(aliases));
        if (lang != null) {
            n.add(lang.getLabel().toLowerCase(Locale.ROOT));
            lang.getAltNames().forEach(a -> n.add(a.toLowerCase(Locale.ROOT)));
            lang.getFileExtensions().forEach(e -> n.add(e.toLowerCase(Locale.ROOT)));
            n.add(lang.getContentType().getContentTypeStr());
            lang.getAltContentTypes().forEach(t -> n.add(t.toLowerCase(Locale.ROOT)));
        } else {
            n.add(WebContent.contentTypeHTML);
        }
        this.names = List.copyOf(n);
    }

    public String shortName() { return shortName; }

    /** The W3C's IRI for the format ({@code http://www.w3.org/ns/formats/Turtle}); null when it has none. */
    public String w3cIri() { return w3c; }

    /** The media type, from the Jena {@link Lang}. */
    public String mediaType() {
        return lang == null ? WebContent.contentTypeHTML : lang.getContentType().getContentTypeStr();
    }

    /** The media type with its charset where it takes one, for a Content-Type header. */
    public String contentType() {
        String type = mediaType();
        return type.startsWith("text/") || type.contains("json") ? type + "; charset=utf-8" : type;
    }

    /** Whether this is a format for SELECT and ASK results. */
    public boolean isTabular() { return tables; }

    /** Whether this format writes results of a kind: tables (SELECT, ASK) or graphs (CONSTRUCT, DESCRIBE). */
    public boolean writes(boolean tabular) { return tabular ? tables : graphs; }

    /** The Jena language: a {@link ResultSetLang} for tables, an RDF syntax for graphs; null for HTML. */
    public Lang lang() { return lang; }

    /** Every name this format is known by: short name, aliases, Jena's labels and extensions, media types. */
    public List<String> names() { return names; }

    /** The formats that write a kind of result (HTML, written by the server only, last). */
    public static List<ResultFormat> formats(boolean tabular) {
        return Arrays.stream(values()).filter(f -> f.writes(tabular) && f != HTML).toList();
    }

    /** The format a name (or media type) names for a kind of result, or null when none does. */
    public static ResultFormat find(String name, boolean tabular) {
        if (name == null) return null;
        String n = name.strip().toLowerCase(Locale.ROOT);
        int semi = n.indexOf(';');
        if (semi >= 0 && n.contains("/")) n = n.substring(0, semi).strip(); // text/csv; charset=utf-8
        for (ResultFormat f : values()) {
            if (f.writes(tabular) && (f.names.contains(n) || f.name().toLowerCase(Locale.ROOT).equals(n))) return f;
        }
        return null;
    }

    /** The format a name (or media type) names, checked against the kind of result. */
    public static ResultFormat byName(String name, boolean tabular) {
        ResultFormat f = find(name, tabular);
        if (f != null && f != HTML) return f;
        throw new KgException(unavailable(name, tabular));
    }

    /** The message for a format name that names nothing for a kind of result. */
    public static String unavailable(String name, boolean tabular) {
        return "format '" + name + "' is not available for " + (tabular ? "SELECT/ASK" : "CONSTRUCT/DESCRIBE")
                + " results; use one of: " + String.join(", ", formats(tabular).stream().map(ResultFormat::shortName).toList());
    }

    /**
     * The best format for an {@code Accept} header among {@code offered}, honouring q-values; the
     * first offered when the header is absent or accepts anything alike; null when nothing offered
     * is acceptable.
     */
    public static ResultFormat negotiate(String accept, List<ResultFormat> offered) {
        if (accept == null || accept.isBlank()) return offered.get(0);
        AcceptList offers = new AcceptList(offered.stream().map(f -> new MediaRange(f.mediaType())).toList());
        AcceptList wanted;
        try {
            wanted = new AcceptList(accept);
        } catch (RuntimeException e) {
            return offered.get(0);
        }
        MediaType match = AcceptList.match(wanted, offers);
        if (match == null) {
            // application/json, text/xml: common client shorthands, in the table as aliases.
            for (MediaRange r : wanted.entries()) {
                if (r.get_q() <= 0) continue;
                for (ResultFormat f : offered) if (f.names.contains(r.getContentTypeStr().toLowerCase(Locale.ROOT))) return f;
            }
            return null;
        }
        for (ResultFormat f : offered) if (f.mediaType().equals(match.getContentTypeStr())) return f;
        return offered.get(0);
    }
}
