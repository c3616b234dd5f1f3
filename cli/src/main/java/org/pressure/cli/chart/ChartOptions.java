package org.pressure.cli.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The chart options every command that draws takes (a picocli mixin). A bad size or dpi is an
 * option error: picocli reports it with the option's name and exit 2, before anything runs.
 */
public final class ChartOptions {
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)x(\\d+(?:\\.\\d+)?)(cm|mm|in|px)?");

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--format", split = ",", paramLabel = "FORMAT",
            description = "Chart formats, comma-separated: png, svg, pdf (default: png,svg).")
    public List<ChartFormat> formats = new ArrayList<>(List.of(ChartFormat.PNG, ChartFormat.SVG));

    public String size = "1600x900";

    public int dpi = 300;

    @Option(names = "--size", paramLabel = "WxH[cm|mm|in|px]",
            description = "Chart size: pixels (1600x900, the default) or a printed size with --dpi (16x9cm).")
    void size(String value) {
        if (!SIZE.matcher(value.strip().toLowerCase(Locale.ROOT)).matches()) {
            throw bad("--size " + value + ": write the size as WIDTHxHEIGHT in pixels (1600x900) or with a unit "
                    + "(16x9cm, 160x90mm, 6.3x3.5in)");
        }
        size = value;
    }

    @Option(names = "--dpi", paramLabel = "DPI", description = "Dots per inch for a printed --size (default 300).")
    void dpi(int value) {
        if (value < 30 || value > 2400) throw bad("--dpi " + value + ": use a dpi from 30 to 2400");
        dpi = value;
    }

    private RuntimeException bad(String message) {
        return spec == null ? new IllegalArgumentException(message)
                : new CommandLine.ParameterException(spec.commandLine(), message);
    }

    /** Pixel size of the image (for PNG; SVG and PDF use the same size in points). */
    public int[] pixels() {
        Matcher m = SIZE.matcher(size.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) throw bad("--size " + size + ": write the size as WIDTHxHEIGHT");
        double w = Double.parseDouble(m.group(1)), h = Double.parseDouble(m.group(2));
        String unit = m.group(3) == null ? "px" : m.group(3);
        double perUnit = switch (unit) {
            case "cm" -> dpi / 2.54;
            case "mm" -> dpi / 25.4;
            case "in" -> dpi;
            default -> 1;
        };
        int pw = (int) Math.round(w * perUnit), ph = (int) Math.round(h * perUnit);
        if (pw < 200 || ph < 150 || pw > 20000 || ph > 20000) {
            throw bad("--size " + size + (perUnit == 1 ? "" : " at --dpi " + dpi) + ": the chart would be " + pw + "x"
                    + ph + " pixels; use between 200x150 and 20000x20000");
        }
        return new int[] {pw, ph};
    }

    /** The dpi to record in PNG files: the --dpi when the size is a printed size, else none. */
    public int pngDpi() {
        return size.strip().toLowerCase(Locale.ROOT).matches(".*(cm|mm|in)") ? dpi : 0;
    }

    /** Writes one chart in every format asked for, as {@code base.png} etc.; returns the file names. */
    public List<String> write(org.jfree.chart.JFreeChart chart, String base, java.nio.file.Path dir)
            throws java.io.IOException {
        int[] px = pixels();
        List<String> names = new ArrayList<>();
        for (ChartFormat f : distinctFormats()) {
            String name = base + "." + f.extension();
            ChartWriter.write(chart, f, dir.resolve(name), px[0], px[1], pngDpi());
            names.add(name);
        }
        return names;
    }

    public List<ChartFormat> distinctFormats() {
        return formats.stream().distinct().toList();
    }
}
