package org.articlekg.load;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Checks that involve several cells of one row (each cell alone was checked when read). */
final class RowRules {
    private RowRules() {}

    /** Qualifier columns and the date column each one qualifies. */
    private static final Map<String, String> QUALIFIED = Map.of(
            "date_qualifier", "date", "start_qualifier", "start", "end_qualifier", "end");

    static void check(Entry e, ProblemHandler problems) {
        for (Map.Entry<String, String> q : QUALIFIED.entrySet()) {
            if (e.get(q.getKey()) != null && e.columnNumbers().containsKey(q.getValue()) && !e.given(q.getValue())) {
                problems.report(e.problem(q.getKey(), e.string(q.getKey()), "qualifier given without a " + q.getValue()));
            }
        }
        switch (e.table().kind()) {
            case ARTICLE -> {
                if (e.get("date") != null && !e.given("date_basis")) {
                    problems.report(e.problem("date_basis", "", "date_basis ('stated' or 'inferred') is required when date is given"));
                }
                if (!e.given("date") && e.get("date_basis") != null) {
                    problems.report(e.problem("date_basis", e.string("date_basis"), "date_basis given without a date"));
                }
            }
            case INVESTMENT -> {
                BigDecimal amount = e.decimal("amount");
                BigDecimal max = e.decimal("amount_max");
                if (amount != null && !e.given("currency")) {
                    problems.report(e.problem("currency", "", "currency is required when amount is given"));
                }
                if (!e.given("amount") && e.get("currency") != null) {
                    problems.report(e.problem("currency", e.string("currency"), "currency given without an amount"));
                }
                if (max != null && !e.given("amount")) {
                    problems.report(e.problem("amount_max", max.toPlainString(), "amount_max given without amount (the lower bound)"));
                }
                if (max != null && amount != null && max.compareTo(amount) < 0) {
                    problems.report(e.problem("amount_max", max.toPlainString(), "amount_max is less than amount " + amount.toPlainString()));
                }
            }
            case ROLE -> {
                PartialDate start = e.date("start");
                PartialDate end = e.date("end");
                if (start != null && end != null && start.conflictsWith(end) && end.iso().compareTo(start.iso()) < 0) {
                    problems.report(e.problem("end", end.iso(), "end is before start " + start.iso()));
                }
            }
            case LAWSUIT -> {
                Set<String> both = new HashSet<>(e.list("plaintiffs"));
                both.retainAll(e.list("defendants"));
                if (!both.isEmpty()) {
                    problems.report(e.problem("defendants", String.join("|", both), "is both plaintiff and defendant"));
                }
            }
            default -> { }
        }
    }
}
