package org.articlekg.load;

import java.util.List;
import java.util.Objects;

/**
 * A claim that says what another claim about the same event says, more precisely: a narrower
 * concept (a capped-profit entity is a for-profit entity), a date of finer precision inside the
 * other's period, a longer list of participants. Not a disagreement.
 *
 * @param finer the more precise claim
 * @param coarser the claim it refines
 * @param columns the columns on which it is more precise
 */
public record Refinement(Entry finer, Entry coarser, List<Column> columns) {
    public Refinement {
        Objects.requireNonNull(finer, "finer");
        Objects.requireNonNull(coarser, "coarser");
        columns = List.copyOf(columns);
    }

    /** One line for reports: {@code founding b refines a (legal_form, date)}. */
    public String describe() {
        return finer.table().kind().noun() + " " + finer.id() + " refines " + coarser.id() + " ("
                + String.join(", ", columns.stream().map(Column::name).toList()) + ")";
    }
}
