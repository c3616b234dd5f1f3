package org.pressure.cli.chart;

import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.pressure.engine.council.Comparison;
import org.pressure.engine.council.CouncilResult;

/** Budget gap (top) and reserves (bottom) of several scenarios, one line each, on one year axis. */
public final class ComparisonChart {
    private ComparisonChart() {}

    public static JFreeChart create(Comparison c) {
        List<CouncilResult> rs = c.results();
        int start = rs.stream().mapToInt(r -> r.scenario().start()).min().orElseThrow();
        int end = rs.stream().mapToInt(r -> r.scenario().end()).max().orElseThrow();
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(Theme.yearAxis("Financial year", start, end));
        plot.setGap(24);
        String units = rs.get(0).scenario().units();
        plot.add(panel(c, "budget_gap", "Budget gap, " + units + " a year"), 1);
        plot.add(panel(c, "reserves", "Reserves, " + units), 1);
        JFreeChart chart = new JFreeChart("Budget gap and reserves by scenario", Theme.TITLE, plot, true);
        Theme.style(chart, "Scenarios: " + String.join(", ", c.labels()) + "  \u00b7  Pressure");
        return chart;
    }

    private static XYPlot panel(Comparison c, String column, String label) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, true);
        for (int k = 0; k < c.results().size(); k++) {
            CouncilResult r = c.results().get(k);
            XYSeries s = new XYSeries(r.scenario().name() + " (" + c.labels().get(k) + ")", false, true);
            double[] v = r.column(column);
            for (int i = 0; i < v.length; i++) s.add(r.year(i), v[i]);
            data.addSeries(s);
            lines.setSeriesPaint(k, Theme.statutory(k));
            // dashes as well as colours, so lines separate in greyscale
            lines.setSeriesStroke(k, k % 2 == 0 ? Theme.line(3.5f) : Theme.dashed(3.5f));
            lines.setSeriesShape(k, new java.awt.geom.Ellipse2D.Double(-3, -3, 6, 6));
        }
        NumberAxis y = Theme.moneyAxis(label);
        XYPlot plot = new XYPlot(data, null, y, lines);
        plot.addRangeMarker(new ValueMarker(0, Theme.INK, Theme.line(1f)));
        Theme.style(plot);
        return plot;
    }
}
