package org.articlekg.build;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.articlekg.load.LoadResult;

/**
 * What a build or a validation did.
 *
 * @param load what the loaders read and found
 * @param quadsPerGraph quads per named graph (short name: facts, ontology, inferred)
 * @param location the published build folder, or null for a validation
 * @param dumps the dump files written
 * @param duration how long it took
 * @param phases how long each phase took, in order (empty for a validation)
 */
public record BuildReport(LoadResult load, Map<String, Long> quadsPerGraph, Path location, List<Path> dumps,
                          Duration duration, List<Phase> phases) {
    /**
     * One timed part of a build.
     *
     * @param task true for a task that ran side by side with others inside the phase listed
     *     after it (their times add up to more than the phase's)
     */
    public record Phase(String name, Duration time, boolean task) {}

    public BuildReport {
        quadsPerGraph = Map.copyOf(quadsPerGraph);
        dumps = dumps == null ? List.of() : List.copyOf(dumps);
        phases = List.copyOf(phases);
    }

    public long totalQuads() {
        return quadsPerGraph.values().stream().mapToLong(Long::longValue).sum();
    }
}
