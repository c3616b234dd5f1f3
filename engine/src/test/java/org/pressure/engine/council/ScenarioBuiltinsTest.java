package org.pressure.engine.council;

import static org.pressure.engine.council.CrossoverTest.assertArray;

import org.junit.jupiter.api.Test;

/** The system-dynamics built-ins in scenario expressions, on the yearly step, with hand-worked values. */
class ScenarioBuiltinsTest {

    private static CouncilResult run(String drivers) {
        return Scenarios4Test.run("""
                name: Built-ins
                time: {start: 2025, end: 2030}
                drivers:
                %s
                """.formatted(drivers.indent(2)));
    }

    @Test
    void step_ramp_and_pulse_follow_the_year() {
        CouncilResult r = run("""
                s: "=step(10, 2027)"
                p: "=pulse(5, 2026)"
                """);
        assertArray(new double[] {0, 0, 10, 10, 10, 10}, r.column("driver.s"));
        assertArray(new double[] {0, 5, 0, 0, 0, 0}, r.column("driver.p"));
    }

    @Test
    void smth1_of_a_step_closes_half_the_gap_each_year_with_a_two_year_time() {
        // smooth(t) = smooth(t-1) + (input(t-1) - smooth(t-1)) / 2, starting at the input: 0
        CouncilResult r = run("""
                x: "=step(8, 2026)"
                s: "=smth1(x, 2)"
                """);
        assertArray(new double[] {0, 0, 4, 6, 7, 7.5}, r.column("driver.s"));
    }

    @Test
    void delay1_passes_a_pulse_on_gradually_and_delay_shifts_it() {
        CouncilResult r = run("""
                x: "=pulse(10, 2026)"
                d: "=delay1(x, 1)"
                f: "=delay(x, 2, 0)"
                """);
        // delay1 with a one-year time on a one-year step: stock(t) = stock(t-1) + x(t-1) - out(t-1)
        assertArray(new double[] {0, 0, 10, 0, 0, 0}, r.column("driver.d"));
        assertArray(new double[] {0, 0, 0, 10, 0, 0}, r.column("driver.f"));
    }
}
