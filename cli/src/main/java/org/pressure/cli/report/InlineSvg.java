package org.pressure.cli.report;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jfree.chart.JFreeChart;
import org.pressure.cli.chart.ChartWriter;

/**
 * A chart as an {@code <svg>} element to put inside a page: it scales with the page (a viewBox
 * and no fixed size), its clip-path ids are unique within the page and the same on every run,
 * and it declares no namespace it does not use (so the page names no address but the SVG
 * namespace itself).
 */
final class InlineSvg {
    private static final Pattern DEFS_PREFIX = Pattern.compile("id='(_\\d+)clip-");
    private static final Pattern OPEN_TAG = Pattern.compile("^<svg\\b[^>]*>");
    /** A filled shape with no outline (areas, bars; not rotated text, which carries a transform). */
    private static final Pattern FILL_ONLY = Pattern.compile("<g style='fill:(rgb\\(\\d+,\\d+,\\d+\\));stroke:none' clip-path=");

    private InlineSvg() {}

    /** {@code chart} drawn at {@code width} x {@code height} units; {@code id} makes its ids unique in the page. */
    static String of(JFreeChart chart, int width, int height, String id, String title) {
        return inline(ChartWriter.svgElement(chart, width, height), width, height, id, title);
    }

    private static final Pattern SIZE = Pattern.compile("width='([\\d.]+)' height='([\\d.]+)'");

    /** An SVG file that Pressure wrote (a sweep's fan chart, say), made fit to inline in the same way. */
    static String ofFile(String fileText, String id, String title) {
        String svg = fileText.substring(fileText.indexOf("<svg")).strip();
        Matcher size = SIZE.matcher(svg);
        if (!size.find()) throw new IllegalStateException("an SVG without width and height");
        return inline(svg, (int) Math.round(Double.parseDouble(size.group(1))), (int) Math.round(Double.parseDouble(size.group(2))),
                id, title);
    }

    private static String inline(String svg, int width, int height, String id, String title) {
        Matcher prefix = DEFS_PREFIX.matcher(svg);
        if (prefix.find()) svg = svg.replace(prefix.group(1), id + "-");
        Matcher open = OPEN_TAG.matcher(svg);
        if (!open.find()) throw new IllegalStateException("not an SVG element");
        // browsers anti-alias the edges of touching shapes, which leaves hairline seams between the
        // yearly pieces of a stacked area; a hairline outline in the fill's own colour closes them
        String body = FILL_ONLY.matcher(svg.substring(open.end()))
                .replaceAll("<g style='fill:$1;stroke:$1;stroke-width:0.8;stroke-linejoin:round' clip-path=");
        StringBuilder tag = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\"");
        if (body.contains("xlink:")) tag.append(" xmlns:xlink=\"http://www.w3.org/1999/xlink\"");
        tag.append(" viewBox=\"0 0 ").append(width).append(' ').append(height).append('"')
                .append(" preserveAspectRatio=\"xMidYMid meet\" role=\"img\" aria-label=\"")
                .append(Html.escape(title)).append("\">");
        if (body.contains("jfreesvg:")) throw new IllegalStateException("SVG uses the jfreesvg namespace");
        return tag + body;
    }
}
