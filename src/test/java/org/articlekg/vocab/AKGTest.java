package org.articlekg.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.articlekg.load.Column;
import org.articlekg.load.FactModel;
import org.articlekg.load.PartialDate;
import org.articlekg.load.TableSchema;
import org.articlekg.load.ValueType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Java constants and the concepts the loaders write agree with ontology/article-kg.ttl. */
class AKGTest {
    private static final Path ONTOLOGY = Path.of("ontology", "article-kg.ttl");
    private static final Path SHAPES = Path.of("ontology", "shapes.ttl");
    private static Graph ontology;

    @BeforeAll
    static void readOntology() {
        ontology = RDFParser.source(ONTOLOGY).toGraph();
    }

    private static boolean declared(Node term) {
        return ontology.contains(term, RDF.type.asNode(), Node.ANY);
    }

    private static List<Node> constants() throws IllegalAccessException {
        List<Node> nodes = new ArrayList<>();
        for (Field f : AKG.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == Node.class) nodes.add((Node) f.get(null));
        }
        return nodes;
    }

    @Test
    void everyConstantIsDeclaredInTheOntologyFile() throws IllegalAccessException {
        List<Node> constants = constants();
        assertTrue(constants.size() > 80, "reflection found the constants: " + constants.size());
        List<String> missing = constants.stream().filter(n -> !declared(n)).map(Node::getURI).toList();
        assertEquals(List.of(), missing, "constants of AKG without an rdf:type in " + ONTOLOGY);
    }

    @Test
    void everyClassAndPropertyOfTheOntologyHasAConstant() throws IllegalAccessException {
        Set<Node> constants = Set.copyOf(constants());
        Set<String> missing = new TreeSet<>();
        for (Node type : List.of(OWL.Class.asNode(), OWL.ObjectProperty.asNode(), OWL.DatatypeProperty.asNode(),
                OWL.SymmetricProperty.asNode())) {
            ontology.find(Node.ANY, RDF.type.asNode(), type).forEachRemaining((Triple t) -> {
                Node s = t.getSubject();
                if (s.isURI() && s.getURI().startsWith(AKG.NS) && !constants.contains(s)
                        && !ontology.contains(s, RDFS.subClassOf.asNode(), NodeFactory.createURI(AKG.NS + "Concept"))
                        && !s.getURI().equals(AKG.NS + "Concept")) {
                    missing.add(s.getURI());
                }
            });
        }
        assertEquals(Set.of(), missing, "ontology terms (other than concept classes) without a constant in AKG");
    }

    @Test
    void everyConceptAndClassTheLoadersWriteExistsInTheOntology() {
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (TableSchema table : FactModel.read(Path.of("ontology")).tables()) {
            for (Column c : table.columns()) {
                List<Node> written = new ArrayList<>(c.values().values());
                if (c.predicate() != null && c.predicate().getURI().startsWith(AKG.NS)) written.add(c.predicate());
                if (c.precisionPredicate() != null) written.add(c.precisionPredicate());
                if (table.rdfClass() != null) written.add(table.rdfClass());
                for (Node n : written) {
                    checked++;
                    if (!declared(n)) missing.add(table.kind().fileName() + " " + c.name() + " → " + n.getURI());
                }
            }
            for (var sc : table.shortcuts()) {
                checked++;
                if (!declared(sc.property())) missing.add(table.kind().fileName() + " shortcut → " + sc.property().getURI());
            }
        }
        for (PartialDate.Precision p : PartialDate.Precision.values()) {
            checked++;
            if (!declared(AKG.concept("precision", p.id()))) missing.add("precision " + p.id());
        }
        assertTrue(checked > 150, "checked " + checked);
        assertEquals(List.of(), missing);
    }

    @Test
    void everyEnumeratedConceptIsOfItsCategorysClassAndNotatedWithItsCsvValue() {
        List<String> wrong = new ArrayList<>();
        for (TableSchema table : FactModel.read(Path.of("ontology")).tables()) {
            for (Column c : table.columns()) {
                if (c.type() != ValueType.ENUM || c.predicate().equals(RDF.type.asNode())) continue;
                c.values().forEach((csv, node) -> {
                    if (!ontology.contains(node, NodeFactory.createURI("http://www.w3.org/2004/02/skos/core#notation"),
                            NodeFactory.createLiteralString(csv))) {
                        wrong.add(table.kind().fileName() + " " + c.name() + " '" + csv + "' → " + node.getURI() + " has no skos:notation \"" + csv + "\"");
                    }
                });
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void conceptNamesFollowTheCategoryValueRuleWithUnderscoresAsHyphens() {
        assertEquals(AKG.NS + "investment-kind-cloud-credits", AKG.concept("investment-kind", "cloud_credits").getURI());
        assertEquals(AKG.NS + "title-chief-scientist", AKG.concept("title", "chief_scientist").getURI());
        assertEquals(AKG.NS + "status-completed", AKG.concept("status", "completed").getURI());
    }

    @Test
    void everyOntologyTermUsedInTheShapesIsDeclared() {
        Graph shapes = RDFParser.source(SHAPES).toGraph();
        Set<String> undeclared = new TreeSet<>();
        shapes.find().forEachRemaining((Triple t) -> {
            for (Node n : List.of(t.getSubject(), t.getPredicate(), t.getObject())) {
                if (n.isURI() && n.getURI().startsWith(AKG.NS) && !declared(n)) undeclared.add(n.getURI());
            }
        });
        assertEquals(Set.of(), undeclared);
    }

    @Test
    void namespaceAndOntologyIriMatchTheFile() {
        assertTrue(ontology.contains(NodeFactory.createURI(AKG.ONTOLOGY_IRI), RDF.type.asNode(), OWL.Ontology.asNode()));
        assertEquals(AKG.ONTOLOGY_IRI + "#", AKG.NS);
        assertTrue(ontology.contains(AKG.conflictsWith, RDF.type.asNode(), OWL.SymmetricProperty.asNode()),
                "conflictsWith is written both ways, as a symmetric property");
    }
}
