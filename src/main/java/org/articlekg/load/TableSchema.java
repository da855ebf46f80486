package org.articlekg.load;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.apache.jena.graph.Node;

/**
 * What one CSV file holds: its columns, the class of its rows, the shortcut triples its facts
 * imply and how a fact's label reads. The definitions of every file are in {@link Schemas}.
 *
 * @param kind the file
 * @param columns the columns, in the order documented
 * @param rdfClass the class of every row, or null when a {@code type} column decides it
 * @param shortcuts direct triples written beside each statement
 * @param label the English label of a fact, or null for entities (they have their own labels)
 */
public record TableSchema(Kind kind, List<Column> columns, Node rdfClass, List<Shortcut> shortcuts, FactLabel label) {
    /** A triple {@code from property to} written for each pair of ids in two reference columns. */
    public record Shortcut(String from, Node property, String to) {}

    /** Builds a fact's English label from its values, given the labels of the ids it names. */
    @FunctionalInterface
    public interface FactLabel {
        String label(Entry entry, Function<String, String> labelOfId);
    }

    public TableSchema {
        Objects.requireNonNull(kind, "kind");
        columns = List.copyOf(columns);
        shortcuts = List.copyOf(shortcuts);
    }

    /** The columns by header name. */
    public Map<String, Column> byName() {
        Map<String, Column> map = new LinkedHashMap<>();
        for (Column c : columns) map.put(c.name(), c);
        return map;
    }

    public Column column(String name) {
        for (Column c : columns) if (c.name().equals(name)) return c;
        throw new IllegalArgumentException(kind.fileName() + " has no column " + name);
    }
}
