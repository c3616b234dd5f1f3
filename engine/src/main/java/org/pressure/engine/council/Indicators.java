package org.pressure.engine.council;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The headline indicators of one run ({@link Indicator}; docs/model.md sections 5 and 14). Year
 * indicators are null where the event never happens within the horizon. Money is compared to
 * within {@link #TOLERANCE}, so that rounding in a sum never opens a gap of 1e-14.
 */
public record Indicators(Integer failureYear, Integer gapYear, Integer crossoverYear, Integer reservesExhaustedYear,
                         Integer reservesNegativeYear, double cumulativeGap, double gapEnd, double totalCuts,
                         double totalReservesDrawn, double totalOverspend, double undeliveredSavings, double efsTotal,
                         double failureDemandCost, double publicCostTotal, double finalReserves, Double statutoryShareEnd) {

    /** Money within this of a threshold counts as at it (£m: a thousandth of a penny). */
    public static final double TOLERANCE = 1e-9;
    /** Reserves within this of the minimum count as at the minimum (reserves_first lands exactly on it). */
    public static final double EXHAUSTED_TOLERANCE = TOLERANCE;

    /** Indicator names, in the order of {@code summary.json}. */
    public static final List<String> NAMES = Indicator.NAMES;

    /** Names of the indicators that are years. */
    public static final java.util.Set<String> YEAR_INDICATORS = Indicator.YEARS;

    /** The slots indicators are computed from, found once per compiled scenario; -1 where a file has none. */
    record Slots(int income, int statutory, int planned, int funded, int gap, int reserves, int draw, int cuts,
                 int[] failureCosts, int committed, int available, int minimum, int failed, int overspend, int efs,
                 int publicCost, int[] savingsPlanned, int[] savingsDelivered, int opening) {
        static Slots of(org.pressure.engine.model.Model m, Scenario sc) {
            List<Scenario.Saving> savings = sc.part2().savings();
            return new Slots(m.slot("income"), m.slot("statutory_spend"), m.slot("discretionary_planned"),
                    m.slot("discretionary_funded"), m.slot("budget_gap"), m.slot("reserves"), m.slot("reserves_draw"),
                    m.slot("cuts"),
                    sc.services().keySet().stream().mapToInt(s -> m.slot(Columns.failureCost(s))).toArray(),
                    optional(m, "committed_spend"), optional(m, "income_available"), optional(m, "minimum_reserves"),
                    optional(m, "budget_failed"), optional(m, "overspend"), optional(m, "efs"), optional(m, "public_cost"),
                    savings.stream().mapToInt(s -> m.slot(Columns.saving(s.name(), "planned"))).toArray(),
                    savings.stream().mapToInt(s -> m.slot(Columns.saving(s.name(), "delivered"))).toArray(),
                    optional(m, "opening_reserves"));
        }

        private static int optional(org.pressure.engine.model.Model m, String name) {
            return m.slot(name);
        }
    }

    /**
     * One indicator of a run, without working out the others where it is a plain sum or final
     * value of one column (the same arithmetic as {@link #of}); NaN where it never happens. For
     * sweeps, which may record one indicator of millions of runs.
     */
    static double one(Indicator i, Scenario sc, Slots s, double[][] v) {
        switch (i) {
            case CUMULATIVE_GAP: return sum(v[s.gap()]);
            case TOTAL_CUTS: return sum(v[s.cuts()]);
            case TOTAL_RESERVES_DRAWN: return sum(v[s.draw()]);
            case GAP_END: return last(v[s.gap()]);
            case FINAL_RESERVES: return last(v[s.reserves()]);
            default: return of(sc, s, v).number(i);
        }
    }

    /** Whether {@link #one} works out {@code i} on its own. */
    static boolean alone(Indicator i) {
        return switch (i) {
            case CUMULATIVE_GAP, TOTAL_CUTS, TOTAL_RESERVES_DRAWN, GAP_END, FINAL_RESERVES -> true;
            default -> false;
        };
    }

    private static double sum(double[] column) {
        double x = 0;
        for (double y : column) x += y;
        return x;
    }

    private static double last(double[] column) {
        return column[column.length - 1];
    }

    /** The indicators of a run whose values are {@code v[slot][year index]}. */
    static Indicators of(Scenario sc, Slots s, double[][] v) {
        double[] income = v[s.income()], stat = v[s.statutory()], planned = v[s.planned()], funded = v[s.funded()];
        double[] gap = v[s.gap()], reserves = v[s.reserves()], draw = v[s.draw()], cuts = v[s.cuts()];
        double[] committed = s.committed() >= 0 ? v[s.committed()] : null;
        double[] available = s.available() >= 0 ? v[s.available()] : income;
        double[] minimumByYear = s.minimum() >= 0 ? v[s.minimum()] : null;
        double[] failedFlag = s.failed() >= 0 ? v[s.failed()] : null;
        int n = income.length;
        Integer failureYear = null, gapYear = null, crossover = null, exhausted = null, negative = null;
        double cumulativeGap = 0, totalCuts = 0, drawn = 0, failure = 0, overspend = 0, efs = 0, undelivered = 0;
        double publicCost = 0;
        double fixedMinimum = sc.budget().minimumReserves();
        // the reserves before the first year: as written, or as a sweep's run gave them
        double previous = s.opening() >= 0 ? v[s.opening()][0] : sc.budget().openingReserves();
        for (int i = 0; i < n; i++) {
            int year = sc.start() + i;
            double k = committed == null ? 0 : committed[i];
            double minimum = minimumByYear == null ? fixedMinimum : minimumByYear[i];
            boolean failed = failedFlag != null ? failedFlag[i] != 0
                    : reserves[i] < minimum - TOLERANCE && reserves[i] < previous - TOLERANCE;
            if (failureYear == null && failed) failureYear = year;
            if (gapYear == null && stat[i] + k + planned[i] - available[i] > TOLERANCE) gapYear = year;
            if (crossover == null && stat[i] + k - available[i] > TOLERANCE) crossover = year;
            if (exhausted == null && reserves[i] - minimum <= EXHAUSTED_TOLERANCE) exhausted = year;
            if (negative == null && reserves[i] < -TOLERANCE) negative = year;
            cumulativeGap += gap[i];
            totalCuts += cuts[i];
            drawn += draw[i];
            publicCost += s.publicCost() >= 0 ? v[s.publicCost()][i] : stat[i] + funded[i];
            previous = reserves[i];
        }
        for (int slot : s.failureCosts()) {
            for (double x : v[slot]) failure += x;
        }
        if (s.overspend() >= 0) for (double x : v[s.overspend()]) overspend += x;
        if (s.efs() >= 0) for (double x : v[s.efs()]) efs += x;
        for (int p = 0; p < s.savingsPlanned().length; p++) {
            double[] pl = v[s.savingsPlanned()[p]], de = v[s.savingsDelivered()[p]];
            for (int i = 0; i < n; i++) undelivered += pl[i] - de[i];
        }
        double share = stat[n - 1] / income[n - 1];
        return new Indicators(failureYear, gapYear, crossover, exhausted, negative, cumulativeGap, gap[n - 1], totalCuts,
                drawn, overspend, undelivered, efs, failure, publicCost, reserves[n - 1],
                Double.isFinite(share) ? share : null);
    }

    /** One indicator's value: a year as Integer (or null), an amount as Double, a share as Double (or null). */
    public Object get(Indicator i) {
        double x = number(i);
        return switch (i.kind) {
            case YEAR -> Double.isNaN(x) ? null : (Integer) (int) x;
            case MONEY -> x;
            case SHARE -> Double.isNaN(x) ? null : (Double) x;
        };
    }

    /** One indicator as a number, without boxing: a year as its number, NaN where it never happens or cannot be computed. */
    public double number(Indicator i) {
        return switch (i) {
            case FAILURE_YEAR -> year(failureYear);
            case GAP_YEAR -> year(gapYear);
            case CROSSOVER_YEAR -> year(crossoverYear);
            case RESERVES_EXHAUSTED_YEAR -> year(reservesExhaustedYear);
            case RESERVES_NEGATIVE_YEAR -> year(reservesNegativeYear);
            case CUMULATIVE_GAP -> cumulativeGap;
            case GAP_END -> gapEnd;
            case TOTAL_CUTS -> totalCuts;
            case TOTAL_RESERVES_DRAWN -> totalReservesDrawn;
            case TOTAL_OVERSPEND -> totalOverspend;
            case UNDELIVERED_SAVINGS -> undeliveredSavings;
            case EFS_TOTAL -> efsTotal;
            case FAILURE_DEMAND_COST -> failureDemandCost;
            case PUBLIC_COST_TOTAL -> publicCostTotal;
            case FINAL_RESERVES -> finalReserves;
            case STATUTORY_SHARE_END -> statutoryShareEnd == null ? Double.NaN : statutoryShareEnd;
        };
    }

    private static double year(Integer y) {
        return y == null ? Double.NaN : y;
    }

    /** The indicators by name, in the order of {@code summary.json}; year indicators as Integer or null. */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Indicator i : Indicator.values()) m.put(i.key, get(i));
        return m;
    }
}
