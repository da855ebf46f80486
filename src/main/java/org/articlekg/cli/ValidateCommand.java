package org.articlekg.cli;

import java.util.concurrent.Callable;
import org.articlekg.build.BuildReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code kg validate}: every check of a build, in memory; writes nothing. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Runs every check of a build (CSV, references, evidence quotes, SHACL) and writes nothing.")
final class ValidateCommand implements Callable<Integer> {
    @Mixin GraphOptions graph;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        BuildReport report = graph.builder().validate();
        Summaries.print(spec.commandLine().getOut(), "Valid", report);
        return 0;
    }
}
