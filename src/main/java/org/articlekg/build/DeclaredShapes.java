package org.articlekg.build;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.articlekg.load.Column;
import org.articlekg.load.FactModel;
import org.articlekg.load.Kind;
import org.articlekg.load.TableSchema;
import org.articlekg.load.ValueType;

/**
 * The SHACL shapes of each declared kind of fact, made from its declaration: one node shape per
 * fact class, one property shape per written column (required: {@code sh:minCount 1}; one value:
 * {@code sh:maxCount 1}; references: the classes of the kinds they name; enumerations: the
 * concepts allowed; dates, decimals, codes and texts: their datatypes). A new kind declared in
 * {@code ontology/kinds.ttl} is validated with no shape written by hand; {@code shapes.ttl} keeps
 * what every fact carries, entities, articles, evidence, events and disagreements.
 */
final class DeclaredShapes {
    /** Namespace of the generated shapes. */
    static final String NS = "https://w3id.org/article-kg/shapes/declared#";

    private DeclaredShapes() {}

    static Graph of(FactModel model) {
        Graph g = GraphFactory.createDefaultGraph();
        for (TableSchema t : model.facts()) {
            String kind = t.kind().name();
            Node shape = NodeFactory.createURI(NS + kind);
            add(g, shape, RDF.type.asNode(), SHACL.NodeShape);
            add(g, shape, SHACL.targetClass, t.rdfClass());
            add(g, shape, RDFS.label.asNode(), NodeFactory.createLiteralLang(kind + " (declared in ontology/kinds.ttl)", "en"));
            for (Column c : t.columns()) {
                if (c.predicate() == null || c.name().equals("note")) continue;
                Node p = NodeFactory.createURI(NS + kind + "-" + c.name());
                add(g, shape, SHACL.property, p);
                property(g, model, t, c, p);
            }
        }
        return g;
    }

    private static void property(Graph g, FactModel model, TableSchema t, Column c, Node p) {
        add(g, p, RDF.type.asNode(), SHACL.PropertyShape);
        add(g, p, SHACL.path, c.predicate());
        add(g, p, SHACL.name, NodeFactory.createLiteralLang(c.name(), "en"));
        boolean oneLanguage = c.lang() != null && !c.lang().equals(Column.ROW_LANGUAGE);
        if (oneLanguage) {
            // Several columns may write one property in different languages (content_en, content_fr):
            // each column counts only the values in its own language.
            Node inLanguage = NodeFactory.createBlankNode();
            add(g, inLanguage, SHACL.languageIn, list(g, List.of(NodeFactory.createLiteralString(c.lang()))));
            add(g, p, SHACL.qualifiedValueShape, inLanguage);
            if (c.required()) add(g, p, SHACL.qualifiedMinCount, integer(1));
            if (!c.type().isList()) add(g, p, SHACL.qualifiedMaxCount, integer(1));
        } else {
            if (c.required()) add(g, p, SHACL.minCount, integer(1));
            if (!c.type().isList()) add(g, p, SHACL.maxCount, integer(1));
        }
        String what;
        switch (c.type()) {
            case REF, REFS -> {
                List<Node> classes = new ArrayList<>();
                for (Kind k : c.targets()) {
                    TableSchema target = model.schema(k);
                    if (target.rdfClass() != null) classes.add(target.rdfClass());
                    else if (target.has("type")) classes.addAll(target.column("type").values().values());
                }
                List<Node> alternatives = new ArrayList<>();
                for (Node cls : classes) {
                    Node alt = NodeFactory.createBlankNode();
                    add(g, alt, SHACL.class_, cls);
                    alternatives.add(alt);
                }
                add(g, p, SHACL.or, list(g, alternatives));
                what = "ids from " + String.join(" or ", c.targets().stream().map(Kind::fileName).toList());
            }
            case ENUM -> {
                add(g, p, SHACL.in, list(g, new ArrayList<>(c.values().values())));
                what = "one of " + String.join(", ", c.values().keySet());
            }
            case DATE -> {
                List<Node> alternatives = new ArrayList<>();
                for (XSDDatatype dt : List.of(XSDDatatype.XSDgYear, XSDDatatype.XSDgYearMonth, XSDDatatype.XSDdate)) {
                    Node alt = NodeFactory.createBlankNode();
                    add(g, alt, SHACL.datatype, NodeFactory.createURI(dt.getURI()));
                    alternatives.add(alt);
                }
                add(g, p, SHACL.or, list(g, alternatives));
                what = "a date (xsd:gYear, xsd:gYearMonth or xsd:date)";
            }
            case DECIMAL -> {
                add(g, p, SHACL.datatype, NodeFactory.createURI(XSDDatatype.XSDdecimal.getURI()));
                what = "a decimal";
            }
            case TEXT, TEXT_LIST -> {
                Node dt = c.lang() == null ? NodeFactory.createURI(XSDDatatype.XSDstring.getURI()) : RDF.langString.asNode();
                add(g, p, SHACL.datatype, dt);
                what = "a text";
            }
            default -> {
                add(g, p, SHACL.datatype, NodeFactory.createURI(XSDDatatype.XSDstring.getURI()));
                what = "a code";
            }
        }
        String count = c.required() ? (c.type().isList() ? "at least one value" : "exactly one value")
                : (c.type().isList() ? "values" : "at most one value");
        add(g, p, SHACL.message, NodeFactory.createLiteralLang("A " + t.kind().noun() + " takes " + count + " in column "
                + c.name() + " of " + t.kind().fileName() + ": " + what + ".", "en"));
    }

    private static Node integer(int n) {
        return NodeFactory.createLiteralDT(Integer.toString(n), XSDDatatype.XSDinteger);
    }

    private static Node list(Graph g, List<Node> items) {
        Node head = RDF.nil.asNode();
        for (int i = items.size() - 1; i >= 0; i--) {
            Node cell = NodeFactory.createBlankNode();
            add(g, cell, RDF.first.asNode(), items.get(i));
            add(g, cell, RDF.rest.asNode(), head);
            head = cell;
        }
        return head;
    }

    private static void add(Graph g, Node s, Node p, Node o) {
        g.add(Triple.create(s, p, o));
    }
}
