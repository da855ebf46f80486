package org.articlekg.generate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.articlekg.KgException;
import org.articlekg.load.Column;
import org.articlekg.load.FactModel;
import org.articlekg.load.TableSchema;
import org.articlekg.load.ValueType;

/**
 * What the generator needs to know of one kind of fact, read once from its declaration: the
 * order its columns are filled in, the columns filled along with another (a date's qualifier, an
 * amount's unit and upper bound), the values of each enumeration, the entities each reference
 * column may name, and which columns a second claim about the event may differ on.
 */
final class FactShape {
    /** The columns every fact file has, which the generator fills itself. */
    static final Set<String> OWN = Set.of("id", "event", "note");

    final TableSchema table;
    /** Columns filled first, in declared order. */
    final List<Column> first = new ArrayList<>();
    /** Columns filled once the column they follow is: later dates ({@code notBefore}), columns required with another. */
    final List<Column> then = new ArrayList<>();
    /** Columns that must be filled: required, or needed by a required column filled with them. */
    final Set<String> forced = new HashSet<>();
    /** The reference columns that name entities, in declared order. */
    final List<Column> references = new ArrayList<>();
    /** Columns a conflicting claim may differ on: compared, not identifying the event, not filled along with another. */
    final List<Column> disputable = new ArrayList<>();
    /**
     * The column that alone identifies the event when it names one entity (the organisation of a
     * founding), or null: such an event happens once per entity, so new claims take each entity
     * once before any twice. Filled first.
     */
    final Column once;
    /** Of each enumeration, pairs of declared values {narrower, broader}: where a claim may refine another. */
    final Map<String, List<String[]>> narrower = new HashMap<>();

    private final Map<String, Choice<String>> enums = new HashMap<>();
    private final Map<String, Choice<String>> units = new HashMap<>();
    private final Map<String, Pool> pools = new HashMap<>();
    private final Set<String> companions = new HashSet<>();

    FactShape(TableSchema table, FactModel model, Entities entities) {
        this.table = table;
        for (Column c : table.columns()) {
            for (String companion : new String[] {c.qualifier(), c.unit(), c.upperBound()}) {
                if (companion == null) continue;
                companions.add(companion);
                if (table.column(companion).required()) forced.add(c.name());
            }
            if (c.requiredWith() != null && c.required()) forced.add(c.requiredWith());
            if (c.required()) forced.add(c.name());
            if (c.type() == ValueType.ENUM) enums.put(c.name(), Choice.declared(c));
            if (c.unit() != null) units.put(c.unit(), Amounts.units(table.column(c.unit()).alsoAllowed()));
            if (c.type().isReference()) {
                Pool pool = entities.participants(c.targets());
                if (pool != null) {
                    pools.put(c.name(), pool);
                    references.add(c);
                }
            }
        }
        for (Column c : table.columns()) {
            if (OWN.contains(c.name()) || companions.contains(c.name())) continue;
            if (!fillable(c)) {
                if (forced.contains(c.name())) {
                    throw new KgException("kd:" + table.kind().name() + ": the generator cannot fill required column '"
                            + c.name() + "' (" + c.type() + (c.type().isReference() ? " to " + c.targets() : "") + ")");
                }
                continue;
            }
            (c.notBefore() != null || c.requiredWith() != null ? then : first).add(c);
            if (c.compared() && !c.identifiesEvent() && c.notBefore() == null && c.requiredWith() == null && disputes(c)) {
                disputable.add(c);
            }
            if (c.type() == ValueType.ENUM) narrower.put(c.name(), pairs(c, model));
        }
        List<Column> identifying = table.eventColumns();
        once = identifying.size() == 1 && identifying.get(0).type() == ValueType.REF && first.contains(identifying.get(0))
                ? identifying.get(0) : null;
        if (once != null) {
            first.remove(once);
            first.add(0, once);
        }
    }

    /** The values of an enumerated column, mildly skewed to the first declared. */
    Choice<String> values(Column c) { return enums.get(c.name()); }

    /** The units of the unit column of a decimal. */
    Choice<String> units(String unitColumn) { return units.get(unitColumn); }

    /** The entities a reference column may name, or null when it names no entity. */
    Pool pool(Column c) { return pools.get(c.name()); }

    private boolean fillable(Column c) {
        return switch (c.type()) {
            case REF, REFS -> pools.containsKey(c.name());
            case ARTICLE_ID -> false;
            default -> true;
        };
    }

    private static boolean disputes(Column c) {
        return switch (c.type()) {
            case DATE, DECIMAL, REF, REFS -> true;
            case ENUM -> c.values().size() > 1;
            default -> false;
        };
    }

    private static List<String[]> pairs(Column c, FactModel model) {
        List<String[]> pairs = new ArrayList<>();
        for (Map.Entry<String, Node> n : c.values().entrySet()) {
            for (Map.Entry<String, Node> b : c.values().entrySet()) {
                if (model.isNarrower(n.getValue(), b.getValue())) pairs.add(new String[] {n.getKey(), b.getKey()});
            }
        }
        return pairs;
    }
}
