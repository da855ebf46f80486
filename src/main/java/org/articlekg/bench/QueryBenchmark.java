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
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.articlekg.KgException;
import org.articlekg.build.BuildReport;
import org.articlekg.build.GraphBuilder;
import org.articlekg.generate.CorpusGenerator;
import org.articlekg.load.FactModel;
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
    /**
     * Latencies of one query at one concurrency, through one route ({@code api} or {@code sparql}),
     * with its entity parameters set from {@code entities}: {@code sample} (a different entity of a
     * uniform random sample on each request), {@code hub} (the most mentioned entity) or {@code -}
     * (the query has no entity parameter).
     */
    public record Series(String query, String entities, int clients, String route, List<Long> nanos, Duration wall, int errors) {
        public double qps() { return nanos.size() / (wall.toNanos() / 1e9); }

        public double percentileMillis(double p) {
            if (nanos.isEmpty()) return Double.NaN;
            List<Long> sorted = new ArrayList<>(nanos);
            Collections.sort(sorted);
            int i = (int) Math.min(sorted.size() - 1, Math.ceil(p / 100.0 * sorted.size()) - 1);
            return sorted.get(Math.max(0, i)) / 1e6;
        }
    }

    /**
     * The figures of a run: the saved queries' series in pairs (api, then sparql, for the same
     * query, entities and clients), the floors ({@code /$/ping} and {@code ASK {}}, the cost of any
     * request), and the whole answers asked again with their ETag ({@code If-None-Match}: the 304
     * a client or a cache that keeps them gets; route {@code api 304}). {@code sharedAnswers}: whether
     * the server let identical {@code /api/} requests in flight share one answer (its default); null
     * for a server at an endpoint, which decides for itself.
     */
    public record Result(Machine machine, long quads, int articles, Boolean sharedAnswers, List<Series> series,
                         List<Series> floors, List<Series> revalidated) {}

    /** The page size of the {@code page} series: the first page of an answer, as a client asks for it. */
    static final int PAGE = 100;

    /** How many entities of each kind the {@code sample} series draw from. */
    static final int SAMPLE = 200;

    /**
     * The longest each sampled query runs, not measured, on entities other than the measured ones
     * before any series: the JIT's warm-up, without warming the measured entities' data.
     */
    static final Duration WARM_UP = Duration.ofSeconds(2);

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final Path work;
    private final Path project;
    private final Consumer<String> log;
    private final boolean shareAnswers;

    public QueryBenchmark(Path work, Path project, Consumer<String> log) {
        this(work, project, log, true);
    }

    private QueryBenchmark(Path work, Path project, Consumer<String> log, boolean shareAnswers) {
        this.work = work;
        this.project = project;
        this.log = log;
        this.shareAnswers = shareAnswers;
    }

    /**
     * The same benchmark with the server it starts sharing, or not, one answer between identical
     * {@code /api/} requests in flight (see {@link ServerSettings#shareAnswers()}): off, every
     * client's request runs its own query, which measures the queries' own cost.
     */
    public QueryBenchmark sharingAnswers(boolean share) {
        return new QueryBenchmark(work, project, log, share);
    }

    /** Runs every saved query; see {@link #run(int, long, List, Duration, List)}. */
    public Result run(int articles, long seed, List<Integer> clients, Duration each) throws Exception {
        return run(articles, seed, clients, each, List.of());
    }

    /**
     * Builds (or reuses) the graph of {@code articles} generated articles, serves it, and runs the
     * saved queries named in {@code only} (all of them when empty) with each number of clients
     * for {@code each}, through {@code /api/} and the plain endpoint.
     */
    public Result run(int articles, long seed, List<Integer> clients, Duration each, List<String> only) throws Exception {
        return run(articles, seed, clients, each, only, null);
    }

    /**
     * As {@link #run(int, long, List, Duration, List)}, against a server already running at
     * {@code endpoint} (its base URL, e.g. a load balancer in front of replicas of the same build)
     * when not null: the graph is still built (or reused) here, to choose the parameter values.
     */
    public Result run(int articles, long seed, List<Integer> clients, Duration each, List<String> only, URI endpoint) throws Exception {
        QueryLibrary library = QueryLibrary.read(project.resolve("queries"), FactModel.read(project.resolve("ontology")));
        List<SavedQuery> queries = new ArrayList<>();
        for (String name : only) {
            if (library.get(name) == null) {
                throw new KgException("no saved query named '" + name + "' in " + project.resolve("queries")
                        + "; there are: " + library.all().stream().map(SavedQuery::name).sorted().toList());
            }
            queries.add(library.get(name));
        }
        if (queries.isEmpty()) queries.addAll(library.all());
        Path dir = work.resolve("query-" + articles + "-" + seed);
        Store store = new Store(dir.resolve("store"));
        Path config = project.resolve("fuseki-config/config.ttl");
        boolean outdated = store.current().isPresent() && Files.exists(store.current().get().resolve(Store.INFO))
                && org.articlekg.store.BuildInfo.read(store.current().get()).isOutdated();
        if (outdated) log.accept("the graph in " + store.current().get() + " was built by an earlier version of kg: building it again");
        if (store.current().isEmpty() || outdated) {
            log.accept("generating " + articles + " articles (seed " + seed + ")...");
            CorpusGenerator.create().articles(articles).seed(seed).overwrite(true).build().writeTo(dir.resolve("data"));
            log.accept("building the graph...");
            BuildReport r = GraphBuilder.create().dataDir(dir.resolve("data")).ontologyDir(project.resolve("ontology"))
                    .serviceConfig(config).corpus(null).progress(line -> log.accept("  " + line)).build().buildInto(store);
            log.accept(String.format("built %d quads in %.1f s", r.totalQuads(), r.duration().toMillis() / 1000.0));
        } else {
            log.accept("reusing the graph built in " + store.current().get());
        }
        long quads = Files.exists(store.current().get().resolve(Store.INFO))
                ? org.articlekg.store.BuildInfo.read(store.current().get()).totalQuads() : -1;
        Machine machine = Machine.here();
        log.accept("choosing parameter values...");
        Entities entities = Entities.of(ServiceConfig.read(config), store.requireCurrent(), seed);
        List<Series> all = new ArrayList<>();
        List<Series> floors = new ArrayList<>();
        List<Series> revalidated = new ArrayList<>();
        try (KgServer server = endpoint != null ? null : KgServer.start(store, ServiceConfig.read(config), library,
                // every client runs from this one address: let each run as many queries as the server at once
                benchSettings(clients).withShareAnswers(shareAnswers))) {
            String url = endpoint == null ? server.url() : endpoint.toString().endsWith("/") ? endpoint.toString() : endpoint + "/";
            List<HttpRequest> ping = List.of(HttpRequest.newBuilder(URI.create(url + "$/ping")).GET().build());
            List<HttpRequest> ask = List.of(HttpRequest.newBuilder(URI.create(url + "kg/sparql"))
                    .header("Accept", "application/sparql-results+json").header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode("ASK {}", StandardCharsets.UTF_8))).build());
            // warm-up, not measured: the floors come first, so they would measure the JIT compiling the request path
            load("/$/ping", "-", 1, "floor", each, ping, 200);
            load("ASK {}", "-", 1, "floor", each, ask, 200);
            for (int c : clients) {
                Series p = load("/$/ping", "-", c, "floor", each, ping, 200);
                Series a = load("ASK {}", "-", c, "floor", each, ask, 200);
                floors.add(p);
                floors.add(a);
                log.accept(String.format("floors %d client(s): /$/ping p50 %.1f p95 %.1f ms, ASK {} p50 %.1f p95 %.1f ms", c,
                        p.percentileMillis(50), p.percentileMillis(95), a.percentileMillis(50), a.percentileMillis(95)));
            }
            // warm-up, not measured: each sampled query on other entities than the measured ones,
            // all of them before any is measured, so that the JIT has compiled the request path and
            // the queries' operators (which the queries measured first would otherwise pay) while
            // the measured entities' data stays as cold as a new entity's
            Duration warm = each.compareTo(WARM_UP) < 0 ? each : WARM_UP;
            for (SavedQuery q : queries) {
                List<Map<String, String>> others = entities.parameterised(q) ? entities.warmUp(q) : List.of();
                if (others.isEmpty()) continue;
                load(q.name(), "warm-up", 1, "api", warm, requests(url, q, others, false, false), 200);
                load(q.name(), "warm-up", 1, "sparql", warm, requests(url, q, others, false, true), 200);
            }
            for (SavedQuery q : queries) {
                Map<String, List<Map<String, String>>> plans = new LinkedHashMap<>();
                if (entities.parameterised(q)) {
                    plans.put("sample", entities.sample(q));
                    plans.put("hub", List.of(entities.hub(q)));
                    plans.put("hub " + PAGE, List.of(entities.hub(q)));
                } else {
                    plans.put("-", List.of(entities.hub(q)));
                    plans.put("- " + PAGE, List.of(entities.hub(q)));
                }
                for (Map.Entry<String, List<Map<String, String>>> plan : plans.entrySet()) {
                    // "hub 100", "- 100": the first page, limit=100
                    boolean page = plan.getKey().endsWith(" " + PAGE);
                    List<HttpRequest> api = requests(url, q, plan.getValue(), page, false);
                    List<HttpRequest> sparql = requests(url, q, plan.getValue(), page, true);
                    for (int c : clients) {
                        Series a = load(q.name(), plan.getKey(), c, "api", each, api, 200);
                        Series p = load(q.name(), plan.getKey(), c, "sparql", each, sparql, 200);
                        all.add(a);
                        all.add(p);
                        log.accept(String.format("%-22s %-6s %d client(s): api p50 %.1f p95 %.1f ms, sparql p50 %.1f p95 %.1f ms",
                                q.name(), plan.getKey(), c, a.percentileMillis(50), a.percentileMillis(95),
                                p.percentileMillis(50), p.percentileMillis(95)));
                    }
                    // a whole answer asked again with its tag, as a client or a cache that keeps it does
                    if (plan.getKey().equals("-")) {
                        List<HttpRequest> again = revalidations(api);
                        for (int c : clients) {
                            Series v = load(q.name(), plan.getKey(), c, "api 304", each, again, 304);
                            revalidated.add(v);
                            log.accept(String.format("%-22s %-6s %d client(s): asked again with its ETag, 304 p50 %.1f p95 %.1f ms",
                                    q.name(), plan.getKey(), c, v.percentileMillis(50), v.percentileMillis(95)));
                        }
                    }
                }
            }
        }
        return new Result(machine, quads, articles, endpoint == null ? shareAnswers : null, all, floors, revalidated);
    }

    /**
     * The requests of a series: {@code /api/NAME?values} (with {@code limit=100} for a first page),
     * or the same query bound to the values, sent to the SPARQL endpoint.
     */
    private static List<HttpRequest> requests(String url, SavedQuery q, List<Map<String, String>> plan, boolean page, boolean sparql) {
        String accept = q.isTabular() ? "application/sparql-results+json" : "text/turtle";
        List<HttpRequest> requests = new ArrayList<>();
        for (Map<String, String> values : plan) {
            if (!sparql) {
                requests.add(HttpRequest.newBuilder(URI.create(url + "api/" + q.name() + "?" + form(values)
                                + (page ? (values.isEmpty() ? "" : "&") + "limit=" + PAGE : "")))
                        .header("Accept", accept).GET().build());
                continue;
            }
            org.apache.jena.query.Query bound = q.bind(values);
            if (page) bound.setLimit(PAGE);
            String body = "query=" + URLEncoder.encode(bound.serialize(), StandardCharsets.UTF_8);
            requests.add(HttpRequest.newBuilder(URI.create(url + "kg/sparql")).header("Accept", accept)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        }
        return requests;
    }

    /**
     * The settings of the server the benchmark starts: a 30 s timeout, and as many queries at once
     * from one address as the largest number of clients (all of them run from this address).
     */
    static ServerSettings benchSettings(List<Integer> clients) {
        int most = Math.max(ServerSettings.DEFAULT_MAX_QUERIES, clients.stream().mapToInt(Integer::intValue).max().orElse(1));
        return ServerSettings.defaults().withPort(0).withTimeout(Duration.ofSeconds(30)).withMaxQueries(most, most);
    }

    /** The same requests with the ETag each answered with ({@code If-None-Match}); without one when it had none. */
    private static List<HttpRequest> revalidations(List<HttpRequest> requests) throws Exception {
        List<HttpRequest> again = new ArrayList<>();
        for (HttpRequest r : requests) {
            String tag = HTTP.send(r, HttpResponse.BodyHandlers.discarding()).headers().firstValue("ETag").orElse(null);
            HttpRequest.Builder b = HttpRequest.newBuilder(r, (name, value) -> true);
            if (tag != null) b.header("If-None-Match", tag);
            again.add(b.build());
        }
        return again;
    }

    /**
     * Sends requests from {@code clients} threads for {@code each}, each request the next of
     * {@code requests} in turn (so both routes of a series go through the same entities); an
     * answer with another status than {@code expected} counts as an error.
     */
    private static Series load(String name, String entities, int clients, String route, Duration each,
                               List<HttpRequest> requests, int expected) throws Exception {
        // One warm-up request, not measured.
        HTTP.send(requests.get(0), HttpResponse.BodyHandlers.discarding());
        List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        long deadline = start + each.toNanos();
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            futures.add(pool.submit(() -> {
                // at least one request per client, however late the thread starts (a loaded
                // machine), so a series always measures something
                do {
                    HttpRequest request = requests.get(Math.floorMod(next.getAndIncrement(), requests.size()));
                    long t = System.nanoTime();
                    HttpResponse<Void> r = HTTP.send(request, HttpResponse.BodyHandlers.discarding());
                    if (r.statusCode() == expected) nanos.add(System.nanoTime() - t);
                    else errors.incrementAndGet();
                } while (System.nanoTime() < deadline);
                return null;
            }));
        }
        for (Future<?> f : futures) f.get();
        pool.shutdown();
        return new Series(name, entities, clients, route, new ArrayList<>(nanos), Duration.ofNanos(System.nanoTime() - start),
                errors.get());
    }

    /**
     * The parameter values of the run, found in the served graph: for each kind of entity
     * parameter, the most mentioned entity (the hub) and a uniform random sample of the entities
     * that the queries' statements mention.
     */
    record Entities(Map<String, String> hubs, Map<String, List<String>> samples, Map<String, List<String>> warmUps) {
        /** The statements that name each kind of parameter value. */
        private static final Map<String, String> SOURCES = Map.of(
                "organization", "?f akg:investee ?x", "person", "?f akg:person ?x",
                "article", "?x a akg:Article", "fact", "?x akg:reportedIn ?a");

        static Entities of(ServiceConfig config, Path build, long seed) {
            Dataset ds = config.openDataset(build);
            Map<String, String> hubs = new LinkedHashMap<>();
            Map<String, List<String>> samples = new LinkedHashMap<>();
            Map<String, List<String>> warmUps = new LinkedHashMap<>();
            try {
                ds.begin(org.apache.jena.query.ReadWrite.READ);
                SOURCES.forEach((kind, pattern) -> {
                    hubs.put(kind, first(ds, "SELECT ?x { { SELECT ?x { " + pattern + " } LIMIT 20000 } } GROUP BY ?x "
                            + "ORDER BY DESC(COUNT(*)) LIMIT 1"));
                    String select = "SELECT DISTINCT ?x { " + pattern + " }";
                    List<String> sample = reservoir(ds, select, new Random(seed + kind.hashCode()));
                    samples.put(kind, sample);
                    // another sample for the warm-up, without the measured entities
                    warmUps.put(kind, reservoir(ds, select, new Random(seed + kind.hashCode() + 1)).stream()
                            .filter(x -> !sample.contains(x)).toList());
                });
                hubs.put("label", label(ds, hubs.get("organization")));
                samples.put("label", samples.get("organization").stream().map(o -> label(ds, o)).filter(l -> l != null).toList());
                warmUps.put("label", warmUps.get("organization").stream().map(o -> label(ds, o)).filter(l -> l != null).toList());
            } finally {
                ds.end();
                ds.close();
                Store.release(ds.asDatasetGraph());
            }
            return new Entities(hubs, samples, warmUps);
        }

        /** Whether a query takes an entity (or search term) parameter. */
        boolean parameterised(SavedQuery q) {
            return q.parameters().stream().anyMatch(p -> kind(p) != null);
        }

        Map<String, String> hub(SavedQuery q) {
            return values(q, kind -> hubs.get(kind));
        }

        /** One set of values per sampled entity. */
        List<Map<String, String>> sample(SavedQuery q) {
            return sets(q, samples);
        }

        /**
         * One set of values per entity of the warm-up sample (none of them measured); none when a
         * kind the query takes has no entity left for it (a small graph, all of them measured).
         */
        List<Map<String, String>> warmUp(SavedQuery q) {
            boolean each = q.parameters().stream().map(Entities::kind).filter(k -> k != null)
                    .allMatch(k -> !warmUps.getOrDefault(k, List.of()).isEmpty());
            return each ? sets(q, warmUps) : List.of();
        }

        private List<Map<String, String>> sets(SavedQuery q, Map<String, List<String>> from) {
            int n = q.parameters().stream().map(Entities::kind).filter(k -> k != null)
                    .mapToInt(k -> from.getOrDefault(k, List.of()).size()).max().orElse(0);
            List<Map<String, String>> all = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int at = i;
                all.add(values(q, kind -> {
                    List<String> s = from.get(kind);
                    return s.isEmpty() ? null : s.get(at % s.size());
                }));
            }
            return all;
        }

        private Map<String, String> values(SavedQuery q, java.util.function.Function<String, String> of) {
            Map<String, String> values = new LinkedHashMap<>();
            for (Parameter p : q.parameters()) {
                String kind = kind(p);
                String v = kind == null ? null : of.apply(kind);
                if (v != null) values.put(p.name(), kind.equals("label") ? firstWord(v) : v);
            }
            return values;
        }

        /** The kind of entity a parameter takes, or null for the others (status, year, ...), left unset. */
        private static String kind(Parameter p) {
            String n = p.name();
            if (n.equals("q")) return "label";
            if (p.kind() != Parameter.Kind.IRI || !(p.required() || p.defaultValue() != null)) return null;
            return n.contains("person") ? "person" : n.contains("article") ? "article" : n.contains("fact") ? "fact" : "organization";
        }

        private static String firstWord(String label) {
            return label.split("\\s+")[0].toLowerCase(java.util.Locale.ROOT);
        }

        private static String label(Dataset ds, String iri) {
            return iri == null ? null : first(ds, "SELECT ?x { <" + iri + "> rdfs:label ?x FILTER(LANG(?x) = 'en') } LIMIT 1");
        }

        /** A uniform random sample of {@link #SAMPLE} results (reservoir sampling: one pass, bounded memory). */
        private static List<String> reservoir(Dataset ds, String select, Random random) {
            List<String> sample = new ArrayList<>();
            long seen = 0;
            try (QueryExecution qe = QueryExecution.dataset(ds).query(PREFIXES + select).build()) {
                var rs = qe.execSelect();
                while (rs.hasNext()) {
                    String x = rs.next().getResource("x").getURI();
                    seen++;
                    if (sample.size() < SAMPLE) sample.add(x);
                    else {
                        long j = (long) (random.nextDouble() * seen);
                        if (j < SAMPLE) sample.set((int) j, x);
                    }
                }
            }
            return sample;
        }
    }

    private static final String PREFIXES = "PREFIX akg: <https://w3id.org/article-kg/ontology#> "
            + "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> ";

    private static String first(Dataset ds, String select) {
        try (QueryExecution qe = QueryExecution.dataset(ds).query(PREFIXES + select).build()) {
            var rs = qe.execSelect();
            if (!rs.hasNext()) return null;
            QuerySolution s = rs.next();
            var x = s.get("x");
            return x.isURIResource() ? x.asResource().getURI() : x.asLiteral().getString();
        }
    }

    private static String form(Map<String, String> values) {
        List<String> parts = new ArrayList<>();
        values.forEach((k, v) -> parts.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return String.join("&", parts);
    }

    /** The report: see {@link QueryBenchmarkReport}. */
    public static String report(Result r) {
        return QueryBenchmarkReport.of(r);
    }
}
