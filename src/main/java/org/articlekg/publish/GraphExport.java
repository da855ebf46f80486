package org.articlekg.publish;

import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.apache.jena.graph.Node;
import org.articlekg.KgException;
import org.articlekg.publish.GraphEdges.Edge;
import org.articlekg.publish.GraphEdges.EntityGraph;
import org.articlekg.publish.GraphEdges.GraphNode;

/**
 * Writes the entity graph for graph tools: GEXF (Gephi, networkx 2.x and 3.x) and GraphML.
 *
 * <p>Nodes carry their IRI, type and label. Edges carry the same attributes in both formats (one
 * table, {@link #EDGE_ATTRIBUTES}):
 * <ul>
 *   <li>{@code relationship}: the property's English label ("invested in"), also the edge's label;
 *       {@code property}: the property's IRI;</li>
 *   <li>{@code weight}: the number of sources (articles), at least 1 so that every edge shows;
 *       {@code sources}: the number of sources; {@code origins}: the number of independent origins
 *       (articles naming a same outlet among their sources count once, as in the explorer);</li>
 *   <li>{@code disputed}: whether a statement behind the edge is contradicted by another;</li>
 *   <li>{@code amount} and {@code currency} (investments): the amount each statement states, exact
 *       decimals without trailing zeros ({@code akg:amount}, the lower bound of a range) separated
 *       by {@code "; "}, ordered by the statements' dates. A list, not a sum: statements of one event that disagree (100 or
 *       50 million) would be counted twice by a sum. {@code currency} is one ISO 4217 code when
 *       every amount has it, else the list of each amount's currency in the same order;</li>
 *   <li>{@code start}: the earliest date the statements give for what happened, at the start of
 *       its period ({@code 2015} is {@code 2015-01-01}); absent when no statement is dated;</li>
 *   <li>{@code first_reported}, {@code last_reported}: the dates of the earliest and latest article
 *       reporting it, as the articles give them.</li>
 * </ul>
 *
 * <p>The GEXF graph is dynamic ({@code mode="dynamic" timeformat="date"}): a dated edge has a
 * {@code start} (GEXF's own time attribute, no end: a relationship once established stays in the
 * picture), so Gephi's timeline adds the edges year by year; undated edges are there throughout.
 * GEXF 1.2draft is the default, the version networkx 2.x and 3.x and Gephi all read (networkx
 * before 3.6 cannot read 1.3: "No &lt;graph&gt; element"); {@link GexfVersion#V1_3} is offered too.
 *
 * <pre>{@code
 * GraphExport.gexf(GraphEdges.all(dsg, iris), out);
 * }</pre>
 */
public final class GraphExport {
    private GraphExport() {}

    /** The GEXF versions written: namespace and version number. */
    public enum GexfVersion {
        /** GEXF 1.2draft, read by every version of Gephi and networkx: the default. */
        V1_2_DRAFT("http://www.gexf.net/1.2draft", "1.2"),
        /** GEXF 1.3, read by Gephi 0.9.2 and later and networkx 3.6 and later (networkx pull request 8196). */
        V1_3("http://gexf.net/1.3", "1.3");

        private final String namespace;
        private final String version;

        GexfVersion(String namespace, String version) {
            this.namespace = namespace;
            this.version = version;
        }

        public String namespace() { return namespace; }

        public String version() { return version; }

        String schemaLocation() { return namespace + " " + namespace + "/gexf.xsd"; }
    }

    /**
     * An attribute of a node or an edge, declared once for both formats.
     *
     * @param value the attribute's value for an element, or null when it has none
     */
    private record Attribute<T>(String id, String gexfType, String graphmlType, Function<T, String> value) {}

    private static final List<Attribute<GraphNode>> NODE_ATTRIBUTES = List.of(
            new Attribute<>("iri", "string", "string", n -> n.iri().getURI()),
            new Attribute<>("type", "string", "string", GraphNode::type));

    /** The edges' attributes, in the order they are declared and written. */
    static final List<Attribute<Edge>> EDGE_ATTRIBUTES = List.of(
            new Attribute<>("relationship", "string", "string", Edge::relationshipLabel),
            new Attribute<>("property", "string", "string", e -> e.relationship().getURI()),
            new Attribute<>("sources", "integer", "int", e -> Integer.toString(e.articles().size())),
            new Attribute<>("origins", "integer", "int", e -> Integer.toString(e.origins())),
            new Attribute<>("disputed", "boolean", "boolean", e -> Boolean.toString(e.disputed())),
            new Attribute<>("amount", "string", "string", GraphExport::amounts),
            new Attribute<>("currency", "string", "string", GraphExport::currencies),
            new Attribute<>("first_reported", "string", "string", Edge::firstReported),
            new Attribute<>("last_reported", "string", "string", Edge::lastReported));

    /** GEXF 1.2draft. */
    public static void gexf(EntityGraph g, OutputStream out) {
        gexf(g, out, GexfVersion.V1_2_DRAFT);
    }

    /** GEXF of the given version. */
    public static void gexf(EntityGraph g, OutputStream out, GexfVersion version) {
        Objects.requireNonNull(version, "version");
        write(out, w -> {
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("gexf");
            w.writeDefaultNamespace(version.namespace());
            w.writeNamespace("xsi", "http://www.w3.org/2001/XMLSchema-instance");
            w.writeAttribute("http://www.w3.org/2001/XMLSchema-instance", "schemaLocation", version.schemaLocation());
            w.writeAttribute("version", version.version());
            w.writeStartElement("meta");
            element(w, "creator", "article-kg");
            element(w, "description", "Entities of news-article facts; edges annotated with their sources");
            w.writeEndElement();
            w.writeStartElement("graph");
            w.writeAttribute("defaultedgetype", "directed");
            w.writeAttribute("mode", "dynamic");
            w.writeAttribute("timeformat", "date");
            declare(w, "node", NODE_ATTRIBUTES);
            declare(w, "edge", EDGE_ATTRIBUTES);
            Map<Node, String> ids = ids(g);
            w.writeStartElement("nodes");
            for (GraphNode n : g.nodes()) {
                w.writeStartElement("node");
                w.writeAttribute("id", ids.get(n.iri()));
                w.writeAttribute("label", n.label());
                attvalues(w, NODE_ATTRIBUTES, n);
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeStartElement("edges");
            int i = 0;
            for (Edge e : g.edges()) {
                w.writeStartElement("edge");
                w.writeAttribute("id", "e" + i++);
                w.writeAttribute("source", ids.get(e.source()));
                w.writeAttribute("target", ids.get(e.target()));
                w.writeAttribute("label", e.relationshipLabel());
                w.writeAttribute("weight", weight(e));
                if (e.start() != null) w.writeAttribute("start", e.start().toString());
                attvalues(w, EDGE_ATTRIBUTES, e);
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndDocument();
        });
    }

    /** GraphML: the same attributes as GEXF, as typed keys, with {@code weight} and {@code start} among them. */
    public static void graphml(EntityGraph g, OutputStream out) {
        write(out, w -> {
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("graphml");
            w.writeDefaultNamespace("http://graphml.graphdrawing.org/xmlns");
            key(w, "label", "node", "string");
            for (Attribute<GraphNode> a : NODE_ATTRIBUTES) key(w, a.id(), "node", a.graphmlType());
            key(w, "label", "edge", "string");
            key(w, "weight", "edge", "double");
            key(w, "start", "edge", "string");
            for (Attribute<Edge> a : EDGE_ATTRIBUTES) key(w, a.id(), "edge", a.graphmlType());
            w.writeStartElement("graph");
            w.writeAttribute("id", "article-kg");
            w.writeAttribute("edgedefault", "directed");
            Map<Node, String> ids = ids(g);
            for (GraphNode n : g.nodes()) {
                w.writeStartElement("node");
                w.writeAttribute("id", ids.get(n.iri()));
                data(w, "node", "label", n.label());
                for (Attribute<GraphNode> a : NODE_ATTRIBUTES) data(w, "node", a.id(), a.value().apply(n));
                w.writeEndElement();
            }
            int i = 0;
            for (Edge e : g.edges()) {
                w.writeStartElement("edge");
                w.writeAttribute("id", "e" + i++);
                w.writeAttribute("source", ids.get(e.source()));
                w.writeAttribute("target", ids.get(e.target()));
                data(w, "edge", "label", e.relationshipLabel());
                data(w, "edge", "weight", weight(e));
                data(w, "edge", "start", e.start() == null ? null : e.start().toString());
                for (Attribute<Edge> a : EDGE_ATTRIBUTES) data(w, "edge", a.id(), a.value().apply(e));
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndDocument();
        });
    }

    private static String weight(Edge e) {
        return Integer.toString(Math.max(1, e.articles().size()));
    }

    private static String amounts(Edge e) {
        if (e.amounts().isEmpty()) return null;
        return e.amounts().stream().map(a -> a.value().stripTrailingZeros().toPlainString()).collect(Collectors.joining("; "));
    }

    private static String currencies(Edge e) {
        if (e.amounts().isEmpty()) return null;
        List<String> each = e.amounts().stream().map(a -> Objects.requireNonNullElse(a.currency(), "")).toList();
        return each.stream().distinct().count() == 1 ? each.get(0) : String.join("; ", each);
    }

    private interface XmlBody {
        void write(XMLStreamWriter w) throws XMLStreamException;
    }

    private static void write(OutputStream out, XmlBody body) {
        try {
            XMLStreamWriter w = XMLOutputFactory.newInstance().createXMLStreamWriter(out, "UTF-8");
            body.write(w);
            w.flush();
        } catch (XMLStreamException e) {
            throw new KgException("cannot write the graph export: " + e.getMessage(), e);
        }
    }

    private static Map<Node, String> ids(EntityGraph g) {
        Map<Node, String> ids = new HashMap<>();
        int i = 0;
        for (GraphNode n : g.nodes()) ids.put(n.iri(), "n" + i++);
        return ids;
    }

    private static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(text);
        w.writeEndElement();
    }

    private static <T> void declare(XMLStreamWriter w, String cls, List<Attribute<T>> attrs) throws XMLStreamException {
        w.writeStartElement("attributes");
        w.writeAttribute("class", cls);
        w.writeAttribute("mode", "static");
        for (Attribute<T> a : attrs) {
            w.writeEmptyElement("attribute");
            w.writeAttribute("id", a.id());
            w.writeAttribute("title", a.id());
            w.writeAttribute("type", a.gexfType());
        }
        w.writeEndElement();
    }

    private static <T> void attvalues(XMLStreamWriter w, List<Attribute<T>> attrs, T element) throws XMLStreamException {
        w.writeStartElement("attvalues");
        for (Attribute<T> a : attrs) {
            String value = a.value().apply(element);
            if (value == null) continue;
            w.writeEmptyElement("attvalue");
            w.writeAttribute("for", a.id());
            w.writeAttribute("value", value);
        }
        w.writeEndElement();
    }

    /** A GraphML key; its id is prefixed by what it is for, as node and edge keys may share a name. */
    private static void key(XMLStreamWriter w, String name, String forWhat, String type) throws XMLStreamException {
        w.writeEmptyElement("key");
        w.writeAttribute("id", forWhat.charAt(0) + "_" + name);
        w.writeAttribute("for", forWhat);
        w.writeAttribute("attr.name", name);
        w.writeAttribute("attr.type", type);
    }

    private static void data(XMLStreamWriter w, String forWhat, String name, String value) throws XMLStreamException {
        if (value == null) return;
        w.writeStartElement("data");
        w.writeAttribute("key", forWhat.charAt(0) + "_" + name);
        w.writeCharacters(value);
        w.writeEndElement();
    }
}
