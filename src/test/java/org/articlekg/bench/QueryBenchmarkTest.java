package org.articlekg.bench;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.articlekg.query.QueryLibrary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The query benchmark runs end to end on a small generated graph: every saved query, both routes,
 * sampled and hub entities, and no request fails. No latency is asserted.
 */
class QueryBenchmarkTest {
    @TempDir
    Path work;

    @Test
    void everySavedQueryRunsThroughBothRoutesWithoutErrors() throws Exception {
        List<String> log = new ArrayList<>();
        Path project = Path.of("").toAbsolutePath();
        QueryBenchmark bench = new QueryBenchmark(work, project, log::add);
        QueryBenchmark.Result r = bench.run(40, 5, List.of(2), Duration.ofMillis(100));

        Set<String> names = QueryLibrary.read(project.resolve("queries")).all().stream().map(q -> q.name()).collect(Collectors.toSet());
        assertEquals(names, r.series().stream().map(QueryBenchmark.Series::query).collect(Collectors.toSet()));
        for (QueryBenchmark.Series s : r.series()) {
            assertEquals(0, s.errors(), s.query() + " " + s.entities() + " " + s.route());
            assertFalse(s.nanos().isEmpty(), s.query() + " " + s.entities() + " " + s.route() + " measured nothing");
        }
        // entity-centric queries run on sampled entities and on the hub; the others once
        for (String q : QueryBenchmark.ENTITY_CENTRIC) {
            assertEquals(Set.of("sample", "hub"), r.series().stream().filter(s -> s.query().equals(q))
                    .map(QueryBenchmark.Series::entities).collect(Collectors.toSet()), q);
        }
        assertEquals(Set.of("-"), r.series().stream().filter(s -> s.query().equals("disputes"))
                .map(QueryBenchmark.Series::entities).collect(Collectors.toSet()));
        // the pairs the report compares are the same query, entities and clients through the two routes
        for (int i = 0; i < r.series().size(); i += 2) {
            QueryBenchmark.Series a = r.series().get(i), p = r.series().get(i + 1);
            assertEquals(List.of(a.query(), a.entities(), a.clients(), "api"), List.of(p.query(), p.entities(), p.clients(), a.route()));
            assertEquals("sparql", p.route());
        }
        String report = QueryBenchmark.report(r);
        assertTrue(report.contains("Machine: ") && report.contains("| entity-timeline | sample | 2 |"), report);
        assertEquals(report.contains("Targets missed:"), report.contains(QueryBenchmark.WHY), "a miss comes with its why");
        assertTrue(r.quads() > 0);

        // a second run reuses the graph and can be limited to some queries
        QueryBenchmark.Result some = bench.run(40, 5, List.of(1), Duration.ofMillis(50), List.of("disputes", "roles-at"));
        assertEquals(Set.of("disputes", "roles-at"), some.series().stream().map(QueryBenchmark.Series::query).collect(Collectors.toSet()));
        assertTrue(log.stream().anyMatch(l -> l.startsWith("reusing the graph")), log::toString);
        Exception e = assertThrows(org.articlekg.KgException.class, () -> bench.run(40, 5, List.of(1), Duration.ofMillis(50), List.of("nope")));
        assertTrue(e.getMessage().startsWith("no saved query named 'nope'"), e.getMessage());
    }

    @Test
    void percentilesAreTakenFromTheSortedLatencies() {
        List<Long> nanos = new ArrayList<>();
        for (long ms = 100; ms >= 1; ms--) nanos.add(ms * 1_000_000);
        QueryBenchmark.Series s = new QueryBenchmark.Series("q", "-", 1, "api", nanos, Duration.ofSeconds(2), 0);
        assertEquals(50.0, s.percentileMillis(50));
        assertEquals(95.0, s.percentileMillis(95));
        assertEquals(99.0, s.percentileMillis(99));
        assertEquals(50.0, s.qps());
        assertTrue(Double.isNaN(new QueryBenchmark.Series("q", "-", 1, "api", List.of(), Duration.ofSeconds(1), 3).percentileMillis(50)));
    }
}
