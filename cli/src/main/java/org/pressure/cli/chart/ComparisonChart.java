package org.pressure.cli.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.pressure.engine.council.CouncilResult;

/**
 * Several scenarios on one chart: the budget gap above and reserves below, one line per
 * scenario, told apart by colour and by dash so that they survive greyscale printing.
 */
public final class ComparisonChart {
    private static final Color[] COLOURS = {
        new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7), new Color(0x1A1A1A),
        new Color(0xE69F00), new Color(0x56B4E9),
    };
    private static final float[][] DASHES = {null, {12f, 6f}, {3f, 5f}, {14f, 5f, 3f, 5f}, {6f, 6f}};

    /** One scenario on the chart: how its line is named, its run, and the prices it is shown in. */
    public record Line(String label, CouncilResult result, PriceBasis basis) {}

    private ComparisonChart() {}

    /** The budget gap and reserves of every scenario; lines numbered in the order given. */
    public static JFreeChart of(List<Line> lines, String footnote) {
        int start = lines.stream().mapToInt(l -> l.result().scenario().start()).min().orElseThrow();
        int end = lines.stream().mapToInt(l -> l.result().scenario().end()).max().orElseThrow();
        String units = units(lines.get(0));
        boolean sameUnits = lines.stream().allMatch(l -> units(l).equals(units));
        String axis = sameUnits ? units : "each scenario's own units";
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(Theme.yearAxis("Financial year", start, end));
        plot.setGap(24);
        plot.add(panel(lines, "budget_gap", "Budget gap, " + axis, true), 1);
        plot.add(panel(lines, "reserves", "Reserves, " + axis.replace(" a year", ""), false), 1);
        JFreeChart chart = new JFreeChart("The budget gap and reserves, scenario by scenario", Theme.TITLE, plot, true);
        Theme.style(chart, footnote + "  |  Projection, not a forecast  |  Pressure");
        return chart;
    }

    private static String units(Line l) {
        return l.basis().units(l.result().scenario().units());
    }

    private static XYPlot panel(List<Line> lines, String column, String label, boolean inLegend) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            // numbered keys: two scenarios may share a name
            XYSeries s = new XYSeries((i + 1) + ". " + l.label(), false, false);
            double[] values = l.basis().money(l.result(), column);
            for (int y = 0; y < values.length; y++) s.add(l.result().year(y), values[y]);
            data.addSeries(s);
            renderer.setSeriesPaint(i, COLOURS[i % COLOURS.length]);
            float[] dash = DASHES[i % DASHES.length];
            renderer.setSeriesStroke(i, dash == null ? Theme.line(3.5f)
                    : new BasicStroke(3.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f));
            renderer.setSeriesVisibleInLegend(i, inLegend);
        }
        NumberAxis y = Theme.moneyAxis(label);
        XYPlot plot = new XYPlot(data, null, y, renderer);
        plot.addRangeMarker(new ValueMarker(0, Theme.INK, Theme.line(1f)));
        Theme.style(plot);
        return plot;
    }

    /**
     * Who saves, who pays: for each scenario after the first, a panel of each body's cost less
     * its cost in the first scenario, year by year, and the public purse as a whole (bold, black).
     * Below zero, the body saves.
     */
    public static JFreeChart whoPays(org.pressure.engine.council.Comparison c, String footnote) {
        List<org.pressure.engine.council.CouncilResult> rs = c.results();
        org.pressure.engine.council.CouncilResult base = rs.get(0);
        // differences exist only in the years a scenario shares with the first
        int start = rs.stream().skip(1).mapToInt(r -> Math.max(r.scenario().start(), base.scenario().start())).min()
                .orElseThrow();
        int end = rs.stream().skip(1).mapToInt(r -> Math.min(r.scenario().end(), base.scenario().end())).max().orElseThrow();
        String units = base.scenario().units();
        List<String> all = c.agencies();
        java.util.Set<String> named = new java.util.HashSet<>();
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(Theme.yearAxis("Financial year", start, end));
        plot.setGap(28);
        for (int i = 1; i < rs.size(); i++) {
            org.pressure.engine.council.CouncilResult r = rs.get(i);
            XYSeriesCollection data = new XYSeriesCollection();
            XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
            List<String> agencies = c.whoPays(i).agencies();
            for (int a = 0; a <= agencies.size(); a++) {
                boolean purse = a == agencies.size();
                String name = purse ? "public purse (all bodies)" : agencies.get(a);
                double[] mine = purse ? org.pressure.engine.council.Comparison.publicCost(r)
                        : org.pressure.engine.council.Comparison.agencyCost(r, agencies.get(a));
                double[] theirs = purse ? org.pressure.engine.council.Comparison.publicCost(base)
                        : org.pressure.engine.council.Comparison.agencyCost(base, agencies.get(a));
                XYSeries s = new XYSeries(name, false, false);
                for (int y = Math.max(r.scenario().start(), base.scenario().start());
                     y <= Math.min(r.scenario().end(), base.scenario().end()); y++) {
                    s.add(y, mine[y - r.scenario().start()] - theirs[y - base.scenario().start()]);
                }
                data.addSeries(s);
                // a body keeps its colour in every panel
                renderer.setSeriesPaint(a, purse ? Color.BLACK : WholeSystemCharts.agencyColour(all.indexOf(name)));
                renderer.setSeriesStroke(a, purse ? new BasicStroke(4.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                        new float[] {12f, 6f}, 0f) : Theme.line(3.5f));
                // the legend names each body once
                renderer.setSeriesVisibleInLegend(a, named.add(name));
            }
            String label = rs.size() > 2 ? "[" + (i + 1) + "]-[1], " + units + " a year" : "Difference, " + units + " a year";
            XYPlot panel = new XYPlot(data, null, Theme.moneyAxis(label), renderer);
            panel.addRangeMarker(new ValueMarker(0, Theme.INK, Theme.line(1f)));
            Theme.style(panel);
            plot.add(panel, 1);
        }
        // the scenarios' names go in the subtitle, which wraps; a title of two long names would not fit
        String title = rs.size() > 2 ? "Who saves, who pays: each scenario against the first" : "Who saves, who pays";
        JFreeChart chart = new JFreeChart(title, Theme.TITLE, plot, true);
        org.jfree.chart.title.TextTitle sub = new org.jfree.chart.title.TextTitle((rs.size() > 2
                ? "Each body's cost less its cost in " + c.labels().get(0)
                : "Each body's cost in " + c.labels().get(1) + " less its cost in " + c.labels().get(0))
                + ", year by year: above zero the body pays more, below zero it saves.", Theme.SUBTITLE);
        sub.setPaint(new Color(0x444444));
        chart.addSubtitle(sub);
        Theme.style(chart, footnote + "  |  Projection, not a forecast  |  Pressure");
        return chart;
    }
}
