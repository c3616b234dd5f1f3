package org.pressure.engine.sweep;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pressure.engine.council.ResultsWriter;
import org.pressure.engine.io.AtomicFiles;

/** Writes {@code summary.json} and {@code sensitivity.csv} of a finished sweep, each atomically. */
public final class SweepWriter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SweepWriter() {}

    public static Map<String, Object> summary(SweepResult r) {
        SweepSpec spec = r.spec();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sweep", spec.name());
        m.put("scenario", spec.scenario().getFileName().toString());
        m.put("design", spec.design().key);
        m.put("runs", r.runs());
        m.put("seed", spec.seed());
        Map<String, Object> parameters = new LinkedHashMap<>();
        spec.parameters().forEach((path, d) -> parameters.put(path, describe(d, spec.percentParameters().contains(path))));
        m.put("parameters", parameters);
        if (!spec.correlations().isEmpty()) {
            java.util.List<Object> correlations = new java.util.ArrayList<>();
            for (SweepSpec.Correlation c : spec.correlations()) {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("between", java.util.List.of(c.a(), c.b()));
                x.put("rank", c.rank());
                correlations.add(x);
            }
            m.put("correlations", correlations);
        }
        Map<String, Object> outputs = new LinkedHashMap<>();
        for (SweepResult.OutputSummary o : r.outputs()) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("count", o.count());
            s.put("missing", o.missing());
            s.put("mean", finite(o.mean()));
            s.put("sd", finite(o.sd()));
            s.put("min", finite(o.min()));
            s.put("p5", finite(o.p5()));
            s.put("p25", finite(o.p25()));
            s.put("p50", finite(o.p50()));
            s.put("p75", finite(o.p75()));
            s.put("p95", finite(o.p95()));
            s.put("max", finite(o.max()));
            if (o.byYear() != null) {
                Map<String, Double> byYear = new LinkedHashMap<>();
                o.byYear().forEach((y, share) -> byYear.put(Integer.toString(y), share));
                s.put("by_year", byYear);
            }
            outputs.put(o.name(), s);
        }
        m.put("outputs", outputs);
        return m;
    }

    /** A distribution as a sweep file writes it, e.g. {@code triangular [0.02, 0.03, 0.056]} or {@code normal [0.024, 0.005], min 0}. */
    static String describe(Distribution d) {
        return describe(d, false);
    }

    /**
     * As {@link #describe(Distribution)}; where {@code percent}, in percentages, as the sweep file
     * wrote them ({@code uniform [3%, 8%]}). A normal's or lognormal's second number, a spread,
     * is in the same units as the first for a normal; a lognormal's shape has none and stays plain.
     */
    static String describe(Distribution d, boolean percent) {
        if (d instanceof Distribution.Values v) return "values " + list(v.values(), percent);
        Distribution.Continuous c = (Distribution.Continuous) d;
        double[] args;
        if (c.dist() instanceof org.apache.commons.math3.distribution.UniformRealDistribution u) {
            args = new double[] {u.getSupportLowerBound(), u.getSupportUpperBound()};
        } else if (c.dist() instanceof org.apache.commons.math3.distribution.TriangularDistribution t) {
            args = new double[] {t.getSupportLowerBound(), t.getMode(), t.getSupportUpperBound()};
        } else if (c.dist() instanceof org.apache.commons.math3.distribution.NormalDistribution n) {
            args = new double[] {n.getMean(), n.getStandardDeviation()};
        } else if (c.dist() instanceof org.apache.commons.math3.distribution.LogNormalDistribution ln) {
            args = new double[] {Math.exp(ln.getScale()), ln.getShape()};
        } else {
            args = new double[0];
        }
        boolean lognormal = c.dist() instanceof org.apache.commons.math3.distribution.LogNormalDistribution;
        String text;
        if (percent && lognormal && args.length == 2) {
            text = "[" + number(args[0], true) + ", " + number(args[1], false) + "]";
        } else {
            text = list(args, percent);
        }
        return c.kind() + " " + text + (Double.isFinite(c.min()) ? ", min " + number(c.min(), percent) : "")
                + (Double.isFinite(c.max()) ? ", max " + number(c.max(), percent) : "");
    }

    private static String list(double[] xs, boolean percent) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < xs.length; i++) b.append(i > 0 ? ", " : "").append(number(xs[i], percent));
        return b.append(']').toString();
    }

    /** 12 significant digits: exp(log(2.9)) shows as 2.9, as the file wrote it; a percentage as 2.4%. */
    private static String number(double x, boolean percent) {
        double v = new java.math.BigDecimal(percent ? x * 100 : x).round(new java.math.MathContext(12)).doubleValue();
        return ResultsWriter.number(v) + (percent ? "%" : "");
    }

    private static Double finite(double x) {
        return Double.isFinite(x) ? x : null;
    }

    public static void writeSummary(SweepResult r, Path file) throws IOException {
        byte[] json = JSON.writeValueAsBytes(summary(r));
        AtomicFiles.write(file, out -> out.write(json));
    }

    /** Writes sensitivity.csv when the design has sensitivity measures; returns whether it did. */
    public static boolean writeSensitivity(SweepResult r, Path file) throws IOException {
        if (r.sensitivity().isEmpty()) return false;
        StringBuilder s = new StringBuilder("output,parameter,").append(String.join(",", r.sensitivityHeader())).append('\n');
        for (SweepResult.SensitivityRow row : r.sensitivity()) {
            s.append(SweepRunner.csvField(row.output())).append(',').append(SweepRunner.csvField(row.parameter()));
            for (double v : row.values()) s.append(',').append(Double.isFinite(v) ? ResultsWriter.number(v) : "");
            s.append('\n');
        }
        byte[] bytes = s.toString().getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> out.write(bytes));
        return true;
    }
}
