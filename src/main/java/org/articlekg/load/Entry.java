package org.articlekg.load;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One CSV row, read and checked: its typed values by column name (absent when the cell was
 * empty or invalid) and where it came from. Values are {@link String} (text, ids, codes,
 * enumerated values), {@code List<String>} (lists), {@link PartialDate} or {@link BigDecimal}.
 *
 * @param table the file's schema
 * @param file the file
 * @param line the line the row starts on
 * @param columnNumbers the 1-based field number of each column in this file's header
 * @param values the typed values
 * @param invalid the columns whose cell was filled in but not valid (already reported)
 */
public record Entry(TableSchema table, Path file, long line, Map<String, Integer> columnNumbers,
                    Map<String, Object> values, Set<String> invalid) {
    public Entry {
        Objects.requireNonNull(table, "table");
        columnNumbers = Map.copyOf(columnNumbers);
        values = Map.copyOf(values);
        invalid = Set.copyOf(invalid);
    }

    public Entry(TableSchema table, Path file, long line, Map<String, Integer> columnNumbers, Map<String, Object> values) {
        this(table, file, line, columnNumbers, values, Set.of());
    }

    /** Whether the cell was filled in, validly or not. */
    public boolean given(String column) {
        return values.containsKey(column) || invalid.contains(column);
    }

    public String id() { return string("id"); }

    /** The event this claim is about: the {@code event} cell, or the claim's own id. */
    public String event() {
        String event = string("event");
        return event != null ? event : id();
    }

    public Object get(String column) { return values.get(column); }

    public String string(String column) { return (String) values.get(column); }

    @SuppressWarnings("unchecked")
    public List<String> list(String column) {
        Object v = values.get(column);
        if (v == null) return List.of();
        if (v instanceof String s) return List.of(s);
        return (List<String>) v;
    }

    public PartialDate date(String column) { return (PartialDate) values.get(column); }

    public BigDecimal decimal(String column) { return (BigDecimal) values.get(column); }

    /** A problem located at this row's cell in the given column. */
    public Problem problem(String column, String value, String message) {
        return new Problem(file, line, columnNumbers.getOrDefault(column, 0), column, value, message);
    }
}
