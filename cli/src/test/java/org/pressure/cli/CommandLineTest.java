package org.pressure.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import picocli.CommandLine;

/** The command line through picocli's execute(): exit codes, messages and the files written. */
class CommandLineTest {
    @TempDir
    Path dir;

    static final String SCENARIO = """
            name: Test council
            time: {start: 2025, end: 2050}
            income:
              tax: {start: 100, growth: 2%}
            services:
              care: {cost: {start: 50, growth: 6%}}
              other: {statutory: false, cost: 30, floor: 10%}
            budget:
              reserves: {opening: 20, minimum: 5}
            """;

    record Result(int exit, String out, String err) {}

    /** Runs the command line as main() does: with only the subcommand the arguments name, where they name one. */
    static Result execute(String... args) {
        CommandLine cl = Main.commandLine(args);
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    @Test
    void eachSubcommandIsAddedUnderItsOwnName() {
        for (var e : Main.SUBCOMMANDS.entrySet()) {
            assertEquals(e.getKey(), new CommandLine(e.getValue().get()).getCommandName());
        }
        assertEquals(Main.SUBCOMMANDS.keySet(), Main.commandLine().getSubcommands().keySet());
        assertEquals(java.util.Set.of("sweep"), Main.commandLine(new String[] {"--debug", "sweep", "x.yaml"}).getSubcommands().keySet());
        assertEquals(Main.SUBCOMMANDS.keySet(), Main.commandLine(new String[] {"help", "sweep"}).getSubcommands().keySet());
        assertEquals(Main.SUBCOMMANDS.keySet(), Main.commandLine(new String[] {"swep"}).getSubcommands().keySet());
        assertEquals(Main.SUBCOMMANDS.keySet(), Main.commandLine(new String[] {"generate-completion"}).getSubcommands().keySet());
    }

    private Path scenario(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private static void assertNoStackTrace(Result r) {
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void run_prints_indicators_in_financial_years_and_writes_every_file() throws Exception {
        Path file = scenario("test.yaml", SCENARIO);
        Path out = dir.resolve("out");
        Result r = execute("run", file.toString(), "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        // 50 * 1.06^n > 100 * 1.02^n first at n = 19
        assertTrue(r.out().contains("Statutory costs overtake income") && r.out().contains("2044/45"), r.out());
        assertTrue(r.out().contains("2025/26 to 2050/51"), r.out());

        List<String> csv = Files.readAllLines(out.resolve("results.csv"));
        assertEquals(27, csv.size());
        assertTrue(csv.get(0).startsWith("year,income,statutory_spend,discretionary_planned,discretionary_funded,"
                + "budget_gap,cuts,reserves_draw,reserves,income.tax,service.care.cost,service.care.failure_cost,"
                + "service.other.cost,service.other.funded,service.other.cut,service.other.failure_cost"), csv.get(0));
        assertTrue(csv.get(1).startsWith("2025,100,50,30,30,0,0,0,40,"), csv.get(1));

        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals("Test council", summary.get("name").asText());
        assertEquals(2044, summary.get("indicators").get("crossover_year").asInt());
        assertEquals("£m", summary.get("units").asText());

        byte[] png = Files.readAllBytes(out.resolve("graph-of-doom.png"));
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4));
        DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
        xml.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true); // and so no DTD fetched
        Document svg = xml.newDocumentBuilder().parse(out.resolve("graph-of-doom.svg").toFile());
        assertEquals("svg", svg.getDocumentElement().getNodeName());
        String svgText = Files.readString(out.resolve("graph-of-doom.svg"));
        assertTrue(svgText.contains("Statutory costs overtake income, 2044/45"), "crossover marker labelled");
        assertTrue(svgText.contains("Test council"), "titled with the scenario name");
        assertTrue(svgText.contains("test.yaml"), "footnote names the file");
    }

    @Test
    void set_overrides_and_chart_options_apply() throws Exception {
        Path file = scenario("test.yaml", SCENARIO);
        Path out = dir.resolve("o");
        Result r = execute("run", file.toString(), "--out", out.toString(), "--set", "services.care.cost.growth=2%",
                "--format", "svg");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("never"), r.out());
        assertTrue(Files.exists(out.resolve("graph-of-doom.svg")));
        assertFalse(Files.exists(out.resolve("graph-of-doom.png")));
        Result none = execute("run", file.toString(), "--out", dir.resolve("n").toString(), "--no-chart");
        assertEquals(0, none.exit());
        try (var files = Files.list(dir.resolve("n"))) {
            assertEquals(List.of("results.csv", "summary.json"), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void bad_input_exits_2_with_file_line_and_column_and_no_stack_trace() throws Exception {
        Path file = scenario("bad.yaml", SCENARIO.replace("floor: 10%", "flor: 10%"));
        Path out = dir.resolve("out");
        Result r = execute("run", file.toString(), "--out", out.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains(file + ":7:"), r.err());
        assertTrue(r.err().contains("did you mean `floor`?"), r.err());
        assertNoStackTrace(r);
        assertFalse(Files.exists(out), "nothing is written for a refused scenario");
    }

    @Test
    void missing_files_directories_and_bad_options_exit_2() {
        Result missing = execute("run", dir.resolve("nope.yaml").toString());
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("nope.yaml: no such file"), missing.err());
        assertNoStackTrace(missing);
        Result directory = execute("validate", dir.toString());
        assertEquals(2, directory.exit());
        assertTrue(directory.err().contains("is a directory"), directory.err());
        Result option = execute("run", "--bogus");
        assertEquals(2, option.exit());
        Result format = execute("run", "x.yaml", "--format", "gif");
        assertEquals(2, format.exit());
        assertTrue(format.err().contains("gif"), format.err());
    }

    @Test
    void validate_checks_every_file_and_exits_2_if_any_is_wrong() throws Exception {
        Path good = scenario("good.yaml", SCENARIO);
        Path bad = scenario("bad.yaml", SCENARIO.replace("end: 2050", "end: 2020"));
        Result ok = execute("validate", good.toString());
        assertEquals(0, ok.exit(), ok.err());
        assertTrue(ok.out().contains("good.yaml: ok"), ok.out());
        Result mixed = execute("validate", good.toString(), bad.toString());
        assertEquals(2, mixed.exit());
        assertTrue(mixed.err().contains(bad + ":2:"), mixed.err());
        assertTrue(mixed.err().contains("before `time.start`"), mixed.err());
        assertNoStackTrace(mixed);
    }

    @Test
    void validate_checks_sweep_files_and_takes_overrides() throws Exception {
        Path base = scenario("base.yaml", SCENARIO);
        Path sweep = scenario("sweep.yaml", """
                sweep: S
                scenario: base.yaml
                design: random
                parameters:
                  services.care.cost.growth: {uniform: [4%, 8%]}
                outputs: [crossover_year]
                """);
        assertEquals(0, execute("validate", sweep.toString()).exit());
        Files.writeString(sweep, Files.readString(sweep).replace("crossover_year", "crossover_yr"));
        Result bad = execute("validate", sweep.toString());
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("did you mean `crossover_year`?"), bad.err());
        Result set = execute("validate", base.toString(), "--set", "time.end=2000");
        assertEquals(2, set.exit());
        assertTrue(set.err().contains("before `time.start`"), set.err());
    }

    @Test
    void a_numeric_blow_up_exits_2_naming_variable_and_year() throws Exception {
        Path file = scenario("boom.yaml", SCENARIO.replace("growth: 6%", "growth: 1e300"));
        Result r = execute("run", file.toString(), "--out", dir.resolve("b").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("service.care.cost became infinite in 2027/28"), r.err());
        assertFalse(Files.exists(dir.resolve("b")));
    }

    @Test
    void chart_options_give_pdf_printed_sizes_and_real_terms() throws Exception {
        Path file = scenario("test.yaml", SCENARIO.replace("income:", "drivers:\n  cpi: 2%\nincome:"));
        Path out = dir.resolve("c");
        Result r = execute("run", file.toString(), "--out", out.toString(), "--format", "png,pdf", "--size", "16x9cm",
                "--dpi", "300", "--prices", "real", "--deflator", "cpi", "--base-year", "2030");
        assertEquals(0, r.exit(), r.err());
        for (String chart : List.of("graph-of-doom", "reserves", "budget-gap", "failure-demand")) {
            byte[] pdf = Files.readAllBytes(out.resolve(chart + ".pdf"));
            assertEquals("%PDF", new String(pdf, 0, 4, java.nio.charset.StandardCharsets.US_ASCII), chart);
            java.awt.image.BufferedImage png = javax.imageio.ImageIO.read(out.resolve(chart + ".png").toFile());
            // 16 cm at 300 dpi is 1890 pixels; 9 cm is 1063
            assertEquals(1890, png.getWidth(), chart);
            assertEquals(1063, png.getHeight(), chart);
        }
    }

    @Test
    void bad_chart_options_exit_2_before_anything_is_written() throws Exception {
        Path file = scenario("test.yaml", SCENARIO);
        for (String[] bad : List.of(new String[] {"--prices", "real"}, new String[] {"--prices", "real", "--deflator", "nope"},
                new String[] {"--size", "big"}, new String[] {"--size", "10x10"}, new String[] {"--prices", "gold"})) {
            Path out = dir.resolve("bad" + bad.length + bad[bad.length - 1]);
            List<String> args = new java.util.ArrayList<>(List.of("run", file.toString(), "--out", out.toString()));
            args.addAll(List.of(bad));
            Result r = execute(args.toArray(String[]::new));
            assertEquals(2, r.exit(), String.join(" ", bad) + ": " + r.err());
            assertNoStackTrace(r);
            assertFalse(Files.exists(out), String.join(" ", bad));
        }
    }

    @Test
    void compare_names_both_scenarios_and_writes_the_comparison() throws Exception {
        Path a = scenario("a.yaml", SCENARIO);
        Path b = scenario("b.yaml", SCENARIO.replace("name: Test council", "name: Faster growth").replace("6%", "8%"));
        Path out = dir.resolve("cmp");
        Result r = execute("compare", a.toString(), b.toString(), "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("Test council") && r.out().contains("Faster growth"), r.out());
        // rows named as `run` names them, a year's difference saying which way is worse
        assertFalse(r.out().contains("crossover_year") || r.out().contains("gap_year"), r.out());
        int base = org.pressure.engine.council.Scenarios.compile(a, List.of()).run().indicators().crossoverYear();
        int faster = org.pressure.engine.council.Scenarios.compile(b, List.of()).run().indicators().crossoverYear();
        assertTrue(faster < base, "the test needs an earlier crossover");
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("  Statutory costs overtake income ") && l.endsWith(
                (base - faster) + " year" + (base - faster == 1 ? "" : "s") + " earlier (worse)")), r.out());
        assertFalse(r.out().contains("Exceptional financial support"), "a feature neither uses has no row");
        for (String f : List.of("comparison.csv", "comparison.png", "comparison.svg")) assertTrue(Files.exists(out.resolve(f)), f);
        assertEquals(1 + 2 * 26, Files.readAllLines(out.resolve("comparison.csv")).size());
        assertEquals(2, execute("compare", a.toString()).exit(), "one scenario is not a comparison");
    }

    @Test
    void an_output_folder_that_is_a_file_exits_2() throws Exception {
        Path file = scenario("test.yaml", SCENARIO);
        Path blocker = scenario("afile", "not a folder");
        Result r = execute("run", file.toString(), "--out", blocker.toString(), "--no-chart");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("cannot write here"), r.err());
        assertNoStackTrace(r);
        assertEquals("not a folder", Files.readString(blocker), "nothing the program did not write is touched");
    }

    @Test
    void help_lists_commands_and_exit_codes() {
        Result r = execute("--help");
        assertEquals(0, r.exit());
        assertTrue(r.out().contains("run") && r.out().contains("validate") && r.out().contains("Exit codes"), r.out());
    }

    @Test
    void pressure_alone_names_its_own_help() {
        Result r = execute();
        assertEquals(2, r.exit());
        assertEquals("Missing command: run, validate, sweep, solve, discover, compare, report, backtest, serve, publish, "
                + "import, nation, schema, init, generate-completion or help\nRun `pressure --help` for its options.\n", r.err());
    }

    @Test
    void results_csv_prints_numbers_as_a_person_writes_them_and_exactly_with_exact() throws Exception {
        // growth in binary leaves noise in the last digits (640.2238379999999 for 633.258 * 1.011)
        Path file = scenario("noise.yaml", SCENARIO.replace("tax: {start: 100, growth: 2%}", "tax: {start: 633.258, growth: 1.1%}"));
        var r = org.pressure.engine.council.Scenarios.compile(file, List.of()).run();
        Path plain = dir.resolve("plain"), exact = dir.resolve("exact");
        assertEquals(0, execute("run", file.toString(), "--out", plain.toString(), "--no-chart").exit());
        assertEquals(0, execute("run", file.toString(), "--out", exact.toString(), "--no-chart", "--exact").exit());
        List<String> readable = Files.readAllLines(plain.resolve("results.csv"));
        List<String> precise = Files.readAllLines(exact.resolve("results.csv"));
        String[] header = readable.get(0).split(",");
        int tax = Arrays.asList(header).indexOf("income.tax");
        assertEquals("640.223838", readable.get(2).split(",")[tax]);
        for (int i = 1; i < readable.size(); i++) {
            String[] row = readable.get(i).split(","), exactRow = precise.get(i).split(",");
            for (int c = 1; c < row.length; c++) {
                double want = r.column(header[c])[i - 1];
                assertEquals(want, Double.parseDouble(exactRow[c]), 0.0, "--exact reads back: " + header[c]);
                assertTrue(row[c].replaceAll("[-.]", "").replaceFirst("^0+", "").length() <= 12, row[c]);
                assertFalse(row[c].contains("e") || row[c].contains("E"), row[c]);
                assertEquals(want, Double.parseDouble(row[c]), 1e-9 * Math.max(1, Math.abs(want)), header[c]);
            }
        }
        assertTrue(precise.stream().anyMatch(l -> l.matches(".*\\d{13,}.*")), "the exact file has the long digits");
    }

    @Test
    void readable_numbers_round_to_twelve_digits_of_the_column_s_largest() {
        assertEquals("633.258", org.pressure.engine.io.CsvText.readable(633.2579999999999, 633.2579999999999));
        assertEquals("0", org.pressure.engine.io.CsvText.readable(-4.44e-16, 274.1));
        assertEquals("0.0041", org.pressure.engine.io.CsvText.readable(0.0041, 0.0041));
        assertEquals("0.0000000000015", org.pressure.engine.io.CsvText.readable(1.5e-12, 2e-12));
        assertEquals("-12345678901200", org.pressure.engine.io.CsvText.readable(-12345678901234.4, 0));
        assertEquals("NaN", org.pressure.engine.io.CsvText.readable(Double.NaN, 1));
    }

    @Test
    void a_year_s_difference_says_which_way_is_worse() {
        assertEquals("2 years earlier (worse)", CompareCommand.difference(2030, 2028, "gap_year", true));
        assertEquals("1 year later (better)", CompareCommand.difference(2030, 2031, "gap_year", true));
        assertEquals("now happens (worse)", CompareCommand.difference(null, 2031, "failure_year", true));
        assertEquals("never happens (better)", CompareCommand.difference(2031, null, "failure_year", true));
        assertEquals("same year", CompareCommand.difference(2031, 2031, "failure_year", true));
    }
}
