package org.pressure.engine.sweep;

/**
 * A keyed pseudo-random permutation of {@code 0 .. n-1}, computed one index at a time: a
 * four-round Feistel network on the smallest power-of-four domain holding n, with cycle-walking
 * back into range. Lets a Latin hypercube of a million runs assign strata without a table.
 */
final class IndexPermutation {
    private final int n;
    private final int halfBits;
    private final long mask;
    private final long key;

    IndexPermutation(int n, long key) {
        if (n < 1) throw new IllegalArgumentException("n must be positive");
        this.n = n;
        int bits = 64 - Long.numberOfLeadingZeros(Math.max(1, n - 1));
        this.halfBits = Math.max(1, (bits + 1) / 2);
        this.mask = (1L << halfBits) - 1;
        this.key = key;
    }

    int apply(int index) {
        if (index < 0 || index >= n) throw new IndexOutOfBoundsException(index);
        long x = index;
        do {
            x = encrypt(x);
        } while (x >= n);
        return (int) x;
    }

    private long encrypt(long x) {
        long left = x >>> halfBits, right = x & mask;
        for (int round = 0; round < 4; round++) {
            long f = Plan.mix(right + key + round * 0x632BE59BD9B4E019L) & mask;
            long next = left ^ f;
            left = right;
            right = next;
        }
        return (left << halfBits) | right;
    }
}
