package org.articlekg.generate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.articlekg.load.Column;
import org.articlekg.load.TableSchema;

/**
 * A weighted random choice among a fixed list of values, for picking values in realistic
 * proportions. {@link #column} and {@link #declared} read the allowed values of a column from the
 * fact model, so a value added to {@code ontology/kinds.ttl} is generated too and a value dropped
 * from it fails fast here.
 */
final class Choice<T> {
    private final List<T> values;
    private final double[] cumulative;

    private Choice(List<T> values, List<Double> weights) {
        this.values = List.copyOf(values);
        this.cumulative = new double[values.size()];
        double sum = 0;
        for (int i = 0; i < values.size(); i++) {
            if (weights.get(i) < 0) throw new IllegalArgumentException("negative weight for " + values.get(i));
            sum += weights.get(i);
            cumulative[i] = sum;
        }
        if (sum <= 0) throw new IllegalArgumentException("no value has a positive weight: " + values);
    }

    /** The keys of {@code weights}, in its insertion order. */
    static <T> Choice<T> of(LinkedHashMap<T, Double> weights) {
        return new Choice<>(new ArrayList<>(weights.keySet()), new ArrayList<>(weights.values()));
    }

    /**
     * The allowed values of a column, in declared order, each with weight {@code otherWeight} unless named in
     * {@code named}: pairs of value and weight, {@code "completed", 6, "offered", 1}.
     */
    static Choice<String> column(TableSchema table, String column, double otherWeight, Object... named) {
        Column c = table.column(column);
        String where = table.kind().fileName() + " " + column;
        if (c.values().isEmpty()) throw new IllegalArgumentException(where + " is not an enumeration");
        Map<String, Double> weights = new LinkedHashMap<>();
        for (String v : c.values().keySet()) weights.put(v, otherWeight);
        for (int i = 0; i < named.length; i += 2) {
            String value = (String) named[i];
            if (!weights.containsKey(value)) throw new IllegalArgumentException(where + " does not allow '" + value + "'");
            weights.put(value, ((Number) named[i + 1]).doubleValue());
        }
        return new Choice<>(new ArrayList<>(weights.keySet()), new ArrayList<>(weights.values()));
    }

    /**
     * The allowed values of an enumerated column, mildly skewed towards the first declared: the
     * value at position i weighs {@code 1 / (1 + i / 3)}, so the last of ten is a third as likely
     * as the first.
     */
    static Choice<String> declared(Column c) {
        List<String> values = new ArrayList<>(c.values().keySet());
        if (values.isEmpty()) throw new IllegalArgumentException(c.name() + " is not an enumeration");
        List<Double> weights = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) weights.add(1 / (1 + i / 3.0));
        return new Choice<>(values, weights);
    }

    T pick(SplittableRandom r) {
        return values.get(Weights.pick(cumulative, r));
    }

    List<T> values() { return values; }
}
