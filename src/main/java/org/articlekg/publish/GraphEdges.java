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
import org.articlekg.load.Kind;
import org.articlekg.load.Schemas;
import org.articlekg.load.TableSchema;
import org.articlekg.vocab.AKG;

/**
 * The graph of entities for visualisation: persons, organisations and products as nodes; the
 * shortcut relationships as edges, each with the statements behind it, its number of sources
 * (articles), whether any of those statements is disputed, and the first and last date it was
 * reported. Which statement properties make which edge comes from {@link Schemas}.
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

    private static final Query NODES = Sparql.parse("""
            SELECT ?x ?t ?label WHERE {
              # the entities' classes, looked up by class (not every typed statement filtered)
              VALUES ?t { akg:Person akg:Company akg:Nonprofit akg:ResearchLab akg:Incubator akg:MediaOrganization
                          akg:Organization akg:AIModel akg:Application akg:Service akg:Vehicle akg:Product }
              GRAPH ?facts { ?x a ?t }
              OPTIONAL { ?x rdfs:label ?l FILTER(LANGMATCHES(LANG(?l), "en")) }
              BIND(COALESCE(?l, STR(?x)) AS ?label)
            } ORDER BY ?x""");

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
        for (Kind kind : Kind.values()) {
            TableSchema t = Schemas.of(kind);
            if (!kind.isFact()) continue;
            for (TableSchema.Shortcut sc : t.shortcuts()) {
                if (sc.property().equals(AKG.foundedBy)) continue; // the inverse of founded: one edge is enough
                Node from = t.column(sc.from()).predicate();
                Node to = t.column(sc.to()).predicate();
                Query q = Sparql.parse("SELECT ?s ?o ?f ?article ?adate ?conflict WHERE { "
                        + "GRAPH ?facts { ?f a <" + t.rdfClass().getURI() + "> ; <" + from.getURI() + "> ?s ; <"
                        + to.getURI() + "> ?o } "
                        + (focus == null ? "" : "FILTER(?s = ?focus || ?o = ?focus) ")
                        + "OPTIONAL { ?f akg:reportedIn ?article OPTIONAL { ?article akg:date ?adate } } "
                        + "OPTIONAL { ?f akg:conflictsWith ?conflict } }");
                Map<String, Node> b = new HashMap<>();
                b.put("facts", facts);
                if (focus != null) b.put("focus", focus);
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
        for (Node p : List.of(AKG.maker, AKG.parentOrganization)) {
            Query q = Sparql.parse("SELECT ?s ?o WHERE { GRAPH ?facts { ?s <" + p.getURI() + "> ?o } "
                    + (focus == null ? "" : "FILTER(?s = ?focus || ?o = ?focus) ") + "}");
            Map<String, Node> b = new HashMap<>();
            b.put("facts", facts);
            if (focus != null) b.put("focus", focus);
            for (QuerySolution s : Sparql.select(dsg, q, b)) {
                List<Node> key = List.of(s.get("s").asNode(), p, s.get("o").asNode());
                edges.computeIfAbsent(key, k -> new EdgeBuilder(k.get(0), k.get(1), k.get(2)));
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
        Sparql.forEach(dsg, NODES, Map.of("facts", facts), s -> {
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
