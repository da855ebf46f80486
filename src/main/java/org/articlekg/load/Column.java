package org.articlekg.load;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.jena.graph.Node;

/**
 * One column of a CSV file, as {@code ontology/kinds.ttl} declares it: its header name, how its
 * cells are read, which predicate its values are written with, and the rules that tie it to other
 * columns of the row.
 *
 * @param name header name
 * @param type how cells are read and checked
 * @param required whether an empty cell is an error
 * @param predicate the predicate values are written with, or null when the column is not written as such
 * @param precisionPredicate for dates: the predicate of the date's precision concept
 * @param lang for text: the language tag of the literal, {@link #ROW_LANGUAGE}, or null for a plain string
 * @param values for enumerations: each allowed CSV value and the node it is written as, in the declared order
 * @param targets for references: the kinds of row an id may name
 * @param compared whether the claims of one event are compared on this column
 * @param identifiesEvent whether the claims of one event must all have the same value here (the main participants)
 * @param qualifier for dates: the column that qualifies it ({@code early}, {@code before} …), or null
 * @param unit for decimals: the column holding its currency or unit, required when a value is given, or null
 * @param upperBound for decimals: the column holding the upper bound of a range, or null
 * @param notBefore for dates: a column this one may not be earlier than, or null
 * @param disjointFrom for references: a column that may not name the same ids, or null
 * @param requiredWith a column whose value makes this one required (and whose absence forbids it), or null
 * @param alsoAllowed for currencies: other values allowed besides ISO 4217 codes
 * @param maxLength for text: the most characters a cell may have, or 0 for no limit
 */
public record Column(String name, ValueType type, boolean required, Node predicate, Node precisionPredicate,
                     String lang, Map<String, Node> values, Set<Kind> targets, boolean compared,
                     boolean identifiesEvent, String qualifier, String unit, String upperBound, String notBefore,
                     String disjointFrom, String requiredWith, List<String> alsoAllowed, int maxLength) {
    /** The {@link #lang()} of text written in the language of the row's {@code language} column. */
    public static final String ROW_LANGUAGE = "$language";

    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        values = values == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(values));
        targets = targets == null ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(targets));
        alsoAllowed = alsoAllowed == null ? List.of() : List.copyOf(alsoAllowed);
        if (type == ValueType.ENUM && values.isEmpty()) throw new IllegalArgumentException(name + ": enumeration without values");
        if (type.isReference() && targets.isEmpty()) throw new IllegalArgumentException(name + ": reference without target kinds");
        if (type == ValueType.DATE && predicate != null && precisionPredicate == null) {
            throw new IllegalArgumentException(name + ": date without a precision predicate");
        }
    }

    /** A plain column of a type, not required, with no rules: the start of the withers below. */
    public static Column of(String name, ValueType type, Node predicate) {
        return new Column(name, type, false, predicate, null, null, null, null, false, false,
                null, null, null, null, null, null, null, 0);
    }

    public Column asRequired() {
        return new Column(name, type, true, predicate, precisionPredicate, lang, values, targets, compared,
                identifiesEvent, qualifier, unit, upperBound, notBefore, disjointFrom, requiredWith, alsoAllowed, maxLength);
    }

    /** How the allowed values read in a message: {@code 'a', 'b' or 'c'}. */
    String allowedValues() {
        List<String> quoted = values.keySet().stream().map(v -> "'" + v + "'").toList();
        if (quoted.size() == 1) return quoted.get(0);
        return String.join(", ", quoted.subList(0, quoted.size() - 1)) + " or " + quoted.get(quoted.size() - 1);
    }
}
