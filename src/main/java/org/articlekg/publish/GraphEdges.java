package org.articlekg.publish;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
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
 * (articles) and of independent origins, whether any of those statements is disputed, the amounts
 * the statements state (investments), the earliest date they give for what happened, and the first
 * and last date it was reported. Which statement properties make which edge is declared in
 * {@code ontology/kinds.ttl} ({@link TableSchema#edges()}); an edge's readable name is its
 * property's English {@code rdfs:label} in the ontology graph.
 */
public final class GraphEdges {
    /** A node: an entity with its most specific type and English label. */
    public record GraphNode(Node iri, String type, String label) {}

    /**
     * An edge and the evidence behind it.
     *
     * @param relationshipLabel the property's English label ("invested in"), or its local name when it has none
     * @param origins the number of independent origins of {@code articles}: articles citing a same outlet count once
     * @param amounts the amounts the statements state, one per statement that has one, ordered by
     *     the statements' dates then IRIs; empty for edges that are not investments
     * @param start the earliest date the statements give for what happened ({@code akg:date}, or
     *     {@code akg:startDate} for roles) at the start of its period ({@code 2015} is 2015-01-01), or null
     * @param firstReported the earliest date of an article reporting it, as the article gives it, or null
     */
    public record Edge(Node source, Node relationship, String relationshipLabel, Node target, Set<Node> statements,
                       Set<Node> articles, int origins, boolean disputed, List<Amount> amounts, LocalDate start,
                       String firstReported, String lastReported) {
        public Edge {
            statements = Set.copyOf(statements);
            articles = Set.copyOf(articles);
            amounts = List.copyOf(amounts);
        }

        public String relationshipName() { return Pages.local(relationship); }
    }

    /** An amount a statement states ({@code akg:amount}, the lower bound of a range), exact, with its currency (or null). */
    public record Amount(BigDecimal value, String currency) {
        public Amount {
            java.util.Objects.requireNonNull(value, "value");
        }
    }

    /**
     * Nodes and edges.
     *
     * @param edgesTotal the edges there are, of which {@code edges} are those kept
     */
    public record EntityGraph(List<GraphNode> nodes, List<Edge> edges, int edgesTotal) {}

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
        return build(dsg, iris, null, Integer.MAX_VALUE);
    }

    /**
     * The edges touching one entity, at most {@code maxEdges} of them (those with the most
     * articles, then statements), with the nodes at their ends. Read from the entity: the cost is
     * its statements', not the graph's.
     */
    public static EntityGraph around(DatasetGraph dsg, Iris iris, Node focus, int maxEdges) {
        return build(dsg, iris, focus, maxEdges);
    }

    private static EntityGraph build(DatasetGraph dsg, Iris iris, Node focus, int maxEdges) {
        Node facts = iris.graph(Iris.FACTS_GRAPH);
        Map<List<Node>, EdgeBuilder> edges = new LinkedHashMap<>();
        FactModel model = Kinds.of(dsg, iris);
        Map<String, Node> b = new HashMap<>();
        b.put("facts", facts);
        if (focus != null) b.put("focus", focus);
        for (TableSchema t : model.tables()) {
            for (TableSchema.Shortcut sc : t.edges()) {
                if (!t.kind().isFact()) {
                    // an entity's own reference, e.g. a product's maker
                    Node p = t.column(sc.to()).predicate();
                    Query q = Sparql.parse("SELECT ?s ?o WHERE { " + (focus == null ? "GRAPH ?facts { ?s <%1$s> ?o }"
                            : "{ GRAPH ?facts { ?focus <%1$s> ?o } BIND(?focus AS ?s) } UNION { GRAPH ?facts { ?s <%1$s> ?focus } BIND(?focus AS ?o) }")
                            .formatted(p.getURI()) + " }");
                    for (QuerySolution s : Sparql.select(dsg, q, b)) {
                        List<Node> key = List.of(s.get("s").asNode(), sc.property(), s.get("o").asNode());
                        edges.computeIfAbsent(key, k -> new EdgeBuilder(k.get(0), k.get(1), k.get(2)));
                    }
                    continue;
                }
                String from = t.column(sc.from()).predicate().getURI();
                String to = t.column(sc.to()).predicate().getURI();
                String kind = t.rdfClass().getURI();
                // around an entity: from it, each direction, the kind checked after (as a triple the
                // store would start from every statement of the kind)
                String statements = focus == null ? "GRAPH ?facts { ?f a <%3$s> ; <%1$s> ?s ; <%2$s> ?o }" : """
                        { GRAPH ?facts { ?f <%1$s> ?focus ; <%2$s> ?o } FILTER EXISTS { GRAPH ?facts { ?f a <%3$s> } } BIND(?focus AS ?s) }
                        UNION { GRAPH ?facts { ?f <%2$s> ?focus ; <%1$s> ?s } FILTER EXISTS { GRAPH ?facts { ?f a <%3$s> } } BIND(?focus AS ?o) }""";
                Query q = Sparql.parse("SELECT ?s ?o ?f ?article ?adate ?conflict ?date ?amount ?currency WHERE { "
                        + statements.formatted(from, to, kind) + " "
                        + "OPTIONAL { ?f akg:reportedIn ?article OPTIONAL { ?article akg:date ?adate } } "
                        + "OPTIONAL { ?f akg:conflictsWith ?conflict } "
                        + "OPTIONAL { ?f akg:date|akg:startDate ?date } "
                        + "OPTIONAL { ?f akg:amount ?amount OPTIONAL { ?f akg:currency ?currency } } }");
                Sparql.forEach(dsg, q, b, s -> {
                    List<Node> key = List.of(s.get("s").asNode(), sc.property(), s.get("o").asNode());
                    EdgeBuilder e = edges.computeIfAbsent(key, k -> new EdgeBuilder(k.get(0), k.get(1), k.get(2)));
                    Node f = s.get("f").asNode();
                    e.statements.add(f);
                    if (s.contains("article")) e.articles.add(s.get("article").asNode());
                    if (s.contains("adate")) e.date(s.getLiteral("adate").getLexicalForm());
                    if (s.contains("conflict")) e.disputed = true;
                    LocalDate date = s.contains("date") ? startOf(s.getLiteral("date").getLexicalForm()) : null;
                    if (date != null) e.claimDates.merge(f, date, (x, y) -> x.isBefore(y) ? x : y);
                    if (s.contains("amount")) {
                        e.amounts.put(f, new Amount(new BigDecimal(s.getLiteral("amount").getLexicalForm()),
                                s.contains("currency") ? s.getLiteral("currency").getLexicalForm() : null));
                    }
                });
            }
        }
        int total = edges.size();
        Collection<EdgeBuilder> kept = edges.values();
        if (total > maxEdges) {
            kept = kept.stream().sorted(Comparator.comparingInt((EdgeBuilder e) -> -e.articles.size())
                    .thenComparingInt(e -> -e.statements.size())
                    .thenComparing(e -> e.source.getURI() + " " + e.relationship.getURI() + " " + e.target.getURI()))
                    .limit(maxEdges).toList();
        }
        Map<Node, String> labels = labels(dsg, iris);
        Map<Node, Node> origins = Explorer.origins(dsg, facts);
        List<GraphNode> nodes = focus == null ? allNodes(dsg, model, facts) : nodesOf(dsg, model, facts, focus, kept);
        Set<Node> seen = new HashSet<>();
        for (GraphNode n : nodes) seen.add(n.iri());
        List<Edge> list = kept.stream().filter(e -> seen.contains(e.source) && seen.contains(e.target))
                .map(e -> e.build(labels.getOrDefault(e.relationship, Pages.local(e.relationship)), origins)).toList();
        return new EntityGraph(nodes, list, total);
    }

    /** Every entity of the declared kinds, by IRI. */
    private static List<GraphNode> allNodes(DatasetGraph dsg, FactModel model, Node facts) {
        List<GraphNode> nodes = new ArrayList<>();
        Set<Node> seen = new HashSet<>();
        Sparql.forEach(dsg, nodes(model), Map.of("facts", facts), s -> {
            Node x = s.get("x").asNode();
            if (seen.add(x)) nodes.add(new GraphNode(x, Pages.local(s.get("t").asNode()), s.getLiteral("label").getString()));
        });
        return nodes;
    }

    /** The focus and the entities at the ends of the edges, by IRI, each with its first declared class (by IRI). */
    private static List<GraphNode> nodesOf(DatasetGraph dsg, FactModel model, Node facts, Node focus, Collection<EdgeBuilder> edges) {
        Set<Node> wanted = new java.util.TreeSet<>(Comparator.comparing(Node::getURI));
        wanted.add(focus);
        for (EdgeBuilder e : edges) {
            wanted.add(e.source);
            wanted.add(e.target);
        }
        Set<Node> classes = new HashSet<>(model.entityClasses());
        Map<Node, GraphNode> found = new HashMap<>();
        Sparql.forEach(dsg, Sparql.parse("SELECT ?x ?t ?label WHERE { VALUES ?x {" + Sparql.iris(wanted) + " } GRAPH ?facts { ?x a ?t } "
                + "OPTIONAL { ?x rdfs:label ?l FILTER(LANGMATCHES(LANG(?l), \"en\")) } "
                + "BIND(COALESCE(?l, STR(?x)) AS ?label) } ORDER BY ?x ?t"), Map.of("facts", facts), s -> {
            Node t = s.get("t").asNode();
            if (classes.contains(t)) found.putIfAbsent(s.get("x").asNode(), new GraphNode(s.get("x").asNode(), Pages.local(t), s.getLiteral("label").getString()));
        });
        return wanted.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
    }

    private static final Query PROPERTY_LABELS = Sparql.parse("""
            SELECT ?p ?label WHERE { GRAPH ?ontology { ?p a ?type ; rdfs:label ?label
              FILTER(?type IN (owl:ObjectProperty, owl:DatatypeProperty, rdf:Property) && LANGMATCHES(LANG(?label), "en")) } }""");

    /** The properties' English labels, from the ontology graph. */
    private static Map<Node, String> labels(DatasetGraph dsg, Iris iris) {
        Map<Node, String> labels = new HashMap<>();
        Sparql.forEach(dsg, PROPERTY_LABELS, Map.of("ontology", iris.graph(Iris.ONTOLOGY_GRAPH)),
                s -> labels.putIfAbsent(s.get("p").asNode(), s.getLiteral("label").getString()));
        return labels;
    }

    /**
     * A date known to a year, a month or a day ({@code 2015}, {@code 2015-12}, {@code 2015-12-11}) as
     * the first day of its period, or null when it is none of these.
     */
    static LocalDate startOf(String date) {
        try {
            return switch (date.length()) {
                case 4 -> LocalDate.of(Integer.parseInt(date), 1, 1);
                case 7 -> java.time.YearMonth.parse(date).atDay(1);
                default -> LocalDate.parse(date);
            };
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static final class EdgeBuilder {
        final Node source;
        final Node relationship;
        final Node target;
        final Set<Node> statements = new LinkedHashSet<>();
        final Set<Node> articles = new LinkedHashSet<>();
        final Map<Node, LocalDate> claimDates = new HashMap<>();
        final Map<Node, Amount> amounts = new HashMap<>();
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

        Edge build(String label, Map<Node, Node> origins) {
            int independent = (int) articles.stream().map(a -> origins.getOrDefault(a, a)).distinct().count();
            Comparator<Node> byDate = Comparator.comparing((Node f) -> claimDates.getOrDefault(f, LocalDate.MAX))
                    .thenComparing(Node::getURI);
            List<Amount> stated = amounts.keySet().stream().sorted(byDate).map(amounts::get).toList();
            LocalDate start = claimDates.values().stream().min(Comparator.naturalOrder()).orElse(null);
            return new Edge(source, relationship, label, target, statements, articles, independent, disputed, stated, start,
                    first, last);
        }
    }
}
