package org.pressure.cli.chart;

import java.awt.Color;
import java.awt.geom.Ellipse2D;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.pressure.engine.council.CouncilResult;
import org.pressure.engine.council.Scenario;

/** One column of a backtest: the projection over every year (line) against the observed values (points). */
public final class BacktestChart {
    private BacktestChart() {}

    /**
     * @param column   the results.csv column
     * @param years    the observed years
     * @param observed the observed values, one per year
     * @param axis     what the column measures, for the value axis
     * @param summary  a line under the title (the errors in words)
     * @param footnote the files compared
     */
    public static JFreeChart of(CouncilResult r, String column, int[] years, double[] observed, String axis,
                                String summary, String footnote) {
        Scenario sc = r.scenario();
        XYSeries projection = new XYSeries("Projected", false, false);
        double[] values = r.column(column);
        for (int i = 0; i < values.length; i++) projection.add(r.year(i), values[i]);
        XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, false);
        line.setSeriesPaint(0, new Color(0x0072B2));
        line.setSeriesStroke(0, Theme.line(4f));
        XYPlot plot = new XYPlot(new XYSeriesCollection(projection), Theme.yearAxis("Financial year", sc.start(), sc.end()),
                Theme.moneyAxis(axis), line);
        // a value axis that starts at zero flattens a close fit; let it fit the values seen
        // and leave room above and below so that a point on the edge is drawn whole
        org.jfree.chart.axis.NumberAxis axisOfValues = (org.jfree.chart.axis.NumberAxis) plot.getRangeAxis();
        axisOfValues.setAutoRangeIncludesZero(false);
        axisOfValues.setLowerMargin(0.08);
        axisOfValues.setUpperMargin(0.08);

        XYSeries seen = new XYSeries("Observed", false, false);
        for (int i = 0; i < years.length; i++) seen.add(years[i], observed[i]);
        XYLineAndShapeRenderer points = new XYLineAndShapeRenderer(false, true);
        points.setSeriesPaint(0, new Color(0xD55E00));
        points.setSeriesShape(0, new Ellipse2D.Double(-7, -7, 14, 14));
        points.setSeriesOutlinePaint(0, Color.WHITE);
        points.setUseOutlinePaint(true);
        points.setDrawOutlines(true);
        points.setSeriesOutlineStroke(0, Theme.line(1.5f));
        plot.setRenderer(1, points);
        plot.setDataset(1, new XYSeriesCollection(seen));
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        Theme.style(plot);
        JFreeChart chart = new JFreeChart(sc.name() + ": " + column + ", projected and observed", Theme.TITLE, plot, true);
        TextTitle sub = new TextTitle(summary, Theme.SUBTITLE);
        sub.setPaint(new Color(0x444444));
        chart.addSubtitle(sub);
        Theme.style(chart, footnote + "  |  Pressure");
        return chart;
    }
}
