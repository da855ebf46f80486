package org.articlekg.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.system.Txn;
import org.articlekg.generate.CorpusGenerator;
import org.articlekg.load.FactModel;
import org.articlekg.load.Iris;
import org.articlekg.query.Answers;
import org.articlekg.query.QueryLibrary;
import org.articlekg.query.ResultFormat;
import org.articlekg.query.SavedQuery;
import org.articlekg.store.ServiceConfig;
import org.articlekg.store.Store;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The saved queries that read the summary graph give exactly the rows their former text gave,
 * which counted at query time (kept in {@code src/test/resources/reference-queries/}), on a
 * generated graph (disagreements, cited outlets, undated articles, several articles per event);
 * and the entity summaries (which entity-coverage reads) equal what a grouping query counts.
 * {@code SavedQueriesTest} pins the same queries on the real data.
 */
class SummariesTest {
    private static final Path PROJECT = Path.of("").toAbsolutePath();
    private static final Path REFERENCE = PROJECT.resolve("src/test/resources/reference-queries");

    @TempDir
    static Path tmp;
    static Dataset dataset;
    static QueryLibrary library;
    static FactModel model;

    @BeforeAll
    static void build() {
        model = FactModel.read(PROJECT.resolve("ontology"));
        Path data = tmp.resolve("data");
        CorpusGenerator.create().model(model).articles(300).seed(11).build().writeTo(data);
        Store store = new Store(tmp.resolve("store"));
        GraphBuilder.create().dataDir(data).ontologyDir(PROJECT.resolve("ontology"))
                .serviceConfig(PROJECT.resolve("fuseki-config/config.ttl")).corpus(null).build().buildInto(store);
        dataset = ServiceConfig.read(PROJECT.resolve("fuseki-config/config.ttl")).openDataset(store.requireCurrent());
        library = QueryLibrary.read(PROJECT.resolve("queries"), model);
    }

    @AfterAll
    static void close() {
        if (dataset != null) {
            dataset.close();
            Store.release(dataset.asDatasetGraph());
        }
    }

    private static List<String> rows(Query query) {
        String csv = Answers.text(dataset.asDatasetGraph(), query, ResultFormat.CSV, Duration.ofSeconds(60));
        List<String> lines = new ArrayList<>(List.of(csv.split("\r\n")));
        String header = lines.remove(0);
        lines.sort(null);
        lines.add(0, header);
        return lines;
    }

    @TestFactory
    Stream<DynamicTest> everyRewrittenQueryGivesTheRowsOfItsFormerText() throws Exception {
        try (Stream<Path> files = Files.list(REFERENCE)) {
            List<Path> references = files.filter(f -> f.toString().endsWith(".rq")).sorted().toList();
            assertTrue(references.size() >= 4, "reference queries: " + references);
            return references.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                String name = file.getFileName().toString().replace(".rq", "");
                SavedQuery current = library.get(name);
                SavedQuery former = QueryLibrary.parse(name, Files.readString(file), file, model);
                List<Map<String, String>> cases = new ArrayList<>(List.of(hubParameter(name)));
                cases.addAll(FILTERS.getOrDefault(name, List.of()));
                if (name.equals("entity-timeline")) cases.addAll(typicalEntities());
                if (name.equals("person-connections")) cases.add(Map.of("person", typicalEntities().get(0).get("entity")));
                for (Map<String, String> values : cases) {
                    List<String> expected = rows(former.bind(values));
                    List<String> actual = rows(current.bind(values));
                    assertTrue(expected.size() > (values.isEmpty() ? 20 : 1), name + " " + values + " has rows on the generated graph: " + expected.size());
                    assertEquals(expected, actual, name + " " + values);
                    if (THRESHOLDED.contains(name)) assertEquals(expected, rows(readInIndexOrder(name).bind(values)), name + " " + values + ", read in index order");
                }
            }));
        }
    }

    /**
     * The reports read without sorting their rows: each sorts one rank per item in a subquery and
     * reads the rest per item (LATERAL). Their order is then the ranks': this pins that the items
     * come out in rank order, all of them (no item lost between the two parts).
     */
    @TestFactory
    Stream<DynamicTest> everyRankedReportListsItsItemsInRankOrder() {
        Map<String, List<String>> reports = new java.util.LinkedHashMap<>();
        reports.put("articles", List.of("article", "dateRank", "?x a akg:Article"));
        reports.put("investments-by-year", List.of("investment", "dateRank", "?x a akg:Investment"));
        reports.put("lawsuits", List.of("lawsuit", "dateRank", "?x a akg:Lawsuit"));
        reports.put("observations", List.of("observation", "dateRank", "?x a akg:Observation"));
        reports.put("statements", List.of("statement", "dateRank", "?x a akg:Statement"));
        // found from their statuses (those its status parameter allows), in the ranks' order: from
        // every status, and from one
        String unfinished = "?x a ?k ; akg:status/<http://www.w3.org/2004/02/skos/core#notation> ?s "
                + "FILTER(?k IN (akg:Proposal, akg:Investment))";
        String statuses = library.get("unfinished-deals").parameter("status").allowed().stream()
                .map(v -> "\"" + v + "\"").collect(java.util.stream.Collectors.joining(", "));
        reports.put("unfinished-deals", List.of("fact", "dateRank", unfinished + " FILTER(?s IN (" + statuses + "))"));
        reports.put("unfinished-deals" + WITH + "status=pledged", List.of("fact", "dateRank", unfinished + " FILTER(?s = \"pledged\")"));
        reports.put("claim-support", List.of("claim", "supportRank", "?x akg:event ?e"));
        reports.put("independent-support", List.of("event", "supportRank", "?x a akg:Event"));
        reports.put("single-source-facts", List.of("event", "supportRank", "?x a akg:Event ; akg:originCount 1"));
        reports.put("entity-coverage", List.of("entity", "coverageRank", "?x akg:factCount ?n FILTER NOT EXISTS { ?x akg:eventCount ?m }"));
        reports.put("entities", List.of("entity", "nameRank", "?x akg:nameRank ?r"));
        reports.put("investments-in", List.of("investment", "dateRank", "?x a akg:Investment ; akg:investee <" + hubParameter("investments-in").get("investee") + ">"));
        reports.put("roles-at", List.of("role", "dateRank", "?x a akg:Role ; akg:organization <" + hubParameter("roles-at").get("organization") + ">"));
        reports.put("person-connections", List.of("fact", "kindRank", "?x akg:event ?e ; ?p <" + hubParameter("person-connections").get("person") + ">"));
        reports.put("person-connections" + IN_INDEX_ORDER, reports.get("person-connections"));
        reports.put("who-says-what", List.of("claim", "kindRank", "?x akg:event ?e"));
        // a rarer mode: from that mode's evidence, the ranks sorted
        reports.put("who-says-what" + WITH + "mode=attributed", List.of("claim", "kindRank",
                "?x akg:event ?e ; <http://www.w3.org/ns/prov#wasDerivedFrom>/akg:attributionMode/<http://www.w3.org/2004/02/skos/core#notation> \"attributed\""));
        // the articles dated by facts-as-of's default as_of (2023-12-31), at their own precision, with claims
        reports.put("facts-as-of", List.of("article", "dateRank",
                "?x a akg:Article ; akg:date ?d ; akg:factCount ?n FILTER(?n > 0 && STR(?d) <= \"2023-12-31\")"));
        return reports.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            String column = e.getValue().get(0);
            String name = e.getKey().replace(IN_INDEX_ORDER, "").split(WITH)[0];
            SavedQuery query = e.getKey().endsWith(IN_INDEX_ORDER) ? readInIndexOrder(name) : library.get(name);
            Map<String, String> values = new java.util.HashMap<>(hubParameter(name));
            if (e.getKey().contains(WITH)) values.put(e.getKey().split(WITH)[1].split("=")[0], e.getKey().split(WITH)[1].split("=")[1]);
            List<String> items = new ArrayList<>(new java.util.LinkedHashSet<>(column(query.bind(values), column)));
            Map<String, Long> ranks = new java.util.HashMap<>();
            Txn.executeRead(dataset, () -> {
                String select = "SELECT ?x ?r WHERE { " + e.getValue().get(2) + " . ?x akg:" + e.getValue().get(1) + " ?r }";
                try (QueryExecution qe = QueryExecution.dataset(dataset).query(QueryFactory.create(prefixed(select))).build()) {
                    qe.execSelect().forEachRemaining(row -> ranks.put(row.getResource("x").getURI(), row.getLiteral("r").getLong()));
                }
            });
            assertTrue(items.size() > 20, e.getKey() + " lists items: " + items.size());
            assertEquals(ranks.keySet().stream().sorted().toList(), items.stream().sorted().toList(), e.getKey() + ": every ranked item, once");
            for (int i = 1; i < items.size(); i++) {
                assertTrue(ranks.get(items.get(i - 1)) < ranks.get(items.get(i)),
                        e.getKey() + ": " + items.get(i - 1) + " before " + items.get(i) + " against their ranks");
            }
        }));
    }

    @Test
    void ranksFollowWhatTheyRankBy() {
        Txn.executeRead(dataset, () -> {
            // claims by date: dated ones first, dates never going back
            List<String> dates = csv("SELECT ?d WHERE { ?c akg:dateRank ?r ; akg:event ?e OPTIONAL { ?c akg:date ?d } } ORDER BY ?r")
                    .lines().skip(1).toList();
            int firstUndated = dates.indexOf("");
            assertTrue(firstUndated > 0 && dates.subList(firstUndated, dates.size()).stream().allMatch(String::isEmpty), "undated last");
            List<String> dated = dates.subList(0, firstUndated);
            assertEquals(dated.stream().sorted().toList(), dated, "dated claims by date");
            // claims and events by support: origins, then articles, never going down
            for (String item : List.of("?x akg:event ?e", "?x a akg:Event")) {
                List<String> support = csv("SELECT ?o ?a WHERE { " + item + " . ?x akg:supportRank ?r ; akg:originCount ?o ; akg:articleCount ?a } ORDER BY ?r")
                        .lines().skip(1).toList();
                Comparator<String> byNumbers = Comparator.comparingInt((String l) -> Integer.parseInt(l.split(",")[0]))
                        .thenComparingInt(l -> Integer.parseInt(l.split(",")[1]));
                assertEquals(support.stream().sorted(byNumbers).toList(), support, item);
                assertTrue(support.stream().distinct().count() > 1, "the generated graph has claims of several supports");
            }
            // entities by coverage: most facts first
            List<Integer> facts = csv("SELECT ?n WHERE { ?x akg:coverageRank ?r ; akg:factCount ?n } ORDER BY ?r")
                    .lines().skip(1).map(Integer::parseInt).toList();
            assertEquals(facts.stream().sorted(Comparator.reverseOrder()).toList(), facts);
        });
    }

    /** Filters each report is compared under besides its defaults: they narrow its ranked items in another way. */
    private static final Map<String, List<Map<String, String>>> FILTERS = Map.of(
            "entities", List.of(Map.of("type", "organization"), Map.of("type", "company"), Map.of("type", "other"), Map.of("type", "person")),
            "claim-support", List.of(Map.of("kind", "investment")),
            "single-source-facts", List.of(Map.of("kind", "role")),
            "unfinished-deals", List.of(Map.of("status", "proposed")),
            "lawsuits", List.of(Map.of("status", "filed")),
            "observations", List.of(Map.of("measure", "valuation")),
            "investments-by-year", List.of(Map.of("year", "2019")),
            "who-says-what", List.of(Map.of("mode", "reported"), Map.of("mode", "attributed"), Map.of("mode", "allegation"),
                    Map.of("mode", "speculation")),
            "facts-as-of", List.of(Map.of("as_of", "2030-01-01"), Map.of("as_of", "2021-06-30")));

    /** The statement that names the value of each entity-parameterised report's parameter, by query name. */
    private static final Map<String, List<String>> HUB_PARAMETERS = Map.of(
            "investments-in", List.of("investee", "?f a akg:Investment ; akg:investee ?x"),
            "roles-at", List.of("organization", "?f a akg:Role ; akg:organization ?x"),
            "entity-timeline", List.of("entity", "?f akg:event ?e ; ?p ?x . ?x akg:nameRank ?name_rank"),
            "person-connections", List.of("person", "?f akg:event ?e ; ?p ?x . ?x a akg:Person"));

    /** The queries that read a rank's whole index in order for an entity named by 2,000 claims or more, and sort its claims' ranks otherwise. */
    private static final List<String> THRESHOLDED = List.of("entity-timeline", "person-connections");
    private static final String IN_INDEX_ORDER = " (read in index order)";
    /** In a report's name in {@code everyRankedReportListsItsItemsInRankOrder}: the parameter it is bound to ({@code name with k=v}). */
    private static final String WITH = " with ";

    /** A query of {@link #THRESHOLDED} with the threshold at one claim, so that the generated graph's entities take the first way. */
    private static SavedQuery readInIndexOrder(String name) throws java.io.IOException {
        Path file = PROJECT.resolve("queries/" + name + ".rq");
        String text = Files.readString(file);
        String lowered = text.replace("?claims_naming >= 2000", "?claims_naming >= 1").replace("?claims_naming < 2000", "?claims_naming < 1");
        assertTrue(!lowered.contains("?claims_naming >= 2000") && !lowered.contains("?claims_naming < 2000") && !lowered.equals(text),
                "the threshold lowered");
        return QueryLibrary.parse(name, lowered, file, model);
    }

    /** Entities besides the hub: a person, an organisation, a product, each named by a few claims and more than one. */
    private static List<Map<String, String>> typicalEntities() {
        List<Map<String, String>> entities = new ArrayList<>();
        for (String type : List.of("akg:Person", "akg:Organization", "akg:Product")) {
            String select = "SELECT ?x WHERE { ?x a " + type + " ; akg:coverageRank ?r ; akg:factCount ?n FILTER(?n > 1) } ORDER BY DESC(?r) LIMIT 1";
            Txn.executeRead(dataset, () -> {
                try (QueryExecution qe = QueryExecution.dataset(dataset).query(QueryFactory.create(prefixed(select))).build()) {
                    ResultSet rs = qe.execSelect();
                    assertTrue(rs.hasNext(), "the generated graph has a " + type + " named by several claims");
                    entities.add(Map.of("entity", rs.next().getResource("x").getURI()));
                }
            });
        }
        return entities;
    }

    /**
     * The timeline's rows come in the order its former text sorted them: by the date's text, then
     * before, early and a reported date before mid, circa and none, before late and after, then kind
     * and label; on the entity named most and on typical ones.
     */
    @Test
    void theTimelineListsItsRowsInDateOrder() throws Exception {
        List<Map<String, String>> entities = new ArrayList<>(List.of(hubParameter("entity-timeline")));
        entities.addAll(typicalEntities());
        java.util.Set<String> seen = new java.util.TreeSet<>();
        for (SavedQuery timeline : List.of(library.get("entity-timeline"), readInIndexOrder("entity-timeline"))) {
            for (Map<String, String> entity : entities) {
                List<List<String>> keys = new ArrayList<>();
                Txn.executeRead(dataset, () -> {
                    try (QueryExecution qe = QueryExecution.dataset(dataset).query(timeline.bind(entity)).build()) {
                        qe.execSelect().forEachRemaining(row -> {
                            String qualifier = row.contains("date_qualifier") ? row.getLiteral("date_qualifier").getString() : "";
                            String bucket = row.getLiteral("date_role").getString().equals("reported") || List.of("before", "early").contains(qualifier) ? "0"
                                    : List.of("late", "after").contains(qualifier) ? "2" : "1";
                            seen.add(row.getLiteral("date_role").getString());
                            seen.add("qualifier order " + bucket);
                            keys.add(List.of(row.getLiteral("date").getLexicalForm(), bucket, row.getLiteral("kind").getString(),
                                    row.getLiteral("label").getString()));
                        });
                    }
                });
                assertTrue(keys.size() > 1, entity + " has rows: " + keys.size());
                Comparator<List<String>> order = Comparator.comparing((List<String> k) -> k.get(0)).thenComparing(k -> k.get(1))
                        .thenComparing(k -> k.get(2)).thenComparing(k -> k.get(3));
                assertEquals(keys.stream().sorted(order).toList(), keys, entity.toString());
            }
        }
        assertEquals(List.of("date", "end", "qualifier order 0", "qualifier order 1", "qualifier order 2", "reported", "start"),
                List.copyOf(seen), "the timelines checked have rows of every kind");
    }

    /** The parameter of an entity-parameterised report, given the entity it lists most items of; else none. */
    private static Map<String, String> hubParameter(String query) {
        List<String> p = HUB_PARAMETERS.get(query);
        if (p == null) return Map.of();
        String select = "SELECT ?x (COUNT(*) AS ?n) WHERE { " + p.get(1) + " } GROUP BY ?x ORDER BY DESC(?n) ?x LIMIT 1";
        return Txn.calculateRead(dataset, () -> {
            try (QueryExecution qe = QueryExecution.dataset(dataset).query(QueryFactory.create(prefixed(select))).build()) {
                return Map.of(p.get(0), qe.execSelect().next().getResource("x").getURI());
            }
        });
    }

    /** The values of one column of a query's results, in the order returned. */
    private static List<String> column(Query query, String name) {
        List<String> values = new ArrayList<>();
        Txn.executeRead(dataset, () -> {
            try (QueryExecution qe = QueryExecution.dataset(dataset).query(query).build()) {
                assertTrue(qe.getQuery().getResultVars().contains(name), name + " in " + qe.getQuery().getResultVars());
                qe.execSelect().forEachRemaining(row -> values.add(row.getResource(name).getURI()));
            }
        });
        return values;
    }

    @Test
    void theGeneratedGraphHasWhatTheSummariesDistinguish() {
        Txn.executeRead(dataset, () -> {
            assertTrue(count("SELECT (COUNT(*) AS ?n) WHERE { ?d a akg:Disagreement }") > 0, "disagreements");
            assertTrue(count("SELECT (COUNT(*) AS ?n) WHERE { ?e akg:articleCount 1 }") > 0, "single-source events");
            assertTrue(count("SELECT (COUNT(*) AS ?n) WHERE { ?e a akg:Event ; akg:articleCount ?c FILTER(?c > 1) }") > 0,
                    "events of several articles");
        });
    }

    @Test
    void entitySummariesAreTheirClaimsCountedAndTheirArticlesDates() {
        // a claim names an entity through any of its properties; the dates are its articles'
        String grouped = """
                SELECT ?entity ?facts ?first ?last WHERE {
                  { SELECT ?entity (COUNT(DISTINCT ?claim) AS ?facts) WHERE {
                      GRAPH <%1$s> { ?claim akg:event ?event ; ?p ?entity }
                      FILTER(REGEX(STR(?entity), "^%2$sid/(%3$s)/"))
                    } GROUP BY ?entity }
                  OPTIONAL { SELECT ?entity (MIN(STR(?date)) AS ?first) (MAX(STR(?date)) AS ?last) WHERE {
                      GRAPH <%1$s> { ?claim akg:event ?event ; ?p ?entity ; akg:reportedIn/akg:date ?date }
                      FILTER(REGEX(STR(?entity), "^%2$sid/(%3$s)/"))
                    } GROUP BY ?entity }
                } ORDER BY ?entity""";
        String summarised = """
                SELECT ?entity ?facts (STR(?f) AS ?first) (STR(?l) AS ?last) WHERE {
                  GRAPH <%s> { ?entity akg:factCount ?facts FILTER NOT EXISTS { ?entity akg:eventCount ?any }
                               OPTIONAL { ?entity akg:firstReported ?f } OPTIONAL { ?entity akg:lastReported ?l } }
                } ORDER BY ?entity""";
        String base = Iris.DEFAULT_BASE;
        Iris iris = new Iris(base);
        Txn.executeRead(dataset, () -> {
            // the kinds of entity, as ontology/kinds.ttl declares them (person|organization|product)
            String entityKinds = String.join("|", model.kinds().stream()
                    .filter(k -> k.role() == org.articlekg.load.Kind.Role.ENTITY).map(k -> k.segment()).toList());
            String expected = csv(grouped.formatted(iris.graph(Iris.FACTS_GRAPH).getURI(), base, entityKinds));
            String actual = csv(summarised.formatted(iris.graph(Iris.SUMMARY_GRAPH).getURI()));
            assertTrue(expected.lines().count() > 50, expected);
            assertEquals(expected, actual);
        });
    }

    @Test
    void everyGraphIsListedAndTheSummaryGraphHoldsOnlySummaries() {
        Txn.executeRead(dataset, () -> {
            String base = Iris.DEFAULT_BASE;
            List<String> graphs = new ArrayList<>();
            dataset.asDatasetGraph().listGraphNodes().forEachRemaining(g -> graphs.add(g.getURI()));
            assertEquals(Iris.GRAPHS.stream().map(n -> base + "graph/" + n).sorted().toList(), graphs.stream().sorted().toList());
            String properties = csv("SELECT DISTINCT ?p WHERE { GRAPH <" + base + "graph/summary> { ?s ?p ?o } } ORDER BY ?p");
            assertEquals(List.of("p", "https://w3id.org/article-kg/ontology#coverageRank", "https://w3id.org/article-kg/ontology#dateRank",
                    "https://w3id.org/article-kg/ontology#disputed", "https://w3id.org/article-kg/ontology#disputedFactCount",
                    "https://w3id.org/article-kg/ontology#eventCount", "https://w3id.org/article-kg/ontology#factCount",
                    "https://w3id.org/article-kg/ontology#firstReported", "https://w3id.org/article-kg/ontology#kindRank",
                    "https://w3id.org/article-kg/ontology#lastReported",
                    "https://w3id.org/article-kg/ontology#nameRank", "https://w3id.org/article-kg/ontology#singleSourceEventCount",
                    "https://w3id.org/article-kg/ontology#supportRank", "https://w3id.org/article-kg/ontology#timelineEndRank",
                    "https://w3id.org/article-kg/ontology#timelineRank", "https://w3id.org/article-kg/ontology#timelineStartRank"),
                    properties.lines().toList());
        });
    }

    private static long count(String select) {
        try (QueryExecution qe = QueryExecution.dataset(dataset).query(QueryFactory.create(prefixed(select))).build()) {
            return qe.execSelect().next().getLiteral("n").getLong();
        }
    }

    private static String csv(String select) {
        Query q = QueryFactory.create(prefixed(select));
        try (QueryExecution qe = QueryExecution.dataset(dataset).query(q).build()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ResultSetFormatter.outputAsCSV(out, qe.execSelect());
            return out.toString(StandardCharsets.UTF_8).replace("\r\n", "\n");
        }
    }

    private static String prefixed(String q) {
        return "PREFIX akg: <https://w3id.org/article-kg/ontology#>\nPREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\n" + q;
    }
}
