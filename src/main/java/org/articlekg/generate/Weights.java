package org.articlekg.generate;

import java.util.SplittableRandom;

/** Weighted random choice over cumulative weights, shared by {@link Choice} and {@link Pool}. */
final class Weights {
    private Weights() {}

    /** An index drawn with probability proportional to its weight; {@code cumulative} is non-decreasing. */
    static int pick(double[] cumulative, SplittableRandom r) {
        double u = r.nextDouble() * cumulative[cumulative.length - 1];
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > u) hi = mid;
            else lo = mid + 1;
        }
        return lo;
    }
}
