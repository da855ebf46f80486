package org.articlekg.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.articlekg.build.Prefixes;
import org.articlekg.publish.Describer;
import org.articlekg.publish.Pages;

/**
 * Dereferenceable IRIs, following the W3C "Cool URIs" 303 pattern: {@code /id/...} names a thing
 * and answers {@code 303 See Other} to its document {@code /doc/...}, which is negotiated between
 * HTML and Turtle, JSON-LD, N-Triples and RDF/XML ({@code Vary: Accept}, q-values honoured, or
 * {@code format=}). Unknown IRIs are 404, unacceptable types 406. {@code /doc/} is the index.
 */
final class LinkedDataServlet extends HttpServlet {
    private final Supplier<ServedGraph> served;

    LinkedDataServlet(Supplier<ServedGraph> served) {
        this.served = served;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setHeader("Vary", "Accept");
        String servlet = req.getServletPath();
        String rest = req.getPathInfo() == null ? "" : req.getPathInfo();
        ServedGraph g = served.get();
        if (servlet.equals("/doc") && (rest.isEmpty() || rest.equals("/"))) {
            String html = g.read(dsg -> new Pages(dsg, g.iris()).index());
            send(resp, 200, Negotiation.HTML + "; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
            return;
        }
        Node iri = NodeFactory.createURI(g.base() + "id" + rest);
        if (!rest.matches("/[a-z][a-z-]*/[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)?") || !g.read(dsg -> Describer.exists(dsg, iri))) {
            send(resp, 404, "text/plain; charset=utf-8", ("Not found: no resource " + iri.getURI() + " in this graph\n")
                    .getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (servlet.equals("/id")) {
            String location = "/doc" + rest + (req.getQueryString() == null ? "" : "?" + req.getQueryString());
            resp.setStatus(303);
            resp.setHeader("Location", location);
            resp.setContentType("text/plain; charset=utf-8");
            byte[] body = ("See " + location + "\n").getBytes(StandardCharsets.UTF_8);
            resp.setContentLength(body.length);
            resp.getOutputStream().write(body);
            return;
        }
        List<String> offers = new ArrayList<>(Negotiation.RDF_TYPES);
        offers.add(1, Negotiation.HTML);
        String type = Negotiation.chooseOr406(req, resp, offers);
        if (type == null) return;
        resp.setHeader("Content-Location", "/doc" + rest);
        resp.setHeader("Link", "<" + iri.getURI() + ">; rel=\"about\"");
        if (type.equals(Negotiation.HTML)) {
            String html = g.read(dsg -> new Pages(dsg, g.iris()).resource(iri));
            send(resp, 200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
            return;
        }
        Graph description = g.read(dsg -> Describer.describe(dsg, iri));
        description.getPrefixMapping().setNsPrefixes(Prefixes.of(g.iris(), g.read(dsg -> org.articlekg.publish.Kinds.of(dsg, g.iris()))));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFDataMgr.write(out, description, Negotiation.lang(type));
        send(resp, 200, type + (type.startsWith("text/") || type.contains("json") ? "; charset=utf-8" : ""), out.toByteArray());
    }

    static void send(HttpServletResponse resp, int status, String contentType, byte[] body) throws IOException {
        resp.setStatus(status);
        resp.setContentType(contentType);
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }
}
