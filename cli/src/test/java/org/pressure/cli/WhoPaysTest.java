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

/** Who pays: cost by agency in `run`, its charts, and `compare` by agency, with amounts worked by hand. */
class WhoPaysTest {
    @TempDir
    Path dir;

    /** Two years; the council spends 70 a year (care 60, support 10), nhs 5, police 2. */
    static final String BASE = """
            name: Base
            time: {start: 2025, end: 2026}
            agencies: [nhs, police]
            income: {tax: 100}
            services:
              care: {cost: 60}
              support: {statutory: false, cost: 10}
              ae: {agency: nhs, cost: 5}
              cells: {agency: police, cost: 2}
            """;

    private Path file(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    private static CommandLineTest.Result execute(String... args) {
        return CommandLineTest.execute(args);
    }

    @Test
    void run_prints_who_pays_and_draws_who_pays_and_cohorts_only_where_the_file_has_them() throws Exception {
        Path out = dir.resolve("out");
        Path file = file("base.yaml", BASE + """
                cohorts:
                  people: {states: {a: 100, b: 50}, transitions: {a->b: 10%}}
                """);
        CommandLineTest.Result r = execute("run", file.toString(), "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        String table = r.out().substring(r.out().indexOf("  Who pays"), r.out().indexOf("\nWrote"));
        assertEquals("""
                  Who pays, 2025/26 to 2026/27                           cost   failure demand
                  council                                               140.0              0.0
                  nhs                                                    10.0              0.0
                  police                                                  4.0              0.0
                  public purse (all of the above)                       154.0              0.0
                """, table);
        for (String chart : List.of("who-pays", "cohorts")) {
            assertTrue(Files.exists(out.resolve(chart + ".png")), chart);
            assertTrue(Files.exists(out.resolve(chart + ".svg")), chart);
        }
        String whoPays = Files.readString(out.resolve("who-pays.svg"));
        for (String legend : List.of(">council<", ">nhs<", ">police<", "council&apos;s budget gap before action")) {
            assertTrue(whoPays.contains(legend), legend);
        }
        String cohorts = Files.readString(out.resolve("cohorts.svg"));
        assertTrue(cohorts.contains("people in the cohort people, by state"), "titled by the cohort");

        Path plain = dir.resolve("plain");
        assertEquals(0, execute("run", file("plain.yaml", CommandLineTest.SCENARIO).toString(), "--out",
                plain.toString()).exit());
        assertFalse(Files.exists(plain.resolve("who-pays.png")), "no agencies, no who-pays chart");
        assertFalse(Files.exists(plain.resolve("cohorts.png")), "no cohorts, no cohorts chart");
        assertFalse(execute("run", plain.resolve("../plain.yaml").toString(), "--no-chart", "--out",
                plain.toString()).out().contains("Who pays"));
    }

    @Test
    void compare_says_who_saves_and_who_pays_and_writes_agency_columns_and_a_chart() throws Exception {
        Path a = file("a.yaml", BASE);
        // council 64 a year (saves 12 over two years), nhs 8 (pays 6 more), police unchanged
        Path b = file("b.yaml", BASE.replace("name: Base", "name: Cut").replace("cost: 10", "cost: 4")
                .replace("cost: 5", "cost: 8"));
        // police 3.7 a year: 3.4 more over two years; nothing else changes
        Path c = file("c.yaml", BASE.replace("name: Base", "name: Police").replace("cost: 2", "cost: 3.7"));
        Path out = dir.resolve("cmp");
        CommandLineTest.Result r = execute("compare", a.toString(), b.toString(), c.toString(), "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        String text = r.out();
        assertTrue(text.contains("""
                  Who pays, 2025/26 to 2026/27            [1]          [2]      [2]-[1]
                  council                              140.00       128.00       -12.00
                  nhs                                   10.00        16.00        +6.00
                  police                                 4.00         4.00        +0.00
                  public purse                         154.00       148.00        -6.00
                  [2] against [1]: the council saves £12.0m; nhs pays £6.0m more; the cost to police does not change; \
                the public purse is £6.0m better off.
                """), text);
        assertTrue(text.contains("  [3] against [1]: the costs to the council and nhs do not change; police pays "
                + "£3.4m more; the public purse is £3.4m worse off.\n"), text);

        List<String> csv = Files.readAllLines(out.resolve("comparison.csv"));
        assertTrue(csv.get(0).endsWith(",diff.reserves,agency.council.cost,agency.nhs.cost,agency.police.cost,public_cost,"
                + "diff.agency.council.cost,diff.agency.nhs.cost,diff.agency.police.cost,diff.public_cost"), csv.get(0));
        assertTrue(csv.get(3).startsWith("2025,b,"), csv.get(3));
        assertTrue(csv.get(3).endsWith(",64,8,2,74,-6,3,0,-3"), csv.get(3));
        assertTrue(csv.get(1).endsWith(",70,5,2,77,0,0,0,0"), csv.get(1));
        assertTrue(Files.exists(out.resolve("comparison-agencies.png")));
        String svg = Files.readString(out.resolve("comparison-agencies.svg"));
        assertTrue(svg.contains("Who saves, who pays: each scenario against the first"), "titled");
        assertTrue(svg.contains("public purse (all bodies)"), "the public purse in the legend");
    }

    @Test
    void compare_without_agencies_adds_nothing() throws Exception {
        Path a = file("a.yaml", CommandLineTest.SCENARIO);
        Path b = file("b.yaml", CommandLineTest.SCENARIO.replace("6%", "7%"));
        Path out = dir.resolve("cmp");
        CommandLineTest.Result r = execute("compare", a.toString(), b.toString(), "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertFalse(r.out().contains("Who pays"), r.out());
        assertFalse(Files.exists(out.resolve("comparison-agencies.png")));
        assertTrue(Files.readAllLines(out.resolve("comparison.csv")).get(0).endsWith(",diff.reserves"));
    }

    @Test
    void an_agency_only_one_scenario_lists_costs_nothing_in_the_other() throws Exception {
        Path a = file("a.yaml", CommandLineTest.SCENARIO.replace("time: {start: 2025, end: 2050}",
                "time: {start: 2025, end: 2026}"));
        // the same council (care 50 growing 6%, other 30) with an nhs service of 5 a year
        Path b = file("b.yaml", CommandLineTest.SCENARIO.replace("time: {start: 2025, end: 2050}",
                "time: {start: 2025, end: 2026}\nagencies: [nhs]").replace("floor: 10%}\n",
                "floor: 10%}\n  ae: {agency: nhs, cost: 5}\n"));
        // a third scenario's agency plays no part in the second against the first
        Path c = file("c.yaml", CommandLineTest.SCENARIO.replace("time: {start: 2025, end: 2050}",
                "time: {start: 2025, end: 2026}\nagencies: [police]").replace("floor: 10%}\n",
                "floor: 10%}\n  cells: {agency: police, cost: 2}\n"));
        CommandLineTest.Result r = execute("compare", a.toString(), b.toString(), c.toString(), "--out",
                dir.resolve("o").toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("[2] against [1]: the cost to the council does not change; nhs pays £10.0m more; "
                + "the public purse is £10.0m worse off.\n"), r.out());
        assertTrue(r.out().contains("[3] against [1]: the cost to the council does not change; police pays £4.0m more; "
                + "the public purse is £4.0m worse off.\n"), r.out());
        List<String> csv = Files.readAllLines(dir.resolve("o").resolve("comparison.csv"));
        assertTrue(csv.get(0).endsWith(",agency.council.cost,agency.nhs.cost,agency.police.cost,public_cost,"
                + "diff.agency.council.cost,diff.agency.nhs.cost,diff.agency.police.cost,diff.public_cost"), csv.get(0));
        // the first scenario lists no agency: its council costs 80 (care 50, other 30), nhs and police nothing
        assertTrue(csv.get(1).endsWith(",80,0,0,80,0,0,0,0"), csv.get(1));
        assertTrue(csv.get(5).startsWith("2025,c,") && csv.get(5).endsWith(",80,0,2,82,0,0,2,2"), csv.get(5));
    }

    @Test
    void the_report_shows_who_pays_in_each_scenario_and_who_saves_and_who_pays_between_them() throws Exception {
        Path a = file("a.yaml", BASE);
        Path b = file("b.yaml", BASE.replace("name: Base", "name: Cut").replace("cost: 10", "cost: 4")
                .replace("cost: 5", "cost: 8"));
        Path out = dir.resolve("report");
        CommandLineTest.Result r = execute("report", a.toString(), b.toString(), "--out", out.toString(), "--format", "png");
        assertEquals(0, r.exit(), r.err());
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("From 2025/26 to 2026/27 the public purse bears £154.0m: the council £140.0m (90.9%), "
                + "nhs £10.0m (6.5%) and police £4.0m (2.6%)."), "who pays in Base");
        assertTrue(html.contains("2. Cut against 1. Base, 2025/26 to 2026/27: the council saves £12.0m; nhs pays £6.0m "
                + "more; the cost to police does not change; the public purse is £6.0m better off."), "in words");
        assertTrue(html.contains("Cost to each public body (£m)"), "year by year by body");
        ReportCommandTest.parse(html); // still well-formed
        for (String f : List.of("comparison-agencies.png", "a-who-pays.png", "b-who-pays.png")) {
            assertTrue(Files.exists(out.resolve(f)), f);
        }
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(out.resolve("report.xlsx").toFile())) {
            assertEquals(List.of("Summary", "Results", "By year", "Who pays", "Assumptions"), List.of(book.getSheetName(0),
                    book.getSheetName(1), book.getSheetName(2), book.getSheetName(3), book.getSheetName(4)));
            var sheet = book.getSheet("Who pays");
            var cut = sheet.getRow(8);
            assertEquals("Cut", cut.getCell(0).getStringCellValue());
            assertEquals("public purse", cut.getCell(1).getStringCellValue());
            assertEquals(148, cut.getCell(2).getNumericCellValue());
            assertEquals(154, cut.getCell(8).getNumericCellValue());
            assertEquals(-6, cut.getCell(9).getNumericCellValue());
            assertEquals("the council saves £12.0m; nhs pays £6.0m more; the cost to police does not change; "
                    + "the public purse is £6.0m better off", cut.getCell(10).getStringCellValue());
            assertEquals("nhs", sheet.getRow(6).getCell(1).getStringCellValue());
            assertEquals(16, sheet.getRow(6).getCell(2).getNumericCellValue());
            var summary = book.getSheet("Summary");
            boolean found = false;
            for (var row : summary) {
                if (row.getCell(1) != null && row.getCell(1).getStringCellValue().equals("agencies.nhs.cost")
                        && row.getCell(0).getStringCellValue().equals("Base")) {
                    assertEquals(10, row.getCell(2).getNumericCellValue());
                    found = true;
                }
            }
            assertTrue(found, "the agencies block in Summary");
        }
    }
}
