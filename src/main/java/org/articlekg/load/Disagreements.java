package org.articlekg.load;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds disagreements: claims of one kind about one event that differ on a compared column.
 * Dates differ when they differ at the coarser of their precisions; a blank cell differs from a
 * value only in columns marked {@link Column#blankConflicts()}; lists are compared as sets.
 */
final class Disagreements {
    private Disagreements() {}

    static List<Disagreement> find(List<Entry> facts) {
        Map<String, List<Entry>> byEvent = new LinkedHashMap<>();
        for (Entry e : facts) {
            byEvent.computeIfAbsent(e.table().kind() + " " + e.event(), k -> new ArrayList<>()).add(e);
        }
        List<Disagreement> found = new ArrayList<>();
        for (List<Entry> claims : byEvent.values()) {
            if (claims.size() < 2) continue;
            Set<Column> columns = new LinkedHashSet<>();
            List<List<Entry>> conflicts = new ArrayList<>();
            for (int i = 0; i < claims.size(); i++) {
                for (int j = i + 1; j < claims.size(); j++) {
                    List<Column> differing = differing(claims.get(i), claims.get(j));
                    if (!differing.isEmpty()) {
                        columns.addAll(differing);
                        conflicts.add(List.of(claims.get(i), claims.get(j)));
                    }
                }
            }
            if (!conflicts.isEmpty()) {
                Entry first = claims.get(0);
                List<Column> ordered = first.table().columns().stream().filter(columns::contains).toList();
                found.add(new Disagreement(first.event(), first.table().kind(), claims, ordered, conflicts));
            }
        }
        return found;
    }

    /** The compared columns on which two claims differ. */
    static List<Column> differing(Entry a, Entry b) {
        List<Column> differing = new ArrayList<>();
        for (Column c : a.table().columns()) {
            if (c.compared() && differ(c, a.get(c.name()), b.get(c.name()))) differing.add(c);
        }
        return differing;
    }

    private static boolean differ(Column column, Object x, Object y) {
        if (x == null || y == null) return column.blankConflicts() && (x != null || y != null);
        if (x instanceof PartialDate dx && y instanceof PartialDate dy) return dx.conflictsWith(dy);
        if (x instanceof BigDecimal nx && y instanceof BigDecimal ny) return nx.compareTo(ny) != 0;
        if (x instanceof List<?> lx && y instanceof List<?> ly) return !new HashSet<>(lx).equals(new HashSet<>(ly));
        return !x.equals(y);
    }
}
