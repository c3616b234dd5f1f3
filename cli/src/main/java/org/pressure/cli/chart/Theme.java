package org.pressure.cli.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Stroke;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.pressure.engine.council.Scenario;

/**
 * One look for every chart: fonts, a colour-blind-safe palette (Okabe and Ito) ordered so that
 * neighbours also differ in lightness when printed in greyscale, and financial-year axes.
 */
public final class Theme {
    private Theme() {}

    public static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 26);
    public static final Font SUBTITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 17);
    public static final Font AXIS_LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 18);
    public static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
    public static final Font LEGEND = new Font(Font.SANS_SERIF, Font.PLAIN, 16);
    public static final Font MARKER = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    public static final Font FOOTNOTE = new Font(Font.SANS_SERIF, Font.ITALIC, 13);

    public static final Color INK = new Color(0x1A1A1A);
    public static final Color GRID = new Color(0xD9D9D9);

    /** Statutory services: darker colours, stacked at the bottom. */
    private static final Color[] STATUTORY = {
        new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7), new Color(0x5A4A8A),
        new Color(0x8C510A),
    };
    /** Discretionary services: lighter colours, on top; each clearly lighter than the statutory colour nearest in hue. */
    private static final Color[] DISCRETIONARY = {
        new Color(0xF0E442), new Color(0x56B4E9), new Color(0xFDD0A2), new Color(0xA6DBA0), new Color(0xF4A6C8),
        new Color(0xBFBFBF),
    };

    public static Paint statutory(int i) {
        return shade(STATUTORY, i);
    }

    public static Paint discretionary(int i) {
        return shade(DISCRETIONARY, i);
    }

    private static Color shade(Color[] palette, int i) {
        Color c = palette[i % palette.length];
        // past the palette, repeat it a little lighter so every area still differs
        for (int k = 0; k < i / palette.length; k++) c = c.brighter();
        return c;
    }

    public static Stroke line(float width) {
        return new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    public static Stroke dashed(float width) {
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 6f}, 0f);
    }

    /** An axis of financial years: ticks on whole years, labelled 2025/26. */
    public static NumberAxis yearAxis(String label, int start, int end) {
        NumberAxis axis = new NumberAxis(label);
        // a "2025/26" label needs about 70 px at 1600 px wide: at most about 16 labels
        int years = end - start + 1;
        int step = years <= 16 ? 1 : years <= 32 ? 2 : years <= 80 ? 5 : years <= 160 ? 10 : 50;
        axis.setTickUnit(new NumberTickUnit(step, new FinancialYearFormat()));
        axis.setAutoRangeIncludesZero(false);
        axis.setRange(start - 0.2, end + 0.2);
        style(axis);
        return axis;
    }

    /** A money axis labelled with the scenario's units. */
    public static NumberAxis moneyAxis(String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(true);
        axis.setNumberFormatOverride(NumberFormat.getNumberInstance(java.util.Locale.UK));
        style(axis);
        return axis;
    }

    private static void style(NumberAxis axis) {
        axis.setLabelFont(AXIS_LABEL);
        axis.setTickLabelFont(TICK);
        axis.setLabelPaint(INK);
        axis.setTickLabelPaint(INK);
    }

    public static void style(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlinesVisible(false);
        plot.setOutlineVisible(false);
        plot.setAxisOffset(new RectangleInsets(4, 4, 4, 4));
    }

    /** Title, legend at the bottom, footnote naming the source file. */
    public static void style(JFreeChart chart, String footnote) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setText(cut(chart.getTitle().getText()));
        if (footnote.length() > 3 * MAX_TEXT) footnote = footnote.substring(0, 3 * MAX_TEXT - 3) + "...";
        chart.getTitle().setFont(TITLE);
        chart.getTitle().setPaint(INK);
        chart.setPadding(new RectangleInsets(12, 16, 8, 24));
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setItemFont(LEGEND);
            legend.setPosition(RectangleEdge.BOTTOM);
            legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
        }
        TextTitle note = new TextTitle(footnote, FOOTNOTE);
        note.setPosition(RectangleEdge.BOTTOM);
        note.setHorizontalAlignment(HorizontalAlignment.RIGHT);
        note.setPaint(new Color(0x555555));
        note.setPadding(new RectangleInsets(6, 0, 0, 0));
        // the footnote goes below the legend: take the legend out, add the note, put the legend back
        if (legend != null) chart.removeLegend();
        chart.addSubtitle(note);
        if (legend != null) chart.addSubtitle(legend);
    }

    /** Longest text drawn on a chart as one title, label or note; longer ones are cut, since laying them out takes long. */
    public static final int MAX_TEXT = 120;

    /** Adds a line of explanation under a chart's title. */
    public static void subtitle(JFreeChart chart, String text) {
        TextTitle subtitle = new TextTitle(text, SUBTITLE);
        subtitle.setPaint(new Color(0x444444));
        chart.addSubtitle(subtitle);
    }

    /** The footnote of a chart of one scenario's run. */
    public static String scenarioFootnote(String file) {
        return "Scenario: " + file + "  |  Projection, not a forecast  |  Pressure";
    }

    /** {@code text} cut to {@link #MAX_TEXT} characters, with "..." where it was cut. */
    public static String cut(String text) {
        if (text == null || text.length() <= MAX_TEXT) return text;
        return text.substring(0, MAX_TEXT - 3) + "...";
    }

    /** {@code adult_social_care} as {@code Adult social care}. */
    public static String label(String name) {
        name = cut(name);
        String s = name.replace('_', ' ').strip();
        return s.isEmpty() ? name : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /**
     * A year axis for an output that may never happen, drawn one year above {@code end}: that
     * row reads "never", and no tick beyond the projection reads as a year it does not have.
     */
    public static NumberAxis yearAxisWithNever(String label, int start, int end) {
        NumberAxis axis = yearAxis(label, start, end);
        NumberTickUnit unit = (NumberTickUnit) axis.getTickUnit();
        axis.setTickUnit(new NumberTickUnit(unit.getSize(), new FinancialYearFormat(end)));
        axis.setRange(start - 0.2, end + 1.6);
        return axis;
    }

    /** Formats a year number as a financial year; non-whole values are left blank. */
    static class FinancialYearFormat extends NumberFormat {
        private static final long serialVersionUID = 1L;
        /** The last year that is a year; the one after it is "never"; none beyond. */
        private final int last;

        FinancialYearFormat() {
            this(Integer.MAX_VALUE - 1);
        }

        FinancialYearFormat(int last) {
            this.last = last;
        }

        @Override
        public StringBuffer format(double number, StringBuffer to, FieldPosition pos) {
            return number == Math.rint(number) ? format((long) number, to, pos) : to;
        }

        @Override
        public StringBuffer format(long number, StringBuffer to, FieldPosition pos) {
            if (number == (long) last + 1) return to.append("never");
            return number > last ? to : to.append(Scenario.financialYear((int) number));
        }

        @Override
        public Number parse(String source, ParsePosition pos) {
            throw new UnsupportedOperationException();
        }
    }
}
