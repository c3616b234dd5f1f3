package org.pressure.cli.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.pressure.engine.council.CouncilResult;
import org.pressure.engine.council.Indicators;
import org.pressure.engine.council.Scenario;

/**
 * The indicators of a run in words, for people who read board papers: headline sentences,
 * labels, and amounts written with the scenario's units ("£2,823.1m").
 */
final class Wording {
    private final Scenario sc;
    private final Indicators in;
    private final int decimals;

    Wording(CouncilResult r) {
        this.sc = r.scenario();
        this.in = r.indicators();
        this.decimals = decimals(r);
    }

    /** Enough decimals that a council with a small budget in large units (£bn) still shows its changes. */
    private static int decimals(CouncilResult r) {
        double largest = 0;
        for (String c : new String[] {"income", "statutory_spend", "discretionary_planned"}) {
            for (double x : r.column(c)) largest = Math.max(largest, Math.abs(x));
        }
        return largest >= 100 ? 1 : largest >= 10 ? 2 : 3;
    }

    /** The headline indicators as sentences, each saying when something happens or that it never does. */
    List<String> headlines() {
        List<String> s = new ArrayList<>();
        String first = fy(sc.start()), last = fy(sc.end());
        s.add(in.failureYear() != null
                ? "The budget cannot be balanced in " + fy(in.failureYear()) + ": cuts at their floors and reserves above "
                        + "their minimum no longer cover the year, so a section 114 notice is due."
                : "The budget can be balanced every year to " + last + ".");
        s.add(in.crossoverYear() != null
                ? "Statutory costs overtake income in " + fy(in.crossoverYear()) + "."
                : "Statutory costs do not overtake income before the projection ends in " + last + ".");
        s.add(in.gapYear() != null
                ? "A budget gap first opens in " + fy(in.gapYear()) + "."
                : "No budget gap opens between " + first + " and " + last + ".");
        String minimum = sc.budget().minimumSeries() == null ? " of " + money(sc.budget().minimumReserves()) : "";
        s.add(in.reservesExhaustedYear() != null
                ? "Reserves reach their minimum" + minimum + " in " + fy(in.reservesExhaustedYear()) + "."
                : "Reserves stay above their minimum" + minimum + " to " + last + ".");
        if (isZero(in.cumulativeGap()) && isZero(in.totalCuts()) && isZero(in.totalReservesDrawn())) {
            s.add("There is no gap to close, so nothing is cut and no reserves are drawn.");
        } else {
            s.add("The budget gaps from " + first + " to " + last + " add up to " + money(in.cumulativeGap())
                    + ": " + money(in.totalCuts()) + " closed by cuts to discretionary services and "
                    + money(in.totalReservesDrawn()) + " drawn from reserves. The gap recurring in " + last + " is "
                    + money(in.gapEnd()) + ".");
        }
        if (sc.part2().used() && !(isZero(in.totalOverspend()) && isZero(in.undeliveredSavings()))) {
            s.add("Outturn differs from the budget: " + money(in.totalOverspend()) + " overspent in all, of which "
                    + money(in.undeliveredSavings()) + " is savings planned but not delivered; it falls on reserves.");
        }
        if (!isZero(in.efsTotal())) {
            s.add("Exceptional financial support of " + money(in.efsTotal()) + " restores reserves to their minimum; "
                    + "it is borrowed, and repaid through the minimum revenue provision.");
        }
        double failure = in.failureDemandCost();
        s.add(isZero(failure) ? "Failure demand adds no cost."
                : failure > 0 ? "Failure demand (needs not met earlier returning as costlier demand) adds "
                        + money(failure) + " of cost over the projection."
                : "Investment avoids " + money(-failure) + " of failure-demand cost over the projection.");
        s.add(in.finalReserves() < 0
                ? "Reserves end " + last + " at " + money(in.finalReserves()) + ", an unfunded deficit."
                : "Reserves end " + last + " at " + money(in.finalReserves()) + ".");
        s.add(in.statutoryShareEnd() == null ? "There is no income in " + last + "."
                : "In " + last + " statutory services take " + percent(in.statutoryShareEnd()) + " of income.");
        return s;
    }

    /** Indicator labels in words, in the order of {@code summary.json}. */
    String label(String indicator) {
        org.pressure.engine.council.Indicator i = org.pressure.engine.council.Indicator.named(indicator);
        return i == null ? indicator : i.label(sc.end());
    }

    /** An indicator's value as text: a financial year or "never", an amount, or a percentage. */
    String value(String indicator, Object v) {
        return org.pressure.engine.council.Indicator.named(indicator).text(v, this::money);
    }

    /** A difference from a reference scenario's indicator, or a dash where either never happens. */
    String difference(String indicator, Object v, Object reference) {
        if (v == null || reference == null) return "\u2013";
        if (Indicators.YEAR_INDICATORS.contains(indicator)) {
            int d = (Integer) v - (Integer) reference;
            String years = Math.abs(d) + (Math.abs(d) == 1 ? " year" : " years");
            return d == 0 ? "same year" : d > 0 ? years + " later" : years + " earlier";
        }
        double d = (Double) v - (Double) reference;
        if (indicator.equals("statutory_share_end")) {
            String points = String.format(Locale.ROOT, "%+.1f points", 100 * d);
            return points.matches("[+-]0\\.0 points") ? "same" : points;
        }
        return (d > 0 && !isZero(d) ? "+" : "") + money(d);
    }

    /** An amount with the scenario's units: "£12.3m" for units "£m", "12.3 tonnes" otherwise. */
    String money(double x) {
        return money(x, sc.units(), decimals);
    }

    /** An amount with {@code units} to {@code decimals} places: "£12.3m" for units "£m", "12.3 tonnes" otherwise. */
    static String money(double x, String u, int decimals) {
        String number = String.format(Locale.UK, "%,." + decimals + "f", Math.abs(x));
        String sign = x < 0 && !number.matches("[0.,]*") ? "-" : "";
        if (!u.isEmpty() && !Character.isLetterOrDigit(u.codePointAt(0)) && !Character.isWhitespace(u.codePointAt(0))) {
            int symbol = Character.charCount(u.codePointAt(0));
            return sign + u.substring(0, symbol) + number + u.substring(symbol);
        }
        return sign + number + (u.isEmpty() ? "" : " " + u);
    }

    /** A number for the tables: grouped thousands and the scenario's decimals; no "-0.0". */
    String number(double x) {
        String s = String.format(Locale.UK, "%,." + decimals + "f", x);
        return s.matches("-[0.,]*") ? s.substring(1) : s;
    }

    boolean isZero(double x) {
        return Math.abs(x) < 0.5 * Math.pow(10, -decimals);
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }

    static String fy(int year) {
        return Scenario.financialYear(year);
    }
}
