package org.articlekg.generate;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.articlekg.load.Column;
import org.articlekg.load.Kind;
import org.articlekg.load.PartialDate;
import org.articlekg.load.TableSchema;

/**
 * One row being made: its cells by column name, kept in the declared column order of its
 * {@link Layout}, so that every file is written with the header the loader expects.
 */
final class Cells {
    private final Layout layout;
    private final String[] values;

    Cells(Layout layout) {
        this.layout = layout;
        this.values = new String[layout.index().size()];
    }

    TableSchema table() { return layout.table(); }

    Kind kind() { return layout.table().kind(); }

    /** Sets a cell; null or "" leaves it empty. */
    Cells set(String column, String value) {
        values[layout.position(column)] = value == null || value.isEmpty() ? null : value;
        return this;
    }

    /** Sets a list cell: ids or texts separated by {@code |}. */
    Cells setList(String column, Collection<?> items) {
        return set(column, items.stream().map(Object::toString).collect(Collectors.joining("|")));
    }

    /** The cell, or null when empty. */
    String get(String column) {
        return values[layout.position(column)];
    }

    boolean has(String column) { return get(column) != null; }

    /** The items of a list cell (empty when the cell is). */
    List<String> list(String column) {
        String v = get(column);
        return v == null ? List.of() : List.of(v.split("\\|"));
    }

    Cells copy() {
        Cells c = new Cells(layout);
        System.arraycopy(values, 0, c.values, 0, values.length);
        return c;
    }

    /**
     * The filled cells typed as the loader reads them ({@link org.articlekg.load.Entry#values()}):
     * lists, {@link PartialDate}s, {@link BigDecimal}s, else strings. What labels are made from.
     */
    Map<String, Object> typed() {
        Map<String, Object> typed = new HashMap<>();
        for (Column c : layout.table().columns()) {
            String v = get(c.name());
            if (v == null) continue;
            typed.put(c.name(), switch (c.type()) {
                case REFS, TEXT_LIST -> list(c.name());
                case DATE -> PartialDate.parseOrNull(v);
                case DECIMAL -> new BigDecimal(v);
                default -> v;
            });
        }
        return typed;
    }

    /** The cells to print, empty cells as "". */
    Object[] record() {
        Object[] out = new Object[values.length];
        for (int i = 0; i < values.length; i++) out[i] = values[i] == null ? "" : values[i];
        return out;
    }
}
