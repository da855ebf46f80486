package org.articlekg.load;

import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;

/**
 * What a load read and wrote.
 *
 * @param rows rows read per file
 * @param disagreements the disagreements found between claims
 * @param triples triples streamed (0 for a check that writes nothing)
 * @param locations where each minted IRI comes from: IRI → {@code file:line}
 */
public record LoadResult(Map<Kind, Integer> rows, List<Disagreement> disagreements, long triples,
                         Map<String, String> locations) {
    public LoadResult {
        rows = Map.copyOf(rows);
        disagreements = List.copyOf(disagreements);
        locations = Map.copyOf(locations);
    }

    /** Where the row an IRI was minted from is, or null. */
    public String locate(Node node) {
        return node.isURI() ? locations.get(node.getURI()) : null;
    }
}
