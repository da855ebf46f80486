package org.articlekg.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.sparql.core.DatasetGraph;
import org.articlekg.load.Iris;

/**
 * The HTML documentation of the ontology: classes, properties and concepts with their labels and
 * comments, rendered by {@code templates/ontology.mustache}.
 */
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

    /** A term of the ontology: its local name, labels, comments and the terms it relates to. */
    public record Term(String name, String en, String fr, String comment, String commentFr, List<String> notes) {}

    /** The terms of one kind (classes, object properties ...). */
    public record Group(String id, String heading, List<Term> terms) {}

    /** The page's view model. */
    public record View(String title, List<Group> groups, List<Pages.Section> toc) {
        public boolean longPage() { return true; }
    }

    /** The page, from the ontology graph of the served dataset. */
    public static String html(DatasetGraph dsg, Iris iris) {
        List<Group> groups = new ArrayList<>();
        List<Term> current = null;
        String kind = null;
        String term = null;
        for (QuerySolution s : Sparql.select(dsg, TERMS, Map.of("onto", iris.graph(Iris.ONTOLOGY_GRAPH)))) {
            String k = s.getLiteral("kind").getString();
            Node t = s.get("term").asNode();
            if (!k.equals(kind)) {
                current = new ArrayList<>();
                groups.add(new Group(k.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'), k, current));
                kind = k;
            }
            if (t.getURI().equals(term)) continue;
            term = t.getURI();
            List<String> notes = new ArrayList<>();
            for (String[] extra : List.of(new String[] {"super", "sub-term of"}, new String[] {"domain", "domain"},
                    new String[] {"range", "range"})) {
                if (s.contains(extra[0])) notes.add(extra[1] + ": " + s.get(extra[0]).toString());
            }
            current.add(new Term(Pages.local(t), text(s, "en"), text(s, "fr"), text(s, "comment"), text(s, "commentFr"), notes));
        }
        return Templates.render("ontology", new View("Ontology", groups,
                groups.stream().map(g -> new Pages.Section(g.id(), g.heading())).toList()));
    }

    private static String text(QuerySolution s, String var) {
        return s.contains(var) ? s.getLiteral(var).getString() : null;
    }
}
