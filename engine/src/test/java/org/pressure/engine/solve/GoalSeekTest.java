package org.pressure.engine.solve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pressure.engine.diagnostics.ScenarioException;
import org.pressure.engine.sweep.OutputSpec;

/**
 * Goal seeks whose answers are closed-form: income from 90 (or 100) growing at g against a
 * statutory cost growing at a fixed rate, so the gap in year n closes exactly when
 * (1 + g)^n = cost_0 (1 + c)^n / income_0.
 */
class GoalSeekTest {
    @TempDir
    Path dir;

    /** Gap at 2035 (n = 10) is 100 * 1.03^10 - 90 (1 + g)^10 while positive. */
    private static final String GAP = """
            name: Constant gap
            time: {start: 2025, end: 2035}
            income:
              tax: {start: 90, growth: 2%}
            services:
              care: {cost: {start: 100, growth: 3%}}
            budget:
              reserves: {opening: 0, minimum: 0}
            """;

    /** Statutory cost 90 growing 5% overtakes income 100 growing g in the first year n with 90 * 1.05^n > 100 (1 + g)^n. */
    private static final String CROSSOVER = """
            name: Crossover
            time: {start: 2025, end: 2035}
            income:
              tax: {start: 100, growth: 2%}
            services:
              care: {cost: {start: 90, growth: 5%}}
            budget:
              reserves: {opening: 0, minimum: 0}
            """;

    private LeverModel model(String scenario, String... levers) throws Exception {
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, scenario);
        return LeverModel.load(file, List.of(), java.util.Arrays.stream(levers).map(Lever::parse).toList());
    }

    private GoalSeek.Result solve(LeverModel m, boolean largest, Double tol, String... targets) {
        List<Target> ts = java.util.Arrays.stream(targets).map(t -> Target.parse(t, m.base())).toList();
        return GoalSeek.solve(m, new GoalSeek.Question(ts, null, largest, tol, 1));
    }

    @Test
    void one_growth_rate_closes_a_constant_gap_to_the_printed_tolerance_by_brent() throws Exception {
        LeverModel m = model(GAP, "income.tax.growth=0%..10%");
        GoalSeek.Result r = solve(m, false, 1e-9, "budget_gap@2035 <= 0");
        double exact = 1.03 * Math.pow(100.0 / 90, 0.1) - 1; // 0.0409095...
        assertEquals(GoalSeek.Outcome.FOUND, r.outcome());
        assertTrue(r.method().startsWith("Brent"), r.method());
        assertTrue(r.tolerance() <= 1.01e-9, "tolerance " + r.tolerance());
        assertEquals(exact, r.values()[0], r.tolerance());
        assertTrue(r.at().met(), "the answer itself meets the target");
        assertTrue(r.values()[0] >= exact - 1e-12, "the smallest value that meets the target lies at or above the root");
    }

    @Test
    void a_smooth_amount_is_settled_by_brent_alone_and_a_clamped_one_is_checked_by_bisection() throws Exception {
        LeverModel m = model(GAP, "income.tax.growth=0%..10%");
        // income in 2035/36 is 90 (1 + g)^10: it reaches 120 at g = (120 / 90)^(1/10) - 1
        GoalSeek.Result smooth = solve(m, false, 1e-12, "income@2035 >= 120");
        assertEquals(Math.pow(120.0 / 90, 0.1) - 1, smooth.values()[0], smooth.tolerance());
        assertTrue(!smooth.method().contains("bisection") && smooth.iterations() < 20, smooth.method() + smooth.iterations());
        // the gap is clamped at 0 above the answer, where any point is a "root": bisection settles the first one
        GoalSeek.Result clamped = solve(m, false, 1e-12, "budget_gap@2035 <= 0");
        assertEquals(1.03 * Math.pow(100.0 / 90, 0.1) - 1, clamped.values()[0], clamped.tolerance());
        assertTrue(clamped.method().endsWith("then bisection on every target"), clamped.method());
    }

    @Test
    void a_year_target_is_settled_by_bisection_to_the_tolerance() throws Exception {
        LeverModel m = model(CROSSOVER, "income.tax.growth=0%..10%");
        GoalSeek.Result later = solve(m, false, 1e-8, "crossover_year > 2030");
        assertEquals(1.05 * Math.pow(0.9, 1 / 5.0) - 1, later.values()[0], 1e-8); // 0.0281058
        assertTrue(later.method().startsWith("bisection"), later.method());
        assertEquals(2031, later.at().run().indicators().crossoverYear());

        GoalSeek.Result never = solve(m, false, 1e-8, "crossover_year = never", "crossover_year > 2030");
        assertEquals(1.05 * Math.pow(0.9, 1 / 10.0) - 1, never.values()[0], 1e-8); // 0.0389952
        assertEquals(null, never.at().run().indicators().crossoverYear());
    }

    @Test
    void largest_finds_the_top_of_the_values_that_meet_the_target() throws Exception {
        LeverModel m = model(CROSSOVER, "income.tax.growth=0%..10%");
        GoalSeek.Result r = solve(m, true, 1e-8, "crossover_year <= 2030");
        double exact = 1.05 * Math.pow(0.9, 1 / 5.0) - 1;
        assertEquals(exact, r.values()[0], 1e-8);
        assertTrue(r.values()[0] < exact, "a crossover by 2030/31 needs growth below the boundary");
        assertEquals(2030, r.at().run().indicators().crossoverYear());
    }

    @Test
    void no_value_and_every_value_are_outcomes_not_answers() throws Exception {
        LeverModel m = model(CROSSOVER, "income.tax.growth=0%..2%");
        GoalSeek.Result none = solve(m, false, null, "crossover_year = never");
        assertEquals(GoalSeek.Outcome.NONE, none.outcome());
        // crossover in 2028/29 at 0%, 2029/30 from 1.05 * 0.9^(1/4) - 1 = 1.34% up: the first scan point there is closest
        assertEquals(0.014, none.values()[0], 1e-15);
        assertEquals(2029, none.at().run().indicators().crossoverYear());
        GoalSeek.Result every = solve(m, false, null, "crossover_year > 2026");
        assertEquals(GoalSeek.Outcome.EVERY, every.outcome());
    }

    @Test
    void an_objective_uses_the_seeded_optimiser_and_lands_on_the_constraint() throws Exception {
        LeverModel m = model(CROSSOVER, "income.tax.growth=0%..10%", "services.care.cost.growth=3%..7%");
        List<Target> ts = List.of(Target.parse("crossover_year = never", m.base()));
        GoalSeek.Question q = new GoalSeek.Question(ts, new GoalSeek.Objective(OutputSpec.parse("income.tax@end"), false),
                false, null, 7);
        GoalSeek.Result r = GoalSeek.solve(m, q);
        assertEquals(GoalSeek.Outcome.FOUND, r.outcome());
        // cheapest: care growth at its low end (3%), then the smallest income growth with no crossover to 2035
        assertEquals(0.03, r.values()[1], 1e-4);
        assertEquals(1.03 * Math.pow(0.9, 0.1) - 1, r.values()[0], 1e-4);
        GoalSeek.Result again = GoalSeek.solve(m, q);
        assertEquals(r.values()[0], again.values()[0], 0, "same seed, same answer");
    }

    @Test
    void targets_and_levers_are_checked_with_reasons() throws Exception {
        LeverModel m = model(GAP, "income.tax.growth=0%..10%");
        assertTrue(assertThrows(ScenarioException.class, () -> Target.parse("cumulative_gap = 0", m.base())).getMessage()
                .contains("give a side instead"));
        assertTrue(assertThrows(ScenarioException.class, () -> Target.parse("crossover_year >= nevr", m.base())).getMessage()
                .contains("is not a year"));
        assertTrue(assertThrows(ScenarioException.class, () -> Target.parse("crossover_year < never", m.base())).getMessage()
                .contains("using = or !="));
        assertTrue(assertThrows(ScenarioException.class, () -> Target.parse("budget_gap@2040 <= 0", m.base())).getMessage()
                .contains("from 2025 to 2035"));
        assertTrue(assertThrows(ScenarioException.class, () -> Target.parse("reserves", m.base())).getMessage()
                .contains("OUTPUT OP VALUE"));
        assertEquals(2030.0, Target.parse("crossover_year >= 2030/31", m.base()).value());
        assertTrue(assertThrows(ScenarioException.class, () -> Lever.parse("income.tax.growth=5%..5%")).getMessage()
                .contains("must be below HIGH"));
        assertTrue(assertThrows(ScenarioException.class, () -> model(GAP, "income.tx.growth=0..1")).getMessage()
                .contains("did you mean `tax`?"));
    }

    @Test
    void never_counts_as_later_than_every_year() throws Exception {
        LeverModel m = model(GAP, "income.tax.growth=0%..10%");
        Target later = Target.parse("crossover_year > 2035", m.base());
        assertTrue(later.met(Double.NaN));
        assertTrue(!Target.parse("crossover_year <= 2035", m.base()).met(Double.NaN));
        assertTrue(Target.parse("crossover_year != never", m.base()).met(2030));
        assertEquals(2036 - 2030, Target.parse("crossover_year = never", m.base()).violation(2030, 2035));
    }
}
