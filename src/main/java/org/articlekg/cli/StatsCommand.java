package org.articlekg.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.articlekg.store.Stats;
import org.articlekg.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kg stats}: figures about the current build. */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = {"Prints instances per class, facts per article and the disagreements of the current build.",
                "While kg serve runs on the store, asks it over HTTP (it holds the database)."})
final class StatsCommand implements Callable<Integer> {
    @Mixin StoreOptions store;
    @Spec CommandSpec spec;

    @Option(names = "--endpoint", paramLabel = "URL",
            description = "Ask this SPARQL endpoint (its default graph the union of a build's graphs) instead of the current build.")
    String endpoint;

    @Override
    public Integer call() {
        Stats stats;
        if (endpoint != null) {
            stats = Stats.fromEndpoint(endpoint);
        } else {
            Store st = store.store();
            Path build = st.requireCurrent();
            Optional<RunningServer> server = RunningServer.on(st);
            if (server.isPresent()) {
                // The server holds the build's database: ask it rather than fail on its lock.
                PrintWriter err = spec.commandLine().getErr();
                err.println("kg stats: asking the running kg serve (" + server.get().endpoint() + "), which holds the database");
                err.flush();
            }
            stats = server.map(s -> Stats.fromEndpoint(s.endpoint())).orElseGet(() -> Stats.of(build));
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("Instances per class:");
        table(out, stats.perClass());
        out.println("Facts per article:");
        table(out, stats.perArticle());
        out.println("Disagreements: " + stats.disagreements().size());
        stats.disagreements().forEach(d -> out.println("  " + d));
        out.println("Refinements (a claim more precise than another of its event, not a disagreement): " + stats.refinements().size());
        stats.refinements().forEach(r -> out.println("  " + r));
        out.flush();
        return 0;
    }

    private static void table(PrintWriter out, Map<String, Long> m) {
        int width = m.keySet().stream().mapToInt(String::length).max().orElse(0);
        m.forEach((k, v) -> out.printf("  %-" + width + "s %6d%n", k, v));
    }
}
