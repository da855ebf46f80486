package org.articlekg.bench;

import java.util.ArrayList;
import java.util.List;
import org.articlekg.bench.QueryBenchmark.Result;
import org.articlekg.bench.QueryBenchmark.Series;

/**
 * The report of {@code kg bench query}: the machine (with its load), the floors, one row per
 * query, entities and clients, then each target of issue 17 with the figure it is judged by, the
 * ratio of figure to target (at most 1.00 is met) and the verdict; and the whole answers asked
 * again with their ETag, which is not a target.
 *
 * <p>Targets (4 clients unless said): {@code /$/ping} and {@code ASK {}} p50 ≤ 3 ms (1 client);
 * entity-centric queries on a typical entity ({@code sample}) p50 ≤ 5 ms and p95 ≤ 20 ms;
 * roles-at on typical entities more than 364 queries/s (the other store's figure on the same
 * test); on the most mentioned entity the first page ({@code hub 100}) p95 ≤ 200 ms; the
 * whole-graph reports' first page ({@code - 100}) p95 ≤ 1 s and whole answer ({@code -}) p95 ≤ 5 s.
 * Judged on the {@code /api/} route, which users call.
 */
public final class QueryBenchmarkReport {
    private QueryBenchmarkReport() {}

    /** Entity-centric queries: the look-up targets. */
    static final List<String> ENTITY_CENTRIC = List.of("investments-in", "person-connections", "roles-at", "entity-timeline",
            "entity-neighbourhood", "entity-disputes", "article-facts", "fact-provenance");

    static final double FLOOR_P50_MS = 3;
    static final double LOOKUP_P50_MS = 5;
    static final double LOOKUP_P95_MS = 20;
    static final double ROLES_AT_QPS = 364;
    static final double HUB_PAGE_P95_MS = 200;
    static final double REPORT_PAGE_P95_MS = 1000;
    static final double REPORT_WHOLE_P95_MS = 5000;
    static final int TARGET_CLIENTS = 4;

    /** One target judged: what, the figure, the target, and whether lower is better. */
    record Verdict(String what, double figure, double target, boolean atMost) {
        double ratio() { return atMost ? figure / target : target / figure; }

        boolean met() { return atMost ? figure <= target : figure > target; }

        @Override
        public String toString() {
            return String.format("| %s | %.1f | %s %.0f | %.2f | %s |", what, figure, atMost ? "≤" : ">", target, ratio(),
                    met() ? "met" : "missed");
        }
    }

    public static String of(Result r) {
        StringBuilder sb = new StringBuilder();
        sb.append("Machine: ").append(r.machine()).append('\n');
        String loadAtEnd = Machine.loadNow();
        if (loadAtEnd != null) sb.append("Load average at the end: ").append(loadAtEnd).append('\n');
        sb.append(String.format("Graph: %d articles generated, %d quads. Entities: \"sample\" draws each request's entity from "
                + "a uniform random sample of %d, \"hub\" is the most mentioned one, \"-\" the query has no entity; "
                + "\"%d\": the first page (limit=%d).%n%n", r.articles(), r.quads(), QueryBenchmark.SAMPLE, QueryBenchmark.PAGE,
                QueryBenchmark.PAGE));
        if (r.sharedAnswers() != null) sb.append(r.sharedAnswers()
                ? "Identical /api/ requests in flight shared one answer (the server's default; --no-shared-answers to measure each).\n\n"
                : "Identical /api/ requests in flight did not share answers: each ran its own query.\n\n");
        List<Verdict> verdicts = new ArrayList<>();
        sb.append("| floor | clients | q/s | p50 ms | p95 ms | p99 ms | errors |\n|---|---|---|---|---|---|---|\n");
        for (Series f : r.floors()) {
            sb.append(String.format("| %s | %d | %.1f | %.2f | %.2f | %.2f | %d |%n", f.query(), f.clients(), f.qps(),
                    f.percentileMillis(50), f.percentileMillis(95), f.percentileMillis(99), f.errors()));
            if (f.clients() == 1) verdicts.add(new Verdict(f.query() + " p50 ms, 1 client", f.percentileMillis(50), FLOOR_P50_MS, true));
        }
        sb.append("\n| query | entities | clients | api q/s | api p50 ms | api p95 ms | api p99 ms | sparql p50 ms | sparql p95 ms "
                + "| api/sparql p50 | errors |\n");
        sb.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (int i = 0; i < r.series().size(); i += 2) {
            Series a = r.series().get(i);
            Series p = r.series().get(i + 1);
            sb.append(String.format("| %s | %s | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.2f | %d |%n", a.query(), a.entities(),
                    a.clients(), a.qps(), a.percentileMillis(50), a.percentileMillis(95), a.percentileMillis(99),
                    p.percentileMillis(50), p.percentileMillis(95), a.percentileMillis(50) / p.percentileMillis(50),
                    a.errors() + p.errors()));
            if (a.clients() != TARGET_CLIENTS) continue;
            String who = a.query() + " (" + a.entities() + ")";
            if (ENTITY_CENTRIC.contains(a.query()) && a.entities().equals("sample")) {
                verdicts.add(new Verdict(who + " p50 ms", a.percentileMillis(50), LOOKUP_P50_MS, true));
                verdicts.add(new Verdict(who + " p95 ms", a.percentileMillis(95), LOOKUP_P95_MS, true));
                if (a.query().equals("roles-at")) verdicts.add(new Verdict(who + " queries/s", a.qps(), ROLES_AT_QPS, false));
            } else if (a.entities().equals("hub " + QueryBenchmark.PAGE)) {
                verdicts.add(new Verdict(who + " first page p95 ms", a.percentileMillis(95), HUB_PAGE_P95_MS, true));
            } else if (a.entities().equals("- " + QueryBenchmark.PAGE)) {
                verdicts.add(new Verdict(who + " first page p95 ms", a.percentileMillis(95), REPORT_PAGE_P95_MS, true));
            } else if (a.entities().equals("-")) {
                verdicts.add(new Verdict(who + " whole answer p95 ms", a.percentileMillis(95), REPORT_WHOLE_P95_MS, true));
            }
        }
        if (!r.revalidated().isEmpty()) {
            sb.append("\nWhole answers asked again with their ETag (If-None-Match), as a client or a cache that keeps them "
                    + "does (not a target):\n\n| query | clients | 304s/s | p50 ms | p95 ms | errors |\n|---|---|---|---|---|---|\n");
            for (Series v : r.revalidated()) {
                sb.append(String.format("| %s | %d | %.1f | %.2f | %.2f | %d |%n", v.query(), v.clients(), v.qps(),
                        v.percentileMillis(50), v.percentileMillis(95), v.errors()));
            }
        }
        sb.append(String.format("%nTargets (issue 17; %d clients unless said; the /api/ route; ratio = figure / target, "
                + "or target / figure for queries/s: at most 1.00 is met):%n%n", TARGET_CLIENTS));
        sb.append("| target | figure | target | ratio | verdict |\n|---|---|---|---|---|\n");
        for (Verdict v : verdicts) sb.append(v).append('\n');
        long missed = verdicts.stream().filter(v -> !v.met()).count();
        sb.append(missed == 0 ? "\nAll targets met.\n" : String.format("%n%d of %d targets missed.%n", missed, verdicts.size()));
        return sb.toString();
    }
}
