package org.articlekg.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.atlas.web.MediaRange;
import org.apache.jena.fuseki.DEF;
import org.apache.jena.sparql.core.Quad;

/**
 * Makes the Graph Store Protocol's default graph ({@code /kg/get?default}) what SPARQL's default
 * graph is: the union of the named graphs. The dataset's stored default graph is empty (every
 * triple is in a named graph; {@code tdb2:unionDefaultGraph} makes queries see the union), and
 * Fuseki's Graph Store read answers {@code ?default} with that stored graph; this filter asks it
 * for Jena's union graph ({@code urn:x-arq:UnionGraph}) instead. {@code ?graph=IRI} is unchanged.
 * An Accept header that accepts none of the RDF syntaxes is a 406 here, as on the endpoints.
 */
final class UnionDefaultGraph implements Filter {
    /** The Graph Store read's endpoint name in {@code fuseki-config/config.ttl}. */
    static final String ENDPOINT = "get";
    /** The media types the Graph Store read answers in: Fuseki's table of RDF syntaxes for graphs and datasets. */
    private static final List<String> GRAPH_TYPES = java.util.stream.Stream.of(DEF.rdfOffer, DEF.quadsOffer)
            .flatMap(l -> l.entries().stream()).map(MediaRange::getContentTypeStr).distinct().toList();

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        if (!Negotiation.acceptsAny(req.getHeader("Accept"), GRAPH_TYPES)) {
            // Fuseki's Graph Store read answers RDF/XML to an Accept it cannot meet; the endpoints answer 406
            HttpServletResponse resp = (HttpServletResponse) response;
            resp.setStatus(406);
            resp.setContentType("text/plain; charset=utf-8");
            resp.getOutputStream().write(("Not acceptable: the Accept header accepts none of " + String.join(", ", GRAPH_TYPES) + "\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return;
        }
        boolean read = "GET".equals(req.getMethod()) || "HEAD".equals(req.getMethod());
        if (!read || req.getParameter("default") == null || req.getParameter("graph") != null) {
            chain.doFilter(request, response); // ?graph=, or both (Fuseki's own 400)
            return;
        }
        Map<String, String[]> params = new LinkedHashMap<>(req.getParameterMap());
        params.remove("default");
        params.put("graph", new String[] {Quad.unionGraph.getURI()});
        Map<String, String[]> fixed = Collections.unmodifiableMap(params);
        chain.doFilter(new HttpServletRequestWrapper(req) {
            @Override public String getParameter(String name) {
                String[] v = fixed.get(name);
                return v == null ? null : v[0];
            }
            @Override public Map<String, String[]> getParameterMap() { return fixed; }
            @Override public Enumeration<String> getParameterNames() { return Collections.enumeration(fixed.keySet()); }
            @Override public String[] getParameterValues(String name) { return fixed.get(name); }
            @Override public String getQueryString() {
                return "graph=" + java.net.URLEncoder.encode(Quad.unionGraph.getURI(), java.nio.charset.StandardCharsets.UTF_8);
            }
        }, response);
    }
}
