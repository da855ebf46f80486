package org.articlekg.load;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.articlekg.vocab.AKG;

/**
 * One column of a CSV file: its header name, how its cells are read, and which predicate its
 * values are written with. Made with the static factories and refined with the withers:
 * {@code Column.ref("investor", AKG.investor, PERSON, ORGANIZATION).asRequired()}.
 *
 * @param name header name
 * @param type how cells are read and checked
 * @param required whether an empty cell is an error
 * @param predicate the predicate values are written with, or null when the column is not written as such
 * @param precisionPredicate for dates: the predicate of the date's precision concept
 * @param lang for text: the language tag of the literal, or null for a plain string
 * @param values for enumerations: each allowed CSV value and the node it is written as
 * @param targets for references: the kinds of row an id may name
 * @param compared whether claims about one event are compared on this column
 * @param blankConflicts whether, when compared, a blank cell conflicts with a given value
 */
public record Column(String name, ValueType type, boolean required, Node predicate, Node precisionPredicate,
                     String lang, Map<String, Node> values, Set<Kind> targets, boolean compared,
                     boolean blankConflicts) {
    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        values = values == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
        targets = targets == null || targets.isEmpty() ? Set.of() : java.util.Collections.unmodifiableSet(EnumSet.copyOf(targets));
        if (type == ValueType.ENUM && values.isEmpty()) throw new IllegalArgumentException(name + ": enumeration without values");
        if ((type == ValueType.REF || type == ValueType.REFS) && targets.isEmpty()) {
            throw new IllegalArgumentException(name + ": reference without target kinds");
        }
        if (type == ValueType.DATE && predicate != null && precisionPredicate == null) {
            throw new IllegalArgumentException(name + ": date without a precision predicate");
        }
    }

    public static Column of(String name, ValueType type, Node predicate) {
        return new Column(name, type, false, predicate, null, null, null, null, false, false);
    }

    public static Column text(String name, Node predicate) { return of(name, ValueType.TEXT, predicate); }

    public static Column langText(String name, Node predicate, String lang) {
        return new Column(name, ValueType.TEXT, false, predicate, null, lang, null, null, false, false);
    }

    public static Column date(String name, Node predicate, Node precisionPredicate) {
        return new Column(name, ValueType.DATE, false, predicate, precisionPredicate, null, null, null, false, false);
    }

    /** An enumeration written as the concepts {@code akg:{category}-{value}}. */
    public static Column concept(String name, Node predicate, String category, List<String> csvValues) {
        Map<String, Node> values = new LinkedHashMap<>();
        for (String v : csvValues) values.put(v, AKG.concept(category, v));
        return new Column(name, ValueType.ENUM, false, predicate, null, null, values, null, false, false);
    }

    /** An enumeration whose values map to given nodes (classes, for a {@code type} column). */
    public static Column mapped(String name, Node predicate, Map<String, Node> values) {
        return new Column(name, ValueType.ENUM, false, predicate, null, null, values, null, false, false);
    }

    public static Column ref(String name, Node predicate, Kind... targets) {
        return new Column(name, ValueType.REF, false, predicate, null, null, null, EnumSet.copyOf(List.of(targets)), false, false);
    }

    public static Column refs(String name, Node predicate, Kind... targets) {
        return new Column(name, ValueType.REFS, false, predicate, null, null, null, EnumSet.copyOf(List.of(targets)), false, false);
    }

    public Column asRequired() {
        return new Column(name, type, true, predicate, precisionPredicate, lang, values, targets, compared, blankConflicts);
    }

    public Column asCompared() {
        return new Column(name, type, required, predicate, precisionPredicate, lang, values, targets, true, blankConflicts);
    }

    /** Compared, and a blank cell conflicts with a given value (an amount not stated against a figure). */
    public Column asComparedWithBlanks() {
        return new Column(name, type, required, predicate, precisionPredicate, lang, values, targets, true, true);
    }

    /** How the allowed values read in a message: {@code 'a', 'b' or 'c'}. */
    String allowedValues() {
        List<String> quoted = values.keySet().stream().map(v -> "'" + v + "'").toList();
        if (quoted.size() == 1) return quoted.get(0);
        return String.join(", ", quoted.subList(0, quoted.size() - 1)) + " or " + quoted.get(quoted.size() - 1);
    }
}
