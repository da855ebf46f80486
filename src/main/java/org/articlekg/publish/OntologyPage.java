package org.articlekg.publish;

import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.sparql.core.DatasetGraph;
import org.articlekg.load.Iris;

/** The HTML documentation of the ontology: classes, properties and concepts with their labels and comments. */
public final class OntologyPage {
    private OntologyPage() {}

    private static final Query TERMS = Sparql.parse("""
            SELECT ?term ?kind ?en ?fr ?comment ?commentFr ?super ?domain ?range WHERE {
              GRAPH ?onto {
                VALUES (?type ?kind) { (owl:Class "Classes") (owl:ObjectProperty "Object properties")
                                       (owl:DatatypeProperty "Datatype properties") (skos:Concept "Concepts") }
                ?term a ?type . FILTER(STRSTARTS(STR(?term), STR(akg:)))
                OPTIONAL { ?term rdfs:label ?en FILTER(LANG(?en) = "en") }
                OPTIONAL { ?term rdfs:label ?fr FILTER(LANG(?fr) = "fr") }
                OPTIONAL { ?term rdfs:comment ?comment FILTER(LANG(?comment) = "en") }
                OPTIONAL { ?term rdfs:comment ?commentFr FILTER(LANG(?commentFr) = "fr") }
                OPTIONAL { ?term rdfs:subClassOf|rdfs:subPropertyOf ?super FILTER(isIRI(?super)) }
                OPTIONAL { ?term rdfs:domain ?domain FILTER(isIRI(?domain)) }
                OPTIONAL { ?term rdfs:range ?range FILTER(isIRI(?range)) }
              }
            } ORDER BY ?kind ?term""");

    /** The page, from the ontology graph of the served dataset. */
    public static String html(DatasetGraph dsg, Iris iris) {
        HtmlWriter h = new HtmlWriter().start("Ontology");
        h.markup("<h1>The article-kg ontology</h1><p>Namespace <code>https://w3id.org/article-kg/ontology#</code> (prefix <code>akg:</code>). ")
                .markup("As Turtle: <a href=\"/ontology?format=ttl\">article-kg.ttl</a>. Every term has labels and comments in English and French.</p>");
        String kind = null;
        String term = null;
        for (QuerySolution s : Sparql.select(dsg, TERMS, Map.of("onto", iris.graph(Iris.ONTOLOGY_GRAPH)))) {
            String k = s.getLiteral("kind").getString();
            Node t = s.get("term").asNode();
            if (!k.equals(kind)) {
                h.markup(kind == null ? "" : "</table>").markup("<h2>").text(k).markup("</h2><table>");
                kind = k;
            }
            if (t.getURI().equals(term)) continue;
            term = t.getURI();
            String local = Pages.local(t);
            h.markup("<tr id=\"").text(local).markup("\"><th><code>akg:").text(local).markup("</code></th><td>");
            if (s.contains("en")) h.markup("<b>").text(s.getLiteral("en").getString()).markup("</b>");
            if (s.contains("fr")) h.markup(" · <i lang=\"fr\">").text(s.getLiteral("fr").getString()).markup("</i>");
            if (s.contains("comment")) h.markup("<br>").text(s.getLiteral("comment").getString());
            if (s.contains("commentFr")) h.markup("<br><span class=\"muted\" lang=\"fr\">").text(s.getLiteral("commentFr").getString()).markup("</span>");
            for (String[] extra : List.of(new String[] {"super", "sub-term of"}, new String[] {"domain", "domain"},
                    new String[] {"range", "range"})) {
                if (s.contains(extra[0])) h.markup("<br><span class=\"muted\">").text(extra[1] + ": " + s.get(extra[0]).toString()).markup("</span>");
            }
            h.markup("</td></tr>");
        }
        if (kind != null) h.markup("</table>");
        return h.end();
    }
}
