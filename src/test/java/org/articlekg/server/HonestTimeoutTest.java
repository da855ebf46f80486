package org.articlekg.server;

import static org.articlekg.server.TestServers.*;
import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.articlekg.load.FactModel;
import org.articlekg.query.QueryLibrary;
import org.articlekg.store.ServiceConfig;
import org.articlekg.store.Store;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A query that runs past the timeout never answers a whole-looking 200: before the first byte it
 * is a 503, and once results stream (no row cap) the connection is aborted, which every HTTP
 * client reports as an error. Deliberately slow queries: a three-way cross product of the graph's
 * triples (about 10^10 solutions on the real data), counted or listed.
 */
class HonestTimeoutTest {
    static final String CROSS = "{ ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";

    @TempDir
    static Path tmp;
    static KgServer capped;
    static KgServer streaming;

    @BeforeAll
    static void start() {
        Store store = buildRealData(tmp.resolve("store"));
        QueryLibrary library = QueryLibrary.read(PROJECT.resolve("queries"), FactModel.read(PROJECT.resolve("ontology")));
        ServerSettings oneSecond = ServerSettings.defaults().withPort(0).withTimeout(Duration.ofSeconds(1));
        capped = KgServer.start(store, ServiceConfig.read(CONFIG), library, oneSecond);
        // a second server on the same build would hold the same database: serve the stream from a copy
        Store copy = new Store(tmp.resolve("copy"));
        try {
            Path build = copy.root().resolve(Store.BUILDS).resolve(store.requireCurrent().getFileName());
            copyTree(store.requireCurrent(), build);
            copy.publish(build);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        streaming = KgServer.start(copy, ServiceConfig.read(CONFIG), library, oneSecond.withMaxRows(0));
    }

    @AfterAll
    static void stop() {
        if (capped != null) capped.close();
        if (streaming != null) streaming.close();
    }

    private static HttpRequest sparql(KgServer server, String query, String format) {
        return HttpRequest.newBuilder(URI.create(server.url() + "kg/sparql?format=" + format + "&query=" + encode(query))).GET().build();
    }

    @Test
    void aQueryThatTimesOutBeforeItsFirstRowIsA503() {
        for (KgServer server : new KgServer[] {capped, streaming}) {
            HttpResponse<String> r = send(sparql(server, "SELECT (COUNT(*) AS ?n) WHERE " + CROSS, "json"));
            assertEquals(503, r.statusCode(), r.body());
        }
        HttpResponse<String> construct = send(sparql(capped, "CONSTRUCT { ?a ?b ?i } WHERE " + CROSS + " ORDER BY ?i", "ttl"));
        assertEquals(503, construct.statusCode(), construct.body());
    }

    @Test
    void cappedRowsAreComputedBeforeTheFirstByteSoATimeoutIsA503() {
        HttpResponse<String> r = send(sparql(capped, "SELECT * WHERE " + CROSS + " ORDER BY ?i", "csv"));
        assertEquals(503, r.statusCode());
    }

    @Test
    void aTimeoutWhileResultsStreamAbortsTheConnectionInsteadOfEndingABody() {
        for (String format : new String[] {"json", "csv"}) {
            HttpRequest request = sparql(streaming, "SELECT * WHERE " + CROSS, format);
            IOException e = assertThrows(IOException.class, () -> HTTP.send(request, HttpResponse.BodyHandlers.ofString()),
                    "a cut stream must not read as a complete response (" + format + ")");
            assertNotNull(e.getMessage());
        }
        // kg query through the server (a remote endpoint) turns the cut stream into an error
        org.articlekg.KgException cut = assertThrows(org.articlekg.KgException.class, () ->
                org.articlekg.query.QueryRunner.remote(streaming.url() + "kg/sparql", Duration.ofSeconds(60), 0)
                        .run(org.apache.jena.query.QueryFactory.create("SELECT * WHERE " + CROSS), org.articlekg.query.ResultFormat.CSV,
                                java.io.OutputStream.nullOutputStream()));
        assertTrue(cut.getMessage().contains("ended before it was complete"), cut.getMessage());
        // a result within the buffer is whole, with its length
        HttpResponse<String> small = send(sparql(streaming, "SELECT * WHERE { ?s ?p ?o } LIMIT 50", "csv"));
        assertEquals(200, small.statusCode());
        assertEquals(51, small.body().split("\r\n").length);
        assertTrue(small.headers().firstValue("Content-Length").isPresent() || small.body().endsWith("\r\n"));
    }
}
