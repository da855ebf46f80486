package org.articlekg.load;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Set;

/**
 * Checks that involve several cells of one row (each cell alone was checked when read), as the
 * columns declare them: a qualifier needs its date, a unit its value (and a value its unit where the
 * unit column says so with {@code kd:requiredWith}), an upper bound its lower
 * bound and no less, an end date no earlier than its start, two lists no id in common, a column
 * required with another, a text within its length.
 */
final class RowRules {
    private RowRules() {}

    static void check(Entry e, ProblemHandler problems) {
        for (Column c : e.table().columns()) {
            if (!e.columnNumbers().containsKey(c.name()) && !e.given(c.name())) continue;
            if (c.qualifier() != null) onlyWith(e, c.qualifier(), c.name(), problems);
            if (c.unit() != null && !c.name().equals(e.table().column(c.unit()).requiredWith())) onlyWith(e, c.unit(), c.name(), problems);
            if (c.requiredWith() != null) requiredWith(e, c.name(), c.requiredWith(), problems);
            if (c.upperBound() != null) upperBound(e, c, problems);
            if (c.notBefore() != null) notBefore(e, c, problems);
            if (c.disjointFrom() != null) disjoint(e, c, problems);
            if (c.maxLength() > 0 && e.get(c.name()) instanceof String s && s.length() > c.maxLength()) {
                problems.report(e.problem(c.name(), s, c.name() + " has " + s.length() + " characters; at most "
                        + c.maxLength() + " are allowed"));
            }
        }
    }

    /** {@code column} may be given only when {@code other} is. */
    private static void onlyWith(Entry e, String column, String other, ProblemHandler problems) {
        if (e.get(column) != null && !e.given(other)) {
            problems.report(e.problem(column, String.valueOf(e.get(column)), column + " is given but " + other + " is empty"));
        }
    }

    /** {@code column} is required when {@code other} is given, and may be given only then. */
    private static void requiredWith(Entry e, String column, String other, ProblemHandler problems) {
        if (e.get(other) != null && !e.given(column)) {
            Column c = e.table().column(column);
            String values = c.values().isEmpty() ? "" : " (" + c.allowedValues() + ")";
            problems.report(e.problem(column, "", column + values + " is required when " + other + " is given"));
        }
        onlyWith(e, column, other, problems);
    }

    private static void upperBound(Entry e, Column c, ProblemHandler problems) {
        onlyWith(e, c.upperBound(), c.name(), problems);
        BigDecimal low = e.decimal(c.name());
        BigDecimal high = e.decimal(c.upperBound());
        if (low != null && high != null && high.compareTo(low) < 0) {
            problems.report(e.problem(c.upperBound(), high.toPlainString(), c.upperBound() + " is less than "
                    + c.name() + " " + low.toPlainString()));
        }
    }

    private static void notBefore(Entry e, Column c, ProblemHandler problems) {
        PartialDate start = e.date(c.notBefore());
        PartialDate end = e.date(c.name());
        if (start != null && end != null && start.conflictsWith(end) && end.iso().compareTo(start.iso()) < 0) {
            problems.report(e.problem(c.name(), end.iso(), c.name() + " is before " + c.notBefore() + " " + start.iso()));
        }
    }

    private static void disjoint(Entry e, Column c, ProblemHandler problems) {
        Set<String> both = new HashSet<>(e.list(c.disjointFrom()));
        both.retainAll(e.list(c.name()));
        if (!both.isEmpty()) {
            problems.report(e.problem(c.name(), String.join("|", both), "is in both " + c.disjointFrom() + " and " + c.name()));
        }
    }
}
