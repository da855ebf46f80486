package org.articlekg.publish;

import java.util.Map;
import java.util.TreeMap;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.articlekg.load.Column;
import org.articlekg.load.FactModel;
import org.articlekg.load.Iris;
import org.articlekg.load.TableSchema;

/**
 * The classes and properties a query over this graph can name, with their labels, for the query
 * editor's autocompletion: those the ontology graph declares, the classes of the declared kinds
 * and the properties their columns are written with ({@code rdfs:label}, {@code skos:altLabel},
 * {@code dcterms:title} ...), so nothing is asked of an outside vocabulary service.
 */
public final class Terms {
    private Terms() {}

    private static final Query DECLARED = Sparql.parse("""
            SELECT ?term ?kind WHERE { GRAPH ?ontology {
              { ?term a ?t FILTER(?t IN (owl:Class, rdfs:Class)) BIND("class" AS ?kind) }
              UNION
              { ?term a ?t FILTER(?t IN (owl:ObjectProperty, owl:DatatypeProperty, owl:AnnotationProperty, rdf:Property))
                BIND("property" AS ?kind) }
              FILTER(isIRI(?term)) } }""");

    /** {@code {"classes": [{"iri", "labels": {"en", "fr"}}], "properties": [...]}}, each sorted by IRI. */
    public static JsonObject of(DatasetGraph dsg, Iris iris) {
        FactModel model = Kinds.of(dsg, iris);
        Map<String, Node> classes = new TreeMap<>();
        Map<String, Node> properties = new TreeMap<>();
        Sparql.forEach(dsg, DECLARED, Map.of("ontology", iris.graph(Iris.ONTOLOGY_GRAPH)), s -> {
            Node term = s.get("term").asNode();
            ("class".equals(s.getLiteral("kind").getString()) ? classes : properties).put(term.getURI(), term);
        });
        for (Node c : model.entityClasses()) classes.put(c.getURI(), c);
        for (TableSchema t : model.tables()) {
            if (t.rdfClass() != null) classes.put(t.rdfClass().getURI(), t.rdfClass());
            for (Column c : t.columns()) {
                if (c.predicate() != null && c.predicate().isURI()) properties.put(c.predicate().getURI(), c.predicate());
            }
        }
        JsonObject out = new JsonObject();
        out.put("classes", list(model, classes));
        out.put("properties", list(model, properties));
        return out;
    }

    private static JsonArray list(FactModel model, Map<String, Node> terms) {
        JsonArray out = new JsonArray();
        for (Node term : terms.values()) {
            JsonObject o = new JsonObject();
            o.put("iri", term.getURI());
            JsonObject labels = new JsonObject();
            new TreeMap<>(model.labels(term)).forEach((lang, label) -> { if (!lang.isEmpty()) labels.put(lang, label); });
            o.put("labels", labels);
            out.add(o);
        }
        return out;
    }
}
