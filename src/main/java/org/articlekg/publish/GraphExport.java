package org.articlekg.publish;

import java.io.OutputStream;
import java.util.HashMap;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.apache.jena.graph.Node;
import org.articlekg.KgException;
import org.articlekg.publish.GraphEdges.Edge;
import org.articlekg.publish.GraphEdges.EntityGraph;
import org.articlekg.publish.GraphEdges.GraphNode;

/**
 * Writes the entity graph for graph tools: GEXF 1.3 (Gephi) and GraphML. Nodes carry their IRI,
 * type and label; edges their relationship, number of sources, whether disputed, and the first
 * and last date they were reported.
 */
public final class GraphExport {
    private GraphExport() {}

    /** GEXF 1.3. */
    public static void gexf(EntityGraph g, OutputStream out) {
        write(out, w -> {
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("gexf");
            w.writeDefaultNamespace("http://gexf.net/1.3");
            w.writeAttribute("version", "1.3");
            w.writeStartElement("meta");
            element(w, "creator", "article-kg");
            element(w, "description", "Entities of news-article facts; edges annotated with their sources");
            w.writeEndElement();
            w.writeStartElement("graph");
            w.writeAttribute("defaultedgetype", "directed");
            w.writeAttribute("mode", "static");
            attributes(w, "node", new String[][] {{"iri", "string"}, {"type", "string"}});
            attributes(w, "edge", new String[][] {{"relationship", "string"}, {"sources", "integer"}, {"disputed", "boolean"},
                    {"first_reported", "string"}, {"last_reported", "string"}});
            Map<Node, String> ids = ids(g);
            w.writeStartElement("nodes");
            for (GraphNode n : g.nodes()) {
                w.writeStartElement("node");
                w.writeAttribute("id", ids.get(n.iri()));
                w.writeAttribute("label", n.label());
                w.writeStartElement("attvalues");
                attvalue(w, "iri", n.iri().getURI());
                attvalue(w, "type", n.type());
                w.writeEndElement();
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
                w.writeAttribute("label", e.relationshipName());
                w.writeAttribute("weight", Integer.toString(Math.max(1, e.articles().size())));
                w.writeStartElement("attvalues");
                for (Map.Entry<String, String> a : attributes(e).entrySet()) attvalue(w, a.getKey(), a.getValue());
                w.writeEndElement();
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndDocument();
        });
    }

    /** GraphML. */
    public static void graphml(EntityGraph g, OutputStream out) {
        write(out, w -> {
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("graphml");
            w.writeDefaultNamespace("http://graphml.graphdrawing.org/xmlns");
            key(w, "label", "node", "string");
            key(w, "iri", "node", "string");
            key(w, "type", "node", "string");
            key(w, "relationship", "edge", "string");
            key(w, "sources", "edge", "int");
            key(w, "disputed", "edge", "boolean");
            key(w, "first_reported", "edge", "string");
            key(w, "last_reported", "edge", "string");
            w.writeStartElement("graph");
            w.writeAttribute("id", "article-kg");
            w.writeAttribute("edgedefault", "directed");
            Map<Node, String> ids = ids(g);
            for (GraphNode n : g.nodes()) {
                w.writeStartElement("node");
                w.writeAttribute("id", ids.get(n.iri()));
                data(w, "label", n.label());
                data(w, "iri", n.iri().getURI());
                data(w, "type", n.type());
                w.writeEndElement();
            }
            int i = 0;
            for (Edge e : g.edges()) {
                w.writeStartElement("edge");
                w.writeAttribute("id", "e" + i++);
                w.writeAttribute("source", ids.get(e.source()));
                w.writeAttribute("target", ids.get(e.target()));
                for (Map.Entry<String, String> a : attributes(e).entrySet()) data(w, a.getKey(), a.getValue());
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndDocument();
        });
    }

    /** An edge's attributes, the same in both formats: relationship, sources, disputed, first and last reported. */
    private static Map<String, String> attributes(Edge e) {
        Map<String, String> a = new java.util.LinkedHashMap<>();
        a.put("relationship", e.relationshipName());
        a.put("sources", Integer.toString(e.articles().size()));
        a.put("disputed", Boolean.toString(e.disputed()));
        if (e.firstReported() != null) a.put("first_reported", e.firstReported());
        if (e.lastReported() != null) a.put("last_reported", e.lastReported());
        return a;
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

    private static void attributes(XMLStreamWriter w, String cls, String[][] attrs) throws XMLStreamException {
        w.writeStartElement("attributes");
        w.writeAttribute("class", cls);
        for (String[] a : attrs) {
            w.writeEmptyElement("attribute");
            w.writeAttribute("id", a[0]);
            w.writeAttribute("title", a[0]);
            w.writeAttribute("type", a[1]);
        }
        w.writeEndElement();
    }

    private static void attvalue(XMLStreamWriter w, String key, String value) throws XMLStreamException {
        w.writeEmptyElement("attvalue");
        w.writeAttribute("for", key);
        w.writeAttribute("value", value);
    }

    private static void key(XMLStreamWriter w, String id, String forWhat, String type) throws XMLStreamException {
        w.writeEmptyElement("key");
        w.writeAttribute("id", id);
        w.writeAttribute("for", forWhat);
        w.writeAttribute("attr.name", id);
        w.writeAttribute("attr.type", type);
    }

    private static void data(XMLStreamWriter w, String key, String value) throws XMLStreamException {
        w.writeStartElement("data");
        w.writeAttribute("key", key);
        w.writeCharacters(value);
        w.writeEndElement();
    }
}
