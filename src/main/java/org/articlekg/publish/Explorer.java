package org.articlekg.publish;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.articlekg.load.Column;
import org.articlekg.load.FactModel;
import org.articlekg.load.Iris;
import org.articlekg.load.Kind;
import org.articlekg.load.TableSchema;
import org.articlekg.load.ValueType;
import org.articlekg.publish.GraphEdges.Edge;
import org.articlekg.publish.GraphEdges.EntityGraph;
import org.articlekg.publish.GraphEdges.GraphNode;
import org.articlekg.vocab.AKG;

/**
 * The JSON the explorer page reads (and any other client may): entity search, and an entity's
 * neighbourhood in Cytoscape.js's element format, each edge with the statements behind it and
 * their sources, quotes and attributions.
 */
public final class Explorer {
    /** The most edges an entity's neighbourhood has (the saved query entity-neighbourhood pages through them all). */
    public static final int EDGES_SHOWN = 100;
    /** The most statements an edge lists with their sources ({@code factsTotal} says how many it has). */
    public static final int STATEMENTS_SHOWN = 10;

    private Explorer() {}

    /** Entities of the declared kinds whose names match; the classes are filled in from the fact model. */
    private static final String SEARCH = """
            PREFIX text: <http://jena.apache.org/text#>
            SELECT ?s (MAX(?sc) AS ?score) (SAMPLE(?t) AS ?type) (SAMPLE(?l) AS ?label) WHERE {
              (?s ?sc) text:query (?lucene 50) .
              VALUES ?t {%s }
              GRAPH ?facts { ?s a ?t }
              ?s rdfs:label ?l FILTER(LANGMATCHES(LANG(?l), "en"))
            } GROUP BY ?s ORDER BY DESC(?score) LIMIT 20""";

    private static final Query ARTICLE_OUTLETS = Sparql.parse("""
            SELECT ?a ?outlet WHERE { GRAPH ?facts { ?a a akg:Article OPTIONAL { ?a akg:cites ?outlet } } } ORDER BY ?a""");

    private static final Query EVIDENCE = Sparql.parse("""
            SELECT ?label ?ev ?article ?title ?quote WHERE {
              ?this rdfs:label ?label ; prov:wasDerivedFrom ?ev . FILTER(LANGMATCHES(LANG(?label), "en"))
              ?ev akg:statedIn ?article ; akg:quote ?quote .
              ?article dcterms:title ?title .
            } ORDER BY ?article""");

    /**
     * Entities whose names or aliases match the words typed (prefix match, case and accents
     * ignored), best first: a name or alias equal to the words typed ("Microsoft" for
     * {@code microsoft}), then names starting with them, then the others; within each, shorter
     * names first, then by the search engine's score.
     */
    public static JsonArray search(DatasetGraph dsg, Iris iris, String typed) {
        JsonArray out = new JsonArray();
        StringBuilder lucene = new StringBuilder();
        for (String word : typed.strip().split("\\s+")) {
            if (word.isEmpty()) continue;
            String w = QueryParser.escape(word.toLowerCase(java.util.Locale.ROOT));
            if (!lucene.isEmpty()) lucene.append(" AND ");
            lucene.append("(label:").append(w).append("* OR alias:").append(w).append("*)");
        }
        if (lucene.isEmpty()) return out;
        Map<String, Node> b = new HashMap<>();
        b.put("lucene", NodeFactory.createLiteralString(lucene.toString()));
        b.put("facts", iris.graph(Iris.FACTS_GRAPH));
        StringBuilder classes = new StringBuilder();
        FactModel model = Kinds.of(dsg, iris);
        for (Node c : model.entityClasses()) classes.append(" <").append(c.getURI()).append('>');
        String wanted = folded(typed.strip().replaceAll("\\s+", " "));
        record Hit(JsonObject json, int rank, int length, double score) {}
        List<Hit> hits = new ArrayList<>();
        for (QuerySolution s : Sparql.select(dsg, Sparql.parse(SEARCH.formatted(classes)), b)) {
            Node iri = s.get("s").asNode();
            Node type = s.get("type").asNode();
            String label = s.getLiteral("label").getString();
            JsonObject o = new JsonObject();
            o.put("iri", iri.getURI());
            o.put("label", label);
            o.put("labels", byLanguage(names(dsg, iri, RDFS.label.asNode())));
            o.put("type", Pages.local(type));
            o.put("typeLabels", byLanguage(model.labels(type)));
            o.put("page", page(iris, iri));
            int rank = 2;
            List<String> names = new ArrayList<>(names(dsg, iri, RDFS.label.asNode()).values());
            names.addAll(names(dsg, iri, SKOS.altLabel.asNode()).values());
            for (String name : names) {
                String f = folded(name);
                if (f.equals(wanted)) rank = 0;
                else if (rank > 1 && f.startsWith(wanted)) rank = 1;
            }
            hits.add(new Hit(o, rank, label.length(), s.getLiteral("score").getDouble()));
        }
        hits.sort(Comparator.comparingInt(Hit::rank).thenComparingInt(Hit::length)
                .thenComparing(Comparator.comparingDouble(Hit::score).reversed()));
        for (Hit h : hits) out.add(h.json());
        return out;
    }

    /** A name as search compares it: lower case, without accents. */
    private static String folded(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }

    /** The literals of a property of a node in the facts, by language tag (the first of each language; "" for none). */
    private static Map<String, String> names(DatasetGraph dsg, Node s, Node p) {
        Map<String, String> byLang = new TreeMap<>();
        dsg.find(Node.ANY, s, p, Node.ANY).forEachRemaining(q -> {
            if (q.getObject().isLiteral()) byLang.putIfAbsent(q.getObject().getLiteralLanguage(), q.getObject().getLiteralLexicalForm());
        });
        return byLang;
    }

    private static JsonObject byLanguage(Map<String, String> labels) {
        JsonObject o = new JsonObject();
        new TreeMap<>(labels).forEach((lang, label) -> { if (!lang.isEmpty()) o.put(lang, label); });
        return o;
    }

    /**
     * The types entities can have, in the order the kinds declare them: each with its kind
     * ({@code person}, {@code organization} ...: the explorer draws a kind with one shape and a
     * type with one colour) and its labels.
     */
    static JsonArray types(FactModel model) {
        JsonArray out = new JsonArray();
        for (TableSchema t : model.withRole(Kind.Role.ENTITY)) {
            List<Node> classes = new ArrayList<>();
            if (t.rdfClass() != null) classes.add(t.rdfClass());
            for (Column c : t.columns()) {
                if (c.type() == ValueType.ENUM && RDF.type.asNode().equals(c.predicate())) classes.addAll(c.values().values());
            }
            for (Node c : classes) {
                JsonObject o = new JsonObject();
                o.put("type", Pages.local(c));
                o.put("kind", t.kind().name());
                o.put("labels", byLanguage(model.labels(c)));
                out.add(o);
            }
        }
        return out;
    }

    /**
     * An entity's neighbourhood as Cytoscape.js elements. Each edge carries its number of sources
     * (articles) and of independent origins, and its statements; each statement its event, what it
     * refines, and its sources with the quote and who says it (the article itself, or a named
     * person or organisation through a channel), allegations and speculation flagged. At most
     * {@link #EDGES_SHOWN} edges, those with the most articles ({@code edgesTotal} says how many
     * there are), each with at most {@link #STATEMENTS_SHOWN} statements ({@code factsTotal}).
     */
    public static JsonObject neighbourhood(DatasetGraph dsg, Iris iris, Node focus) {
        EntityGraph g = GraphEdges.around(dsg, iris, focus, EDGES_SHOWN);
        FactModel model = Kinds.of(dsg, iris);
        Pages pages = new Pages(dsg, iris);
        Node factsGraph = iris.graph(Iris.FACTS_GRAPH);
        JsonArray nodes = new JsonArray();
        for (GraphNode n : g.nodes()) {
            JsonObject data = new JsonObject();
            data.put("id", n.iri().getURI());
            data.put("label", n.label());
            data.put("labels", byLanguage(names(dsg, n.iri(), RDFS.label.asNode())));
            data.put("type", n.type());
            data.put("page", page(iris, n.iri()));
            nodes.add(wrap(data));
        }
        JsonArray edges = new JsonArray();
        for (Edge e : g.edges()) {
            JsonObject data = new JsonObject();
            data.put("id", e.source().getURI() + " " + e.relationshipName() + " " + e.target().getURI());
            data.put("source", e.source().getURI());
            data.put("target", e.target().getURI());
            data.put("relationship", e.relationshipName());
            data.put("property", e.relationship().getURI());
            JsonObject labels = byLanguage(model.labels(e.relationship()));
            if (!labels.hasKey("en")) labels.put("en", e.relationshipLabel());
            data.put("labels", labels);
            data.put("sources", e.articles().size());
            data.put("origins", e.origins());
            data.put("disputed", e.disputed());
            if (e.firstReported() != null) data.put("firstReported", e.firstReported());
            if (e.lastReported() != null) data.put("lastReported", e.lastReported());
            JsonArray facts = new JsonArray();
            for (Node f : e.statements().stream().sorted(java.util.Comparator.comparing(Node::getURI)).limit(STATEMENTS_SHOWN).toList()) {
                facts.add(statement(dsg, iris, pages, factsGraph, f));
            }
            data.put("facts", facts);
            data.put("factsTotal", e.statements().size());
            edges.add(wrap(data));
        }
        JsonObject out = new JsonObject();
        out.put("focus", focus.getURI());
        out.put("edgesTotal", g.edgesTotal());
        out.put("nodes", nodes);
        out.put("edges", edges);
        out.put("types", types(model));
        return out;
    }

    private static JsonObject statement(DatasetGraph dsg, Iris iris, Pages pages, Node factsGraph, Node f) {
        JsonObject fact = new JsonObject();
        fact.put("iri", f.getURI());
        fact.put("page", page(iris, f));
        Node event = first(dsg, factsGraph, f, AKG.event);
        if (event != null) {
            fact.put("event", event.getURI());
            fact.put("eventPage", page(iris, event));
            fact.put("eventLabel", pages.label(event));
        }
        Node articles = first(dsg, factsGraph, f, AKG.articleCount);
        Node origins = first(dsg, factsGraph, f, AKG.originCount);
        if (articles != null) fact.put("articles", Long.parseLong(articles.getLiteralLexicalForm()));
        if (origins != null) fact.put("origins", Long.parseLong(origins.getLiteralLexicalForm()));
        fact.put("disputed", dsg.contains(factsGraph, f, AKG.conflictsWith, Node.ANY));
        JsonArray refines = new JsonArray();
        dsg.find(factsGraph, f, AKG.refines, Node.ANY).forEachRemaining(q -> refines.add(link(iris, pages, q.getObject())));
        if (!refines.isEmpty()) fact.put("refines", refines);
        JsonArray sources = new JsonArray();
        for (QuerySolution s : Sparql.select(dsg, EVIDENCE, Map.of("this", f))) {
            fact.put("label", s.getLiteral("label").getString());
            JsonObject src = new JsonObject();
            src.put("article", s.get("article").asNode().getURI());
            src.put("page", page(iris, s.get("article").asNode()));
            src.put("title", s.getLiteral("title").getString());
            src.put("quote", s.getLiteral("quote").getString());
            Attribution a = Attribution.of(dsg, factsGraph, s.get("ev").asNode());
            src.put("who", a.lead());
            JsonArray saidBy = new JsonArray();
            for (Node by : a.saidBy()) saidBy.add(link(iris, pages, by));
            src.put("saidBy", saidBy);
            if (a.channel() != null) src.put("channel", pages.label(a.channel()));
            if (a.mode() != null) {
                src.put("mode", Pages.local(a.mode()));
                src.put("modeLabel", pages.label(a.mode()));
            }
            src.put("notEstablished", a.notEstablished());
            sources.add(src);
        }
        fact.put("sources", sources);
        return fact;
    }

    private static JsonObject link(Iris iris, Pages pages, Node n) {
        JsonObject o = new JsonObject();
        o.put("iri", n.getURI());
        o.put("label", pages.label(n));
        o.put("page", page(iris, n));
        return o;
    }

    private static Node first(DatasetGraph dsg, Node g, Node s, Node p) {
        var it = dsg.find(g, s, p, Node.ANY);
        return it.hasNext() ? it.next().getObject() : null;
    }

    /**
     * Each article's origin, as the build counts them: articles naming the same outlet among their
     * sources ({@code akg:cites}) are one origin, transitively; an article citing none is its own.
     */
    static Map<Node, Node> origins(DatasetGraph dsg, Node factsGraph) {
        // computed outside the map's lock: a first computation holds up no other dataset's reader
        Map<Node, Node> known = ORIGINS.get(dsg);
        if (known != null) return known;
        Map<Node, Node> computed = originsOf(dsg, factsGraph);
        Map<Node, Node> raced = ORIGINS.putIfAbsent(dsg, computed);
        return raced == null ? computed : raced;
    }

    /**
     * The origins of each dataset read: a build is never changed once built (a dataset written to
     * after its neighbourhoods were drawn would keep the origins it had), and reading every
     * article's outlets costs 1.8 s at 25,000 articles, for each neighbourhood drawn.
     */
    private static final Map<DatasetGraph, Map<Node, Node>> ORIGINS = java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    private static Map<Node, Node> originsOf(DatasetGraph dsg, Node factsGraph) {
        Map<Node, Node> parent = new HashMap<>();
        Map<Node, Node> byOutlet = new HashMap<>();
        for (QuerySolution s : Sparql.select(dsg, ARTICLE_OUTLETS, Map.of("facts", factsGraph))) {
            Node a = s.get("a").asNode();
            parent.putIfAbsent(a, a);
            if (!s.contains("outlet")) continue;
            Node other = byOutlet.putIfAbsent(s.get("outlet").asNode(), a);
            if (other != null) parent.put(root(parent, a), root(parent, other));
        }
        Map<Node, Node> origin = new HashMap<>();
        for (Node a : parent.keySet()) origin.put(a, root(parent, a));
        return Map.copyOf(origin);
    }

    private static Node root(Map<Node, Node> parent, Node n) {
        Node p = parent.getOrDefault(n, n);
        while (!p.equals(n)) {
            n = p;
            p = parent.getOrDefault(n, n);
        }
        return n;
    }

    private static String page(Iris iris, Node n) {
        String u = n.getURI();
        return u.startsWith(iris.base()) ? "/" + u.substring(iris.base().length()) : u;
    }

    private static JsonObject wrap(JsonObject data) {
        JsonObject o = new JsonObject();
        o.put("data", data);
        return o;
    }
}
