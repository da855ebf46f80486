package org.articlekg.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.stream.Collectors;
import org.articlekg.build.BuildReport;

/** How build and validation reports read on the terminal. */
final class Summaries {
    private Summaries() {}

    /** Disagreements listed after a build; a generated corpus has thousands. */
    static final int SHOWN = 20;

    static void print(PrintWriter out, String verb, BuildReport r) {
        out.printf("%s in %.1f s: %d quads (%s)%n", verb, r.duration().toMillis() / 1000.0, r.totalQuads(),
                r.quadsPerGraph().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining(", ")));
        out.println("  rows: " + r.load().rows().entrySet().stream()
                .map(e -> e.getKey().fileName().replace(".csv", "") + " " + e.getValue())
                .collect(Collectors.joining(", ")));
        out.println(r.load().corpus() != null ? "  quotes: checked against the article texts in " + r.load().corpus()
                : "  quotes: not checked against the article texts (none given: --corpus DIR, or ../shared/articles beside the project)");
        out.println("  disagreements: " + r.load().disagreements().size());
        r.load().disagreements().stream().limit(SHOWN).forEach(d -> out.println("    " + d.describe()));
        more(out, r.load().disagreements().size(), "the disputes query shows them with their sources");
        out.println("  refinements (a claim more precise than another of its event, not a disagreement): " + r.load().refinements().size());
        r.load().refinements().stream().limit(SHOWN).forEach(x -> out.println("    " + x.describe()));
        more(out, r.load().refinements().size(), "each claim's page shows them");
        if (r.location() != null) {
            out.println("  database: " + r.location().resolve("tdb2"));
            r.dumps().forEach(d -> out.println("  dump: " + d));
        }
        out.flush();
    }

    /** The line that says how many of a list were not shown. */
    private static void more(PrintWriter out, int size, String where) {
        if (size > SHOWN) out.printf("    ... and %d more (kg stats lists them all; %s)%n", size - SHOWN, where);
    }

    static String counts(Map<String, Long> m) {
        return m.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }
}
