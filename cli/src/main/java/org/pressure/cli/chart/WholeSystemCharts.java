package org.pressure.cli.chart;

import org.pressure.engine.council.Columns;
import java.awt.Color;
import java.awt.Paint;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StackedXYAreaRenderer2;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.DefaultTableXYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.pressure.engine.council.CouncilResult;
import org.pressure.engine.council.Scenario;
import org.pressure.engine.council.Service;

/**
 * The charts of the whole system (docs/model.md sections 12 and 13): who pays, agency by
 * agency, beside the council's budget gap; and the people of each cohort by state.
 */
public final class WholeSystemCharts {
    /** Agencies: the council first, in blue; others in colours that differ in greyscale too. */
    private static final Color[] AGENCY = {
        new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73), new Color(0x5A4A8A), new Color(0x56B4E9),
        new Color(0xCC79A7), new Color(0xD55E00), new Color(0xF0E442),
    };
    /** Cohort states, stacked: neighbours differ in hue and lightness. */
    private static final Color[] STATE = {
        new Color(0xD55E00), new Color(0x56B4E9), new Color(0x5A4A8A), new Color(0x009E73), new Color(0xF0E442),
        new Color(0xCC79A7), new Color(0x8C510A), new Color(0xBFBFBF),
    };

    private WholeSystemCharts() {}

    /** The council, then every agency the file lists, as written in it. */
    public static List<String> agencies(Scenario sc) {
        List<String> a = new ArrayList<>();
        a.add(Service.COUNCIL);
        a.addAll(sc.part2().agencies());
        return a;
    }

    /** The colour of the {@code i}th agency (the council is 0), the same on every chart. */
    public static Paint agencyColour(int i) {
        Color c = AGENCY[i % AGENCY.length];
        for (int k = 0; k < i / AGENCY.length; k++) c = c.brighter();
        return c;
    }

    /**
     * Who pays: each agency's cost stacked (the council at the bottom, so the top is the cost to
     * the public purse); below it, the council's budget gap before action (bars) and the
     * failure-demand cost each agency bears (lines).
     */
    public static JFreeChart whoPays(CouncilResult r, String file, PriceBasis basis) {
        Scenario sc = r.scenario();
        List<String> agencies = agencies(sc);
        String units = basis.units(sc.units());

        DefaultTableXYDataset costs = new DefaultTableXYDataset();
        StackedXYAreaRenderer2 stack = new StackedXYAreaRenderer2();
        stack.setLegendArea(new Rectangle(-8, -8, 16, 16));
        for (int a = 0; a < agencies.size(); a++) {
            costs.addSeries(series(r, basis.money(r, Columns.agency(agencies.get(a), "cost")), sc.label("agency", agencies.get(a))));
            stack.setSeriesPaint(a, agencyColour(a));
        }
        XYPlot top = new XYPlot(costs, null, Theme.moneyAxis("Cost, " + units), stack);
        Theme.style(top);

        XYBarRenderer bars = new XYBarRenderer(0.3);
        bars.setBarPainter(new StandardXYBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, new Color(0x7F7F7F));
        XYPlot bottom = new XYPlot(new XYSeriesCollection(series(r, basis.money(r, "budget_gap"),
                "council's budget gap before action")), null, Theme.moneyAxis("Budget gap, " + units), bars);
        XYSeriesCollection failure = new XYSeriesCollection();
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, true);
        int shown = 0;
        for (int a = 0; a < agencies.size(); a++) {
            double[] f = basis.money(r, Columns.agency(agencies.get(a), "failure_cost"));
            if (allZero(f)) continue; // an agency no failure demand reaches needs no flat line at zero
            failure.addSeries(series(r, f, sc.label("agency", agencies.get(a)) + ": failure demand"));
            // in the body's colour, as its cost above: the legend names each body once
            lines.setSeriesVisibleInLegend(shown, false);
            lines.setSeriesPaint(shown, agencyColour(a));
            lines.setSeriesStroke(shown, Theme.line(3.5f));
            lines.setSeriesShape(shown, new java.awt.geom.Ellipse2D.Double(-4, -4, 8, 8));
            shown++;
        }
        if (shown > 0) {
            bottom.setRenderer(1, lines);
            bottom.setDataset(1, failure);
            // failure demand is a small part of the gap: on its own scale, at the right, it is read
            // rather than flattened along zero
            bottom.setRangeAxis(1, Theme.moneyAxis("Failure demand, " + units));
            bottom.mapDatasetToRangeAxis(1, 1);
            bottom.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        }
        bottom.addRangeMarker(new ValueMarker(0, Theme.INK, Theme.line(1f)));
        Theme.style(bottom);

        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(Theme.yearAxis("Financial year", sc.start(), sc.end()));
        plot.setGap(28);
        plot.add(top, 3);
        plot.add(bottom, 2);
        JFreeChart chart = new JFreeChart(sc.name() + ": who pays", Theme.TITLE, plot, true);
        Theme.subtitle(chart, "Top: each body's cost, stacked; the top edge is the cost to the public purse. Bottom: the "
                + "council's budget gap (bars, left scale) and the failure demand each body bears (lines, in the body's colour, "
                + "right scale).");
        Theme.style(chart, Theme.scenarioFootnote(file));
        return chart;
    }

    /** People in each state of each cohort, stacked, one panel per cohort. */
    public static JFreeChart cohorts(CouncilResult r, String file) {
        Scenario sc = r.scenario();
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(Theme.yearAxis("Financial year", sc.start(), sc.end()));
        plot.setGap(28);
        boolean several = sc.part2().cohorts().size() > 1;
        int colour = 0; // counted across cohorts: one legend names every state, so no two share a colour
        for (Scenario.Cohort c : sc.part2().cohorts().values()) {
            DefaultTableXYDataset people = new DefaultTableXYDataset();
            StackedXYAreaRenderer2 stack = new StackedXYAreaRenderer2();
            stack.setLegendArea(new Rectangle(-8, -8, 16, 16));
            int i = 0;
            for (String state : c.states().keySet()) {
                people.addSeries(series(r, r.column(Columns.cohort(c.name(), state)),
                        several ? c.name() + ": " + state : state));
                stack.setSeriesPaint(i++, state(colour++));
            }
            XYPlot panel = new XYPlot(people, null, Theme.moneyAxis("People, " + c.name()), stack);
            Theme.style(panel);
            plot.add(panel, 1);
        }
        String names = String.join(", ", sc.part2().cohorts().keySet());
        JFreeChart chart = new JFreeChart(sc.name() + ": people in " + (several ? "each cohort" : "the cohort " + names)
                + ", by state", Theme.TITLE, plot, true);
        Theme.subtitle(chart, "People counted at the start of each year; the top edge is everyone in the cohort.");
        Theme.style(chart, Theme.scenarioFootnote(file));
        return chart;
    }

    /** The colour of the {@code i}th state drawn, past the palette repeated lighter. */
    private static Paint state(int i) {
        Color c = STATE[i % STATE.length];
        for (int k = 0; k < i / STATE.length; k++) c = c.brighter();
        return c;
    }

    private static XYSeries series(CouncilResult r, double[] values, String name) {
        XYSeries xy = new XYSeries(name, false, false);
        for (int i = 0; i < values.length; i++) xy.add(r.year(i), values[i]);
        return xy;
    }

    private static boolean allZero(double[] xs) {
        for (double x : xs) if (Math.abs(x) > 1e-9) return false;
        return true;
    }


}
