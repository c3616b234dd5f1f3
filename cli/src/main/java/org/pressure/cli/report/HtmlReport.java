package org.pressure.cli.report;

import org.pressure.engine.council.Columns;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.pressure.cli.chart.Theme;
import org.pressure.engine.council.CouncilResult;
import org.pressure.engine.council.Indicators;
import org.pressure.engine.council.Scenario;
import org.pressure.engine.council.Service;
import org.pressure.engine.scenario.Assumptions.Assumption;

/**
 * {@code report.html}: one self-contained page (inline CSS and SVG, nothing fetched) that reads
 * on screen and prints to A4. A comparison first when there are several scenarios; then, for
 * each, the headlines in words, who pays (where there are agencies), the charts, the
 * year-by-year figures and every assumption with its source.
 */
public final class HtmlReport {
    /** Charts are drawn at this width inline: narrower than the files, so their text prints larger on A4. */
    static final int CHART_WIDTH = 1200;
    static final int CHART_HEIGHT = 720;
    /** Money columns in one year-by-year table before it is split, so that it fits across A4. */
    private static final int COLUMNS_PER_TABLE = 7;
    /** Table rows that fit on an A4 page in print, with a caption and a heading. */
    private static final int ROWS_PER_PAGE = 44;

    private static final Map<String, String> KEY_COLUMNS = new LinkedHashMap<>();
    static {
        KEY_COLUMNS.put("income", "Income");
        KEY_COLUMNS.put("statutory_spend", "Statutory spend");
        KEY_COLUMNS.put("discretionary_planned", "Discretionary planned");
        KEY_COLUMNS.put("discretionary_funded", "Discretionary funded");
        KEY_COLUMNS.put("budget_gap", "Budget gap");
        KEY_COLUMNS.put("cuts", "Cuts");
        KEY_COLUMNS.put("reserves_draw", "Drawn from reserves");
        KEY_COLUMNS.put("reserves", "Reserves at year end");
    }

    private static final Map<String, String> CAPTIONS = Map.of(
            "graph-of-doom", "The graph of doom. Statutory services (dark, at the bottom) are paid in full; "
                    + "discretionary services (light, on top) get what is left after cuts. The bold line is total income.",
            "reserves", "Usable reserves at the end of each year against the minimum working balance. "
                    + "Below zero, reserves are an unfunded deficit.",
            "budget-gap", "Each year's budget gap before action (line) and how it was closed (bars): cuts to "
                    + "discretionary services and money drawn from reserves.",
            "failure-demand", "The cost of failure demand: needs not met earlier (for example after cuts to "
                    + "prevention) returning later as more expensive demand on other services.",
            "who-pays", "Who pays. Top: each public body's cost, stacked, the council at the bottom; the top edge is "
                    + "the cost to the public purse. Bottom: the council's budget gap before action (bars) and the cost "
                    + "of failure demand each body bears (lines, in the body's colour).",
            "cohorts", "People in each state of each cohort, counted at the start of each year and stacked: the top "
                    + "edge is everyone in the cohort.");

    private HtmlReport() {}

    /** The whole page. */
    public static String render(List<ScenarioReport> reports) {
        return render(reports, List.of());
    }

    /** The whole page, with a section for each sweep after the scenarios. */
    public static String render(List<ScenarioReport> reports, List<SweepReport> sweeps) {
        return render(reports, sweeps, null);
    }

    /** The whole page: the scenarios, a section for each sweep, and the national run when there is one (else null). */
    public static String render(List<ScenarioReport> reports, List<SweepReport> sweeps,
                                org.pressure.engine.england.NationRun nation) {
        Html h = new Html();
        h.raw("<!DOCTYPE html>\n");
        h.open("html", "lang", "en-GB").newline().open("head").newline();
        h.raw("<meta charset=\"utf-8\" />\n");
        h.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n");
        h.raw("<meta name=\"generator\" content=\"Pressure\" />\n");
        String title = reports.isEmpty() ? "England: " + nation.councils().size() + " councils"
                : reports.size() == 1 ? reports.get(0).label() : "Comparison of " + reports.size() + " scenarios";
        h.element("title", title + " \u2013 Pressure report").newline();
        h.open("style").raw(ReportStyle.CSS).close("style").newline();
        h.close("head").newline().open("body").newline();

        h.open("header", "class", "cover");
        h.element("p", "Pressure report", "class", "kicker");
        h.element("h1", title);
        h.element("p", "A projection, not a forecast: it shows what follows from the assumptions in the scenario "
                + (reports.size() == 1 ? "file" : "files") + ", each of which is listed with its value and its source. "
                + "Years are financial years (April to March). Tables are in cash, as in results.csv and report.xlsx.",
                "class", "lede");
        if (reports.size() > 1 || !sweeps.isEmpty() || nation != null && !reports.isEmpty()) {
            h.open("nav", "class", "contents").element("h2", "Contents").open("ul");
            if (reports.size() > 1) h.open("li").element("a", "Comparison of scenarios", "href", "#comparison").close("li");
            for (int i = 0; i < reports.size(); i++) {
                h.open("li").element("a", (i + 1) + ". " + reports.get(i).label(), "href", "#scenario-" + (i + 1)).close("li");
            }
            for (int i = 0; i < sweeps.size(); i++) {
                h.open("li").element("a", "Sweep " + (i + 1) + ". " + sweeps.get(i).name(), "href", "#sweep-" + (i + 1)).close("li");
            }
            if (nation != null) h.open("li").element("a", "England: every council", "href", "#nation").close("li");
            h.close("ul").close("nav");
        }
        h.close("header").newline();

        if (reports.size() > 1) comparison(h, reports);
        for (int i = 0; i < reports.size(); i++) scenario(h, reports.get(i), i + 1, reports.size() > 1);
        for (int i = 0; i < sweeps.size(); i++) SweepSection.render(h, sweeps.get(i), i + 1);
        if (nation != null) NationSection.render(h, nation);

        h.open("footer").element("p", "Made with Pressure. Every figure can be checked in report.xlsx and "
                + "results.csv; every assumption is in the scenario file at the line shown.").close("footer").newline();
        h.close("body").newline().close("html").newline();
        return h.toString();
    }

    private static void comparison(Html h, List<ScenarioReport> reports) {
        h.open("section", "class", "comparison", "id", "comparison").newline();
        h.element("h2", "Comparison of scenarios");
        h.element("p", "Differences are from the first scenario, " + reports.get(0).label() + ". A dash means "
                + "the event does not happen within one of the projections.");
        h.open("ol", "class", "scenario-list");
        for (ScenarioReport r : reports) {
            Scenario sc = r.result().scenario();
            h.open("li").element("strong", r.label()).text(" \u2013 " + r.file() + ", " + Wording.fy(sc.start())
                    + " to " + Wording.fy(sc.end()) + ", amounts in " + sc.units()).close("li");
        }
        h.close("ol");

        boolean sameEnd = reports.stream().allMatch(r -> r.result().scenario().end() == reports.get(0).result().scenario().end());
        Wording first = new Wording(reports.get(0).result());
        h.open("div", "class", "table-wrap").open("table", "class", "compare");
        h.open("thead").open("tr").element("th", "Indicator");
        for (int i = 0; i < reports.size(); i++) {
            h.element("th", (i + 1) + ". " + reports.get(i).label(), "class", "num");
            if (i > 0) h.element("th", "Difference from 1", "class", "num diff");
        }
        h.close("tr").close("thead").open("tbody");
        Map<String, Object> reference = reports.get(0).result().indicators().asMap();
        for (String name : Indicators.NAMES) {
            // scenarios ending in different years: the label without a year ("Reserves in the final year")
            String label = sameEnd ? first.label(name) : org.pressure.engine.council.Indicator.named(name).label;
            h.open("tr").element("th", label, "scope", "row");
            for (int i = 0; i < reports.size(); i++) {
                Wording w = new Wording(reports.get(i).result());
                Object v = reports.get(i).result().indicators().asMap().get(name);
                h.element("td", w.value(name, v), "class", "num");
                boolean comparable = Indicators.YEAR_INDICATORS.contains(name) || name.equals("statutory_share_end")
                        || reports.get(i).result().scenario().units().equals(reports.get(0).result().scenario().units());
                if (i > 0) {
                    h.element("td", comparable ? w.difference(name, v, reference.get(name)) : "other units",
                            "class", "num diff");
                }
            }
            h.close("tr");
        }
        h.close("tbody").close("table").close("div").newline();

        JFreeChart chart = ScenarioReport.comparisonChart(reports);
        figure(h, "chart tall", InlineSvg.of(chart, CHART_WIDTH, 1000, "comparison", chart.getTitle().getText()),
                "The budget gap before action (top) and reserves at the end of each year (bottom), one line per "
                        + "scenario, in " + basisName(reports.get(0)) + ".");
        whoPaysComparison(h, reports);
        h.close("section").newline();
    }

    /** With agencies: each body's cost in each scenario over the years it shares with the first, and who pays, in words. */
    private static void whoPaysComparison(Html h, List<ScenarioReport> reports) {
        org.pressure.engine.council.Comparison c = ScenarioReport.comparison(reports);
        if (c.agencies().isEmpty()) return;
        h.element("h3", "Who saves, who pays");
        Wording first = new Wording(reports.get(0).result());
        String units = reports.get(0).result().scenario().units();
        for (int i = 1; i < reports.size(); i++) {
            org.pressure.engine.council.Comparison.WhoPays wp = c.whoPays(i);
            String sentence = WhoPaysText.sentence(wp, units, reports.get(0).result().scenario());
            h.element("p", (i + 1) + ". " + reports.get(i).label() + " against 1. " + reports.get(0).label() + ", "
                    + Wording.fy(wp.from()) + " to " + Wording.fy(wp.to()) + ": "
                    + sentence + ".", "class", "headline");
            h.open("div", "class", "table-wrap").open("table", "class", "compare");
            h.open("thead").open("tr").element("th", "Public body").element("th", "1. cost (" + units + ")", "class", "num")
                    .element("th", (i + 1) + ". cost", "class", "num").element("th", "Difference", "class", "num diff")
                    .close("tr").close("thead").open("tbody");
            for (int a = 0; a <= wp.agencies().size(); a++) {
                boolean all = a == wp.agencies().size();
                double d = all ? wp.publicDifference() : wp.difference(a);
                h.open("tr").element("th", all ? "Public purse" : wp.agencies().get(a), "scope", "row")
                        .element("td", first.number(all ? wp.basePublic() : wp.base()[a]), "class", "num")
                        .element("td", first.number(all ? wp.otherPublic() : wp.other()[a]), "class", "num")
                        .element("td", (d > 0 && !first.isZero(d) ? "+" : "") + first.number(d), "class", "num diff")
                        .close("tr");
            }
            h.close("tbody").close("table").close("div").newline();
        }
        JFreeChart chart = ScenarioReport.whoPaysChart(reports);
        figure(h, "chart", InlineSvg.of(chart, CHART_WIDTH, CHART_HEIGHT, "comparison-agencies", chart.getTitle().getText()),
                "Each public body's cost less its cost in the first scenario, year by year, and the public purse as a "
                        + "whole (dashed): above zero the body pays more, below zero it saves. In cash.");
    }

    private static void scenario(Html h, ScenarioReport r, int number, boolean several) {
        CouncilResult result = r.result();
        Scenario sc = result.scenario();
        Wording w = new Wording(result);
        h.open("section", "class", several || number > 1 ? "scenario new-page" : "scenario", "id", "scenario-" + number)
                .newline();
        // one scenario: the page title already names it
        if (several) h.element("h2", number + ". " + r.label());
        h.element("p", r.file() + " \u00b7 " + Wording.fy(sc.start()) + " to " + Wording.fy(sc.end())
                + " \u00b7 amounts in " + sc.units() + " \u00b7 charts in " + basisName(r), "class", "meta");
        if (sc.description() != null && !sc.description().isBlank()) h.element("p", sc.description(), "class", "description");

        h.element("h3", "Headlines");
        List<String> headlines = w.headlines();
        h.element("p", headlines.get(0), "class", "headline");
        h.open("ul", "class", "headlines");
        for (String s : headlines.subList(1, headlines.size())) h.element("li", s);
        h.close("ul");
        h.open("table", "class", "indicators").open("tbody");
        Map<String, Object> values = result.indicators().asMap();
        for (String name : Indicators.NAMES) {
            h.open("tr").element("th", w.label(name), "scope", "row")
                    .element("td", w.value(name, values.get(name)), "class", "num").close("tr");
        }
        h.close("tbody").close("table").newline();
        if (!sc.part2().agencies().isEmpty()) whoPays(h, result, w);

        h.element("h3", "Charts", "class", "new-page-print");
        for (Map.Entry<String, JFreeChart> c : r.charts().entrySet()) {
            String id = "s" + number + "-" + c.getKey();
            String chartTitle = c.getValue().getTitle() == null ? c.getKey() : c.getValue().getTitle().getText();
            figure(h, "chart", InlineSvg.of(c.getValue(), CHART_WIDTH, CHART_HEIGHT, id, chartTitle), CAPTIONS.get(c.getKey()));
        }

        h.element("h3", "Year by year", "class", "new-page-print");
        h.element("p", "Amounts in " + sc.units() + ", cash. The budget gap is planned spending less income, "
                + "before cuts and reserves; reserves are at the end of each year.", "class", "note");
        List<String[]> key = new ArrayList<>();
        KEY_COLUMNS.forEach((column, label) -> key.add(new String[] {column, label}));
        yearTable(h, result, w, key, "The budget, year by year (" + sc.units() + ")", false);
        List<String[]> services = new ArrayList<>();
        for (Service s : sc.services().values()) {
            String name = sc.label("service", s.name());
            if (s.statutory()) {
                services.add(new String[] {Columns.cost(s.name()), name + " (statutory)"});
            } else {
                services.add(new String[] {Columns.cost(s.name()), name + " planned"});
                services.add(new String[] {Columns.funded(s.name()), name + " funded"});
            }
        }
        for (int from = 0, part = 1; from < services.size(); from += COLUMNS_PER_TABLE, part++) {
            boolean split = services.size() > COLUMNS_PER_TABLE;
            // two tables of more than about 20 years do not fit on one A4 page: start the second on its own
            yearTable(h, result, w, services.subList(from, Math.min(services.size(), from + COLUMNS_PER_TABLE)),
                    "Cost of each service (" + sc.units() + ")" + (split ? ", part " + part : ""),
                    result.years() > ROWS_PER_PAGE / 2 || from > 0);
        }

        if (!sc.part2().agencies().isEmpty()) {
            List<String[]> bodies = new ArrayList<>();
            for (String a : org.pressure.cli.chart.WholeSystemCharts.agencies(sc)) {
                bodies.add(new String[] {Columns.agency(a, "cost"), sc.label("agency", a)});
            }
            bodies.add(new String[] {"public_cost", "Public purse"});
            yearTable(h, result, w, bodies, "Cost to each public body (" + sc.units() + ")", false);
        }
        for (Scenario.Cohort c : sc.part2().cohorts().values()) {
            List<String[]> states = new ArrayList<>();
            for (String st : c.states().keySet()) states.add(new String[] {Columns.cohort(c.name(), st), st});
            states.add(new String[] {Columns.cohort(c.name(), "total"), "Total"});
            yearTable(h, result, w, states, "People in the cohort " + c.name() + ", by state, at the start of the year",
                    false, true);
        }

        assumptions(h, r);
        h.close("section").newline();
    }

    /** Cost and failure-demand cost by public body over the projection, with the public purse, and a sentence. */
    private static void whoPays(Html h, CouncilResult result, Wording w) {
        Scenario sc = result.scenario();
        java.util.Map<String, double[]> totals = result.agencyTotals();
        double cost = 0, failure = 0;
        for (double[] t : totals.values()) {
            cost += t[0];
            failure += t[1];
        }
        h.element("h3", "Who pays");
        List<String> parts = new ArrayList<>();
        for (var e : totals.entrySet()) {
            parts.add(WhoPaysText.name(e.getKey()) + " " + w.money(e.getValue()[0])
                    + (cost > 0 ? " (" + percent(e.getValue()[0] / cost) + ")" : ""));
        }
        h.element("p", "From " + Wording.fy(sc.start()) + " to " + Wording.fy(sc.end()) + " the public purse bears "
                + w.money(cost) + ": " + WhoPaysText.list(parts) + ". Failure demand is part of each body's cost: "
                + "the cost of needs not met earlier, wherever it lands.");
        h.open("table", "class", "indicators").open("thead").open("tr").element("th", "Public body")
                .element("th", "Cost (" + sc.units() + ")", "class", "num")
                .element("th", "of which failure demand", "class", "num").close("tr").close("thead").open("tbody");
        for (var e : totals.entrySet()) {
            h.open("tr").element("th", e.getKey(), "scope", "row").element("td", w.number(e.getValue()[0]), "class", "num")
                    .element("td", w.number(e.getValue()[1]), "class", "num").close("tr");
        }
        h.open("tr").element("th", "Public purse (all of the above)", "scope", "row")
                .element("td", w.number(cost), "class", "num").element("td", w.number(failure), "class", "num").close("tr");
        h.close("tbody").close("table").newline();
    }

    private static String percent(double share) {
        return Wording.percent(share);
    }

    private static void yearTable(Html h, CouncilResult r, Wording w, List<String[]> columns, String caption,
                                  boolean newPage) {
        yearTable(h, r, w, columns, caption, newPage, false);
    }

    /** {@code people}: counts of people, shown to whole numbers rather than as money. */
    private static void yearTable(Html h, CouncilResult r, Wording w, List<String[]> columns, String caption,
                                  boolean newPage, boolean people) {
        h.open("div", "class", newPage ? "table-wrap new-page-print" : "table-wrap").open("table", "class", "years");
        h.element("caption", caption);
        h.open("thead").open("tr").element("th", "Year");
        for (String[] c : columns) h.element("th", c[1], "class", "num");
        h.close("tr").close("thead").open("tbody");
        double[][] data = columns.stream().map(c -> r.column(c[0])).toArray(double[][]::new);
        for (int i = 0; i < r.years(); i++) {
            h.open("tr").element("th", Wording.fy(r.year(i)), "scope", "row");
            for (double[] column : data) {
                double x = column[i];
                h.element("td", people ? String.format(java.util.Locale.UK, "%,.0f", x) : w.number(x),
                        "class", x < 0 && !w.isZero(x) ? "num negative" : "num");
            }
            h.close("tr");
        }
        h.close("tbody").close("table").close("div").newline();
    }

    private static void assumptions(Html h, ScenarioReport r) {
        Scenario sc = r.result().scenario();
        h.element("h3", "Assumptions and sources", "class", "new-page-print");
        if (!sc.sources().isEmpty()) {
            h.element("h4", "Sources named in the scenario");
            h.open("ol", "class", "sources");
            for (String s : sc.sources()) h.element("li", s);
            h.close("ol");
        } else {
            h.element("p", "The scenario file names no sources.", "class", "note");
        }
        h.element("h4", "Every value in the scenario");
        h.element("p", "As written in the file (after any --set), with the comment written beside it, which is "
                + "where scenario files cite their sources. Lines are in " + r.file() + " unless another file is named.",
                "class", "note");
        h.open("table", "class", "assumptions");
        h.raw("<colgroup><col class=\"path\" /><col class=\"value\" /><col class=\"source\" /><col class=\"where\" /></colgroup>");
        h.open("thead").open("tr").element("th", "Assumption").element("th", "Value").element("th", "Source or comment")
                .element("th", "Where").close("tr").close("thead").open("tbody");
        for (Assumption a : r.assumptions()) {
            h.open("tr").open("td", "class", "path").element("code", a.path()).close("td");
            h.open("td", "class", "value").element("code", a.value()).close("td");
            h.element("td", a.comment() == null ? "" : a.comment().replaceAll("\\s*\\n\\s*", " ").strip(), "class", "source");
            h.element("td", a.location().file().equals(r.file().toString()) && a.location().line() > 0
                    ? "line " + a.location().line() : where(a), "class", "where");
            h.close("tr");
        }
        h.close("tbody").close("table").newline();
    }

    /** "cash", or "2025/26 prices" for real terms. */
    static String basisName(ScenarioReport r) {
        String units = r.basis().units("");
        int comma = units.indexOf(", ");
        return comma < 0 ? "cash" : units.substring(comma + 2);
    }

    /** {@code file:line}, the place to look in the scenario file. */
    static String where(Assumption a) {
        var at = a.location();
        return at.line() <= 0 ? at.file() : at.file() + ":" + at.line();
    }

    private static void figure(Html h, String cssClass, String svg, String caption) {
        h.open("figure", "class", cssClass).open("div", "class", "svg").raw(svg).close("div");
        h.element("figcaption", caption).close("figure").newline();
    }
}
