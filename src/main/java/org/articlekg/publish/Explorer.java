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

/**
 * The JSON the explorer page reads (and any other client may): entity search, and an entity's
 * neighbourhood in Cytoscape.js's element format, each edge with the statements behind it and
 * their sources and quotes.
 */
public final class Explorer {
    private Explorer() {}

    private static final Query SEARCH = Sparql.parse("""
            PREFIX text: <http://jena.apache.org/text#>
            SELECT ?s (MAX(?sc) AS ?score) (SAMPLE(?t) AS ?type) (SAMPLE(?l) AS ?label) WHERE {
              (?s ?sc) text:query (?lucene 50) .
              GRAPH ?facts { ?s a ?t }
              FILTER(?t IN (akg:Person, akg:Company, akg:Nonprofit, akg:ResearchLab, akg:Incubator, akg:MediaOrganization,
                            akg:Organization, akg:AIModel, akg:Application, akg:Service, akg:Vehicle, akg:Product))
              ?s rdfs:label ?l FILTER(LANGMATCHES(LANG(?l), "en"))
            } GROUP BY ?s ORDER BY DESC(?score) LIMIT 20""");

    private static final Query EVIDENCE = Sparql.parse("""
            SELECT ?label ?article ?title ?quote WHERE {
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
        for (QuerySolution s : Sparql.select(dsg, SEARCH, b)) {
            JsonObject o = new JsonObject();
            o.put("iri", s.get("s").asNode().getURI());
            o.put("label", s.getLiteral("label").getString());
            o.put("type", Pages.local(s.get("type").asNode()));
            out.add(o);
        }
        return out;
    }

    /** An entity's neighbourhood as Cytoscape.js elements. */
    public static JsonObject neighbourhood(DatasetGraph dsg, Iris iris, Node focus) {
        EntityGraph g = GraphEdges.around(dsg, iris, focus);
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
            data.put("disputed", e.disputed());
            if (e.firstReported() != null) data.put("firstReported", e.firstReported());
            if (e.lastReported() != null) data.put("lastReported", e.lastReported());
            JsonArray facts = new JsonArray();
            for (Node f : e.statements()) {
                JsonObject fact = new JsonObject();
                fact.put("iri", f.getURI());
                fact.put("page", page(iris, f));
                JsonArray sources = new JsonArray();
                for (QuerySolution s : Sparql.select(dsg, EVIDENCE, Map.of("this", f))) {
                    fact.put("label", s.getLiteral("label").getString());
                    JsonObject src = new JsonObject();
                    src.put("article", s.get("article").asNode().getURI());
                    src.put("page", page(iris, s.get("article").asNode()));
                    src.put("title", s.getLiteral("title").getString());
                    src.put("quote", s.getLiteral("quote").getString());
                    sources.add(src);
                }
                fact.put("sources", sources);
                facts.add(fact);
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
