package org.articlekg.publish;

import java.util.List;
import java.util.Map;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.articlekg.load.Iris;
import org.articlekg.vocab.AKG;

/**
 * The VoID and DCAT description of the dataset ({@code /.well-known/void}): its size, class and
 * property partitions, SPARQL endpoint, dumps, licence and source articles. Counted on the union
 * of the graphs, as queries see it.
 */
public final class VoidDescription {
    public static final String VOID = "http://rdfs.org/ns/void#";
    public static final String DCAT = "http://www.w3.org/ns/dcat#";
    public static final String LICENSE = "https://creativecommons.org/licenses/by/4.0/";

    private static final Query ARTICLES = Sparql.parse("SELECT DISTINCT ?a WHERE { GRAPH ?g { ?a a akg:Article } } ORDER BY ?a");

    private VoidDescription() {}

    /** The dataset's IRI: {@code {base}.well-known/void#dataset}. */
    public static Node datasetIri(Iris iris) {
        return NodeFactory.createURI(iris.base() + ".well-known/void#dataset");
    }

    /**
     * Describes the dataset.
     *
     * @param dumps dump file name → media type, offered under {@code {base}dumps/}
     */
    public static Graph describe(DatasetGraph dsg, Iris iris, Map<String, String> dumps) {
        return describe(dsg, iris, dumps, Counts.of(dsg));
    }

    /**
     * Statements per property and instances per class, counted over quads. The graphs hold no
     * triple twice, so counting quads counts the triples of their union without the in-memory set
     * a DISTINCT over the union would need. As a {@link org.apache.jena.riot.system.StreamRDF} it
     * also counts a stream of the stored quads.
     */
    public static final class Counts extends org.apache.jena.riot.system.StreamRDFBase {
        // hash maps while counting (one look-up per quad), sorted when described
        private final Map<Node, long[]> perProperty = new java.util.HashMap<>();
        private final Map<Node, long[]> perClass = new java.util.HashMap<>();
        private long total;

        /** Counts one pass over the quads of {@code dsg}. */
        public static Counts of(DatasetGraph dsg) {
            Counts c = new Counts();
            dsg.find().forEachRemaining(c::quad);
            return c;
        }

        @Override
        public void quad(org.apache.jena.sparql.core.Quad q) {
            total++;
            perProperty.computeIfAbsent(q.getPredicate(), k -> new long[1])[0]++;
            if (q.getPredicate().equals(RDF.Nodes.type)) perClass.computeIfAbsent(q.getObject(), k -> new long[1])[0]++;
        }

        /** The quads counted. */
        public long total() {
            return total;
        }
    }

    /** Describes the dataset with counts already made (e.g. while the build streamed its quads). */
    public static Graph describe(DatasetGraph dsg, Iris iris, Map<String, String> dumps, Counts counts) {
        Graph g = GraphFactory.createDefaultGraph();
        g.getPrefixMapping().setNsPrefix("void", VOID).setNsPrefix("dcat", DCAT).setNsPrefix("dcterms", DCTerms.NS)
                .setNsPrefix("akg", AKG.NS).setNsPrefix("xsd", XSDDatatype.XSD + "#")
                .setNsPrefix("sd", ServiceDescription.SD).setNsPrefix("rdfs", org.apache.jena.vocabulary.RDFS.uri);
        Node ds = datasetIri(iris);
        add(g, ds, RDF.type.asNode(), v("Dataset"));
        add(g, ds, RDF.type.asNode(), dcat("Dataset"));
        add(g, ds, DCTerms.title.asNode(), NodeFactory.createLiteralLang("article-kg: facts reported in news articles", "en"));
        add(g, ds, DCTerms.description.asNode(), NodeFactory.createLiteralLang(
                "Persons, organisations, products, investments, lawsuits, roles, proposals and deals reported in news "
                        + "articles, each fact with the article and quote it comes from; disagreements between articles kept "
                        + "side by side.", "en"));
        add(g, ds, DCTerms.license.asNode(), NodeFactory.createURI(LICENSE));
        Node endpoint = ServiceDescription.endpoint(iris);
        add(g, ds, v("sparqlEndpoint"), endpoint);
        // The endpoint answers a GET without a query with its SPARQL service description.
        Node service = NodeFactory.createURI(endpoint.getURI() + "#service");
        add(g, ds, org.apache.jena.vocabulary.RDFS.seeAlso.asNode(), endpoint);
        add(g, service, RDF.type.asNode(), NodeFactory.createURI(ServiceDescription.SD + "Service"));
        add(g, service, NodeFactory.createURI(ServiceDescription.SD + "endpoint"), endpoint);
        add(g, service, NodeFactory.createURI(ServiceDescription.SD + "defaultDataset"), ds);
        add(g, ds, v("uriSpace"), NodeFactory.createLiteralString(iris.idNamespace()));
        add(g, ds, v("exampleResource"), NodeFactory.createURI(iris.idNamespace() + "organization/openai"));
        add(g, ds, v("vocabulary"), NodeFactory.createURI(AKG.NS));
        add(g, ds, v("vocabulary"), NodeFactory.createURI("http://www.w3.org/ns/prov#"));
        add(g, ds, v("vocabulary"), NodeFactory.createURI("https://schema.org/"));
        add(g, ds, dcat("landingPage"), NodeFactory.createURI(iris.base() + "doc/"));
        add(g, ds, v("triples"), integer(counts.total));
        for (Map.Entry<String, String> d : dumps.entrySet()) {
            Node url = NodeFactory.createURI(iris.base() + "dumps/" + d.getKey());
            add(g, ds, v("dataDump"), url);
            Node dist = NodeFactory.createBlankNode();
            add(g, ds, dcat("distribution"), dist);
            add(g, dist, RDF.type.asNode(), dcat("Distribution"));
            add(g, dist, dcat("downloadURL"), url);
            add(g, dist, dcat("mediaType"), NodeFactory.createLiteralString(d.getValue()));
        }
        sorted(counts.perClass, Node::toString).forEach((c, n) -> {
            Node part = NodeFactory.createBlankNode();
            add(g, ds, v("classPartition"), part);
            add(g, part, v("class"), c);
            add(g, part, v("entities"), integer(n[0]));
        });
        sorted(counts.perProperty, Node::getURI).forEach((p, n) -> {
            Node part = NodeFactory.createBlankNode();
            add(g, ds, v("propertyPartition"), part);
            add(g, part, v("property"), p);
            add(g, part, v("triples"), integer(n[0]));
        });
        for (QuerySolution s : Sparql.select(dsg, ARTICLES, Map.of())) add(g, ds, DCTerms.source.asNode(), s.get("a").asNode());
        for (String name : Iris.GRAPHS) {
            Node graph = iris.graph(name);
            Node sub = NodeFactory.createURI(ds.getURI() + "-" + name);
            add(g, ds, v("subset"), sub);
            add(g, sub, RDF.type.asNode(), v("Dataset"));
            add(g, sub, NodeFactory.createURI("http://www.w3.org/ns/sparql-service-description#name"), graph);
            add(g, sub, v("triples"), integer(dsg.getGraph(graph).size()));
        }
        return g;
    }

    private static Map<Node, long[]> sorted(Map<Node, long[]> counts, java.util.function.Function<Node, String> key) {
        Map<Node, long[]> sorted = new java.util.TreeMap<>(java.util.Comparator.comparing(key));
        sorted.putAll(counts);
        return sorted;
    }

    private static void add(Graph g, Node s, Node p, Node o) {
        g.add(Triple.create(s, p, o));
    }

    private static Node v(String local) {
        return NodeFactory.createURI(VOID + local);
    }

    private static Node dcat(String local) {
        return NodeFactory.createURI(DCAT + local);
    }

    private static Node integer(long n) {
        return NodeFactory.createLiteralDT(Long.toString(n), XSDDatatype.XSDinteger);
    }
}
