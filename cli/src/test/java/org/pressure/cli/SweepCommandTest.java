package org.pressure.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepCommandTest {
    @TempDir
    Path dir;

    private Path sweep(String design, String extra) throws Exception {
        Files.writeString(dir.resolve("base.yaml"), CommandLineTest.SCENARIO);
        Path file = dir.resolve("sweep.yaml");
        Files.writeString(file, """
                sweep: CLI sweep
                scenario: base.yaml
                design: %s
                runs: 64
                seed: 5
                parameters:
                  services.care.cost.growth: {uniform: [4%%, 8%%]}
                  income.tax.growth: {triangular: [0%%, 2%%, 4%%]}
                outputs: [crossover_year, cumulative_gap, "reserves@end"]
                %s
                """.formatted(design, extra));
        return file;
    }

    @Test
    void sweep_writes_every_file_sweeps_md_names() throws Exception {
        Path out = dir.resolve("out");
        CommandLineTest.Result r = CommandLineTest.execute("sweep", sweep("one_at_a_time", "").toString(), "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        for (String f : List.of("runs.csv", "summary.json", "sensitivity.csv", "fan-budget_gap.png", "fan-reserves.svg",
                "histogram-crossover_year.png", "tornado-cumulative_gap.svg", "tornado-reserves@end.png")) {
            assertTrue(Files.exists(out.resolve(f)), f + " in " + r.out());
        }
        assertTrue(r.out().contains("crossover_year"), r.out());
        assertTrue(r.err().isEmpty(), "no progress bar when stderr is not a terminal: " + r.err());
    }

    @Test
    void runs_and_seed_options_replace_the_files_and_threads_do_not_change_the_output() throws Exception {
        Path file = sweep("random", "");
        CommandLineTest.Result one = CommandLineTest.execute("sweep", file.toString(), "--out", dir.resolve("a").toString(),
                "--runs", "300", "--seed", "9", "--threads", "1", "--no-chart");
        CommandLineTest.Result two = CommandLineTest.execute("sweep", file.toString(), "--out", dir.resolve("b").toString(),
                "--runs", "300", "--seed", "9", "--threads", "2", "--no-chart");
        assertEquals(0, one.exit(), one.err());
        assertEquals(0, two.exit(), two.err());
        assertEquals(301, Files.readAllLines(dir.resolve("a/runs.csv")).size());
        for (String f : List.of("runs.csv", "summary.json")) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(f)), Files.readAllBytes(dir.resolve("b").resolve(f)));
        }
        assertTrue(Files.readString(dir.resolve("a/summary.json")).contains("\"seed\" : 9"));
    }

    @Test
    void a_bad_sweep_exits_2_naming_file_and_key() throws Exception {
        Path file = sweep("random", "");
        Files.writeString(file, Files.readString(file).replace("income.tax.growth", "income.tax.grwth"));
        CommandLineTest.Result r = CommandLineTest.execute("sweep", file.toString(), "--out", dir.resolve("x").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("sweep.yaml:8:3") && r.err().contains("grwth"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertEquals(2, CommandLineTest.execute("sweep", file.toString(), "--threads", "0").exit());
    }
}
