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
    static final List<String> RDF_TYPES = List.of("text/turtle", "application/ld+json", "application/n-triples",
            "application/rdf+xml");

    /**
     * The best media type for an Accept header among {@code offers}, honouring q-values; the first
     * offer when there is no header; null when nothing offered is acceptable.
     */
    static String choose(String accept, List<String> offers) {
        if (accept == null || accept.isBlank()) return offers.get(0);
        AcceptList wanted;
        try {
            wanted = new AcceptList(accept);
        } catch (RuntimeException e) {
            return offers.get(0);
        }
        MediaType m = AcceptList.match(wanted, new AcceptList(offers.stream().map(MediaRange::new).toList()));
        return m == null ? null : m.getContentTypeStr();
    }

    /** The media type a {@code format=} value names ({@code ttl}, {@code jsonld}, {@code nt}, {@code rdfxml}, {@code html}). */
    static String byFormat(String format) {
        return switch (format) {
            case "ttl", "turtle" -> "text/turtle";
            case "jsonld", "json-ld", "json" -> "application/ld+json";
            case "nt", "ntriples" -> "application/n-triples";
            case "rdf", "rdfxml", "xml" -> "application/rdf+xml";
            case "html" -> HTML;
            default -> null;
        };
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
