package org.articlekg.load;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.jena.graph.Node;

/**
 * What one CSV file holds, as {@code ontology/kinds.ttl} declares it: its columns, the class of its
 * rows, the shortcut triples its facts imply, the edges it gives graph tools and how a fact's
 * label reads in each language.
 *
 * @param kind the file
 * @param columns the columns, in the declared order
 * @param rdfClass the class of every row, or null when a {@code type} column decides it
 * @param shortcuts direct triples written beside each statement
 * @param edges the relations drawn as edges in graph exports and the explorer: the shortcuts
 *              that are edges, and for entities the references declared as edges
 * @param labels for facts: the label template of each language ({@code en}, {@code fr}); empty for others
 * @param weight for facts: how often the generator makes this kind, relative to the others
 */
public record TableSchema(Kind kind, List<Column> columns, Node rdfClass, List<Shortcut> shortcuts,
                          List<Shortcut> edges, Map<String, String> labels, double weight) {
    /** A triple {@code from property to} written for each pair of ids in two columns ({@code id} is the row's own). */
    public record Shortcut(String from, Node property, String to) {}

    public TableSchema {
        Objects.requireNonNull(kind, "kind");
        columns = List.copyOf(columns);
        shortcuts = List.copyOf(shortcuts);
        edges = List.copyOf(edges);
        labels = Map.copyOf(labels);
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

    /** Whether the file has a column of this name. */
    public boolean has(String name) {
        for (Column c : columns) if (c.name().equals(name)) return true;
        return false;
    }

    /** The columns that identify a fact's event: its main participants. */
    public List<Column> eventColumns() {
        return columns.stream().filter(Column::identifiesEvent).toList();
    }
}
