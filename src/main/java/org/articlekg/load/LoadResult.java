package org.articlekg.load;

import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;

/**
 * What a load read and wrote.
 *
 * @param rows rows read per file
 * @param disagreements the disagreements found between claims
 * @param refinements the claims that refine another claim of their event
 * @param triples triples streamed (0 for a check that writes nothing)
 * @param locator where the row an entity or fact IRI was minted from is ({@code file:line}), or null
 * @param corpus the folder of article texts the evidence quotes were checked against, or null when they were not
 */
public record LoadResult(Map<Kind, Integer> rows, List<Disagreement> disagreements, List<Refinement> refinements, long triples,
                         java.util.function.Function<Node, String> locator, java.nio.file.Path corpus) {
    public LoadResult {
        rows = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(rows));
        refinements = List.copyOf(refinements);
        disagreements = List.copyOf(disagreements);
    }

    /** Where the row an IRI was minted from is, or null. */
    public String locate(Node node) {
        return locator.apply(node);
    }
}
