package org.articlekg.server;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.RDFDataMgr;
import org.articlekg.publish.ServiceDescription;

/**
 * Answers a GET (or HEAD) of the query endpoint without any parameter ({@code /kg/sparql},
 * {@code /kg/query}, {@code /kg}) with the SPARQL 1.1 Service Description, in Turtle or another
 * RDF syntax by {@code Accept}; every other request goes on to Fuseki.
 */
final class ServiceDescriptionFilter extends HttpFilter {
    private final Supplier<ServedGraph> served;

    ServiceDescriptionFilter(Supplier<ServedGraph> served) {
        this.served = served;
    }

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain) throws IOException, ServletException {
        boolean read = "GET".equals(req.getMethod()) || "HEAD".equals(req.getMethod());
        if (!read || (req.getQueryString() != null && !req.getQueryString().isEmpty())) {
            chain.doFilter(req, resp);
            return;
        }
        resp.setHeader("Vary", "Accept");
        String type = Negotiation.chooseOr406(req, resp, Negotiation.RDF_TYPES);
        if (type == null) return;
        ServedGraph g = served.get();
        List<Node> graphs = g.read(dsg -> {
            List<Node> names = new ArrayList<>();
            dsg.listGraphNodes().forEachRemaining(names::add);
            names.sort(java.util.Comparator.comparing(Node::getURI));
            return names;
        });
        Graph description = ServiceDescription.describe(g.iris(), graphs);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFDataMgr.write(out, description, Negotiation.lang(type));
        // For HEAD, Jetty sends the headers (Content-Length included) and drops the body.
        LinkedDataServlet.send(resp, 200, type + (type.startsWith("text/") || type.contains("json") ? "; charset=utf-8" : ""),
                out.toByteArray());
    }
}
