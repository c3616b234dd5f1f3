package org.pressure.engine.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Sensitivity measures from a finished sweep's outputs: Sobol indices (first order by
 * Saltelli 2010, total by Jansen 1999, 95% bootstrap intervals), Morris elementary effects
 * (mu*, its bootstrap interval, sigma) and one-at-a-time swings.
 */
public final class Sensitivity {
    static final int BOOTSTRAP = 1000;
    /** Fewest usable base points for which Sobol indices are given (Morris needs two effects). */
    static final int MIN_POINTS = 8;
    /** Normal quantile for a two-sided 95% interval. */
    static final double Z95 = 1.959963984540054;

    private Sensitivity() {}

    /** A sensitivity table: its header and rows. */
    record Table(List<String> header, List<SweepResult.SensitivityRow> rows) {
        static final Table NONE = new Table(List.of(), List.of());
    }

    static Table analyse(SweepSpec spec, Plan plan, double[][] outputs) {
        List<String> params = spec.parameterPaths();
        List<SweepResult.SensitivityRow> rows = new ArrayList<>();
        SplittableRandom rnd = new SplittableRandom(Plan.mix(spec.seed() + 0xB007L));
        for (int o = 0; o < spec.outputs().size(); o++) {
            String out = spec.outputs().get(o).name();
            double[] y = new double[outputs.length];
            for (int r = 0; r < y.length; r++) y[r] = outputs[r][o];
            for (int j = 0; j < params.size(); j++) {
                double[] values = switch (spec.design()) {
                    case SOBOL -> sobol((Plan.Saltelli) plan, y, j, rnd);
                    case MORRIS -> morris((Plan.MorrisPlan) plan, y, j, rnd);
                    default -> swing(y, j);
                };
                rows.add(new SweepResult.SensitivityRow(out, params.get(j), values));
            }
        }
        List<String> header = switch (spec.design()) {
            case SOBOL -> List.of("S1", "S1_conf", "ST", "ST_conf");
            case MORRIS -> List.of("mu_star", "mu_star_conf", "sigma");
            default -> List.of("low", "high", "swing");
        };
        return new Table(header, rows);
    }

    /**
     * S1, S1_conf, ST, ST_conf for parameter j, over the base points where the output exists in
     * all three runs (A, B, AB); NaN with fewer than {@link #MIN_POINTS} such points.
     */
    static double[] sobol(Plan.Saltelli plan, double[] y, int j, SplittableRandom rnd) {
        int n = plan.base, k = plan.k;
        double[] a = new double[n], b = new double[n], ab = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = y[i * (k + 2)];
            b[i] = y[i * (k + 2) + 1];
            ab[i] = y[i * (k + 2) + 2 + j];
        }
        // a year output can be missing (it never happens): use the base points where all three runs have it
        int[] all = java.util.stream.IntStream.range(0, n)
                .filter(i -> !Double.isNaN(a[i]) && !Double.isNaN(b[i]) && !Double.isNaN(ab[i])).toArray();
        if (all.length < MIN_POINTS) return new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        int m = all.length;
        // centre the outputs: the estimators are unchanged in expectation, but an output far from
        // zero (a year such as 2031) no longer multiplies the sampling noise of f(AB) - f(A)
        double centre = 0;
        for (int i : all) centre += (a[i] + b[i]) / (2.0 * m);
        for (int i = 0; i < n; i++) {
            a[i] -= centre;
            b[i] -= centre;
            ab[i] -= centre;
        }
        double s1 = firstOrder(a, b, ab, all), st = total(a, b, ab, all);
        double[] s1s = new double[BOOTSTRAP], sts = new double[BOOTSTRAP];
        int[] idx = new int[m];
        for (int r = 0; r < BOOTSTRAP; r++) {
            for (int i = 0; i < m; i++) idx[i] = all[rnd.nextInt(m)];
            s1s[r] = firstOrder(a, b, ab, idx);
            sts[r] = total(a, b, ab, idx);
        }
        return new double[] {s1, Z95 * sd(s1s), st, Z95 * sd(sts)};
    }

    private static double variance(double[] a, double[] b, int[] idx) {
        double sum = 0, sumSq = 0;
        int m = 2 * idx.length;
        for (int i : idx) {
            sum += a[i] + b[i];
            sumSq += a[i] * a[i] + b[i] * b[i];
        }
        double mean = sum / m;
        return sumSq / m - mean * mean;
    }

    /** Saltelli et al. (2010): S1 = mean(f(B) (f(AB) - f(A))) / V. */
    private static double firstOrder(double[] a, double[] b, double[] ab, int[] idx) {
        double s = 0;
        for (int i : idx) s += b[i] * (ab[i] - a[i]);
        return s / idx.length / variance(a, b, idx);
    }

    /** Jansen (1999): ST = mean((f(A) - f(AB))^2) / 2V. */
    private static double total(double[] a, double[] b, double[] ab, int[] idx) {
        double s = 0;
        for (int i : idx) s += (a[i] - ab[i]) * (a[i] - ab[i]);
        return s / idx.length / 2 / variance(a, b, idx);
    }

    /** mu*, mu*_conf, sigma for parameter j from the elementary effects of every trajectory. */
    static double[] morris(Plan.MorrisPlan plan, double[] y, int j, SplittableRandom rnd) {
        List<Double> effects = new ArrayList<>();
        int k = plan.k;
        for (int t = 0; t < plan.trajectories; t++) {
            for (int s = 1; s <= k; s++) {
                int p = t * (k + 1) + s;
                if (plan.moved[p] == j && !Double.isNaN(y[p]) && !Double.isNaN(y[p - 1])) {
                    effects.add((y[p] - y[p - 1]) / (plan.sign[p] * plan.delta));
                }
            }
        }
        double[] ee = effects.stream().mapToDouble(Double::doubleValue).toArray();
        if (ee.length < 2) return new double[] {Double.NaN, Double.NaN, Double.NaN};
        double muStar = meanAbs(ee, null);
        double[] boot = new double[BOOTSTRAP];
        int[] idx = new int[ee.length];
        for (int r = 0; r < BOOTSTRAP; r++) {
            for (int i = 0; i < idx.length; i++) idx[i] = rnd.nextInt(ee.length);
            boot[r] = meanAbs(ee, idx);
        }
        return new double[] {muStar, Z95 * sd(boot), sd(ee)};
    }

    private static double meanAbs(double[] x, int[] idx) {
        double s = 0;
        int n = idx == null ? x.length : idx.length;
        for (int i = 0; i < n; i++) s += Math.abs(x[idx == null ? i : idx[i]]);
        return s / n;
    }

    /** Sample standard deviation (n - 1). */
    static double sd(double[] x) {
        if (x.length < 2) return Double.NaN;
        double mean = 0;
        for (double v : x) mean += v;
        mean /= x.length;
        double s = 0;
        for (double v : x) s += (v - mean) * (v - mean);
        return Math.sqrt(s / (x.length - 1));
    }

    /** low, high, swing: the output with parameter j at its low and at its high end. */
    static double[] swing(double[] y, int j) {
        double low = y[1 + 2 * j], high = y[2 + 2 * j];
        return new double[] {low, high, Math.abs(high - low)};
    }
}
