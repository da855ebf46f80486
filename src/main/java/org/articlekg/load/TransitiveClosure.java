package org.articlekg.load;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;

/** The transitive closure of a relation between named terms of a graph (super-classes, broader concepts). */
public final class TransitiveClosure {
    private TransitiveClosure() {}

    /** For each named subject of {@code relation}, every named term it reaches, without itself. */
    public static Map<Node, Set<Node>> of(Graph g, Node relation) {
        Map<Node, Set<Node>> direct = new HashMap<>();
        g.find(Node.ANY, relation, Node.ANY).forEachRemaining((Triple t) -> {
            if (t.getSubject().isURI() && t.getObject().isURI() && !t.getSubject().equals(t.getObject())) {
                direct.computeIfAbsent(t.getSubject(), k -> new LinkedHashSet<>()).add(t.getObject());
            }
        });
        Map<Node, Set<Node>> all = new HashMap<>();
        for (Node start : direct.keySet()) {
            Set<Node> seen = new LinkedHashSet<>();
            ArrayDeque<Node> todo = new ArrayDeque<>(direct.get(start));
            while (!todo.isEmpty()) {
                Node n = todo.pop();
                if (!n.equals(start) && seen.add(n)) todo.addAll(direct.getOrDefault(n, Set.of()));
            }
            all.put(start, Set.copyOf(seen));
        }
        return all;
    }
}
