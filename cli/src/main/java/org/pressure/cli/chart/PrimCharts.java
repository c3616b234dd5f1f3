package org.pressure.cli.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYShapeAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.pressure.engine.discover.Prim;

/** Charts of a PRIM run: the peeling trade-off and the runs in the two most restricted inputs with the box. */
public final class PrimCharts {
    private static final Color ORANGE = new Color(0xD55E00), BLUE = new Color(0x0072B2), GREY = new Color(0xB0B0B0);
    /** Most runs drawn in the scatter; beyond that an even sample, so the picture stays readable. */
    public static final int SCATTER_MAX = 5000;

    private PrimCharts() {}

    /** Coverage against density along the peeling trajectory, the chosen step and the final box marked. */
    public static JFreeChart tradeoff(Prim.Result r, String where, String source) {
        XYSeries steps = new XYSeries("peeling trajectory", false, true);
        for (Prim.Box b : r.trajectory()) steps.add(b.coverage(), b.density());
        XYSeries chosen = new XYSeries("chosen step (" + r.chosen() + ")", false, true);
        chosen.add(r.trajectory().get(r.chosen()).coverage(), r.trajectory().get(r.chosen()).density());
        XYSeries fin = new XYSeries("the box, after pasting", false, true);
        fin.add(r.box().coverage(), r.box().density());
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(steps);
        data.addSeries(chosen);
        data.addSeries(fin);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
        renderer.setSeriesPaint(0, BLUE);
        renderer.setSeriesStroke(0, Theme.line(2f));
        renderer.setSeriesShape(0, new Ellipse2D.Double(-4, -4, 8, 8));
        renderer.setSeriesLinesVisible(1, false);
        renderer.setSeriesLinesVisible(2, false);
        renderer.setSeriesPaint(1, ORANGE);
        renderer.setSeriesShape(1, new Ellipse2D.Double(-9, -9, 18, 18));
        renderer.setSeriesPaint(2, new Color(0x009E73));
        renderer.setSeriesShape(2, new Rectangle2D.Double(-8, -8, 16, 16));
        NumberAxis x = percentAxis("Coverage: share of the runs of interest inside the box");
        NumberAxis y = percentAxis("Density: share of the runs in the box that are of interest");
        XYPlot plot = new XYPlot(data, x, y, renderer);
        Theme.style(plot);
        for (int s = 0; s < r.trajectory().size(); s++) {
            Prim.Box b = r.trajectory().get(s);
            if (s % Math.max(1, r.trajectory().size() / 12) != 0 && s != r.chosen()) continue;
            XYTextAnnotation a = new XYTextAnnotation(b.restricted().size() + "", b.coverage(), b.density());
            a.setFont(Theme.TICK);
            a.setTextAnchor(TextAnchor.BOTTOM_LEFT);
            plot.addAnnotation(a);
        }
        JFreeChart chart = new JFreeChart("Peeling trajectory: runs where " + where, Theme.TITLE, plot, true);
        Theme.style(chart, source + "  |  numbers: inputs restricted at that step  |  " + r.totalRuns() + " runs, "
                + r.totalCases() + " of interest");
        return chart;
    }

    /** The runs in two inputs, those of interest in colour, with the box's bounds in them drawn. */
    public static JFreeChart scatter(Prim.Result r, boolean[] cases, double[][] x, int i, int j, String where, String source) {
        XYSeries other = new XYSeries("other runs", false, true);
        XYSeries hit = new XYSeries("runs where " + where, false, true);
        int n = cases.length;
        int step = Math.max(1, (n + SCATTER_MAX - 1) / SCATTER_MAX);
        for (int k = 0; k < n; k += step) (cases[k] ? hit : other).add(x[i][k], x[j][k]);
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(other);
        data.addSeries(hit);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        renderer.setSeriesPaint(0, GREY);
        renderer.setSeriesPaint(1, ORANGE);
        renderer.setSeriesShape(0, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
        renderer.setSeriesShape(1, new Ellipse2D.Double(-3, -3, 6, 6));
        List<String> names = r.inputs();
        NumberAxis ax = new NumberAxis(names.get(i)), ay = new NumberAxis(names.get(j));
        for (NumberAxis a : List.of(ax, ay)) {
            a.setAutoRangeIncludesZero(false);
            a.setLabelFont(Theme.AXIS_LABEL);
            a.setTickLabelFont(Theme.TICK);
        }
        XYPlot plot = new XYPlot(data, ax, ay, renderer);
        Theme.style(plot);
        Prim.Box b = r.box();
        Rectangle2D box = new Rectangle2D.Double(b.low()[i], b.low()[j], b.high()[i] - b.low()[i], b.high()[j] - b.low()[j]);
        plot.addAnnotation(new XYShapeAnnotation(box, new BasicStroke(3.5f), Theme.INK));
        String title = String.format(Locale.ROOT, "The box holds %.0f%% of the runs of interest; %.0f%% of its runs are of interest",
                100 * b.coverage(), 100 * b.density());
        JFreeChart chart = new JFreeChart(title, Theme.TITLE, plot, true);
        Theme.style(chart, source + (step > 1 ? "  |  every " + step + "th run drawn" : "")
                + (b.restricted().size() > 2 ? "  |  the box also restricts other inputs" : ""));
        return chart;
    }

    private static NumberAxis percentAxis(String label) {
        NumberAxis a = new NumberAxis(label);
        a.setRange(0, 1.04);
        a.setNumberFormatOverride(new java.text.DecimalFormat("0%"));
        a.setLabelFont(Theme.AXIS_LABEL);
        a.setTickLabelFont(Theme.TICK);
        return a;
    }
}
