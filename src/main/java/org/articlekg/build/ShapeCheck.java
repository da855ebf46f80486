package org.articlekg.build;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shared.PrefixMapping;
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

    private final Shapes shapes;
    private final PrefixMapping prefixes;

    public ShapeCheck(Graph shapesGraph, PrefixMapping prefixes) {
        this.shapes = Shapes.parse(shapesGraph);
        this.prefixes = prefixes;
    }

    /**
     * Validates {@code data}; throws listing every violation.
     *
     * @param locate where a focus node comes from in the input ({@code data/x.csv:12}), or null
     */
    public void validate(Graph data, Function<Node, String> locate) {
        ValidationReport report = ShaclValidator.get().validate(shapes, data);
        if (report.conforms()) return;
        List<String> lines = new ArrayList<>();
        for (ReportEntry e : report.getEntries()) {
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
