package org.articlekg.publish;

import java.util.HashMap;
import java.util.Map;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.articlekg.load.Iris;
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

    /** Entities whose names or aliases match the words typed (prefix match, case and accents ignored). */
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
        for (Node c : Kinds.of(dsg, iris).entityClasses()) classes.append(" <").append(c.getURI()).append('>');
        for (QuerySolution s : Sparql.select(dsg, Sparql.parse(SEARCH.formatted(classes)), b)) {
            JsonObject o = new JsonObject();
            o.put("iri", s.get("s").asNode().getURI());
            o.put("label", s.getLiteral("label").getString());
            o.put("type", Pages.local(s.get("type").asNode()));
            out.add(o);
        }
        return out;
    }

    /**
     * An entity's neighbourhood as Cytoscape.js elements. Each edge carries its number of sources
     * (articles) and of independent origins, and its statements; each statement its event, what it
     * refines, and its sources with the quote and who says it (the article itself, or a named
     * person or organisation through a channel), allegations and speculation flagged.
     */
    public static JsonObject neighbourhood(DatasetGraph dsg, Iris iris, Node focus) {
        EntityGraph g = GraphEdges.around(dsg, iris, focus);
        Pages pages = new Pages(dsg, iris);
        Node factsGraph = iris.graph(Iris.FACTS_GRAPH);
        JsonArray nodes = new JsonArray();
        for (GraphNode n : g.nodes()) {
            JsonObject data = new JsonObject();
            data.put("id", n.iri().getURI());
            data.put("label", n.label());
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
            data.put("sources", e.articles().size());
            data.put("origins", e.origins());
            data.put("disputed", e.disputed());
            if (e.firstReported() != null) data.put("firstReported", e.firstReported());
            if (e.lastReported() != null) data.put("lastReported", e.lastReported());
            JsonArray facts = new JsonArray();
            for (Node f : e.statements().stream().sorted(java.util.Comparator.comparing(Node::getURI)).toList()) {
                facts.add(statement(dsg, iris, pages, factsGraph, f));
            }
            data.put("facts", facts);
            edges.add(wrap(data));
        }
        JsonObject out = new JsonObject();
        out.put("focus", focus.getURI());
        out.put("nodes", nodes);
        out.put("edges", edges);
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
        return origin;
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
