package org.articlekg.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.articlekg.KgException;
import org.articlekg.generate.CorpusGenerator;
import org.articlekg.generate.GenerationSummary;
import org.articlekg.generate.Progress;
import org.articlekg.load.FactModel;
import org.articlekg.load.Kind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code kg generate}: a synthetic corpus of made-up articles, in the CSV files of {@code data/}. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        header = "Writes a synthetic corpus (the CSV files of data/) for N made-up articles.",
        description = {"Writes a synthetic corpus: the CSV files of data/ for N made-up articles, with their entities,",
                "facts of every kind declared in the ontology folder's kinds.ttl, evidence (some of it attributed),",
                "and a few disagreements and refinements. The same seed gives the same files.",
                "There are no article texts, so check it with: kg validate --data DIR --no-corpus"})
final class GenerateCommand implements Callable<Integer> {
    @Option(names = "--articles", paramLabel = "N", defaultValue = "1000",
            description = "Number of articles (default: ${DEFAULT-VALUE}); entities and facts grow with it.")
    int articles;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "Folder to write the CSV files into; created if missing, and must not hold CSV files unless --force.")
    Path out;

    @Option(names = "--force", description = "Overwrite the CSV files already in --out.")
    boolean force;

    @Option(names = "--ontology", paramLabel = "DIR",
            description = "Folder of kinds.ttl and article-kg.ttl, which declare the files and kinds of fact (default: ontology/).")
    Path ontology;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        ProgressLine progress = new ProgressLine(err, System.console() != null);
        FactModel model = FactModel.read(ontology != null ? ontology : KgCommand.home().resolve("ontology"));
        GenerationSummary summary;
        try {
            summary = CorpusGenerator.create().model(model).articles(articles).seed(seed).overwrite(force).progress(progress)
                    .build().writeTo(out);
        } catch (CorpusGenerator.OutputNotEmptyException e) {
            throw new KgException("--out " + e.directory() + " already holds CSV files (" + String.join(", ", e.files())
                    + "); use --force to overwrite them, or choose another folder");
        } finally {
            progress.finish();
        }
        print(spec.commandLine().getOut(), summary, ontology == null ? "" : " --ontology " + ontology);
        return 0;
    }

    private static void print(PrintWriter out, GenerationSummary s, String ontologyOption) {
        double seconds = s.duration().toMillis() / 1000.0;
        out.printf("Generated %d articles (seed %d) in %.1f s: %d rows, %.0f rows/s, in %s%n", s.articles(), s.seed(),
                seconds, s.totalRows(), s.rowsPerSecond(), s.directory());
        for (Map.Entry<Kind, Long> rows : s.rows().entrySet()) out.printf("  %-18s %,12d%n", rows.getKey().fileName(), rows.getValue());
        out.printf("Check it with: kg validate --data %s%s --no-corpus%n", s.directory(), ontologyOption);
        out.flush();
    }

    /**
     * Shows progress on stderr: on a terminal one line redrawn at each new percent, otherwise a
     * plain line at every tenth of the way.
     */
    private static final class ProgressLine implements Progress {
        private final PrintWriter err;
        private final boolean terminal;
        private int shown = -1;

        ProgressLine(PrintWriter err, boolean terminal) {
            this.err = err;
            this.terminal = terminal;
        }

        @Override
        public void articlesDone(int done, int total) {
            int percent = (int) (100L * done / total);
            int step = terminal ? percent : percent / 10 * 10;
            if (step == shown) return;
            shown = step;
            String line = String.format("generate: %d%% (%d/%d articles)", step, done, total);
            if (terminal) err.print("\r" + line);
            else err.println(line);
            err.flush();
        }

        void finish() {
            if (terminal && shown >= 0) {
                err.println();
                err.flush();
            }
        }
    }
}
