package org.pressure.cli.report;

import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;

/** A sweep's part of report.html: what was varied, what came out, the probability by year, its charts and any box. */
final class SweepSection {
    private SweepSection() {}

    static void render(Html h, SweepReport s, int number) {
        h.open("section", "class", "sweep new-page", "id", "sweep-" + number).newline();
        h.element("h2", "Sweep " + number + ". " + s.name());
        h.element("p", s.dir() + " \u00b7 scenario " + s.scenario() + " \u00b7 " + s.design().replace('_', ' ')
                + " design \u00b7 " + String.format(Locale.ROOT, "%,d", s.runs()) + " runs \u00b7 seed " + s.seed(), "class", "meta");
        h.element("p", "The same scenario run " + String.format(Locale.ROOT, "%,d", s.runs()) + " times with the "
                + "assumptions below varied over their ranges. Shares of runs are not forecasts: they are as good as "
                + "the ranges, which the sweep file cites.", "class", "note");

        h.element("h3", "What was varied");
        h.open("div", "class", "table-wrap").open("table", "class", "compare");
        h.element("caption", "Each varied assumption: its distribution in the sweep file, and the lowest, middle and "
                + "highest value it took in the runs");
        h.open("thead").open("tr").element("th", "Assumption (scenario path)").element("th", "Distribution")
                .element("th", "Lowest", "class", "num")
                .element("th", "Median", "class", "num").element("th", "Highest", "class", "num").close("tr").close("thead");
        h.open("tbody");
        for (SweepReport.Parameter p : s.parameters()) {
            h.open("tr").open("th", "scope", "row").element("code", p.path()).close("th")
                    .open("td").element("code", p.distribution() == null ? "" : p.distribution()).close("td")
                    .element("td", number(p.low(), p.percent()), "class", "num")
                    .element("td", number(p.median(), p.percent()), "class", "num")
                    .element("td", number(p.high(), p.percent()), "class", "num").close("tr");
        }
        h.close("tbody").close("table").close("div").newline();
        if (!s.correlations().isEmpty()) {
            h.element("p", "Correlated (Spearman rank correlation, by reordering the sample): "
                    + String.join("; ", s.correlations()) + ".", "class", "note");
        }

        h.element("h3", "What came out");
        h.open("div", "class", "table-wrap").open("table", "class", "compare");
        h.element("caption", "Each recorded output across the runs (years as financial years)");
        h.open("thead").open("tr").element("th", "Output").element("th", "5th percentile", "class", "num")
                .element("th", "Median", "class", "num").element("th", "95th percentile", "class", "num")
                .element("th", "Never happens", "class", "num").close("tr").close("thead").open("tbody");
        for (SweepReport.Output o : s.outputs()) {
            String among = o.year() && o.never() != null ? SweepReport.among(o.name(), o.never(), 1) : "";
            h.open("tr").open("th", "scope", "row").element("code", o.name());
            // the percentiles of a year are of the runs in which it happens: said where they are read
            if (!among.isEmpty()) h.element("span", "percentiles " + among, "class", "among");
            h.close("th")
                    .element("td", value(o.p5(), o.year()), "class", "num").element("td", value(o.p50(), o.year()), "class", "num")
                    .element("td", value(o.p95(), o.year()), "class", "num")
                    .element("td", o.never() == null ? "" : percent(o.never()), "class", "num").close("tr");
        }
        h.close("tbody").close("table").close("div").newline();

        if (!s.byYear().isEmpty()) {
            h.element("h3", "Probability by year", "class", "new-page-print");
            JFreeChart chart = s.probabilityChart();
            figure(h, InlineSvg.of(chart, HtmlReport.CHART_WIDTH, HtmlReport.CHART_HEIGHT, "w" + number + "-probability",
                    chart.getTitle().getText()), "The share of all runs in which each event has happened by the end of "
                    + "each year (from summary.json's by_year); runs where it never happens keep the line below 100%.");
            byYearTable(h, s);
        }
        if (!s.charts().isEmpty()) {
            h.element("h3", "Charts of the sweep", "class", "new-page-print");
            for (SweepReport.Chart c : s.charts()) figure(h, c.svg(), c.caption() + " (" + c.file() + ")");
        }
        if (s.box() != null) {
            SweepReport.Box b = s.box();
            h.element("h3", "Where the runs of interest concentrate (PRIM)", "class", "new-page-print");
            h.element("p", "Runs of interest: " + b.where() + ". " + b.description() + ".", "class", "headline");
            h.element("p", "A box describes where, within the ranges swept, these runs are common; it is not a forecast, "
                    + "and it does not show cause beyond what the model itself assumes. A restriction with a small "
                    + "quasi-p-value matters to the box; one near 1 could be dropped.", "class", "note");
            h.open("table", "class", "compare").open("thead").open("tr").element("th", "Restricted input")
                    .element("th", "Low bound", "class", "num").element("th", "High bound", "class", "num")
                    .element("th", "Quasi-p-value", "class", "num").close("tr").close("thead").open("tbody");
            for (String[] r : b.restrictions()) {
                h.open("tr").open("th", "scope", "row").element("code", r[0]).close("th")
                        .element("td", r[1].isEmpty() ? "\u2013" : number(Double.parseDouble(r[1])), "class", "num")
                        .element("td", r[2].isEmpty() ? "\u2013" : number(Double.parseDouble(r[2])), "class", "num")
                        .element("td", String.format(Locale.ROOT, "%.2g", Double.parseDouble(r[3])), "class", "num").close("tr");
            }
            h.close("tbody").close("table").newline();
            for (SweepReport.Chart c : b.charts()) figure(h, c.svg(), c.caption() + " (" + c.file() + ")");
        }
        h.close("section").newline();
    }

    private static void byYearTable(Html h, SweepReport s) {
        h.open("div", "class", "table-wrap").open("table", "class", "years");
        h.element("caption", "Share of runs in which it has happened by the end of the year");
        h.open("thead").open("tr").element("th", "Year");
        for (String o : s.byYear().keySet()) h.element("th", o, "class", "num");
        h.close("tr").close("thead").open("tbody");
        Map<Integer, Double> first = s.byYear().values().iterator().next();
        for (Integer year : first.keySet()) {
            h.open("tr").element("th", Wording.fy(year), "scope", "row");
            for (Map<Integer, Double> shares : s.byYear().values()) {
                Double v = shares.get(year);
                h.element("td", v == null ? "" : percent(v), "class", "num");
            }
            h.close("tr");
        }
        h.close("tbody").close("table").close("div").newline();
    }

    private static void figure(Html h, String svg, String caption) {
        h.open("figure", "class", "chart").open("div", "class", "svg").raw(svg).close("div");
        h.element("figcaption", caption).close("figure").newline();
    }

    static String number(double x) {
        if (Double.isNaN(x)) return "\u2013";
        double a = Math.abs(x);
        return String.format(Locale.UK, a >= 1000 ? "%,.0f" : a >= 10 ? "%,.1f" : a >= 0.1 ? "%.3f" : "%.4g", x);
    }

    /** A parameter's value as the sweep file wrote its kind: a percentage (2.41%) where it wrote percentages. */
    static String number(double x, boolean percent) {
        if (!percent || Double.isNaN(x)) return number(x);
        return String.format(Locale.UK, Math.abs(x) >= 0.1 ? "%.1f%%" : "%.2f%%", 100 * x);
    }

    static String value(double x, boolean year) {
        if (Double.isNaN(x)) return "\u2013";
        return year && x == Math.rint(x) ? Wording.fy((int) x) : number(x);
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }
}
