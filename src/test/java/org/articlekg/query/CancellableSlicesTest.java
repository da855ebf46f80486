package org.articlekg.query;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An OFFSET through {@link CancellableSlices}: the same rows as ARQ's own, and an end at the timeout. */
class CancellableSlicesTest {
    static DatasetGraph dataset;

    @BeforeAll
    static void load() {
        dataset = DatabaseMgr.createDatasetGraph();
        Txn.executeWrite(dataset, () -> {
            for (int i = 0; i < 2000; i++) {
                dataset.getDefaultGraph().add(NodeFactory.createURI("urn:s" + i), NodeFactory.createURI("urn:p"),
                        NodeFactory.createLiteralString("o" + i));
            }
        });
    }

    private static String csv(String sparql) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        QueryRunner.local(dataset, Duration.ofSeconds(30), 0).run(QueryFactory.create(sparql), ResultFormat.CSV, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** ARQ's own answer, with its default executor. */
    private static String plain(String sparql) {
        return Txn.calculateRead(dataset, () -> {
            try (QueryExec qe = QueryExec.dataset(dataset).query(sparql).build()) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                org.apache.jena.sparql.resultset.ResultsWriter.create().lang(org.apache.jena.riot.resultset.ResultSetLang.RS_CSV)
                        .write(out, qe.select());
                return out.toString(StandardCharsets.UTF_8);
            }
        });
    }

    @Test
    void anOffsetGivesTheRowsOfArq() {
        List<String> queries = new ArrayList<>();
        for (String slice : List.of("OFFSET 0", "OFFSET 1", "OFFSET 1990", "OFFSET 1999 LIMIT 5", "OFFSET 2000", "OFFSET 5000",
                "OFFSET 10 LIMIT 0", "OFFSET 10 LIMIT 3", "LIMIT 4")) {
            queries.add("SELECT ?s ?o { ?s ?p ?o } ORDER BY ?o " + slice);
            queries.add("SELECT ?o { { SELECT ?o { ?s ?p ?o } ORDER BY DESC(?o) " + slice + " } } ORDER BY ?o");
        }
        // a slice built again for each row (LATERAL, as the saved queries use it) and inside OPTIONAL
        queries.add("SELECT ?s ?next { { SELECT ?s { ?s ?p ?o } ORDER BY ?o LIMIT 5 } "
                + "LATERAL { SELECT ?next { ?n ?p ?next FILTER(STR(?n) > STR(?s)) } ORDER BY ?next OFFSET 1 LIMIT 1 } }");
        queries.add("SELECT ?s ?o2 { { SELECT ?s { ?s ?p ?o } ORDER BY ?o LIMIT 3 } "
                + "OPTIONAL { { SELECT ?o2 { ?x ?q ?o2 } ORDER BY ?o2 OFFSET 1998 } } } ORDER BY ?s ?o2");
        for (String q : queries) {
            String rows = csv(q);
            assertEquals(plain(q), rows, q);
        }
        assertEquals(6, csv("SELECT ?o { ?s ?p ?o } ORDER BY ?o OFFSET 1995").lines().count(), "the header and five rows");
    }

    @Test
    void anOffsetPastEveryRowEndsWithTheTimeout() {
        String q = "SELECT * { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } OFFSET 999999999999";
        QueryRunner runner = QueryRunner.local(dataset, Duration.ofMillis(500), 0);
        // given up on after 20 s: ARQ's own slice skipped for hours before it could be cancelled
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertThrows(QueryRunner.TimeoutException.class,
                () -> runner.run(QueryFactory.create(q), ResultFormat.CSV, new ByteArrayOutputStream())));
    }
}
