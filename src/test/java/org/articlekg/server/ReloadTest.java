package org.articlekg.server;

import static org.articlekg.server.TestServers.*;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.articlekg.load.InvalidInputException;
import org.articlekg.store.ServiceConfig;
import org.articlekg.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rebuild while the server answers queries: every answer is wholly old or wholly new. */
class ReloadTest {
    /** Two counts that a rebuild changes together; a mix of old and new graphs would show. */
    private static final String PAIR = "PREFIX akg: <https://w3id.org/article-kg/ontology#> "
            + "SELECT ?persons ?evidence { { SELECT (COUNT(DISTINCT ?p) AS ?persons) { ?p a akg:Person } } "
            + "{ SELECT (COUNT(DISTINCT ?e) AS ?evidence) { ?e a akg:Evidence } } }";

    @TempDir
    Path tmp;

    @Test
    void rebuildWhileQueryingGivesOnlyWholeOldOrWholeNewAnswers() throws Exception {
        Store store = buildRealData(tmp.resolve("store"));
        Path data = tmp.resolve("data");
        copyTree(PROJECT.resolve("data"), data);
        Files.writeString(data.resolve("persons.csv"), "jane-doe,Jane Doe,Jane Doe,,,\n", StandardOpenOption.APPEND);
        Files.writeString(data.resolve("evidence.csv"), "jane-doe,000_1cd7c9620f0f43ef,Elon Musk,,,\n", StandardOpenOption.APPEND);

        // Three clients on one address: allow them three queries at once (HostileClientTest tests the limit).
        try (KgServer server = KgServer.start(store, ServiceConfig.read(CONFIG),
                ServerSettings.defaults().withPort(0).withReloadEvery(Duration.ofMillis(100)).withMaxQueries(4, 3))) {
            String before = answer(server);
            Set<String> seen = ConcurrentHashMap.newKeySet();
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService clients = Executors.newFixedThreadPool(3);
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                futures.add(clients.submit(() -> {
                    while (running.get()) seen.add(answer(server));
                    return null;
                }));
            }
            Path oldBuild = server.servedBuild();
            builder(data).buildInto(store);
            long deadline = System.currentTimeMillis() + 10_000;
            while (server.servedBuild().equals(oldBuild) && System.currentTimeMillis() < deadline) Thread.sleep(50);
            Thread.sleep(300);
            running.set(false);
            for (Future<?> f : futures) f.get();
            clients.shutdown();

            String after = answer(server);
            assertNotEquals(before, after, "the new build is served");
            assertEquals(Set.of(before, after), Set.copyOf(seen.stream().filter(s -> !s.isEmpty()).toList()),
                    "answers while swapping: " + seen);
        }
    }

    @Test
    void aFailedRebuildLeavesTheServedGraphUntouched() throws Exception {
        Store store = buildRealData(tmp.resolve("store"));
        Path data = tmp.resolve("data");
        copyTree(PROJECT.resolve("data"), data);
        Files.writeString(data.resolve("investments.csv"),
                "bad-row,,elon-musk,openai,12,5,USD,2018,,donation,completed,\n", StandardOpenOption.APPEND);
        // Three clients on one address: allow them three queries at once (HostileClientTest tests the limit).
        try (KgServer server = KgServer.start(store, ServiceConfig.read(CONFIG),
                ServerSettings.defaults().withPort(0).withReloadEvery(Duration.ofMillis(100)).withMaxQueries(4, 3))) {
            String before = answer(server);
            Path served = server.servedBuild();
            assertThrows(InvalidInputException.class, () -> builder(data).buildInto(store));
            Thread.sleep(300);
            assertEquals(served, server.servedBuild());
            assertEquals(before, answer(server));
            assertEquals(served, store.current().orElseThrow());
        }
    }

    private static String answer(KgServer server) {
        var r = query(server, PAIR, "text/csv");
        return r.statusCode() == 200 ? r.body().split("\r\n")[1] : "HTTP " + r.statusCode();
    }
}
