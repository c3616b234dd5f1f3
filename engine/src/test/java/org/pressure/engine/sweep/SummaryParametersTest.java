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

    @Test
    void a_distribution_written_in_percentages_reads_back_in_percentages() {
        double inf = Double.POSITIVE_INFINITY;
        assertEquals("uniform [1.4%, 3.4%]", SweepWriter.describe(Distribution.uniform(0.014, 0.034, -inf, inf), true));
        assertEquals("normal [1.5%, 1%], min 0%", SweepWriter.describe(Distribution.normal(0.015, 0.01, 0, inf), true));
        assertEquals("values [2.99%, 4.99%]", SweepWriter.describe(new Distribution.Values(new double[] {0.0299, 0.0499}), true));
        assertEquals("lognormal [290%, 0.25]", SweepWriter.describe(Distribution.lognormal(2.9, 0.25, -inf, inf), true),
                "a lognormal's shape has no units");
    }
}
