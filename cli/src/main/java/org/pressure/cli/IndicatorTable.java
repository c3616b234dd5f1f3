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
        for (Indicator i : Indicator.values()) {
            if (PART2.contains(i) && Math.abs((Double) in.get(i)) < 0.05) continue;
            if (i == Indicator.PUBLIC_COST_TOTAL && !agencies) continue;
            row(o, i.label(sc.end()), value(i, in.get(i)));
        }
        if (agencies) {
            // the amounts line up under the indicators' values; failure demand is part of each cost
            o.println();
            String format = "  %-44s %14s %16s%n";
            o.printf(Locale.ROOT, format, "Who pays, " + Scenario.financialYear(sc.start()) + " to "
                    + Scenario.financialYear(sc.end()), "cost", "failure demand");
            double cost = 0, failure = 0;
            for (var e : r.agencyTotals().entrySet()) {
                o.printf(Locale.ROOT, format, e.getKey(), money(e.getValue()[0]), money(e.getValue()[1]));
                cost += e.getValue()[0];
                failure += e.getValue()[1];
            }
            o.printf(Locale.ROOT, format, "public purse (all of the above)", money(cost), money(failure));
        }
    }

    /** An indicator's value as printed: a financial year or "never", an amount to 0.1, or a percentage. */
    static String value(Indicator i, Object v) {
        return i.text(v, IndicatorTable::money);
    }

    private static void row(PrintWriter o, String label, String value) {
        o.printf(Locale.ROOT, "  %-44s %14s%n", label, value);
    }

    static String year(Integer y) {
        return y == null ? "never" : Scenario.financialYear(y);
    }

    static String money(double x) {
        // rounding leaves sums like -1e-16 where the answer is nothing; show those as 0.0, not -0.0
        return String.format(Locale.ROOT, "%,.1f", Math.abs(x) < 0.05 ? 0.0 : x);
    }
}
