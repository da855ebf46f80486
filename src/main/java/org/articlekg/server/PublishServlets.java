package org.articlekg.server;

import java.util.function.Supplier;
import org.apache.jena.fuseki.main.FusekiServer;

/** Adds the linked-data publishing servlets to a Fuseki server being built. */
final class PublishServlets {
    private PublishServlets() {}

    static void addTo(FusekiServer.Builder builder, Supplier<ServedGraph> served) {
        LinkedDataServlet linkedData = new LinkedDataServlet(served);
        FilesServlet files = new FilesServlet(served);
        builder.addServlet("/id/*", linkedData)
                .addServlet("/doc/*", linkedData)
                .addServlet("/graph/*", new NamedGraphServlet(served))
                .addServlet("/dumps/*", files)
                .addServlet("/.well-known/void", files)
                .addServlet("/webjars/*", files)
                .addServlet("/static/*", files)
                .addServlet("/ontology", new OntologyServlet(served))
                .addServlet("/explore/*", new ExplorerServlet(served));
    }
}
