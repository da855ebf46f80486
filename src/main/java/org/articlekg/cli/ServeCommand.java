package org.articlekg.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.articlekg.KgException;
import org.articlekg.build.GraphBuilder;
import org.articlekg.load.FactModel;
import org.articlekg.load.Iris;
import org.articlekg.query.QueryLibrary;
import org.articlekg.server.KgServer;
import org.articlekg.server.ServerSettings;
import org.articlekg.store.BuildInfo;
import org.articlekg.store.ServiceConfig;
import org.articlekg.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kg serve}: builds the graph when it is missing or stale, then serves it with Fuseki. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        header = "Serves the current build over SPARQL, linked data and /api/ (building it first when stale).",
        description = {"Serves the graph read-only with an embedded Apache Jena Fuseki: the query editor at /editor/,",
                "the SPARQL endpoint at /kg/sparql. Builds first when the graph is missing or older than",
                "data/, ontology/ or fuseki-config/. A newer build (kg build in another terminal, or --watch)",
                "is swapped in without downtime."})
final class ServeCommand implements Callable<Integer> {
    @Mixin GraphOptions graph;
    @Mixin StoreOptions store;
    @Spec CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", defaultValue = "" + ServerSettings.DEFAULT_PORT,
            description = "HTTP port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--host", paramLabel = "ADDR", defaultValue = "localhost",
            description = "'localhost' to answer on this machine only, '0.0.0.0' on every interface (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "5",
            description = "Longest time a query may run; slower ones end with 503 (default: ${DEFAULT-VALUE}).")
    double timeoutSeconds;

    @Option(names = "--max-rows", paramLabel = "N", defaultValue = "" + ServerSettings.DEFAULT_MAX_ROWS,
            description = "Most rows a SELECT, CONSTRUCT or DESCRIBE returns; 0 for no cap (default: ${DEFAULT-VALUE}).")
    long maxRows;

    @Option(names = "--cors", paramLabel = "ORIGINS", defaultValue = "*", split = ",",
            description = "Origins allowed to query from a browser, comma-separated, or * for any (default: ${DEFAULT-VALUE}).")
    List<String> cors;

    @Option(names = "--max-queries", paramLabel = "N", defaultValue = "" + ServerSettings.DEFAULT_MAX_QUERIES,
            description = "Most queries running at once; more are answered 429 with Retry-After; linked-data pages have a gate of their own"
                    + " with the same bounds and wait up to " + ServerSettings.PAGES_WAIT_SECONDS + " s for a place first (default: ${DEFAULT-VALUE}).")
    int maxQueries;

    @Option(names = "--max-queries-per-client", paramLabel = "N",
            description = "Most queries one client address runs at once (default: " + ServerSettings.DEFAULT_MAX_QUERIES_PER_CLIENT
                    + ", or --max-queries when that is smaller).")
    Integer maxQueriesPerClient;

    @Option(names = "--max-body", paramLabel = "BYTES", defaultValue = "" + ServerSettings.DEFAULT_MAX_BODY_BYTES,
            description = "Largest request body; larger is 413 (default: ${DEFAULT-VALUE}).")
    int maxBody;

    @Option(names = "--max-url", paramLabel = "BYTES", defaultValue = "" + ServerSettings.DEFAULT_MAX_URL_BYTES,
            description = "Largest request line and headers (a GET query's URL); larger is 414 (default: ${DEFAULT-VALUE}).")
    int maxUrl;

    @Option(names = "--trusted-proxy", paramLabel = "ADDRS", split = ",",
            description = "Addresses of reverse proxies whose Forwarded / X-Forwarded-For header names the client "
                    + "(default: none; the headers are ignored).")
    List<String> trustedProxies = List.of();

    @Option(names = "--queries", paramLabel = "DIR", description = "Folder of saved queries served under /api/ (default: queries/).")
    Path queriesDir;

    @Option(names = "--no-build", description = {"Serve the store's current build as it is, with the base IRI it was built for:",
            "never build, whatever data/ holds (a replica of a published build copied into --store)."})
    boolean noBuild;

    @Option(names = "--watch", description = "Rebuild when files under data/, ontology/ or fuseki-config/ change.")
    boolean watch;

    @Override
    public Integer call() throws Exception {
        if (!(timeoutSeconds > 0)) throw new KgException("--timeout must be a positive number of seconds, found " + timeoutSeconds);
        ServerSettings settings = ServerSettings.defaults().withPort(port).withHost(host)
                .withTimeout(Duration.ofMillis(Math.round(timeoutSeconds * 1000))).withMaxRows(maxRows).withCorsOrigins(cors)
                .withMaxQueries(maxQueries, maxQueriesPerClient != null ? maxQueriesPerClient
                        : Math.min(ServerSettings.DEFAULT_MAX_QUERIES_PER_CLIENT, maxQueries)).withMaxSizes(maxBody, maxUrl).withTrustedProxies(trustedProxies);
        PrintWriter out = spec.commandLine().getOut();
        Store st = store.store();
        Path configFile = graph.configFile();
        List<Path> inputs = List.of(graph.dataDir(), graph.ontologyDir(), configFile);
        if (noBuild && watch) throw new KgException("--no-build and --watch exclude each other: a replica serves the build it was given");
        if (noBuild && st.current().isEmpty()) {
            throw new KgException("--no-build: there is no build in " + st.root() + "; copy a published build folder into "
                    + st.root().resolve(Store.BUILDS) + " and link " + st.root().resolve("current") + " to it (README: replicas)");
        }
        String base = noBuild ? Store.baseOf(st.requireCurrent()) : graph.base != null ? graph.base : listenBase(host, port, st);
        if (noBuild && graph.base != null && !graph.base.equals(base)) {
            throw new KgException("--no-build: the build was made for the base " + base + ", not " + graph.base
                    + "; build it with --base " + graph.base);
        }
        GraphBuilder builder = graph.builder(base);
        boolean otherBase = st.current().map(b -> !base.equals(Store.baseOf(b))).orElse(false);
        BuildInfo info = st.current().map(BuildInfo::read).orElse(null);
        boolean outdated = info != null && info.isOutdated();
        if (noBuild && outdated) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("kg serve: " + QueryCommand.outdated(st.requireCurrent(), info));
            err.flush();
        }
        if (!noBuild && (st.isStale(inputs) || otherBase || outdated)) {
            out.println(st.current().isEmpty() ? "No graph built yet: building it."
                    : otherBase ? "The current build has another base IRI than " + base + ": rebuilding."
                    : outdated ? "The current build was made by an earlier version of kg: rebuilding."
                    : "Inputs changed since the last build: rebuilding.");
            out.flush();
            Summaries.print(out, "Built the graph", builder.buildInto(st));
        }
        // the saved queries' enumerations come from the declarations the graph is built with
        QueryLibrary queries = QueryLibrary.read(queriesDir != null ? queriesDir : KgCommand.home().resolve("queries"),
                FactModel.read(graph.ontologyDir()));
        KgServer server = KgServer.start(st, ServiceConfig.read(configFile), queries, settings);
        RunningServer running = RunningServer.announce(st, server.url());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            running.withdraw(st);
            server.close();
            System.err.println("kg serve: stopped");
        }, "kg-shutdown"));
        printUrls(out, server, settings);
        if (watch) watch(out, builder, st, inputs);
        server.join();
        return 0;
    }

    /**
     * The base IRI when --base is not given: the address the server listens on
     * ({@code --port 3403} gives {@code http://localhost:3403/}; {@code --host 0.0.0.0} is named
     * {@code localhost}). With {@code --port 0} the port is not known before the build, so the
     * current build's base is kept (the default base when there is none).
     */
    static String listenBase(String host, int port, Store store) {
        if (port == 0) return store.current().map(Store::baseOf).orElse(Iris.DEFAULT_BASE);
        String name = host == null || host.isBlank() || host.equals("0.0.0.0") || host.equals("::") ? "localhost" : host;
        if (name.contains(":") && !name.startsWith("[")) name = "[" + name + "]";
        return "http://" + name + ":" + port + "/";
    }

    private static void printUrls(PrintWriter out, KgServer server, ServerSettings s) {
        String url = server.url();
        out.println();
        out.println("article-kg is serving " + server.servedBuild());
        out.println("  Base IRI:                  " + server.base() + "   (the graph's IRIs; requests for another host are logged once per host)");
        out.println("  Query editor:              " + url + "editor/");
        out.println("  SPARQL endpoint:           " + url + "kg/sparql   (GET or POST, read-only)");
        out.println("  Graph Store (read):        " + url + "kg/get?default");
        out.println("  Saved queries (API):       " + url + "api/   (OpenAPI: " + url + "api/openapi.json)");
        out.println("  Browse the facts:          " + url + "doc/   (every IRI resolves, e.g. " + server.base() + "id/organization/openai)");
        out.println("  Explore as a graph:        " + url + "explore");
        out.println("  Dataset description:       " + url + ".well-known/void   dumps: " + url + "dumps/");
        out.println("  Health:                    " + url + "$/ping");
        out.println("  Try:  curl -s " + url + "kg/sparql --data-urlencode 'query=SELECT ?investor ?investee "
                + "{ ?investor <https://w3id.org/article-kg/ontology#investedIn> ?investee }' -H 'Accept: text/csv'");
        out.printf("  Query timeout %.1f s, at most %d rows, %d queries at once (%d per client), CORS origins %s, %s. Ctrl-C stops.%n",
                s.timeout().toMillis() / 1000.0, s.maxRows(), s.maxQueries(), s.maxQueriesPerClient(),
                String.join(",", s.corsOrigins()), "localhost".equals(s.host()) ? "this machine only" : "every interface");
        out.flush();
    }

    /** Rebuilds whenever an input changes; a failed build is reported and the served graph stays. */
    private static void watch(PrintWriter out, GraphBuilder builder, Store store, List<Path> inputs) {
        Thread t = new Thread(() -> {
            long seen = Store.newestModification(inputs);
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(1000);
                    long now = Store.newestModification(inputs);
                    if (now == seen) continue;
                    seen = now;
                    out.println("Inputs changed: rebuilding.");
                    out.flush();
                    Summaries.print(out, "Rebuilt the graph", builder.buildInto(store));
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    KgCommand.printError(out, "kg serve --watch: ", e);
                    out.println("The graph being served is unchanged.");
                    out.flush();
                }
            }
        }, "kg-watch");
        t.setDaemon(true);
        t.start();
        out.println("Watching data/, ontology/ and fuseki-config/ for changes.");
        out.flush();
    }
}
