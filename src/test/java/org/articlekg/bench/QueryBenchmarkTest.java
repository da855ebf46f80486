package org.articlekg.bench;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
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
        // (and the first page, limit=100, of each)
        for (String q : List.of("investments-in", "roles-at", "entity-timeline", "person-connections")) {
            assertEquals(Set.of("sample", "hub", "hub 100"), r.series().stream().filter(s -> s.query().equals(q))
                    .map(QueryBenchmark.Series::entities).collect(Collectors.toSet()), q);
        }
        assertEquals(Set.of("-", "- 100"), r.series().stream().filter(s -> s.query().equals("disputes"))
                .map(QueryBenchmark.Series::entities).collect(Collectors.toSet()));
        // the floors: /$/ping and ASK {}, for each number of clients
        assertEquals(List.of("/$/ping", "ASK {}"), r.floors().stream().map(QueryBenchmark.Series::query).toList());
        for (QueryBenchmark.Series f : r.floors()) assertTrue(f.errors() == 0 && !f.nanos().isEmpty(), f.query());
        // the pairs the report compares are the same query, entities and clients through the two routes
        for (int i = 0; i < r.series().size(); i += 2) {
            QueryBenchmark.Series a = r.series().get(i), p = r.series().get(i + 1);
            assertEquals(List.of(a.query(), a.entities(), a.clients(), "api"), List.of(p.query(), p.entities(), p.clients(), a.route()));
            assertEquals("sparql", p.route());
        }
        // each whole answer asked again with its ETag: a 304 every time
        Set<String> wholeAnswers = r.series().stream().filter(s -> s.entities().equals("-")).map(QueryBenchmark.Series::query)
                .collect(Collectors.toSet());
        assertEquals(wholeAnswers, r.revalidated().stream().map(QueryBenchmark.Series::query).collect(Collectors.toSet()));
        for (QueryBenchmark.Series v : r.revalidated()) {
            assertTrue(v.errors() == 0 && !v.nanos().isEmpty(), v.query() + ": every request answered 304");
            assertEquals("api 304", v.route());
        }
        String report = QueryBenchmark.report(r);
        assertTrue(report.contains("| disputes | 2 |") && report.contains("asked again with their ETag"), report);
        assertTrue(report.contains("Machine: ") && report.contains("| entity-timeline | sample | 2 |"), report);
        assertTrue(report.contains("| /$/ping | 2 |") && report.contains("| ASK {} | 2 |"), report);
        assertTrue(report.contains("load average") || !Files.exists(Path.of("/proc/loadavg")), report);
        // judged with 4 clients only (here 2): the floors are judged with 1
        assertTrue(report.contains("| target | figure | target | ratio | verdict |"), report);
        assertTrue(r.quads() > 0);
        assertTrue(r.sharedAnswers() && report.contains("requests in flight shared one answer"), report);

        // a second run reuses the graph and can be limited to some queries; here without shared answers
        QueryBenchmark.Result some = bench.sharingAnswers(false).run(40, 5, List.of(1), Duration.ofMillis(50), List.of("disputes", "roles-at"));
        assertEquals(Set.of("disputes", "roles-at"), some.series().stream().map(QueryBenchmark.Series::query).collect(Collectors.toSet()));
        assertTrue(!some.sharedAnswers() && QueryBenchmark.report(some).contains("did not share answers"));

        // the warm-up's entities are never the measured ones
        org.articlekg.store.Store store = new org.articlekg.store.Store(work.resolve("query-40-5").resolve("store"));
        QueryBenchmark.Entities entities = QueryBenchmark.Entities.of(
                org.articlekg.store.ServiceConfig.read(project.resolve("fuseki-config/config.ttl")), store.requireCurrent(), 5);
        assertEquals(entities.samples().keySet(), entities.warmUps().keySet());
        entities.samples().forEach((kind, sample) -> {
            assertFalse(sample.isEmpty(), kind);
            assertTrue(entities.warmUps().get(kind).stream().noneMatch(sample::contains), kind);
        });
        // more facts than the sample: the warm-up has entities of its own
        assertFalse(entities.warmUps().get("fact").isEmpty(), entities.warmUps()::toString);
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

    private static QueryBenchmark.Series series(String query, String entities, int clients, String route, long... millis) {
        List<Long> nanos = new ArrayList<>();
        for (long ms : millis) nanos.add(ms * 1_000_000);
        return new QueryBenchmark.Series(query, entities, clients, route, nanos, Duration.ofSeconds(1), 0);
    }

    @Test
    void theReportJudgesEachTargetWithItsFigureAndRatio() {
        QueryBenchmark.Result r = new QueryBenchmark.Result(new Machine("test CPU", 2, 1L << 34, "Java", 1L << 30, "1.00 2.00 3.00"), 100, 1, true,
                List.of(series("roles-at", "sample", 4, "api", 4, 4, 4, 30), series("roles-at", "sample", 4, "sparql", 3, 3),
                        series("articles", "- 100", 4, "api", 500, 800), series("articles", "- 100", 4, "sparql", 500),
                        series("articles", "-", 4, "api", 6000), series("articles", "-", 4, "sparql", 6000)),
                List.of(series("/$/ping", "-", 1, "floor", 2, 2, 2), series("ASK {}", "-", 1, "floor", 6, 6)),
                List.of(series("articles", "-", 4, "api 304", 1, 2, 3)));
        String report = QueryBenchmarkReport.of(r);
        assertTrue(report.contains("load average 1.00 2.00 3.00"), report);
        assertTrue(report.contains("| /$/ping p50 ms, 1 client | 2.0 | ≤ 3 | 0.67 | met |"), report);
        assertTrue(report.contains("| ASK {} p50 ms, 1 client | 6.0 | ≤ 3 | 2.00 | missed |"), report);
        assertTrue(report.contains("| roles-at (sample) p50 ms | 4.0 | ≤ 5 | 0.80 | met |"), report);
        assertTrue(report.contains("| roles-at (sample) p95 ms | 30.0 | ≤ 20 | 1.50 | missed |"), report);
        // 4 requests in 1 s: 4 queries/s against 364
        assertTrue(report.contains("| roles-at (sample) queries/s | 4.0 | > 364 | 91.00 | missed |"), report);
        assertTrue(report.contains("| articles (- 100) first page p95 ms | 800.0 | ≤ 1000 | 0.80 | met |"), report);
        assertTrue(report.contains("| articles (-) whole answer p95 ms | 6000.0 | ≤ 5000 | 1.20 | missed |"), report);
        assertTrue(report.contains("4 of 7 targets missed."), report);
        // the answers asked again with their tag: reported, not judged
        assertTrue(report.contains("| articles | 4 | 3.0 | 2.00 | 3.00 | 0 |"), report);
    }
}
