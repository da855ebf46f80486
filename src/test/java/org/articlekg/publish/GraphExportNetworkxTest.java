package org.articlekg.publish;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.articlekg.build.Ontology;
import org.articlekg.load.GraphLoader;
import org.articlekg.load.Iris;
import org.articlekg.publish.GraphEdges.Edge;
import org.articlekg.publish.GraphEdges.EntityGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A real client reads the exports of the real data: networkx's {@code read_gexf} and
 * {@code read_graphml}, with each Python found ({@code python3} on the PATH, and Debian's
 * {@code /usr/bin/python3}, whose python3-networkx is 2.8 on Debian 12, so that 2.x and 3.x are
 * both tried where both are installed). Node and edge counts, the dated and disputed edges, the
 * attributes' Python types, and every investment edge's amounts, currency, start and weight must
 * be what the Java side wrote. Skipped for an interpreter that is missing or lacks networkx.
 */
class GraphExportNetworkxTest {
    private static final String SCRIPT = """
            import json, sys
            import networkx as nx

            def summary(g):
                edges = list(g.edges(data=True))
                iri = {n: d['iri'] for n, d in g.nodes(data=True)}
                investments = {}
                for s, t, d in edges:
                    if d.get('relationship') == 'invested in':
                        investments[iri[s] + ' ' + iri[t]] = {k: str(d.get(k)) for k in ('amount', 'currency', 'start', 'weight')}
                one = next(d for s, t, d in edges if 'amount' in d and 'start' in d)
                return {'nodes': g.number_of_nodes(), 'edges': g.number_of_edges(),
                        'dated': sum(1 for s, t, d in edges if 'start' in d),
                        'disputed': sum(1 for s, t, d in edges if d.get('disputed') is True),
                        'types': {k: type(v).__name__ for k, v in one.items()},
                        'investments': investments}

            print(json.dumps({'version': nx.__version__,
                              'gexf': summary(nx.read_gexf(sys.argv[1])),
                              'graphml': summary(nx.read_graphml(sys.argv[2]))}))
            """;

    @TempDir static Path tmp;
    static EntityGraph graph;
    static Path gexf;
    static Path graphml;

    /** The real data in a dataset laid out as a build's, and its exports written to files. */
    @BeforeAll
    static void export() throws IOException {
        Iris iris = new Iris(Iris.DEFAULT_BASE);
        Ontology ontology = Ontology.read(Path.of("ontology"));
        Graph facts = GraphFactory.createDefaultGraph();
        GraphLoader.create().dataDir(Path.of("data")).base(iris.base()).corpus(null).model(ontology.model()).build()
                .load(StreamRDFLib.graph(facts));
        DatasetGraph dsg = DatasetGraphFactory.create(facts);
        dsg.addGraph(iris.graph(Iris.FACTS_GRAPH), facts);
        dsg.addGraph(iris.graph(Iris.ONTOLOGY_GRAPH), ontology.graph());
        graph = GraphEdges.all(dsg, iris);
        gexf = tmp.resolve("article-kg.gexf");
        graphml = tmp.resolve("article-kg.graphml");
        try (OutputStream out = Files.newOutputStream(gexf)) {
            GraphExport.gexf(graph, out);
        }
        try (OutputStream out = Files.newOutputStream(graphml)) {
            GraphExport.graphml(graph, out);
        }
    }

    /** Runs the script with {@code python}, or skips when it or networkx is missing. */
    private static JsonObject run(String python) throws Exception {
        Path script = tmp.resolve("read.py");
        Files.writeString(script, SCRIPT);
        Process p;
        try {
            p = new ProcessBuilder(python, script.toString(), gexf.toString(), graphml.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, python + " is not installed");
            throw e;
        }
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), python + " took over a minute");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assumeTrue(!out.contains("No module named 'networkx'"), "networkx is not installed for " + python);
        assertEquals(0, p.exitValue(), out);
        return JSON.parse(out.lines().reduce((a, b) -> b).orElseThrow());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"python3", "/usr/bin/python3"})
    void networkxReadsTheGexfAndTheGraphmlWithTheirAttributes(String python) throws Exception {
        JsonObject result = run(python);
        String version = result.getString("version");
        long dated = graph.edges().stream().filter(e -> e.start() != null).count();
        long disputed = graph.edges().stream().filter(Edge::disputed).count();
        assertTrue(dated > 0 && disputed > 0, "the real data has dated and disputed edges");
        Map<String, Map<String, String>> investments = new HashMap<>();
        for (Edge e : graph.edges()) {
            if (!e.relationship().getURI().endsWith("#investedIn")) continue;
            Map<String, String> expected = new HashMap<>();
            expected.put("amount", e.amounts().isEmpty() ? "None"
                    : String.join("; ", e.amounts().stream().map(a -> a.value().stripTrailingZeros().toPlainString()).toList()));
            expected.put("currency", e.amounts().isEmpty() ? "None" : e.amounts().get(0).currency());
            expected.put("start", e.start() == null ? "None" : e.start().toString());
            expected.put("weight", Math.max(1, e.articles().size()) + ".0");
            investments.put(e.source().getURI() + " " + e.target().getURI(), expected);
        }
        assertTrue(investments.values().stream().anyMatch(i -> !i.get("amount").equals("None")), "some investments state amounts");
        for (String format : new String[] {"gexf", "graphml"}) {
            JsonObject s = result.getObj(format);
            String where = format + " read by networkx " + version;
            assertEquals(graph.nodes().size(), s.getNumber("nodes").intValue(), where);
            assertEquals(graph.edges().size(), s.getNumber("edges").intValue(), where);
            assertEquals(dated, s.getNumber("dated").longValue(), where);
            assertEquals(disputed, s.getNumber("disputed").longValue(), where);
            JsonObject types = s.getObj("types");
            for (String[] t : new String[][] {{"weight", "float"}, {"sources", "int"}, {"origins", "int"}, {"disputed", "bool"},
                    {"amount", "str"}, {"currency", "str"}, {"start", "str"}, {"relationship", "str"}, {"first_reported", "str"}}) {
                assertEquals(t[1], types.getString(t[0]), where + ": " + t[0]);
            }
            JsonObject read = s.getObj("investments");
            assertEquals(investments.keySet(), read.keys(), where);
            for (Map.Entry<String, Map<String, String>> e : investments.entrySet()) {
                JsonObject got = read.getObj(e.getKey());
                for (Map.Entry<String, String> a : e.getValue().entrySet()) {
                    assertEquals(a.getValue(), got.getString(a.getKey()), where + ": " + e.getKey() + " " + a.getKey());
                }
            }
        }
    }
}
