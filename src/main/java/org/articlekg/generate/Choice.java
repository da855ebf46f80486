package org.articlekg.generate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.articlekg.load.Column;
import org.articlekg.load.Kind;
import org.articlekg.load.Schemas;

/**
 * A weighted random choice among a fixed list of values, for picking values in realistic
 * proportions. {@link #column} reads the allowed values of a column from {@link Schemas}, so a
 * value added to the schema is generated too and a value dropped from it fails fast here.
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
     * The allowed values of a column, in alphabetical order, each with weight {@code otherWeight} unless named in
     * {@code named}: pairs of value and weight, {@code "completed", 6, "offered", 1}.
     */
    static Choice<String> column(Kind kind, String column, double otherWeight, Object... named) {
        Column c = Schemas.of(kind).column(column);
        if (c.values().isEmpty()) throw new IllegalArgumentException(kind.fileName() + " " + column + " is not an enumeration");
        Map<String, Double> weights = new LinkedHashMap<>();
        // Sorted: some columns' values come from Map.of, whose order changes from run to run.
        for (String v : new TreeSet<>(c.values().keySet())) weights.put(v, otherWeight);
        for (int i = 0; i < named.length; i += 2) {
            String value = (String) named[i];
            if (!weights.containsKey(value)) {
                throw new IllegalArgumentException(kind.fileName() + " " + column + " does not allow '" + value + "'");
            }
            weights.put(value, ((Number) named[i + 1]).doubleValue());
        }
        return new Choice<>(new ArrayList<>(weights.keySet()), new ArrayList<>(weights.values()));
    }

    T pick(SplittableRandom r) {
        return values.get(Weights.pick(cumulative, r));
    }

    /** A value other than {@code value}: weighted when possible, else the first other value. */
    T pickOtherThan(T value, SplittableRandom r) {
        for (int attempt = 0; attempt < 16; attempt++) {
            T v = pick(r);
            if (!v.equals(value)) return v;
        }
        for (T v : values) if (!v.equals(value)) return v;
        throw new IllegalStateException("no value other than " + value);
    }

    List<T> values() { return values; }
}
