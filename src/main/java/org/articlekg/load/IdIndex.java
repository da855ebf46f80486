package org.articlekg.load;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.apache.jena.graph.Node;

/**
 * What the loader keeps of each row between its passes: the kind of its id, its line, and the
 * few values other rows need (an entity's English label, an article's title and language), and
 * whether a fact has evidence. Memory grows with the number of ids, not with the rows' contents.
 */
final class IdIndex {
    /** One id. */
    static final class Info {
        final Kind kind;
        final int line;
        final String label;
        final String language;
        /** The order in which the id was first registered: a small number that stands for it. */
        final int number;
        boolean supported;

        Info(Kind kind, int line, String label, String language, int number) {
            this.kind = kind;
            this.number = number;
            this.line = line;
            this.label = label;
            this.language = language;
        }
    }

    private final Map<String, Info> ids = new HashMap<>();
    /** The line of each evidence row, by fact and article. */
    private final Map<String, Integer> evidence = new HashMap<>();

    /** Registers an evidence row; returns the line of an earlier row for the same fact and article, or null. */
    Integer addEvidence(String fact, String article, int line) {
        return evidence.putIfAbsent(fact + "/" + article, line);
    }

    /** Registers a row's id, reporting a duplicate. */
    void add(Entry e, ProblemHandler problems) {
        String id = e.id();
        if (id == null) return;
        Kind kind = e.table().kind();
        String label = kind == Kind.ARTICLE ? e.string("title") : kind.isFact() ? null : e.string("label_en");
        Info earlier = ids.putIfAbsent(id, new Info(kind, (int) e.line(), label, kind == Kind.ARTICLE ? e.string("language") : null,
                ids.size()));
        if (earlier != null) {
            problems.report(e.problem("id", id, "duplicate id: already used at "
                    + e.file().resolveSibling(earlier.kind.fileName()) + ":" + earlier.line));
        }
    }

    Info get(String id) {
        return ids.get(id);
    }

    void forEach(BiConsumer<String, Info> action) {
        ids.forEach(action);
    }

    /** Reports every fact that no evidence row supports. */
    void reportUnsupportedFacts(Path dataDir, ProblemHandler problems) {
        ids.entrySet().stream()
                .filter(e -> e.getValue().kind.isFact() && !e.getValue().supported)
                .sorted(Map.Entry.comparingByValue(java.util.Comparator.<Info, Integer>comparing(i -> i.kind.ordinal())
                        .thenComparingInt(i -> i.line)))
                .forEach(e -> problems.report(new Problem(dataDir.resolve(e.getValue().kind.fileName()), e.getValue().line, 1, "id",
                        e.getKey(), "fact has no evidence: add a row to evidence.csv citing the article that states it")));
    }

    /** Where an entity or fact IRI comes from ({@code file:line}), for reports about the built graph. */
    Function<Node, String> locator(Path dataDir, Iris iris) {
        String prefix = iris.idNamespace();
        String evidencePrefix = prefix + Kind.EVIDENCE.segment() + "/";
        return node -> {
            if (!node.isURI() || !node.getURI().startsWith(prefix)) return null;
            if (node.getURI().startsWith(evidencePrefix)) {
                Integer line = evidence.get(node.getURI().substring(evidencePrefix.length()));
                return line == null ? null : dataDir.resolve(Kind.EVIDENCE.fileName()) + ":" + line;
            }
            String rest = node.getURI().substring(prefix.length());
            int slash = rest.indexOf('/');
            if (slash < 0) return null;
            Info info = ids.get(rest.substring(slash + 1));
            if (info == null || !rest.substring(0, slash).equals(info.kind.segment())) return null;
            return dataDir.resolve(info.kind.fileName()) + ":" + info.line;
        };
    }
}
