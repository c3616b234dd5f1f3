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
