package org.articlekg.generate;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.SplittableRandom;

/** Figures as articles give them: round, spread over orders of magnitude, in a currency or a unit. */
final class Amounts {
    private Amounts() {}

    /** The currencies amounts are given in, by how often. */
    static final List<String> CURRENCIES = List.of("USD", "EUR", "GBP");
    private static final double[] CURRENCY_WEIGHTS = {70, 25, 5};

    /**
     * The units of a decimal column: the currencies, and the column's other allowed values
     * ({@code people}) together about as often as the currencies.
     */
    static Choice<String> units(List<String> alsoAllowed) {
        LinkedHashMap<String, Double> w = new LinkedHashMap<>();
        for (int i = 0; i < CURRENCIES.size(); i++) w.put(CURRENCIES.get(i), CURRENCY_WEIGHTS[i]);
        for (String other : alsoAllowed) w.put(other, 75.0 / alsoAllowed.size());
        return Choice.of(w);
    }

    /** A figure in a unit: sums of money from 100 thousand to 20 billion, counts from 10 thousand to 800 million. */
    static String amount(String unit, SplittableRandom r) {
        if (unit == null) return plain(logUniform(r, 1, 1e4));
        return plain(CURRENCIES.contains(unit) ? logUniform(r, 1e5, 2e10) : logUniform(r, 1e4, 8e8));
    }

    /** The top of a range starting at {@code amount}: one and a half to three times it. */
    static String above(String amount, SplittableRandom r) {
        return plain(round(new BigDecimal(amount).multiply(BigDecimal.valueOf(1.5 + r.nextDouble() * 1.5))));
    }

    /** A figure clearly different from {@code amount}: half to nine tenths of it, or 1.2 to 2.5 times. */
    static String different(String amount, SplittableRandom r) {
        BigDecimal v = new BigDecimal(amount);
        double factor = r.nextBoolean() ? 0.5 + r.nextDouble() * 0.4 : 1.2 + r.nextDouble() * 1.3;
        BigDecimal d = round(v.multiply(BigDecimal.valueOf(factor)));
        return plain(d.compareTo(v) == 0 ? v.add(BigDecimal.ONE) : d);
    }

    /** A round figure between {@code min} and {@code max}, spread evenly over orders of magnitude. */
    static BigDecimal logUniform(SplittableRandom r, double min, double max) {
        double v = Math.exp(Math.log(min) + r.nextDouble() * (Math.log(max) - Math.log(min)));
        return round(BigDecimal.valueOf(v));
    }

    /** Two significant digits, no fraction: how articles give figures. */
    static BigDecimal round(BigDecimal v) {
        return v.round(new MathContext(2, RoundingMode.HALF_UP)).setScale(0, RoundingMode.HALF_UP);
    }

    static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }
}
