package org.pressure.engine.council;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pressure.engine.council.CrossoverTest.assertArray;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pressure.engine.diagnostics.ScenarioException;

/**
 * Cohorts, responses and saturating links (docs/model.md section 13), worked by hand, and the
 * identities that hold for any scenario using part 2: people are conserved, reserves move only
 * by what section 10 lists, and agencies add up to the public cost.
 */
class WholeSystemTest {

    @Test
    void a_two_state_cohort_moves_as_worked_by_hand() {
        // a: 100 -> 100 * 0.8 + 0 * 0.05 + 10 = 90 -> 90 * 0.8 + 20 * 0.05 + 10 = 83
        // b:   0 ->   0 * 0.85 + 100 * 0.2  = 20 -> 20 * 0.85 + 90 * 0.2        = 35
        CouncilResult r = Scenarios4Test.run("""
                name: Cohort
                time: {start: 2025, end: 2027}
                income: {tax: 10}
                services: {support: {clients: people.b, unit_cost: 0.01}}
                cohorts:
                  people:
                    states: {a: 100, b: 0}
                    inflow: {a: 10}
                    exit: {b: 10%}
                    transitions: {a->b: 20%, b->a: 5%}
                """);
        assertArray(new double[] {100, 90, 83}, r.column("cohort.people.a"));
        assertArray(new double[] {0, 20, 35}, r.column("cohort.people.b"));
        assertArray(new double[] {100, 110, 118}, r.column("cohort.people.total"));
        assertArray(new double[] {0, 0.2, 0.35}, r.column("service.support.cost"));
    }

    @Test
    void funding_below_the_reference_moves_a_rate_along_a_saturating_response() {
        // housing support (10) is cut by 4 in 2025: x = -4, k x = -0.04, saturated -0.04 / 1.4;
        // a -> b moves at 20% - 0.04 / 1.4 instead of 20%
        CouncilResult r = Scenarios4Test.run("""
                name: Response
                time: {start: 2025, end: 2026}
                income: {tax: 56}
                services:
                  care: {cost: 50}
                  housing_support: {statutory: false, cost: 10}
                cohorts:
                  people:
                    states: {a: 100, b: 0}
                    transitions:
                      a->b: {rate: 20%, response: {service: housing_support, per_m: 1%, max: 10%}}
                """);
        assertEquals(6, r.value("service.housing_support.funded", 2025), 1e-12);
        double rate = 0.2 - 0.04 / 1.4;
        assertEquals(100 * rate, r.value("cohort.people.b", 2026), 1e-12);
        assertEquals(100 * (1 - rate), r.value("cohort.people.a", 2026), 1e-12);
    }

    @Test
    void rates_out_of_a_state_above_all_its_people_are_refused_naming_cohort_state_and_year() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> Scenarios4Test.run("""
                name: Too fast
                time: {start: 2025, end: 2030}
                income: {tax: 10}
                services: {care: {cost: 5}}
                cohorts:
                  people:
                    states: {a: 100, b: 0}
                    exit: {a: {start: 50%, growth: 10%}}
                    transitions: {a->b: 40%}
                """));
        // 50% * 1.1^2 = 60.5% + 40% = 100.5% in 2027/28
        assertEquals("test.yaml:7:5: cohort `people`, state `a`: in 2027/28 its exit and transition rates add up to "
                + "100.5%, more than all of its people; the rates out of a state (exit and every transition from it) "
                + "must add up to at most 100% in every year", e.getMessage());
    }

    @Test
    void a_saturating_link_never_passes_its_max_and_matches_the_linear_link_at_small_shortfalls() {
        String file = """
                name: Saturation
                time: {start: 2025, end: 2026}
                agencies: [nhs]
                income: {tax: %s}
                services:
                  care: {cost: 100}
                  prevention: {statutory: false, cost: 100}
                  ae: {agency: nhs, cost: 10}
                failure_demand:
                  - {from: prevention, to: ae, cost_per_m: 2, delay: 1%s}
                """;
        for (double income : new double[] {199.999, 150, 100, 0}) {
            double shortfall = Math.min(100, 200 - income); // prevention can lose all of its 100, no more
            CouncilResult linear = Scenarios4Test.run(file.formatted(income, ""));
            CouncilResult saturating = Scenarios4Test.run(file.formatted(income, ", max: 5"));
            double ks = linear.value("service.ae.failure_cost", 2026);
            double added = saturating.value("service.ae.failure_cost", 2026);
            assertEquals(2 * shortfall, ks, 1e-9);
            assertEquals(ks / (1 + Math.abs(ks) / 5), added, 1e-12);
            assertTrue(added < 5, "never beyond max");
            assertTrue(Math.abs(added - ks) <= ks * ks / 5 + 1e-15, "same slope near zero");
        }
    }

    static long[] seeds() {
        long[] s = new long[120];
        for (int i = 0; i < s.length; i++) s[i] = i;
        return s;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void reserves_move_only_by_what_section_ten_lists_and_people_are_conserved(long seed) {
        String yaml = randomPart2(seed);
        CouncilResult r;
        try {
            r = Scenarios4Test.run(yaml);
        } catch (ScenarioException e) {
            throw new AssertionError("seed " + seed + ": " + e.getMessage() + "\n" + yaml, e);
        }
        double opening = r.scenario().budget().openingReserves();
        double[] reserves = r.column("reserves"), surplus = r.column("surplus_to_reserves"), draw = r.column("reserves_draw");
        double[] overspend = r.column("overspend"), efs = r.column("efs"), charge = r.column("dsg_charge");
        double[] total = r.column("cohort.smd.total"), inflow = new double[r.years()];
        for (int t = 0; t < r.years(); t++) {
            double before = t == 0 ? opening : reserves[t - 1];
            assertEquals(before + surplus[t] - draw[t] - overspend[t] - charge[t] + efs[t], reserves[t],
                    1e-9 * Math.max(1, Math.abs(reserves[t])), "seed " + seed + ", year " + r.year(t) + "\n" + yaml);
            double agencies = r.column("agency.council.cost")[t] + r.column("agency.nhs.cost")[t];
            assertEquals(agencies, r.column("public_cost")[t], 1e-9 * Math.max(1, agencies), "seed " + seed);
            inflow[t] = 30;
        }
        for (int t = 0; t + 1 < r.years(); t++) {
            double left = r.column("cohort.smd.stable")[t] * 0.05;
            assertEquals(total[t] + inflow[t] - left, total[t + 1], 1e-9 * total[t + 1], "seed " + seed + "\n" + yaml);
        }
    }

    /** A valid scenario using every part-2 key, drawn from a seed (the cohort's inflow 30 and exit 5% are fixed). */
    static String randomPart2(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int start = 2024 + rnd.nextInt(4);
        int years = 2 + rnd.nextInt(12);
        double cost = 40 + rnd.nextDouble() * 40;
        StringBuilder y = new StringBuilder();
        y.append("name: Random part 2 ").append(seed).append('\n');
        y.append("time: {start: ").append(start).append(", end: ").append(start + years - 1).append("}\n");
        y.append("agencies: [nhs]\n");
        y.append("income:\n");
        y.append("  council_tax: {band_d: ").append(f(1500 + rnd.nextDouble() * 500)).append(", tax_base: {start: ")
                .append(f(50000 + rnd.nextDouble() * 50000)).append(", growth: ").append(pct(rnd, 0, 1.5))
                .append("}, rise: ").append(pct(rnd, 0, 6)).append(", referendum_limit: 2.99%, precept: ")
                .append(pct(rnd, 0, 2)).append("}\n");
        y.append("  grant: {start: ").append(f(20 + rnd.nextDouble() * 80)).append(", growth: ").append(pct(rnd, -3, 2)).append("}\n");
        y.append("  ph_grant: ").append(f(5 + rnd.nextDouble() * 10)).append('\n');
        y.append("services:\n");
        y.append("  care: {cost: {start: ").append(f(cost)).append(", growth: ").append(pct(rnd, 1, 7)).append("}, variance: ")
                .append(pct(rnd, -2, 5)).append("}\n");
        y.append("  public_health: {cost: ").append(f(4 + rnd.nextDouble() * 10)).append("}\n");
        y.append("  housing_support: {statutory: false, cost: ").append(f(5 + rnd.nextDouble() * 20)).append(", floor: ")
                .append(pct(rnd, 0, 60)).append("}\n");
        y.append("  other: {statutory: false, cost: ").append(f(20 + rnd.nextDouble() * 60)).append(", floor: ")
                .append(pct(rnd, 0, 60)).append(", variance: ").append(pct(rnd, -3, 3)).append("}\n");
        y.append("  temporary_accommodation: {clients: smd.homeless, unit_cost: 0.01}\n");
        y.append("  ae: {agency: nhs, clients: \"=smd.homeless + smd.treatment\", unit_cost: 0.005}\n");
        y.append("savings:\n  review: {service: care, amount: ").append(f(rnd.nextDouble() * cost * 0.3)).append(", from: ")
                .append(start + rnd.nextInt(years)).append(", delivery: ").append(pct(rnd, 40, 100)).append(", one_off_cost: ")
                .append(f(rnd.nextDouble())).append("}\n");
        y.append("failure_demand:\n  - {from: housing_support, to: ae, cost_per_m: ").append(f(rnd.nextDouble() * 2))
                .append(", delay: ").append(1 + rnd.nextInt(3)).append(rnd.nextBoolean() ? ", max: 3" : "")
                .append(rnd.nextBoolean() ? ", delay_type: exponential" : "").append("}\n");
        y.append("cohorts:\n  smd:\n    states: {homeless: 300, treatment: 200, stable: 100}\n    inflow: {homeless: 30}\n")
                .append("    exit: {stable: 5%}\n    transitions:\n")
                .append("      homeless->treatment: {rate: ").append(pct(rnd, 5, 30))
                .append(", response: {service: housing_support, per_m: 1%, max: 10%}}\n")
                .append("      treatment->stable: ").append(pct(rnd, 5, 40)).append('\n')
                .append("      treatment->homeless: ").append(pct(rnd, 5, 40)).append('\n')
                .append("      stable->homeless: ").append(pct(rnd, 0, 20)).append('\n');
        if (rnd.nextBoolean()) {
            y.append("capital: {cfr: ").append(f(rnd.nextDouble() * 200)).append(", borrowing: ").append(f(rnd.nextDouble() * 10))
                    .append(", mrp_rate: ").append(pct(rnd, 1, 4)).append(", interest_rate: ").append(pct(rnd, 2, 5)).append("}\n");
        }
        if (rnd.nextBoolean()) {
            y.append("dsg: {deficit: ").append(f(rnd.nextDouble() * 30)).append(", in_year: ").append(f(rnd.nextDouble() * 5))
                    .append(", override_until: ").append(start + rnd.nextInt(years)).append("}\n");
        }
        y.append("budget:\n  strategy: ").append(rnd.nextBoolean() ? "cuts_first" : "reserves_first").append('\n');
        y.append("  cuts: ").append(rnd.nextBoolean() ? "proportional" : "in_order\n  order: [other, housing_support]").append('\n');
        y.append("  ring_fenced: {ph_grant: public_health}\n");
        y.append("  persistent_cuts: ").append(rnd.nextBoolean()).append('\n');
        y.append("  reserves: {opening: ").append(f(rnd.nextDouble() * 40)).append(", minimum: \"=")
                .append(pct(rnd, 0, 8)).append(" * income\"}\n");
        y.append("  on_failure: ").append(rnd.nextBoolean() ? "efs" : "deficit").append('\n');
        return y.toString();
    }

    private static String f(double x) {
        return String.format(Locale.ROOT, "%.4f", x);
    }

    private static String pct(SplittableRandom rnd, double lo, double hi) {
        return String.format(Locale.ROOT, "%.3f%%", lo + rnd.nextDouble() * (hi - lo));
    }
}
