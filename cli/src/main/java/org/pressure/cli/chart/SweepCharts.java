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
                Theme.moneyAxis(axisLabel(band.column(), units)), renderer);
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
        chosenPoints(chart, r);
        named(chart, r);
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
        int neverColumn = data.getColumnCount() - 1;
        BarRenderer bars = new BarRenderer() {
            private static final long serialVersionUID = 1L;

            @Override
            public java.awt.Paint getItemPaint(int row, int column) {
                // "never" is not a year: grey, apart from the years' blue
                return column == neverColumn ? new Color(0x8C8C8C) : super.getItemPaint(row, column);
            }
        };
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, new Color(0x0072B2));
        CategoryPlot plot = new CategoryPlot(data, x, y, bars);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Theme.GRID);
        plot.setOutlineVisible(false);
        JFreeChart chart = new JFreeChart(label(o.name()) + ": when it happens, across " + r.runs() + " runs",
                Theme.TITLE, plot, false);
        chosenPoints(chart, r);
        named(chart, r);
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
        SweepResult.OutputSummary summary = r.outputs().stream().filter(o -> o.name().equals(output)).findFirst().orElse(null);
        boolean year = summary != null && summary.isYear();
        // a range that moves a year output from some year to "never" has the largest effect of all: rank it first
        rows.sort(Comparator.comparingDouble((SweepResult.SensitivityRow s) -> swing && neverAtOneEnd(s)
                ? Double.NEGATIVE_INFINITY : -finite(s.values()[measure])));
        double neverAt = year ? neverAt(summary, rows) : Double.NaN;
        JFreeChart chart;
        CategoryAxis x = new CategoryAxis(null);
        x.setTickLabelFont(Theme.LEGEND);
        x.setMaximumCategoryLabelWidthRatio(0.35f); // parameter paths are long: give them room rather than cut them
        NumberAxis y;
        CategoryPlot plot;
        if (swing) {
            int n = rows.size();
            double[][] starts = new double[1][n], ends = new double[1][n];
            String[] categories = new String[n];
            for (int i = 0; i < n; i++) {
                double low = rows.get(i).values()[0], high = rows.get(i).values()[1];
                boolean never = neverAtOneEnd(rows.get(i));
                // "never" is drawn one year beyond the horizon, where the axis says "never"
                if (never && year) {
                    if (Double.isNaN(low)) low = neverAt;
                    else high = neverAt;
                }
                starts[0][i] = Math.min(low, high);
                ends[0][i] = Math.max(low, high);
                categories[i] = rows.get(i).parameter() + (never ? " (to never)" : "");
            }
            DefaultIntervalCategoryDataset data = new DefaultIntervalCategoryDataset(
                    new String[] {"output from the parameter's low to its high end"}, categories,
                    toNumbers(starts), toNumbers(ends));
            y = new NumberAxis(label(output));
            if (year) {
                double lo = java.util.Arrays.stream(starts[0]).filter(Double::isFinite).min().orElse(neverAt - 1);
                int span = (int) Math.max(1, neverAt - lo);
                int step = span <= 12 ? 1 : span <= 24 ? 2 : span <= 60 ? 5 : 10;
                y.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(step, new YearOrNever(neverAt)));
            }
            IntervalBarRenderer bars = new IntervalBarRenderer();
            bars.setIncludeBaseInRange(false); // the bars run from low to high, not from zero
            bars.setBarPainter(new StandardBarPainter());
            bars.setShadowVisible(false);
            bars.setSeriesPaint(0, new Color(0xD55E00));
            plot = new CategoryPlot(data, x, y, bars);
            if (year && rows.stream().anyMatch(SweepCharts::neverAtOneEnd)) {
                org.jfree.chart.plot.ValueMarker never = new org.jfree.chart.plot.ValueMarker(neverAt, Theme.INK,
                        Theme.dashed(2f));
                never.setLabel("never (beyond " + org.pressure.engine.council.Scenario.financialYear((int) neverAt - 1) + ")");
                never.setLabelFont(Theme.MARKER);
                never.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.BOTTOM_LEFT);
                never.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.BOTTOM_RIGHT);
                never.setLabelBackgroundColor(new Color(255, 255, 255, 0));
                plot.addRangeMarker(never, org.jfree.chart.ui.Layer.FOREGROUND);
                y.setUpperMargin(0.02);
            }
        } else {
            // Sobol and Morris estimates carry bootstrap confidence intervals: drawn as whiskers
            org.jfree.data.statistics.DefaultStatisticalCategoryDataset data =
                    new org.jfree.data.statistics.DefaultStatisticalCategoryDataset();
            boolean sobol = header.contains("ST");
            for (SweepResult.SensitivityRow s : rows) {
                if (sobol) {
                    data.add(finite(s.values()[header.indexOf("ST")]), conf(s, header, "ST_conf"), "total effect (ST)",
                            s.parameter());
                    data.add(finite(s.values()[header.indexOf("S1")]), conf(s, header, "S1_conf"),
                            "first-order effect (S1)", s.parameter());
                } else {
                    data.add(finite(s.values()[measure]), conf(s, header, "mu_star_conf"),
                            "mean absolute elementary effect (mu*)", s.parameter());
                }
            }
            y = new NumberAxis((sobol ? "Share of the output's variance" : "mu* (output per range)")
                    + " (whiskers: 95% confidence interval)");
            org.jfree.chart.renderer.category.StatisticalBarRenderer bars =
                    new org.jfree.chart.renderer.category.StatisticalBarRenderer();
            bars.setBarPainter(new StandardBarPainter());
            bars.setShadowVisible(false);
            bars.setSeriesPaint(0, new Color(0xD55E00));
            bars.setSeriesPaint(1, new Color(0x56B4E9));
            bars.setErrorIndicatorPaint(Theme.INK);
            bars.setErrorIndicatorStroke(new java.awt.BasicStroke(2f));
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
        if (!swing && year && summary.missing() > 0) {
            // the indices of a year output are computed over the runs in which it happens: say so, and how many do not
            double never = 100.0 * summary.missing() / Math.max(1, r.runs());
            String share = never < 1 ? "fewer than 1%" : String.format(java.util.Locale.ROOT, "%.0f%%", never);
            org.jfree.chart.title.TextTitle note = new org.jfree.chart.title.TextTitle(String.format(java.util.Locale.ROOT,
                    "Computed over the %,d runs in which it happens; in %s of runs (%,d) it never does, which these "
                            + "bars do not show.", summary.count(), share, summary.missing()), Theme.SUBTITLE);
            note.setPaint(new Color(0x444444));
            chart.addSubtitle(note);
        }
        named(chart, r);
        Theme.style(chart, footnote(r, source));
        return chart;
    }

    /**
     * Whether the design picks its points to measure effects (one at a time, Morris) rather than
     * sampling the parameters' distributions: its spread and counts are not probabilities.
     */
    public static boolean chosenPoints(SweepResult r) {
        return r.spec().design() == org.pressure.engine.sweep.SweepSpec.Design.ONE_AT_A_TIME
                || r.spec().design() == org.pressure.engine.sweep.SweepSpec.Design.MORRIS;
    }

    private static void chosenPoints(JFreeChart chart, SweepResult r) {
        if (!chosenPoints(r)) return;
        org.jfree.chart.title.TextTitle note = new org.jfree.chart.title.TextTitle("The " + r.spec().design().key
                + " design chooses its points to measure effects: this spread is not a probability.", Theme.SUBTITLE);
        note.setPaint(new Color(0x444444));
        chart.addSubtitle(note);
    }

    /** Columns that are balances at the end of a year, not flows over it. */
    private static final java.util.Set<String> BALANCES = java.util.Set.of("reserves", "earmarked_reserves",
            "minimum_reserves", "cfr", "dsg_deficit");

    /** What a fan chart's values are: money a year, a balance in money, clients, or a driver's own values. */
    static String axisLabel(String column, String units) {
        if (BALANCES.contains(column)) return units + " at the end of the year";
        if (column.endsWith(".clients") || column.endsWith(".failure_clients")) return "Clients";
        if (column.startsWith("cohort.")) return "People";
        if (column.startsWith("driver.")) return Theme.label(column.substring(7)) + " (as the scenario gives it)";
        if (column.endsWith(".unit_cost")) return units + " per client a year";
        return units + " a year";
    }

    private static boolean neverAtOneEnd(SweepResult.SensitivityRow s) {
        return s.values().length >= 2 && Double.isNaN(s.values()[0]) != Double.isNaN(s.values()[1]);
    }

    /** One year beyond the last year a run could have (or beyond every finite bar end), to draw "never" at. */
    private static double neverAt(SweepResult.OutputSummary summary, List<SweepResult.SensitivityRow> rows) {
        double last = Double.NEGATIVE_INFINITY;
        if (summary.byYear() != null) for (int y : summary.byYear().keySet()) last = Math.max(last, y);
        for (SweepResult.SensitivityRow row : rows) {
            for (int i = 0; i < Math.min(2, row.values().length); i++) {
                if (Double.isFinite(row.values()[i])) last = Math.max(last, row.values()[i]);
            }
        }
        return Double.isFinite(last) ? Math.rint(last) + 1 : Double.NaN;
    }

    /** The half-width of an estimate's 95% confidence interval, 0 where the design gives none. */
    private static double conf(SweepResult.SensitivityRow s, List<String> header, String column) {
        int i = header.indexOf(column);
        return i < 0 ? 0 : finite(s.values()[i]);
    }

    /** Financial years on a tornado's axis, whole years only, and "never" one year past the horizon. */
    static final class YearOrNever extends java.text.NumberFormat {
        private static final long serialVersionUID = 1L;
        private final double never;

        YearOrNever(double never) {
            this.never = never;
        }

        @Override
        public StringBuffer format(double number, StringBuffer to, java.text.FieldPosition pos) {
            if (number == never) return to.append("never");
            return number == Math.rint(number) && number < never
                    ? to.append(org.pressure.engine.council.Scenario.financialYear((int) number)) : to;
        }

        @Override
        public StringBuffer format(long number, StringBuffer to, java.text.FieldPosition pos) {
            return format((double) number, to, pos);
        }

        @Override
        public Number parse(String source, java.text.ParsePosition pos) {
            throw new UnsupportedOperationException();
        }
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
        return "Sweep: " + source + " (" + r.spec().design().key + ", seed " + r.spec().seed() + ")  |  Scenario: "
                + r.spec().scenario().getFileName() + "  |  Pressure";
    }

    /** Under the title, which sweep of which scenario: a chart copied into a paper on its own still says. */
    private static void named(JFreeChart chart, SweepResult r) {
        org.jfree.chart.title.TextTitle t = new org.jfree.chart.title.TextTitle(Theme.cut(r.spec().name()) + " (scenario "
                + r.spec().scenario().getFileName() + ")", Theme.SUBTITLE);
        t.setPaint(new Color(0x444444));
        chart.addSubtitle(0, t); // first under the title, above any note on the design

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
