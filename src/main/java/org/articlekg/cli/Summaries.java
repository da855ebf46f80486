package org.articlekg.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.stream.Collectors;
import org.articlekg.build.BuildReport;
import org.articlekg.load.Disagreement;
import org.articlekg.load.Kind;

/** How build and validation reports read on the terminal. */
final class Summaries {
    private Summaries() {}

    static void print(PrintWriter out, String verb, BuildReport r) {
        out.printf("%s in %.1f s: %d quads (%s)%n", verb, r.duration().toMillis() / 1000.0, r.totalQuads(),
                r.quadsPerGraph().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining(", ")));
        out.println("  rows: " + java.util.Arrays.stream(Kind.values())
                .map(k -> k.fileName().replace(".csv", "") + " " + r.load().rows().getOrDefault(k, 0))
                .collect(Collectors.joining(", ")));
        out.println("  disagreements: " + r.load().disagreements().size());
        for (Disagreement d : r.load().disagreements()) out.println("    " + d.describe());
        if (r.location() != null) {
            out.println("  database: " + r.location().resolve("tdb2"));
            r.dumps().forEach(d -> out.println("  dump: " + d));
        }
        out.flush();
    }

    static String counts(Map<String, Long> m) {
        return m.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }
}
