package org.pressure.cli.chart;

import java.util.Locale;

/** File formats a chart can be written in. */
public enum ChartFormat {
    PNG, SVG, PDF;

    /** The file name extension, without the dot. */
    public String extension() {
        return name().toLowerCase(Locale.ROOT);
    }
}
