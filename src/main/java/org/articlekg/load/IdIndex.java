package org.articlekg.load;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.apache.jena.graph.Node;

/**
 * What the loader keeps of each row between its passes: the kind of its id, its line, and the
 * few values other rows need (an entity's labels, an article's title, language, date and the
 * outlets it cites), and which articles support a fact. Memory grows with the number of ids and
 * evidence rows, not with the rows' contents.
 */
final class IdIndex {
    /** One id. */
    static final class Info {
        final Kind kind;
        final int line;
        final String label;
        final String labelFr;
        final String language;
        final PartialDate date;
        final List<String> cites;
        /** The order in which the id was first registered: a small number that stands for it. */
        final int number;
        boolean supported;
        /** For facts: the articles of its evidence rows, in file order. */
        List<String> articles = List.of();
        /** For articles: the article standing for its origin (itself, or one that cites the same outlet). */
        String origin;

        Info(Kind kind, int line, String label, String labelFr, String language, PartialDate date, List<String> cites, int number) {
            this.kind = kind;
            this.number = number;
            this.line = line;
            this.label = label;
            this.labelFr = labelFr;
            this.language = language;
            this.date = date;
            this.cites = cites;
        }
    }

    private final Map<String, Info> ids = new HashMap<>();
    /** The line of each evidence row, by fact and article. */
    private final Map<String, Integer> evidence = new HashMap<>();

    /** Registers an evidence row; returns the line of an earlier row for the same fact and article, or null. */
    Integer addEvidence(String fact, String article, int line) {
        Integer earlier = evidence.putIfAbsent(fact + "/" + article, line);
        if (earlier == null) {
            Info f = ids.get(fact);
            if (f != null && f.kind.isFact()) {
                if (f.articles.isEmpty()) f.articles = new ArrayList<>(2);
                f.articles.add(article);
            }
        }
        return earlier;
    }

    /** Registers a row's id, reporting a duplicate. */
    void add(Entry e, ProblemHandler problems) {
        String id = e.id();
        if (id == null) return;
        Kind kind = e.table().kind();
        boolean article = kind.role() == Kind.Role.ARTICLE;
        String label = article ? e.string("title") : kind.isFact() ? null : e.string("label_en");
        Info info = new Info(kind, (int) e.line(), label, article || kind.isFact() ? null : e.string("label_fr"),
                article ? e.string("language") : null, article ? e.date("date") : null,
                article ? e.list("cites") : List.of(), ids.size());
        Info earlier = ids.putIfAbsent(id, info);
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

    /**
     * Groups the articles into origins: articles that name the same outlet among their sources
     * ({@code cites}) are one origin, transitively; an article that cites none is its own.
     */
    void groupOrigins() {
        Map<String, String> parent = new HashMap<>();
        Map<String, String> byOutlet = new HashMap<>();
        ids.forEach((id, info) -> {
            if (info.kind.role() != Kind.Role.ARTICLE) return;
            parent.putIfAbsent(id, id);
            for (String outlet : info.cites) {
                String other = byOutlet.putIfAbsent(outlet, id);
                if (other != null) parent.put(find(parent, id), find(parent, other));
            }
        });
        ids.forEach((id, info) -> {
            if (info.kind.role() == Kind.Role.ARTICLE) info.origin = find(parent, id);
        });
    }

    private static String find(Map<String, String> parent, String id) {
        String p = parent.getOrDefault(id, id);
        if (p.equals(id)) return id;
        String root = find(parent, p);
        parent.put(id, root);
        return root;
    }

    /** Reports every fact that no evidence row supports. */
    void reportUnsupportedFacts(Path dataDir, List<Kind> order, ProblemHandler problems) {
        ids.entrySet().stream()
                .filter(e -> e.getValue().kind.isFact() && !e.getValue().supported)
                .sorted(Map.Entry.comparingByValue(java.util.Comparator.<Info, Integer>comparing(i -> order.indexOf(i.kind))
                        .thenComparingInt(i -> i.line)))
                .forEach(e -> problems.report(new Problem(dataDir.resolve(e.getValue().kind.fileName()), e.getValue().line, 1, "id",
                        e.getKey(), "fact has no evidence: add a row to evidence.csv citing the article that states it")));
    }

    /** Where an entity or fact IRI comes from ({@code file:line}), for reports about the built graph. */
    Function<Node, String> locator(Path dataDir, Iris iris, Kind evidenceKind) {
        String prefix = iris.idNamespace();
        String evidencePrefix = prefix + evidenceKind.segment() + "/";
        return node -> {
            if (!node.isURI() || !node.getURI().startsWith(prefix)) return null;
            if (node.getURI().startsWith(evidencePrefix)) {
                Integer line = evidence.get(node.getURI().substring(evidencePrefix.length()));
                return line == null ? null : dataDir.resolve(evidenceKind.fileName()) + ":" + line;
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
