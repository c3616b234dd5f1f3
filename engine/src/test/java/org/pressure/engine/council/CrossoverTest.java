package org.pressure.engine.council;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Constant growth has closed-form answers: the crossover year is worked out by hand. */
class CrossoverTest {

    private static final String SCENARIO = """
            name: Closed form
            time: {start: 2025, end: 2060}
            income:
              tax: {start: 100, growth: 2%}
            services:
              care: {cost: {start: 50, growth: 6%}}
            """;

    @Test
    void statutory_cost_growing_faster_than_income_crosses_in_the_year_worked_by_hand() {
        // 50 * 1.06^n > 100 * 1.02^n  <=>  n > ln 2 / ln(1.06 / 1.02) = 18.02...  so n = 19: 2044/45
        CouncilResult r = Scenarios4Test.run(SCENARIO);
        assertEquals(2044, r.indicators().crossoverYear());
        assertEquals(2044, r.indicators().gapYear(), "with no discretionary spend the gap opens at the crossover");
        for (int n = 0; n < r.years(); n++) {
            assertEquals(100 * Math.pow(1.02, n), r.column("income")[n], 1e-9 * Math.pow(1.02, n) * 100);
            assertEquals(50 * Math.pow(1.06, n), r.column("statutory_spend")[n], 1e-9 * Math.pow(1.06, n) * 50);
        }
    }

    @Test
    void indicators_that_never_happen_are_null_and_sums_are_exact() {
        CouncilResult r = Scenarios4Test.run(SCENARIO.replace("end: 2060", "end: 2040"));
        assertNull(r.indicators().crossoverYear());
        assertNull(r.indicators().gapYear());
        // every year's surplus goes to reserves: R(end) = sum over n of (100*1.02^n - 50*1.06^n)
        double expected = 0;
        for (int n = 0; n <= 15; n++) expected += 100 * Math.pow(1.02, n) - 50 * Math.pow(1.06, n);
        assertEquals(expected, r.indicators().finalReserves(), 1e-9);
        assertNull(r.indicators().reservesExhaustedYear());
        assertEquals(50 * Math.pow(1.06, 15) / (100 * Math.pow(1.02, 15)), r.indicators().statutoryShareEnd(), 1e-12);
    }

    @Test
    void every_series_form_gives_its_defined_values() {
        CouncilResult r = Scenarios4Test.run("""
                name: Series forms
                time: {start: 2025, end: 2031}
                drivers:
                  constant: 2.5%
                  linear: {values: {2026: 10, 2030: 30}}
                  step: {values: {2026: 10, 2030: 30}, interpolate: step}
                  growth_by_series: {start: 100, growth: {values: {2025: 0%, 2027: 10%}, interpolate: step}}
                  named: constant
                  formula: "=linear * 2 + year - start_year"
                  lagged: "=previous(linear, -1)"
                income:
                  tax: 1
                services:
                  s: {cost: 0}
                """);
        assertArray(new double[] {0.025, 0.025, 0.025, 0.025, 0.025, 0.025, 0.025}, r.column("driver.constant"));
        assertArray(new double[] {10, 10, 15, 20, 25, 30, 30}, r.column("driver.linear"));
        assertArray(new double[] {10, 10, 10, 10, 10, 30, 30}, r.column("driver.step"));
        assertArray(new double[] {100, 100, 110, 121, 133.1, 146.41, 161.051}, r.column("driver.growth_by_series"));
        assertArray(r.column("driver.constant"), r.column("driver.named"));
        assertArray(new double[] {20, 21, 32, 43, 54, 65, 66}, r.column("driver.formula"));
        assertArray(new double[] {-1, 10, 10, 15, 20, 25, 30}, r.column("driver.lagged"));
    }

    static void assertArray(double[] expected, double[] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-9 * Math.max(1, Math.abs(expected[i])), "at index " + i);
        }
    }

    @Test
    void rounding_in_a_sum_opens_no_gap_and_no_crossover() {
        // 30.1 + 60.2 - 90.3 is 1.4e-14 in doubles: within the money tolerance, so nothing happens
        CouncilResult r = Scenarios4Test.run("""
                name: Rounding
                time: {start: 2025, end: 2026}
                income: {tax: 90.3}
                services: {a: {cost: 30.1}, b: {cost: 60.2}}
                """);
        assertTrue(r.value("statutory_spend", 2025) > r.value("income", 2025), "the doubles do differ");
        assertNull(r.indicators().gapYear());
        assertNull(r.indicators().crossoverYear());
        assertNull(r.indicators().failureYear());
    }
}
