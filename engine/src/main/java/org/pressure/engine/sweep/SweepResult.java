package org.pressure.engine.sweep;

import java.util.List;
import java.util.Map;

/**
 * What a sweep found: a summary of each output, per-year bands of each trajectory, and
 * sensitivity rows for the designs that have them.
 */
public record SweepResult(SweepSpec spec, int runs, List<OutputSummary> outputs, List<Band> bands,
                          List<String> sensitivityHeader, List<SensitivityRow> sensitivity) {

    public SweepResult {
        outputs = List.copyOf(outputs);
        bands = List.copyOf(bands);
        sensitivityHeader = List.copyOf(sensitivityHeader);
        sensitivity = List.copyOf(sensitivity);
    }

    /** The summary of the output named {@code name}; null if the sweep has none of that name. */
    public OutputSummary output(String name) {
        for (OutputSummary o : outputs) if (o.name().equals(name)) return o;
        return null;
    }

    /**
     * One output over all runs. Percentiles interpolate linearly between order statistics (the
     * usual spreadsheet and numpy definition); NaN where no run has a value.
     *
     * @param byYear for year outputs, the share of all runs where it has happened by each year; else null
     * @param counts for year outputs, how many runs have each year; else null
     */
    public record OutputSummary(String name, boolean isYear, long count, long missing, double mean, double sd,
                                double min, double p5, double p25, double p50, double p75, double p95, double max,
                                Map<Integer, Double> byYear, Map<Integer, Long> counts) {}

    /** Per-year percentiles of one results.csv column across runs, for fan charts. */
    public record Band(String column, int[] years, double[] p5, double[] p25, double[] p50, double[] p75,
                       double[] p95, boolean exact) {}

    /** One row of sensitivity.csv: an output, a parameter, and the design's measures in header order. */
    public record SensitivityRow(String output, String parameter, double[] values) {}
}
