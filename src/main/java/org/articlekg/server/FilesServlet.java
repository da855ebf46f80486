package org.articlekg.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.articlekg.store.Store;

/**
 * Files of the served build and of the class path: the dumps ({@code /dumps/NAME}), the VoID
 * description ({@code /.well-known/void}, negotiated between RDF syntaxes), and WebJars
 * ({@code /webjars/...}) for the explorer's scripts.
 */
final class FilesServlet extends HttpServlet {
    private static final Map<String, String> TYPES = Map.of(
            "trig", "application/trig", "nq", "application/n-quads", "ttl", "text/turtle; charset=utf-8",
            "jsonld", "application/ld+json", "gexf", "application/gexf+xml", "graphml", "application/graphml+xml",
            "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8");

    private final Supplier<ServedGraph> served;

    FilesServlet(Supplier<ServedGraph> served) {
        this.served = served;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String servlet = req.getServletPath();
        String rest = req.getPathInfo() == null ? "" : req.getPathInfo();
        switch (servlet) {
            case "/dumps" -> dump(rest, resp);
            case "/.well-known/void" -> voidDescription(req, resp);
            case "/webjars" -> webjar(rest, resp);
            default -> notFound(resp);
        }
    }

    private void dump(String rest, HttpServletResponse resp) throws IOException {
        String name = rest.startsWith("/") ? rest.substring(1) : rest;
        Path dir = served.get().build().resolve(Store.DUMPS);
        Path file = dir.resolve(name).normalize();
        if (!name.matches("[A-Za-z0-9_.-]+") || !file.startsWith(dir) || !Files.isRegularFile(file)) {
            notFound(resp);
            return;
        }
        String ext = name.substring(name.lastIndexOf('.') + 1);
        resp.setStatus(200);
        resp.setContentType(TYPES.getOrDefault(ext, "application/octet-stream"));
        resp.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
        resp.setContentLengthLong(Files.size(file));
        Files.copy(file, resp.getOutputStream());
    }

    private void voidDescription(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setHeader("Vary", "Accept");
        Path file = served.get().build().resolve(Store.VOID);
        if (!Files.isRegularFile(file)) {
            notFound(resp);
            return;
        }
        String type = Negotiation.chooseOr406(req, resp, Negotiation.RDF_TYPES);
        if (type == null) return;
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.source(file).parse(g);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFDataMgr.write(out, g, Negotiation.lang(type));
        LinkedDataServlet.send(resp, 200, type, out.toByteArray());
    }

    private void webjar(String rest, HttpServletResponse resp) throws IOException {
        if (!rest.matches("(/[A-Za-z0-9_.-]+)+") || rest.contains("..")) {
            notFound(resp);
            return;
        }
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("META-INF/resources/webjars" + rest)) {
            if (in == null) {
                notFound(resp);
                return;
            }
            String ext = rest.substring(rest.lastIndexOf('.') + 1);
            byte[] bytes = in.readAllBytes();
            resp.setHeader("Cache-Control", "public, max-age=86400");
            LinkedDataServlet.send(resp, 200, TYPES.getOrDefault(ext, "application/octet-stream"), bytes);
        }
    }

    private static void notFound(HttpServletResponse resp) throws IOException {
        LinkedDataServlet.send(resp, 404, "text/plain; charset=utf-8", "Not found\n".getBytes());
    }
}
