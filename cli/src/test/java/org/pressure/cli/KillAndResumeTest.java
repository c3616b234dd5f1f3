package org.pressure.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep killed with SIGKILL part-way (a separate JVM, killed without warning) leaves its rows
 * in runs.csv.partial, and --resume finishes them to the same runs.csv as a sweep never stopped.
 */
class KillAndResumeTest {
    @TempDir
    Path dir;

    @Test
    void a_sweep_killed_with_sigkill_resumes_to_the_same_files() throws Exception {
        // a million runs: long enough (seconds) that the kill lands part-way even with generated code
        Files.writeString(dir.resolve("base.yaml"), CommandLineTest.SCENARIO);
        Path sweep = dir.resolve("sweep.yaml");
        Files.writeString(sweep, """
                sweep: Kill test
                scenario: base.yaml
                design: latin_hypercube
                runs: 1000000
                seed: 3
                parameters:
                  services.care.cost.growth: {uniform: [4%, 8%]}
                  income.tax.growth: {uniform: [0%, 4%]}
                outputs: [cumulative_gap, "reserves@end"]
                trajectories: []
                """);
        Path whole = dir.resolve("whole"), killed = dir.resolve("killed");
        assertEquals(0, CommandLineTest.execute("sweep", sweep.toString(), "--out", whole.toString(), "--no-chart").exit());

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(), "sweep",
                sweep.toString(), "--out", killed.toString(), "--no-chart", "--threads", "1")
                .redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile()).start();
        Path partial = killed.resolve("runs.csv.partial"), csv = killed.resolve("runs.csv");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (p.isAlive() && (!Files.exists(partial) || Files.size(partial) < 100_000) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(p.isAlive(), "the sweep must still be running when it is killed: " + Files.readString(dir.resolve("log.txt")));
        p.destroyForcibly(); // SIGKILL on Unix: no shutdown hooks, no flushing
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertTrue(!Files.exists(csv), "runs.csv appears only when the sweep is done");
        List<String> lines = Files.readAllLines(partial);
        assertTrue(lines.size() > 1 && lines.size() < 1_000_001, "interrupted part-way: " + lines.size() + " lines");
        CommandLineTest.Result resumed = CommandLineTest.execute("sweep", sweep.toString(), "--out", killed.toString(),
                "--no-chart", "--resume");
        assertEquals(0, resumed.exit(), resumed.err());
        assertTrue(resumed.out().contains("Reused " + String.format("%,d", lines.size() - 1) + " runs"), resumed.out());
        assertTrue(!Files.exists(partial));
        assertArrayEquals(Files.readAllBytes(whole.resolve("runs.csv")), Files.readAllBytes(csv));
        assertArrayEquals(Files.readAllBytes(whole.resolve("summary.json")), Files.readAllBytes(killed.resolve("summary.json")));
    }
}
