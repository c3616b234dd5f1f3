package org.pressure.engine.sweep;

import java.io.IOException;
import java.util.Arrays;

/**
 * Exact order statistics of very many numbers without holding them: a radix selection on the
 * 64-bit sortable form of each double, sixteen bits per pass over the data. The first pass is
 * fed while the numbers are produced; three more passes re-read them (from a binary spill, {@link OutputSpill}).
 */
final class ExactQuantiles {
    static final int DIGITS = 4;
    static final int BUCKETS = 1 << 16;

    /** Re-reads the numbers of one column, in any order, skipping missing ones. */
    interface Source {
        void forEach(DoubleSink sink) throws IOException;
    }

    interface DoubleSink {
        void accept(double x);
    }

    private ExactQuantiles() {}

    /** An order-preserving unsigned key: key(a) < key(b) (unsigned) exactly when a < b. */
    static long key(double x) {
        long bits = Double.doubleToLongBits(x == 0 ? 0.0 : x);
        return (bits ^ ((bits >> 63) & Long.MAX_VALUE)) ^ Long.MIN_VALUE;
    }

    static double value(long key) {
        long bits = key ^ Long.MIN_VALUE;
        return Double.longBitsToDouble(bits ^ ((bits >> 63) & Long.MAX_VALUE));
    }

    static int digit(long key, int level) {
        return (int) (key >>> (48 - 16 * level)) & 0xFFFF;
    }

    /**
     * The values of the given 0-based ranks among the source's numbers.
     *
     * @param firstLevel the histogram of the first digit, already counted while the numbers were produced
     */
    static double[] select(long[] ranks, long[] firstLevel, Source source) throws IOException {
        int t = ranks.length;
        long[] prefix = new long[t];
        long[] remaining = ranks.clone();
        for (int i = 0; i < t; i++) prefix[i] = pick(firstLevel, remaining, i);
        for (int level = 1; level < DIGITS; level++) {
            long[][] hist = new long[t][BUCKETS];
            final int shift = 64 - 16 * level;
            final int lvl = level;
            source.forEach(x -> {
                long k = key(x);
                long top = k >>> shift;
                for (int i = 0; i < t; i++) {
                    if (top == prefix[i]) hist[i][digit(k, lvl)]++;
                }
            });
            for (int i = 0; i < t; i++) prefix[i] = (prefix[i] << 16) | pick(hist[i], remaining, i);
        }
        double[] out = new double[t];
        for (int i = 0; i < t; i++) out[i] = value(prefix[i]);
        return out;
    }

    /** The bucket holding rank {@code remaining[i]}; leaves in remaining[i] the rank within that bucket. */
    private static long pick(long[] histogram, long[] remaining, int i) {
        long r = remaining[i];
        for (int b = 0; b < histogram.length; b++) {
            if (r < histogram[b]) {
                remaining[i] = r;
                return b;
            }
            r -= histogram[b];
        }
        throw new IllegalStateException("rank beyond the data: " + Arrays.toString(remaining));
    }

    /** The percentile p (0..1) of n sorted values, given the two order statistics around (n-1)p. */
    static long[] ranksFor(double p, long n) {
        double h = (n - 1) * p;
        long lo = (long) Math.floor(h);
        return new long[] {lo, Math.min(lo + 1, n - 1)};
    }

    static double interpolate(double p, long n, double lowValue, double highValue) {
        double h = (n - 1) * p;
        double f = h - Math.floor(h);
        return f == 0 ? lowValue : lowValue + f * (highValue - lowValue);
    }
}
