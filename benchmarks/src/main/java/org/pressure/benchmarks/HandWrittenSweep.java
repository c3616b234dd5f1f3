package org.pressure.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * The throughput sweep written by hand: the same random parameter values as the engine's
 * random design (same seed mixing, same uniform mapping), the hand-written model, and the
 * same runs.csv rows. What a programmer would write without the engine.
 */
public final class HandWrittenSweep {
    private HandWrittenSweep() {}

    static final double[][] RANGES = {{0.015, 0.035}, {0.03, 0.11}, {0.0, 0.0499}};

    /** Writes runs.csv for {@code runs} runs; returns the sum of the outputs so the work cannot be skipped. */
    public static double write(Path csv, long seed, int runs) throws IOException {
        double check = 0;
        double[] scratch = new double[HandWrittenCouncil.YEARS];
        double[] p = new double[3];
        try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write("run,drivers.pop_65.growth,services.childrens_social_care.cost.growth,income.council_tax.growth,"
                    + "cumulative_gap,reserves@end\n");
            StringBuilder row = new StringBuilder(128);
            for (int run = 0; run < runs; run++) {
                SplittableRandom rnd = new SplittableRandom(mix(seed * 0x9E3779B97F4A7C15L + run));
                for (int j = 0; j < 3; j++) p[j] = RANGES[j][0] + rnd.nextDouble() * (RANGES[j][1] - RANGES[j][0]);
                HandWrittenCouncil.Outputs o = HandWrittenCouncil.run(p[0], p[1], p[2], scratch);
                row.setLength(0);
                row.append(run);
                for (double x : p) row.append(',').append(number(x));
                row.append(',').append(number(o.cumulativeGap())).append(',').append(number(o.finalReserves())).append('\n');
                w.append(row);
                check += o.cumulativeGap();
            }
        }
        return check;
    }

    /**
     * Writes {@code DIR/runs.csv} for {@code RUNS} runs (seed 2025, as the sweep file), for timing end to end beside
     * {@code pressure sweep scenarios/unitary-council-throughput-sweep.yaml --runs RUNS}.
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: HandWrittenSweep DIR RUNS [SEED]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        System.out.println(write(dir.resolve("runs.csv"), args.length > 2 ? Long.parseLong(args[2]) : 2025, Integer.parseInt(args[1])));
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static String number(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e15) return Long.toString((long) x);
        return Double.toString(x);
    }
}
