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
import org.articlekg.query.ParameterException;

/**
 * Dereferenceable IRIs, following the W3C "Cool URIs" 303 pattern: {@code /id/...} names a thing
 * and answers {@code 303 See Other} to its document {@code /doc/...}, which is negotiated between
 * HTML and Turtle, JSON-LD, N-Triples and RDF/XML ({@code Vary: Accept}, q-values honoured, or
 * {@code format=}). Unknown IRIs are 404, unacceptable types 406. {@code /doc/} is the index.
 *
 * <p>An entity named by many claims is described in pages ({@code page=}, from 1; see
 * {@link Pages}), in HTML and RDF alike, each answer with {@code Link} headers to the first,
 * previous, next and last pages (RFC 8288, as LDP paging does); a page that does not exist, or a
 * {@code page} that is not a whole number, is a 400 naming the parameter.
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
        try {
            serve(req, resp, g, servlet, rest);
        } catch (ParameterException e) {
            send(resp, 400, "text/plain; charset=utf-8", ("Bad request: " + e.getMessage() + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    private void serve(HttpServletRequest req, HttpServletResponse resp, ServedGraph g, String servlet, String rest) throws IOException {
        if (servlet.equals("/doc") && (rest.isEmpty() || rest.equals("/"))) {
            String type = RequestParameters.one(req, Pages.TYPE);
            Long asked = RequestParameters.whole(req, Pages.PAGE, 1, false);
            if (type == null && asked != null) throw new ParameterException(Pages.PAGE, "the index has one page; give type= too for one type's pages");
            String html;
            if (type == null) {
                html = g.read(dsg -> new Pages(dsg, g.iris()).index());
            } else {
                int page = asked == null ? 1 : asked.intValue();
                Pages.IndexPage view = g.read(dsg -> new Pages(dsg, g.iris()).indexPage(type, page));
                links(resp, "/doc/?" + Pages.TYPE + "=" + type, "", page, view.paging().pages());
                html = Pages.render(view);
            }
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
        Long asked = RequestParameters.whole(req, Pages.PAGE, 1, false);
        int page = asked == null ? 1 : asked.intValue();
        String type = Negotiation.chooseOr406(req, resp, offers);
        if (type == null) return;
        if (type.equals(Negotiation.HTML)) {
            Pages.ResourcePage view = g.read(dsg -> new Pages(dsg, g.iris()).page(iri, page));
            describedHeaders(req, resp, rest, iri, page, view.paging() == null ? 1 : view.paging().pages());
            send(resp, 200, "text/html; charset=utf-8", Pages.render(view).getBytes(StandardCharsets.UTF_8));
            return;
        }
        record Described(Graph graph, int pages) {}
        Described described = g.read(dsg -> {
            Pages pages = new Pages(dsg, g.iris());
            Pages.ClaimPage claims = pages.claimsOnPage(iri, page);
            if (claims == null || claims.pages() == 1) return new Described(Describer.describe(dsg, iri), 1);
            return new Described(Describer.describePage(dsg, iri, claims.claims(), pages.relations()), claims.pages());
        });
        describedHeaders(req, resp, rest, iri, page, described.pages());
        Graph description = described.graph();
        description.getPrefixMapping().setNsPrefixes(Prefixes.of(g.iris(), g.read(dsg -> org.articlekg.publish.Kinds.of(dsg, g.iris()))));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFDataMgr.write(out, description, Negotiation.lang(type));
        send(resp, 200, type + (type.startsWith("text/") || type.contains("json") ? "; charset=utf-8" : ""), out.toByteArray());
    }

    /**
     * The headers of a resource's description, once the page is known to exist: where it is, what
     * it is about, and its neighbouring pages when it has several (keeping {@code format=}).
     */
    private static void describedHeaders(HttpServletRequest req, HttpServletResponse resp, String rest, Node iri, int page, int pages) {
        resp.setHeader("Content-Location", "/doc" + rest + (page > 1 ? "?page=" + page : ""));
        resp.addHeader("Link", "<" + iri.getURI() + ">; rel=\"about\"");
        if (pages > 1) links(resp, "/doc" + rest + "?", keepFormat(req), page, pages);
    }

    /**
     * The {@code Link} headers to the first, previous, next and last of {@code pages} pages at
     * {@code at} (a path and query string to which {@code page=} is added), each followed by {@code keep}.
     */
    private static void links(HttpServletResponse resp, String at, String keep, int page, int pages) {
        String sep = at.endsWith("?") ? "" : "&";
        java.util.function.IntFunction<String> link = n -> "<" + at + sep + Pages.PAGE + "=" + n + keep + ">";
        resp.addHeader("Link", link.apply(1) + "; rel=\"first\"");
        if (page > 1) resp.addHeader("Link", link.apply(page - 1) + "; rel=\"prev\"");
        if (page < pages) resp.addHeader("Link", link.apply(page + 1) + "; rel=\"next\"");
        resp.addHeader("Link", link.apply(pages) + "; rel=\"last\"");
    }

    /** {@code &format=...} when the request names a format, so that the linked pages keep it. */
    private static String keepFormat(HttpServletRequest req) {
        String format = req.getParameter("format");
        return format == null ? "" : "&format=" + java.net.URLEncoder.encode(format, StandardCharsets.UTF_8);
    }

    static void send(HttpServletResponse resp, int status, String contentType, byte[] body) throws IOException {
        resp.setStatus(status);
        resp.setContentType(contentType);
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }
}
