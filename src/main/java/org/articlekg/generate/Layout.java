package org.articlekg.generate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.articlekg.load.Column;
import org.articlekg.load.TableSchema;

/**
 * The columns of one file, as the fact model declares them, and where each sits in a row: what
 * the {@link Cells} of that file share.
 *
 * @param table the file's schema
 * @param index the 0-based position of each column, by name
 */
record Layout(TableSchema table, Map<String, Integer> index) {
    Layout {
        index = Map.copyOf(index);
    }

    static Layout of(TableSchema table) {
        Map<String, Integer> index = new HashMap<>();
        List<Column> columns = table.columns();
        for (int i = 0; i < columns.size(); i++) index.put(columns.get(i).name(), i);
        return new Layout(table, index);
    }

    /** The header of the file: its column names in declared order. */
    List<String> header() {
        return table.columns().stream().map(Column::name).toList();
    }

    int position(String column) {
        Integer i = index.get(column);
        if (i == null) throw new IllegalArgumentException(table.kind().fileName() + " has no column " + column);
        return i;
    }
}
