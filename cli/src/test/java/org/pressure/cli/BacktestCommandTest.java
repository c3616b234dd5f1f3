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

/** {@code pressure backtest}: the errors worked by hand, backtest.csv, the charts, and bad observed files. */
class BacktestCommandTest {
    @TempDir
    Path dir;

    /** Income 100, 125, 156.25, 195.3125, 244.140625 (exact in binary); care 50 a year. */
    static final String SCENARIO = """
            name: Backtest council
            time: {start: 2020, end: 2024}
            income:
              tax: {start: 100, growth: 25%}
            services:
              care: {cost: 50}
            budget:
              reserves: {opening: 10}
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
    void prints_the_errors_worked_by_hand_and_writes_backtest_csv_and_a_chart_per_column() throws Exception {
        Path scenario = file("council.yaml", SCENARIO);
        // income: 2020 +20 on 80, 2022 -3.75 on 160 (2021 empty: not observed)
        // care: +10 on 40, +50 on 0 (left out of the percentage), -5 on 55
        Path observed = file("actuals.csv", """
                year,income,service.care.cost,reserves
                2020,80,40,
                2021,,0,

                2022, 160 ,"55",
                """);
        Path out = dir.resolve("out");
        CommandLineTest.Result r = execute("backtest", scenario.toString(), "--observed", observed.toString(),
                "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("Backtest council: projected against observed", lines.get(0));
        // mean error (20 - 3.75) / 2 = 8.125; MAPE (20/80 + 3.75/160) / 2 = 13.671875%
        assertEquals("  income                    2 (2020/21, 2022/23)           +8.13    13.7%  +20.00 in 2020/21",
                lines.get(5));
        // mean error (10 + 50 - 5) / 3 = 18.333; MAPE (10/40 + 5/55) / 2 = 17.045%
        assertEquals("  service.care.cost         3 (2020/21 to 2022/23)        +18.33    17.0%  +50.00 in 2021/22",
                lines.get(6));
        assertEquals("  service.care.cost: MAPE leaves out 1 year observed as 0", lines.get(7));
        assertEquals("  reserves: no observed values (every cell empty); not compared", lines.get(8));
        assertTrue(lines.get(4).startsWith("  column                    years compared"), lines.get(4));

        assertEquals(List.of("year,column,projected,observed,error",
                "2020,income,100,80,20",
                "2022,income,156.25,160,-3.75",
                "2020,service.care.cost,50,40,10",
                "2021,service.care.cost,50,0,50",
                "2022,service.care.cost,50,55,-5"), Files.readAllLines(out.resolve("backtest.csv")));
        try (var files = Files.list(out)) {
            assertEquals(List.of("backtest-income.png", "backtest-income.svg", "backtest-service.care.cost.png",
                    "backtest-service.care.cost.svg", "backtest.csv"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        String svg = Files.readString(out.resolve("backtest-income.svg"));
        assertTrue(svg.contains("Observed") && svg.contains("Projected"), "legend names both");
        assertTrue(svg.contains("largest miss +20.00 in 2020/21"), "the errors in words under the title");
    }

    @Test
    void overrides_apply_before_the_comparison() throws Exception {
        Path scenario = file("council.yaml", SCENARIO);
        Path observed = file("actuals.csv", "year,income\n2021,125\n");
        Path out = dir.resolve("out");
        CommandLineTest.Result r = execute("backtest", scenario.toString(), "--observed", observed.toString(),
                "--out", out.toString(), "--set", "income.tax.start=80", "--no-chart");
        assertEquals(0, r.exit(), r.err());
        // 80 * 1.25 = 100 against 125: -25, 20%
        assertEquals(List.of("year,column,projected,observed,error", "2021,income,100,125,-25"),
                Files.readAllLines(out.resolve("backtest.csv")));
        assertTrue(r.out().contains("  income                    1 (2021/22)           -25.00    20.0%  -25.00 in 2021/22\n"),
                r.out());
    }

    @Test
    void unknown_columns_years_outside_and_bad_cells_are_named_with_line_and_column_and_nothing_is_written()
            throws Exception {
        Path scenario = file("council.yaml", SCENARIO);
        Path observed = file("actuals.csv", """
                year,incme,reserves,service.care.cots
                2019,1,2,3
                2020,1,abc,3
                2021,1,2,3
                2021,1,2,3
                2025,1,2,3
                """);
        Path out = dir.resolve("out");
        CommandLineTest.Result r = execute("backtest", scenario.toString(), "--observed", observed.toString(),
                "--out", out.toString());
        assertEquals(2, r.exit());
        assertEquals(observed + ":1:6: `incme` is not a column of this scenario's results.csv; did you mean `income`?; "
                + "the observed columns must be named as in results.csv (for example income, reserves, service.NAME.cost)\n"
                + observed + ":1:21: `service.care.cots` is not a column of this scenario's results.csv; did you mean "
                + "`service.care.cost`?; the observed columns must be named as in results.csv (for example income, "
                + "reserves, service.NAME.cost)\n"
                + observed + ":2:1: year 2019 (2019/20) is outside the scenario, which runs from 2020 to 2024 "
                + "(2020/21 to 2024/25)\n"
                + observed + ":3:8: column `reserves`, year 2020: `abc` is not a number; write a plain number such as 2.5 "
                + "or -1e3, or a percentage such as 4.99%, or leave the cell empty\n"
                + observed + ":5:1: year 2021 appears twice (also on line 4)\n"
                + observed + ":6:1: year 2025 (2025/26) is outside the scenario, which runs from 2020 to 2024 "
                + "(2020/21 to 2024/25)\n", r.err());
        assertFalse(Files.exists(out));

        Path years = file("years.csv", """
                year,reserves
                2019,2
                2020,abc
                2021,2
                2021,3
                2025,1
                x,1
                """);
        r = execute("backtest", scenario.toString(), "--observed", years.toString(), "--out", out.toString());
        assertEquals(2, r.exit());
        assertEquals(years + ":2:1: year 2019 (2019/20) is outside the scenario, which runs from 2020 to 2024 "
                + "(2020/21 to 2024/25)\n"
                + years + ":3:6: column `reserves`, year 2020: `abc` is not a number; write a plain number such as 2.5 "
                + "or -1e3, or a percentage such as 4.99%, or leave the cell empty\n"
                + years + ":5:1: year 2021 appears twice (also on line 4)\n"
                + years + ":6:1: year 2025 (2025/26) is outside the scenario, which runs from 2020 to 2024 "
                + "(2020/21 to 2024/25)\n"
                + years + ":7:1: `x` in column `year` is not a year; write 2025 for 2025/26\n", r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void a_file_without_a_year_column_or_without_columns_to_compare_is_refused() throws Exception {
        Path scenario = file("council.yaml", SCENARIO);
        Path noYear = file("a.csv", "income,reserves\n100,2\n");
        CommandLineTest.Result r = execute("backtest", scenario.toString(), "--observed", noYear.toString());
        assertEquals(2, r.exit());
        assertEquals(noYear + ":1:1: the header needs a `year` column (financial years as 2025 for 2025/26); it has "
                + "income, reserves\n", r.err());
        Path capital = file("f.csv", "Year,income\n2020,100\n");
        r = execute("backtest", scenario.toString(), "--observed", capital.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith(capital + ":1:1: `Year` is not a column of this scenario's results.csv; did you mean "
                + "`year`?"), r.err());
        Path yearOnly = file("b.csv", "year\n2020\n");
        r = execute("backtest", scenario.toString(), "--observed", yearOnly.toString());
        assertEquals(2, r.exit());
        assertEquals(yearOnly + ":1:1: the header names no results.csv column to compare; add columns such as income "
                + "or reserves beside `year`\n", r.err());
        Path wide = file("c.csv", "year,income\n2020,1,2\n");
        r = execute("backtest", scenario.toString(), "--observed", wide.toString());
        assertEquals(2, r.exit());
        assertEquals(wide + ":2:8: this row has 3 cells but the header has 2 columns\n", r.err());
        Path headerOnly = file("d.csv", "year,income\n");
        r = execute("backtest", scenario.toString(), "--observed", headerOnly.toString());
        assertEquals(2, r.exit());
        assertEquals(headerOnly + ":1:1: holds no observed value to compare: there is no row after the header; add a row "
                + "per observed year, such as `2020,123.4`\n", r.err());
        Path blank = file("e.csv", "year,income\n2020,\n2021,\n");
        r = execute("backtest", scenario.toString(), "--observed", blank.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith(blank + ":1:1: holds no observed value to compare: every cell beside `year` is empty"),
                r.err());
        r = execute("backtest", scenario.toString(), "--observed", dir.resolve("missing.csv").toString());
        assertEquals(2, r.exit());
        assertEquals(dir.resolve("missing.csv") + ": no such file\n", r.err());
        r = execute("backtest", scenario.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--observed"), r.err());
    }
}
