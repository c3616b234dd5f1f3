package org.pressure.engine.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SweepRunner.collect, the seam a cluster runner uses: runs computed elsewhere, in ranges of
 * any size, and handed back in run order give the local runner's files byte for byte; handed
 * back out of order or short, they are refused and leave no runs.csv.
 */
class SweepCollectTest {
    @TempDir
    Path dir;

    private Path sweep(String design, int runs) throws IOException {
        Files.writeString(dir.resolve("base.yaml"), SweepTest.SCENARIO);
        Path file = dir.resolve("sweep.yaml");
        Files.writeString(file, """
                sweep: Collected sweep
                scenario: base.yaml
                design: %s
                runs: %d
                seed: 7
                parameters:
                  drivers.pop.growth: {uniform: [1%%, 3%%]}
                  services.care.unit_cost.growth: {triangular: [2%%, 3%%, 6%%]}
                  income.tax.growth: {values: [1%%, 2%%, 4.99%%]}
                outputs: [crossover_year, cumulative_gap, "reserves@end"]
                """.formatted(design, runs));
        return file;
    }

    /** Computes the runs in ranges of {@code range} and hands them over, rows and outputs, from {@code order}. */
    private static SweepRunner.Feed inRanges(SweepRunner runner, int range, int[] order) {
        return (rows, sink) -> {
            for (int r : order) {
                SweepRunner.Chunk c = runner.compute(r * range, Math.min(runner.runs(), (r + 1) * range));
                ByteBuffer b = ByteBuffer.wrap(c.rows());
                while (b.hasRemaining()) rows.write(b);
                for (int i = 0; i < c.outputs().length; i++) sink.add(c.first() + i, c.outputs()[i], c.trajectories()[i]);
            }
        };
    }

    private static void write(SweepResult r, Path out) throws IOException {
        SweepWriter.writeSummary(r, out.resolve("summary.json"));
        SweepWriter.writeSensitivity(r, out.resolve("sensitivity.csv"));
    }

    @Test
    void rangesComputedElsewhereGiveTheLocalRunnersFiles() throws IOException {
        for (String design : new String[] {"random", "sobol"}) {
            Path file = sweep(design, design.equals("sobol") ? 64 : 1000);
            Path local = dir.resolve(design + "-local"), collected = dir.resolve(design + "-collected");
            write(new SweepRunner(SweepModel.load(file, null, null), 2, null).run(local, false), local);
            SweepRunner runner = new SweepRunner(SweepModel.load(file, null, null), 1, null);
            int range = 97; // no multiple of the local runner's chunk
            int[] order = new int[(runner.runs() + range - 1) / range];
            for (int i = 0; i < order.length; i++) order[i] = i;
            write(runner.collect(collected, inRanges(runner, range, order)), collected);
            for (String name : new String[] {"runs.csv", "summary.json", "sensitivity.csv"}) {
                if (!Files.exists(local.resolve(name))) continue;
                assertArrayEquals(Files.readAllBytes(local.resolve(name)), Files.readAllBytes(collected.resolve(name)),
                        design + ": " + name);
            }
            assertTrue(Files.size(collected.resolve("runs.csv")) > 1000);
        }
    }

    @Test
    void runsOutOfOrderOrMissingAreRefusedAndLeaveNoRows() throws IOException {
        Path file = sweep("random", 300);
        SweepRunner runner = new SweepRunner(SweepModel.load(file, null, null), 1, null);
        Path out = dir.resolve("swapped");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> runner.collect(out, inRanges(runner, 100, new int[] {0, 2, 1})));
        assertTrue(e.getMessage().contains("run 200 handed over where run 100 was due"), e.getMessage());
        assertFalse(Files.exists(out.resolve("runs.csv")));
        assertFalse(Files.exists(out.resolve(SweepRunner.PARTIAL)));
        assertFalse(Files.exists(out.resolve(SweepRunner.LOCK)));

        Path shortOut = dir.resolve("short");
        e = assertThrows(IllegalStateException.class, () -> runner.collect(shortOut, inRanges(runner, 100, new int[] {0, 1})));
        assertTrue(e.getMessage().contains("200 of 300 runs handed over"), e.getMessage());
        assertFalse(Files.exists(shortOut.resolve("runs.csv")));
        assertFalse(Files.exists(shortOut.resolve(SweepRunner.PARTIAL)));
    }
}
