package org.pressure.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pressure report ... --sweep DIR}: a sweep's results, and a box found in its folder, in the page and the workbook. */
class ReportSweepTest {
    @TempDir
    Path dir;

    private Path sweepFolder() throws Exception {
        Files.writeString(dir.resolve("base.yaml"), CommandLineTest.SCENARIO);
        Path file = dir.resolve("sweep.yaml");
        Files.writeString(file, """
                sweep: Care and tax
                scenario: base.yaml
                design: latin_hypercube
                runs: 300
                seed: 5
                parameters:
                  services.care.cost.growth: {uniform: [3%, 8%]}
                  income.tax.growth: {uniform: [0%, 5%]}
                outputs: [crossover_year, cumulative_gap]
                """);
        Path out = dir.resolve("sweep-out");
        CommandLineTest.Result s = CommandLineTest.execute("sweep", file.toString(), "--out", out.toString(), "--format", "svg");
        assertEquals(0, s.exit(), s.err());
        return out;
    }

    @Test
    void a_sweep_and_its_discovered_box_go_into_report_html_and_a_sheet_of_report_xlsx() throws Exception {
        Path sweep = sweepFolder();
        CommandLineTest.Result d = CommandLineTest.execute("discover", sweep.toString(), "--where", "crossover_year <= 2035",
                "--format", "svg");
        assertEquals(0, d.exit(), d.err());
        Path out = dir.resolve("report");
        CommandLineTest.Result r = CommandLineTest.execute("report", dir.resolve("base.yaml").toString(), "--sweep",
                sweep.toString(), "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        String html = Files.readString(out.resolve("report.html"));
        for (String s : new String[] {"Sweep 1. Care and tax", "What was varied", "services.care.cost.growth", "uniform [3%, 8%]",
            "Probability by year", "fan-budget_gap.svg", "Where the runs of interest concentrate (PRIM)",
            "Runs of interest: crossover_year &lt;= 2035", "prim-scatter.svg", "href=\"#sweep-1\""}) {
            assertTrue(html.contains(s), s);
        }
        // a share the sweep file wrote as a percentage reads as one: lowest, median, highest
        assertTrue(java.util.regex.Pattern.compile("<code>services.care.cost.growth</code></th><td><code>uniform \\[3%, 8%\\]"
                + "</code></td><td class=\"num\">3\\.0\\d%</td><td class=\"num\">5\\.\\d\\d%</td><td class=\"num\">7\\.9\\d%</td>")
                .matcher(html).find(), html);
        assertFalse(html.contains("jfreesvg"), "inlined SVG files carry no foreign namespace");
        // the by-year table's last row is summary.json's share crossed by 2050/51
        var crossover = new com.fasterxml.jackson.databind.ObjectMapper().readTree(sweep.resolve("summary.json").toFile())
                .at("/outputs/crossover_year/by_year/2050");
        assertTrue(html.contains("<th scope=\"row\">2050/51</th><td class=\"num\">"
                + String.format(java.util.Locale.ROOT, "%.1f%%", 100 * crossover.asDouble()) + "</td>"), crossover.toString());
        assertTrue(Files.exists(out.resolve("sweep1-probability-by-year.png")));
        try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(out.resolve("report.xlsx")))) {
            Sheet sheet = book.getSheetAt(4); // after Summary, Results, By year and Assumptions
            assertEquals("Sweep 1 Care and tax", sheet.getSheetName());
            assertEquals("Care and tax", sheet.getRow(0).getCell(1).getStringCellValue());
            assertEquals(300, sheet.getRow(4).getCell(1).getNumericCellValue());
            boolean box = false;
            for (var row : sheet) if (row.getCell(0) != null && "box (PRIM)".equals(row.getCell(0).toString())) box = true;
            assertTrue(box, "the box has its rows");
        }
    }

    @Test
    void a_sobol_sweep_gets_tornado_charts_with_its_confidence_intervals() throws Exception {
        Files.writeString(dir.resolve("base.yaml"), CommandLineTest.SCENARIO);
        Path file = dir.resolve("sobol.yaml");
        Files.writeString(file, """
                sweep: Sobol
                scenario: base.yaml
                design: sobol
                runs: 16
                parameters:
                  services.care.cost.growth: {uniform: [3%, 8%]}
                  income.tax.growth: {uniform: [0%, 5%]}
                outputs: [cumulative_gap]
                trajectories: []
                """);
        Path sweep = dir.resolve("sobol-out");
        assertEquals(0, CommandLineTest.execute("sweep", file.toString(), "--out", sweep.toString()).exit());
        Path out = dir.resolve("report");
        CommandLineTest.Result r = CommandLineTest.execute("report", dir.resolve("base.yaml").toString(), "--sweep",
                sweep.toString(), "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("What moves cumulative_gap most"), "a tornado for the output");
        assertTrue(html.contains("(whiskers: 95% confidence interval)"), "the axis says what the whiskers are");
        assertTrue(html.contains("each with the half-width of its 95% confidence interval as whiskers"), "and so does the caption");
        assertFalse(html.contains("(tornado-cumulative_gap.svg)"), "drawn from sensitivity.csv, not the sweep's chart");
    }

    @Test
    void a_folder_that_is_not_a_sweeps_is_refused_naming_the_option() throws Exception {
        Files.writeString(dir.resolve("base.yaml"), CommandLineTest.SCENARIO);
        Files.createDirectories(dir.resolve("empty"));
        CommandLineTest.Result r = CommandLineTest.execute("report", dir.resolve("base.yaml").toString(), "--sweep",
                dir.resolve("empty").toString(), "--out", dir.resolve("r").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--sweep " + dir.resolve("empty") + ": this folder has no summary.json; give the output "
                + "folder of `pressure sweep`"), r.err());
        assertFalse(Files.exists(dir.resolve("r")));
    }

    @Test
    void the_percentiles_of_a_year_say_they_are_over_the_runs_in_which_it_happens() throws Exception {
        Files.writeString(dir.resolve("base.yaml"), CommandLineTest.SCENARIO);
        Path file = dir.resolve("sweep.yaml");
        Files.writeString(file, """
                sweep: Care and tax
                scenario: base.yaml
                design: latin_hypercube
                runs: 200
                seed: 5
                parameters:
                  services.care.cost.growth: {uniform: [3%, 8%]}
                  income.tax.growth: {uniform: [0%, 5%]}
                outputs: [crossover_year, gap_year, cumulative_gap]
                """);
        Path out = dir.resolve("sweep-out");
        CommandLineTest.Result s = CommandLineTest.execute("sweep", file.toString(), "--out", out.toString(), "--no-chart");
        assertEquals(0, s.exit(), s.err());
        // the runs in which statutory costs never overtake income have an empty crossover_year
        java.util.List<String> runs = Files.readAllLines(out.resolve("runs.csv"));
        int col = java.util.Arrays.asList(runs.get(0).split(",", -1)).indexOf("crossover_year");
        long never = runs.stream().skip(1).filter(l -> l.split(",", -1)[col].isEmpty()).count();
        assertTrue(never > 0 && never < 200, "the test needs runs of both kinds: " + never);
        long happen = 100 - Math.round(100.0 * never / 200);
        assertTrue(s.out().lines().anyMatch(l -> l.startsWith("  crossover_year ") && l.endsWith(String.format(
                "%d%%  of the %d%% of runs in which statutory costs overtake income", 100 - happen, happen))), s.out());
        assertTrue(s.out().lines().anyMatch(l -> l.startsWith("  gap_year ") && l.contains("% of runs in which a gap opens")),
                s.out());
        assertTrue(s.out().lines().anyMatch(l -> l.startsWith("  cumulative_gap ") && !l.contains("of ")), s.out());
        Path report = dir.resolve("report");
        assertEquals(0, CommandLineTest.execute("report", dir.resolve("base.yaml").toString(), "--sweep", out.toString(),
                "--out", report.toString()).exit());
        String html = Files.readString(report.resolve("report.html"));
        assertTrue(html.contains("<code>crossover_year</code><span class=\"among\">percentiles of the "
                + String.format(java.util.Locale.ROOT, "%.1f%%", 100 - 100.0 * never / 200)
                + " of runs in which statutory costs overtake income</span>"), html);
    }

    @Test
    void the_words_for_the_runs_a_year_s_percentiles_are_over() {
        assertEquals("of the 89% of runs that fail", org.pressure.cli.report.SweepReport.among("failure_year", 0.11));
        assertEquals("of all runs", org.pressure.cli.report.SweepReport.among("gap_year", 0));
        assertEquals("", org.pressure.cli.report.SweepReport.among("gap_year", 1), "no run: no percentiles");
        assertEquals("of nearly all runs (over 99%) in which reserves fall below zero",
                org.pressure.cli.report.SweepReport.among("reserves_negative_year", 0.004));
        assertEquals("of the 60.5% of runs in which statutory costs overtake income",
                org.pressure.cli.report.SweepReport.among("crossover_year", 0.395, 1));
    }
}
