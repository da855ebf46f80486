package org.articlekg.load;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Node;

/**
 * Compares the claims of each event on their compared columns. Two values conflict when they are
 * incompatible; one refines the other when it is a narrower concept ({@code skos:broader} in the
 * ontology), a date of finer precision inside the other's period, or a list that names every id
 * of the other and more; a missing value never conflicts. Amounts that differ conflict (a figure
 * against a range too: an empty upper bound is the figure itself).
 */
final class Disagreements {
    private Disagreements() {}

    /** How two values of one column compare. */
    enum Outcome { SAME, FIRST_REFINES, SECOND_REFINES, CONFLICT }

    /** The disagreements and refinements among claims. */
    record Comparison(List<Disagreement> disagreements, List<Refinement> refinements) {}

    static Comparison compare(List<Entry> facts, FactModel model) {
        Map<String, List<Entry>> byEvent = new LinkedHashMap<>();
        for (Entry e : facts) {
            byEvent.computeIfAbsent(e.table().kind().name() + " " + e.event(), k -> new ArrayList<>()).add(e);
        }
        List<Disagreement> found = new ArrayList<>();
        List<Refinement> refinements = new ArrayList<>();
        for (List<Entry> claims : byEvent.values()) {
            if (claims.size() < 2) continue;
            Set<Column> columns = new LinkedHashSet<>();
            List<List<Entry>> conflicts = new ArrayList<>();
            for (int i = 0; i < claims.size(); i++) {
                for (int j = i + 1; j < claims.size(); j++) {
                    Entry a = claims.get(i);
                    Entry b = claims.get(j);
                    List<Column> conflicting = new ArrayList<>();
                    List<Column> aFiner = new ArrayList<>();
                    List<Column> bFiner = new ArrayList<>();
                    for (Column c : a.table().columns()) {
                        if (!c.compared()) continue;
                        switch (outcome(c, a, b, model)) {
                            case CONFLICT -> conflicting.add(c);
                            case FIRST_REFINES -> aFiner.add(c);
                            case SECOND_REFINES -> bFiner.add(c);
                            case SAME -> { }
                        }
                    }
                    if (!conflicting.isEmpty()) {
                        columns.addAll(conflicting);
                        conflicts.add(List.of(a, b));
                    } else if (!aFiner.isEmpty() && bFiner.isEmpty()) {
                        refinements.add(new Refinement(a, b, aFiner));
                    } else if (!bFiner.isEmpty() && aFiner.isEmpty()) {
                        refinements.add(new Refinement(b, a, bFiner));
                    }
                }
            }
            if (!conflicts.isEmpty()) {
                Entry first = claims.get(0);
                List<Column> ordered = first.table().columns().stream().filter(columns::contains).toList();
                found.add(new Disagreement(first.event(), first.table().kind(), claims, ordered, conflicts));
            }
        }
        return new Comparison(found, refinements);
    }

    /**
     * How two claims compare on a column. An empty upper bound of a given figure is the figure
     * itself when the other claim gives a range (100 is 100–100, so it conflicts with 100–200).
     */
    static Outcome outcome(Column c, Entry a, Entry b, FactModel model) {
        if (a.get(c.name()) == null && b.get(c.name()) == null) return Outcome.SAME;
        return outcome(c, compared(a, c), compared(b, c), model);
    }

    private static Object compared(Entry e, Column c) {
        Object v = e.get(c.name());
        if (v != null) return v;
        for (Column lower : e.table().columns()) {
            if (c.name().equals(lower.upperBound())) return e.get(lower.name());
        }
        return null;
    }

    /** How the values of two claims compare on a column (null for an empty cell). */
    static Outcome outcome(Column column, Object x, Object y, FactModel model) {
        if (x == null || y == null) return Outcome.SAME;
        if (x instanceof PartialDate dx && y instanceof PartialDate dy) {
            if (dx.equals(dy)) return Outcome.SAME;
            if (dx.conflictsWith(dy)) return Outcome.CONFLICT;
            return dx.iso().length() > dy.iso().length() ? Outcome.FIRST_REFINES : Outcome.SECOND_REFINES;
        }
        if (x instanceof BigDecimal nx && y instanceof BigDecimal ny) return nx.compareTo(ny) == 0 ? Outcome.SAME : Outcome.CONFLICT;
        if (column.type().isList()) {
            Set<Object> sx = new HashSet<>(x instanceof List<?> l ? l : List.of(x));
            Set<Object> sy = new HashSet<>(y instanceof List<?> l ? l : List.of(y));
            if (sx.equals(sy)) return Outcome.SAME;
            if (sx.containsAll(sy)) return Outcome.FIRST_REFINES;
            if (sy.containsAll(sx)) return Outcome.SECOND_REFINES;
            return Outcome.CONFLICT;
        }
        if (x.equals(y)) return Outcome.SAME;
        if (column.type() == ValueType.ENUM) {
            Node cx = column.values().get((String) x);
            Node cy = column.values().get((String) y);
            if (cx != null && cy != null && model.isNarrower(cx, cy)) return Outcome.FIRST_REFINES;
            if (cx != null && cy != null && model.isNarrower(cy, cx)) return Outcome.SECOND_REFINES;
        }
        return Outcome.CONFLICT;
    }
}
