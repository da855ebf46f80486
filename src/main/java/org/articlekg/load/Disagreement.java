package org.articlekg.load;

import java.util.List;
import java.util.Objects;

/**
 * Claims about one event that articles report in incompatible ways.
 *
 * @param event the event the claims are about
 * @param kind the kind of fact
 * @param claims every claim about the event, in file order
 * @param columns the compared columns on which some pair of claims conflicts
 * @param conflicts the pairs of claims that conflict, each pair once
 */
public record Disagreement(String event, Kind kind, List<Entry> claims, List<Column> columns,
                           List<List<Entry>> conflicts) {
    public Disagreement {
        Objects.requireNonNull(event, "event");
        claims = List.copyOf(claims);
        columns = List.copyOf(columns);
        conflicts = List.copyOf(conflicts);
    }

    /** One line for reports: {@code investment musk-funds-openai: amount, amount_max differ (claims a, b)}. */
    public String describe() {
        return kind.noun() + " " + event + ": " + String.join(", ", columns.stream().map(Column::name).toList())
                + " differ between " + String.join(", ", claims.stream().map(Entry::id).toList());
    }
}
