package org.articlekg.publish;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.jena.graph.Graph;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.articlekg.DataFixture;
import org.articlekg.build.Ontology;
import org.articlekg.load.Iris;
import org.articlekg.publish.GraphEdges.EntityGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The GEXF and GraphML exports, read back with a namespace-aware parser: GEXF 1.2draft by
 * default, a dynamic graph whose dated edges start at their statements' earliest date, and the
 * edges' attributes (readable relationship, sources, independent origins, disputed, exact amounts
 * and currency, first and last reported), declared with their types in both formats.
 *
 * <p>Fixture: Alice invests in Acme (two claims of one event that disagree on the amount, 2015
 * and December 2015, reported by three articles of which two cite the same outlet); Bob is Acme's
 * CEO from March 2019; Acme makes the widget (no date, no source).
 */
class GraphExportTest {
    static final String GEXF_12 = "http://www.gexf.net/1.2draft";
    static final String GRAPHML = "http://graphml.graphdrawing.org/xmlns";

    @TempDir static Path tmp;
    static EntityGraph graph;

    /**
     * The fixture's entity graph, from a dataset laid out as a build's: the ontology graph, the facts
     * graph, and the facts in the default graph too (the server's default graph is the union).
     */
    static EntityGraph fixture(Path dir) {
        Iris iris = new Iris(DataFixture.BASE);
        Graph facts = DataFixture.minimal()
                .with("organizations.csv", DataFixture.ORGANIZATIONS, "acme,company,Acme,Acme,,,,", "ngo,nonprofit,NGO,ONG,,,,",
                        "press,media,Press,Presse,,,,")
                .with("articles.csv", DataFixture.ARTICLES, DataFixture.ARTICLE + ",Premier article,,,2024-12-30,stated,fr,",
                        "001_bbbb,Second,,press,2016-03,stated,en,", "002_cccc,Third,,press,2017,stated,en,")
                .with("investments.csv", DataFixture.INVESTMENTS,
                        "alice-funds-acme-a,alice-funds-acme,alice,acme,100000000,,USD,2015-12,,funding,completed,",
                        "alice-funds-acme-b,alice-funds-acme,alice,acme,50000000.50,,USD,2015,,funding,completed,")
                .with("roles.csv", DataFixture.ROLES, "bob-ceo-acme,,bob,acme,ceo,2019-03,,,,,")
                .with("evidence.csv", DataFixture.EVIDENCE, "alice-funds-acme-a," + DataFixture.ARTICLE + ",Alice a investi",
                        "alice-funds-acme-a,001_bbbb,Alice invested", "alice-funds-acme-b,002_cccc,Alice invested",
                        "bob-ceo-acme," + DataFixture.ARTICLE + ",Bob dirige Acme")
                .load(dir);
        DatasetGraph dsg = DatasetGraphFactory.create(facts);
        dsg.addGraph(iris.graph(Iris.FACTS_GRAPH), facts);
        dsg.addGraph(iris.graph(Iris.ONTOLOGY_GRAPH), Ontology.read(Path.of("ontology")).graph());
        return GraphEdges.all(dsg, iris);
    }

    @BeforeAll
    static void build() {
        graph = fixture(tmp.resolve("data"));
    }

    static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    static Document gexf(GraphExport.GexfVersion... version) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (version.length == 0) GraphExport.gexf(graph, out);
        else GraphExport.gexf(graph, out, version[0]);
        return parse(out.toByteArray());
    }

    /** The GEXF edge with this label, and its attribute values by id. */
    static Element edge(Document d, String label) {
        NodeList edges = d.getElementsByTagNameNS(GEXF_12, "edge");
        for (int i = 0; i < edges.getLength(); i++) {
            Element e = (Element) edges.item(i);
            if (e.getAttribute("label").equals(label)) return e;
        }
        throw new AssertionError("no edge labelled " + label);
    }

    static Map<String, String> attvalues(Element e) {
        Map<String, String> values = new HashMap<>();
        NodeList l = e.getElementsByTagNameNS(GEXF_12, "attvalue");
        for (int i = 0; i < l.getLength(); i++) {
            Element a = (Element) l.item(i);
            values.put(a.getAttribute("for"), a.getAttribute("value"));
        }
        return values;
    }

    @Test
    void gexfIsVersion12DraftByDefaultAndDynamicWithDates() throws Exception {
        Document d = gexf();
        Element root = d.getDocumentElement();
        assertEquals(GEXF_12, root.getNamespaceURI());
        assertEquals("gexf", root.getLocalName());
        assertEquals("1.2", root.getAttribute("version"));
        Element g = (Element) d.getElementsByTagNameNS(GEXF_12, "graph").item(0);
        assertEquals("dynamic", g.getAttribute("mode"));
        assertEquals("date", g.getAttribute("timeformat"));
        assertEquals("directed", g.getAttribute("defaultedgetype"));
        assertEquals(6, d.getElementsByTagNameNS(GEXF_12, "node").getLength(), "alice, bob, acme, ngo, press, widget");
        assertEquals(3, d.getElementsByTagNameNS(GEXF_12, "edge").getLength());
    }

    @Test
    void gexf13IsOfferedWithItsOwnNamespace() throws Exception {
        Element root = gexf(GraphExport.GexfVersion.V1_3).getDocumentElement();
        assertEquals("http://gexf.net/1.3", root.getNamespaceURI());
        assertEquals("1.3", root.getAttribute("version"));
    }

    @Test
    void gexfDeclaresEveryEdgeAttributeWithItsType() throws Exception {
        Document d = gexf();
        Map<String, String> types = new HashMap<>();
        NodeList decls = d.getElementsByTagNameNS(GEXF_12, "attributes");
        for (int i = 0; i < decls.getLength(); i++) {
            Element a = (Element) decls.item(i);
            if (!a.getAttribute("class").equals("edge")) continue;
            assertEquals("static", a.getAttribute("mode"));
            NodeList l = a.getElementsByTagNameNS(GEXF_12, "attribute");
            for (int j = 0; j < l.getLength(); j++) {
                Element x = (Element) l.item(j);
                types.put(x.getAttribute("id"), x.getAttribute("type"));
            }
        }
        assertEquals(Map.of("relationship", "string", "property", "string", "sources", "integer", "origins", "integer",
                "disputed", "boolean", "amount", "string", "currency", "string", "first_reported", "string",
                "last_reported", "string"), types);
    }

    @Test
    void anInvestmentEdgeCarriesSourcesOriginsDisputeExactAmountsAndItsStart() throws Exception {
        Element e = edge(gexf(), "invested in");
        assertEquals("3", e.getAttribute("weight"), "three articles");
        assertEquals("2015-01-01", e.getAttribute("start"), "the earliest claim date, 2015, at the start of the year");
        assertFalse(e.hasAttribute("end"));
        Map<String, String> a = attvalues(e);
        assertEquals("invested in", a.get("relationship"));
        assertEquals("https://w3id.org/article-kg/ontology#investedIn", a.get("property"));
        assertEquals("3", a.get("sources"));
        assertEquals("2", a.get("origins"), "the two articles citing the same outlet are one origin");
        assertEquals("true", a.get("disputed"));
        assertEquals("50000000.5; 100000000", a.get("amount"), "each claim's amount, exact, by the claims' dates");
        assertEquals("USD", a.get("currency"));
        assertEquals("2016-03", a.get("first_reported"));
        assertEquals("2024-12-30", a.get("last_reported"));
    }

    @Test
    void aRoleStartsAtItsStartDateAndAnUndatedEdgeHasNoTimeAndNoAmount() throws Exception {
        Document d = gexf();
        Element role = edge(d, "affiliated with");
        assertEquals("2019-03-01", role.getAttribute("start"));
        assertEquals("false", attvalues(role).get("disputed"));
        assertFalse(attvalues(role).containsKey("amount"));
        Element maker = edge(d, "maker");
        assertFalse(maker.hasAttribute("start"));
        assertEquals("1", maker.getAttribute("weight"), "at least 1, so that the edge shows");
        assertEquals("0", attvalues(maker).get("sources"));
    }

    @Test
    void graphmlHasTheSameAttributesAsTypedKeys() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GraphExport.graphml(graph, out);
        Document d = parse(out.toByteArray());
        assertEquals(GRAPHML, d.getDocumentElement().getNamespaceURI());
        Map<String, String> keys = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        NodeList l = d.getElementsByTagNameNS(GRAPHML, "key");
        for (int i = 0; i < l.getLength(); i++) {
            Element k = (Element) l.item(i);
            if (!k.getAttribute("for").equals("edge")) continue;
            keys.put(k.getAttribute("attr.name"), k.getAttribute("attr.type"));
            names.put(k.getAttribute("id"), k.getAttribute("attr.name"));
        }
        assertEquals(Map.ofEntries(Map.entry("label", "string"), Map.entry("weight", "double"), Map.entry("start", "string"),
                Map.entry("relationship", "string"), Map.entry("property", "string"), Map.entry("sources", "int"),
                Map.entry("origins", "int"), Map.entry("disputed", "boolean"), Map.entry("amount", "string"),
                Map.entry("currency", "string"), Map.entry("first_reported", "string"), Map.entry("last_reported", "string")), keys);
        NodeList edges = d.getElementsByTagNameNS(GRAPHML, "edge");
        assertEquals(3, edges.getLength());
        assertEquals(6, d.getElementsByTagNameNS(GRAPHML, "node").getLength());
        Map<String, String> investment = null;
        for (int i = 0; i < edges.getLength(); i++) {
            Map<String, String> data = new HashMap<>();
            NodeList values = ((Element) edges.item(i)).getElementsByTagNameNS(GRAPHML, "data");
            for (int j = 0; j < values.getLength(); j++) {
                Element v = (Element) values.item(j);
                data.put(names.get(v.getAttribute("key")), v.getTextContent());
            }
            if ("invested in".equals(data.get("label"))) investment = data;
        }
        assertNotNull(investment);
        for (String k : List.of("weight", "start", "sources", "origins", "disputed", "amount", "currency")) {
            assertTrue(investment.containsKey(k), k);
        }
        assertEquals("3", investment.get("weight"));
        assertEquals("2015-01-01", investment.get("start"));
        assertEquals("2", investment.get("origins"));
        assertEquals("50000000.5; 100000000", investment.get("amount"));
    }
}
