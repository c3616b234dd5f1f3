package org.pressure.cli.chart;

import org.pressure.engine.council.Columns;
import java.awt.Color;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StackedXYAreaRenderer2;
import org.jfree.chart.renderer.xy.StackedXYBarRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultTableXYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.pressure.engine.council.CouncilResult;
import org.pressure.engine.council.Indicators;
import org.pressure.engine.council.Scenario;
import org.pressure.engine.council.Service;

/**
 * The charts of one run: the graph of doom, reserves against their minimum, the budget gap and
 * how it was closed, and the cost of failure demand. All in one theme, in cash or real terms.
 */
public final class CouncilCharts {
    public static final int WIDTH = 1600;
    public static final int HEIGHT = 900;

    private CouncilCharts() {}

    /** Every chart of a run, by file name without extension; who-pays and cohorts only where the file has them. */
    public static Map<String, JFreeChart> all(CouncilResult r, String file, PriceBasis basis) {
        Map<String, JFreeChart> charts = new LinkedHashMap<>();
        charts.put("graph-of-doom", graphOfDoom(r, file, basis));
        charts.put("reserves", reserves(r, file, basis));
        charts.put("budget-gap", gap(r, file, basis));
        charts.put("failure-demand", failureDemand(r, file, basis));
        // the whole system, where the file has it: who pays (agencies) and people by state (cohorts)
        if (!r.scenario().part2().agencies().isEmpty()) charts.put("who-pays", WholeSystemCharts.whoPays(r, file, basis));
        if (!r.scenario().part2().cohorts().isEmpty()) charts.put("cohorts", WholeSystemCharts.cohorts(r, file));
        return charts;
    }

    /**
     * Each statutory service's cost stacked at the bottom, each discretionary service's funded
     * spend on top, total income as a bold line, and the years when statutory costs overtake
     * income and when usable reserves run out marked.
     */
    public static JFreeChart graphOfDoom(CouncilResult r, String file, PriceBasis basis) {
        Scenario sc = r.scenario();
        DefaultTableXYDataset areas = new DefaultTableXYDataset();
        StackedXYAreaRenderer2 areaRenderer = new SeamlessAreas();
        areaRenderer.setLegendArea(new Rectangle(-8, -8, 16, 16));
        int series = 0, statutoryCount = 0, discretionaryCount = 0;
        boolean part2 = sc.part2().used();
        for (boolean statutory : new boolean[] {true, false}) {
            for (Service s : sc.services().values()) {
                if (!s.council() || s.statutory() != statutory) continue;
                // part 2: a statutory service is funded at its budget, its cost less savings
                String column = statutory && !part2 ? Columns.cost(s.name()) : Columns.funded(s.name());
                areas.addSeries(series(r, basis, column, Theme.cut(sc.label("service", s.name())) + (statutory ? " (statutory)" : "")));
                areaRenderer.setSeriesPaint(series++, statutory ? Theme.statutory(statutoryCount++)
                        : Theme.discretionary(discretionaryCount++));
            }
            if (statutory && part2 && !allZero(r.column("committed_spend"))) {
                areas.addSeries(series(r, basis, "committed_spend", "Committed (capital financing, schools deficit, one-off)"));
                areaRenderer.setSeriesPaint(series++, Theme.statutory(statutoryCount++));
            }
        }
        XYLineAndShapeRenderer incomeRenderer = new XYLineAndShapeRenderer(true, false);
        incomeRenderer.setSeriesPaint(0, Color.BLACK);
        incomeRenderer.setSeriesStroke(0, Theme.line(4.5f));
        XYPlot plot = new XYPlot(areas, Theme.yearAxis("Financial year", sc.start(), sc.end()),
                Theme.moneyAxis(basis.units(sc.units())), areaRenderer);
        plot.setRenderer(1, incomeRenderer); // before the dataset: the stacked renderer cannot draw it
        boolean fenced = part2 && !sc.budget().ringFenced().isEmpty();
        plot.setDataset(1, new XYSeriesCollection(fenced
                ? series(r, basis, "income_available", "Income available (less ring-fenced grant its service did not need)")
                : series(r, basis, "income", "Total income")));
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        Theme.style(plot);
        Indicators in = r.indicators();
        double middle = (sc.start() + sc.end()) / 2.0;
        // labels from the top in order of importance; lines drawn the other way round, so that where
        // two events share a year the budget failing (s114) is the line on top, not hidden under another
        List<ValueMarker> markers = new ArrayList<>();
        double offset = 8;
        if (in.failureYear() != null) {
            markers.add(marker(in.failureYear(), "Budget cannot be balanced (s114 risk), "
                    + Scenario.financialYear(in.failureYear()), FAILURE, offset, middle));
            offset += 26;
        }
        if (in.crossoverYear() != null) {
            markers.add(marker(in.crossoverYear(), "Statutory costs overtake income, "
                    + Scenario.financialYear(in.crossoverYear()), new Color(0xB2182B), offset, middle));
            offset += 26;
        }
        if (in.reservesExhaustedYear() != null) {
            markers.add(marker(in.reservesExhaustedYear(), "Reserves reach their minimum, "
                    + Scenario.financialYear(in.reservesExhaustedYear()), new Color(0x2D2D2D), offset, middle));
        }
        for (int i = markers.size() - 1; i >= 0; i--) plot.addDomainMarker(markers.get(i), Layer.FOREGROUND);
        JFreeChart chart = new JFreeChart(sc.name(), Theme.TITLE, plot, true);
        Theme.subtitle(chart, "Statutory services are funded in full; discretionary services show what is left after cuts.");
        Theme.style(chart, Theme.scenarioFootnote(file));
        return chart;
    }

    /** Reserves year by year against the minimum the council holds to. */
    public static JFreeChart reserves(CouncilResult r, String file, PriceBasis basis) {
        Scenario sc = r.scenario();
        XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, false);
        line.setSeriesPaint(0, new Color(0x0072B2));
        line.setSeriesStroke(0, Theme.line(4f));
        XYPlot plot = new XYPlot(new XYSeriesCollection(series(r, basis, "reserves", "Reserves at the end of the year")),
                Theme.yearAxis("Financial year", sc.start(), sc.end()), Theme.moneyAxis(basis.units(sc.units())), line);
        ((NumberAxis) plot.getRangeAxis()).setLabel(basis.units(sc.units()).replace(" a year", ""));
        // the minimum as the series it is, in the same prices as the reserves it is held against
        XYSeriesCollection lines = (XYSeriesCollection) plot.getDataset();
        boolean part2 = sc.part2().used();
        double[] minimum = part2 ? basis.money(r, "minimum_reserves") : constantIn(r, basis, sc.budget().minimumReserves());
        lines.addSeries(xy(r, minimum, "Minimum reserves"));
        line.setSeriesPaint(1, new Color(0xD55E00));
        line.setSeriesStroke(1, Theme.dashed(2.5f));
        int next = 2;
        if (part2 && !allZero(r.column("earmarked_reserves"))) {
            lines.addSeries(series(r, basis, "earmarked_reserves", "Earmarked reserve (unspent ring-fenced grant)"));
            line.setSeriesPaint(next, new Color(0x009E73));
            line.setSeriesStroke(next++, Theme.line(2.5f));
        }
        if (part2 && !allZero(r.column("efs"))) {
            org.jfree.chart.renderer.xy.XYBarRenderer bars = new org.jfree.chart.renderer.xy.XYBarRenderer(0.35);
            bars.setBarPainter(new StandardXYBarPainter());
            bars.setShadowVisible(false);
            bars.setSeriesPaint(0, new Color(0xCC79A7));
            plot.setRenderer(1, bars);
            plot.setDataset(1, new XYSeriesCollection(series(r, basis, "efs", "Exceptional financial support that year")));
            plot.setDatasetRenderingOrder(DatasetRenderingOrder.REVERSE);
            plot.getDomainAxis().setRange(sc.start() - 0.5, sc.end() + 0.5); // whole bars at both ends
        }
        plot.addRangeMarker(new ValueMarker(0, Theme.INK, Theme.line(1f)));
        Theme.style(plot);
        JFreeChart chart = new JFreeChart(sc.name() + ": reserves", Theme.TITLE, plot, true);
        Theme.subtitle(chart, "Below zero, reserves are an unfunded deficit.");
        Theme.style(chart, Theme.scenarioFootnote(file));
        return chart;
    }

    /**
     * Stacked areas whose yearly pieces tile without seams in raster images: anti-aliasing the
     * edges of touching pieces leaves a faint vertical line at every year, most visible when a
     * chart is scaled, so the pieces are filled without it (lines and text keep it).
     */
    private static final class SeamlessAreas extends StackedXYAreaRenderer2 {
        private static final long serialVersionUID = 1L;

        @Override
        public void drawItem(java.awt.Graphics2D g2, org.jfree.chart.renderer.xy.XYItemRendererState state,
                java.awt.geom.Rectangle2D dataArea, org.jfree.chart.plot.PlotRenderingInfo info, XYPlot plot,
                org.jfree.chart.axis.ValueAxis domainAxis, org.jfree.chart.axis.ValueAxis rangeAxis,
                org.jfree.data.xy.XYDataset dataset, int series, int item,
                org.jfree.chart.plot.CrosshairState crosshairState, int pass) {
            Object aa = g2.getRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING);
            g2.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_OFF);
            try {
                super.drawItem(g2, state, dataArea, info, plot, domainAxis, rangeAxis, dataset, series, item,
                        crosshairState, pass);
            } finally {
                if (aa != null) g2.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, aa);
            }
        }
    }

    /** Each year's budget gap, split into what cuts closed and what came from reserves. */
    public static JFreeChart gap(CouncilResult r, String file, PriceBasis basis) {
        Scenario sc = r.scenario();
        DefaultTableXYDataset bars = new DefaultTableXYDataset();
        bars.addSeries(series(r, basis, "cuts", "Closed by cuts to discretionary services"));
        double[][] split = drawSplit(r.column("reserves_draw"), r.column("reserves"));
        bars.addSeries(xy(r, basis.money(split[0]), "Drawn from reserves"));
        boolean beyond = !allZero(split[1]);
        if (beyond) bars.addSeries(xy(r, basis.money(split[1]), BEYOND_RESERVES));
        StackedXYBarRenderer renderer = new StackedXYBarRenderer(0.15);
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, new Color(0xE69F00));
        renderer.setSeriesPaint(1, new Color(0x0072B2));
        if (beyond) renderer.setSeriesPaint(2, new Color(0xCC3311));
        XYPlot plot = new XYPlot(bars, Theme.yearAxis("Financial year", sc.start(), sc.end()),
                Theme.moneyAxis(basis.units(sc.units())), renderer);
        XYLineAndShapeRenderer gapLine = new XYLineAndShapeRenderer(true, true);
        gapLine.setSeriesPaint(0, Color.BLACK);
        gapLine.setSeriesStroke(0, Theme.line(2.5f));
        plot.setRenderer(1, gapLine);
        plot.setDataset(1, new XYSeriesCollection(series(r, basis, "budget_gap", "Budget gap before action")));
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        Theme.style(plot);
        JFreeChart chart = new JFreeChart(sc.name() + ": the budget gap and how it was closed", Theme.TITLE, plot, true);
        Theme.style(chart, Theme.scenarioFootnote(file));
        return chart;
    }

    /** The cost that failure demand adds to (or, with investment, removes from) each service. */
    public static JFreeChart failureDemand(CouncilResult r, String file, PriceBasis basis) {
        Scenario sc = r.scenario();
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
        int i = 0;
        for (Service s : sc.services().values()) {
            boolean fed = sc.links().stream().anyMatch(l -> l.to().equals(s.name()));
            if (!fed) continue;
            data.addSeries(series(r, basis, Columns.failureCost(s.name()), Theme.cut(sc.label("service", s.name()))));
            lines.setSeriesPaint(i, Theme.statutory(i));
            lines.setSeriesStroke(i, Theme.line(3.5f));
            i++;
        }
        XYPlot plot = new XYPlot(data, Theme.yearAxis("Financial year", sc.start(), sc.end()),
                Theme.moneyAxis(basis.units(sc.units())), lines);
        plot.addRangeMarker(new ValueMarker(0, Theme.INK, Theme.line(1f)));
        Theme.style(plot);
        JFreeChart chart = new JFreeChart(sc.name() + ": cost of failure demand", Theme.TITLE, plot, true);
        Theme.subtitle(chart, i == 0 ? "This scenario has no failure-demand links."
                : "Demand that returns later because needs were not met earlier; below zero where investment avoided it.");
        Theme.style(chart, Theme.scenarioFootnote(file));
        return chart;
    }

    /** What is drawn once reserves are below zero: not reserves the council has, but a deficit it carries. */
    static final String BEYOND_RESERVES = "Unfunded: reserves below zero (a deficit)";

    /**
     * Each year's draw on reserves split at zero: the part the reserves held, and the part that
     * took them below zero, which no reserve paid for. A surplus put into reserves (a negative
     * draw) stays in the first part.
     */
    static double[][] drawSplit(double[] draw, double[] reserves) {
        double[] held = new double[draw.length], beyond = new double[draw.length];
        for (int i = 0; i < draw.length; i++) {
            if (!(draw[i] > 0)) {
                held[i] = draw[i];
                continue;
            }
            double before = reserves[i] + draw[i];
            held[i] = Math.max(0, Math.min(draw[i], before));
            beyond[i] = draw[i] - held[i];
        }
        return new double[][] {held, beyond};
    }

    private static XYSeries series(CouncilResult r, PriceBasis basis, String column, String name) {
        return xy(r, basis.money(r, column), name);
    }

    private static XYSeries xy(CouncilResult r, double[] values, String name) {
        XYSeries xy = new XYSeries(name, false, false);
        for (int i = 0; i < values.length; i++) xy.add(r.year(i), values[i]);
        return xy;
    }

    /** A constant cash amount in every year, in the basis's prices. */
    private static double[] constantIn(CouncilResult r, PriceBasis basis, double cash) {
        double[] out = new double[r.years()];
        java.util.Arrays.fill(out, cash);
        return basis.money(out);
    }

    private static boolean allZero(double[] xs) {
        for (double x : xs) if (Math.abs(x) > Indicators.TOLERANCE) return false;
        return true;
    }



    /** The colour of the budget failing (a section 114 notice), on every chart that marks it. */
    static final Color FAILURE = new Color(0x7B0000);

    /** A dashed vertical line with its label on the side of the line that has more room. */
    private static ValueMarker marker(int year, String text, Color colour, double offsetFromTop, double middle) {
        ValueMarker m = new ValueMarker(year, colour, Theme.dashed(2.5f));
        m.setLabel(text);
        m.setLabelFont(Theme.MARKER);
        m.setLabelPaint(colour);
        m.setLabelBackgroundColor(new Color(255, 255, 255, 220));
        boolean left = year > middle;
        m.setLabelAnchor(left ? RectangleAnchor.TOP_LEFT : RectangleAnchor.TOP_RIGHT);
        m.setLabelTextAnchor(left ? TextAnchor.TOP_RIGHT : TextAnchor.TOP_LEFT);
        m.setLabelOffset(new RectangleInsets(offsetFromTop, 6, 0, 6));
        return m;
    }
}
