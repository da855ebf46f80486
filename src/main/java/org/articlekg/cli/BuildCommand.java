package org.articlekg.cli;

import java.util.concurrent.Callable;
import org.articlekg.build.BuildReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code kg build}: CSV files to a validated TDB2 database and dumps, published atomically. */
@Command(name = "build", mixinStandardHelpOptions = true,
        header = "Checks data/, builds and validates the graph, then makes it the current build.",
        description = {"Checks data/, builds the graph into a new TDB2 database with dumps (TriG, N-Quads, Turtle, JSON-LD),",
                "validates it against the SHACL shapes, and only then makes it the current build.",
                "A failed build leaves the current one untouched."})
final class BuildCommand implements Callable<Integer> {
    @Mixin GraphOptions graph;
    @Mixin StoreOptions store;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        BuildReport report = graph.builder().buildInto(store.store());
        Summaries.print(spec.commandLine().getOut(), "Built the graph", report);
        return 0;
    }
}
