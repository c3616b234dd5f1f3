package org.pressure.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `pressure import ra` and `pressure nation` as a person runs them: the words, the files, the exit codes. */
class NationCommandTest {
    static final Path DATA = Path.of("..", "data", "england");

    @TempDir
    Path dir;

    private static CommandLineTest.Result run(String... args) {
        return CommandLineTest.execute(args);
    }

    private static void noStackTrace(CommandLineTest.Result r) {
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
    }

    @Test
    void the_shipped_councils_run_and_are_scored_with_both_baselines() throws IOException {
        Path out = dir.resolve("nation");
        CommandLineTest.Result r = run("nation", DATA.resolve("councils-2021-22").toString(), "--out", out.toString(),
                "--outcomes", DATA.resolve("outcomes-to-2023-24.csv").toString(), "--list",
                DATA.resolve("unallocated.running.out.csv").toString(), "--threads", "2");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().matches("(?s).*\\d+ of 150 councils cannot balance their budget by 2028/29; \\d+ by 2040/41\\..*"),
                r.out());
        for (String method : List.of("model", "reserves share", "2018 newsroom list")) assertTrue(r.out().contains(method), method);
        assertTrue(r.out().contains("Model misses:"), r.out());
        List<String> csv = Files.readAllLines(out.resolve("councils.csv"));
        assertEquals(151, csv.size());
        String json = Files.readString(out.resolve("nation.json"));
        assertTrue(json.contains("\"failing_by_year\"") && json.contains("\"auc\"") && json.contains("\"unscored_events\""), json);
        for (String chart : List.of("councils-failing.png", "failure-years.svg", "sector-gap.png")) {
            assertTrue(Files.size(out.resolve(chart)) > 1000, chart);
        }
    }

    @Test
    void a_returns_file_of_another_layout_is_refused_with_exit_2_and_nothing_written() throws IOException {
        Path other = dir.resolve("RSX.csv");
        Files.writeString(other, "E-code,ONS Code,Local authority,Class,Education\nE1,E06000001,Hartlepool,UA,1\n");
        Path out = dir.resolve("england");
        CommandLineTest.Result r = run("import", "ra", other.toString(), "--year", "2021-22", "--population",
                DATA.resolve("snpp2018-agebands-upper-tier-principal.csv").toString(), "--out", out.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith(other + ":1:1: is a file of another layout"), r.err());
        noStackTrace(r);
        assertFalse(Files.exists(out));
    }

    @Test
    void a_folder_that_is_not_one_of_councils_is_refused() {
        CommandLineTest.Result r = run("nation", dir.toString(), "--out", dir.resolve("o").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("has no councils-index.csv"), r.err());
        noStackTrace(r);
        CommandLineTest.Result none = run("nation");
        assertEquals(2, none.exit());
        assertTrue(none.err().contains("give the folder of councils"), none.err());
        CommandLineTest.Result runs = run("nation", dir.toString(), "--runs", "10");
        assertEquals(2, runs.exit());
        assertTrue(runs.err().contains("--runs 10: is an option of a national sweep"), runs.err());
    }

    @Test
    void a_sweep_of_one_scenario_is_not_a_national_sweep_and_the_other_way_round() throws IOException {
        Path sweep = dir.resolve("sweep.yaml");
        Files.createDirectories(dir.resolve("councils"));
        Files.writeString(dir.resolve("councils/councils-index.csv"), "code,name,class,region,file\n");
        Files.writeString(sweep, "sweep: s\nscenario: councils\ndesign: random\nruns: 4\nparameters:\n  drivers.cpi: {uniform: [1%, 3%]}\noutputs: [failure_year]\n");
        CommandLineTest.Result r = run("sweep", sweep.toString(), "--out", dir.resolve("o").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("`scenario` names a folder of councils") && r.err().contains("pressure nation --sweep"),
                r.err());
        noStackTrace(r);
    }

    @Test
    void the_report_has_a_national_section() throws IOException {
        Path out = dir.resolve("report");
        CommandLineTest.Result r = run("report", "--nation", DATA.resolve("councils-2021-22").toString(), "--out", out.toString(),
                "--format", "svg");
        assertEquals(0, r.exit(), r.err());
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("England: 150 councils run together") && html.contains("The riskiest councils"), html);
        assertTrue(html.matches("(?s).*\\d+ of 150 councils cannot balance their budget by 2028/29.*"));
        assertTrue(Files.exists(out.resolve("nation-failure-years.svg")));
        CommandLineTest.Result none = run("report");
        assertEquals(2, none.exit());
        assertTrue(none.err().contains("or --nation DIR"), none.err());
    }
}
