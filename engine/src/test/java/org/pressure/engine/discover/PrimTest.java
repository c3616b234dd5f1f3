package org.pressure.engine.discover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** PRIM on data with a box planted in it: the box comes back, and inputs that do not matter stay free. */
class PrimTest {

    /** Five uniform inputs on [0, 1]; cases are x0 > 0.6 and x1 < 0.3, with a share {@code noise} of labels flipped. */
    private static Prim.Result planted(long seed, int n, double noise) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[5][n];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 5; j++) x[j][i] = random.nextDouble();
            y[i] = x[0][i] > 0.6 && x[1][i] < 0.3;
            if (random.nextDouble() < noise) y[i] = !y[i];
        }
        return Prim.run(List.of("a", "b", "c", "d", "e"), x, y, new Prim.Options(0.05, 0.05, 0.8));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void a_planted_box_is_recovered_and_irrelevant_inputs_are_not_restricted(long seed) {
        Prim.Result r = planted(seed, 5000, 0.02);
        Prim.Box b = r.box();
        assertEquals(List.of(0, 1), b.restricted(), "seed " + seed + ": " + java.util.Arrays.toString(b.low()) + " "
                + java.util.Arrays.toString(b.high()));
        assertEquals(0.6, b.low()[0], 0.03, "seed " + seed);
        assertEquals(0.3, b.high()[1], 0.03, "seed " + seed);
        assertTrue(b.density() >= 0.8 && b.coverage() > 0.8, "seed " + seed + ": " + b);
        assertTrue(r.quasiP()[0] < 1e-6 && r.quasiP()[1] < 1e-6, "both restrictions matter: " + java.util.Arrays.toString(r.quasiP()));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12, 13, 14, 15, 16})
    void a_two_sided_box_among_discrete_and_continuous_noise_inputs(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = 2000;
        double[][] x = new double[4][n];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            x[0][i] = random.nextDouble(); // noise
            x[1][i] = 2 + 4 * random.nextDouble(); // the box: 3 <= x1 <= 4.5
            x[2][i] = random.nextInt(3); // noise, three values
            x[3][i] = random.nextDouble(); // the box: x3 < 0.5
            y[i] = x[1][i] >= 3 && x[1][i] <= 4.5 && x[3][i] < 0.5;
            if (random.nextDouble() < 0.03) y[i] = !y[i];
        }
        Prim.Result r = Prim.run(List.of("a", "b", "c", "d"), x, y, new Prim.Options(0.05, 0.05, 0.8));
        Prim.Box b = r.box();
        String where = "seed " + seed + ": " + java.util.Arrays.toString(b.low()) + " " + java.util.Arrays.toString(b.high());
        assertEquals(List.of(1, 3), b.restricted(), where);
        assertEquals(3, b.low()[1], 0.12, where);
        assertEquals(4.5, b.high()[1], 0.12, where);
        assertEquals(0.5, b.high()[3], 0.03, where);
        assertEquals(r.min()[3], b.low()[3], 0, where);
    }

    @Test
    void the_trajectory_starts_with_every_run_and_only_gains_density() {
        Prim.Result r = planted(9, 3000, 0.0);
        Prim.Box first = r.trajectory().get(0);
        assertEquals(1.0, first.mass());
        assertEquals(1.0, first.coverage());
        assertEquals(r.totalCases() / 3000.0, first.density(), 1e-15);
        for (int s = 1; s < r.trajectory().size(); s++) {
            assertTrue(r.trajectory().get(s).density() > r.trajectory().get(s - 1).density());
            assertTrue(r.trajectory().get(s).mass() >= 0.05);
        }
        // without label noise the planted box is pure: PRIM finds a box where every run is a case
        assertEquals(1.0, r.box().density());
    }
}
