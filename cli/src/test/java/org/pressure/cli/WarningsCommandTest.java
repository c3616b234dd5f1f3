package org.pressure.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Warnings print as file:line:col: warning: ... and leave the exit at 0; --strict refuses them and writes nothing. */
class WarningsCommandTest {
    @TempDir
    Path dir;

    private Path slip() throws IOException {
        Path file = dir.resolve("slip.yaml");
        Files.writeString(file, CommandLineTest.SCENARIO.replace("growth: 2%", "growth: 5"));
        return file;
    }

    private String warning(Path file) {
        return file + ":4:29: warning: `income.tax.growth` is 500% a year, beyond the 30% either way that a yearly "
                + "rate plausibly takes; if you meant 5%, write `5%` (a plain 5 means 500%)\n";
    }

    @Test
    void every_command_prints_the_warning_and_succeeds() throws IOException {
        Path file = slip();
        var validate = CommandLineTest.execute("validate", file.toString());
        assertEquals(0, validate.exit());
        assertEquals(warning(file), validate.err());
        var run = CommandLineTest.execute("run", file.toString(), "--out", dir.resolve("run").toString(), "--no-chart");
        assertEquals(0, run.exit(), run.err());
        assertEquals(warning(file), run.err());
        var report = CommandLineTest.execute("report", file.toString(), "--out", dir.resolve("report").toString());
        assertEquals(0, report.exit(), report.err());
        assertEquals(warning(file), report.err());
        var compare = CommandLineTest.execute("compare", file.toString(), file.toString(), "--out",
                dir.resolve("compare").toString(), "--no-chart");
        assertEquals(0, compare.exit(), compare.err());
        assertEquals(warning(file), compare.err());
        Path sweep = dir.resolve("sweep.yaml");
        Files.writeString(sweep, "sweep: S\nscenario: slip.yaml\ndesign: grid\nlevels: 2\nparameters:\n"
                + "  services.other.floor: {uniform: [10%, 20%]}\noutputs: [cumulative_gap]\n");
        var sw = CommandLineTest.execute("sweep", sweep.toString(), "--out", dir.resolve("sweep").toString(), "--no-chart");
        assertEquals(0, sw.exit(), sw.err());
        assertEquals(warning(file), sw.err());
    }

    @Test
    void strict_refuses_warnings_with_exit_2_and_writes_nothing() throws IOException {
        Path file = slip();
        Path out = dir.resolve("run");
        var run = CommandLineTest.execute("run", file.toString(), "--out", out.toString(), "--strict");
        assertEquals(2, run.exit());
        assertEquals(file + ":4:29: `income.tax.growth` is 500% a year, beyond the 30% either way that a yearly rate "
                + "plausibly takes; if you meant 5%, write `5%` (a plain 5 means 500%) (refused by --strict)\n", run.err());
        assertFalse(Files.exists(out));
        var validate = CommandLineTest.execute("validate", "--strict", file.toString());
        assertEquals(2, validate.exit());
        assertTrue(validate.err().endsWith("(refused by --strict)\n"), validate.err());
        var report = CommandLineTest.execute("report", "--strict", file.toString(), "--out", dir.resolve("r").toString());
        assertEquals(2, report.exit());
        assertFalse(Files.exists(dir.resolve("r")));
    }

    @Test
    void validate_shows_the_warnings_of_a_file_with_errors_beside_them_in_the_file_s_order() throws IOException {
        Path file = dir.resolve("both.yaml");
        Files.writeString(file, CommandLineTest.SCENARIO.replace("growth: 2%", "growth: 5")
                .replace("floor: 10%", "floor: 10%, statuory: false"));
        var validate = CommandLineTest.execute("validate", file.toString());
        assertEquals(2, validate.exit());
        assertEquals(warning(file) + file + ":7:51: unknown key `statuory` in `services.other`; did you mean `statutory`? "
                + "(allowed: statutory, cost, clients, unit_cost, floor, agency, variance, label)\n", validate.err());
        var strict = CommandLineTest.execute("validate", "--strict", file.toString());
        assertTrue(strict.err().startsWith(file + ":4:29: `income.tax.growth` is 500% a year"), strict.err());
        assertTrue(strict.err().contains("(refused by --strict)\n" + file + ":7:51: unknown key"), strict.err());
    }

    @Test
    void a_run_with_a_warning_says_its_headline_is_not_meaningful_and_keeps_the_table_in_line() throws IOException {
        Path file = dir.resolve("huge.yaml");
        Files.writeString(file, CommandLineTest.SCENARIO.replace("tax: {start: 100, growth: 2%}", "tax: {start: 100, growth: 5}"));
        var run = CommandLineTest.execute("run", file.toString(), "--out", dir.resolve("o").toString(), "--no-chart");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("\n  Not meaningful until the value warned of above is checked: such values are almost\n"
                + "  always slips of units (a growth of 5 meaning 500% a year), and the files written show the same.\n"),
                run.out());
        // every value ends in the same column, however large
        java.util.List<String> rows = run.out().lines().filter(l -> l.matches("  \\S.{43} +\\S+")).toList();
        assertTrue(rows.size() >= 10, run.out());
        assertTrue(rows.stream().anyMatch(l -> l.matches(".*\\d{1,3}(,\\d{3}){5,}\\.\\d")), "a huge figure: " + run.out());
        assertEquals(1, rows.stream().mapToInt(String::length).distinct().count(), run.out());
        var fine = CommandLineTest.execute("run", slipFree().toString(), "--out", dir.resolve("p").toString(), "--no-chart");
        assertFalse(fine.out().contains("Not meaningful"), fine.out());
    }

    private Path slipFree() throws IOException {
        Path file = dir.resolve("fine.yaml");
        Files.writeString(file, CommandLineTest.SCENARIO);
        return file;
    }
}
