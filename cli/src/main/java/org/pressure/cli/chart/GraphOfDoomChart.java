package org.pressure.cli.chart;

import java.awt.Color;
import java.awt.Rectangle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StackedXYAreaRenderer2;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultTableXYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.pressure.engine.council.CouncilResult;
import org.pressure.engine.council.Indicators;
import org.pressure.engine.council.Scenario;
import org.pressure.engine.council.Service;
import org.pressure.engine.io.AtomicFiles;

/**
 * The "graph of doom": each statutory service's cost stacked at the bottom, each discretionary
 * service's funded spend on top, total income as a bold line, and the years when statutory
 * costs overtake income and when usable reserves run out marked.
 */
public final class GraphOfDoomChart {
    public static final int WIDTH = 1600;
    public static final int HEIGHT = 900;

    private GraphOfDoomChart() {}

    public static JFreeChart create(CouncilResult r, String file) {
        Scenario sc = r.scenario();
        DefaultTableXYDataset areas = new DefaultTableXYDataset();
        StackedXYAreaRenderer2 areaRenderer = new StackedXYAreaRenderer2();
        areaRenderer.setLegendArea(new Rectangle(-8, -8, 16, 16));
        int series = 0, statutoryCount = 0, discretionaryCount = 0;
        for (boolean statutory : new boolean[] {true, false}) {
            for (Service s : sc.services().values()) {
                if (s.statutory() != statutory) continue;
                String column = "service." + s.name() + (statutory ? ".cost" : ".funded");
                XYSeries xy = new XYSeries(label(s.name()) + (statutory ? " (statutory)" : ""), false, false);
                double[] values = r.column(column);
                for (int i = 0; i < values.length; i++) xy.add(r.year(i), values[i]);
                areas.addSeries(xy);
                areaRenderer.setSeriesPaint(series++, statutory ? Theme.statutory(statutoryCount++)
                        : Theme.discretionary(discretionaryCount++));
            }
        }
        XYSeries incomeSeries = new XYSeries("Total income", false, false);
        double[] income = r.column("income");
        for (int i = 0; i < income.length; i++) incomeSeries.add(r.year(i), income[i]);
        XYLineAndShapeRenderer incomeRenderer = new XYLineAndShapeRenderer(true, false);
        incomeRenderer.setSeriesPaint(0, Color.BLACK);
        incomeRenderer.setSeriesStroke(0, Theme.line(4.5f));

        NumberAxis x = Theme.yearAxis("Financial year", sc.start(), sc.end());
        NumberAxis y = Theme.moneyAxis(sc.units());
        XYPlot plot = new XYPlot(areas, x, y, areaRenderer);
        plot.setRenderer(1, incomeRenderer); // before the dataset: the stacked renderer cannot draw it
        plot.setDataset(1, new XYSeriesCollection(incomeSeries));
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        Theme.style(plot);

        Indicators in = r.indicators();
        double middle = (sc.start() + sc.end()) / 2.0;
        if (in.crossoverYear() != null) {
            plot.addDomainMarker(marker(in.crossoverYear(), "Statutory costs overtake income, "
                    + Scenario.financialYear(in.crossoverYear()), new Color(0xB2182B), 8, middle), Layer.FOREGROUND);
        }
        if (in.reservesExhaustedYear() != null) {
            plot.addDomainMarker(marker(in.reservesExhaustedYear(), "Usable reserves exhausted, "
                    + Scenario.financialYear(in.reservesExhaustedYear()), new Color(0x2D2D2D), 34, middle), Layer.FOREGROUND);
        }

        JFreeChart chart = new JFreeChart(sc.name(), Theme.TITLE, plot, true);
        TextTitle subtitle = new TextTitle("Statutory services are funded in full; discretionary services show what "
                + "is left after cuts. Amounts in " + sc.units() + " a year.", Theme.SUBTITLE);
        subtitle.setPaint(new Color(0x444444));
        chart.addSubtitle(subtitle);
        Theme.style(chart, "Scenario: " + file + "  \u00b7  Projection, not a forecast  \u00b7  Pressure");
        return chart;
    }

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

    /** {@code adult_social_care} as {@code Adult social care}. */
    static String label(String name) {
        String s = name.replace('_', ' ').strip();
        return s.isEmpty() ? name : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Writes the chart at 1600x900 in the given format, atomically. */
    public static void write(CouncilResult r, String file, ChartFormat format, Path target) throws IOException {
        write(create(r, file), format, target, WIDTH, HEIGHT);
    }

    public static void write(JFreeChart chart, ChartFormat format, Path target, int width, int height) throws IOException {
        switch (format) {
            case PNG -> AtomicFiles.write(target, out -> ChartUtils.writeChartAsPNG(out, chart, width, height));
            case SVG -> {
                SVGGraphics2D g2 = new SVGGraphics2D(width, height);
                chart.draw(g2, new Rectangle(0, 0, width, height));
                // the element alone, without the DOCTYPE that points readers at a DTD on the network
                String svg = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + g2.getSVGElement() + "\n";
                AtomicFiles.write(target, out -> out.write(svg.getBytes(StandardCharsets.UTF_8)));
            }
            default -> throw new IllegalArgumentException(format.toString());
        }
    }
}
