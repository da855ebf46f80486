package org.articlekg.generate;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.articlekg.load.Kind;

/**
 * What a {@link CorpusGenerator} wrote.
 *
 * @param directory the folder the CSV files are in
 * @param articles articles generated
 * @param seed the seed the corpus was generated from
 * @param rows data rows written per file (headers not counted), in the model's order of kinds
 * @param duration how long it took
 */
public record GenerationSummary(Path directory, int articles, long seed, Map<Kind, Long> rows, Duration duration) {
    public GenerationSummary {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(duration, "duration");
        rows = Collections.unmodifiableMap(new LinkedHashMap<>(rows));
    }

    /** Data rows in all files. */
    public long totalRows() {
        return rows.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Fact rows (claims) in all fact files. */
    public long factRows() {
        return rows.entrySet().stream().filter(e -> e.getKey().isFact()).mapToLong(Map.Entry::getValue).sum();
    }

    /** Rows written per second of {@link #duration()}. */
    public double rowsPerSecond() {
        double seconds = Math.max(duration.toNanos(), 1) / 1e9;
        return totalRows() / seconds;
    }
}
