package org.pressure.cli.chart;

import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.text.DecimalFormat;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.pressure.engine.council.Scenario;
import org.pressure.engine.solve.GoalSeek;
import org.pressure.engine.solve.Lever;

/** The goal-seek chart: an output across a lever's range, where the targets are met, and the answer. */
public final class SolveChart {
    private SolveChart() {}

    public static JFreeChart of(GoalSeek.Result result, Lever lever, Scenario scenario, String source) {
        GoalSeek.Profile p = result.profile();
        boolean year = p.output().isYear();
        XYSeries line = new XYSeries(p.output().name(), false, true);
        XYSeries met = new XYSeries("meets every target", false, true);
        XYSeries missed = new XYSeries("misses a target", false, true);
        boolean anyNever = false;
        for (int i = 0; i < p.x().length; i++) {
            double y = p.y()[i];
            if (Double.isNaN(y) && year) {
                anyNever = true;
                y = scenario.end() + 1; // drawn on a "never" line above the last year
            } else if (Double.isNaN(y)) {
                line.add(p.x()[i], null);
                continue;
            }
            line.add(p.x()[i], y);
            (p.met()[i] ? met : missed).add(p.x()[i], y);
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(line);
        data.addSeries(met);
        data.addSeries(missed);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer();
        Color blue = new Color(0x0072B2), green = new Color(0x009E73), orange = new Color(0xD55E00);
        r.setSeriesPaint(0, blue);
        r.setSeriesStroke(0, Theme.line(3f));
        r.setSeriesShapesVisible(0, false);
        for (int s = 1; s <= 2; s++) {
            r.setSeriesLinesVisible(s, false);
            r.setSeriesShape(s, new Ellipse2D.Double(-5, -5, 10, 10));
        }
        r.setSeriesPaint(1, green);
        r.setSeriesPaint(2, orange);

        NumberAxis x = new NumberAxis(lever.path());
        x.setAutoRangeIncludesZero(false);
        x.setRange(lever.low() - 0.02 * (lever.high() - lever.low()), lever.high() + 0.02 * (lever.high() - lever.low()));
        if (lever.percent()) x.setNumberFormatOverride(new DecimalFormat("0.0##%"));
        x.setLabelFont(Theme.AXIS_LABEL);
        x.setTickLabelFont(Theme.TICK);
        NumberAxis y;
        if (year) {
            y = anyNever ? Theme.yearAxisWithNever(Theme.label(p.output().name()), scenario.start(), scenario.end())
                    : Theme.yearAxis(Theme.label(p.output().name()), scenario.start(), scenario.end());
        } else {
            y = Theme.moneyAxis(p.output().name() + (p.output().column() == null ? "" : " (" + scenario.units() + ")"));
            y.setAutoRangeIncludesZero(false);
        }
        XYPlot plot = new XYPlot(data, x, y, r);
        Theme.style(plot);
        if (anyNever) {
            ValueMarker never = new ValueMarker(scenario.end() + 1, new Color(0x888888), Theme.dashed(1.5f));
            never.setLabel("never (within the horizon)");
            never.setLabelFont(Theme.MARKER);
            never.setLabelBackgroundColor(new Color(255, 255, 255, 0));
            never.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            never.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
            plot.addRangeMarker(never);
        }
        if (p.target() != null && !p.target().isNever()) {
            ValueMarker t = new ValueMarker(p.target().value(), Theme.INK, Theme.dashed(2f));
            t.setLabel("target: " + p.target().text());
            t.setLabelFont(Theme.MARKER);
            t.setLabelBackgroundColor(new Color(255, 255, 255, 0));
            t.setLabelAnchor(RectangleAnchor.TOP_LEFT);
            t.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
            plot.addRangeMarker(t);
        }
        if (result.outcome() == GoalSeek.Outcome.FOUND) {
            double answer = result.values()[p.lever()];
            ValueMarker m = new ValueMarker(answer, orange, Theme.line(2.5f));
            m.setLabel("answer: " + lever.show(answer, result.tolerance() > 0 ? result.tolerance() : (lever.high() - lever.low()) / 1e4) + "  ");
            m.setLabelFont(Theme.MARKER);
            m.setLabelBackgroundColor(new Color(255, 255, 255, 0));
            m.setLabelPaint(orange);
            m.setLabelAnchor(RectangleAnchor.LEFT); // halfway up: clear of the target and "never" lines
            m.setLabelTextAnchor(TextAnchor.CENTER_RIGHT);
            plot.addDomainMarker(m);
        }
        String title = Theme.label(p.output().name()) + " against " + lever.path();
        JFreeChart chart = new JFreeChart(title, Theme.TITLE, plot, true);
        String note = source + ", " + Scenario.financialYear(scenario.start()) + " to " + Scenario.financialYear(scenario.end())
                + (anyNever ? "  |  never: does not happen by " + Scenario.financialYear(scenario.end()) : "")
                + (result.values().length > 1 ? "  |  other levers at the answer" : "");
        Theme.style(chart, note);
        return chart;
    }
}
