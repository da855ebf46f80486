package org.articlekg.server;

import java.util.List;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaRange;
import org.apache.jena.atlas.web.MediaType;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;

/** Content negotiation for RDF documents, with HTML as one more representation. */
final class Negotiation {
    private Negotiation() {}

    static final String HTML = "text/html";
    /** The representations of a resource, the first being the choice for {@code *}{@code /*}. */
    static final List<String> RDF_TYPES = java.util.stream.Stream.of(org.articlekg.query.ResultFormat.TURTLE,
            org.articlekg.query.ResultFormat.JSONLD, org.articlekg.query.ResultFormat.NTRIPLES, org.articlekg.query.ResultFormat.RDFXML)
            .map(org.articlekg.query.ResultFormat::mediaType).toList();

    /**
     * The best media type for an Accept header among {@code offers}, honouring q-values; the first
     * offer when there is no header; null when nothing offered is acceptable.
     */
    static String choose(String accept, List<String> offers) {
        if (accept == null || accept.isBlank() || ranges(accept) == null) return offers.get(0);
        if (!acceptsAny(accept, offers)) return null;
        AcceptList wanted = new AcceptList(accept);
        List<String> acceptable = offers.stream().filter(o -> quality(ranges(accept), o) > 0).toList();
        MediaType m = AcceptList.match(wanted, new AcceptList(acceptable.stream().map(MediaRange::new).toList()));
        return m == null ? null : m.getContentTypeStr();
    }

    /**
     * Whether an Accept header accepts at least one of the offers with a quality above 0 (RFC 9110
     * 12.5.1: the most specific range that matches an offer gives its quality, so
     * {@code *}{@code /*;q=0} refuses everything). True without a header, and for a header that
     * cannot be read (then the first offer is served, as before).
     */
    static boolean acceptsAny(String accept, List<String> offers) {
        if (accept == null || accept.isBlank()) return true;
        List<String[]> ranges = ranges(accept);
        if (ranges == null) return true;
        return offers.stream().anyMatch(o -> quality(ranges, o) > 0);
    }

    /** Whether an Accept header gives every media range a quality of 0 ({@code *}{@code /*;q=0}). */
    static boolean refusesAll(String accept) {
        List<String[]> ranges = accept == null ? null : ranges(accept);
        return ranges != null && ranges.stream().allMatch(r -> Double.parseDouble(r[2]) == 0);
    }

    /** Whether an Accept header is absent or a list of media ranges this server can read. */
    static boolean isReadable(String accept) {
        return accept == null || accept.isBlank() || ranges(accept) != null;
    }

    /** The quality the ranges give a media type: that of the most specific range matching it, 0 if none. */
    private static double quality(List<String[]> ranges, String offer) {
        String[] o = offer.toLowerCase(java.util.Locale.ROOT).split("/", 2);
        double q = 0;
        int best = -1;
        for (String[] r : ranges) {
            int specificity = r[0].equals("*") ? 0 : !r[0].equals(o[0]) ? -1 : r[1].equals("*") ? 1 : r[1].equals(o[1]) ? 2 : -1;
            if (specificity > best) {
                best = specificity;
                q = Double.parseDouble(r[2]);
            }
        }
        return q;
    }

    /** The ranges of an Accept header as {type, subtype, q}; null when it is not one. */
    private static List<String[]> ranges(String accept) {
        List<String[]> out = new java.util.ArrayList<>();
        for (String item : accept.split(",")) {
            if (item.isBlank()) continue;
            String[] parts = item.split(";", -1);
            String[] type = parts[0].strip().toLowerCase(java.util.Locale.ROOT).split("/", 2);
            if (type.length != 2 || type[0].isEmpty() || type[1].isEmpty()) return null;
            String q = "1";
            for (int i = 1; i < parts.length; i++) {
                String[] kv = parts[i].strip().split("=", 2);
                if (kv.length == 2 && kv[0].strip().equalsIgnoreCase("q")) q = kv[1].strip();
            }
            if (!q.matches("0(\\.\\d{0,3})?|1(\\.0{0,3})?")) return null;
            out.add(new String[] {type[0], type[1], q});
        }
        return out.isEmpty() ? null : out;
    }

    /**
     * The media type a {@code format=} value names for an RDF document: a name of a graph format
     * of the project's table ({@code ttl}, {@code turtle}, {@code n3}, {@code jsonld},
     * {@code json-ld}, {@code json}, {@code nt}, {@code rdfxml}, {@code rdf+xml}, {@code xml},
     * media types ...) or {@code html}; null for any other.
     */
    static String byFormat(String format) {
        org.articlekg.query.ResultFormat f = org.articlekg.query.ResultFormat.find(format, false);
        return f == null ? null : f.mediaType();
    }

    /**
     * The media type to answer with, by {@code format=} or else the Accept header; when nothing
     * offered is acceptable, answers 406 listing the offers and returns null.
     */
    static String chooseOr406(jakarta.servlet.http.HttpServletRequest req, jakarta.servlet.http.HttpServletResponse resp,
                              List<String> offers) throws java.io.IOException {
        String format = req.getParameter("format");
        String type = format != null ? byFormat(format) : choose(req.getHeader("Accept"), offers);
        if (type != null && offers.contains(type)) return type;
        LinkedDataServlet.send(resp, 406, "text/plain; charset=utf-8",
                ("Not acceptable. Available: " + String.join(", ", offers) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return null;
    }

    static Lang lang(String mediaType) {
        return RDFLanguages.contentTypeToLang(mediaType);
    }
}
