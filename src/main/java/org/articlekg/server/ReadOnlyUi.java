package org.articlekg.server;

import java.util.Set;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.fuseki.mgt.ActionDatasets;
import org.apache.jena.fuseki.mod.admin.ActionServerStatus;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.fuseki.validation.QueryValidator;
import org.apache.jena.rdf.model.Model;
import org.articlekg.KgException;
import org.eclipse.jetty.util.resource.Resource;
import org.eclipse.jetty.util.resource.ResourceFactory;

/**
 * Serves the Fuseki UI (from the {@code jena-fuseki-ui} jar) with only the read-only server
 * descriptions it needs: {@code /$/server}, {@code /$/datasets} (GET only), {@code /$/stats},
 * {@code /$/ping} and query validation. Fuseki's own UI module needs the admin module, which
 * also brings dataset creation, deletion, backup and compaction; this one does not.
 */
final class ReadOnlyUi implements FusekiModule {
    @Override
    public String name() {
        return "article-kg read-only UI";
    }

    @Override
    public void prepare(FusekiServer.Builder builder, Set<String> datasetNames, Model configModel) {
        Resource ui = ResourceFactory.closeable().newClassLoaderResource("webapp");
        if (ui == null) throw new KgException("the Fuseki UI (jena-fuseki-ui) is not on the class path");
        builder.staticFileBase(ui.getURI().toString())
                .addServlet("/$/server", new ActionServerStatus())
                .addServlet("/$/datasets/*", new ReadOnlyDatasets())
                .addServlet("/$/validate/query", new QueryValidator())
                .enableStats(true)
                .enablePing(true);
    }

    /** The dataset descriptions, without creating or deleting datasets. */
    static final class ReadOnlyDatasets extends ActionDatasets {
        @Override
        public void validate(HttpAction action) {
            if (!"GET".equals(action.getRequestMethod()) && !"HEAD".equals(action.getRequestMethod())) {
                ServletOps.error(405, "read-only server: datasets cannot be created, changed or deleted here");
            }
            super.validate(action);
        }
    }

}
