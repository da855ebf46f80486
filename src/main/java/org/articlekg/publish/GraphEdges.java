package org.articlekg.publish;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.sparql.core.DatasetGraph;
import org.articlekg.load.Iris;
import org.articlekg.load.FactModel;
import org.articlekg.load.TableSchema;
import org.articlekg.vocab.AKG;

/**
 * The graph of entities for visualisation: persons, organisations and products as nodes; the
 * shortcut relationships as edges, each with the statements behind it, its number of sources
 * (articles), whether any of those statements is disputed, and the first and last date it was
 * reported. Which statement properties make which edge is declared in {@code ontology/kinds.ttl}
 * ({@link TableSchema#edges()}).
 */
public final class GraphEdges {
    /** A node: an entity with its most specific type and English label. */
    public record GraphNode(Node iri, String type, String label) {}

    /** An edge and the evidence behind it. */
    public record Edge(Node source, Node relationship, Node target, Set<Node> statements, Set<Node> articles,
                       boolean disputed, String firstReported, String lastReported) {
        public String relationshipName() { return Pages.local(relationship); }
    }

    /** Nodes and edges. */
    public record EntityGraph(List<GraphNode> nodes, List<Edge> edges) {}

    /** The entities with their classes: the classes of the declared entity kinds, looked up by class. */
    private static Query nodes(FactModel model) {
        StringBuilder classes = new StringBuilder();
        for (Node c : model.entityClasses()) classes.append(" <").append(c.getURI()).append('>');
        return Sparql.parse("SELECT ?x ?t ?label WHERE { VALUES ?t {" + classes + " } GRAPH ?facts { ?x a ?t } "
                + "OPTIONAL { ?x rdfs:label ?l FILTER(LANGMATCHES(LANG(?l), \"en\")) } "
                + "BIND(COALESCE(?l, STR(?x)) AS ?label) } ORDER BY ?x");
    }

    private GraphEdges() {}

    /** The whole entity graph. */
    public static EntityGraph all(DatasetGraph dsg, Iris iris) {
        return build(dsg, iris, null);
    }

    /** The edges touching one entity, with the nodes at their ends. */
    public static EntityGraph around(DatasetGraph dsg, Iris iris, Node focus) {
        return build(dsg, iris, focus);
    }

    private static EntityGraph build(DatasetGraph dsg, Iris iris, Node focus) {
        Node facts = iris.graph(Iris.FACTS_GRAPH);
        Map<List<Node>, EdgeBuilder> edges = new LinkedHashMap<>();
        FactModel model = Kinds.of(dsg, iris);
        for (TableSchema t : model.tables()) {
            for (TableSchema.Shortcut sc : t.edges()) {
                Map<String, Node> b = new HashMap<>();
                b.put("facts", facts);
                if (focus != null) b.put("focus", focus);
                String filter = focus == null ? "" : "FILTER(?s = ?focus || ?o = ?focus) ";
                if (!t.kind().isFact()) {
                    // an entity's own reference, e.g. a product's maker
                    Node p = t.column(sc.to()).predicate();
                    Query q = Sparql.parse("SELECT ?s ?o WHERE { GRAPH ?facts { ?s <" + p.getURI() + "> ?o } " + filter + "}");
                    for (QuerySolution s : Sparql.select(dsg, q, b)) {
                        List<Node> key = List.of(s.get("s").asNode(), sc.property(), s.get("o").asNode());
                        edges.computeIfAbsent(key, k -> new EdgeBuilder(k.get(0), k.get(1), k.get(2)));
                    }
                    continue;
                }
                Node from = t.column(sc.from()).predicate();
                Node to = t.column(sc.to()).predicate();
                Query q = Sparql.parse("SELECT ?s ?o ?f ?article ?adate ?conflict WHERE { "
                        + "GRAPH ?facts { ?f a <" + t.rdfClass().getURI() + "> ; <" + from.getURI() + "> ?s ; <"
                        + to.getURI() + "> ?o } " + filter
                        + "OPTIONAL { ?f akg:reportedIn ?article OPTIONAL { ?article akg:date ?adate } } "
                        + "OPTIONAL { ?f akg:conflictsWith ?conflict } }");
                Sparql.forEach(dsg, q, b, s -> {
                    List<Node> key = List.of(s.get("s").asNode(), sc.property(), s.get("o").asNode());
                    EdgeBuilder e = edges.computeIfAbsent(key, k -> new EdgeBuilder(k.get(0), k.get(1), k.get(2)));
                    e.statements.add(s.get("f").asNode());
                    if (s.contains("article")) e.articles.add(s.get("article").asNode());
                    if (s.contains("adate")) e.date(s.getLiteral("adate").getLexicalForm());
                    if (s.contains("conflict")) e.disputed = true;
                });
            }
        }
        Set<Node> wanted = new LinkedHashSet<>();
        if (focus != null) wanted.add(focus);
        for (EdgeBuilder e : edges.values()) {
            wanted.add(e.source);
            wanted.add(e.target);
        }
        List<GraphNode> nodes = new ArrayList<>();
        Set<Node> seen = new LinkedHashSet<>();
        Sparql.forEach(dsg, nodes(model), Map.of("facts", facts), s -> {
            Node x = s.get("x").asNode();
            if (focus != null && !wanted.contains(x)) return;
            if (seen.add(x)) nodes.add(new GraphNode(x, Pages.local(s.get("t").asNode()), s.getLiteral("label").getString()));
        });
        List<Edge> list = edges.values().stream().filter(e -> seen.contains(e.source) && seen.contains(e.target))
                .map(EdgeBuilder::build).toList();
        return new EntityGraph(nodes, list);
    }

    private static final class EdgeBuilder {
        final Node source;
        final Node relationship;
        final Node target;
        final Set<Node> statements = new LinkedHashSet<>();
        final Set<Node> articles = new LinkedHashSet<>();
        boolean disputed;
        String first;
        String last;

        EdgeBuilder(Node source, Node relationship, Node target) {
            this.source = source;
            this.relationship = relationship;
            this.target = target;
        }

        void date(String d) {
            if (first == null || d.compareTo(first) < 0) first = d;
            if (last == null || d.compareTo(last) > 0) last = d;
        }

        Edge build() {
            return new Edge(source, relationship, target, Set.copyOf(statements), Set.copyOf(articles), disputed, first, last);
        }
    }
}
