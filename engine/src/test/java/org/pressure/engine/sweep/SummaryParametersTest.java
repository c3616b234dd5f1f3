package org.pressure.engine.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** summary.json names each parameter's distribution as the sweep file wrote it. */
class SummaryParametersTest {
    @Test
    void each_distribution_reads_back_as_written() {
        double inf = Double.POSITIVE_INFINITY;
        assertEquals("uniform [0.01, 0.035]", SweepWriter.describe(Distribution.uniform(0.01, 0.035, -inf, inf)));
        assertEquals("triangular [0.02, 0.035, 0.06]", SweepWriter.describe(Distribution.triangular(0.02, 0.035, 0.06, -inf, inf)));
        assertEquals("normal [35, 10], min 0", SweepWriter.describe(Distribution.normal(35, 10, 0, inf)));
        assertEquals("lognormal [2.9, 0.25], min 2.2, max 7.78", SweepWriter.describe(Distribution.lognormal(2.9, 0.25, 2.2, 7.78)));
        assertEquals("values [0.0299, 0.0499]", SweepWriter.describe(new Distribution.Values(new double[] {0.0299, 0.0499})));
    }
}
