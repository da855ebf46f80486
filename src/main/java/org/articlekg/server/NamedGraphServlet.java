package org.articlekg.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.Supplier;
import org.apache.jena.graph.NodeFactory;

/**
 * The named graphs' IRIs ({@code {base}graph/{name}}, linked from VoID and the pages) resolve:
 * 303 See Other to VoID, the document that describes each named graph; 404 for a graph the build
 * does not have.
 */
final class NamedGraphServlet extends HttpServlet {
    private final Supplier<ServedGraph> served;

    NamedGraphServlet(Supplier<ServedGraph> served) {
        this.served = served;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        ServedGraph g = served.get();
        String path = req.getPathInfo() == null ? "" : req.getPathInfo().replaceFirst("^/", "");
        String iri = g.base() + "graph/" + path;
        boolean exists = !path.isEmpty() && g.read(dsg -> dsg.containsGraph(NodeFactory.createURI(iri)));
        if (!exists) {
            resp.sendError(404, "no named graph " + iri);
            return;
        }
        resp.setStatus(303);
        resp.setHeader("Location", "/.well-known/void");
    }
}
