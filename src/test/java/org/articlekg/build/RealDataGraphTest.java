package org.articlekg.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.jena.vocabulary.RDF;
import org.articlekg.load.Disagreement;
import org.articlekg.load.FactModel;
import org.articlekg.load.Kind;
import org.articlekg.store.Store;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real data/ (with the article corpus when it is there): it validates, builds into a TDB2
 * store, and the built graph holds what the articles say. The SPARQL queries run on the TDB2
 * union graph of the build; ids are those of data/*.csv.
 */
class RealDataGraphTest {
    static final Path DATA = Path.of("data");
    static final Path ONTOLOGY = Path.of("ontology");
    static final Path CORPUS = Path.of("..", "shared", "articles");
    static final String BASE = "http://localhost:3030/";

    static final String A000 = "article:000_1cd7c9620f0f43ef";
    static final String A001 = "article:001_8fa3a84cf20fbdf3";
    static final String A002 = "article:002_bb321f5633903e43";
    static final String A003 = "article:003_f4fcdda49106cae1";
    static final String A004 = "article:004_7d5254a00c7f58fe";

    static final String PREFIXES = """
            PREFIX akg: <https://w3id.org/article-kg/ontology#>
            PREFIX prov: <http://www.w3.org/ns/prov#>
            PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX owl: <http://www.w3.org/2002/07/owl#>
            PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
            PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            PREFIX schema: <https://schema.org/>
            PREFIX org: <http://www.w3.org/ns/org#>
            PREFIX article: <http://localhost:3030/id/article/>
            PREFIX person: <http://localhost:3030/id/person/>
            PREFIX organization: <http://localhost:3030/id/organization/>
            PREFIX product: <http://localhost:3030/id/product/>
            PREFIX founding: <http://localhost:3030/id/founding/>
            PREFIX role: <http://localhost:3030/id/role/>
            PREFIX investment: <http://localhost:3030/id/investment/>
            PREFIX lawsuit: <http://localhost:3030/id/lawsuit/>
            PREFIX proposal: <http://localhost:3030/id/proposal/>
            PREFIX departure: <http://localhost:3030/id/departure/>
            PREFIX observation: <http://localhost:3030/id/observation/>
            PREFIX release: <http://localhost:3030/id/release/>
            PREFIX statement: <http://localhost:3030/id/statement/>
            PREFIX integration: <http://localhost:3030/id/integration/>
            PREFIX holding: <http://localhost:3030/id/holding/>
            PREFIX withdrawal: <http://localhost:3030/id/access-withdrawal/>
            PREFIX evidence: <http://localhost:3030/id/evidence/>
            PREFIX disagreement: <http://localhost:3030/id/disagreement/>
            PREFIX event: <http://localhost:3030/id/event/>
            PREFIX graph: <http://localhost:3030/graph/>
            """;

    @TempDir static Path storeDir;
    static BuildReport built;
    static DatasetGraph dsg;

    static Path corpusOrNull() {
        return Files.isDirectory(CORPUS) ? CORPUS : null;
    }

    static GraphBuilder builder() {
        return GraphBuilder.create().dataDir(DATA).ontologyDir(ONTOLOGY).corpus(corpusOrNull()).base(BASE).build();
    }

    @BeforeAll
    static void build() {
        built = builder().buildInto(new Store(storeDir));
        dsg = DatabaseMgr.connectDatasetGraph(built.location().resolve(Store.TDB2).toString());
    }

    @AfterAll
    static void close() {
        if (dsg != null) TDBInternal.expel(dsg);
    }

    // Query helpers: each runs in a read transaction over the union of the named graphs.

    private static QueryExecution exec(String query) {
        return QueryExecution.dataset(DatasetFactory.wrap(dsg)).query(PREFIXES + query)
                .set(TDB2.symUnionDefaultGraph, true).build();
    }

    static boolean ask(String where) {
        return Txn.calculateRead(dsg, () -> {
            try (QueryExecution qe = exec("ASK { " + where + " }")) {
                return qe.execAsk();
            }
        });
    }

    static void assertAsk(String where) {
        assertTrue(ask(where), () -> "no match in the built graph for:\n" + where);
    }

    static void assertNotAsk(String where) {
        assertFalse(ask(where), () -> "unexpected match in the built graph for:\n" + where);
    }

    /** The values of the one variable of a SELECT, as strings (IRIs in full, literals by lexical form). */
    static Set<String> select(String query) {
        return Txn.calculateRead(dsg, () -> {
            Set<String> values = new TreeSet<>();
            try (QueryExecution qe = exec(query)) {
                qe.execSelect().forEachRemaining((QuerySolution s) -> {
                    var n = s.get(s.varNames().next());
                    values.add(n.isLiteral() ? n.asLiteral().getLexicalForm() : n.toString());
                });
            }
            return values;
        });
    }

    static long count(String where) {
        return Txn.calculateRead(dsg, () -> {
            try (QueryExecution qe = exec("SELECT (COUNT(*) AS ?n) { SELECT DISTINCT * { " + where + " } }")) {
                return qe.execSelect().next().getLiteral("n").getLong();
            }
        });
    }

    static String iri(String prefixed) {
        String[] p = prefixed.split(":", 2);
        return BASE + "id/" + p[0] + "/" + p[1];
    }

    static Set<String> articles(String... prefixed) {
        Set<String> s = new TreeSet<>();
        for (String a : prefixed) s.add(iri(a));
        return s;
    }

    static Set<String> reportedIn(String fact) {
        return select("SELECT ?a { " + fact + " akg:reportedIn ?a }");
    }

    static List<CSVRecord> rows(String file) throws IOException {
        try (Reader r = Files.newBufferedReader(DATA.resolve(file), StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
    }

    // The build itself

    @Test
    void validateConformsToTheShapesAndMatchesTheBuild() {
        BuildReport v = builder().validate();
        assertNull(v.location(), "validate publishes nothing");
        assertEquals(built.quadsPerGraph(), v.quadsPerGraph(), "in-memory validation and TDB2 build hold the same quads");
        assertEquals(5, v.load().disagreements().size());
        assertEquals(1, v.load().refinements().size());
        assertTrue(v.quadsPerGraph().get("facts") > 1000, v.quadsPerGraph()::toString);
        // the super-classes in the ontology's own namespace: akg:Fact, akg:Organization, akg:Product
        assertEquals(count("?x a ?c . ?c rdfs:subClassOf akg:Fact") + count("?x a ?c . ?c rdfs:subClassOf akg:Organization")
                + count("?x a ?c . ?c rdfs:subClassOf akg:Product"), v.quadsPerGraph().get("inferred"), v.quadsPerGraph()::toString);
        assertTrue(v.quadsPerGraph().get("ontology") > 500, v.quadsPerGraph()::toString);
    }

    @Test
    void theDatabaseKeepsFourQuadIndexesAndAnswersPatternsInOneNamedGraph() throws IOException {
        // the build's storage, recorded in the database: what a later connection (the server) reads
        org.apache.jena.tdb2.params.StoreParams stored = TDBInternal.getDatasetGraphTDB(dsg).getStoreParams();
        // GSPO last: TDB2 takes the first index that matches a pattern as well as any other, and a
        // pattern in one graph with its object bound must read OSPG, not the whole graph in GSPO
        assertEquals(List.of("SPOG", "POSG", "OSPG", "GSPO"), List.of(stored.getQuadIndexes()));
        // GSPO names the slots of the quad table's patterns: with another primary, every index
        // would hold its quads in another order than its name says
        assertEquals("GSPO", stored.getPrimaryIndexQuads());
        // the index TDB2 reads for a pattern (the first of those with the longest bound prefix):
        // the union's (?g ?s P O) a range of POSG; one graph's (G ?s ?p O) a range of OSPG
        var indexes = TDBInternal.getDatasetGraphTDB(dsg).getQuadTable().getNodeTupleTable().getTupleTable().getIndexes();
        org.apache.jena.tdb2.store.NodeId any = org.apache.jena.tdb2.store.NodeId.NodeIdAny,
                bound = org.apache.jena.tdb2.store.NodeIdFactory.createPtr(1);
        assertEquals("POSG 2", chosen(indexes, org.apache.jena.atlas.lib.tuple.TupleFactory.create4(any, any, bound, bound)));
        assertEquals("OSPG 1", chosen(indexes, org.apache.jena.atlas.lib.tuple.TupleFactory.create4(bound, any, any, bound)));
        assertEquals("SPOG 1", chosen(indexes, org.apache.jena.atlas.lib.tuple.TupleFactory.create4(any, bound, any, any)));
        String cfg = Files.readString(built.location().resolve(Store.TDB2).resolve("tdb.cfg"));
        assertTrue(cfg.contains("\"OSPG\"") && !cfg.contains("\"GPOS\"") && !cfg.contains("\"GOSP\""), cfg);
        // one graph's patterns, each bound part in turn, answer as the union's do (GPOS, GOSP are gone)
        String facts = "<" + BASE + "graph/facts>";
        assertEquals(count("?f a akg:Investment"), count("GRAPH " + facts + " { ?f a akg:Investment }"));
        assertEquals(count("?f akg:investor ?who"), count("GRAPH " + facts + " { ?f akg:investor ?who }"));
        assertEquals(count("?f ?p <" + BASE + "id/organization/openai>"), count("GRAPH ?g { ?f ?p <" + BASE + "id/organization/openai> }"));
        assertTrue(count("GRAPH " + facts + " { ?f ?p <" + BASE + "id/organization/openai> }") > 10);
    }

    /** The index TDB2's tuple table reads for a pattern (its rule: the first with the most leading bound slots), and that number. */
    private static String chosen(org.apache.jena.tdb2.store.tupletable.TupleIndex[] indexes,
                                 org.apache.jena.atlas.lib.tuple.Tuple<org.apache.jena.tdb2.store.NodeId> pattern) {
        org.apache.jena.tdb2.store.tupletable.TupleIndex best = null;
        int most = 0;
        for (var index : indexes) {
            if (index.weight(pattern) > most) {
                most = index.weight(pattern);
                best = index;
            }
        }
        return best == null ? "none" : best.getName() + " " + most;
    }

    @Test
    void theOntologyGraphHoldsTheMembersOfTheKindsListsAsTriples() {
        // kd:column and kd:option: one triple per member of each list, in the ontology graph
        String ontology = "<" + BASE + "graph/ontology>";
        for (String list : List.of("columns", "options")) {
            String single = list.substring(0, list.length() - 1);
            String path = "PREFIX kd: <https://w3id.org/article-kg/kinds#> SELECT (CONCAT(STR(?x), ' ', STR(?m)) AS ?pair) { GRAPH "
                    + ontology + " { ?x kd:" + list + "/rdf:rest*/rdf:first ?m } }";
            String direct = "PREFIX kd: <https://w3id.org/article-kg/kinds#> SELECT (CONCAT(STR(?x), ' ', STR(?m)) AS ?pair) { GRAPH "
                    + ontology + " { ?x kd:" + single + " ?m } }";
            Set<String> members = select(path);
            assertTrue(members.size() > (list.equals("columns") ? 50 : 5), list + ": " + members.size());
            assertEquals(members, select(direct), list);
        }
    }

    @Test
    void theBuiltDatabaseConformsToEveryShapeIncludingThoseTheBuildLeavesToTheLoader() {
        // kg build leaves out what the loader guarantees: the shapes of each kind restate its row
        // checks, and shapes.ttl marks those of facts, events and evidence checked while loading
        Ontology ontology = Ontology.read(ONTOLOGY);
        long leftOut = ontology.shapes().size() - ontology.buildShapes().size();
        assertTrue(leftOut > 100, "shape triples left out by the build: " + leftOut);
        new ShapeCheck(ontology.shapes(), ontology.graph(), org.apache.jena.shared.PrefixMapping.Standard)
                .validate(dsg.getUnionGraph(), null, 2, work -> Txn.executeRead(dsg, work));
    }

    @Test
    void validateChecksEveryQuoteAgainstTheCorpus() {
        assumeTrue(corpusOrNull() != null, "the article corpus ../shared/articles is not available");
        builder().validate();
    }

    @Test
    void everyRowOfEveryFileIsLoaded() throws IOException {
        FactModel model = FactModel.read(ONTOLOGY);
        for (Kind kind : model.kinds()) {
            assertEquals(rows(kind.fileName()).size(), built.load().rows().get(kind), kind.fileName());
        }
        long factRows = 0;
        for (Kind kind : model.kinds()) if (kind.isFact()) factRows += rows(kind.fileName()).size();
        assertTrue(factRows >= 55, "facts in data/: " + factRows);
        assertEquals(factRows, count("?f a akg:Fact"), "one akg:Fact per fact row");
        assertEquals(rows("evidence.csv").size(), count("?e a akg:Evidence ; akg:statedIn ?a ; akg:quote ?q"));
    }

    @Test
    void buildFolderHoldsDumpsOfTheSameQuadsAndItsProperties() throws IOException {
        Path dir = built.location();
        assertEquals(new Store(storeDir).current().orElseThrow(), dir);
        for (String dump : DumpFiles.RDF.keySet()) assertTrue(Files.size(dir.resolve("dumps").resolve(dump)) > 0, dump);
        DatasetGraph nq = DatasetGraphFactory.create();
        RDFDataMgr.read(nq, dir.resolve("dumps").resolve("article-kg.nq").toString());
        long quads = 0;
        for (var it = nq.find(); it.hasNext(); it.next()) quads++;
        assertEquals(built.totalQuads(), quads - nq.getGraph(NodeFactory.createURI(BASE + "graph/alignments")).size(),
                "the stored quads, and the alignments to other vocabularies");
        assertTrue(nq.contains(NodeFactory.createURI(BASE + "graph/alignments"), NodeFactory.createURI(iri("person:elon-musk")), RDF.type.asNode(),
                NodeFactory.createURI("https://schema.org/Person")));
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(dir.resolve(Store.INFO))) {
            p.load(in);
        }
        assertEquals(BASE, p.getProperty("base"));
        assertEquals("5", p.getProperty("disagreements"));
        assertEquals(String.valueOf(rows("investments.csv").size()), p.getProperty("rows.investments.csv"));
        assertEquals(String.valueOf(built.quadsPerGraph().get("facts")), p.getProperty("quads.facts"));
    }

    // Foundings

    @Test
    void openAiWasFoundedIn2015AsANonprofitWithMuskAndAltmanAmongTheFoundersReportedByFourArticles() {
        assertAsk("founding:openai-founded-2015 a akg:Founding ; akg:organization organization:openai ;"
                + " akg:date \"2015\"^^xsd:gYear ; akg:datePrecision akg:precision-year ;"
                + " akg:founder person:elon-musk, person:sam-altman ; akg:legalForm akg:legal-form-nonprofit .");
        assertEquals(articles(A000, A002, A003, A004), reportedIn("founding:openai-founded-2015"));
        assertEquals(4, count("founding:openai-founded-2015 prov:wasDerivedFrom ?e . ?e a akg:Evidence"));
    }

    @Test
    void theForProfitEntityWasCreatedIn2019AndOn11March2019AccordingTo004() {
        assertAsk("founding:openai-for-profit-created-2019 akg:organization organization:openai-lp ;"
                + " akg:founder organization:openai ; akg:date \"2019\"^^xsd:gYear ; akg:legalForm akg:legal-form-for-profit ;"
                + " akg:reportedIn " + A003 + " .");
        assertAsk("founding:openai-for-profit-created-2019-03-11 akg:organization organization:openai-lp ;"
                + " akg:date \"2019-03-11\"^^xsd:date ; akg:datePrecision akg:precision-day ;"
                + " akg:legalForm akg:legal-form-capped-profit ; akg:reportedIn " + A004 + " .");
        assertAsk("organization:openai-lp a akg:Company ; akg:parentOrganization organization:openai .");
    }

    // Investments

    @Test
    void microsoftInvestedOneBillionUsdIn2019ReportedBy003And004() {
        assertAsk("investment:microsoft-invests-1b-2019 a akg:Investment ; akg:investor organization:microsoft ;"
                + " akg:investee organization:openai ; akg:amount ?a ; akg:currency \"USD\" ;"
                + " akg:date \"2019\"^^xsd:gYear ; akg:status akg:status-completed . FILTER(?a = 1000000000)");
        assertEquals(articles(A003, A004), reportedIn("investment:microsoft-invests-1b-2019"));
        assertAsk("organization:microsoft akg:investedIn organization:openai");
    }

    @Test
    void muskPledgedOneBillionOfWhichOnlyPartWasPaid() {
        assertAsk("investment:musk-pledge-1b akg:investor person:elon-musk ; akg:investee organization:openai ;"
                + " akg:investmentKind akg:investment-kind-pledge ; akg:status akg:status-partial ;"
                + " akg:amount ?a ; akg:currency \"USD\" . FILTER(?a = 1000000000)");
        assertEquals(articles(A003, A004), reportedIn("investment:musk-pledge-1b"));
    }

    @Test
    void microsoftsFirstDealIsARejectedSixtyMillionCloudOfferIn000AndAFiftyMillionInvestmentIn002() {
        assertAsk("investment:microsoft-cloud-offer-60m akg:investor organization:microsoft ;"
                + " akg:investmentKind akg:investment-kind-cloud-credits ; akg:status akg:status-rejected ;"
                + " akg:amount ?a ; akg:currency \"USD\" ; akg:reportedIn " + A000 + " . FILTER(?a = 60000000)");
        assertAsk("investment:microsoft-invests-50m-2016 akg:amount ?a ; akg:date \"2016\"^^xsd:gYear ;"
                + " akg:status akg:status-completed ; akg:reportedIn " + A002 + " . FILTER(?a = 50000000)");
        // two articles tell the first Microsoft-OpenAI deal differently: one event, a disagreement
        assertAsk("disagreement:microsoft-openai-first-deal akg:claim investment:microsoft-cloud-offer-60m,"
                + " investment:microsoft-invests-50m-2016 ; akg:disputedProperty akg:amount, akg:status, akg:investmentKind .");
        assertAsk("investment:microsoft-cloud-offer-60m akg:conflictsWith investment:microsoft-invests-50m-2016");
    }

    @Test
    void muskContributionIsADisagreementOnTheAmountBetween100MAndARangeOf50To100M() {
        assertAsk("disagreement:musk-funds-openai a akg:Disagreement ;"
                + " akg:claim investment:musk-funds-openai-100m, investment:musk-funds-openai-50m-100m ;"
                + " akg:disputedProperty akg:amount ; rdfs:label ?l .");
        assertAsk("investment:musk-funds-openai-100m akg:conflictsWith investment:musk-funds-openai-50m-100m ."
                + " investment:musk-funds-openai-50m-100m akg:conflictsWith investment:musk-funds-openai-100m .");
        assertAsk("investment:musk-funds-openai-100m akg:amount ?a . FILTER(?a = 100000000)"
                + " FILTER NOT EXISTS { investment:musk-funds-openai-100m akg:amountMax ?m }");
        assertAsk("investment:musk-funds-openai-50m-100m akg:amount ?a ; akg:amountMax ?m ."
                + " FILTER(?a = 50000000 && ?m = 100000000)");
        assertEquals(articles(A003, A004), reportedIn("investment:musk-funds-openai-100m"));
        assertEquals(articles(A002), reportedIn("investment:musk-funds-openai-50m-100m"));
    }

    @Test
    void microsoft2023InvestmentIsADisagreementBetweenTenBillionAndSeveralMillions() {
        assertAsk("disagreement:microsoft-invests-2023 akg:claim investment:microsoft-invests-10b-2023,"
                + " investment:microsoft-invests-2023-undisclosed ; akg:disputedProperty akg:amount .");
        // 003 says only 'Récemment': no date on its claim; 004's 'Début 2023' dates the event
        assertAsk("investment:microsoft-invests-10b-2023 akg:amount ?a ; akg:reportedIn " + A003 + " . FILTER(?a = 10000000000)"
                + " FILTER NOT EXISTS { investment:microsoft-invests-10b-2023 akg:date ?d }");
        assertAsk("investment:microsoft-invests-2023-undisclosed akg:date \"2023\"^^xsd:gYear ; akg:dateQualifier akg:qualifier-early .");
        assertAsk("investment:microsoft-invests-2023-undisclosed akg:reportedIn " + A004 + " ;"
                + " akg:amount ?a ; akg:amountMax ?m . FILTER(?a = 2000000 && ?m = 999999999)");
        assertAsk("investment:microsoft-invests-10b-2023 akg:conflictsWith investment:microsoft-invests-2023-undisclosed");
    }

    // Proposals

    @Test
    void muskTakeoverAttemptIsADisagreementOnTheYear2017Versus2018() {
        assertAsk("disagreement:musk-takeover-attempt akg:claim proposal:musk-takeover-attempt-2017,"
                + " proposal:musk-takeover-attempt-2018 ; akg:disputedProperty akg:date .");
        assertAsk("proposal:musk-takeover-attempt-2017 akg:date \"2017\"^^xsd:gYear ; akg:proposer person:elon-musk ;"
                + " akg:target organization:openai ; akg:proposalKind akg:proposal-kind-takeover ; akg:reportedIn " + A001 + " .");
        // 001 says he tried ('tenté'), not that he was refused: no status
        assertNotAsk("proposal:musk-takeover-attempt-2017 akg:status ?s");
        assertAsk("proposal:musk-takeover-attempt-2018 akg:date \"2018\"^^xsd:gYear ; akg:dateQualifier akg:qualifier-early .");
        assertEquals(articles(A003, A004), reportedIn("proposal:musk-takeover-attempt-2018"));
        assertAsk("proposal:musk-takeover-attempt-2017 akg:conflictsWith proposal:musk-takeover-attempt-2018 ."
                + " proposal:musk-takeover-attempt-2018 akg:conflictsWith proposal:musk-takeover-attempt-2017 .");
        assertAsk("person:elon-musk akg:proposedTo organization:openai");
    }

    @Test
    void otherProposalsOfTheArticlesAreThere() {
        assertAsk("proposal:musk-proposes-openai-tesla-merger akg:proposalKind akg:proposal-kind-merger ;"
                + " akg:party organization:tesla ; akg:status akg:status-rejected ; akg:reportedIn " + A001 + " .");
        // Karpathy 'imagined' a scenario: a statement of a plan, not a proposal made to anyone
        assertAsk("statement:karpathy-openai-tesla-satellite akg:speaker person:andrej-karpathy ;"
                + " akg:statementKind akg:statement-kind-plan ; akg:about organization:tesla ; akg:reportedIn " + A000 + " .");
        assertNotAsk("?p a akg:Proposal ; akg:proposer person:andrej-karpathy");
        assertAsk("proposal:sutskever-moves-to-fire-altman-2023 akg:proposer person:ilya-sutskever ; akg:target person:sam-altman ;"
                + " akg:proposalKind akg:proposal-kind-ouster ; akg:date \"2023-11\"^^xsd:gYearMonth ; akg:reportedIn " + A001 + " .");
        assertAsk("proposal:musk-closedai-offer akg:proposalKind akg:proposal-kind-offer ;"
                + " akg:date \"2024-03\"^^xsd:gYearMonth ; akg:status akg:status-proposed .");
        assertAsk("proposal:microsoft-exclusive-licence akg:proposer organization:microsoft ;"
                + " akg:proposalKind akg:proposal-kind-licence ; akg:status akg:status-completed ; akg:reportedIn " + A003 + " .");
        assertAsk("proposal:openai-cerebras-acquisition-idea akg:target organization:cerebras ;"
                + " akg:proposalKind akg:proposal-kind-acquisition .");
    }

    // Disagreements as a whole

    @Test
    void exactlyTheFiveDisagreementsOfTheReadmeAreFound() {
        assertEquals(Set.of(BASE + "id/disagreement/musk-funds-openai", BASE + "id/disagreement/musk-takeover-attempt",
                BASE + "id/disagreement/microsoft-invests-2023", BASE + "id/disagreement/microsoft-openai-first-deal",
                BASE + "id/disagreement/altman-position-openai"),
                select("SELECT ?d { ?d a akg:Disagreement }"));
        assertEquals(Set.of("musk-funds-openai", "musk-takeover-attempt", "microsoft-invests-2023", "microsoft-openai-first-deal",
                "altman-position-openai"),
                Set.copyOf(built.load().disagreements().stream().map(Disagreement::event).toList()));
    }

    @Test
    void cappedProfitOn2019_03_11RefinesForProfitIn2019InsteadOfDisagreeing() {
        assertNotAsk("disagreement:openai-for-profit-creation ?p ?o");
        assertNotAsk("founding:openai-for-profit-created-2019 akg:conflictsWith ?x");
        assertAsk("founding:openai-for-profit-created-2019-03-11 akg:refines founding:openai-for-profit-created-2019");
        assertNotAsk("founding:openai-for-profit-created-2019 akg:refines ?x");
        // the event keeps what both claims say: a for-profit entity created in 2019
        assertAsk("event:openai-for-profit-creation akg:legalForm akg:legal-form-for-profit ; akg:date \"2019\"^^xsd:gYear ;"
                + " akg:claimCount 2 ; akg:organization organization:openai-lp .");
    }

    @Test
    void muskDepartureClaimsShareOneEventWithoutDisagreeing() {
        assertEquals(3, count("?d a akg:Departure ; akg:person person:elon-musk ; akg:organization organization:openai"));
        assertNotAsk("?d a akg:Departure ; akg:conflictsWith ?x");
        assertNotAsk("disagreement:musk-leaves-openai ?p ?o");
    }

    // Lawsuits

    @Test
    void muskSuesOpenAiAndInNovember2024AlsoMicrosoft() {
        assertAsk("lawsuit:musk-sues-openai akg:plaintiff person:elon-musk ; akg:defendant organization:openai ;"
                + " akg:status akg:status-ongoing .");
        assertNotAsk("lawsuit:musk-sues-openai akg:defendant organization:microsoft");
        assertEquals(articles(A000, A001), reportedIn("lawsuit:musk-sues-openai"));
        assertAsk("lawsuit:musk-sues-openai-microsoft-2024-11 akg:plaintiff person:elon-musk ;"
                + " akg:defendant organization:openai, organization:microsoft ; akg:date \"2024-11\"^^xsd:gYearMonth ;"
                + " akg:datePrecision akg:precision-month ; akg:reportedIn " + A002 + " .");
        assertAsk("person:elon-musk akg:sued organization:openai, organization:microsoft .");
    }

    // Roles and departures

    @Test
    void altmanIsCeoOfOpenAiReportedByThreeArticles() {
        assertAsk("role:altman-ceo-openai a akg:Role ; akg:person person:sam-altman ; akg:organization organization:openai ;"
                + " akg:title akg:title-ceo ; akg:roleStatus akg:role-status-current .");
        assertEquals(articles(A002, A003, A004), reportedIn("role:altman-ceo-openai"));
        assertAsk("role:altman-president-openai-2018 akg:title akg:title-president ; akg:startDate \"2018\"^^xsd:gYear ;"
                + " akg:startPrecision akg:precision-year .");
        assertAsk("person:sam-altman akg:affiliatedWith organization:openai, organization:y-combinator .");
    }

    @Test
    void brockmanIsPresidentOfOpenAi() {
        assertAsk("role:brockman-president-openai akg:person person:greg-brockman ; akg:organization organization:openai ;"
                + " akg:title akg:title-president ; akg:roleStatus akg:role-status-current ; akg:reportedIn " + A003 + " .");
    }

    @Test
    void sutskeverIsChiefScientistCurrentIn2023UncertainIn2024AndFormerByDecember2024() {
        assertEquals(Set.of(
                        "https://w3id.org/article-kg/ontology#role-status-current",
                        "https://w3id.org/article-kg/ontology#role-status-uncertain",
                        "https://w3id.org/article-kg/ontology#role-status-former"),
                select("SELECT ?s { ?r akg:person person:ilya-sutskever ; akg:title akg:title-chief-scientist ;"
                        + " akg:roleStatus ?s }"));
        assertAsk("role:sutskever-chief-scientist-openai-2024-12 akg:roleStatus akg:role-status-former ; akg:reportedIn " + A000 + " .");
        assertNotAsk("?r akg:person person:ilya-sutskever ; akg:conflictsWith ?x");
    }

    @Test
    void muskLeftTheOpenAiBoardIn2018() {
        assertAsk("departure:musk-leaves-openai-board-2018 a akg:Departure ; akg:person person:elon-musk ;"
                + " akg:organization organization:openai ; akg:title akg:title-board-member ;"
                + " akg:date \"2018\"^^xsd:gYear ; akg:reportedIn " + A002 + " .");
        assertAsk("role:musk-board-member-openai akg:endDate \"2018\"^^xsd:gYear ; akg:roleStatus akg:role-status-former .");
        assertAsk("departure:musk-resigns-openai-2018 akg:reason ?r . FILTER(CONTAINS(LCASE(?r), \"conflict of interest\"))");
        assertEquals(articles(A003, A004), reportedIn("departure:musk-resigns-openai-2018"));
        assertAsk("person:elon-musk akg:left organization:openai");
    }

    @Test
    void muskOwnsTwitterAndIsTiedToXaiAndTeslaWithNoTitleTheArticlesDoNotGive() {
        assertAsk("role:musk-owner-twitter akg:person person:elon-musk ; akg:organization organization:twitter ; akg:title akg:title-owner .");
        assertAsk("role:musk-xai akg:organization organization:xai ; akg:reportedIn " + A001 + " .");
        assertAsk("role:musk-works-at-tesla akg:organization organization:tesla ; rdfs:label \"Elon Musk: tied to Tesla (current)\"@en .");
        assertNotAsk("VALUES ?r { role:musk-xai role:musk-works-at-tesla } ?r akg:title ?t");
        assertEquals(6, count("?r a akg:Role ; akg:title akg:title-cofounder ; akg:organization organization:openai"));
    }

    // Observations

    @Test
    void chatGptHas250MillionDailyUsersInDecember2024() {
        assertAsk("observation:chatgpt-daily-users-2024-12 akg:subject product:chatgpt ;"
                + " akg:measure akg:measure-daily-active-users ; akg:value ?v ; akg:bound akg:bound-exact ;"
                + " akg:unit \"people\" ; akg:date \"2024-12\"^^xsd:gYearMonth ; akg:reportedIn " + A000 + " ."
                + " FILTER(?v = 250000000)");
        assertAsk("observation:chatgpt-daily-users-2024-03 akg:value ?v ; akg:bound akg:bound-at-least . FILTER(?v = 100000000)");
        assertAsk("observation:openai-weekly-users-2023-11 akg:measure akg:measure-weekly-active-users ; akg:value ?v ."
                + " FILTER(?v = 100000000)");
    }

    @Test
    void openAiIsValuedAtMoreThan157BillionUsd() {
        assertAsk("observation:openai-valuation-2024-12 akg:subject organization:openai ; akg:measure akg:measure-valuation ;"
                + " akg:value ?v ; akg:bound akg:bound-at-least ; akg:unit \"USD\" . FILTER(?v = 157000000000)");
        assertAsk("observation:openai-market-cap-2023-03 akg:measure akg:measure-market-capitalisation ; akg:value ?v ;"
                + " akg:reportedIn " + A004 + " . FILTER(?v = 30000000000)");
        // Musk's tweet gives neither a currency nor a bound: none is recorded
        assertNotAsk("observation:openai-market-cap-2023-03 akg:unit|akg:bound ?x");
    }

    // Releases

    @Test
    void gpt3WasPrivatelyLaunchedIn2020() {
        assertAsk("release:gpt-3-private-launch-2020 akg:product product:gpt-3 ; akg:organization organization:openai ;"
                + " akg:releaseKind akg:release-kind-private-launch ; akg:date \"2020\"^^xsd:gYear ; akg:reportedIn " + A004 + " .");
        assertAsk("organization:openai akg:released product:gpt-3, product:chatgpt, product:dall-e-2, product:gpt-4 .");
    }

    @Test
    void chatGptWasLaunchedLate2022AndMicrosoftIntegratedGptIntoBingAndOffice() {
        assertAsk("release:chatgpt-launch-2022 akg:date \"2022\"^^xsd:gYear ; akg:dateQualifier akg:qualifier-late ;"
                + " akg:releaseKind akg:release-kind-launch .");
        assertEquals(articles(A003, A004), reportedIn("release:chatgpt-launch-2022"));
        // integrations link the model to the Microsoft products; Microsoft did not release GPT
        assertAsk("integration:microsoft-integrates-gpt-into-bing akg:organization organization:microsoft ; akg:product product:gpt ;"
                + " akg:integratedInto product:bing ; akg:reportedIn " + A003 + " .");
        assertAsk("integration:microsoft-integrates-gpt-into-office akg:integratedInto product:microsoft-office .");
        assertAsk("product:bing akg:integrates product:gpt . product:microsoft-office akg:integrates product:gpt .");
        assertNotAsk("organization:microsoft akg:released product:gpt");
        // 003 leaves GPT-4's announcement undated
        assertAsk("release:gpt-4-announcement akg:releaseKind akg:release-kind-announcement ; akg:reportedIn " + A003 + " ."
                + " FILTER NOT EXISTS { release:gpt-4-announcement akg:date ?d }");
    }

    // Articles and evidence

    @Test
    void articleDatesAreStatedFor000And003AndInferredForTheOthers() {
        assertAsk(A000 + " akg:date \"2024-12-30\"^^xsd:date ; akg:datePrecision akg:precision-day ;"
                + " akg:dateBasis akg:date-basis-stated ; akg:cites organization:techcrunch ; dcterms:language \"fr\" .");
        assertAsk(A003 + " akg:date \"2023-03\"^^xsd:gYearMonth ; akg:datePrecision akg:precision-month ;"
                + " akg:dateBasis akg:date-basis-stated ; akg:cites organization:semafor, organization:the-verge .");
        assertEquals(articles(A000, A003), select("SELECT ?a { ?a akg:dateBasis akg:date-basis-stated }"));
        assertEquals(articles(A001, A002, A004), select("SELECT ?a { ?a akg:dateBasis akg:date-basis-inferred }"));
        assertAsk(A001 + " akg:date \"2024-03\"^^xsd:gYearMonth ; dcterms:title \"Les coulisses de la fusion avortée d’OpenAI avec Tesla\"@fr .");
        assertEquals(5, count("?a a akg:Article ; dcterms:title ?t"));
    }

    @Test
    void everyQuoteIsAtMost160CharactersInFrenchAndStatedInAnArticle() {
        assertNotAsk("?e akg:quote ?q . FILTER(STRLEN(?q) > 160 || LANG(?q) != \"fr\")");
        assertNotAsk("?e a akg:Evidence . FILTER NOT EXISTS { ?e akg:statedIn ?a . ?a a akg:Article }");
        assertAsk("<" + BASE + "id/evidence/microsoft-invests-1b-2019/003_f4fcdda49106cae1> akg:quote"
                + " \"Microsoft a toqué à sa porte avec un investissement d’un milliard de dollars\"@fr ;"
                + " akg:statedIn " + A003 + " .");
    }

    @Test
    void everyFactHasEvidenceAndIsReportedInTheArticlesOfItsEvidence() {
        assertNotAsk("?f a akg:Fact . FILTER NOT EXISTS { ?f prov:wasDerivedFrom ?e . ?e a akg:Evidence }");
        assertNotAsk("?f a akg:Fact . FILTER NOT EXISTS { ?f akg:reportedIn ?a }");
        assertNotAsk("?f prov:wasDerivedFrom ?e . ?e akg:statedIn ?a . ?f a akg:Fact . FILTER NOT EXISTS { ?f akg:reportedIn ?a }");
        assertNotAsk("?f a akg:Fact ; akg:reportedIn ?a . FILTER NOT EXISTS { ?f prov:wasDerivedFrom ?e . ?e akg:statedIn ?a }");
        assertNotAsk("?f a akg:Fact . FILTER NOT EXISTS { ?f rdfs:label ?l . FILTER(LANG(?l) = \"en\") }");
    }

    @Test
    void entitiesMayHaveEvidenceButAreNotReportedInArticles() {
        assertAsk("organization:openai prov:wasDerivedFrom ?e . ?e akg:statedIn " + A003 + " .");
        assertNotAsk("organization:openai akg:reportedIn ?a");
        assertAsk("product:gpt prov:wasDerivedFrom ?e");
    }

    @Test
    void entitiesHaveTheirClassesLabelsAndAliases() {
        assertAsk("product:chatgpt a akg:Application ; akg:maker organization:openai ; rdfs:label \"ChatGPT\"@en .");
        assertAsk("product:gpt-4 a akg:AIModel .");
        assertAsk("organization:deepmind a akg:ResearchLab ; akg:parentOrganization organization:google .");
        assertAsk("organization:y-combinator a akg:Incubator ; skos:altLabel \"YC\" .");
        assertAsk("organization:microsoft skos:altLabel \"firme de Redmond\" .");
        assertAsk("organization:techcrunch a akg:MediaOrganization .");
        assertAsk("person:elon-musk a akg:Person ; rdfs:label \"Elon Musk\"@en, \"Elon Musk\"@fr .");
    }

    // Shortcuts and inference

    @Test
    void shortcutTriplesLinkTheEntitiesDirectly() {
        assertAsk("organization:microsoft akg:investedIn organization:openai");
        assertAsk("person:elon-musk akg:investedIn organization:openai");
        assertAsk("person:elon-musk akg:sued organization:openai");
        assertAsk("person:elon-musk akg:founded organization:openai");
        assertAsk("organization:openai akg:foundedBy person:sam-altman");
        assertAsk("organization:openai akg:founded organization:openai-lp");
        assertAsk("person:ilya-sutskever akg:affiliatedWith organization:openai");
    }

    @Test
    void superClassesOfTheOntologysOwnNamespaceAreMaterialised() {
        assertAsk("organization:microsoft a akg:Company, akg:Organization");
        assertTrue(select("SELECT ?o { ?o a akg:Organization }").containsAll(Set.of(iri("organization:microsoft"),
                iri("organization:openai"), iri("organization:deepmind"), iri("organization:y-combinator"))));
        assertAsk("investment:microsoft-invests-1b-2019 a akg:Fact ; prov:wasDerivedFrom ?e . ?e akg:statedIn " + A003 + " .");
        assertAsk("product:chatgpt a akg:Product");
    }

    @Test
    void alignmentsToOtherVocabulariesAreNotStoredButFollowFromTheOntologyGraph() {
        // Intended since issue 17: the 2 M alignment quads of a 10 M build went to the dumps only.
        assertNotAsk("person:elon-musk a schema:Person");
        assertNotAsk("?e prov:hadPrimarySource " + A003);
        // the ontology graph, in the union default graph, answers them with a property path
        assertAsk("person:elon-musk a/rdfs:subClassOf* schema:Person, prov:Agent");
        assertAsk("organization:microsoft a/rdfs:subClassOf* schema:Corporation, schema:Organization");
        assertAsk("investment:microsoft-invests-1b-2019 a/rdfs:subClassOf* prov:Entity ; ?source " + A003
                + " . ?source rdfs:subPropertyOf* dcterms:source");
        assertAsk("?e a akg:Evidence ; ?p " + A003 + " . ?p rdfs:subPropertyOf* prov:hadPrimarySource");
        assertAsk("product:chatgpt a/rdfs:subClassOf* schema:SoftwareApplication, schema:Product");
        assertAsk("organization:openai ?p person:elon-musk . ?p rdfs:subPropertyOf* schema:founder");
        assertAsk("person:sam-altman ?p organization:openai . ?p rdfs:subPropertyOf* org:memberOf");
    }

    @Test
    void factsOntologyInferredAndSummaryTriplesAreInTheirOwnNamedGraphs() {
        assertAsk("GRAPH graph:facts { organization:microsoft a akg:Company }");
        assertAsk("GRAPH graph:inferred { organization:microsoft a akg:Organization }");
        assertNotAsk("GRAPH graph:facts { organization:microsoft a akg:Organization }");
        assertNotAsk("GRAPH graph:inferred { organization:microsoft a akg:Company }");
        assertAsk("GRAPH graph:ontology { akg:Company rdfs:subClassOf akg:Organization }");
        assertNotAsk("GRAPH graph:facts { akg:Company ?p ?o }");
        // OpenAI is named by claims, reported first in 2019 by the corpus; the counts are summaries, not facts
        assertAsk("GRAPH graph:summary { organization:openai akg:factCount ?n ; akg:firstReported ?first FILTER(?n > 10) }");
        assertNotAsk("GRAPH graph:facts { ?s akg:factCount ?n }");
        assertEquals(Set.of(BASE + "graph/facts", BASE + "graph/ontology", BASE + "graph/inferred", BASE + "graph/summary"),
                select("SELECT DISTINCT ?g { GRAPH ?g { ?s ?p ?o } }"));
    }

    @Test
    void theQuadCountsOfTheReportAreThoseOfTheDatabase() {
        Map<String, Long> counts = built.quadsPerGraph();
        for (String g : org.articlekg.load.Iris.GRAPHS) {
            assertEquals(counts.get(g), count("GRAPH <" + BASE + "graph/" + g + "> { ?s ?p ?o }"), g);
        }
    }
    // The event-centric model

    @Test
    void everyFactOfThePreviousModelIsStillInTheGraph() throws IOException {
        // the facts graph of the last build before events (labels, conflicts and disagreements left out:
        // those are derived and rightly changed), compared triple by triple
        org.apache.jena.graph.Graph before = org.apache.jena.riot.RDFParser.source("src/test/resources/model/facts-before-events.nt").toGraph();
        assertTrue(before.size() > 900, "the snapshot holds the facts: " + before.size());
        org.apache.jena.graph.Node facts = org.apache.jena.graph.NodeFactory.createURI(BASE + "graph/facts");
        List<String> lost = Txn.calculateRead(dsg, () -> {
            List<String> missing = new java.util.ArrayList<>();
            before.find().forEachRemaining(t -> {
                if (!dsg.contains(facts, t.getSubject(), t.getPredicate(), t.getObject())) missing.add(t.toString());
            });
            return missing;
        });
        // deliberately changed: the note of 004's 'plusieurs millions', now recorded as a range of millions
        lost.removeIf(t -> t.startsWith(BASE + "id/investment/microsoft-invests-2023-undisclosed https://w3id.org/article-kg/ontology#note"));
        // deliberately changed by the sentence-by-sentence audit (issue 15; data/audit/): notes, claims
        // re-modelled under other kinds or ids, qualifiers the articles do not state, 004's image credit
        java.util.Set<String> remodelled = java.util.Set.of("proposal/karpathy-openai-tesla-satellite",
                "proposal/musk-cuts-openai-twitter-access", "release/microsoft-integrates-gpt-into-bing",
                "release/microsoft-integrates-gpt-into-office", "release/gpt-4-announcement-2023-03", "role/musk-head-tesla",
                "role/musk-owner-xai");
        lost.removeIf(t -> remodelled.stream().anyMatch(id -> t.startsWith(BASE + "id/" + id + " ")
                || t.startsWith(BASE + "id/evidence/" + id.substring(id.indexOf('/') + 1) + "/")));
        lost.removeIf(t -> t.contains("https://w3id.org/article-kg/ontology#note ")
                || t.startsWith(BASE + "id/article/004_7d5254a00c7f58fe rdfs:comment "));
        // shortcuts of the re-modelled claims: Karpathy proposed nothing, Microsoft released no GPT
        lost.remove(BASE + "id/person/andrej-karpathy https://w3id.org/article-kg/ontology#proposedTo " + BASE + "id/organization/openai");
        lost.remove(BASE + "id/organization/microsoft https://w3id.org/article-kg/ontology#released " + BASE + "id/product/gpt");
        // Musk's description no longer says he heads Tesla (no article gives his title there)
        lost.removeIf(t -> t.startsWith(BASE + "id/person/elon-musk http://purl.org/dc/terms/description ")
                || t.startsWith(BASE + "id/person/elon-musk dcterms:description "));
        // 004's 'à la tête de' is a claim of its own, without 002's title
        lost.removeIf(t -> t.contains(BASE + "id/evidence/altman-president-y-combinator/004_7d5254a00c7f58fe"));
        lost.removeIf(t -> t.equals(BASE + "id/article/004_7d5254a00c7f58fe https://w3id.org/article-kg/ontology#cites " + BASE + "id/organization/techcrunch"));
        lost.removeIf(t -> t.startsWith(BASE + "id/investment/microsoft-invests-10b-2023 https://w3id.org/article-kg/ontology#date"));
        lost.removeIf(t -> t.startsWith(BASE + "id/proposal/musk-takeover-attempt-2017 https://w3id.org/article-kg/ontology#status "));
        lost.removeIf(t -> t.startsWith(BASE + "id/observation/openai-market-cap-2023-03 https://w3id.org/article-kg/ontology#"));
        lost.removeIf(t -> t.startsWith(BASE + "id/role/altman-president-y-combinator https://w3id.org/article-kg/ontology#reportedIn " + BASE + "id/article/004"));
        // quotes that say more of their claim (a newcomer's trial, 2026-12-02): the 60 million offer's with its rejection,
        // Musk's tweets in their own words; 000 no longer stands for 002's 'nauseating' statement
        for (String id : List.of("microsoft-cloud-offer-60m/000_", "musk-tweets-openai-closed-microsoft/003_",
                "musk-tweets-openai-for-profit-30b/004_", "musk-calls-microsoft-deal-nauseating/000_")) {
            lost.removeIf(t -> t.startsWith(BASE + "id/evidence/" + id));
        }
        lost.removeIf(t -> t.equals(BASE + "id/statement/musk-calls-microsoft-deal-nauseating https://w3id.org/article-kg/ontology#reportedIn "
                + BASE + "id/article/000_1cd7c9620f0f43ef"));
        assertEquals(List.of(), lost);
    }

    @Test
    void everyClaimBelongsToExactlyOneEventAndMuskDepartureIsOneEventOfThreeClaims() {
        assertEquals(0, count("?f a akg:Fact FILTER NOT EXISTS { ?f akg:event ?e }"));
        assertEquals(0, count("?f akg:event ?e1, ?e2 FILTER(?e1 != ?e2)"));
        assertAsk("event:musk-leaves-openai a akg:Event ; akg:eventKind akg:Departure ; akg:claimCount 3 ;"
                + " akg:person person:elon-musk ; akg:organization organization:openai ; akg:articleCount 4 .");
        assertEquals(articles(A001, A002, A003, A004), select("SELECT ?a { event:musk-leaves-openai akg:reportedIn ?a }"));
    }

    @Test
    void singleSourceIsAboutEventsNotClaims() {
        // each departure claim rests on one or two articles; the event rests on four
        assertAsk("departure:musk-leaves-openai-board-2018 akg:articleCount 1 ; akg:event event:musk-leaves-openai .");
        assertAsk("event:musk-leaves-openai akg:articleCount 4");
    }

    @Test
    void reportedTimeIsTheDateOfTheEarliestArticleReportingIt() {
        // OpenAI's founding is reported by 000 (2024-12-30), 002 (2024-11), 003 (2023-03) and 004 (2023-03)
        assertAsk("founding:openai-founded-2015 akg:reportedDate \"2023-03\"^^xsd:gYearMonth ;"
                + " akg:reportedPrecision akg:precision-month .");
        // an undated fact is known to predate the article that reports it
        assertAsk("lawsuit:musk-sues-openai akg:reportedDate ?d FILTER NOT EXISTS { lawsuit:musk-sues-openai akg:date ?x }");
    }

    @Test
    void articlesCitingTheSameOutletAreOneIndependentOrigin() {
        // 003 and 004 both cite Semafor: one origin; 000 cites TechCrunch (004 shows it only in an image credit,
        // which is not a source); 002 cites nobody
        assertAsk("event:musk-funds-openai akg:articleCount 3 ; akg:originCount 2 .");
        assertAsk("founding:openai-founded-2015 akg:articleCount 4 ; akg:originCount 3 .");
        assertAsk(A004 + " akg:cites organization:semafor FILTER NOT EXISTS { " + A004 + " akg:cites organization:techcrunch }");
    }

    @Test
    void labelsInEnglishAndFrenchWriteAmountsAndDatesAsPeopleDo() {
        assertAsk("investment:microsoft-invests-10b-2023 rdfs:label"
                + " \"Microsoft → OpenAI: USD 10 billion (funding, completed)\"@en,"
                + " \"Microsoft → OpenAI : 10 milliards USD (financement, réalisé)\"@fr .");
        assertAsk("investment:microsoft-invests-2023-undisclosed rdfs:label ?l FILTER(CONTAINS(?l, \"(early 2023)\") && LANG(?l) = \"en\")");
        assertAsk("founding:openai-for-profit-created-2019-03-11 rdfs:label ?l FILTER(CONTAINS(?l, \"11 mars 2019\") && LANG(?l) = \"fr\")");
        // the exact decimal stays in the data
        assertAsk("investment:microsoft-invests-10b-2023 akg:amount 10000000000.0");
    }

    @Test
    void disagreementTitlesTakeNoSide() {
        assertAsk("disagreement:musk-funds-openai rdfs:label"
                + " \"Articles disagree (amount): Elon Musk → OpenAI: disputed amount (funding, completed)\"@en ; akg:event event:musk-funds-openai .");
    }

    @Test
    void whoSaysItIsRecordedWithTheEvidence() {
        // 002 reports Musk's suit with his accusations: an allegation, filed in court
        assertAsk("investment:musk-funds-openai-100m prov:wasDerivedFrom ?ev . ?ev akg:attributionMode akg:attribution-mode-reported");
        assertAsk("?ev akg:statedIn " + A002 + " ; akg:saidBy person:elon-musk ; akg:channel akg:channel-court-filing ;"
                + " akg:attributionMode akg:attribution-mode-allegation . lawsuit:musk-sues-openai-microsoft-2024-11 prov:wasDerivedFrom ?ev .");
        // a tweet, and a person imagining a scenario
        assertAsk("?ev akg:saidBy person:elon-musk ; akg:channel akg:channel-tweet .");
        assertAsk("akg:saidBy rdfs:subPropertyOf prov:wasAttributedTo"); // the alignment, in the dumps and the ontology graph
        assertAsk("statement:karpathy-openai-tesla-satellite prov:wasDerivedFrom ?ev ."
                + " ?ev akg:attributionMode akg:attribution-mode-speculation ; akg:saidBy person:andrej-karpathy .");
        assertEquals(0, count("?ev a akg:Evidence FILTER NOT EXISTS { ?ev akg:attributionMode ?m }"));
    }
    @Test
    void everyArticleHasAnAuditTableThatTheBuildChecked() throws IOException {
        // the build above checked them (excerpts in the articles, claims that exist); each article has one
        for (CSVRecord a : rows("articles.csv")) {
            Path audit = DATA.resolve("audit").resolve(a.get("id") + ".csv");
            assertTrue(Files.isRegularFile(audit), audit::toString);
            assertTrue(Files.readAllLines(audit).size() > 10, audit::toString);
        }
    }

    // Article by article (issue 15): what each article's audit table says it supports is in the graph,
    // with its kind, participants, key values and attribution.

    @org.junit.jupiter.api.Nested
    class EachArticle {
        /** Every claim an audit table names is a fact reported in that article (it has evidence there). */
        @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
        @org.junit.jupiter.params.provider.ValueSource(strings = {"000_1cd7c9620f0f43ef", "001_8fa3a84cf20fbdf3",
                "002_bb321f5633903e43", "003_f4fcdda49106cae1", "004_7d5254a00c7f58fe"})
        void everyClaimItsAuditTableNamesIsReportedInIt(String article) throws IOException {
            List<String> wrong = new java.util.ArrayList<>();
            int claims = 0;
            for (CSVRecord row : rows("audit/" + article + ".csv")) {
                for (String id : row.get("claims").split("\\|")) {
                    if (id.isBlank()) continue;
                    claims++;
                    String claim = "?c a akg:Fact ; akg:reportedIn article:" + article
                            + " FILTER(STRENDS(STR(?c), \"/" + id + "\"))";
                    if (!ask(claim)) wrong.add("sentence " + row.get("sentence") + ": " + id);
                }
            }
            assertTrue(claims > 10, article + ": claims named " + claims);
            assertEquals(List.of(), wrong, article + ": claims its audit table names that are not reported in it");
        }

        @Test
        void article000() {
            // Sutskever's email to Musk, as 000 attributes it
            assertAsk("statement:sutskever-warns-musk-absolute-control akg:speaker person:ilya-sutskever ;"
                    + " akg:addressee person:elon-musk ; akg:statementKind akg:statement-kind-concern ; akg:channel akg:channel-email ;"
                    + " prov:wasDerivedFrom ?ev . ?ev akg:statedIn " + A000 + " ; akg:saidBy person:ilya-sutskever ;"
                    + " akg:attributionMode akg:attribution-mode-attributed .");
            // Microsoft's 60 M cloud offer, rejected, against 002's 50 M investment
            assertAsk("investment:microsoft-cloud-offer-60m akg:status akg:status-rejected ; akg:event event:microsoft-openai-first-deal ;"
                    + " akg:conflictsWith investment:microsoft-invests-50m-2016 ; akg:reportedIn " + A000 + " .");
            // Karpathy's idea: speculation, not a proposal
            assertAsk("statement:karpathy-openai-tesla-satellite akg:statementKind akg:statement-kind-plan ; prov:wasDerivedFrom ?ev ."
                    + " ?ev akg:statedIn " + A000 + " ; akg:attributionMode akg:attribution-mode-speculation .");
            // the court document disclosing the emails
            assertAsk("statement:musk-suit-discloses-emails akg:statementKind akg:statement-kind-disclosure ;"
                    + " akg:channel akg:channel-court-filing ; akg:reportedIn " + A000 + ", " + A002 + " .");
            assertAsk(A000 + " akg:cites organization:techcrunch ; akg:date \"2024-12-30\"^^xsd:date .");
        }

        @Test
        void article001() {
            // the founders' blog reply, publishing Musk's emails: five speakers, a disclosure
            assertEquals(5, count("statement:openai-founders-publish-musk-emails akg:speaker ?p"));
            assertAsk("statement:openai-founders-publish-musk-emails akg:statementKind akg:statement-kind-disclosure ;"
                    + " akg:channel akg:channel-blog-post ; akg:about person:elon-musk ; akg:reportedIn " + A001 + " .");
            // 'il a retenu le financement', in the founders' words
            assertAsk("investment:musk-withholds-funding-2017 akg:status akg:status-stopped ; akg:date \"2017\"^^xsd:gYear ;"
                    + " akg:dateQualifier akg:qualifier-late ; prov:wasDerivedFrom ?ev . ?ev akg:saidBy person:ilya-sutskever ;"
                    + " akg:channel akg:channel-blog-post ; akg:attributionMode akg:attribution-mode-attributed .");
            assertAsk("statement:musk-emails-openai-zero-chance akg:speaker person:elon-musk ; akg:channel akg:channel-email ;"
                    + " akg:about organization:deepmind .");
            assertAsk("statement:musk-approves-meaning-of-open akg:statementKind akg:statement-kind-approval ;"
                    + " akg:addressee person:ilya-sutskever ; akg:date \"2016\"^^xsd:gYear .");
            assertAsk("proposal:sutskever-moves-to-fire-altman-2023 akg:proposalKind akg:proposal-kind-ouster ;"
                    + " akg:target person:sam-altman ; akg:reportedIn " + A001 + " .");
            assertNotAsk("proposal:sutskever-moves-to-fire-altman-2023 akg:status ?s");
        }

        @Test
        void article002() {
            assertAsk("investment:microsoft-invests-50m-2016 akg:amount ?a ; akg:status akg:status-completed ;"
                    + " akg:conflictsWith investment:microsoft-cloud-offer-60m ; akg:reportedIn " + A002 + " . FILTER(?a = 50000000)");
            assertAsk("statement:musk-calls-microsoft-deal-nauseating akg:statementKind akg:statement-kind-criticism ;"
                    + " akg:about organization:microsoft ; akg:channel akg:channel-email ; akg:reportedIn " + A002 + " .");
            // 000 tells Musk's fear as why he rejected Microsoft's first offer, not his 'nauseating': its quote is the offer's
            assertNotAsk("statement:musk-calls-microsoft-deal-nauseating akg:reportedIn " + A000);
            assertAsk("investment:microsoft-cloud-offer-60m akg:status akg:status-rejected ; prov:wasDerivedFrom ?e ."
                    + " ?e akg:statedIn " + A000 + " ; akg:quote ?q FILTER(CONTAINS(?q, \"a rejeté l'offre initiale\"))");
            assertAsk("investment:musk-stops-funding-openai akg:status akg:status-stopped ; akg:reportedIn " + A002 + " .");
            assertAsk("statement:altman-argues-research-confidential akg:speaker person:sam-altman ;"
                    + " akg:statementKind akg:statement-kind-defence .");
            assertAsk("statement:musk-calls-for-regulation akg:statementKind akg:statement-kind-call ; akg:reportedIn " + A002 + " .");
            assertAsk("lawsuit:musk-sues-openai-microsoft-2024-11 akg:defendant organization:openai, organization:microsoft ;"
                    + " akg:date \"2024-11\"^^xsd:gYearMonth .");
        }

        @Test
        void article003() {
            assertAsk("statement:musk-tweets-openai-closed-microsoft akg:channel akg:channel-tweet ;"
                    + " akg:about organization:microsoft ; akg:dateQualifier akg:qualifier-before ; akg:reportedIn " + A003 + ", " + A004 + " .");
            assertAsk("statement:sutskever-explains-gpt-4-secrecy akg:speaker person:ilya-sutskever ; akg:about product:gpt-4 ;"
                    + " akg:statementKind akg:statement-kind-defence ; akg:reportedIn " + A003 + " .");
            assertAsk("statement:musk-criticises-for-profit-turn-2020 akg:date \"2020\"^^xsd:gYear ; akg:about organization:openai .");
            // 'Il songerait': a rumour
            assertAsk("statement:musk-plans-openai-rival akg:event event:musk-plans-openai-rival ; prov:wasDerivedFrom ?ev ."
                    + " ?ev akg:statedIn " + A003 + " ; akg:attributionMode akg:attribution-mode-speculation .");
            assertAsk("integration:microsoft-integrates-gpt-into-bing akg:reportedIn " + A003 + " .");
            assertAsk(A003 + " akg:cites organization:semafor, organization:the-verge .");
        }

        @Test
        void article004() {
            assertAsk("holding:altman-no-equity-openai akg:holder person:sam-altman ; akg:organization organization:openai ;"
                    + " akg:stake akg:stake-none ; akg:reportedIn " + A004 + " .");
            assertAsk("withdrawal:musk-cuts-openai-twitter-access a akg:AccessWithdrawal ; akg:withdrawnBy person:elon-musk ;"
                    + " akg:organization organization:openai ; akg:resource organization:twitter .");
            assertAsk("person:elon-musk akg:withdrewAccessOf organization:openai");
            assertAsk("statement:musk-signs-pause-letter akg:statementKind akg:statement-kind-call ; akg:channel akg:channel-letter ;"
                    + " akg:reportedIn " + A004 + " .");
            assertAsk("statement:altman-says-musk-attacks-on-twitter akg:channel akg:channel-interview ; akg:about person:elon-musk .");
            assertAsk("statement:musk-tells-altman-mission-failed akg:addressee person:sam-altman ; akg:date \"2018\"^^xsd:gYear ;"
                    + " akg:dateQualifier akg:qualifier-early .");
            // Altman's title: president from 2018 here, CEO in 002, 003 and here too: a disagreement
            assertAsk("disagreement:altman-position-openai akg:claim role:altman-ceo-openai, role:altman-president-openai-2018 ;"
                    + " akg:disputedProperty akg:title .");
            assertAsk("observation:openai-market-cap-2023-03 prov:wasDerivedFrom ?ev . ?ev akg:saidBy person:elon-musk ;"
                    + " akg:channel akg:channel-tweet .");
        }

        @Test
        void everyDisagreementAndRefinementOfTheAuditIsFoundAndNoOther() {
            assertEquals(Set.of("altman-position-openai", "microsoft-invests-2023", "microsoft-openai-first-deal",
                    "musk-funds-openai", "musk-takeover-attempt"),
                    Set.copyOf(built.load().disagreements().stream().map(Disagreement::event).toList()));
            assertEquals(1, built.load().refinements().size());
            assertAsk("founding:openai-for-profit-created-2019-03-11 akg:refines founding:openai-for-profit-created-2019");
            // two claims of one event that only differ by what one leaves out do not disagree
            assertNotAsk("statement:musk-plans-openai-rival akg:conflictsWith ?x");
            assertNotAsk("role:altman-heads-y-combinator akg:conflictsWith ?x");
        }
    }
}
