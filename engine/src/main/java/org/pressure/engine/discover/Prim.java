package org.pressure.engine.discover;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * Scenario discovery by PRIM, the Patient Rule Induction Method (Friedman and Fisher, 1999):
 * find a box in the space of inputs, bounds on a few of them, inside which the runs of interest
 * are dense. Peeling removes, at each step, the slice of {@code alpha} of the box's runs at the
 * low or high end of one input that raises the share of cases most per run removed (EMA
 * Workbench's "lenient" objective), while the box keeps at least {@code minMass} of all runs and
 * the share rises. The chosen box is the last one on that trajectory whose density reaches the
 * threshold; pasting then widens it again, slice by slice, where the runs a slice adds are
 * themselves dense in cases, and restrictions the box does not need (by EMA Workbench's
 * quasi-p-value) are dropped.
 */
public final class Prim {
    /**
     * Options: the peeling (and pasting) fraction, the least mass of a box, the density threshold,
     * and the quasi-p-value above which a restriction is dropped from the final box (1 keeps all).
     */
    public record Options(double alpha, double minMass, double threshold, double significance) {
        /** The usual options: restrictions with a quasi-p-value above 0.05 are dropped. */
        public Options(double alpha, double minMass, double threshold) {
            this(alpha, minMass, threshold, 0.05);
        }

        public Options {
            if (!(significance > 0 && significance <= 1)) throw new IllegalArgumentException("significance in (0, 1]");
            if (!(alpha > 0 && alpha < 0.5)) throw new IllegalArgumentException("alpha in (0, 0.5)");
            if (!(minMass > 0 && minMass < 1)) throw new IllegalArgumentException("minMass in (0, 1)");
            if (!(threshold > 0 && threshold <= 1)) throw new IllegalArgumentException("threshold in (0, 1]");
        }
    }

    /** A box: bounds per input (the data's own range where unrestricted), and how it does. */
    public record Box(double[] low, double[] high, int runs, int cases, double coverage, double density, double mass,
                      List<Integer> restricted) {}

    /** What PRIM found: the peeling trajectory, the chosen step, the box after pasting, a quasi-p-value per restriction. */
    public record Result(List<String> inputs, double[] min, double[] max, int totalRuns, int totalCases,
                         List<Box> trajectory, int chosen, Box box, double[] quasiP) {}

    private final double[][] x;
    private final boolean[] y;
    private final Options options;
    private final int n, d, totalCases;
    private final double[] min, max;

    private Prim(double[][] x, boolean[] y, Options options) {
        this.x = x;
        this.y = y;
        this.options = options;
        this.n = y.length;
        this.d = x.length;
        int c = 0;
        for (boolean b : y) if (b) c++;
        this.totalCases = c;
        min = new double[d];
        max = new double[d];
        for (int j = 0; j < d; j++) {
            min[j] = Arrays.stream(x[j]).min().orElse(0);
            max[j] = Arrays.stream(x[j]).max().orElse(0);
        }
    }

    /**
     * Runs PRIM.
     *
     * @param x the inputs, {@code x[input][run]}, no NaN
     * @param y whether each run is a case of interest
     */
    public static Result run(List<String> inputs, double[][] x, boolean[] y, Options options) {
        if (y.length == 0) throw new IllegalArgumentException("no runs");
        return new Prim(x, y, options).find(inputs);
    }

    private Result find(List<String> inputs) {
        List<Box> trajectory = new ArrayList<>();
        double[] lo = min.clone(), hi = max.clone();
        int[] in = new int[n];
        for (int i = 0; i < n; i++) in[i] = i;
        trajectory.add(box(lo, hi, in));
        while (true) {
            Peel best = null;
            int cases = cases(in);
            double mean = (double) cases / in.length;
            for (int j = 0; j < d; j++) {
                double[] v = values(j, in);
                Arrays.sort(v);
                for (boolean low : new boolean[] {true, false}) {
                    double bound = low ? peelLow(v) : peelHigh(v);
                    if (Double.isNaN(bound)) continue;
                    int kept = 0, keptCases = 0;
                    for (int i : in) {
                        double xi = x[j][i];
                        if (low ? xi >= bound : xi <= bound) {
                            kept++;
                            if (y[i]) keptCases++;
                        }
                    }
                    if (kept == 0 || kept == in.length) continue;
                    double newMean = (double) keptCases / kept;
                    double objective = (newMean - mean) / (in.length - kept);
                    if (best == null || objective > best.objective) best = new Peel(j, low, bound, kept, newMean, objective);
                }
            }
            if (best == null || best.kept < options.minMass() * n || !(best.mean > mean)) break;
            if (best.low) lo[best.input] = best.bound;
            else hi[best.input] = best.bound;
            in = inside(lo, hi);
            trajectory.add(box(lo, hi, in));
        }
        int chosen = 0;
        for (int s = 0; s < trajectory.size(); s++) if (trajectory.get(s).density() >= options.threshold()) chosen = s;
        if (trajectory.get(chosen).density() < options.threshold()) {
            // no box reaches the threshold: take the densest one, and say so through its density
            for (int s = 0; s < trajectory.size(); s++) if (trajectory.get(s).density() > trajectory.get(chosen).density()) chosen = s;
        }
        Box pasted = dropUnneeded(paste(trajectory.get(chosen)));
        double[] quasiP = new double[d];
        Arrays.fill(quasiP, Double.NaN);
        for (int j : pasted.restricted()) quasiP[j] = quasiP(pasted, j);
        return new Result(List.copyOf(inputs), min.clone(), max.clone(), n, totalCases, List.copyOf(trajectory), chosen,
                pasted, quasiP);
    }

    private record Peel(int input, boolean low, double bound, int kept, double mean, double objective) {}

    /** The new lower bound removing about alpha of the sorted values (all of the lowest value if it is tied); NaN if none. */
    private double peelLow(double[] v) {
        int k = (int) Math.floor(options.alpha() * v.length);
        double q = v[Math.min(k, v.length - 1)];
        if (q > v[0]) return q;
        for (double z : v) if (z > v[0]) return z;
        return Double.NaN;
    }

    private double peelHigh(double[] v) {
        int k = v.length - 1 - (int) Math.floor(options.alpha() * v.length);
        double q = v[Math.max(k, 0)];
        if (q < v[v.length - 1]) return q;
        for (int i = v.length - 1; i >= 0; i--) if (v[i] < v[v.length - 1]) return v[i];
        return Double.NaN;
    }

    /**
     * Widens the box one input and one end at a time by about alpha of its runs: each time the
     * slice whose own runs are most often cases, as long as at least the threshold of them are
     * (thinner slices, down to one run, where no alpha slice is).
     * So a bound that peeling overshot comes back, and an input peeled only by chance (its
     * slices as dense as the box) is freed again, while slices that would dilute the box stay out.
     */
    private Box paste(Box start) {
        double[] lo = start.low().clone(), hi = start.high().clone();
        int[] in = inside(lo, hi);
        double[] values = new double[n];
        boolean[] isCase = new boolean[n];
        while (true) {
            int want = Math.max(1, (int) Math.ceil(options.alpha() * in.length));
            int bestInput = -1;
            boolean bestLow = false;
            double bestShare = -1, bestBound = 0;
            int bestSize = 0;
            for (int j = 0; j < d; j++) {
                for (boolean low : new boolean[] {true, false}) {
                    // runs inside every other bound, beyond this end of input j
                    int m = 0;
                    for (int i = 0; i < n; i++) {
                        double xi = x[j][i];
                        if ((low ? xi < lo[j] : xi > hi[j]) && insideExcept(i, lo, hi, j)) {
                            values[m] = xi;
                            isCase[m++] = y[i];
                        }
                    }
                    if (m == 0) continue;
                    double[] sorted = Arrays.copyOf(values, m);
                    Arrays.sort(sorted);
                    // slices of alpha of the box's runs; where none is dense enough, thinner ones, down to one
                    // run, so that a bound ends up close to where the cases stop rather than a slice short of it
                    for (int size = want; size >= 1; size /= 2) {
                        int k = Math.min(size, m);
                        double bound = low ? sorted[m - k] : sorted[k - 1];
                        int added = 0, addedCases = 0;
                        for (int t = 0; t < m; t++) {
                            if (low ? values[t] >= bound : values[t] <= bound) {
                                added++;
                                if (isCase[t]) addedCases++;
                            }
                        }
                        double share = (double) addedCases / added;
                        if (share < options.threshold()) continue;
                        // a thicker slice beats any thinner one; among slices as thick, the denser wins
                        if (size > bestSize || (size == bestSize && share > bestShare)) {
                            bestSize = size;
                            bestShare = share;
                            bestInput = j;
                            bestLow = low;
                            bestBound = bound;
                        }
                        break;
                    }
                }
            }
            if (bestInput < 0) break;
            if (bestLow) lo[bestInput] = bestBound;
            else hi[bestInput] = bestBound;
            in = inside(lo, hi);
        }
        return box(lo, hi, in);
    }

    /**
     * Frees, one at a time, the bound (one end of one input) with the largest quasi-p-value while that is above
     * {@code options.significance()}: a bound that the box's density does not need (an input
     * peeled by chance, or a sliver left at the end of a range) says nothing and is dropped.
     */
    private Box dropUnneeded(Box b) {
        while (true) {
            int worst = -1;
            boolean worstLow = false;
            double worstP = -1;
            for (int j = 0; j < d; j++) {
                for (boolean low : new boolean[] {true, false}) {
                    if (low ? !(b.low()[j] > min[j]) : !(b.high()[j] < max[j])) continue;
                    double[] lo = b.low().clone(), hi = b.high().clone();
                    if (low) lo[j] = min[j];
                    else hi[j] = max[j];
                    double p = quasiP(b, lo, hi);
                    if (p > worstP) {
                        worstP = p;
                        worst = j;
                        worstLow = low;
                    }
                }
            }
            if (worst < 0 || worstP <= options.significance()) return b;
            double[] lo = b.low().clone(), hi = b.high().clone();
            if (worstLow) lo[worst] = min[worst];
            else hi[worst] = max[worst];
            b = box(lo, hi, inside(lo, hi));
        }
    }

    /**
     * EMA Workbench's quasi-p-value of a restriction: the chance of at least the box's cases
     * among its runs if they were drawn at the density of the box without that restriction
     * (a one-sided binomial test). Small: the restriction matters.
     */
    private double quasiP(Box b, int j) {
        double[] lo = b.low().clone(), hi = b.high().clone();
        lo[j] = min[j];
        hi[j] = max[j];
        return quasiP(b, lo, hi);
    }

    /** The quasi-p-value of the box {@code b} against the wider box {@code lo}..{@code hi}. */
    private double quasiP(Box b, double[] lo, double[] hi) {
        int[] in = inside(lo, hi);
        double p = (double) cases(in) / in.length;
        if (p >= 1) return 1;
        BinomialDistribution binomial = new BinomialDistribution(null, b.runs(), p);
        // upper tail P(X >= cases), summed term by term so that tiny values keep their precision
        double tail = 0;
        for (int k = b.cases(); k <= b.runs(); k++) {
            double term = binomial.probability(k);
            tail += term;
            if (k > b.runs() * p && term < tail * 1e-17) break;
        }
        return Math.min(1, tail);
    }

    private boolean insideExcept(int i, double[] lo, double[] hi, int except) {
        for (int j = 0; j < d; j++) {
            if (j == except) continue;
            double xi = x[j][i];
            if (xi < lo[j] || xi > hi[j]) return false;
        }
        return true;
    }

    private int[] inside(double[] lo, double[] hi) {
        int[] out = new int[n];
        int m = 0;
        for (int i = 0; i < n; i++) if (insideExcept(i, lo, hi, -1)) out[m++] = i;
        return Arrays.copyOf(out, m);
    }

    private double[] values(int j, int[] in) {
        double[] v = new double[in.length];
        for (int k = 0; k < in.length; k++) v[k] = x[j][in[k]];
        return v;
    }

    private int cases(int[] in) {
        int c = 0;
        for (int i : in) if (y[i]) c++;
        return c;
    }

    private Box box(double[] lo, double[] hi, int[] in) {
        int c = cases(in);
        List<Integer> restricted = new ArrayList<>();
        for (int j = 0; j < d; j++) if (lo[j] > min[j] || hi[j] < max[j]) restricted.add(j);
        return new Box(lo.clone(), hi.clone(), in.length, c, totalCases == 0 ? 0 : (double) c / totalCases,
                in.length == 0 ? 0 : (double) c / in.length, (double) in.length / n, List.copyOf(restricted));
    }
}
