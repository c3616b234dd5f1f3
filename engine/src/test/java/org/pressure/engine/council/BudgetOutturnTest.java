package org.pressure.engine.council;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pressure.engine.council.CrossoverTest.assertArray;

import org.junit.jupiter.api.Test;
import org.pressure.engine.diagnostics.ScenarioException;

/**
 * Budget against outturn (docs/model.md sections 8 to 11), each case worked by hand in its
 * comments: savings and variance, ring-fenced grants, persistent cuts, the schools deficit,
 * exceptional financial support and council tax under a referendum limit.
 */
class BudgetOutturnTest {

    @Test
    void undelivered_savings_and_an_overspend_fall_on_reserves_after_the_budget_balances() {
        // B_care = 60 - 10 = 50; one-off 0.8 in 2025 is committed spend; P = 30
        // g = 50 + 0.8 + 30 - 80 = 0.8, cut from libraries (no floor): funded 29.2, nothing drawn
        // outturn care = 50 * 1.03 + (10 - 7) = 54.5: overspend 4.5; R = 20 - 4.5 = 15.5
        CouncilResult r = Scenarios4Test.run("""
                name: Outturn
                time: {start: 2025, end: 2025}
                income: {tax: 80}
                services:
                  care: {cost: 60, variance: 3%}
                  libraries: {statutory: false, cost: 30}
                savings:
                  review: {service: care, amount: 10, delivery: 70%, one_off_cost: 0.8}
                budget: {reserves: {opening: 20, minimum: 5}}
                """);
        assertEquals(50, r.value("service.care.budget", 2025), 1e-12);
        assertEquals(50, r.value("statutory_spend", 2025), 1e-12);
        assertEquals(0.8, r.value("committed_spend", 2025), 1e-12);
        assertEquals(0.8, r.value("budget_gap", 2025), 1e-12);
        assertEquals(0.8, r.value("service.libraries.cut", 2025), 1e-12);
        assertEquals(29.2, r.value("service.libraries.funded", 2025), 1e-12);
        assertEquals(0, r.value("reserves_draw", 2025), 1e-12);
        assertEquals(10, r.value("savings.review.planned", 2025), 1e-12);
        assertEquals(7, r.value("savings.review.delivered", 2025), 1e-12);
        assertEquals(54.5, r.value("service.care.outturn", 2025), 1e-12);
        assertEquals(4.5, r.value("overspend", 2025), 1e-12);
        assertEquals(15.5, r.value("reserves", 2025), 1e-12);
        assertEquals(4.5, r.indicators().totalOverspend(), 1e-12);
        assertEquals(3, r.indicators().undeliveredSavings(), 1e-12);
        assertNull(r.indicators().failureYear(), "reserves fell, but stayed above the minimum");
    }

    @Test
    void a_ring_fenced_grant_larger_than_its_service_fills_the_earmarked_reserve_not_the_gap() {
        // public health costs 25, its grant is 30: 25 used, 5 a year to the earmarked reserve
        // available income 100 + 30 - 5 = 125; g = 25 + 50 - 125 = -50: surplus 50 a year
        CouncilResult r = Scenarios4Test.run("""
                name: Ring fence
                time: {start: 2025, end: 2026}
                income: {tax: 100, ph_grant: 30}
                services:
                  public_health: {cost: 25}
                  libraries: {statutory: false, cost: 50}
                budget: {ring_fenced: {ph_grant: public_health}}
                """);
        assertArray(new double[] {5, 10}, r.column("earmarked_reserves"));
        assertArray(new double[] {50, 100}, r.column("reserves"));
        assertArray(new double[] {130, 130}, r.column("income"));
    }

    @Test
    void a_persistent_cut_stays_cut_through_a_later_surplus() {
        // 2026: g = 50 + 50 - 80 = 20, libraries cut 20 (funded 30), so 60% is kept from 2027 on;
        // 2027: planned 0.6 * 50 = 30 although income of 200 leaves a surplus of 120
        String file = """
                name: Persistent
                time: {start: 2025, end: 2027}
                income: {tax: {values: {2025: 100, 2026: 80, 2027: 200}, interpolate: step}}
                services:
                  care: {cost: 50}
                  libraries: {statutory: false, cost: 50}
                budget: {persistent_cuts: %s}
                """;
        CouncilResult lasting = Scenarios4Test.run(file.formatted("true"));
        assertArray(new double[] {50, 30, 30}, lasting.column("service.libraries.funded"));
        assertArray(new double[] {50, 50, 30}, lasting.column("discretionary_planned"));
        assertArray(new double[] {0, 0, 120}, lasting.column("surplus_to_reserves"));
        CouncilResult afresh = Scenarios4Test.run(file.formatted("false"));
        assertArray(new double[] {50, 30, 50}, afresh.column("service.libraries.funded"));
    }

    @Test
    void the_schools_deficit_falls_on_reserves_in_the_year_after_the_override() {
        // D: 30 + 8 = 38, 46, 54 held apart to 2027/28; in 2028 all 54 is charged and 8 a year is
        // committed spend from then on: g = 8, drawn; R = 50 - 8 - 54 = -12, then -20
        CouncilResult r = Scenarios4Test.run("""
                name: DSG
                time: {start: 2025, end: 2029}
                income: {tax: 100}
                services: {care: {cost: 100}}
                dsg: {deficit: 30, in_year: 8, override_until: 2027}
                budget: {reserves: {opening: 50}}
                """);
        assertArray(new double[] {38, 46, 54, 0, 0}, r.column("dsg_deficit"));
        assertArray(new double[] {0, 0, 0, 54, 0}, r.column("dsg_charge"));
        assertArray(new double[] {0, 0, 0, 8, 8}, r.column("committed_spend"));
        assertArray(new double[] {50, 50, 50, -12, -20}, r.column("reserves"));
        assertEquals(2028, r.indicators().failureYear());
        assertEquals(2028, r.indicators().reservesNegativeYear());
        assertEquals(2028, r.indicators().crossoverYear(), "committed spend counts with statutory spend");
    }

    @Test
    void exceptional_financial_support_restores_the_minimum_and_raises_next_years_mrp() {
        // 2025: MRP 2% of 100 = 2; g = 120 + 2 - 100 = 22, all drawn: 10 - 22 = -12 < 5, failed;
        //       EFS 17 restores 5; CFR = 100 + 17 - 2 = 115
        // 2026: MRP 2% of 115 = 2.3; g = 22.3: 5 - 22.3 = -17.3, EFS 22.3; CFR = 115 + 22.3 - 2.3 = 135
        CouncilResult r = Scenarios4Test.run("""
                name: EFS
                time: {start: 2025, end: 2026}
                income: {tax: 100}
                services: {care: {cost: 120}}
                capital: {cfr: 100, mrp_rate: 2%}
                budget: {reserves: {opening: 10, minimum: 5}, on_failure: efs}
                """);
        assertArray(new double[] {17, 22.3}, r.column("efs"));
        assertArray(new double[] {5, 5}, r.column("reserves"));
        assertArray(new double[] {2, 2.3}, r.column("capital_financing"));
        assertArray(new double[] {115, 135}, r.column("cfr"));
        assertEquals(2025, r.indicators().failureYear());
        assertEquals(39.3, r.indicators().efsTotal(), 1e-12);
        assertNull(r.indicators().reservesNegativeYear());
    }

    @Test
    void reserves_left_below_a_rising_minimum_with_nothing_drawn_are_not_a_failure() {
        // the minimum is 10% of income: 10, then 20; reserves stay at 15 with no gap
        CouncilResult r = Scenarios4Test.run("""
                name: Rising minimum
                time: {start: 2025, end: 2026}
                income: {tax: {values: {2025: 100, 2026: 200}}}
                services: {care: {cost: "=income"}}
                budget: {reserves: {opening: 15, minimum: "=10% * income"}}
                """);
        assertArray(new double[] {10, 20}, r.column("minimum_reserves"));
        assertArray(new double[] {15, 15}, r.column("reserves"));
        assertEquals(2026, r.indicators().reservesExhaustedYear());
        assertNull(r.indicators().failureYear());
    }

    @Test
    void council_tax_rises_are_capped_at_the_referendum_limit_with_a_warning() {
        // band 1000 -> 1000 * (1 + 2.99% + 2%) = 1049.9 -> 1049.9 * 1.0499; times 100,000 at 98% / 1e6
        CouncilResult r = Scenarios4Test.run("""
                name: Council tax
                time: {start: 2025, end: 2027}
                income:
                  council_tax:
                    band_d: 1000
                    tax_base: 100000
                    rise: 4.99%
                    referendum_limit: 2.99%
                    precept: 2%
                    collection_rate: 98%
                services: {care: {cost: 90}}
                """);
        assertArray(new double[] {98, 1049.9 * 0.098, 1049.9 * 1.0499 * 0.098}, r.column("income.council_tax"));
        assertEquals(1, r.warnings().size(), "one warning for the years with the same rise and limit");
        String w = r.warnings().get(0).toString();
        assertTrue(w.startsWith("test.yaml:7:11: warning: `income.council_tax.rise` is 4.99% in 2026/27 to 2027/28, "
                + "above the referendum limit of 2.99%"), w);
    }

    @Test
    void an_agency_service_is_never_cut_and_agencies_add_up_to_the_public_cost() {
        CouncilResult r = Scenarios4Test.run("""
                name: Agencies
                time: {start: 2025, end: 2027}
                agencies: [nhs]
                income: {tax: 50}
                services:
                  care: {cost: 80}
                  libraries: {statutory: false, cost: 20}
                  ae: {agency: nhs, cost: {start: 40, growth: 10%}}
                """);
        assertArray(new double[] {40, 44, 48.4}, r.column("service.ae.cost"));
        assertArray(new double[] {80, 80, 80}, r.column("statutory_spend"));
        assertArray(new double[] {50, 50, 50}, r.column("budget_gap"));
        for (int i = 0; i < 3; i++) {
            double agencies = r.column("agency.council.cost")[i] + r.column("agency.nhs.cost")[i];
            assertEquals(agencies, r.column("public_cost")[i], 1e-12);
        }
        assertArray(new double[] {80, 80, 80}, r.column("agency.council.cost"));
        assertEquals(240 + 132.4, r.indicators().publicCostTotal(), 1e-9);
    }

    @Test
    void savings_above_a_services_cost_are_refused_naming_the_service_and_the_year() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> Scenarios4Test.run("""
                name: Too much
                time: {start: 2025, end: 2027}
                income: {tax: 100}
                services:
                  care: {cost: {start: 10, growth: -50%}}
                savings:
                  review: {service: care, amount: 4, from: 2026}
                """));
        assertEquals("test.yaml:7:11: the savings on `care` (`review`) are more than its cost in 2027/28: its budget "
                + "would be -1.5 £m; a saving cannot take a service below nothing", e.getMessage());
    }

    @Test
    void broken_part_two_references_are_refused_with_the_names() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> Scenarios4Test.parse("""
                name: Broken
                time: {start: 2025, end: 2027}
                income: {tax: 100, grant: 5}
                services:
                  care: {cost: 10}
                  libraries: {statutory: false, cost: 5}
                savings:
                  review: {service: caer, amount: 4}
                budget: {ring_fenced: {grant: libraries}}
                """));
        String m = e.getMessage();
        assertTrue(m.contains("test.yaml:8:21: `savings.review.service` names `caer`, which is not a service; did you mean `care`?"), m);
        assertTrue(m.contains("test.yaml:9:31: `budget.ring_fenced.grant` names `libraries`, a discretionary service"), m);
    }

    @Test
    void a_cost_that_goes_negative_without_savings_is_not_refused() {
        // a negative cost (a service written as an income, as part-1 files sometimes do) is legal
        CouncilResult r = Scenarios4Test.run("""
                name: Negative cost
                time: {start: 2025, end: 2025}
                income: {tax: 100}
                services:
                  care: {cost: 90, variance: 1%}
                  fees: {cost: -5}
                """);
        assertEquals(85, r.value("statutory_spend", 2025), 1e-12);
        // surplus 100 - 85 = 15, less the 1% overspend on care's 90
        assertEquals(15 - 0.9, r.value("reserves", 2025), 1e-12);
    }

    @Test
    void a_schools_deficit_without_an_end_to_its_override_is_held_apart_with_a_warning() {
        String file = """
                name: DSG held apart
                time: {start: 2025, end: 2027}
                income: {tax: 100}
                services: {care: {cost: 90}}
                dsg: {deficit: 30, in_year: 5}
                """;
        org.pressure.engine.diagnostics.Warnings warnings = org.pressure.engine.diagnostics.Warnings.collect();
        Scenario sc = ScenarioParser.parse(org.pressure.engine.scenario.TreeReader.parse(file, "test.yaml", false),
                "test.yaml", warnings);
        CouncilResult r = CouncilCompiler.compile(sc).run();
        assertArray(new double[] {35, 40, 45}, r.column("dsg_deficit"));
        assertArray(new double[] {0, 0, 0}, r.column("dsg_charge"));
        assertArray(new double[] {0, 0, 0}, r.column("committed_spend"));
        assertEquals(1, warnings.all().size());
        assertTrue(warnings.all().get(0).toString().startsWith("test.yaml:5:6: `dsg` gives no `override_until`"),
                warnings.all().get(0).toString());
    }
}
