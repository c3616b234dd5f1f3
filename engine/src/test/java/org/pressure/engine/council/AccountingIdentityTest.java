package org.pressure.engine.council;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For any scenario, every year: money in equals money out, reserves carry forward exactly, and
 * cuts respect floors. Scenarios come from a seeded generator; the seed is in every message.
 */
class AccountingIdentityTest {

    static LongStream seeds() {
        return LongStream.range(1, 301);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void income_plus_reserves_drawn_equals_spend_plus_surplus_every_year(long seed) {
        String yaml = RandomScenarios.generate(seed);
        CouncilResult r = Scenarios4Test.run(yaml);
        Scenario sc = r.scenario();
        String why = "seed " + seed + "\n" + yaml;
        double[] income = r.column("income"), stat = r.column("statutory_spend"), planned = r.column("discretionary_planned");
        double[] funded = r.column("discretionary_funded"), draw = r.column("reserves_draw"), reserves = r.column("reserves");
        double[] gap = r.column("budget_gap"), cuts = r.column("cuts"), surplus = r.column("surplus_to_reserves");
        for (int t = 0; t < r.years(); t++) {
            double g = stat[t] + planned[t] - income[t];
            double scale = 1e-9 * Math.max(1, Math.abs(income[t]) + Math.abs(stat[t]) + Math.abs(planned[t]));
            String at = why + "\nyear " + r.year(t);
            assertEquals(stat[t] + funded[t] + Math.max(0, -g), income[t] + draw[t], scale, at);
            assertEquals(Math.max(0, g), gap[t], scale, at);
            double before = t == 0 ? sc.budget().openingReserves() : reserves[t - 1];
            assertEquals(before + surplus[t] - draw[t], reserves[t], scale, at);
            assertTrue(draw[t] >= -scale, at);
            double cutSum = 0;
            for (Service s : sc.services().values()) {
                String p = "service." + s.name();
                // the generator's costs start positive and grow by more than -100%; links are floored at 0
                assertTrue(r.column(p + ".cost")[t] >= -scale, at + " " + p);
                if (s.clientBased()) assertTrue(r.column(p + ".clients")[t] >= 0, at + " " + p);
                if (s.statutory()) continue;
                double cut = r.column(p + ".cut")[t], plan = r.column(p + ".cost")[t];
                double floor = s.floor() instanceof Series.Constant c ? c.value() : 0;
                assertTrue(cut >= -scale, at + " " + p);
                assertTrue(cut <= (1 - floor) * plan + scale, at + " " + p + " cut beyond its floor");
                assertEquals(plan - cut, r.column(p + ".funded")[t], scale, at);
                cutSum += cut;
            }
            assertEquals(cutSum, cuts[t], scale, at);
        }
    }
}
