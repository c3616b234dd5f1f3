package org.pressure.cli.report;

import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.pressure.cli.chart.NationCharts;
import org.pressure.engine.england.NationRun;

/** The national run's part of report.html: the headline in words, its three charts, and the riskiest councils. */
public final class NationSection {
    /** How many councils the table lists, riskiest first (councils.csv has them all). */
    static final int LISTED = 25;

    private NationSection() {}

    /** The charts of the section, in the order drawn, for report.html and as files beside it. */
    public static List<JFreeChart> charts(NationRun run) {
        String note = "Councils: " + run.nation().dir() + "  |  Projection, not a forecast  |  Pressure";
        return List.of(NationCharts.failing(run, note), NationCharts.failureYears(run, note),
                NationCharts.sectorGap(run, run.nation().units(), note));
    }

    /** The national run in one sentence: how many councils cannot balance by the eighth year, and by the last. */
    public static String headline(NationRun run) {
        var n = run.nation();
        int[] by = run.failingBy();
        int near = Math.min(by.length - 1, 7);
        return String.format(Locale.UK, "%d of %d councils cannot balance their budget by %s; %d by %s.", by[near],
                run.councils().size(), Wording.fy(n.start() + near), by[by.length - 1], Wording.fy(n.end()));
    }

    static void render(Html h, NationRun run) {
        var n = run.nation();
        int councils = run.councils().size();
        int[] by = run.failingBy();
        h.open("section", "class", "nation new-page", "id", "nation").newline();
        h.element("h2", "England: " + councils + " councils run together");
        h.element("p", n.dir() + " \u00b7 " + Wording.fy(n.start()) + " to " + Wording.fy(n.end()) + " \u00b7 amounts in "
                + n.units(), "class", "meta");
        h.element("p", headline(run) + String.format(Locale.UK, " The sector's budget gap before action is %,.0f in %s, "
                + "and its reserves %,.0f.", run.sectorGap()[by.length - 1], Wording.fy(n.end()),
                run.sectorReserves()[by.length - 1]), "class", "headline");
        h.element("p", "Each council is its own scenario file, built from its Revenue Account return and its population "
                + "projection, with the national assumptions shared (docs/england.md). A council's failure year is the "
                + "first year its budget cannot be balanced: reserves at their minimum and every cut at its floor.",
                "class", "note");
        String[] captions = {"How many councils cannot balance their budget by each year (councils-failing).",
                "Every council's failure year, ranked, coloured by class (failure-years).",
                "The sector's summed budget gap before action, and its summed reserves (sector-gap)."};
        List<JFreeChart> charts = charts(run);
        for (int i = 0; i < charts.size(); i++) {
            JFreeChart c = charts.get(i);
            h.open("figure", "class", "chart").open("div", "class", "svg")
                    .raw(InlineSvg.of(c, HtmlReport.CHART_WIDTH, HtmlReport.CHART_HEIGHT, "n" + i, c.getTitle().getText()))
                    .close("div");
            h.element("figcaption", captions[i]).close("figure").newline();
        }
        h.element("h3", "The riskiest councils", "class", "new-page-print");
        h.open("div", "class", "table-wrap").open("table", "class", "compare");
        h.element("caption", "The " + Math.min(LISTED, councils) + " councils that fail first (councils.csv lists all, with "
                + "every indicator); reserves share is usable reserves at the start over core funding");
        h.open("thead").open("tr").element("th", "Rank", "class", "num").element("th", "Council").element("th", "Class")
                .element("th", "Failure year", "class", "num").element("th", "Reserves share", "class", "num")
                .close("tr").close("thead").open("tbody");
        List<NationRun.CouncilRun> ranked = run.ranked();
        for (int i = 0; i < Math.min(LISTED, ranked.size()); i++) {
            NationRun.CouncilRun c = ranked.get(i);
            Integer f = c.indicators().failureYear();
            h.open("tr").element("td", Integer.toString(i + 1), "class", "num").element("th", c.entry().name(), "scope", "row")
                    .element("td", c.entry().classLabel()).element("td", f == null ? "never" : Wording.fy(f), "class", "num")
                    .element("td", Double.isNaN(c.reservesShare()) ? "\u2013"
                            : SweepSection.percent(c.reservesShare()), "class", "num").close("tr");
        }
        h.close("tbody").close("table").close("div").newline();
        h.close("section").newline();
    }
}
