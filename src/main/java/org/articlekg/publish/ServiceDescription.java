package org.articlekg.publish;

import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.articlekg.load.Iris;
import org.articlekg.query.ResultFormat;

/**
 * The SPARQL 1.1 Service Description of the query endpoint (answered by a GET of the endpoint
 * without a query): the endpoint, SPARQL 1.1 Query, every result format of {@link ResultFormat},
 * the default dataset (its default graph is the union of the named graphs) with its named graphs,
 * the full-text function {@code text:query}, and the dataset's VoID description.
 *
 * <pre>{@code
 * Graph sd = ServiceDescription.describe(iris, List.of(iris.graph("facts"), iris.graph("ontology")));
 * }</pre>
 */
public final class ServiceDescription {
    public static final String SD = "http://www.w3.org/ns/sparql-service-description#";
    /** The full-text search of jena-text, a property function. */
    public static final String TEXT_QUERY = "http://jena.apache.org/text#query";

    private ServiceDescription() {}

    /** The endpoint: {@code {base}kg/sparql}. */
    public static Node endpoint(Iris iris) {
        return NodeFactory.createURI(iris.base() + "kg/sparql");
    }

    /** Describes the service answering at {@link #endpoint(Iris)} over a dataset with these named graphs. */
    public static Graph describe(Iris iris, List<Node> namedGraphs) {
        Graph g = GraphFactory.createDefaultGraph();
        g.getPrefixMapping().setNsPrefix("sd", SD).setNsPrefix("formats", ResultFormat.W3C_FORMATS)
                .setNsPrefix("void", VoidDescription.VOID).setNsPrefix("dcterms", DCTerms.NS)
                .setNsPrefix("rdfs", RDFS.uri).setNsPrefix("text", "http://jena.apache.org/text#");
        Node endpoint = endpoint(iris);
        Node service = NodeFactory.createURI(endpoint.getURI() + "#service");
        add(g, service, RDF.type.asNode(), sd("Service"));
        add(g, service, sd("endpoint"), endpoint);
        add(g, service, DCTerms.title.asNode(), NodeFactory.createLiteralLang("article-kg SPARQL endpoint (read-only)", "en"));
        add(g, service, sd("supportedLanguage"), sd("SPARQL11Query"));
        add(g, service, sd("feature"), sd("UnionDefaultGraph"));
        add(g, service, sd("feature"), sd("DereferencesURIs"));
        for (ResultFormat f : ResultFormat.values()) {
            if (f.w3cIri() != null) add(g, service, sd("resultFormat"), NodeFactory.createURI(f.w3cIri()));
        }
        Node text = NodeFactory.createURI(TEXT_QUERY);
        add(g, service, sd("extensionFunction"), text);
        add(g, text, RDF.type.asNode(), sd("Function"));
        add(g, text, RDFS.comment.asNode(), NodeFactory.createLiteralLang("Full-text search (jena-text, Lucene) over labels, "
                + "aliases, evidence quotes and article titles, insensitive to case and accents: "
                + "(?s ?score ?text) text:query (\"label:altman OR quote:societe\")", "en"));
        Node dataset = VoidDescription.datasetIri(iris);
        add(g, service, sd("defaultDataset"), dataset);
        add(g, dataset, RDF.type.asNode(), sd("Dataset"));
        add(g, dataset, RDFS.seeAlso.asNode(), NodeFactory.createURI(iris.base() + ".well-known/void"));
        Node union = NodeFactory.createBlankNode();
        add(g, dataset, sd("defaultGraph"), union);
        add(g, union, RDF.type.asNode(), sd("Graph"));
        add(g, union, RDFS.comment.asNode(), NodeFactory.createLiteralLang("The union of the named graphs.", "en"));
        for (Node name : namedGraphs) {
            Node named = NodeFactory.createBlankNode();
            add(g, dataset, sd("namedGraph"), named);
            add(g, named, RDF.type.asNode(), sd("NamedGraph"));
            add(g, named, sd("name"), name);
        }
        return g;
    }

    private static Node sd(String local) {
        return NodeFactory.createURI(SD + local);
    }

    private static void add(Graph g, Node s, Node p, Node o) {
        g.add(Triple.create(s, p, o));
    }
}
