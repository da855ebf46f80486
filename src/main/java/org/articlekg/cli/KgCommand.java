package org.articlekg.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.apache.jena.sys.JenaSystem;
import org.articlekg.KgException;
import org.articlekg.build.ShapeCheck.ShapeViolationException;
import org.articlekg.load.InvalidInputException;
import org.articlekg.load.Problem;
import org.articlekg.query.Suggestions;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code kg} command: a thin shell over the library. Paths default to the project folder
 * (the system property {@code kg.home}, set by the {@code ./kg} launcher, else the working folder).
 */
@Command(name = "kg", mixinStandardHelpOptions = true, versionProvider = KgCommand.Version.class,
        description = "Builds a knowledge graph of facts reported in news articles and serves it over SPARQL.",
        subcommands = {BuildCommand.class, ValidateCommand.class, StatsCommand.class, ServeCommand.class, QueryCommand.class,
                ExportCommand.class, GenerateCommand.class, BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class KgCommand {
    /** Exit code for input that does not pass the checks, and for other errors of the project's kinds. */
    public static final int EXIT_INVALID = 1;
    /** Exit code for an unexpected internal error. */
    public static final int EXIT_INTERNAL = 70;

    public static void main(String[] args) {
        // picocli warns about quotes inside option values; parameter values may legitimately hold them.
        System.setProperty("picocli.trace", "OFF");
        // Jena first, as its documentation asks: initialised from inside the first vocabulary class
        // a command touches (kg validate: RDF.Nodes), Jena 5.6 meets that class half made and logs
        // "ERROR Item :: broken item" twice
        JenaSystem.init();
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code, without exiting (for tests). */
    public static int execute(String... args) {
        CommandLine cl = commandLine();
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            // An Error passes picocli's exception handler: say it in one line here too.
            java.io.PrintWriter err = cl.getErr();
            err.println("kg: " + outOfMemory(e));
            err.flush();
            return EXIT_INTERNAL;
        }
    }

    /** The one line for running out of memory: how big the heap was, and how to give Java more. */
    static String outOfMemory(Throwable e) {
        return "out of memory: the Java heap (" + (Runtime.getRuntime().maxMemory() >> 20)
                + " MB) is too small for this (" + e.getMessage() + "); give Java more, e.g. KG_JAVA_OPTS=-Xmx2g";
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new KgCommand());
        cl.setExecutionExceptionHandler(KgCommand::handle);
        cl.setParameterExceptionHandler(KgCommand::badParameters);
        return cl;
    }

    /**
     * Bad options or arguments, as picocli says them (the problem, then its suggestions or else the
     * usage), with the options within a few edits of an unknown one added where picocli's own
     * likeness finds none ({@code --prot} for {@code --port}).
     */
    private static int badParameters(CommandLine.ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println(e.getMessage());
        if (!CommandLine.UnmatchedArgumentException.printSuggestions(e, err)) {
            List<String> near = e instanceof CommandLine.UnmatchedArgumentException u ? u.getUnmatched().stream()
                    .filter(a -> a.startsWith("-"))
                    .flatMap(a -> Suggestions.nearest(a.contains("=") ? a.substring(0, a.indexOf('=')) : a,
                            cl.getCommandSpec().options().stream().map(o -> o.longestName()).toList()).stream())
                    .distinct().toList() : List.of();
            if (near.isEmpty()) cl.usage(err);
            else err.println("Possible solutions: " + String.join(", ", near));
        }
        err.flush();
        return cl.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** The project folder that relative defaults resolve against. */
    static Path home() {
        return Path.of(System.getProperty("kg.home", ".")).toAbsolutePath().normalize();
    }

    /** The project's service description, {@code fuseki-config/config.ttl}, unless an option names another. */
    static Path configFile(Path given) {
        return given != null ? given : home().resolve("fuseki-config").resolve(org.articlekg.store.ServiceConfig.FILE);
    }

    /** Prints the project's own errors as one line each, never a stack trace. */
    private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        return printError(cl.getErr(), cl.getCommandSpec().qualifiedName() + ": ", e);
    }

    /** Prints an error the way every command does and returns its exit code. */
    static int printError(PrintWriter err, String prefix, Exception e) {
        try {
            if (e instanceof InvalidInputException bad) {
                for (Problem p : bad.problems()) err.println(p);
                err.println(prefix + bad.problems().size() + " problem(s) in the input; nothing was written");
                return EXIT_INVALID;
            }
            if (e instanceof ShapeViolationException bad) {
                for (String v : bad.violations()) err.println("SHACL " + v);
                err.println(prefix + bad.violations().size() + " SHACL violation(s); nothing was written");
                return EXIT_INVALID;
            }
            if (e instanceof KgException) {
                err.println(prefix + e.getMessage());
                return EXIT_INVALID;
            }
            for (Throwable c = e; c != null; c = c.getCause()) {
                if (c instanceof OutOfMemoryError) {
                    err.println(prefix + outOfMemory(e));
                    return EXIT_INTERNAL;
                }
            }
            err.println(prefix + "internal error: " + e);
            e.printStackTrace(err);
            return EXIT_INTERNAL;
        } finally {
            err.flush();
        }
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = KgCommand.class.getPackage().getImplementationVersion();
            return new String[] {"article-kg " + (v == null ? "(development)" : v)};
        }
    }
}
