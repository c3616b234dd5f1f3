package org.pressure.engine.council;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.pressure.engine.council.CrossoverTest.assertArray;

import org.junit.jupiter.api.Test;

/** Failure-demand links (docs/model.md section 3): timing, sign and size, worked by hand. */
class FailureDemandTest {

    /**
     * Income is 110 except 100 in 2027/28; care 50 and waste 20 are statutory, so prevention
     * (planned 40, no floor) is cut by 10 in 2027: g = 50 + 20 + 40 - 100 = 10, and by nothing in
     * other years unless failure demand raises a cost.
     */
    private static String scenario(String link) {
        return """
                name: Failure demand
                time: {start: 2025, end: 2030}
                income:
                  tax: {values: {2025: 110, 2027: 100, 2028: 110}, interpolate: step}
                services:
                  care: {clients: 100, unit_cost: 0.5}
                  waste: {cost: 20}
                  prevention: {statutory: false, cost: 40}
                failure_demand:
                %s
                budget: {reserves: {opening: 100}}
                """.formatted(link.indent(2));
    }

    @Test
    void prevention_cut_returns_as_care_demand_exactly_delay_years_later_and_not_before() {
        CouncilResult r = Scenarios4Test.run(scenario("- {from: prevention, to: care, clients_per_m: 2, delay: 2}"));
        // 2 clients per £1m of shortfall, two years on: 20 clients in 2029 at £0.5m each, which
        // opens a gap of 10 in 2029 and so a second cut (returning in 2031, past the horizon)
        assertArray(new double[] {0, 0, 10, 0, 10, 0}, r.column("service.prevention.cut"));
        assertArray(new double[] {0, 0, 10, 0, 10, 0}, r.column("failure_demand.0.shortfall"));
        assertArray(new double[] {0, 0, 0, 0, 20, 0}, r.column("service.care.failure_clients"));
        assertArray(new double[] {100, 100, 100, 100, 120, 100}, r.column("service.care.clients"));
        assertArray(new double[] {0, 0, 0, 0, 10, 0}, r.column("service.care.failure_cost"));
        assertEquals(10, r.indicators().failureDemandCost(), 1e-12);
    }

    @Test
    void exponential_delay_returns_the_same_demand_gradually() {
        // first-order delay, mean 2 years: pipeline p(t) = p(t-1) + shortfall(t-1) - p(t-1)/2, out = p/2
        // shortfall 10 in 2027: p(2028) = 10, out 5, so 10 clients cost 5 more and open a gap of 5,
        // cut from prevention: shortfall 5 refills the pipeline as fast as it drains (10 + 5 - 5)
        CouncilResult r = Scenarios4Test.run(scenario(
                "- {from: prevention, to: care, clients_per_m: 2, delay: 2, delay_type: exponential}"));
        assertArray(new double[] {0, 0, 10, 5, 5, 5}, r.column("failure_demand.0.shortfall"));
        assertArray(new double[] {0, 0, 0, 10, 10, 10}, r.column("service.care.failure_clients"));
    }

    @Test
    void delay_one_exponential_equals_delay_one_fixed() {
        CouncilResult fixed = Scenarios4Test.run(scenario("- {from: prevention, to: care, clients_per_m: 2}"));
        CouncilResult exp = Scenarios4Test.run(scenario(
                "- {from: prevention, to: care, clients_per_m: 2, delay_type: exponential}"));
        assertArray(fixed.column("service.care.cost"), exp.column("service.care.cost"));
        // each year's 20 extra clients cost 10, open a gap of 10 and cut prevention by 10 again
        assertArray(new double[] {0, 0, 0, 20, 20, 20}, fixed.column("service.care.failure_clients"));
    }

    @Test
    void funding_above_the_reference_reduces_later_demand() {
        // reference 30 below the 40 funded: shortfall -10; from 2026 on 20 fewer clients, which
        // saves 10 a year and so also avoids the 2027 cut
        CouncilResult r = Scenarios4Test.run(scenario(
                "- {from: prevention, to: care, clients_per_m: 2, reference: 30}"));
        assertArray(new double[] {-10, -10, -10, -10, -10, -10}, r.column("failure_demand.0.shortfall"));
        assertArray(new double[] {100, 80, 80, 80, 80, 80}, r.column("service.care.clients"));
        assertArray(new double[] {0, -10, -10, -10, -10, -10}, r.column("service.care.failure_cost"));
        assertArray(new double[] {0, 0, 0, 0, 0, 0}, r.column("cuts"));
        assertEquals(-50, r.indicators().failureDemandCost(), 1e-12);
    }

    @Test
    void a_reference_above_funding_adds_demand_even_without_cuts() {
        // reference 45 against 40 funded: shortfall 5 in 2025, so 10 clients (cost 5) in 2026; that
        // opens a gap of 5, cut from prevention, so 2026's shortfall is 10: the loop feeds itself
        CouncilResult r = Scenarios4Test.run(scenario(
                "- {from: prevention, to: care, clients_per_m: 2, reference: 45}"));
        assertEquals(5, r.value("failure_demand.0.shortfall", 2025), 1e-12);
        assertEquals(10, r.value("service.care.failure_clients", 2026), 1e-12);
        assertEquals(5, r.value("service.prevention.cut", 2026), 1e-12);
        assertEquals(10, r.value("failure_demand.0.shortfall", 2026), 1e-12);
        assertEquals(20, r.value("service.care.failure_clients", 2027), 1e-12);
    }

    @Test
    void cost_per_m_adds_cost_straight_to_a_cost_service_and_is_floored_at_zero() {
        CouncilResult r = Scenarios4Test.run(scenario("- {from: prevention, to: waste, cost_per_m: 0.5}"));
        // cut 10 in 2027 adds 5 in 2028, which is cut from prevention, adding 2.5 in 2029, ...
        assertArray(new double[] {20, 20, 20, 25, 22.5, 21.25}, r.column("service.waste.cost"));
        assertArray(new double[] {0, 0, 0, 5, 2.5, 1.25}, r.column("service.waste.failure_cost"));
        // investment far above the reference: 20 + 1 * (0 - 40) would be -20; the cost stops at 0
        CouncilResult floored = Scenarios4Test.run(scenario(
                "- {from: prevention, to: waste, cost_per_m: 1, reference: 0}"));
        assertEquals(20, floored.value("service.waste.cost", 2025), 1e-12);
        assertEquals(0, floored.value("service.waste.cost", 2026), 1e-12);
        assertEquals(-20, floored.value("service.waste.failure_cost", 2026), 1e-12);
    }

    @Test
    void a_statutory_source_has_no_shortfall_unless_the_link_gives_a_reference() {
        CouncilResult none = Scenarios4Test.run(scenario("- {from: care, to: waste, cost_per_m: 1}"));
        assertArray(new double[] {0, 0, 0, 0, 0, 0}, none.column("failure_demand.0.shortfall"));
        CouncilResult ref = Scenarios4Test.run(scenario("- {from: care, to: waste, cost_per_m: 1, reference: 60}"));
        assertArray(new double[] {10, 10, 10, 10, 10, 10}, ref.column("failure_demand.0.shortfall"));
        assertArray(new double[] {20, 30, 30, 30, 30, 30}, ref.column("service.waste.cost"));
    }

    @Test
    void a_service_may_feed_itself() {
        CouncilResult r = Scenarios4Test.run(scenario(
                "- {from: prevention, to: prevention, cost_per_m: 0.5, delay: 1}"));
        // cut 10 in 2027 adds 5 to prevention's planned cost in 2028; cutting that 5 adds 2.5, ...
        assertArray(new double[] {40, 40, 40, 45, 42.5, 41.25}, r.column("service.prevention.cost"));
    }
}
