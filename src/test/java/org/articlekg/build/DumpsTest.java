package org.articlekg.build;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2Factory;
import org.articlekg.store.LuceneDocs;
import org.articlekg.store.ServiceConfig;
import org.articlekg.store.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dumps a build writes, and the size above which it leaves out JSON-LD. */
class DumpsTest {
    private static final Path PROJECT = Path.of("").toAbsolutePath();

    @TempDir
    Path tmp;

    private BuildReport build(long maxJsonLdQuads, List<String> progress) {
        return GraphBuilder.create().dataDir(PROJECT.resolve("data")).ontologyDir(PROJECT.resolve("ontology"))
                .serviceConfig(PROJECT.resolve("fuseki-config/config.ttl")).corpus(null)
                .maxJsonLdQuads(maxJsonLdQuads).progress(progress::add).build()
                .buildInto(new Store(tmp.resolve("store-" + maxJsonLdQuads)));
    }

    /** The documents of the text index made again from the build's database, in {@code folder}. */
    private List<String> textIndexFromDatabase(BuildReport r, String folder) throws Exception {
        Path fromDatabase = Files.createDirectories(tmp.resolve(folder));
        DatasetGraph stored = TDB2Factory.connectDataset(r.location().resolve(Store.TDB2).toString()).asDatasetGraph();
        try {
            ServiceConfig.read(PROJECT.resolve("fuseki-config/config.ttl")).indexText(stored, fromDatabase);
        } finally {
            Store.release(stored);
        }
        return LuceneDocs.of(fromDatabase);
    }

    @Test
    void everyDumpIsWrittenForASmallGraph() {
        // The default JSON-LD limit follows the heap: at 1 KB per quad (measured: 1 to 2 KB) the
        // writer stays within it; the five-article corpus is far below it.
        assertTrue(GraphBuilder.defaultMaxJsonLdQuads() * 1024 <= Runtime.getRuntime().maxMemory());
        BuildReport r = build(GraphBuilder.defaultMaxJsonLdQuads(), new ArrayList<>());
        for (String name : List.of("article-kg.trig", "article-kg.nq", "article-kg.ttl", "article-kg.jsonld",
                "article-kg.gexf", "article-kg.graphml")) {
            assertTrue(Files.isRegularFile(r.location().resolve("dumps").resolve(name)), name);
        }
    }

    @Test
    void everyRdfDumpHoldsTheStoredStatementsOnce() throws Exception {
        List<String> progress = new ArrayList<>();
        BuildReport r = build(GraphBuilder.MAX_JSONLD_QUADS, progress);
        Path dumps = r.location().resolve("dumps");
        assertTrue(progress.stream().anyMatch(l -> l.startsWith("checking data and loading into TDB2 (and writing the N-Quads, TriG and Turtle dumps)")),
                progress.toString());
        assertFalse(progress.stream().anyMatch(l -> l.contains("rewritten from the database")), progress.toString());
        DatasetGraph stored = TDB2Factory.connectDataset(r.location().resolve("tdb2").toString()).asDatasetGraph();
        try {
            // compared up to the renaming of the ontology's blank nodes: the stored quads, and the
            // alignments to other vocabularies (not stored) that the facts and the ontology imply
            DatasetGraph expected = Txn.calculateRead(stored, () -> {
                DatasetGraph copy = DatasetGraphFactory.create();
                stored.find().forEachRemaining(copy::add);
                return copy;
            });
            Node alignments = NodeFactory.createURI(org.articlekg.load.Iris.DEFAULT_BASE + "graph/alignments");
            String implied = """
                    PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
                    PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                    CONSTRUCT { ?s ?q ?o2 } WHERE {
                      { GRAPH <%1$sgraph/facts> { ?s ?p ?o } GRAPH <%1$sgraph/ontology> { ?p rdfs:subPropertyOf+ ?q }
                        FILTER(isIRI(?q) && !STRSTARTS(STR(?q), "https://w3id.org/article-kg/ontology#")) BIND(?o AS ?o2) }
                      UNION
                      { GRAPH <%1$sgraph/facts> { ?s a ?c } GRAPH <%1$sgraph/ontology> { ?c rdfs:subClassOf+ ?o2 }
                        FILTER(isIRI(?o2) && !STRSTARTS(STR(?o2), "https://w3id.org/article-kg/ontology#")) BIND(rdf:type AS ?q) }
                    }""".formatted(org.articlekg.load.Iris.DEFAULT_BASE);
            Graph alignmentTriples = org.apache.jena.query.QueryExecution.dataset(org.apache.jena.query.DatasetFactory.wrap(expected)).query(implied).construct().getGraph();
            assertTrue(alignmentTriples.size() > 500, "alignments: " + alignmentTriples.size());
            alignmentTriples.find().forEachRemaining(t -> expected.add(alignments, t.getSubject(), t.getPredicate(), t.getObject()));
            // N-Quads is written while loading: one line per quad, none twice
            List<String> lines = Files.readAllLines(dumps.resolve("article-kg.nq"));
            assertEquals(r.totalQuads() + alignmentTriples.size(), lines.size());
            assertEquals(lines.size(), new java.util.HashSet<>(lines).size());
            // graph by graph: the declarations of kinds.ttl give the ontology graph hundreds of blank
            // nodes, which Jena's graph matcher (hashing) handles and the quad matcher does not
            for (String name : List.of("article-kg.nq", "article-kg.trig", "article-kg.jsonld")) {
                DatasetGraph dump = RDFDataMgr.loadDatasetGraph(dumps.resolve(name).toString());
                assertEquals(org.apache.jena.atlas.iterator.Iter.toSet(expected.listGraphNodes()),
                        org.apache.jena.atlas.iterator.Iter.toSet(dump.listGraphNodes()), name);
                assertTrue(expected.getDefaultGraph().isIsomorphicWith(dump.getDefaultGraph()), name);
                expected.listGraphNodes().forEachRemaining(g -> assertTrue(expected.getGraph(g).isIsomorphicWith(dump.getGraph(g)), name + " " + g));
            }
            // the VoID partitions, counted while loading, agree with the database
            expected.removeGraph(alignments);
            Graph description = RDFDataMgr.loadGraph(r.location().resolve(Store.VOID).toString());
            String v = "http://rdfs.org/ns/void#";
            var properties = description.find(Node.ANY, NodeFactory.createURI(v + "property"), Node.ANY).toList();
            assertTrue(properties.size() > 20, "property partitions: " + properties.size());
            for (var t : properties) {
                long claimed = Long.parseLong(description.find(t.getSubject(), NodeFactory.createURI(v + "triples"), Node.ANY)
                        .next().getObject().getLiteralLexicalForm());
                assertEquals(expected.stream(Node.ANY, Node.ANY, t.getObject(), Node.ANY).count(), claimed, t.getObject().toString());
            }
            Graph triples = GraphFactory.createDefaultGraph();
            expected.find().forEachRemaining(q -> triples.add(q.asTriple()));
            alignmentTriples.find().forEachRemaining(triples::add);
            assertTrue(triples.isIsomorphicWith(RDFDataMgr.loadGraph(dumps.resolve("article-kg.ttl").toString())), "article-kg.ttl");
        } finally {
            Store.release(stored);
        }
    }

    @Test
    void whenTheStreamRepeatsAQuadTheDumpsAreRewrittenFromTheDatabase() throws Exception {
        // the same alias twice: the loader writes the triple twice, the database keeps it once
        Path data = org.articlekg.DataFixture.minimal()
                .with("persons.csv", org.articlekg.DataFixture.PERSONS, "alice,Alice,Alice,Al|Al,,", "bob,Bob,Bob,,,")
                .writeTo(tmp.resolve("data"));
        List<String> progress = new ArrayList<>();
        BuildReport r = GraphBuilder.create().dataDir(data).ontologyDir(PROJECT.resolve("ontology"))
                .serviceConfig(PROJECT.resolve("fuseki-config/config.ttl")).corpus(null).base(org.articlekg.DataFixture.BASE)
                .progress(progress::add).build().buildInto(new Store(tmp.resolve("store-repeat")));
        assertTrue(progress.stream().anyMatch(l -> l.contains("rewritten from the database")), progress.toString());
        Path dumps = r.location().resolve("dumps");
        List<String> lines = Files.readAllLines(dumps.resolve("article-kg.nq"));
        String alignments = "<" + org.articlekg.DataFixture.BASE + "graph/alignments> .";
        assertEquals(r.totalQuads(), lines.stream().filter(l -> !l.endsWith(alignments)).count(), "the stored quads");
        assertTrue(lines.stream().anyMatch(l -> l.endsWith(alignments)), "and the alignments, entailed again from the database");
        assertEquals(1, lines.stream().filter(l -> l.contains("altLabel") && l.contains("\"Al\"")).count(), "the alias once");
        for (String name : List.of("article-kg.trig", "article-kg.ttl")) {
            long alias = RDFDataMgr.loadDatasetGraph(dumps.resolve(name).toString()).stream()
                    .filter(q -> q.getObject().isLiteral() && q.getObject().getLiteralLexicalForm().equals("Al")).count();
            assertEquals(1, alias, name);
        }
        // the text index made from the streamed dump had the alias twice: it is made again from the database
        assertEquals(1, LuceneDocs.of(r.location()).stream().filter(d -> d.contains("alias=Al |")).count(),
                "the alias once in the text index");
    }

    @Test
    void theTextIndexMadeFromTheDumpWhileTDB2IndexesHoldsWhatTheDatabaseGives() throws Exception {
        List<String> progress = new ArrayList<>();
        BuildReport r = build(100, progress);
        assertTrue(progress.stream().anyMatch(l -> l.startsWith("  text index (from the N-Quads dump): ")), progress.toString());
        // the one made from the dump was kept: not made again from the database
        assertFalse(progress.stream().anyMatch(l -> l.contains("rewritten from the database") || l.contains("made again from the database")),
                progress.toString());
        List<String> docs = LuceneDocs.of(r.location());
        assertTrue(docs.size() > 500, "documents: " + docs.size());
        assertEquals(textIndexFromDatabase(r, "from-database"), docs);
    }

    @Test
    void whenAnIndexedStatementIsInTwoGraphsTheTextIndexIsMadeAgainFromTheDatabase() throws Exception {
        // the ontology graph repeats a person's English label, which the facts graph holds too: the
        // dump holds it twice (one quad per graph), the database's union once
        Path ontology = org.articlekg.DataFixture.copyTree(PROJECT.resolve("ontology"), tmp.resolve("ontology"));
        Files.writeString(ontology.resolve("article-kg.ttl"), "\n<" + org.articlekg.DataFixture.BASE
                + "id/person/alice> <http://www.w3.org/2000/01/rdf-schema#label> \"Alice\"@en .\n", StandardOpenOption.APPEND);
        Path data = org.articlekg.DataFixture.minimal().writeTo(tmp.resolve("data"));
        List<String> progress = new ArrayList<>();
        BuildReport r = GraphBuilder.create().dataDir(data).ontologyDir(ontology)
                .serviceConfig(PROJECT.resolve("fuseki-config/config.ttl")).corpus(null).base(org.articlekg.DataFixture.BASE)
                .progress(progress::add).build().buildInto(new Store(tmp.resolve("store-two-graphs")));
        assertEquals(2, Files.readAllLines(r.location().resolve("dumps/article-kg.nq")).stream()
                .filter(l -> l.startsWith("<" + org.articlekg.DataFixture.BASE + "id/person/alice> ") && l.contains("\"Alice\"@en"))
                .count(), "the label in the facts and the ontology graphs of the dump");
        assertTrue(progress.stream().anyMatch(l -> l.contains("where a statement is in two graphs; made again from the database")),
                progress.toString());
        List<String> docs = LuceneDocs.of(r.location());
        assertEquals(textIndexFromDatabase(r, "from-database-two-graphs"), docs, "the index the database gives");
        String alice = "label=Alice | lang=en | uri=" + org.articlekg.DataFixture.BASE + "id/person/alice";
        assertEquals(1, docs.stream().filter(alice::equals).count(), "Alice's English label once");
    }

    @Test
    void jsonLdIsLeftOutAboveTheCapAndSaidSo() throws Exception {
        List<String> progress = new ArrayList<>();
        BuildReport r = build(100, progress);
        assertFalse(Files.exists(r.location().resolve("dumps/article-kg.jsonld")));
        assertTrue(Files.isRegularFile(r.location().resolve("dumps/article-kg.nq")));
        assertTrue(progress.stream().anyMatch(l -> l.contains("article-kg.jsonld: skipped")), progress.toString());
        assertFalse(Files.readString(r.location().resolve(Store.VOID)).contains("article-kg.jsonld"), "VoID lists only written dumps");
        assertTrue(progress.stream().anyMatch(l -> l.matches("loading: 100% \\(\\d+/\\d+ rows\\)")), "row progress reported");
    }
}
