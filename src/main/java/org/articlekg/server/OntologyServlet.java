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
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.graph.GraphFactory;
import org.articlekg.load.Iris;
import org.articlekg.publish.OntologyPage;

/**
 * The ontology at {@code /ontology}: an HTML page documenting its terms, or the ontology itself in
 * Turtle, JSON-LD, N-Triples or RDF/XML by negotiation. (Its namespace lives under w3id.org; the
 * README says how to point that at a deployment.)
 */
final class OntologyServlet extends HttpServlet {
    private final Supplier<ServedGraph> served;

    OntologyServlet(Supplier<ServedGraph> served) {
        this.served = served;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setHeader("Vary", "Accept");
        ServedGraph g = served.get();
        List<String> offers = new ArrayList<>(Negotiation.RDF_TYPES);
        offers.add(0, Negotiation.HTML);
        String type = Negotiation.chooseOr406(req, resp, offers);
        if (type == null) return;
        if (type.equals(Negotiation.HTML)) {
            String html = g.read(dsg -> OntologyPage.html(dsg, g.iris()));
            LinkedDataServlet.send(resp, 200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
            return;
        }
        Graph onto = g.read(dsg -> {
            Graph copy = GraphFactory.createDefaultGraph();
            dsg.getGraph(g.iris().graph(Iris.ONTOLOGY_GRAPH)).find().forEachRemaining(copy::add);
            return copy;
        });
        onto.getPrefixMapping().setNsPrefix("akg", "https://w3id.org/article-kg/ontology#")
                .setNsPrefix("rdfs", "http://www.w3.org/2000/01/rdf-schema#").setNsPrefix("owl", "http://www.w3.org/2002/07/owl#")
                .setNsPrefix("skos", "http://www.w3.org/2004/02/skos/core#").setNsPrefix("schema", "https://schema.org/")
                .setNsPrefix("prov", "http://www.w3.org/ns/prov#").setNsPrefix("xsd", "http://www.w3.org/2001/XMLSchema#");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFDataMgr.write(out, onto, Negotiation.lang(type));
        LinkedDataServlet.send(resp, 200, type, out.toByteArray());
    }
}
