package org.pressure.cli;

import java.io.PrintWriter;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.pressure.engine.council.CouncilResult;
import org.pressure.engine.council.Indicator;
import org.pressure.engine.council.Indicators;
import org.pressure.engine.council.Scenario;

/**
 * The headline indicators as a short table for the terminal, years as financial years: the
 * failure year first, as it is the honest headline; then cost by agency where a file has agencies.
 */
final class IndicatorTable {
    /** Indicators that only a file using part 2 of the model can move from zero: shown when they do. */
    private static final Set<Indicator> PART2 =
            EnumSet.of(Indicator.TOTAL_OVERSPEND, Indicator.UNDELIVERED_SAVINGS, Indicator.EFS_TOTAL);

    private IndicatorTable() {}

    static void print(CouncilResult r, String file, PrintWriter o) {
        Scenario sc = r.scenario();
        Indicators in = r.indicators();
        o.println(sc.name());
        o.println("  " + file + ", " + Scenario.financialYear(sc.start()) + " to " + Scenario.financialYear(sc.end())
                + ", amounts in " + sc.units());
        o.println();
        boolean agencies = !sc.part2().agencies().isEmpty();
        java.util.List<Indicator> shown = new java.util.ArrayList<>();
        for (Indicator i : Indicator.values()) {
            if (PART2.contains(i) && Math.abs((Double) in.get(i)) < 0.05) continue;
            if (i == Indicator.PUBLIC_COST_TOTAL && !agencies) continue;
            shown.add(i);
        }
        // the column is as wide as its widest value, so a figure of any size stays in line
        int width = 14;
        for (Indicator i : shown) width = Math.max(width, value(i, in.get(i)).length());
        double cost = 0, failure = 0;
        for (var e : r.agencyTotals().entrySet()) {
            width = Math.max(width, money(e.getValue()[0]).length());
            cost += e.getValue()[0];
            failure += e.getValue()[1];
        }
        if (agencies) width = Math.max(width, money(cost).length());
        for (Indicator i : shown) o.printf(Locale.ROOT, "  %-44s %" + width + "s%n", i.label(sc.end()), value(i, in.get(i)));
        if (agencies) {
            // the amounts line up under the indicators' values; failure demand is part of each cost
            o.println();
            int second = Math.max(16, money(failure).length() + 2);
            String format = "  %-44s %" + width + "s %" + second + "s%n";
            o.printf(Locale.ROOT, format, "Who pays, " + Scenario.financialYear(sc.start()) + " to "
                    + Scenario.financialYear(sc.end()), "cost", "failure demand");
            for (var e : r.agencyTotals().entrySet()) {
                o.printf(Locale.ROOT, format, sc.label("agency", e.getKey()), money(e.getValue()[0]), money(e.getValue()[1]));
            }
            o.printf(Locale.ROOT, format, "public purse (all of the above)", money(cost), money(failure));
        }
    }

    /** An indicator's value as printed: a financial year or "never", an amount to 0.1, or a percentage. */
    static String value(Indicator i, Object v) {
        return i.text(v, IndicatorTable::money);
    }

    /**
     * Beneath the table when the file drew warnings: the figures rest on values that are almost
     * always slips (a growth of 5 meaning 500%), so a headline such as reserves of 62 trillion
     * must not be read, quoted or charted as a result.
     */
    static void caveat(int warnings, PrintWriter o) {
        if (warnings == 0) return;
        o.println();
        o.println("  Not meaningful until the " + (warnings == 1 ? "value" : warnings + " values") + " warned of above "
                + (warnings == 1 ? "is" : "are") + " checked: such values are almost");
        o.println("  always slips of units (a growth of 5 meaning 500% a year), and the files written show the same.");
    }

    static String year(Integer y) {
        return y == null ? "never" : Scenario.financialYear(y);
    }

    static String money(double x) {
        // rounding leaves sums like -1e-16 where the answer is nothing; show those as 0.0, not -0.0
        return String.format(Locale.ROOT, "%,.1f", Math.abs(x) < 0.05 ? 0.0 : x);
    }
}
