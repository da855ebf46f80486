package org.articlekg.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.articlekg.KgException;

/**
 * What a build says of itself, in its {@code build.properties}: the base IRI its IRIs were minted
 * under, when it was built, its quads per named graph, its rows per input file and its number of
 * disagreements. The one place that knows the file's keys; the build writes it, the server, the
 * CLI and the benchmarks read it.
 *
 * <pre>{@code
 * String base = BuildInfo.read(store.requireCurrent()).base();
 * }</pre>
 *
 * @param base the base IRI, or null when unknown (a build folder without the file)
 * @param built when the build was published, or null when unknown
 * @param quadsPerGraph quads by named graph name ({@code facts}, {@code summary} ...)
 * @param rowsPerFile rows by input file name ({@code investments.csv} ...)
 * @param disagreements the number of disagreements
 * @param format what the build holds, as {@link #FORMAT} numbers it; 1 for a file that does not
 *     say (builds before the numbering), 0 when the file is missing
 */
public record BuildInfo(String base, Instant built, Map<String, Long> quadsPerGraph, Map<String, Integer> rowsPerFile,
                        int disagreements, int format) {
    /**
     * What this version's builds hold, for what reads them to tell an older build: 1, the graphs
     * up to issue 17's summaries; 2, the summary graph with the reports' ranks
     * ({@code akg:dateRank} ...), without which the whole-graph reports answer no rows; 3, the
     * timeline ranks ({@code akg:timelineRank} ...), without which entity-timeline answers none;
     * 4, {@code akg:kindRank}, without which person-connections and who-says-what answer none; 5, the members of
     * the kinds' lists in the ontology graph ({@code kd:column}, {@code kd:option}), without which
     * entities, entity-disputes and entity-neighbourhood answer none.
     */
    public static final int FORMAT = 5;

    private static final String BASE = "base";
    private static final String BUILT = "built";
    private static final String QUADS = "quads.";
    private static final String ROWS = "rows.";
    private static final String DISAGREEMENTS = "disagreements";
    private static final String FORMAT_KEY = "format";

    public BuildInfo {
        quadsPerGraph = Collections.unmodifiableMap(new LinkedHashMap<>(quadsPerGraph));
        rowsPerFile = Collections.unmodifiableMap(new LinkedHashMap<>(rowsPerFile));
    }

    /** This version's build, with what the version's saved queries read. */
    public BuildInfo(String base, Instant built, Map<String, Long> quadsPerGraph, Map<String, Integer> rowsPerFile, int disagreements) {
        this(base, built, quadsPerGraph, rowsPerFile, disagreements, FORMAT);
    }

    /** Whether an earlier version of kg made the build (its saved queries may read what it lacks). */
    public boolean isOutdated() {
        return format > 0 && format < FORMAT;
    }

    /** The quads of every named graph. */
    public long totalQuads() {
        return quadsPerGraph.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Reads a build folder's {@code build.properties}; every field empty (null, 0) when it is missing or unreadable. */
    public static BuildInfo read(Path build) {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(build.resolve(Store.INFO))) {
            p.load(in);
        } catch (IOException e) {
            return new BuildInfo(null, null, Map.of(), Map.of(), 0, 0);
        }
        Map<String, Long> quads = new TreeMap<>();
        Map<String, Integer> rows = new TreeMap<>();
        for (String key : p.stringPropertyNames()) {
            try {
                if (key.startsWith(QUADS)) quads.put(key.substring(QUADS.length()), Long.parseLong(p.getProperty(key)));
                if (key.startsWith(ROWS)) rows.put(key.substring(ROWS.length()), Integer.parseInt(p.getProperty(key)));
            } catch (NumberFormatException e) {
                throw new KgException(build.resolve(Store.INFO) + ": " + key + " must be a whole number, found '" + p.getProperty(key) + "'");
            }
        }
        Instant built = null;
        try {
            if (p.getProperty(BUILT) != null) built = Instant.parse(p.getProperty(BUILT));
        } catch (DateTimeParseException e) {
            throw new KgException(build.resolve(Store.INFO) + ": built must be an instant such as 2026-11-22T15:01:02Z, found '"
                    + p.getProperty(BUILT) + "'");
        }
        return new BuildInfo(p.getProperty(BASE), built, quads, rows, whole(build, p, DISAGREEMENTS, "0"), whole(build, p, FORMAT_KEY, "1"));
    }

    private static int whole(Path build, Properties p, String key, String absent) {
        try {
            return Integer.parseInt(p.getProperty(key, absent).strip());
        } catch (NumberFormatException e) {
            throw new KgException(build.resolve(Store.INFO) + ": " + key + " must be a whole number, found '" + p.getProperty(key) + "'");
        }
    }

    /** Writes this as the build folder's {@code build.properties}. */
    public void write(Path build) {
        Properties p = new Properties();
        if (base != null) p.setProperty(BASE, base);
        if (built != null) p.setProperty(BUILT, built.toString());
        quadsPerGraph.forEach((g, n) -> p.setProperty(QUADS + g, Long.toString(n)));
        rowsPerFile.forEach((f, n) -> p.setProperty(ROWS + f, Integer.toString(n)));
        p.setProperty(DISAGREEMENTS, Integer.toString(disagreements));
        p.setProperty(FORMAT_KEY, Integer.toString(format));
        try (OutputStream out = Files.newOutputStream(build.resolve(Store.INFO))) {
            p.store(out, "article-kg build");
        } catch (IOException e) {
            throw new KgException("cannot write " + build.resolve(Store.INFO) + ": " + e.getMessage(), e);
        }
    }
}
