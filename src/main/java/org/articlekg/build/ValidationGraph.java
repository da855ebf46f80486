package org.articlekg.build;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphWrapper;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.util.iterator.WrappedIterator;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * The data graph as one SHACL validation reads it: the same answers, with fewer database
 * look-ups (each measured on a built graph):
 * <ul>
 * <li>{@code rdfs:subClassOf} comes from the ontology in memory: every {@code sh:class} check
 * walks the class hierarchy of each value's types (two thirds of the validation time when each
 * step was an index look-up);</li>
 * <li>the types of the last {@value #RECENT_TYPES} values are kept: the same concepts, articles
 * and popular entities are class-checked again and again (10-15 % of the time);</li>
 * <li>the statements of the current focus node are read in one index range when the validator
 * asks for its first property, and its other properties are answered from them (up to
 * {@value #MAX_SUBJECT_STATEMENTS} statements; a subject with more is read property by
 * property).</li>
 * </ul>
 * Not thread-safe: one per validating thread. The data must not change while it is in use (the
 * build validates inside a read transaction). Patterns with a concrete object are passed through
 * (a database matches literals by value, memory by term).
 */
final class ValidationGraph extends GraphWrapper {
    static final int RECENT_TYPES = 50_000;
    static final int MAX_SUBJECT_STATEMENTS = 200;

    private final Graph classes;
    private final Map<Node, List<Triple>> types = new LinkedHashMap<>(RECENT_TYPES * 4 / 3 + 1, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Node, List<Triple>> eldest) {
            return size() > RECENT_TYPES;
        }
    };
    private Node subject;
    private final List<Triple> statements = new ArrayList<>();

    /** @param classes the ontology's {@code rdfs:subClassOf} statements (the only ones in a built graph) */
    ValidationGraph(Graph data, Graph classes) {
        super(data);
        this.classes = classes;
    }

    @Override
    public ExtendedIterator<Triple> find(Node s, Node p, Node o) {
        if (RDFS.Nodes.subClassOf.equals(p)) return classes.find(s, p, o);
        boolean bySubjectAndPredicate = s != null && s.isConcrete() && p != null && p.isConcrete() && (o == null || !o.isConcrete());
        if (!bySubjectAndPredicate) return super.find(s, p, o);
        if (RDF.Nodes.type.equals(p)) return WrappedIterator.create(typesOf(s).iterator());
        if (!s.equals(subject)) readSubject(s);
        if (statements.size() > MAX_SUBJECT_STATEMENTS) return super.find(s, p, o);
        List<Triple> matching = new ArrayList<>();
        for (Triple t : statements) if (t.getPredicate().equals(p)) matching.add(t);
        return WrappedIterator.create(matching.iterator());
    }

    @Override
    public ExtendedIterator<Triple> find(Triple m) {
        return find(m.getSubject(), m.getPredicate(), m.getObject());
    }

    @Override
    public boolean contains(Node s, Node p, Node o) {
        return RDFS.Nodes.subClassOf.equals(p) ? classes.contains(s, p, o) : super.contains(s, p, o);
    }

    @Override
    public boolean contains(Triple t) {
        return contains(t.getSubject(), t.getPredicate(), t.getObject());
    }

    private List<Triple> typesOf(Node s) {
        List<Triple> known = types.get(s);
        if (known == null) {
            known = get().find(s, RDF.Nodes.type, Node.ANY).toList();
            types.put(s, known);
        }
        return known;
    }

    /** Reads the subject's statements, stopping one past the most kept. */
    private void readSubject(Node s) {
        subject = s;
        statements.clear();
        ExtendedIterator<Triple> all = get().find(s, Node.ANY, Node.ANY);
        try {
            while (all.hasNext() && statements.size() <= MAX_SUBJECT_STATEMENTS) statements.add(all.next());
        } finally {
            all.close();
        }
    }
}
