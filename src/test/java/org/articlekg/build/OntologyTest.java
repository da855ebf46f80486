package org.articlekg.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.articlekg.KgException;
import org.articlekg.vocab.AKG;
import org.articlekg.vocab.PROV;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The super-class and super-property closures of the ontology, and the stream that materialises them. */
class OntologyTest {
    static final Node SCHEMA_ORGANIZATION = NodeFactory.createURI("https://schema.org/Organization");
    static final Node SCHEMA_CORPORATION = NodeFactory.createURI("https://schema.org/Corporation");
    static final Node PROV_AGENT = NodeFactory.createURI(PROV.NS + "Agent");
    static final Node PROV_PRIMARY_SOURCE = NodeFactory.createURI(PROV.NS + "hadPrimarySource");

    @TempDir Path tmp;

    @Test
    void superClassesAreTransitiveAndExcludeTheClassItself() {
        Ontology o = Ontology.read(Path.of("ontology"));
        Set<Node> supers = o.superClassesOf(AKG.Company);
        assertTrue(supers.containsAll(Set.of(AKG.Organization, SCHEMA_CORPORATION, SCHEMA_ORGANIZATION, PROV_AGENT)), supers::toString);
        assertFalse(supers.contains(AKG.Company));
        assertTrue(o.superClassesOf(AKG.Investment).contains(NodeFactory.createURI(PROV.NS + "Entity")));
        assertEquals(Set.of(), o.superClassesOf(NodeFactory.createURI("urn:unknown")));
    }

    @Test
    void superPropertiesAreTransitive() {
        Ontology o = Ontology.read(Path.of("ontology"));
        assertTrue(o.superPropertiesOf(AKG.statedIn).contains(PROV_PRIMARY_SOURCE));
        assertTrue(o.superPropertiesOf(AKG.reportedIn).contains(NodeFactory.createURI("http://purl.org/dc/terms/source")));
        assertFalse(o.superPropertiesOf(AKG.statedIn).contains(AKG.statedIn));
    }

    @Test
    void cyclesInTheHierarchyEndAndLeaveOutTheStartingClass() {
        org.apache.jena.graph.Graph g = org.articlekg.DataFixture.turtle("""
                @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
                <urn:test:a> rdfs:subClassOf <urn:test:b> . <urn:test:b> rdfs:subClassOf <urn:test:c> . <urn:test:c> rdfs:subClassOf <urn:test:a> .
                """);
        assertEquals(Set.of(NodeFactory.createURI("urn:test:b"), NodeFactory.createURI("urn:test:c")),
                org.articlekg.load.TransitiveClosure.of(g, org.apache.jena.vocabulary.RDFS.subClassOf.asNode())
                        .get(NodeFactory.createURI("urn:test:a")));
    }

    @Test
    void missingShapesFileIsAnErrorNamingTheFile() throws IOException {
        Path dir = org.articlekg.DataFixture.copyTree(Path.of("ontology"), tmp.resolve("onto"));
        Files.delete(dir.resolve(Ontology.SHAPES_FILE));
        KgException e = assertThrows(KgException.class, () -> Ontology.read(dir));
        assertTrue(e.getMessage().contains(Ontology.SHAPES_FILE), e.getMessage());
    }

    @Test
    void inferenceStreamStoresTheOntologysOwnEntailmentsAndSendsTheAlignmentsToOtherVocabulariesApart() {
        Ontology o = Ontology.read(Path.of("ontology"));
        Node facts = NodeFactory.createURI("urn:g:facts");
        Node inferred = NodeFactory.createURI("urn:g:inferred");
        Node alignments = NodeFactory.createURI("urn:g:alignments");
        DatasetGraph dsg = DatasetGraphFactory.create();
        DatasetGraph dumpsOnly = DatasetGraphFactory.create();
        StreamRDF s = GraphStreams.withInference(StreamRDFLib.dataset(dsg), StreamRDFLib.dataset(dumpsOnly), o, facts, inferred, alignments);
        Node x = NodeFactory.createURI("urn:x");
        Node e = NodeFactory.createURI("urn:e");
        Node a = NodeFactory.createURI("urn:a");
        s.start();
        s.triple(Triple.create(x, RDF.type.asNode(), AKG.Company));
        s.triple(Triple.create(e, AKG.statedIn, a));
        s.finish();
        assertTrue(dsg.contains(facts, x, RDF.type.asNode(), AKG.Company));
        assertTrue(dsg.contains(inferred, x, RDF.type.asNode(), AKG.Organization));
        assertFalse(dsg.contains(Node.ANY, x, RDF.type.asNode(), SCHEMA_ORGANIZATION), "alignments are not stored");
        assertTrue(dumpsOnly.contains(alignments, x, RDF.type.asNode(), SCHEMA_ORGANIZATION));
        assertTrue(dumpsOnly.contains(alignments, x, RDF.type.asNode(), SCHEMA_CORPORATION));
        assertFalse(dumpsOnly.contains(Node.ANY, x, RDF.type.asNode(), AKG.Organization), "the ontology's own entailments are stored, once");
        assertFalse(dsg.contains(inferred, x, RDF.type.asNode(), AKG.Company), "asserted triples are not repeated");
        assertFalse(dsg.contains(facts, x, RDF.type.asNode(), AKG.Organization), "inferences stay out of the facts graph");
        assertTrue(dsg.contains(facts, e, AKG.statedIn, a));
        assertFalse(dsg.contains(Node.ANY, e, PROV_PRIMARY_SOURCE, a));
        assertTrue(dumpsOnly.contains(alignments, e, PROV_PRIMARY_SOURCE, a));
    }

    @Test
    void theBuildStoresTheEntailmentsOfTheOntologysOwnNamespaceOnly() {
        Ontology o = Ontology.read(Path.of("ontology"));
        assertTrue(o.stores(AKG.Organization));
        assertTrue(o.stores(AKG.Fact));
        assertFalse(o.stores(SCHEMA_ORGANIZATION));
        assertFalse(o.stores(PROV_PRIMARY_SOURCE));
    }
}
