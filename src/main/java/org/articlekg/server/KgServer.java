package org.articlekg.server;

import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModules;
import org.apache.jena.fuseki.server.DataAccessPoint;
import org.apache.jena.fuseki.server.DataAccessPointRegistry;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.FusekiVocab;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.fuseki.server.OperationRegistry;
import org.apache.jena.fuseki.build.FusekiConfig;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.jena.vocabulary.RDF;
import org.articlekg.KgException;
import org.articlekg.query.QueryLibrary;
import org.articlekg.store.ServiceConfig;
import org.articlekg.store.Store;
import org.eclipse.jetty.io.ArrayByteBufferPool;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SPARQL server: an embedded Fuseki configured from {@code fuseki-config/config.ttl}, serving
 * the store's current build read-only, with the query editor. When a newer build is published (by
 * {@code kg build} in another process, or by {@code kg serve --watch}), the server swaps it in: a
 * request sees either the whole old graph or the whole new one, and the old one is closed once
 * its last request has finished.
 *
 * <pre>{@code
 * try (KgServer server = KgServer.start(store, ServiceConfig.read(configFile), ServerSettings.defaults())) {
 *     System.out.println(server.url());
 *     server.join();
 * }
 * }</pre>
 */
public final class KgServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KgServer.class);
    private static final String TIMEOUT_SYMBOL = "arq:queryTimeout";

    private final Store store;
    private final ServiceConfig config;
    private final ServerSettings settings;
    private final FusekiServer fuseki;
    private final ScheduledExecutorService reloader;
    private final CurrentGraph current;

    private KgServer(Store store, ServiceConfig config, ServerSettings settings, FusekiServer fuseki, CurrentGraph current) {
        this.store = store;
        this.config = config;
        this.settings = settings;
        this.fuseki = fuseki;
        this.current = current;
        this.reloader = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kg-reload");
            t.setDaemon(true);
            return t;
        });
        long every = settings.reloadEvery().toMillis();
        reloader.scheduleWithFixedDelay(this::reloadIfNewer, every, every, TimeUnit.MILLISECONDS);
    }

    /** Starts serving the store's current build, without saved queries. */
    public static KgServer start(Store store, ServiceConfig config, ServerSettings settings) {
        return start(store, config, null, settings);
    }

    /** Starts serving the store's current build, with the saved queries under {@code /api/} (when not null). */
    public static KgServer start(Store store, ServiceConfig config, QueryLibrary queries, ServerSettings settings) {
        Path build = store.requireCurrent();
        CurrentGraph current = new CurrentGraph();
        OperationRegistry operations = OperationRegistry.createStd();
        operations.register(Operation.Query, new GuardedQuery(settings));
        Model description = configFor(config, build, settings);
        FusekiServer.Builder builder = Store.openBuild(build, () -> FusekiServer.create(operations)
                .port(settings.port())
                .loopback("localhost".equals(settings.host()))
                .parseConfig(description)
                .fusekiModules(FusekiModules.create(new ReadOnlyUi()))
                .enableCors(true, corsFile(settings.corsOrigins()).toString()));
        // Every response: methods, headers. The paths that run client-chosen queries: a gate; the pages: another.
        // The server's own descriptions: this machine only.
        QueryGate gate = new QueryGate(settings, "queries", Duration.ZERO);
        LocalOnly local = new LocalOnly();
        builder.addFilter("/*", new SecurityHeaders()).addFilter("/*", new ReadableParameters(settings.maxBodyBytes())).addFilter("/*", new HostCheck(current));
        // What the build serves: ETag, and 304 to a client that has it, before the gate.
        List<String> configuration = new ArrayList<>(List.of("max rows " + settings.maxRows()));
        if (queries != null) queries.all().forEach(q -> configuration.add(q.name() + "\n" + q.text() + "\n" + q.parameters()));
        ConditionalGet conditional = new ConditionalGet(current, configuration);
        for (String path : ConditionalGet.PATHS) builder.addFilter(path, conditional);
        QueryGate pages = new QueryGate(settings, "pages", ServerSettings.PAGES_WAIT);
        // pages made on request: the entity pages, the explorer's neighbourhoods and its search, the
        // ontology's page and the dataset description (a flood of any of them from one address
        // slowed /$/ping to seconds: an open-web trial)
        builder.addFilter("/api/*", gate);
        for (String path : ServerSettings.GATED_PAGES) builder.addFilter(path, pages);
        for (String name : serviceNames(description)) builder.addFilter("/" + name + "/*", gate);
        // GET of the endpoint without a query: the SPARQL service description.
        ServiceDescriptionFilter sd = new ServiceDescriptionFilter(current);
        for (String name : serviceNames(description)) {
            for (String path : List.of("/" + name, "/" + name + "/", "/" + name + "/sparql", "/" + name + "/query")) builder.addFilter(path, sd);
        }
        // The Graph Store read's default graph: the union, as for queries.
        for (String name : serviceNames(description)) builder.addFilter("/" + name + "/" + UnionDefaultGraph.ENDPOINT, new UnionDefaultGraph());
        builder.addFilter("/$/server", local).addFilter("/$/stats/*", local).addFilter("/$/datasets/*", local);
        if (queries != null) builder.addServlet("/api/*", new ApiServlet(queries, settings, current));
        builder.addServlet("/editor/*", new EditorServlet(current, queries, queryEndpoint(description)));
        PublishServlets.addTo(builder, current);
        FusekiServer fuseki = builder.build();
        limitSizes(fuseki.getJettyServer(), settings);
        fuseki.getJettyServer().setErrorHandler(new PlainErrors(settings));
        poolOutputBuffers(fuseki.getJettyServer());
        try {
            fuseki.start();
        } catch (RuntimeException e) {
            if (causedBy(e, BindException.class)) {
                throw new KgException("port " + settings.port() + " is already in use: stop the other server or choose another port with --port");
            }
            throw e;
        }
        current.set(new ServedGraph(build, ServedGraph.baseOf(build), onlyService(fuseki)));
        return new KgServer(store, config, settings, fuseki, current);
    }

    /**
     * Jetty's own limits: request bodies over {@code maxBodyBytes} are 413 (before they are read
     * when they say their length, as soon as they pass it otherwise), request lines and headers
     * over {@code maxUrlBytes} are 414 or 431.
     */
    private static void limitSizes(Server jetty, ServerSettings settings) {
        SizeLimitHandler sizes = new SizeLimitHandler(settings.maxBodyBytes(), -1);
        sizes.setHandler(jetty.getHandler());
        jetty.setHandler(sizes);
        for (Connector connector : jetty.getConnectors()) {
            HttpConnectionFactory http = connector.getConnectionFactory(HttpConnectionFactory.class);
            if (http != null) http.getHttpConfiguration().setRequestHeaderSize(settings.maxUrlBytes());
        }
    }

    /**
     * Connectors whose buffer pool keeps buffers as large as their output buffer. Fuseki 5.6 gives
     * each response a 5 MiB output buffer, from Jetty's default pool, which keeps buffers of at
     * most 64 KiB: every response, {@code /$/ping}'s included, allocated, zeroed and dropped 5 MiB
     * of direct memory, and the JVM ran a full collection ({@code System.gc()}, when direct memory
     * ran out) every two hundred or so requests, about 2.5 ms of CPU a request (Jena's GH-4084, fixed
     * after 5.6 by giving Jetty such a pool). The pool keeps idle at most an eighth of the maximum
     * heap in direct memory (Jetty's default). Host, port and connection factories stay as Fuseki
     * set them.
     */
    private static void poolOutputBuffers(Server jetty) {
        List<Connector> connectors = new ArrayList<>();
        for (Connector connector : jetty.getConnectors()) {
            HttpConnectionFactory http = connector.getConnectionFactory(HttpConnectionFactory.class);
            if (!(connector instanceof ServerConnector given) || http == null) {
                connectors.add(connector);
                continue;
            }
            ArrayByteBufferPool pool = new ArrayByteBufferPool(0, -1, http.getHttpConfiguration().getOutputBufferSize());
            ServerConnector pooled = new ServerConnector(jetty, null, null, pool, -1, -1,
                    given.getConnectionFactories().toArray(ConnectionFactory[]::new));
            pooled.setHost(given.getHost());
            pooled.setPort(given.getPort());
            pooled.setIdleTimeout(given.getIdleTimeout());
            connectors.add(pooled);
        }
        jetty.setConnectors(connectors.toArray(Connector[]::new));
    }

    /** The names of the services a description declares ({@code kg}): their paths run queries. */
    private static List<String> serviceNames(Model description) {
        return description.listResourcesWithProperty(RDF.type, FusekiVocab.fusekiService).toList().stream()
                .map(r -> r.getProperty(FusekiVocab.pServiceName))
                .filter(java.util.Objects::nonNull)
                .map(st -> st.getString().replaceAll("^/+", ""))
                .toList();
    }

    /**
     * The path of the description's SPARQL query endpoint, {@code /kg/sparql}: its service's query
     * endpoint named {@code sparql}, else the first by name (the statements have no order), else
     * the service itself, which answers queries too.
     */
    private static String queryEndpoint(Model description) {
        for (Resource service : description.listResourcesWithProperty(RDF.type, FusekiVocab.fusekiService).toList()) {
            Statement name = service.getProperty(FusekiVocab.pServiceName);
            if (name == null) continue;
            String path = "/" + name.getString().replaceAll("^/+", "");
            java.util.TreeSet<String> names = new java.util.TreeSet<>();
            for (Statement ep : service.listProperties(FusekiVocab.pEndpoint).toList()) {
                Resource e = ep.getResource();
                if (e.hasProperty(FusekiVocab.pOperation, FusekiVocab.opQuery) && e.hasProperty(FusekiVocab.pEndpointName)) {
                    names.add(e.getProperty(FusekiVocab.pEndpointName).getString());
                }
            }
            if (names.isEmpty()) return path;
            return path + "/" + (names.contains("sparql") ? "sparql" : names.first());
        }
        throw new KgException("the service description has no fuseki:Service with a fuseki:name");
    }

    /** The one data service the configuration describes. */
    private static DataService onlyService(FusekiServer fuseki) {
        List<DataAccessPoint> points = fuseki.getDataAccessPointRegistry().accessPoints();
        if (points.size() != 1) throw new KgException("the service description must have exactly one dataset service, found " + points.size());
        return points.get(0).getDataService();
    }

    /** The graph being served, swapped atomically with the registry entry. */
    static final class CurrentGraph implements java.util.function.Supplier<ServedGraph> {
        private volatile ServedGraph graph;

        void set(ServedGraph g) { graph = g; }

        @Override
        public ServedGraph get() { return graph; }
    }

    /** The port the server listens on (the one picked when asked for port 0). */
    public int port() {
        return fuseki.getPort();
    }

    /** Jetty's connectors (for the tests). */
    Connector[] connectors() {
        return fuseki.getJettyServer().getConnectors();
    }

    /** The server's root URL, {@code http://localhost:3030/}. */
    public String url() {
        return "http://localhost:" + port() + "/";
    }

    /** The base IRI of the build being served: its entities' IRIs start with it. */
    public String base() {
        return current.get().base();
    }

    /** The build being served. */
    public Path servedBuild() {
        return current.get().build();
    }

    /** Waits until the server stops. */
    public void join() {
        fuseki.join();
    }

    /** Swaps in the store's current build if it is not the one served; returns whether it did. */
    public synchronized boolean reloadIfNewer() {
        try {
            Path newest = store.current().orElse(null);
            if (newest == null || newest.equals(servedBuild())) return false;
            swapIn(newest);
            return true;
        } catch (RuntimeException e) {
            LOG.warn("Could not swap in the new build: {} (still serving {})", e.getMessage(), servedBuild());
            return false;
        }
    }

    private void swapIn(Path build) {
        List<DataAccessPoint> points = FusekiConfig.servicesAndDatasets(configFor(config, build, settings));
        DataAccessPointRegistry registry = fuseki.getDataAccessPointRegistry();
        for (DataAccessPoint point : points) {
            DataService service = point.getDataService();
            service.setEndpointProcessors(fuseki.getOperationRegistry());
            service.goActive();
            DataAccessPoint old = registry.get(point.getName());
            registry.put(point.getName(), point);
            current.set(new ServedGraph(build, ServedGraph.baseOf(build), service));
            if (old != null) retire(old.getDataService());
        }
        LOG.info("Now serving {}", build);
    }

    /**
     * How long a replaced service stays open before its active requests are counted: a request
     * that found the old service in the registry just before the swap only counts itself as active
     * a moment later, and closing the service in between failed it with a 500 (seen under load).
     */
    static final long RETIRE_GRACE_MILLIS = 1000;

    /** Closes a replaced service once the requests that were using it are done. */
    private void retire(DataService old) {
        Thread t = new Thread(() -> {
            long deadline = System.currentTimeMillis() + 2 * settings.timeout().toMillis() + 1000;
            try {
                Thread.sleep(RETIRE_GRACE_MILLIS);
                while (old.activeTxn.get() > 0 && System.currentTimeMillis() < deadline) Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            close(old);
        }, "kg-retire");
        t.setDaemon(true);
        t.start();
    }

    private static void close(DataService service) {
        DatasetGraph dsg = service.getDataset();
        service.goOffline();
        try {
            service.shutdown();
            while (dsg instanceof DatasetGraphWrapper w) dsg = w.getWrapped();
            if (TDBInternal.isTDB2(dsg)) TDBInternal.expel(dsg);
        } catch (RuntimeException e) {
            // A query still running (its client gave up) keeps a transaction open: the database is
            // released when the process ends. Closing must not fail because of it.
            LOG.warn("Closed the server with queries still running: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        reloader.shutdownNow();
        DataAccessPointRegistry registry = fuseki.getDataAccessPointRegistry();
        List<DataAccessPoint> points = registry == null ? List.of() : List.copyOf(registry.accessPoints());
        fuseki.stop();
        for (DataAccessPoint point : points) close(point.getDataService());
        // the pooled output buffers (one or more of 5 MiB each) go with the server
        for (Connector connector : connectors()) {
            if (connector.getByteBufferPool() instanceof ArrayByteBufferPool pool) pool.clear();
        }
    }

    /** The service description for a build, with the timeout of the settings. */
    private static Model configFor(ServiceConfig config, Path build, ServerSettings settings) {
        Model m = config.forBuild(build);
        String millis = Long.toString(settings.timeout().toMillis());
        for (Statement s : m.listStatements(null, m.createProperty("http://jena.hpl.hp.com/2005/11/Assembler#cxtName"),
                TIMEOUT_SYMBOL).toList()) {
            Resource setting = s.getSubject();
            setting.removeAll(m.createProperty("http://jena.hpl.hp.com/2005/11/Assembler#cxtValue"));
            setting.addProperty(m.createProperty("http://jena.hpl.hp.com/2005/11/Assembler#cxtValue"), millis);
            return m;
        }
        // No timeout in the file: add one to the server.
        Resource server = m.listResourcesWithProperty(RDF.type, m.createResource("http://jena.apache.org/fuseki#Server"))
                .nextOptional().orElseThrow(() -> new KgException(config.file() + ": no fuseki:Server"));
        Resource setting = m.createResource()
                .addProperty(m.createProperty("http://jena.hpl.hp.com/2005/11/Assembler#cxtName"), TIMEOUT_SYMBOL)
                .addProperty(m.createProperty("http://jena.hpl.hp.com/2005/11/Assembler#cxtValue"), millis);
        server.addProperty(m.createProperty("http://jena.hpl.hp.com/2005/11/Assembler#context"), (RDFNode) setting);
        return m;
    }

    /** Fuseki reads its CORS settings from a properties file; this writes one for the given origins. */
    private static Path corsFile(List<String> origins) {
        Properties p = new Properties();
        p.setProperty("allowedOrigins", String.join(",", origins));
        p.setProperty("allowedMethods", "GET,POST,HEAD,OPTIONS");
        // no credentials: the server has none (no cookies, no login), and with "*" Jetty's filter
        // echoed any Origin, even "null", beside "Allow-Credentials: true"
        p.setProperty("allowCredentials", "false");
        p.setProperty("allowedHeaders", "Accept,Content-Type,If-None-Match,Origin,X-Requested-With,Authorization");
        p.setProperty("exposedHeaders", "Cache-Control,Content-Language,Content-Length,Content-Type,ETag,Expires,Last-Modified,Vary,"
                + GuardedQuery.TRUNCATED + "," + GuardedQuery.LIMIT);
        try {
            Path file = Files.createTempFile("kg-cors", ".properties");
            file.toFile().deleteOnExit();
            try (OutputStream out = Files.newOutputStream(file)) {
                p.store(out, "CORS settings of kg serve");
            }
            return file;
        } catch (IOException e) {
            throw new KgException("cannot write the CORS settings: " + e.getMessage(), e);
        }
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) if (type.isInstance(t)) return true;
        return false;
    }
}
