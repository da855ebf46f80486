package org.articlekg.query;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.articlekg.load.FactModel;
import org.articlekg.store.ServiceConfig;
import org.articlekg.store.Store;
import org.articlekg.vocab.AKG;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The search query's cut: each field gives its 1,000 best-scoring matches (its description says
 * so), whatever the page asked for; a more precise query reaches the matches past the cut.
 */
class SearchCapTest {
    private static final Path PROJECT = Path.of("").toAbsolutePath();
    private static final int PERSONS = 1_200;
    private static final int BEST = 3;

    @TempDir
    Path build;

    @Test
    void eachFieldGivesItsThousandBestMatchesAndAPreciseQueryReachesTheRest() {
        // a build of 1,200 persons whose names and aliases all hold "robotics", and three whose
        // name is the word alone (the best scores), indexed as the build does
        DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(build.resolve(Store.TDB2).toString());
        Node facts = NodeFactory.createURI("https://kg.example.org/graph/facts");
        Txn.executeWrite(dsg, () -> {
            dsg.add(facts, AKG.Person, RDFS.Nodes.label, NodeFactory.createLiteralLang("person", "en"));
            for (int i = 0; i < PERSONS; i++) {
                Node person = NodeFactory.createURI("https://kg.example.org/id/person/p" + i);
                dsg.add(facts, person, RDF.Nodes.type, AKG.Person);
                dsg.add(facts, person, RDFS.Nodes.label, NodeFactory.createLiteralLang("Robotics Person " + i, "en"));
                dsg.add(facts, person, SKOS.altLabel.asNode(), NodeFactory.createLiteralString("robotics alias number " + i));
            }
            for (int i = 0; i < BEST; i++) {
                Node person = NodeFactory.createURI("https://kg.example.org/id/person/best" + i);
                dsg.add(facts, person, RDF.Nodes.type, AKG.Person);
                dsg.add(facts, person, RDFS.Nodes.label, NodeFactory.createLiteralLang("Robotics", "en"));
            }
        });
        ServiceConfig config = ServiceConfig.read(PROJECT.resolve("fuseki-config").resolve(ServiceConfig.FILE));
        assertEquals(2 * PERSONS + BEST + 1, config.indexText(dsg, build));
        Store.release(dsg);

        QueryLibrary library = QueryLibrary.read(PROJECT.resolve("queries"), FactModel.read(PROJECT.resolve("ontology")));
        Dataset dataset = config.openDataset(build);
        try {
            List<Map<String, String>> all = search(dataset, library, "robotics");
            assertTrue(all.stream().allMatch(r -> r.get("kind").equals("person")), all.get(0).toString());
            List<Map<String, String>> labels = all.stream().filter(r -> r.get("field").equals("label")).toList();
            List<Map<String, String>> aliases = all.stream().filter(r -> r.get("field").equals("alias")).toList();
            assertEquals(1_000, labels.size(), "the label field's 1,000 best matches, of " + (PERSONS + BEST));
            assertEquals(1_000, aliases.size(), "the alias field's own 1,000, of " + PERSONS);
            assertEquals(1_000, labels.stream().map(r -> r.get("match")).distinct().count(), "one row per person");
            assertEquals(BEST, labels.stream().filter(r -> r.get("match_label").equals("Robotics")).count(),
                    "the best-scoring names are among the 1,000");
            assertEquals("Robotics", all.get(0).get("match_label"), "best first");

            // the persons the cut left out are still found by a query that names them
            List<String> shown = labels.stream().map(r -> r.get("match_label")).toList();
            String missing = java.util.stream.IntStream.range(0, PERSONS).mapToObj(i -> "Robotics Person " + i)
                    .filter(name -> !shown.contains(name)).findFirst().orElseThrow();
            List<Map<String, String>> precise = search(dataset, library, "\"" + missing + "\"");
            assertEquals(List.of(missing), precise.stream().map(r -> r.get("match_label")).toList());
        } finally {
            dataset.close();
            Store.release(dataset.asDatasetGraph());
        }
    }

    private static List<Map<String, String>> search(Dataset dataset, QueryLibrary library, String q) {
        return Answers.table(dataset.asDatasetGraph(), library.get("search").bind(Map.of("q", q)));
    }
}
