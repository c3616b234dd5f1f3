package org.pressure.engine.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.random.SobolSequenceGenerator;

/**
 * Which parameter values each run of a sweep uses. Every plan gives run {@code i} the same
 * values whatever order runs are computed in, so results do not depend on the thread count.
 */
public abstract class Plan {
    protected final List<Distribution> parameters;
    protected final long seed;

    Plan(SweepSpec spec) {
        this.parameters = List.copyOf(spec.parameters().values());
        this.seed = spec.seed();
    }

    /** How many runs the sweep makes. */
    public abstract int runs();

    /** The parameter values of run {@code run}; NaN leaves a parameter as the scenario has it. */
    public abstract double[] values(int run);

    /** The plan for a sweep's design. */
    public static Plan of(SweepSpec spec) {
        return switch (spec.design()) {
            case RANDOM -> new RandomPlan(spec);
            case LATIN_HYPERCUBE -> new LatinHypercube(spec);
            case GRID -> new Grid(spec);
            case SOBOL -> new Saltelli(spec);
            case MORRIS -> new MorrisPlan(spec);
            case ONE_AT_A_TIME -> new OneAtATime(spec);
        };
    }

    /** A generator for run {@code run} alone, derived from the sweep seed and the run index. */
    static SplittableRandom random(long seed, long run) {
        return new SplittableRandom(mix(seed * 0x9E3779B97F4A7C15L + run));
    }

    /** SplitMix64's finaliser: spreads nearby inputs over all 64 bits. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /**
     * A plan that draws a probability for each parameter of each run and maps it through the
     * parameter's distribution. With correlations, the probabilities of the correlated
     * parameters are computed for every run up front and reordered by Iman-Conover, so each
     * parameter keeps exactly the values it would have had, in another order.
     */
    abstract static class Sampled extends Plan {
        /** Reordered probabilities by parameter, then run; null for a parameter in no correlation. */
        private double[][] correlated;

        Sampled(SweepSpec spec) {
            super(spec);
        }

        /** Each parameter's probability in run {@code run}, before any correlation. */
        abstract double[] probabilities(int run);

        /** Reorders the correlated parameters' probabilities; called once the plan is built. */
        final void correlate(SweepSpec spec) {
            if (spec.correlations().isEmpty()) return;
            List<String> paths = spec.parameterPaths();
            List<String> involved = SweepParser.involved(spec.correlations(), spec.parameters());
            int n = runs();
            int[][] ranks = ImanConover.ranks(n, SweepParser.matrix(spec.correlations(), involved), seed);
            int[] index = involved.stream().mapToInt(paths::indexOf).toArray();
            double[][] base = new double[index.length][n];
            for (int run = 0; run < n; run++) {
                double[] p = probabilities(run);
                for (int c = 0; c < index.length; c++) base[c][run] = p[index[c]];
            }
            correlated = new double[paths.size()][];
            for (int c = 0; c < index.length; c++) {
                double[] sorted = base[c];
                java.util.Arrays.sort(sorted);
                double[] reordered = new double[n];
                for (int run = 0; run < n; run++) reordered[run] = sorted[ranks[c][run]];
                correlated[index[c]] = reordered;
            }
        }

        @Override
        public final double[] values(int run) {
            double[] p = probabilities(run);
            double[] out = new double[p.length];
            for (int j = 0; j < out.length; j++) {
                out[j] = parameters.get(j).quantile(correlated != null && correlated[j] != null ? correlated[j][run] : p[j]);
            }
            return out;
        }
    }

    /** Independent uniform draws. */
    static final class RandomPlan extends Sampled {
        private final int runs;

        RandomPlan(SweepSpec spec) {
            super(spec);
            this.runs = spec.runs();
            correlate(spec);
        }

        @Override
        public int runs() {
            return runs;
        }

        @Override
        double[] probabilities(int run) {
            SplittableRandom rnd = random(seed, run);
            double[] out = new double[parameters.size()];
            for (int j = 0; j < out.length; j++) out[j] = rnd.nextDouble();
            return out;
        }
    }

    /**
     * Latin hypercube: each parameter's range is cut into {@code runs} equally likely strata and
     * every stratum is used exactly once. Which run gets which stratum is a keyed permutation
     * computed on demand, so no table grows with the number of runs (unless correlations
     * reorder the sample, which keeps every stratum used once).
     */
    public static final class LatinHypercube extends Sampled {
        private final int runs;
        private final IndexPermutation[] strata;

        LatinHypercube(SweepSpec spec) {
            super(spec);
            this.runs = spec.runs();
            this.strata = new IndexPermutation[parameters.size()];
            for (int j = 0; j < strata.length; j++) strata[j] = new IndexPermutation(runs, mix(seed + 7919L * (j + 1)));
            correlate(spec);
        }

        @Override
        public int runs() {
            return runs;
        }

        /** The stratum parameter {@code j} uses in run {@code run}, before any correlation. */
        public int stratum(int run, int j) {
            return strata[j].apply(run);
        }

        @Override
        double[] probabilities(int run) {
            SplittableRandom rnd = random(seed, run);
            double[] out = new double[parameters.size()];
            for (int j = 0; j < out.length; j++) out[j] = (strata[j].apply(run) + rnd.nextDouble()) / runs;
            return out;
        }
    }

    /** Every combination of each parameter's grid points, the last parameter changing fastest. */
    static final class Grid extends Plan {
        private final List<List<Double>> points = new ArrayList<>();
        private final int runs;

        Grid(SweepSpec spec) {
            super(spec);
            long n = 1;
            for (Distribution d : parameters) {
                List<Double> p = d.grid(spec.levels());
                points.add(p);
                n *= p.size();
                if (n > SweepParser.MAX_RUNS) throw new IllegalArgumentException("grid of more than " + SweepParser.MAX_RUNS + " runs");
            }
            this.runs = (int) n;
        }

        @Override
        public int runs() {
            return runs;
        }

        @Override
        public double[] values(int run) {
            double[] out = new double[parameters.size()];
            int rest = run;
            for (int j = out.length - 1; j >= 0; j--) {
                List<Double> p = points.get(j);
                out[j] = p.get(rest % p.size());
                rest /= p.size();
            }
            return out;
        }
    }

    /**
     * Saltelli's scheme on a Sobol sequence: for each base point n, the runs A_n, B_n and
     * AB_n^(i) (A with parameter i from B), so {@code runs = N (k + 2)}.
     */
    public static final class Saltelli extends Plan {
        final int base;
        final int k;
        private final double[][] points;

        Saltelli(SweepSpec spec) {
            super(spec);
            this.base = spec.runs();
            this.k = parameters.size();
            SobolSequenceGenerator sobol = new SobolSequenceGenerator(2 * k);
            sobol.skipTo(1); // the first point is all zeros: the edge of every range
            points = new double[base][];
            for (int n = 0; n < base; n++) points[n] = sobol.nextVector();
        }

        @Override
        public int runs() {
            return base * (k + 2);
        }

        @Override
        public double[] values(int run) {
            int n = run / (k + 2), m = run % (k + 2);
            double[] p = points[n];
            double[] out = new double[k];
            for (int j = 0; j < k; j++) {
                boolean fromB = m == 1 || m - 2 == j;
                out[j] = parameters.get(j).quantile(fromB ? p[k + j] : p[j]);
            }
            return out;
        }
    }

    /**
     * Morris trajectories on a {@code levels}-level grid: each trajectory starts at a random grid
     * point and moves one parameter at a time by delta = levels / (2 (levels - 1)).
     */
    public static final class MorrisPlan extends Plan {
        final int trajectories;
        final int k;
        final double delta;
        /** Unit coordinates of every point, trajectory by trajectory. */
        private final double[][] unit;
        /** For the step into point p (p not a trajectory start): which parameter moved, and by +delta or -delta. */
        final int[] moved;
        final double[] sign;

        MorrisPlan(SweepSpec spec) {
            super(spec);
            this.trajectories = spec.runs();
            this.k = parameters.size();
            int p = spec.levels();
            this.delta = p / (2.0 * (p - 1));
            int points = trajectories * (k + 1);
            unit = new double[points][];
            moved = new int[points];
            sign = new double[points];
            SplittableRandom rnd = new SplittableRandom(mix(seed));
            for (int t = 0; t < trajectories; t++) {
                double[] x = new double[k];
                for (int j = 0; j < k; j++) x[j] = rnd.nextInt(p) / (double) (p - 1);
                int first = t * (k + 1);
                unit[first] = x.clone();
                moved[first] = -1;
                int[] order = permutation(k, rnd);
                for (int s = 0; s < k; s++) {
                    int j = order[s];
                    double up = x[j] + delta <= 1 + 1e-12 ? 1 : -1;
                    x[j] += up * delta;
                    unit[first + s + 1] = x.clone();
                    moved[first + s + 1] = j;
                    sign[first + s + 1] = up;
                }
            }
        }

        private static int[] permutation(int n, SplittableRandom rnd) {
            int[] a = new int[n];
            for (int i = 0; i < n; i++) a[i] = i;
            for (int i = n - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                int tmp = a[i];
                a[i] = a[j];
                a[j] = tmp;
            }
            return a;
        }

        @Override
        public int runs() {
            return unit.length;
        }

        @Override
        public double[] values(int run) {
            double[] out = new double[k];
            for (int j = 0; j < k; j++) {
                Distribution d = parameters.get(j);
                double u = unit[run][j];
                // unbounded distributions have no end: use the 0.1% and 99.9% points for the grid's ends
                if (!d.bounded()) u = 0.001 + u * 0.998;
                out[j] = d.quantile(u);
            }
            return out;
        }
    }

    /** The base case, then each parameter at its low and then its high end, the others as the scenario has them. */
    static final class OneAtATime extends Plan {
        OneAtATime(SweepSpec spec) {
            super(spec);
        }

        @Override
        public int runs() {
            return 1 + 2 * parameters.size();
        }

        @Override
        public double[] values(int run) {
            double[] out = new double[parameters.size()];
            java.util.Arrays.fill(out, Double.NaN);
            if (run > 0) {
                int j = (run - 1) / 2;
                out[j] = (run - 1) % 2 == 0 ? parameters.get(j).low() : parameters.get(j).high();
            }
            return out;
        }
    }
}
