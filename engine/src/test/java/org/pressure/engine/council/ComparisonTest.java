package org.pressure.engine.council;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComparisonTest {
    @TempDir
    Path dir;

    private static CouncilResult run(String prevention, String care) {
        return Scenarios4Test.run("""
                name: P
                time: {start: 2025, end: 2030}
                income:
                  tax: 1000
                services:
                  care: {cost: %s}
                  prevention: {statutory: false, cost: %s}
                """.formatted(care, prevention));
    }

    @Test
    void payback_is_the_first_year_the_cumulative_extra_cost_is_back_to_zero() {
        CouncilResult base = run("10", "100");
        // invests 10 more a year in prevention from the start; care falls by 25 a year from 2027:
        // cumulative extra cost 10, 20, 5, -10: paid back by 2028
        CouncilResult invest = run("20", "{values: {2025: 100, 2026: 100, 2027: 75}, interpolate: step}");
        Comparison c = new Comparison(List.of("base", "invest"), List.of(base, invest));
        Comparison.Payback p = c.payback(1);
        assertEquals(Comparison.PaybackKind.PAID_BACK, p.kind());
        assertEquals(2028, p.year());
        assertEquals(20, p.peakExtraCost(), 1e-12);
        assertEquals(2026, p.peakYear());
        assertEquals(Comparison.PaybackKind.NOT_AN_INVESTMENT, new Comparison(List.of("a", "b"),
                List.of(base, run("20", "100"))).payback(1).kind(), "dearer every year: no payback test");
        Comparison.Payback never = new Comparison(List.of("a", "b"), List.of(base,
                run("40", "{values: {2025: 100, 2029: 50}, interpolate: step}"))).payback(1);
        // 30 more a year to 2028, 20 less in 2029 and 2030: 120 owed at the peak, 80 still owed at the end
        assertEquals(Comparison.PaybackKind.NEVER, never.kind());
        assertEquals(120, never.peakExtraCost(), 1e-12);
        assertEquals(2028, never.peakYear());
        assertEquals(Comparison.PaybackKind.NO_EXTRA_COST, new Comparison(List.of("a", "b"), List.of(base, run("5", "100")))
                .payback(1).kind());
    }

    @Test
    void a_cut_to_prevention_is_counted_by_its_failure_demand_not_also_as_spending() {
        String scenario = """
                name: P
                time: {start: 2025, end: 2027}
                income:
                  tax: %s
                services:
                  care: {cost: 100}
                  prevention: {statutory: false, cost: 10}
                failure_demand:
                  - {from: prevention, to: care, cost_per_m: 2, delay: 1}
                """;
        CouncilResult base = Scenarios4Test.run(scenario.formatted("110"));
        CouncilResult capped = Scenarios4Test.run(scenario.formatted("105"));
        // capped cuts prevention by 5 in 2025 (saving 5 that year), by all 10 from 2026 as care costs 2 x 5, then
        // 2 x 10 more: its cost is 105, 110, 120 against 110 a year, so its cumulative extra cost is -5, -5, 5
        assertEquals(5, capped.value("service.prevention.cut", 2025), 1e-12);
        assertEquals(100 + 10 - 5, Comparison.cost(capped, 2025), 1e-12);
        assertEquals(110 + 10 - 10, Comparison.cost(capped, 2026), 1e-12);
        assertEquals(120 + 10 - 10, Comparison.cost(capped, 2027), 1e-12);
        Comparison.Payback p = new Comparison(List.of("base", "capped"), List.of(base, capped)).payback(1);
        assertEquals(Comparison.PaybackKind.NOT_AN_INVESTMENT, p.kind(), "a cap is not an investment to pay back");
        assertEquals(5, p.peakExtraCost(), 1e-12);
        assertEquals(2027, p.peakYear());
    }

    @Test
    void comparison_csv_has_each_scenario_by_year_with_differences_from_the_first() throws Exception {
        Comparison c = new Comparison(List.of("base", "more"), List.of(run("10", "100"), run("10", "130")));
        Path csv = dir.resolve("comparison.csv");
        c.writeCsv(csv);
        List<String> lines = Files.readAllLines(csv);
        assertEquals(1 + 6 + 6, lines.size());
        assertTrue(lines.get(0).startsWith("year,scenario,income,statutory_spend,"), lines.get(0));
        assertTrue(lines.get(0).contains(",diff.statutory_spend,"), lines.get(0));
        String[] more2025 = lines.get(7).split(",");
        assertEquals("more", more2025[1]);
        assertEquals("130", more2025[3]);
        assertEquals("30", more2025[2 + 8 + 1], "diff.statutory_spend = 130 - 100");
    }
}
