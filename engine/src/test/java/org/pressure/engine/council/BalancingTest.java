package org.pressure.engine.council;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pressure.engine.council.CrossoverTest.assertArray;

import org.junit.jupiter.api.Test;

/**
 * Hand-worked balancing tables (docs/model.md section 3, step 5), one per strategy and cut
 * mode, with floors. Each comment shows the arithmetic.
 */
class BalancingTest {

    private static String scenario(int years, String statutoryCost, String services, String budget) {
        return """
                name: Balancing
                time: {start: 2025, end: %d}
                income:
                  tax: 100
                services:
                  care: {cost: %s}
                %s
                budget: %s
                """.formatted(2024 + years, statutoryCost, services.indent(2), budget);
    }

    private static final String A_AND_B = """
            a: {statutory: false, cost: 30, floor: 50%}
            b: {statutory: false, cost: 20, floor: 75%}
            """;

    @Test
    void cuts_first_proportional_shares_the_gap_by_what_each_service_can_lose() {
        // g = 80 + 30 + 20 - 100 = 30; cuttable a = 15, b = 20 (no floor), C = 35; target = 30
        // cut a = 15 * 30/35 = 90/7, cut b = 20 * 30/35 = 120/7; nothing from reserves
        CouncilResult r = Scenarios4Test.run(scenario(1, "80", """
                a: {statutory: false, cost: 30, floor: 50%}
                b: {statutory: false, cost: 20}
                """, "{reserves: {opening: 50, minimum: 10}}"));
        assertEquals(90.0 / 7, r.value("service.a.cut", 2025), 1e-12);
        assertEquals(120.0 / 7, r.value("service.b.cut", 2025), 1e-12);
        assertEquals(30 - 90.0 / 7, r.value("service.a.funded", 2025), 1e-12);
        assertEquals(30, r.value("cuts", 2025), 1e-12);
        assertEquals(30, r.value("budget_gap", 2025), 1e-12);
        assertEquals(20, r.value("discretionary_funded", 2025), 1e-12);
        assertEquals(0, r.value("reserves_draw", 2025), 1e-12);
        assertEquals(50, r.value("reserves", 2025), 1e-12);
    }

    @Test
    void cuts_first_draws_reserves_for_what_floors_protect() {
        // g = 90 + 50 - 100 = 40 each year; cuttable a = 15, b = 5, C = 20 < g
        // cuts 15 and 5, draw 20: reserves 50 -> 30 -> 10 (= minimum: exhausted) -> -10
        CouncilResult r = Scenarios4Test.run(scenario(3, "90", A_AND_B, "{reserves: {opening: 50, minimum: 10}}"));
        assertArray(new double[] {15, 15, 15}, r.column("service.a.cut"));
        assertArray(new double[] {5, 5, 5}, r.column("service.b.cut"));
        assertArray(new double[] {20, 20, 20}, r.column("reserves_draw"));
        assertArray(new double[] {30, 10, -10}, r.column("reserves"));
        assertEquals(2026, r.indicators().reservesExhaustedYear());
        assertEquals(60, r.indicators().totalCuts(), 1e-12);
        assertEquals(60, r.indicators().totalReservesDrawn(), 1e-12);
        assertEquals(120, r.indicators().cumulativeGap(), 1e-12);
        assertEquals(-10, r.indicators().finalReserves(), 1e-12);
    }

    @Test
    void reserves_first_uses_reserves_down_to_the_minimum_then_cuts() {
        // opening 30, minimum 10, g = 40 each year, C = 20
        // 2025: first = min(40, 30 - 10) = 20, target = min(40 - 20, 20) = 20: cuts 15 + 5, draw 20, R = 10
        // 2026: first = min(40, max(0, 10 - 10)) = 0, target = min(40, 20) = 20: cuts 20, draw 20, R = -10
        // 2027: first = 0 (reserves below minimum), cuts 20, draw 20, R = -30
        CouncilResult r = Scenarios4Test.run(scenario(3, "90", A_AND_B,
                "{strategy: reserves_first, reserves: {opening: 30, minimum: 10}}"));
        assertArray(new double[] {20, 20, 20}, r.column("cuts"));
        assertArray(new double[] {20, 20, 20}, r.column("reserves_draw"));
        assertArray(new double[] {10, -10, -30}, r.column("reserves"));
        assertEquals(2025, r.indicators().reservesExhaustedYear());
    }

    @Test
    void reserves_first_with_ample_reserves_cuts_nothing() {
        // opening 100, minimum 10: first = min(40, 90) = 40, target = 0; R = 60, then 20, then -20 + ...
        // 2027: first = min(40, 20 - 10) = 10, target = min(30, 20) = 20: cuts 20, draw 20, R = 0
        CouncilResult r = Scenarios4Test.run(scenario(3, "90", A_AND_B,
                "{strategy: reserves_first, reserves: {opening: 100, minimum: 10}}"));
        assertArray(new double[] {0, 0, 20}, r.column("cuts"));
        assertArray(new double[] {40, 40, 20}, r.column("reserves_draw"));
        assertArray(new double[] {60, 20, 0}, r.column("reserves"));
        assertArray(new double[] {30, 30, 15}, r.column("service.a.funded"));
    }

    @Test
    void in_order_cuts_the_first_listed_service_to_its_floor_before_the_next() {
        // g = 80 + 50 - 100 = 30; order [b, a]; cuttable b = 20, a = 15: b loses 20, a loses 10
        CouncilResult r = Scenarios4Test.run(scenario(1, "80", """
                a: {statutory: false, cost: 30, floor: 50%}
                b: {statutory: false, cost: 20}
                """, "{cuts: in_order, order: [b, a]}"));
        assertEquals(20, r.value("service.b.cut", 2025), 1e-12);
        assertEquals(10, r.value("service.a.cut", 2025), 1e-12);
        assertEquals(0, r.value("reserves_draw", 2025), 1e-12);
    }

    @Test
    void in_order_never_cuts_a_service_left_out_of_the_order() {
        // g = 30, C = 35 (a 15 + b 20) so target = 30, but only b is listed: cut b 20, draw the other 10
        CouncilResult r = Scenarios4Test.run(scenario(1, "80", """
                a: {statutory: false, cost: 30, floor: 50%}
                b: {statutory: false, cost: 20}
                """, "{cuts: in_order, order: [b], reserves: {opening: 40}}"));
        assertEquals(20, r.value("service.b.cut", 2025), 1e-12);
        assertEquals(0, r.value("service.a.cut", 2025), 1e-12);
        assertEquals(10, r.value("reserves_draw", 2025), 1e-12);
        assertEquals(30, r.value("reserves", 2025), 1e-12);
    }

    @Test
    void reserves_first_in_order_takes_usable_reserves_then_cuts_in_order() {
        // opening 15, minimum 10: first = min(30, 5) = 5; target = min(25, 35) = 25: b 20, a 5; draw 5; R = 10
        CouncilResult r = Scenarios4Test.run(scenario(1, "80", """
                a: {statutory: false, cost: 30, floor: 50%}
                b: {statutory: false, cost: 20}
                """, "{strategy: reserves_first, cuts: in_order, order: [b, a], reserves: {opening: 15, minimum: 10}}"));
        assertEquals(20, r.value("service.b.cut", 2025), 1e-12);
        assertEquals(5, r.value("service.a.cut", 2025), 1e-12);
        assertEquals(5, r.value("reserves_draw", 2025), 1e-12);
        assertEquals(10, r.value("reserves", 2025), 1e-12);
        assertEquals(2025, r.indicators().reservesExhaustedYear());
    }

    @Test
    void floors_of_one_hundred_percent_leave_everything_to_reserves() {
        CouncilResult r = Scenarios4Test.run(scenario(1, "80", """
                a: {statutory: false, cost: 30, floor: 100%}
                """, "{reserves: {opening: 5}}"));
        assertEquals(0, r.value("cuts", 2025), 1e-12);
        assertEquals(10, r.value("reserves_draw", 2025), 1e-12);
        assertEquals(-5, r.value("reserves", 2025), 1e-12);
    }

    @Test
    void a_surplus_goes_to_reserves_unless_told_otherwise() {
        // g = 50 + 10 - 100 = -40
        CouncilResult kept = Scenarios4Test.run(scenario(2, "50", "a: {statutory: false, cost: 10}",
                "{reserves: {opening: 5}}"));
        assertArray(new double[] {45, 85}, kept.column("reserves"));
        assertArray(new double[] {10, 10}, kept.column("service.a.funded"));
        assertArray(new double[] {0, 0}, kept.column("budget_gap"));
        CouncilResult spent = Scenarios4Test.run(scenario(2, "50", "a: {statutory: false, cost: 10}",
                "{reserves: {opening: 5}, surplus_to_reserves: false}"));
        assertArray(new double[] {5, 5}, spent.column("reserves"));
    }

    @org.junit.jupiter.api.Test
    void floors_outside_their_range_are_reported_in_the_order_of_the_services() {
        // b feeds failure demand, which pulls its funding (and so its cut) forward in the model;
        // the floor reported is still the first service's, as the model lists them
        String yaml = """
                name: Two bad floors
                time: {start: 2025, end: 2027}
                income: {tax: 100}
                services:
                  care: {cost: 90}
                  a: {statutory: false, cost: 30, floor: "=if(year >= 2026, 150%, 0)"}
                  b: {statutory: false, cost: 20, floor: "=if(year >= 2026, 120%, 0)"}
                failure_demand:
                  - {from: b, to: care, cost_per_m: 0.5, delay: 1}
                """;
        org.pressure.engine.diagnostics.ScenarioException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.pressure.engine.diagnostics.ScenarioException.class, () -> Scenarios4Test.run(yaml));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("services.a.floor is 150% in 2026/27"), e.getMessage());
    }
}
