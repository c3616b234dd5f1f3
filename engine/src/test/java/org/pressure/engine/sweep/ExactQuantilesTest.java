package org.pressure.engine.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Radix selection gives the same order statistics as sorting, ties and signs included. */
class ExactQuantilesTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void selection_equals_sorting(long seed) throws Exception {
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = 1 + rnd.nextInt(50_000);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = switch (rnd.nextInt(4)) {
                case 0 -> 2025 + rnd.nextInt(20);          // years: many ties
                case 1 -> rnd.nextGaussian() * 1e3;         // both signs
                case 2 -> -0.0;                              // negative zero among zeros
                default -> rnd.nextDouble() * 1e-9;         // tiny
            };
        }
        long[] first = new long[ExactQuantiles.BUCKETS];
        for (double v : x) first[ExactQuantiles.digit(ExactQuantiles.key(v), 0)]++;
        long[] ranks = {0, n / 7, n / 2, n - 1, (long) (n * 0.95)};
        double[] got = ExactQuantiles.select(ranks, first, sink -> {
            for (double v : x) sink.accept(v);
        });
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < ranks.length; i++) {
            // -0.0 and 0.0 are one value here, as in a CSV file
            assertEquals(sorted[(int) ranks[i]] == 0 ? 0.0 : sorted[(int) ranks[i]], got[i] == 0 ? 0.0 : got[i], 0.0,
                    "rank " + ranks[i] + " of " + n);
        }
    }
}
