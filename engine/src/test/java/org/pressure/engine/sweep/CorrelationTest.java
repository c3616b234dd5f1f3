package org.pressure.engine.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pressure.engine.diagnostics.ScenarioException;

/** Correlated parameters by Iman-Conover: the rank correlation asked for, every marginal exactly as before. */
class CorrelationTest {
    @TempDir
    Path dir;

    private Path sweep(String design, int runs, String correlations) throws Exception {
        Files.writeString(dir.resolve("base.yaml"), SweepTest.SCENARIO);
        Path file = dir.resolve("sweep.yaml");
        Files.writeString(file, """
                sweep: Correlated
                scenario: base.yaml
                design: %s
                runs: %d
                seed: 42
                parameters:
                  drivers.pop.growth: {uniform: [1%%, 3%%]}
                  services.care.unit_cost.growth: {triangular: [2%%, 3%%, 6%%]}
                  income.tax.growth: {normal: [2%%, 1%%]}
                outputs: [cumulative_gap]
                trajectories: []
                %s
                """.formatted(design, runs, correlations));
        return file;
    }

    private static double[][] columns(Plan plan) {
        double[][] c = new double[3][plan.runs()];
        for (int run = 0; run < plan.runs(); run++) {
            double[] v = plan.values(run);
            for (int j = 0; j < 3; j++) c[j][run] = v[j];
        }
        return c;
    }

    @Test
    void latin_hypercube_reaches_the_rank_correlations_and_keeps_every_marginal_and_stratum() throws Exception {
        int n = 2000;
        Plan plain = Plan.of(SweepModel.load(sweep("latin_hypercube", n, ""), null, null).spec());
        Plan correlated = Plan.of(SweepModel.load(sweep("latin_hypercube", n, """
                correlations:
                  - {between: [drivers.pop.growth, services.care.unit_cost.growth], rank: 0.7}
                  - {between: [income.tax.growth, drivers.pop.growth], rank: -0.4}
                """), null, null).spec());
        double[][] a = columns(plain), b = columns(correlated);
        SpearmansCorrelation spearman = new SpearmansCorrelation();
        // sampling error of a rank correlation near 0.7 at n = 2000 is about (1 - 0.49) / sqrt(n) = 0.011
        assertEquals(0.7, spearman.correlation(b[0], b[1]), 0.03);
        assertEquals(-0.4, spearman.correlation(b[0], b[2]), 0.03);
        assertEquals(0.0, spearman.correlation(a[0], a[1]), 0.06, "without correlations, independent");
        for (int j = 0; j < 3; j++) {
            double[] x = a[j].clone(), y = b[j].clone();
            Arrays.sort(x);
            Arrays.sort(y);
            assertArrayEquals(x, y, "parameter " + j + ": the same values, reordered");
        }
        // every stratum of the uniform [1%, 3%] still used exactly once
        Set<Integer> strata = new HashSet<>();
        for (double x : b[0]) strata.add((int) Math.floor((x - 0.01) / 0.02 * n));
        assertEquals(n, strata.size());
        assertTrue(!Arrays.equals(a[0], b[0]), "and the order did change");
    }

    @Test
    void random_design_correlates_only_the_pair_named() throws Exception {
        int n = 3000;
        Plan plain = Plan.of(SweepModel.load(sweep("random", n, ""), null, null).spec());
        Plan correlated = Plan.of(SweepModel.load(sweep("random", n, """
                correlations: [{between: [services.care.unit_cost.growth, income.tax.growth], rank: -0.5}]
                """), null, null).spec());
        double[][] a = columns(plain), b = columns(correlated);
        assertEquals(-0.5, new SpearmansCorrelation().correlation(b[1], b[2]), 0.03);
        assertArrayEquals(a[0], b[0], 0, "a parameter in no correlation keeps its values run by run");
        double[] x = a[2].clone(), y = b[2].clone();
        Arrays.sort(x);
        Arrays.sort(y);
        assertArrayEquals(x, y);
    }

    @Test
    void correlations_that_cannot_apply_are_refused_with_file_line_and_column() throws Exception {
        String message = assertThrows(ScenarioException.class, () -> SweepModel.load(sweep("sobol", 64, """
                correlations: [{between: [drivers.pop.growth, income.tax.growth], rank: 0.5}]
                """), null, null)).getMessage();
        assertTrue(message.contains("sweep.yaml:12:1: `correlations` apply to random and latin_hypercube designs"), message);
        message = assertThrows(ScenarioException.class, () -> SweepModel.load(sweep("random", 64, """
                correlations:
                  - {between: [drivers.pop.grwth, income.tax.growth], rank: 0.5}
                  - {between: [drivers.pop.growth, drivers.pop.growth], rank: 0.5}
                  - {between: [drivers.pop.growth, income.tax.growth], rank: 1}
                """), null, null)).getMessage();
        assertTrue(message.contains("sweep.yaml:13:16: `correlations` item 0: `drivers.pop.grwth` is not a parameter of this "
                + "sweep; did you mean `drivers.pop.growth`?"), message);
        assertTrue(message.contains("sweep.yaml:14:15: `correlations` item 1: `drivers.pop.growth` is named twice"), message);
        assertTrue(message.contains("sweep.yaml:15:62: `correlations` item 2: `rank` is a Spearman rank correlation, above -1 "
                + "and below 1 (e.g. 0.7), not 1"), message);
        message = assertThrows(ScenarioException.class, () -> SweepModel.load(sweep("latin_hypercube", 64, """
                correlations:
                  - {between: [drivers.pop.growth, services.care.unit_cost.growth], rank: 0.9}
                  - {between: [services.care.unit_cost.growth, income.tax.growth], rank: 0.9}
                  - {between: [drivers.pop.growth, income.tax.growth], rank: -0.9}
                """), null, null)).getMessage();
        assertTrue(message.contains("sweep.yaml:12:1: these correlations cannot all hold at once (their matrix is not positive "
                + "definite)"), message);
    }
}
