package org.articlekg.cli;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.Query;
import org.articlekg.KgException;
import org.articlekg.load.Iris;
import org.articlekg.load.FactModel;
import org.articlekg.query.Parameter;
import org.articlekg.query.QueryLibrary;
import org.articlekg.query.QueryRunner;
import org.articlekg.query.ResultFormat;
import org.articlekg.query.SavedQuery;
import org.articlekg.store.BuildInfo;
import org.articlekg.store.ServiceConfig;
import org.articlekg.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kg query}: lists the saved queries, or runs one (or a file) against the current build. */
@Command(name = "query", mixinStandardHelpOptions = true,
        header = "Lists the saved queries, or runs one (or a .rq file) and prints its results.",
        description = {"Without arguments, lists the saved queries of queries/ with their parameters.",
                "With a NAME (or --file), runs it against the current build and prints the results.",
                "While kg serve runs on the store, the query goes to its SPARQL endpoint (it holds the database)."},
        footer = {"", "Examples:",
                "  kg query investments-in --param investee=id/organization/microsoft",
                "  kg query disputes --format csv",
                "  kg query --file my.rq --format json",
                "  kg query disputes --endpoint http://localhost:3030/kg/sparql   (while kg serve holds the database)"})
final class QueryCommand implements Callable<Integer> {
    @Mixin StoreOptions store;
    @Spec CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "NAME", description = "A saved query's name.")
    String name;

    @Option(names = "--file", paramLabel = "FILE", description = "Run the query in this .rq file instead of a saved one.")
    Path file;

    @Option(names = {"-p", "--param"}, paramLabel = "NAME=VALUE", description = "A parameter value (repeatable).")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
            description = "table (default), csv, tsv, json, xml for SELECT/ASK; ttl (default), nt, jsonld, rdfxml for CONSTRUCT/DESCRIBE (also the names clients send: turtle, n3, json-ld, rdf+xml, media types).")
    String format;

    @Option(names = "--queries", paramLabel = "DIR", description = "Folder of saved queries (default: queries/).")
    Path queries;

    @Option(names = "--endpoint", paramLabel = "URL", description = "Run against this SPARQL endpoint instead of the current build.")
    String endpoint;

    @Option(names = "--base", paramLabel = "IRI", description = "Base IRI relative IRI values (id/person/elon-musk) and defaults are resolved against "
            + "(default: the current build's; with --endpoint, the endpoint's server root, e.g. http://localhost:3030/).")
    String base;

    @Option(names = "--config", paramLabel = "FILE", description = "Service description (default: fuseki-config/config.ttl).")
    Path config;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60", description = "Longest a query may run (default: ${DEFAULT-VALUE}).")
    double timeoutSeconds;

    @Option(names = "--max-rows", paramLabel = "N", defaultValue = "0", description = "Most rows to print; 0 for all (default).")
    long maxRows;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Path home = KgCommand.home();
        if (name != null && file != null) throw new KgException("give a saved query's NAME or --file, not both");
        // enumerations without values take theirs from the project's declarations (ontology/kinds.ttl)
        FactModel model = QueryLibrary.modelBeside(home.resolve("queries"));
        if (name == null && file == null) {
            list(out, QueryLibrary.read(queries != null ? queries : home.resolve("queries"), model));
            return 0;
        }
        SavedQuery saved;
        if (file != null) {
            if (!Files.isRegularFile(file)) throw new KgException("--file: no such file '" + file + "'");
            saved = QueryLibrary.parse(file, model);
        } else {
            QueryLibrary library = QueryLibrary.read(queries != null ? queries : home.resolve("queries"), model);
            saved = library.get(name);
            if (saved == null) {
                List<String> names = library.all().stream().map(SavedQuery::name).toList();
                throw new KgException(library.unknown(name) + " 'kg query' lists them: " + String.join(", ", names));
            }
        }
        ResultFormat fmt = format == null ? (saved.isTabular() ? ResultFormat.TABLE : ResultFormat.TURTLE)
                : ResultFormat.byName(format, saved.isTabular());
        if (!(timeoutSeconds > 0)) throw new KgException("--timeout must be a positive number of seconds, found " + timeoutSeconds);
        Duration timeout = Duration.ofMillis(Math.round(timeoutSeconds * 1000));
        OutputStream stdout = System.out;
        QueryRunner.Outcome outcome;
        String remote = endpoint;
        if (remote == null) {
            // A running kg serve holds the build's database: ask it rather than fail on its lock.
            Optional<RunningServer> server = RunningServer.on(store.store());
            if (server.isPresent()) {
                remote = server.get().endpoint();
                PrintWriter err = spec.commandLine().getErr();
                err.println("kg query: asking the running kg serve (" + remote + "), which holds the database");
                err.flush();
            }
        }
        if (remote != null) {
            Query query = saved.bind(params, base != null ? base : java.net.URI.create(remote).resolve("/").toString());
            outcome = QueryRunner.remote(remote, timeout, maxRows).run(query, fmt, stdout);
        } else {
            Path build = store.store().requireCurrent();
            BuildInfo info = BuildInfo.read(build);
            if (info.isOutdated()) {
                PrintWriter err = spec.commandLine().getErr();
                err.println("kg query: " + outdated(build, info));
                err.flush();
            }
            String buildBase = Store.baseOf(build);
            Query query = saved.bind(params, base != null ? base : buildBase != null ? buildBase : Iris.DEFAULT_BASE);
            Dataset ds = ServiceConfig.read(KgCommand.configFile(config)).openDataset(build);
            try {
                outcome = QueryRunner.local(ds.asDatasetGraph(), timeout, maxRows).run(query, fmt, stdout);
            } finally {
                ds.close();
                Store.release(ds.asDatasetGraph());
            }
        }
        System.out.flush();
        if (fmt == ResultFormat.TABLE && outcome.rows() == 0) {
            out.println("0 rows");
            out.flush();
        }
        if (outcome.truncated()) {
            // On stderr, so that the results on stdout stay a valid CSV, JSON ... document.
            PrintWriter err = spec.commandLine().getErr();
            err.println("kg query: truncated: only the first " + maxRows + " rows (--max-rows " + maxRows + "); there are more");
            err.flush();
        }
        return 0;
    }

    private static void list(PrintWriter out, QueryLibrary library) {
        int width = library.all().stream().mapToInt(q -> q.name().length()).max().orElse(4);
        for (SavedQuery q : library.all()) {
            out.printf("%-" + width + "s  %s%n", q.name(), q.summary());
            for (Parameter p : q.parameters()) {
                out.printf("%-" + width + "s    --param %s=<%s>%s%s%s%n", "", p.name(), p.typeName(),
                        p.required() ? "" : " (optional)",
                        p.defaultValue() == null ? "" : " default " + p.defaultValue(),
                        p.allowed().isEmpty() ? "" : " one of " + String.join("|", p.allowed()));
            }
        }
        out.printf("%d saved queries in %s. Run one: kg query NAME [--param name=value] [--format csv]%n",
                library.all().size(), library.dir());
        out.flush();
    }

    /** The warning for a build an earlier version of kg made: what goes wrong, and what to run. */
    static String outdated(Path build, BuildInfo info) {
        return "warning: the build in " + build + " was made by an earlier version of kg (build format "
                + info.format() + ", this version's is " + BuildInfo.FORMAT + "): the saved queries that read"
                + " summaries it lacks (the whole-graph reports, entity-timeline, person-connections) answer no rows; rebuild it with kg build";
    }
}
