package org.articlekg.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.articlekg.build.BuildReport;
import org.articlekg.build.GraphBuilder;
import org.articlekg.generate.CorpusGenerator;
import org.articlekg.query.Parameter;
import org.articlekg.query.QueryLibrary;
import org.articlekg.query.SavedQuery;
import org.articlekg.server.KgServer;
import org.articlekg.server.ServerSettings;
import org.articlekg.store.ServiceConfig;
import org.articlekg.store.Store;

/**
 * {@code kg bench query}: builds (or reuses) a generated graph, serves it, and from clients on
 * the loopback address runs every saved query through {@code /api/} and the same bound query
 * through the plain SPARQL endpoint, with 1, 2 and 4 concurrent clients for a bounded time each.
 */
public final class QueryBenchmark {
    /** Latencies of one query at one concurrency, through one route. */
    public record Series(String query, int clients, String route, List<Long> nanos, Duration wall, int errors) {
        public double qps() { return nanos.size() / (wall.toNanos() / 1e9); }

        public double percentileMillis(double p) {
            if (nanos.isEmpty()) return Double.NaN;
            List<Long> sorted = new ArrayList<>(nanos);
            Collections.sort(sorted);
            int i = (int) Math.min(sorted.size() - 1, Math.ceil(p / 100.0 * sorted.size()) - 1);
            return sorted.get(Math.max(0, i)) / 1e6;
        }
    }

    /** The figures of a run. */
    public record Result(Machine machine, long quads, int articles, List<Series> series) {}

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final Path work;
    private final Path project;
    private final Consumer<String> log;

    public QueryBenchmark(Path work, Path project, Consumer<String> log) {
        this.work = work;
        this.project = project;
        this.log = log;
    }

    public Result run(int articles, long seed, List<Integer> clients, Duration each) throws Exception {
        Path dir = work.resolve("query-" + articles + "-" + seed);
        Store store = new Store(dir.resolve("store"));
        Path config = project.resolve("fuseki-config/config.ttl");
        if (store.current().isEmpty()) {
            log.accept("generating " + articles + " articles (seed " + seed + ")...");
            CorpusGenerator.create().articles(articles).seed(seed).overwrite(true).build().writeTo(dir.resolve("data"));
            log.accept("building the graph...");
            BuildReport r = GraphBuilder.create().dataDir(dir.resolve("data")).ontologyDir(project.resolve("ontology"))
                    .serviceConfig(config).corpus(null).build().buildInto(store);
            log.accept(String.format("built %d quads in %.1f s", r.totalQuads(), r.duration().toMillis() / 1000.0));
        } else {
            log.accept("reusing the graph built in " + store.current().get());
        }
        long quads = Files.exists(store.current().get().resolve(Store.INFO)) ? quadsOf(store.current().get()) : -1;
        QueryLibrary library = QueryLibrary.read(project.resolve("queries"));
        Map<String, Map<String, String>> params = parameters(library, ServiceConfig.read(config), store.requireCurrent());
        List<Series> all = new ArrayList<>();
        try (KgServer server = KgServer.start(store, ServiceConfig.read(config), library,
                ServerSettings.defaults().withPort(0).withTimeout(Duration.ofSeconds(30)))) {
            for (SavedQuery q : library.all()) {
                Map<String, String> values = params.get(q.name());
                String api = server.url() + "api/" + q.name() + "?" + form(values);
                String sparql = q.bind(values).serialize();
                String accept = q.isTabular() ? "application/sparql-results+json" : "text/turtle";
                for (int c : clients) {
                    Series a = load(q.name(), c, "api", each, () -> HttpRequest.newBuilder(URI.create(api)).header("Accept", accept).GET().build());
                    Series p = load(q.name(), c, "sparql", each, () -> HttpRequest.newBuilder(URI.create(server.url() + "kg/sparql"))
                            .header("Accept", accept).header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode(sparql, StandardCharsets.UTF_8))).build());
                    all.add(a);
                    all.add(p);
                    log.accept(String.format("%-22s %d client(s): api p50 %.1f ms, sparql p50 %.1f ms", q.name(), c,
                            a.percentileMillis(50), p.percentileMillis(50)));
                }
            }
        }
        return new Result(Machine.here(), quads, articles, all);
    }

    private interface RequestFactory {
        HttpRequest make();
    }

    private static Series load(String name, int clients, String route, Duration each, RequestFactory requests) throws Exception {
        // One warm-up request, not measured.
        HTTP.send(requests.make(), HttpResponse.BodyHandlers.discarding());
        List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
        int[] errors = {0};
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        long deadline = start + each.toNanos();
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            futures.add(pool.submit(() -> {
                while (System.nanoTime() < deadline) {
                    long t = System.nanoTime();
                    HttpResponse<Void> r = HTTP.send(requests.make(), HttpResponse.BodyHandlers.discarding());
                    if (r.statusCode() == 200) nanos.add(System.nanoTime() - t);
                    else synchronized (errors) { errors[0]++; }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) f.get();
        pool.shutdown();
        return new Series(name, clients, route, new ArrayList<>(nanos), Duration.ofNanos(System.nanoTime() - start), errors[0]);
    }

    /** Parameter values that exist in the generated graph: its most mentioned entities. */
    private static Map<String, Map<String, String>> parameters(QueryLibrary library, ServiceConfig config, Path build) {
        Dataset ds = config.openDataset(build);
        Map<String, String> top = new LinkedHashMap<>();
        try {
            ds.begin(org.apache.jena.query.ReadWrite.READ);
            top.put("organization", most(ds, "akg:investee"));
            top.put("person", most(ds, "akg:person"));
            top.put("article", most(ds, "akg:reportedIn"));
            top.put("fact", any(ds, "SELECT ?x { ?x akg:conflictsWith ?y } LIMIT 1"));
            top.put("label", any(ds, "SELECT ?x { <" + top.get("organization") + "> rdfs:label ?x FILTER(LANG(?x) = 'en') } LIMIT 1"));
        } finally {
            ds.end();
            ds.close();
            Store.release(ds.asDatasetGraph());
        }
        Map<String, Map<String, String>> all = new LinkedHashMap<>();
        for (SavedQuery q : library.all()) {
            Map<String, String> values = new LinkedHashMap<>();
            for (Parameter p : q.parameters()) {
                if (p.kind() == Parameter.Kind.IRI && (p.required() || p.defaultValue() != null)) {
                    String n = p.name();
                    values.put(n, n.contains("person") ? top.get("person") : n.contains("article") ? top.get("article")
                            : n.contains("fact") ? top.get("fact") : top.get("organization"));
                } else if (p.name().equals("q")) {
                    String label = top.get("label");
                    values.put("q", label == null ? "a" : label.split("\\s+")[0].toLowerCase(java.util.Locale.ROOT));
                }
            }
            values.values().removeIf(v -> v == null);
            all.put(q.name(), values);
        }
        return all;
    }

    private static final String PREFIXES = "PREFIX akg: <https://w3id.org/article-kg/ontology#> "
            + "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> ";

    /** The value of {@code property} most frequent in a sample of 20,000 statements: a popular entity, found cheaply. */
    private static String most(Dataset ds, String property) {
        return any(ds, "SELECT ?x { { SELECT ?x { ?f " + property + " ?x } LIMIT 20000 } } GROUP BY ?x ORDER BY DESC(COUNT(*)) LIMIT 1");
    }

    private static String any(Dataset ds, String select) {
        try (QueryExecution qe = QueryExecution.dataset(ds).query(PREFIXES + select).build()) {
            var rs = qe.execSelect();
            if (!rs.hasNext()) return null;
            QuerySolution s = rs.next();
            var x = s.get("x");
            return x.isURIResource() ? x.asResource().getURI() : x.asLiteral().getString();
        }
    }

    private static long quadsOf(Path build) throws IOException {
        java.util.Properties p = new java.util.Properties();
        try (var in = Files.newInputStream(build.resolve(Store.INFO))) {
            p.load(in);
        }
        return p.stringPropertyNames().stream().filter(k -> k.startsWith("quads.")).mapToLong(k -> Long.parseLong(p.getProperty(k))).sum();
    }

    private static String form(Map<String, String> values) {
        List<String> parts = new ArrayList<>();
        values.forEach((k, v) -> parts.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return String.join("&", parts);
    }

    /** Entity-centric queries, whose p95 target is 50 ms with 4 clients. */
    static final List<String> ENTITY_CENTRIC = List.of("investments-in", "person-connections", "roles-at", "entity-timeline",
            "entity-neighbourhood");

    /** The report: machine, graph size, one row per query and concurrency, targets. */
    public static String report(Result r) {
        StringBuilder sb = new StringBuilder();
        sb.append("Machine: ").append(r.machine()).append('\n');
        sb.append(String.format("Graph: %d articles generated, %d quads%n%n", r.articles(), r.quads()));
        sb.append("| query | clients | api q/s | api p50 ms | api p95 ms | api p99 ms | sparql p50 ms | sparql p95 ms | api/sparql p50 | errors |\n");
        sb.append("|---|---|---|---|---|---|---|---|---|---|\n");
        List<String> missed = new ArrayList<>();
        for (int i = 0; i < r.series().size(); i += 2) {
            Series a = r.series().get(i);
            Series p = r.series().get(i + 1);
            double ratio = a.percentileMillis(50) / p.percentileMillis(50);
            sb.append(String.format("| %s | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.2f | %d |%n", a.query(), a.clients(), a.qps(),
                    a.percentileMillis(50), a.percentileMillis(95), a.percentileMillis(99), p.percentileMillis(50),
                    p.percentileMillis(95), ratio, a.errors() + p.errors()));
            if (a.clients() == 4 && ENTITY_CENTRIC.contains(a.query()) && a.percentileMillis(95) > 50) {
                missed.add(String.format("%s p95 %.1f ms with 4 clients (target 50 ms)", a.query(), a.percentileMillis(95)));
            }
            if (a.query().equals("disputes") && a.percentileMillis(95) > 2000) {
                missed.add(String.format("disputes p95 %.0f ms (target 2 s)", a.percentileMillis(95)));
            }
            if (ratio > 1.10) missed.add(String.format("%s with %d client(s): API adds %.0f%% over the plain endpoint (target < 10%%)",
                    a.query(), a.clients(), 100 * (ratio - 1)));
        }
        sb.append(missed.isEmpty() ? "\nAll targets met.\n" : "\nTargets missed:\n- " + String.join("\n- ", missed) + "\n");
        return sb.toString();
    }
}
