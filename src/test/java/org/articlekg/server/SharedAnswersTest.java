package org.articlekg.server;

import static org.articlekg.server.TestServers.*;
import static org.junit.jupiter.api.Assertions.*;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.articlekg.query.QueryLibrary;
import org.articlekg.store.ServiceConfig;
import org.articlekg.store.Store;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Identical saved-query requests in flight share one answer, through the server: a request that
 * waits for another's computation says so in {@code Server-Timing} ({@code shared}) and gets the
 * same bytes as the one that computed it ({@code computed}).
 */
class SharedAnswersTest {
    @TempDir
    static Path storeDir;
    static KgServer server;

    @BeforeAll
    static void start() {
        Store store = buildRealData(storeDir);
        // one client may run eight at once, so that the per-client limit does not refuse the burst
        server = KgServer.start(store, ServiceConfig.read(CONFIG), QueryLibrary.read(PROJECT.resolve("queries")),
                ServerSettings.defaults().withPort(0).withMaxQueries(8, 8));
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    @Test
    void identicalRequestsInFlightShareOneComputation() throws Exception {
        // bursts of identical requests (a burst whose requests happened not to overlap is followed
        // by another, up to ten): each answer is computed by one of them, or shared with it
        int shared = 0;
        for (int round = 0; round < 10 && shared == 0; round++) {
            List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                burst.add(HTTP.sendAsync(HttpRequest.newBuilder(URI.create(server.url() + "api/claim-support"))
                        .header("Accept", "text/csv").GET().build(), HttpResponse.BodyHandlers.ofString()));
            }
            String computedBody = null;
            List<String> bodies = new ArrayList<>();
            for (CompletableFuture<HttpResponse<String>> f : burst) {
                HttpResponse<String> r = f.get();
                assertEquals(200, r.statusCode(), r.body());
                String timing = r.headers().firstValue("Server-Timing").orElseThrow();
                assertTrue(timing.matches("(computed|shared);dur=\\d+\\.\\d"), timing);
                if (timing.startsWith("shared")) shared++;
                else computedBody = r.body();
                bodies.add(r.body());
            }
            assertNotNull(computedBody, "one request of the burst computed the answer");
            for (String body : bodies) assertEquals(computedBody, body, "every request gets the same answer");
        }
        assertTrue(shared > 0, "bursts of 8 identical requests: none waited for another's answer");
    }
}
