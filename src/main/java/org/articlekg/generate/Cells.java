package org.articlekg.generate;

import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.articlekg.load.Column;
import org.articlekg.load.Kind;
import org.articlekg.load.Schemas;

/**
 * One row being made: its cells by column name, kept in the column order of {@link Schemas}, so
 * that every file is written with the header the loaders expect.
 */
final class Cells {
    private static final Map<Kind, Map<String, Integer>> INDEX = new EnumMap<>(Kind.class);

    static {
        for (Kind kind : Kind.values()) {
            Map<String, Integer> index = new HashMap<>();
            List<Column> columns = Schemas.of(kind).columns();
            for (int i = 0; i < columns.size(); i++) index.put(columns.get(i).name(), i);
            INDEX.put(kind, index);
        }
    }

    private final Kind kind;
    private final String[] values;

    Cells(Kind kind) {
        this.kind = kind;
        this.values = new String[INDEX.get(kind).size()];
    }

    /** The header of a file: its column names in schema order. */
    static List<String> header(Kind kind) {
        return Schemas.of(kind).columns().stream().map(Column::name).toList();
    }

    Kind kind() { return kind; }

    /** Sets a cell; null or "" leaves it empty. */
    Cells set(String column, String value) {
        values[index(column)] = value == null || value.isEmpty() ? null : value;
        return this;
    }

    /** Sets a list cell: ids or texts separated by {@code |}. */
    Cells setList(String column, Collection<?> items) {
        return set(column, items.stream().map(Object::toString).collect(Collectors.joining("|")));
    }

    /** The cell, or null when empty. */
    String get(String column) {
        return values[index(column)];
    }

    boolean has(String column) { return get(column) != null; }

    /** The items of a list cell (empty when the cell is). */
    List<String> list(String column) {
        String v = get(column);
        return v == null ? List.of() : List.of(v.split("\\|"));
    }

    Cells copy() {
        Cells c = new Cells(kind);
        System.arraycopy(values, 0, c.values, 0, values.length);
        return c;
    }

    /** The cells to print, empty cells as "". */
    Object[] record() {
        Object[] out = new Object[values.length];
        for (int i = 0; i < values.length; i++) out[i] = values[i] == null ? "" : values[i];
        return out;
    }

    private int index(String column) {
        Integer i = INDEX.get(kind).get(column);
        if (i == null) throw new IllegalArgumentException(kind.fileName() + " has no column " + column);
        return i;
    }
}
