package org.articlekg.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.apache.jena.graph.Node;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.articlekg.generate.CorpusGenerator;
import org.articlekg.load.FactModel;
import org.articlekg.store.Store;
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
                assertFalse(ontology.handWrittenShapes().contains(t), "kg build leaves out " + t);
            }
        });
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
