package org.pressure.cli.chart;

import java.awt.Color;
import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.pressure.engine.council.Scenario;
import org.pressure.engine.england.NationRun;

/**
 * The charts of a national run: how many councils cannot balance their budget by each year;
 * every council's failure year, ranked, coloured by class; and the sector's summed budget gap
 * against its summed reserves.
 */
public final class NationCharts {
    /** Colours by class, from the Okabe-Ito palette, in an order that stays apart in greyscale. */
    private static final Map<String, Color> CLASS_COLOURS = new LinkedHashMap<>();

    static {
        CLASS_COLOURS.put("shire county", new Color(0x0072B2));
        CLASS_COLOURS.put("unitary", new Color(0xE69F00));
        CLASS_COLOURS.put("metropolitan district", new Color(0x009E73));
        CLASS_COLOURS.put("London borough", new Color(0xCC79A7));
    }

    private NationCharts() {}

    /** Bars: councils that cannot balance their budget by each year, cumulatively. */
    public static JFreeChart failing(NationRun run, String footnote) {
        int start = run.nation().start(), end = run.nation().end();
        int[] by = run.failingBy();
        XYSeries s = new XYSeries("Councils that cannot balance their budget by this year", false, false);
        for (int y = 0; y < by.length; y++) s.add(start + y, by[y]);
        XYBarRenderer bars = new XYBarRenderer(0.2);
        bars.setBarPainter(new StandardXYBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, new Color(0xD55E00));
        bars.setDrawBarOutline(false);
        NumberAxis count = new NumberAxis("Councils (of " + run.councils().size() + ")");
        count.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        count.setRange(0, run.councils().size() * 1.05);
        count.setLabelFont(Theme.AXIS_LABEL);
        count.setTickLabelFont(Theme.TICK);
        XYPlot plot = new XYPlot(new XYSeriesCollection(s), Theme.yearAxis("Financial year", start, end), count, bars);
        Theme.style(plot);
        ValueMarker all = new ValueMarker(run.councils().size(), new Color(0x777777), Theme.dashed(1.5f));
        all.setLabel("all " + run.councils().size() + " councils");
        all.setLabelFont(Theme.MARKER);
        all.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        all.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        plot.addRangeMarker(all);
        JFreeChart chart = new JFreeChart("Councils that cannot balance their budget, by year", Theme.TITLE, plot, false);
        int last = by[by.length - 1];
        Theme.subtitle(chart, String.format(Locale.UK, "%d of %d councils by %s; each bar counts every council whose "
                + "failure year is that year or earlier", last, run.councils().size(), Scenario.financialYear(end)));
        Theme.style(chart, footnote);
        return chart;
    }

    /** Dots: councils ranked by failure year (earliest at the left), the year up the side, coloured by class; "never" at the top. */
    public static JFreeChart failureYears(NationRun run, String footnote) {
        int start = run.nation().start(), end = run.nation().end();
        List<NationRun.CouncilRun> ranked = run.ranked();
        Map<String, XYSeries> byClass = new LinkedHashMap<>();
        for (String k : CLASS_COLOURS.keySet()) byClass.put(k, new XYSeries(Theme.label(k), false, true));
        for (int i = 0; i < ranked.size(); i++) {
            NationRun.CouncilRun c = ranked.get(i);
            Integer f = c.indicators().failureYear();
            byClass.computeIfAbsent(c.entry().classLabel(), k -> new XYSeries(Theme.label(k), false, true))
                    .add(i + 1, f == null ? end + 1.5 : f);
        }
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer dots = new XYLineAndShapeRenderer(false, true);
        int k = 0;
        for (Map.Entry<String, XYSeries> e : byClass.entrySet()) {
            if (e.getValue().isEmpty()) continue;
            data.addSeries(e.getValue());
            Paint p = CLASS_COLOURS.getOrDefault(e.getKey(), new Color(0x555555));
            dots.setSeriesPaint(k, p);
            dots.setSeriesShape(k, new Ellipse2D.Double(-5, -5, 10, 10));
            k++;
        }
        NumberAxis rank = new NumberAxis("Councils ranked by risk (1 = earliest failure)");
        rank.setRange(0, ranked.size() + 1);
        rank.setLabelFont(Theme.AXIS_LABEL);
        rank.setTickLabelFont(Theme.TICK);
        NumberAxis years = Theme.yearAxis("Failure year (top row: never, to " + Scenario.financialYear(end) + ")", start, end);
        years.setRange(start - 0.5, end + 2);
        years.setNumberFormatOverride(new Theme.FinancialYearFormat() {
            private static final long serialVersionUID = 1L;

            @Override
            public StringBuffer format(double number, StringBuffer to, java.text.FieldPosition pos) {
                return number > end + 0.5 ? to : super.format(number, to, pos);
            }
        });
        XYPlot plot = new XYPlot(data, rank, years, dots);
        Theme.style(plot);
        ValueMarker never = new ValueMarker(end + 1.5, new Color(0xBBBBBB), Theme.dashed(1f));
        never.setLabel("never (to " + Scenario.financialYear(end) + ")");
        never.setLabelFont(Theme.MARKER);
        never.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        never.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        plot.addRangeMarker(never);
        JFreeChart chart = new JFreeChart("Each council's failure year, ranked", Theme.TITLE, plot, true);
        long never2 = ranked.stream().filter(c -> c.indicators().failureYear() == null).count();
        Theme.subtitle(chart, String.format(Locale.UK, "The year each council's budget can no longer be balanced; %d of %d "
                + "balance to %s", never2, ranked.size(), Scenario.financialYear(end)));
        Theme.style(chart, footnote);
        return chart;
    }

    /** Lines: the sector's summed budget gap before action, and its summed reserves. */
    public static JFreeChart sectorGap(NationRun run, String units, String footnote) {
        int start = run.nation().start(), end = run.nation().end();
        double[] gap = run.sectorGap(), reserves = run.sectorReserves();
        XYSeries g = new XYSeries("Budget gap before action, all councils", false, false);
        XYSeries r = new XYSeries("Reserves, all councils", false, false);
        for (int y = 0; y < gap.length; y++) {
            g.add(start + y, gap[y]);
            r.add(start + y, reserves[y]);
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(g);
        data.addSeries(r);
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
        lines.setSeriesPaint(0, new Color(0xD55E00));
        lines.setSeriesStroke(0, Theme.line(4f));
        lines.setSeriesPaint(1, new Color(0x0072B2));
        lines.setSeriesStroke(1, Theme.dashed(3f));
        NumberAxis money = Theme.moneyAxis(units);
        XYPlot plot = new XYPlot(data, Theme.yearAxis("Financial year", start, end), money, lines);
        Theme.style(plot);
        plot.addRangeMarker(new ValueMarker(0, Theme.INK, Theme.line(1f)));
        JFreeChart chart = new JFreeChart("The sector's budget gap and reserves", Theme.TITLE, plot, true);
        Theme.subtitle(chart, String.format(Locale.UK, "Every council's yearly gap before cuts and reserves, added up (surpluses net off): "
                + "%,.0f gap and %,.0f reserves (%s) in %s", gap[gap.length - 1], reserves[reserves.length - 1], units,
                Scenario.financialYear(end)));
        Theme.style(chart, footnote);
        return chart;
    }

    /**
     * A national sweep's bars: the median number of councils that cannot balance by each year,
     * with a line from the 5th to the 95th percentile over runs.
     */
    public static JFreeChart failingBands(org.pressure.engine.england.NationModel model,
                                          org.pressure.engine.sweep.SweepResult r, String footnote) {
        var nation = model.nation();
        org.jfree.data.xy.YIntervalSeries s = new org.jfree.data.xy.YIntervalSeries("Median over runs, with 5th to 95th percentile");
        for (int y = nation.start(); y <= nation.end(); y++) {
            var o = r.output("councils_failing@" + y);
            s.add(y, o.p50(), o.p5(), o.p95());
        }
        org.jfree.data.xy.YIntervalSeriesCollection data = new org.jfree.data.xy.YIntervalSeriesCollection();
        data.addSeries(s);
        org.jfree.chart.renderer.xy.XYErrorRenderer bars = new org.jfree.chart.renderer.xy.XYErrorRenderer();
        bars.setDrawXError(false);
        bars.setDefaultLinesVisible(false);
        bars.setSeriesPaint(0, new Color(0xD55E00));
        bars.setSeriesShape(0, new java.awt.geom.Rectangle2D.Double(-9, -9, 18, 18));
        bars.setErrorPaint(new Color(0x555555));
        bars.setErrorStroke(Theme.line(2.5f));
        bars.setCapLength(12);
        NumberAxis count = new NumberAxis("Councils (of " + nation.councils().size() + ")");
        count.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        count.setRange(0, nation.councils().size() * 1.05);
        count.setLabelFont(Theme.AXIS_LABEL);
        count.setTickLabelFont(Theme.TICK);
        XYPlot plot = new XYPlot(data, Theme.yearAxis("Financial year", nation.start(), nation.end()), count, bars);
        Theme.style(plot);
        JFreeChart chart = new JFreeChart("Councils that cannot balance their budget, by year", Theme.TITLE, plot, true);
        Theme.subtitle(chart, String.format(Locale.UK, "%s: %,d runs, national assumptions shared by every council in a run",
                Theme.cut(r.spec().name()), r.runs()));
        Theme.style(chart, footnote);
        return chart;
    }
}
