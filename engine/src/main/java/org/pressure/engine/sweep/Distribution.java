package org.pressure.engine.sweep;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.RealDistribution;
import org.apache.commons.math3.distribution.TriangularDistribution;
import org.apache.commons.math3.distribution.UniformRealDistribution;

/**
 * What a swept parameter may be: a distribution (from Commons Math) and an optional
 * truncation to {@code [min, max]}. Sampling maps a unit number {@code u} through the inverse
 * of the truncated distribution, so stratified designs (Latin hypercube, Sobol) keep their
 * structure and truncation is exact, not rejection.
 */
public sealed interface Distribution {

    /** For the log-normal's closed-form quantile. */
    NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    /** The value at cumulative probability {@code u} in [0, 1] of the truncated distribution. */
    double quantile(double u);

    /** The low and high ends used by one-at-a-time swings: the range ends, or the 5th and 95th percentiles. */
    double low();

    double high();

    /** Whether the range is bounded (so u = 0 and u = 1 give finite values). */
    boolean bounded();

    /** {@code levels} representative values for a grid: evenly spaced for ranges, every value for lists. */
    List<Double> grid(int levels);

    /** A continuous distribution, truncated to [min, max] (infinite where not given). */
    record Continuous(String kind, RealDistribution dist, double min, double max, double pLow, double pHigh)
            implements Distribution {

        static Continuous of(String kind, RealDistribution dist, double min, double max) {
            double pLow = Double.isInfinite(min) ? 0 : dist.cumulativeProbability(min);
            double pHigh = Double.isInfinite(max) ? 1 : dist.cumulativeProbability(max);
            return new Continuous(kind, dist, min, max, pLow, pHigh);
        }

        @Override
        public double quantile(double u) {
            double p = Math.min(1, Math.max(0, pLow + u * (pHigh - pLow)));
            // Commons Math inverts the log-normal numerically; its closed form is exact
            double x;
            if (dist instanceof LogNormalDistribution ln) {
                x = Math.exp(ln.getScale() + ln.getShape() * STANDARD_NORMAL.inverseCumulativeProbability(p));
            } else if (dist instanceof UniformRealDistribution uniform) {
                // lo + p (hi - lo): grid points land on round numbers (Commons Math mixes the ends)
                x = uniform.getSupportLowerBound() + p * (uniform.getSupportUpperBound() - uniform.getSupportLowerBound());
            } else {
                x = dist.inverseCumulativeProbability(p);
            }
            return Math.min(max, Math.max(min, x));
        }

        /**
         * Whether both ends are real limits: a range (uniform, triangular) or a truncation. The
         * log-normal's 0 is not one: it is approached, never a value people mean.
         */
        @Override
        public boolean bounded() {
            boolean range = dist instanceof UniformRealDistribution || dist instanceof TriangularDistribution;
            return (range || Double.isFinite(min)) && (range || Double.isFinite(max));
        }

        @Override
        public double low() {
            return bounded() ? quantile(0) : quantile(0.05);
        }

        @Override
        public double high() {
            return bounded() ? quantile(1) : quantile(0.95);
        }

        @Override
        public List<Double> grid(int levels) {
            if (dist instanceof UniformRealDistribution uniform && Double.isInfinite(min) && Double.isInfinite(max)) {
                return decimalSteps(uniform.getSupportLowerBound(), uniform.getSupportUpperBound(), levels);
            }
            Double[] points = new Double[levels];
            for (int i = 0; i < levels; i++) {
                double u = levels == 1 ? 0.5 : bounded() ? (double) i / (levels - 1) : (i + 0.5) / levels;
                points[i] = quantile(u);
            }
            return List.of(points);
        }
    }

    /** Evenly spaced points computed in decimal, so 1% to 3% in 3 steps gives 0.02, not 0.019999999999999997. */
    private static List<Double> decimalSteps(double lo, double hi, int levels) {
        java.math.BigDecimal a = new java.math.BigDecimal(Double.toString(lo));
        java.math.BigDecimal b = new java.math.BigDecimal(Double.toString(hi));
        Double[] points = new Double[levels];
        for (int i = 0; i < levels; i++) {
            points[i] = levels == 1 ? (lo + hi) / 2 : a.add(b.subtract(a).multiply(java.math.BigDecimal.valueOf(i))
                    .divide(java.math.BigDecimal.valueOf(levels - 1), java.math.MathContext.DECIMAL64)).doubleValue();
        }
        return List.of(points);
    }

    /** Equally likely values (after dropping any outside [min, max]). */
    record Values(double[] values) implements Distribution {
        public Values {
            if (values.length == 0) throw new IllegalArgumentException("no values");
            values = values.clone();
        }

        @Override
        public double quantile(double u) {
            int i = (int) Math.floor(u * values.length);
            return values[Math.max(0, Math.min(values.length - 1, i))];
        }

        @Override
        public double low() {
            return Arrays.stream(values).min().orElseThrow();
        }

        @Override
        public double high() {
            return Arrays.stream(values).max().orElseThrow();
        }

        @Override
        public boolean bounded() {
            return true;
        }

        @Override
        public List<Double> grid(int levels) {
            return Arrays.stream(values).boxed().toList();
        }
    }

    static Distribution uniform(double lo, double hi, double min, double max) {
        return Continuous.of("uniform", new UniformRealDistribution(null, lo, hi), min, max);
    }

    static Distribution triangular(double lo, double mode, double hi, double min, double max) {
        return Continuous.of("triangular", new TriangularDistribution(null, lo, mode, hi), min, max);
    }

    static Distribution normal(double mean, double sd, double min, double max) {
        return Continuous.of("normal", new NormalDistribution(null, mean, sd), min, max);
    }

    /** Log-normal given by its median and the standard deviation of its logarithm. */
    static Distribution lognormal(double median, double sigma, double min, double max) {
        return Continuous.of("lognormal", new LogNormalDistribution(null, Math.log(median), sigma), min, max);
    }
}
