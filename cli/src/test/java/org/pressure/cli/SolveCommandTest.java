package org.pressure.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SolveCommandTest {
    @TempDir
    Path dir;

    /** The gap in 2035/36 is 100 * 1.03^10 - 90 (1 + g)^10: it closes at g = 1.03 (100/90)^(1/10) - 1. */
    private Path scenario() throws Exception {
        Path file = dir.resolve("gap.yaml");
        Files.writeString(file, """
                name: Constant gap
                time: {start: 2025, end: 2035}
                income:
                  tax: {start: 90, growth: 2%}
                services:
                  care: {cost: {start: 100, growth: 3%}}
                budget:
                  reserves: {opening: 0, minimum: 0}
                """);
        return file;
    }

    @Test
    void solve_prints_the_closed_form_answer_within_its_tolerance_and_writes_the_run_and_solve_json() throws Exception {
        Path out = dir.resolve("out");
        CommandLineTest.Result r = CommandLineTest.execute("solve", scenario().toString(), "--vary",
                "income.tax.growth=0%..10%", "--target", "budget_gap@2035 <= 0", "--tolerance", "0.0000001%",
                "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        double exact = 1.03 * Math.pow(100.0 / 90, 0.1) - 1;
        // four figures, rounded up so that the value printed meets the target; then the value to the tolerance
        String four = new java.math.BigDecimal(exact * 100).setScale(3, java.math.RoundingMode.CEILING).toPlainString();
        assertTrue(r.out().contains("  1 target; income.tax.growth from 0% to 10%\n"), r.out());
        assertTrue(r.out().contains(String.format("  %-44s %s%%%n", "income.tax.growth", four)), r.out());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("smallest value meeting every target, rounded up; "
                + "to within 0.0000001% it is ([0-9.]+)%").matcher(r.out());
        assertTrue(m.find(), r.out());
        assertEquals(exact * 100, Double.parseDouble(m.group(1)), 1e-7 + 0.5e-9);
        for (String f : List.of("results.csv", "summary.json", "graph-of-doom.png", "solve.json", "solve.png", "solve.svg")) {
            assertTrue(Files.exists(out.resolve(f)), f);
        }
        JsonNode json = new ObjectMapper().readTree(out.resolve("solve.json").toFile());
        assertEquals(exact, json.at("/result/values/income.tax.growth").asDouble(), json.at("/result/tolerance").asDouble());
        assertTrue(json.at("/targets/0/met").asBoolean());
        assertTrue(json.at("/runs").asInt() > 51, "a scan and then the solver");
        assertEquals(json.at("/result/indicators/cumulative_gap").asDouble(),
                new ObjectMapper().readTree(out.resolve("summary.json").toFile()).at("/indicators/cumulative_gap").asDouble());
    }

    @Test
    void two_levers_use_the_seeded_optimiser_and_say_no_tolerance_is_guaranteed() throws Exception {
        Path out = dir.resolve("two");
        CommandLineTest.Result r = CommandLineTest.execute("solve", scenario().toString(), "--vary", "income.tax.growth=0%..10%",
                "--vary", "services.care.cost.growth=2%..4%", "--target", "budget_gap@2035 <= 0", "--seed", "3",
                "--out", out.toString(), "--no-chart");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("found by a stochastic search: no tolerance is guaranteed"), r.out());
        JsonNode json = new ObjectMapper().readTree(out.resolve("solve.json").toFile());
        assertEquals(3, json.at("/seed").asInt());
        assertTrue(json.at("/result/tolerance").isNull());
        assertTrue(json.at("/method").asText().startsWith("CMA-ES"), json.toString());
        // nearest the low ends: care growth at 2%, then the least income growth that closes the gap
        double care = json.at("/result/values/services.care.cost.growth").asDouble();
        assertEquals(0.02, care, 1e-3);
        assertEquals((1 + care) * Math.pow(100.0 / 90, 0.1) - 1, json.at("/result/values/income.tax.growth").asDouble(), 1e-3);
    }

    @Test
    void unreachable_and_unconstraining_targets_exit_2_and_write_nothing() throws Exception {
        Path out = dir.resolve("none");
        CommandLineTest.Result none = CommandLineTest.execute("solve", scenario().toString(), "--vary",
                "income.tax.growth=0%..1%", "--target", "budget_gap@2035 <= 0", "--out", out.toString());
        assertEquals(2, none.exit());
        assertTrue(none.err().contains("no value of income.tax.growth from 0% to 1% meets every target"), none.err());
        assertTrue(none.err().contains("closest at income.tax.growth = 1.0000%"), none.err());
        assertFalse(Files.exists(out));
        CommandLineTest.Result every = CommandLineTest.execute("solve", scenario().toString(), "--vary",
                "income.tax.growth=0%..1%", "--target", "budget_gap@2035 >= 0", "--out", out.toString());
        assertEquals(2, every.exit());
        assertTrue(every.err().contains("every value of income.tax.growth from 0% to 1% meets every target"),
                every.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void bad_levers_targets_and_options_exit_2_naming_the_option() throws Exception {
        String s = scenario().toString();
        String[][] cases = {
            {"--vary", "income.tax.grwth=0%..10%", "--target", "budget_gap@2035 <= 0"},
            {"--vary", "income.tax.growth=10%..0%", "--target", "budget_gap@2035 <= 0"},
            {"--vary", "income.tax.growth=0%..10%", "--target", "budget_gapp@2035 <= 0"},
            {"--vary", "income.tax.growth=0%..10%", "--target", "budget_gap@2035 = 0"},
            {"--vary", "income.tax.growth=0%..10%", "--target", "budget_gap@2035 <= 0", "--tolerance", "-1"},
            {"--vary", "income.tax.growth=0%..10%"},
        };
        String[] expected = {
            "--vary income.tax.grwth=0%..10%: the scenario has no `income.tax.grwth`; did you mean `growth`?",
            "--vary income.tax.growth=10%..0%: LOW (10%) must be below HIGH (0%)",
            "--target budget_gapp@2035 <= 0: output `budget_gapp@2035`: `budget_gapp` is not a results.csv column; "
                    + "did you mean `budget_gap`?",
            "--target budget_gap@2035 = 0: an amount is never exactly equal to a number; give a side instead",
            "--tolerance -1: give a positive number",
            "give at least one --target",
        };
        for (int i = 0; i < cases.length; i++) {
            List<String> args = new java.util.ArrayList<>(List.of("solve", s, "--out", dir.resolve("bad").toString()));
            args.addAll(List.of(cases[i]));
            CommandLineTest.Result r = CommandLineTest.execute(args.toArray(String[]::new));
            assertEquals(2, r.exit(), String.join(" ", cases[i]) + "\n" + r.err());
            assertTrue(r.err().contains(expected[i]), r.err());
            assertFalse(r.err().contains("Exception"), r.err());
        }
        assertFalse(Files.exists(dir.resolve("bad")));
    }

    @Test
    void an_answer_grazing_the_minimum_says_by_how_much_and_one_beyond_the_referendum_limit_is_warned_of() throws Exception {
        Path file = dir.resolve("reserves.yaml");
        Files.writeString(file, """
                name: Reserves
                time: {start: 2025, end: 2035}
                income:
                  council_tax: {start: 90, growth: 2%}
                services:
                  care: {cost: {start: 100, growth: 8%}}
                budget:
                  reserves: {opening: 200, minimum: 25}
                """);
        CommandLineTest.Result r = CommandLineTest.execute("solve", file.toString(), "--vary",
                "income.council_tax.growth=0%..20%", "--target", "reserves_exhausted_year = never", "--out",
                dir.resolve("out").toString(), "--no-chart");
        assertEquals(0, r.exit(), r.err());
        // the reserves come down to within a hair of the minimum, and the output says it is above, not at, it
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\n    reserves come closest in (\\d{4}/\\d{2}): "
                + "(25\\.0*[1-9]\\d*) against a minimum of 25, (0\\.0*[1-9]\\d*) above it\n").matcher(r.out());
        assertTrue(m.find(), r.out());
        assertEquals(Double.parseDouble(m.group(2)) - 25, Double.parseDouble(m.group(3)), 1e-9);
        // a rise in council tax of this size needs a referendum
        assertTrue(r.err().startsWith("--vary income.council_tax.growth=0%..20%: warning: the answer, "
                + "`income.council_tax.growth` = "), r.err());
        assertTrue(r.err().contains("is above the 4.99% a year that a council with social care may raise council tax "
                + "without a local referendum"), r.err());
        CommandLineTest.Result low = CommandLineTest.execute("solve", file.toString(), "--vary",
                "income.council_tax.growth=0%..20%", "--target", "reserves@2029 >= 100", "--out",
                dir.resolve("out2").toString(), "--no-chart");
        assertEquals(0, low.exit(), low.err());
        assertEquals("", low.err(), "an answer within the limit is not warned of");
    }
}
