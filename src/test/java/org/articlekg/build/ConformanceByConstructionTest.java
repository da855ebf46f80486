package org.articlekg.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.articlekg.DataFixture;
import org.articlekg.generate.CorpusGenerator;
import org.articlekg.load.FactModel;
import org.articlekg.store.Store;
import org.articlekg.vocab.AKG;
import org.articlekg.vocab.AKGSH;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kg build} validates the shapes of {@code shapes.ttl} and leaves those of each kind of
 * fact (made from {@code kinds.ttl}) to the loader, which enforces the same declarations row by
 * row. This makes that a tested claim: a build's database conforms to every shape, the declared
 * ones included (the real data: {@code RealDataGraphTest}).
 */
class ConformanceByConstructionTest {
    private static final Path ONTOLOGY = Path.of("ontology");

    @TempDir
    Path tmp;

    @Test
    void theBuildLeavesOutExactlyTheShapesDeclaredForEachKindOfFact() {
        Ontology ontology = Ontology.read(ONTOLOGY);
        FactModel model = ontology.model();
        var declaredTargets = DeclaredShapes.of(model).find(Node.ANY, SHACL.targetClass, Node.ANY).mapWith(t -> t.getObject()).toSet();
        assertEquals(model.facts().size(), declaredTargets.size(), "one declared shape per kind of fact");
        DeclaredShapes.of(model).find().forEachRemaining(t -> {
            assertTrue(ontology.shapes().contains(t) || t.getSubject().isBlank() || t.getObject().isBlank(), "kg validate checks " + t);
            if (t.getSubject().isURI() && t.getSubject().getURI().startsWith(DeclaredShapes.NS)) {
                assertFalse(ontology.buildShapes().contains(t), "kg build leaves out " + t);
            }
        });
    }

    @Test
    void theBuildLeavesOutThePropertyShapesCheckedWhileLoadingAndTheTargetsLeftWithNothingToCheck() {
        Ontology ontology = Ontology.read(ONTOLOGY);
        Node marked = AKGSH.checkedWhileLoading.asNode();
        Set<Node> byLoader = ontology.shapes().find(Node.ANY, marked, Node.ANY).mapWith(Triple::getSubject).toSet();
        assertTrue(byLoader.size() >= 20, "marked property shapes: " + byLoader.size());
        for (Node shape : byLoader) {
            assertTrue(ontology.shapes().contains(Node.ANY, SHACL.property, shape), "kg validate checks " + shape);
            assertFalse(ontology.buildShapes().contains(Node.ANY, SHACL.property, shape), "kg build leaves out " + shape);
        }
        Set<Node> buildTargets = ontology.buildShapes().find(Node.ANY, SHACL.targetClass, Node.ANY).mapWith(Triple::getObject).toSet();
        // every property of a fact, an event and an evidence row is the loader's: their targets go
        for (Node gone : List.of(AKG.Fact, AKG.Event, AKG.Evidence)) {
            assertTrue(ontology.shapes().contains(Node.ANY, SHACL.targetClass, gone), "kg validate targets " + gone);
            assertFalse(buildTargets.contains(gone), "kg build does not read every " + gone);
        }
        // the others are checked by every build
        for (String kept : List.of("Article", "Person", "Organization", "Product", "Disagreement")) {
            assertTrue(buildTargets.contains(NodeFactory.createURI(AKG.NS + kept)), "kg build targets " + kept + ": " + buildTargets);
        }
    }

    @Test
    void aConstraintAUserAddsToTheShapeOfFactsIsCheckedByTheBuild() throws IOException {
        Path ontology = DataFixture.copyTree(ONTOLOGY, tmp.resolve("ontology"));
        Files.writeString(ontology.resolve(Ontology.SHAPES_FILE), """

                akgsh:FactShape sh:property akgsh:Fact-noteRequired .
                akgsh:Fact-noteRequired a sh:PropertyShape ; sh:path akg:note ; sh:minCount 1 ;
                    sh:message "Every fact needs a note here."@en .
                """, StandardOpenOption.APPEND);
        assertTrue(Ontology.read(ontology).buildShapes().contains(Node.ANY, SHACL.targetClass, AKG.Fact), "the shape of facts is kept");
        // so is a shape given a parameter of a custom constraint component (not in SHACL's namespace)
        Path custom = DataFixture.copyTree(ONTOLOGY, tmp.resolve("ontology-custom"));
        Files.writeString(custom.resolve(Ontology.SHAPES_FILE), "\nakgsh:EvidenceShape <http://example.org/maxWords> 25 .\n",
                StandardOpenOption.APPEND);
        assertTrue(Ontology.read(custom).buildShapes().contains(Node.ANY, SHACL.targetClass, AKG.Evidence), "the shape of evidence is kept");
        Path data = tmp.resolve("corpus");
        CorpusGenerator.create().model(FactModel.read(ontology)).articles(20).seed(3).build().writeTo(data);
        Store store = new Store(tmp.resolve("store"));
        GraphBuilder builder = GraphBuilder.create().dataDir(data).ontologyDir(ontology).corpus(null)
                .serviceConfig(Path.of("fuseki-config/config.ttl")).build();
        ShapeCheck.ShapeViolationException e = assertThrows(ShapeCheck.ShapeViolationException.class, () -> builder.buildInto(store));
        assertTrue(e.violations().stream().allMatch(v -> v.contains("akg:note") && v.contains("Every fact needs a note here.")), e.violations().get(0));
        assertTrue(e.violations().size() > 20, "one per fact without a note: " + e.violations().size());
        assertTrue(store.current().isEmpty(), "nothing published");
    }

    @Test
    void aBuildOfAGeneratedCorpusConformsToEveryShapeTheLoaderGuarantees() {
        Path data = tmp.resolve("corpus");
        CorpusGenerator.create().model(FactModel.read(ONTOLOGY)).articles(150).seed(7).build().writeTo(data);
        BuildReport built = GraphBuilder.create().dataDir(data).ontologyDir(ONTOLOGY).corpus(null)
                .serviceConfig(Path.of("fuseki-config/config.ttl")).build().buildInto(new Store(tmp.resolve("store")));
        Ontology ontology = Ontology.read(ONTOLOGY);
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(built.location().resolve(Store.TDB2).toString());
        try {
            // every shape, the declared ones included: no violation
            new ShapeCheck(ontology.shapes(), ontology.graph(), PrefixMapping.Standard)
                    .validate(dsg.getUnionGraph(), null, 2, work -> Txn.executeRead(dsg, work));
            long facts = Txn.calculateRead(dsg, () -> dsg.getUnionGraph().find(Node.ANY, org.apache.jena.vocabulary.RDF.Nodes.type,
                    org.articlekg.vocab.AKG.Fact).toList().size());
            assertTrue(facts > 1000, "claims validated: " + facts);
        } finally {
            TDBInternal.expel(dsg);
        }
    }
}
