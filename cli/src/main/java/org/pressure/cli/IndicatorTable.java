package org.pressure.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.pressure.engine.council.CouncilResult;
import org.pressure.engine.council.Indicators;
import org.pressure.engine.council.Scenario;

/** The headline indicators as a short table for the terminal, years as financial years. */
final class IndicatorTable {
    private IndicatorTable() {}

    static void print(CouncilResult r, String file, PrintWriter o) {
        Scenario sc = r.scenario();
        Indicators in = r.indicators();
        String u = sc.units();
        o.println(sc.name());
        o.println("  " + file + ", " + Scenario.financialYear(sc.start()) + " to " + Scenario.financialYear(sc.end())
                + ", amounts in " + u);
        o.println();
        row(o, "Budget gap first opens", year(in.gapYear()));
        row(o, "Statutory costs overtake income", year(in.crossoverYear()));
        row(o, "Usable reserves exhausted", year(in.reservesExhaustedYear()));
        row(o, "Cumulative budget gap", money(in.cumulativeGap()));
        row(o, "Total cuts", money(in.totalCuts()));
        row(o, "Total reserves drawn", money(in.totalReservesDrawn()));
        row(o, "Failure demand cost", money(in.failureDemandCost()));
        row(o, "Reserves at " + Scenario.financialYear(sc.end()), money(in.finalReserves()));
        row(o, "Statutory spend / income, " + Scenario.financialYear(sc.end()),
                in.statutoryShareEnd() == null ? "n/a (no income)" : String.format(Locale.ROOT, "%.1f%%", 100 * in.statutoryShareEnd()));
    }

    private static void row(PrintWriter o, String label, String value) {
        o.printf(Locale.ROOT, "  %-38s %14s%n", label, value);
    }

    static String year(Integer y) {
        return y == null ? "never" : Scenario.financialYear(y);
    }

    static String money(double x) {
        // rounding leaves sums like -1e-16 where the answer is nothing; show those as 0.0, not -0.0
        return String.format(Locale.ROOT, "%,.1f", Math.abs(x) < 0.05 ? 0.0 : x);
    }
}
