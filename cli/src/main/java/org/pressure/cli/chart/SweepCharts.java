package org.pressure.cli.chart;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.IntervalBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.category.DefaultIntervalCategoryDataset;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.pressure.engine.council.Scenario;
import org.pressure.engine.sweep.SweepResult;

/** Charts of a sweep: fan charts of trajectories, histograms of year outputs, tornado charts. */
public final class SweepCharts {
    private SweepCharts() {}

    /** A file-name-safe form of an output or column name ({@code reserves@end} stays as it is). */
    public static String fileName(String name) {
        return name.replaceAll("[/\\\\:*?\"<>|\\s]", "_");
    }

    /** Median with 50% and 90% bands, by year. */
    public static JFreeChart fan(SweepResult r, SweepResult.Band band, String units, String source) {
        YIntervalSeries outer = new YIntervalSeries("90% of runs (5th to 95th percentile)");
        YIntervalSeries inner = new YIntervalSeries("50% of runs (25th to 75th percentile)");
        for (int i = 0; i < band.years().length; i++) {
            outer.add(band.years()[i], band.p50()[i], band.p5()[i], band.p95()[i]);
            inner.add(band.years()[i], band.p50()[i], band.p25()[i], band.p75()[i]);
        }
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        data.addSeries(outer);
        data.addSeries(inner);
        DeviationRenderer renderer = new DeviationRenderer(true, false);
        Color blue = new Color(0x0072B2);
        renderer.setSeriesFillPaint(0, new Color(0xBDD7EE));
        renderer.setSeriesFillPaint(1, new Color(0x6BAED6));
        renderer.setSeriesPaint(0, blue);
        renderer.setSeriesPaint(1, blue);
        renderer.setSeriesStroke(0, Theme.line(3f));
        renderer.setSeriesStroke(1, Theme.line(3f));
        renderer.setAlpha(1f);
        int[] years = band.years();
        XYPlot plot = new XYPlot(data, Theme.yearAxis("Financial year", years[0], years[years.length - 1]),
                Theme.moneyAxis(units + " a year"), renderer);
        ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(false);
        plot.setSeriesRenderingOrder(org.jfree.chart.plot.SeriesRenderingOrder.FORWARD); // inner band over outer
        plot.addRangeMarker(new ValueMarker(0, Theme.INK, Theme.line(1f)));
        Theme.style(plot);
        org.jfree.chart.LegendItemCollection legend = new org.jfree.chart.LegendItemCollection();
        java.awt.Shape box = new java.awt.Rectangle(-8, -8, 16, 16);
        legend.add(new org.jfree.chart.LegendItem("Median", null, null, null,
                new java.awt.geom.Line2D.Double(-10, 0, 10, 0), Theme.line(3f), blue));
        legend.add(new org.jfree.chart.LegendItem(inner.getKey().toString(), null, null, null, box, new Color(0x6BAED6)));
        legend.add(new org.jfree.chart.LegendItem(outer.getKey().toString(), null, null, null, box, new Color(0xBDD7EE)));
        plot.setFixedLegendItems(legend);
        JFreeChart chart = new JFreeChart(label(band.column()) + ": median and spread across " + r.runs() + " runs",
                Theme.TITLE, plot, true);
        Theme.style(chart, footnote(r, source) + (band.exact() ? "" : "  |  bands from a sample of runs"));
        return chart;
    }

    /** How many runs give each year, and how many never. */
    public static JFreeChart histogram(SweepResult r, SweepResult.OutputSummary o, String source) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Map.Entry<Integer, Long> e : o.counts().entrySet()) {
            data.addValue(e.getValue(), "runs", Scenario.financialYear(e.getKey()));
        }
        data.addValue(o.missing(), "runs", "never");
        CategoryAxis x = new CategoryAxis("Financial year");
        x.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        x.setTickLabelFont(Theme.TICK);
        x.setLabelFont(Theme.AXIS_LABEL);
        NumberAxis y = new NumberAxis("Runs");
        y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        y.setLabelFont(Theme.AXIS_LABEL);
        y.setTickLabelFont(Theme.TICK);
        BarRenderer bars = new BarRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, new Color(0x0072B2));
        CategoryPlot plot = new CategoryPlot(data, x, y, bars);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Theme.GRID);
        plot.setOutlineVisible(false);
        JFreeChart chart = new JFreeChart(label(o.name()) + ": when it happens, across " + r.runs() + " runs",
                Theme.TITLE, plot, false);
        Theme.style(chart, footnote(r, source));
        return chart;
    }

    /** Parameters ranked by their effect on one output, largest at the top. */
    public static JFreeChart tornado(SweepResult r, String output, String source) {
        List<SweepResult.SensitivityRow> rows = new ArrayList<>(r.sensitivity().stream()
                .filter(s -> s.output().equals(output)).toList());
        List<String> header = r.sensitivityHeader();
        boolean swing = header.contains("swing");
        int measure = swing ? header.indexOf("swing") : header.contains("ST") ? header.indexOf("ST") : header.indexOf("mu_star");
        rows.sort(Comparator.comparingDouble((SweepResult.SensitivityRow s) -> -finite(s.values()[measure])));
        JFreeChart chart;
        CategoryAxis x = new CategoryAxis(null);
        x.setTickLabelFont(Theme.LEGEND);
        NumberAxis y;
        CategoryPlot plot;
        if (swing) {
            int n = rows.size();
            double[][] starts = new double[1][n], ends = new double[1][n];
            String[] categories = new String[n];
            for (int i = 0; i < n; i++) {
                double low = rows.get(i).values()[0], high = rows.get(i).values()[1];
                starts[0][i] = Math.min(low, high);
                ends[0][i] = Math.max(low, high);
                boolean never = Double.isNaN(low) != Double.isNaN(high);
                categories[i] = rows.get(i).parameter() + (never ? " (never happens at one end)" : "");
            }
            DefaultIntervalCategoryDataset data = new DefaultIntervalCategoryDataset(
                    new String[] {"output from the parameter's low to its high end"}, categories,
                    toNumbers(starts), toNumbers(ends));
            y = new NumberAxis(label(output));
            IntervalBarRenderer bars = new IntervalBarRenderer();
            bars.setIncludeBaseInRange(false); // the bars run from low to high, not from zero
            bars.setBarPainter(new StandardBarPainter());
            bars.setShadowVisible(false);
            bars.setSeriesPaint(0, new Color(0xD55E00));
            plot = new CategoryPlot(data, x, y, bars);
        } else {
            DefaultCategoryDataset data = new DefaultCategoryDataset();
            for (SweepResult.SensitivityRow s : rows) {
                if (header.contains("ST")) {
                    data.addValue(finite(s.values()[header.indexOf("ST")]), "total effect (ST)", s.parameter());
                    data.addValue(finite(s.values()[header.indexOf("S1")]), "first-order effect (S1)", s.parameter());
                } else {
                    data.addValue(finite(s.values()[measure]), "mean absolute elementary effect (mu*)", s.parameter());
                }
            }
            y = new NumberAxis(header.contains("ST") ? "Share of the output's variance" : "mu* (output per range)");
            BarRenderer bars = new BarRenderer();
            bars.setBarPainter(new StandardBarPainter());
            bars.setShadowVisible(false);
            bars.setSeriesPaint(0, new Color(0xD55E00));
            bars.setSeriesPaint(1, new Color(0x56B4E9));
            plot = new CategoryPlot(data, x, y, bars);
        }
        y.setLabelFont(Theme.AXIS_LABEL);
        y.setTickLabelFont(Theme.TICK);
        if (swing) y.setAutoRangeIncludesZero(false); // outputs such as years sit far from zero
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Theme.GRID);
        plot.setOutlineVisible(false);
        chart = new JFreeChart("What moves " + label(output) + " most", Theme.TITLE, plot, true);
        Theme.style(chart, footnote(r, source));
        return chart;
    }

    private static Number[][] toNumbers(double[][] a) {
        Number[][] out = new Number[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = new Number[a[i].length];
            for (int j = 0; j < a[i].length; j++) out[i][j] = a[i][j];
        }
        return out;
    }

    private static double finite(double x) {
        return Double.isFinite(x) ? x : 0;
    }

    private static String footnote(SweepResult r, String source) {
        return "Sweep: " + source + " (" + r.spec().design().key + ", seed " + r.spec().seed() + ")  |  Pressure";
    }

    /** {@code reserves@end} as "Reserves at the end", {@code service.care.cost@2030} as "Service care cost in 2030/31". */
    private static String label(String name) {
        int at = name.lastIndexOf('@');
        String column = at < 0 ? name : name.substring(0, at);
        String when = at < 0 ? "" : name.substring(at + 1);
        String suffix = when.isEmpty() ? "" : when.equals("end") ? " at the end"
                : when.matches("\\d+") ? " in " + org.pressure.engine.council.Scenario.financialYear(Integer.parseInt(when))
                : " in " + when;
        return Theme.label(column.replace('.', ' ')) + suffix;
    }

    /** Writes every chart of a sweep; returns the file names written. */
    public static List<String> writeAll(SweepResult r, String units, String source, ChartOptions options, Path dir)
            throws IOException {

        List<String> written = new ArrayList<>();
        for (SweepResult.Band b : r.bands()) {
            written.addAll(options.write(fan(r, b, units, source), "fan-" + fileName(b.column()), dir));
        }
        for (SweepResult.OutputSummary o : r.outputs()) {
            if (o.isYear()) written.addAll(options.write(histogram(r, o, source), "histogram-" + fileName(o.name()), dir));
        }
        if (!r.sensitivity().isEmpty()) {
            for (SweepResult.OutputSummary o : r.outputs()) {
                boolean any = r.sensitivity().stream().anyMatch(s -> s.output().equals(o.name())
                        && java.util.Arrays.stream(s.values()).anyMatch(Double::isFinite));
                if (!any) continue; // nothing to rank: the output never happens often enough
                written.addAll(options.write(tornado(r, o.name(), source), "tornado-" + fileName(o.name()), dir));
            }
        }
        return written;
    }
}
