package org.pressure.engine.council;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The headline indicators of one run (council-model.md section 5). Year indicators are null
 * where the event never happens within the horizon.
 */
public record Indicators(Integer gapYear, Integer crossoverYear, Integer reservesExhaustedYear, double cumulativeGap,
                         double totalCuts, double totalReservesDrawn, double failureDemandCost, double finalReserves,
                         Double statutoryShareEnd) {

    /** Reserves within this of the minimum count as exhausted (rounding in reserves_first lands on it). */
    public static final double EXHAUSTED_TOLERANCE = 1e-9;

    /** Indicator names, in the order of {@code summary.json}. */
    public static final java.util.List<String> NAMES = java.util.List.of("gap_year", "crossover_year",
            "reserves_exhausted_year", "cumulative_gap", "total_cuts", "total_reserves_drawn", "failure_demand_cost",
            "final_reserves", "statutory_share_end");

    /** Names of the indicators that are years. */
    public static final java.util.Set<String> YEAR_INDICATORS =
            java.util.Set.of("gap_year", "crossover_year", "reserves_exhausted_year");

    /** The slots indicators are computed from, found once per compiled scenario. */
    record Slots(int income, int statutory, int planned, int gap, int reserves, int draw, int cuts, int[] failureCosts) {
        static Slots of(org.pressure.engine.model.Model m, Scenario sc) {
            return new Slots(m.slot("income"), m.slot("statutory_spend"), m.slot("discretionary_planned"),
                    m.slot("budget_gap"), m.slot("reserves"), m.slot("reserves_draw"), m.slot("cuts"),
                    sc.services().keySet().stream().mapToInt(s -> m.slot("service." + s + ".failure_cost")).toArray());
        }
    }

    /** The indicators of a run whose values are {@code v[slot][year index]}. */
    static Indicators of(Scenario sc, Slots s, double[][] v) {
        double[] income = v[s.income()], stat = v[s.statutory()], planned = v[s.planned()];
        double[] gap = v[s.gap()], reserves = v[s.reserves()], draw = v[s.draw()], cuts = v[s.cuts()];
        int n = income.length;
        Integer gapYear = null, crossover = null, exhausted = null;
        double cumulativeGap = 0, totalCuts = 0, drawn = 0, failure = 0;
        double minimum = sc.budget().minimumReserves();
        for (int i = 0; i < n; i++) {
            int year = sc.start() + i;
            if (gapYear == null && stat[i] + planned[i] - income[i] > 0) gapYear = year;
            if (crossover == null && stat[i] > income[i]) crossover = year;
            if (exhausted == null && reserves[i] - minimum <= EXHAUSTED_TOLERANCE) exhausted = year;
            cumulativeGap += gap[i];
            totalCuts += cuts[i];
            drawn += draw[i];
        }
        for (int slot : s.failureCosts()) {
            for (double x : v[slot]) failure += x;
        }
        double share = stat[n - 1] / income[n - 1];
        return new Indicators(gapYear, crossover, exhausted, cumulativeGap, totalCuts, drawn, failure, reserves[n - 1],
                Double.isFinite(share) ? share : null);
    }

    /** The indicators by name, in the order of {@code summary.json}; year indicators as Integer or null. */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("gap_year", gapYear);
        m.put("crossover_year", crossoverYear);
        m.put("reserves_exhausted_year", reservesExhaustedYear);
        m.put("cumulative_gap", cumulativeGap);
        m.put("total_cuts", totalCuts);
        m.put("total_reserves_drawn", totalReservesDrawn);
        m.put("failure_demand_cost", failureDemandCost);
        m.put("final_reserves", finalReserves);
        m.put("statutory_share_end", statutoryShareEnd);
        return m;
    }
}
