package org.articlekg.build;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.graph.GNode;
import org.apache.jena.sparql.util.graph.GraphList;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.articlekg.KgException;
import org.articlekg.load.FactModel;
import org.articlekg.load.TransitiveClosure;
import org.articlekg.vocab.AKG;
import org.articlekg.vocab.AKGSH;
import org.articlekg.vocab.KD;

/**
 * The ontology and SHACL shapes of {@code ontology/}, with the super-class and super-property
 * closures the build materialises.
 */
public final class Ontology {
    public static final String ONTOLOGY_FILE = "article-kg.ttl";
    public static final String SHAPES_FILE = "shapes.ttl";

    private final Graph ontology;
    private final Graph shapes;
    private final Graph buildShapes;
    private final FactModel model;
    private final Map<Node, Set<Node>> superClasses;
    private final Map<Node, Set<Node>> superProperties;

    private Ontology(Graph ontology, Graph buildShapes, Graph shapes, FactModel model) {
        this.ontology = ontology;
        this.buildShapes = buildShapes;
        this.shapes = shapes;
        this.model = model;
        this.superClasses = TransitiveClosure.of(ontology, RDFS.subClassOf.asNode());
        this.superProperties = TransitiveClosure.of(ontology, RDFS.subPropertyOf.asNode());
    }

    /**
     * Reads {@value #ONTOLOGY_FILE} and the declarations of {@value FactModel#KINDS_FILE} (one
     * graph, with the members of the declarations' lists as triples: the ontology graph of a build
     * holds them all), and {@value #SHAPES_FILE} with the shapes the declarations imply for each
     * kind of fact.
     */
    public static Ontology read(Path dir) {
        Graph ontology = parse(dir.resolve(ONTOLOGY_FILE), GraphFactory.createDefaultGraph());
        parse(dir.resolve(FactModel.KINDS_FILE), ontology);
        addListMembers(ontology);
        FactModel model = FactModel.of(ontology, dir.resolve(FactModel.KINDS_FILE).toString());
        Graph handWritten = parse(dir.resolve(SHAPES_FILE), GraphFactory.createDefaultGraph());
        Graph shapes = GraphFactory.createDefaultGraph();
        handWritten.find().forEachRemaining(shapes::add);
        DeclaredShapes.of(model).find().forEachRemaining(shapes::add);
        return new Ontology(ontology, withoutCheckedWhileLoading(handWritten), shapes, model);
    }

    /** SHACL's parameters of a shape that choose its focus nodes or describe it, and constrain nothing. */
    private static final Set<Node> NOT_CONSTRAINTS = Set.of(RDF.Nodes.type, SHACL.targetClass, SHACL.targetNode,
            SHACL.targetSubjectsOf, SHACL.targetObjectsOf, SHACL.name, SHACL.description, SHACL.message, SHACL.severity,
            SHACL.deactivated, SHACL.order, SHACL.group);

    /**
     * The shapes without the property shapes marked {@code akgsh:checkedWhileLoading true}. A node
     * shape left with nothing but its type, targets, descriptions ({@code sh:name}, {@code rdfs:},
     * {@code akgsh:}) loses its targets, so that its focus nodes are not even read; any other
     * statement about it (a SHACL constraint, a custom component's parameter) keeps them.
     */
    private static Graph withoutCheckedWhileLoading(Graph shapes) {
        Node marked = AKGSH.checkedWhileLoading.asNode();
        Set<Node> byLoader = shapes.find(Node.ANY, marked, NodeFactory.createLiteralDT("true", XSDDatatype.XSDboolean))
                .mapWith(Triple::getSubject).toSet();
        Graph kept = GraphFactory.createDefaultGraph();
        shapes.find().forEachRemaining(t -> {
            if (!(t.getPredicate().equals(SHACL.property) && byLoader.contains(t.getObject()))) kept.add(t);
        });
        Set<Node> unconstrained = new HashSet<>();
        kept.find(Node.ANY, SHACL.targetClass, Node.ANY).forEachRemaining(t -> unconstrained.add(t.getSubject()));
        kept.find().forEachRemaining(t -> {
            Node p = t.getPredicate();
            boolean describes = NOT_CONSTRAINTS.contains(p) || p.getURI().startsWith(RDFS.getURI()) || p.getURI().startsWith(AKGSH.NS);
            if (!describes) unconstrained.remove(t.getSubject());
        });
        List<Triple> targets = new ArrayList<>();
        for (Node shape : unconstrained) {
            kept.find(shape, Node.ANY, Node.ANY).filterKeep(t -> t.getPredicate().getURI().startsWith(SHACL.getURI() + "target"))
                    .forEachRemaining(targets::add);
        }
        targets.forEach(kept::delete);
        return kept;
    }

    /**
     * Beside each kind's {@code kd:columns} list and each class column's {@code kd:options} list, a
     * triple per member ({@code kd:column}, {@code kd:option}), so that a query reaches them in one
     * look-up instead of walking the list ({@code rdf:rest} repeated, then {@code rdf:first}),
     * which cost every request milliseconds (bench/RESULTS.md).
     */
    private static void addListMembers(Graph ontology) {
        Map<Node, Node> derived = Map.of(KD.columns.asNode(), KD.column.asNode(), KD.options.asNode(), KD.option.asNode());
        List<Triple> members = new ArrayList<>();
        derived.forEach((list, member) -> ontology.find(Node.ANY, list, Node.ANY).forEachRemaining(t ->
                GraphList.members(new GNode(ontology, t.getObject())).forEach(m -> members.add(Triple.create(t.getSubject(), member, m)))));
        members.forEach(ontology::add);
    }

    private static Graph parse(Path file, Graph g) {
        if (!Files.isRegularFile(file)) throw new KgException(file + ": file not found");
        try {
            RDFParser.source(file).parse(g);
        } catch (RiotException e) {
            throw new KgException(file + ": " + e.getMessage());
        }
        return g;
    }

    public Graph graph() { return ontology; }

    /** Every shape: those of {@value #SHAPES_FILE} and those each kind's declaration implies ({@link DeclaredShapes}). */
    public Graph shapes() { return shapes; }

    /**
     * The shapes {@code kg build} validates: those of {@value #SHAPES_FILE} but its property
     * shapes marked {@code akgsh:checkedWhileLoading} (what every fact, event and evidence row
     * carries, which the loader makes true by construction). The shapes of each kind of fact
     * ({@link DeclaredShapes}) restate the column declarations of {@value FactModel#KINDS_FILE}
     * that the loader enforces on every row as it reads it (required, one value, type, allowed
     * values, the kinds its ids name), so the build leaves them out too; {@code kg validate} and
     * the tests check that the loader's output conforms to every shape all the same.
     */
    public Graph buildShapes() { return buildShapes; }

    /** The declared kinds of row. */
    public FactModel model() { return model; }

    /** Every named super-class of a class, transitively, without the class itself. */
    public Set<Node> superClassesOf(Node c) {
        return superClasses.getOrDefault(c, Set.of());
    }

    /**
     * Whether the build stores the entailments of a super-class or super-property in the inferred
     * graph: the terms of the ontology's own namespace ({@value AKG#NS}), which the saved queries,
     * the shapes and the pages read ({@code akg:Fact}, {@code akg:Organization}, {@code
     * akg:Product} ...). Those of other vocabularies (PROV-O, DC Terms, ORG, schema.org, FOAF),
     * alignments for linked-data consumers, go to the dumps only.
     */
    public boolean stores(Node superTerm) {
        return superTerm.isURI() && superTerm.getURI().startsWith(AKG.NS);
    }

    /** Every named super-property of a property, transitively, without the property itself. */
    public Set<Node> superPropertiesOf(Node p) {
        return superProperties.getOrDefault(p, Set.of());
    }
}
