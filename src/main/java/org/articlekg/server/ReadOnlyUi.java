package org.articlekg.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModule;
import org.apache.jena.fuseki.mgt.ActionDatasets;
import org.apache.jena.fuseki.mod.admin.ActionServerStatus;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.fuseki.validation.QueryValidator;
import org.apache.jena.rdf.model.Model;

/**
 * The server's read-only descriptions, {@code /$/server}, {@code /$/datasets} (GET only),
 * {@code /$/stats}, {@code /$/ping} and query validation, without Fuseki's admin module (which
 * also brings dataset creation, deletion, backup and compaction); and, instead of the stock
 * Fuseki UI, a redirect of {@code /} to the query editor {@code /editor/}. The stock UI shows
 * add-data, edit, remove, backup and new-dataset controls that a read-only server can only answer
 * with 405, and its autocompletion asks services on the internet; the editor knows this graph.
 * Browsers keep the fragment across a redirect, so the UI's links
 * ({@code /#/dataset/kg/query?query=...}) open the editor with their query.
 */
final class ReadOnlyUi implements FusekiModule {
    /** Where {@code /} leads. */
    static final String HOME = "/editor/";

    @Override
    public String name() {
        return "article-kg read-only descriptions";
    }

    @Override
    public void prepare(FusekiServer.Builder builder, Set<String> datasetNames, Model configModel) {
        HttpServlet home = new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
                resp.setStatus(303);
                resp.setHeader("Location", HOME);
            }
        };
        builder.addServlet("", home)
                .addServlet("/index.html", home)
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
