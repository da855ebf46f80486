package org.articlekg.build;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.vocabulary.SHACL;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.articlekg.KgException;

/** Validates a graph against the SHACL shapes and turns each violation into one readable line. */
public final class ShapeCheck {
    /** The graph does not conform; {@link #violations()} says where and why. */
    public static final class ShapeViolationException extends KgException {
        private final List<String> violations;

        ShapeViolationException(List<String> violations) {
            super(violations.size() + " SHACL violation(s), the first: " + violations.get(0));
            this.violations = List.copyOf(violations);
        }

        public List<String> violations() { return violations; }
    }

    private final Graph shapesGraph;
    private final Shapes shapes;
    private final Graph classes;
    private final PrefixMapping prefixes;

    /**
     * @param ontology the ontology, whose {@code rdfs:subClassOf} statements the validation reads
     *     from memory (they are the only ones in a built graph), or null to read everything from
     *     the data graph
     */
    public ShapeCheck(Graph shapesGraph, Graph ontology, PrefixMapping prefixes) {
        this.shapesGraph = shapesGraph;
        this.shapes = Shapes.parse(shapesGraph);
        this.prefixes = prefixes;
        this.classes = GraphFactory.createDefaultGraph();
        if (ontology != null) ontology.find(Node.ANY, RDFS.Nodes.subClassOf, Node.ANY).forEachRemaining(classes::add);
    }

    /** The data graph as one validation reads it (one per thread): see {@link ValidationGraph}. */
    private Graph view(Graph data) {
        return classes.isEmpty() ? data : new ValidationGraph(data, classes);
    }

    /**
     * Validates {@code data}; throws listing every violation.
     *
     * @param locate where a focus node comes from in the input ({@code data/x.csv:12}), or null
     */
    public void validate(Graph data, Function<Node, String> locate) {
        fail(ShaclValidator.get().validate(shapes, view(data)).getEntries(), locate);
    }

    /**
     * Validates {@code data} as {@link #validate(Graph, Function)} does, on up to {@code threads}
     * threads: see {@link #plan}.
     */
    public void validate(Graph data, Function<Node, String> locate, int threads, Consumer<Runnable> inRead) {
        Validation v = plan(data, locate, threads, inRead);
        Tasks.runAll(threads, v.parts());
        v.check();
    }

    /**
     * A validation split into parts that can run side by side with other work (the build runs
     * them beside the exports, which only read the database too): run every
     * part, then {@link #check()}.
     */
    public static final class Validation {
        private final List<Runnable> parts;
        private final Runnable check;

        private Validation(List<Runnable> parts, Runnable check) {
            this.parts = List.copyOf(parts);
            this.check = check;
        }

        /** One task per group of shapes; each records the violations it finds. */
        public List<Runnable> parts() { return parts; }

        /** Throws a {@link ShapeViolationException} listing every violation the parts found. */
        public void check() { check.run(); }
    }

    /**
     * Splits the validation of {@code data} into up to {@code parts} tasks: the shapes' targets are
     * grouped by about equal work (instances times property shapes), and each group is validated
     * inside {@code inRead} (which runs its argument in a read transaction on the database that
     * holds {@code data}).
     */
    public Validation plan(Graph data, Function<Node, String> locate, int parts, Consumer<Runnable> inRead) {
        List<Shapes> groups = new ArrayList<>();
        if (parts <= 1) {
            groups.add(shapes);
        } else {
            inRead.accept(() -> split(data, parts).forEach(g -> groups.add(Shapes.parse(g))));
        }
        List<Collection<ReportEntry>> reports = new ArrayList<>(Collections.nCopies(groups.size(), null));
        List<Runnable> tasks = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            int at = i;
            Shapes part = groups.get(i);
            tasks.add(() -> inRead.accept(() -> reports.set(at, ShaclValidator.get().validate(part, view(data)).getEntries())));
        }
        return new Validation(tasks, () -> fail(reports.stream().flatMap(Collection::stream).toList(), locate));
    }

    /**
     * Copies of the shapes graph, each keeping the {@code sh:targetClass} statements of one group
     * of shapes (the others stay as shapes without targets): longest-processing-time-first over
     * the number of instances of each target class in {@code data} times the shape's property shapes.
     */
    private List<Graph> split(Graph data, int groups) {
        record Target(Triple statement, long work) {}
        List<Target> targets = new ArrayList<>();
        shapesGraph.find(Node.ANY, SHACL.targetClass, Node.ANY).forEachRemaining(t -> {
            long instances = Iter.count(data.find(Node.ANY, RDF.Nodes.type, t.getObject()));
            long properties = Math.max(1, Iter.count(shapesGraph.find(t.getSubject(), SHACL.property, Node.ANY)));
            targets.add(new Target(t, instances * properties));
        });
        targets.sort(Comparator.comparingLong(Target::work).reversed().thenComparing(x -> x.statement().toString()));
        long[] load = new long[Math.min(groups, Math.max(1, targets.size()))];
        List<Set<Triple>> kept = new ArrayList<>();
        for (int i = 0; i < load.length; i++) kept.add(new HashSet<>());
        for (Target t : targets) {
            int least = 0;
            for (int i = 1; i < load.length; i++) if (load[i] < load[least]) least = i;
            load[least] += t.work();
            kept.get(least).add(t.statement());
        }
        List<Graph> parts = new ArrayList<>();
        for (Set<Triple> keep : kept) {
            Graph g = GraphFactory.createDefaultGraph();
            shapesGraph.find().forEachRemaining(t -> {
                if (!t.getPredicate().equals(SHACL.targetClass) || keep.contains(t)) g.add(t);
            });
            parts.add(g);
        }
        return parts;
    }

    private void fail(Collection<ReportEntry> entries, Function<Node, String> locate) {
        if (entries.isEmpty()) return;
        List<String> lines = new ArrayList<>();
        for (ReportEntry e : entries) {
            StringBuilder sb = new StringBuilder();
            String where = locate == null ? null : locate.apply(e.focusNode());
            if (where != null) sb.append(where).append(' ');
            sb.append(show(e.focusNode()));
            if (e.resultPath() != null) sb.append(" ").append(e.resultPath().toString(new org.apache.jena.sparql.core.Prologue(prefixes)));
            sb.append(": ").append(e.message());
            if (e.value() != null) sb.append(" (value ").append(show(e.value())).append(')');
            lines.add(sb.toString());
        }
        throw new ShapeViolationException(lines);
    }

    private String show(Node n) {
        if (n.isURI()) {
            String q = prefixes.qnameFor(n.getURI());
            return q != null ? q : "<" + n.getURI() + ">";
        }
        return n.toString();
    }
}
