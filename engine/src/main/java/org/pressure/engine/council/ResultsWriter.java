package org.pressure.engine.council;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pressure.engine.io.AtomicFiles;

/** Writes {@code results.csv} and {@code summary.json} (docs/model.md section 5). */
public final class ResultsWriter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultsWriter() {}

    /**
     * One row per year: {@code year}, then every column of the run, each number to
     * {@value org.pressure.engine.io.CsvText#READABLE_DIGITS} significant digits of its column's
     * largest value (see {@link org.pressure.engine.io.CsvText#readable}).
     */
    public static void writeCsv(CouncilResult r, Path file) throws IOException {
        writeCsv(r, file, false);
    }

    /** As {@link #writeCsv(CouncilResult, Path)}; where {@code exact}, every number reads back to the same double. */
    public static void writeCsv(CouncilResult r, Path file, boolean exact) throws IOException {
        AtomicFiles.writeText(file, w -> writeCsv(r, w, exact));
    }

    public static void writeCsv(CouncilResult r, Writer w) throws IOException {
        writeCsv(r, w, false);
    }

    public static void writeCsv(CouncilResult r, Writer w, boolean exact) throws IOException {
        List<CompiledScenario.Column> cols = r.columns();
        w.write("year");
        for (CompiledScenario.Column c : cols) {
            w.write(',');
            w.write(org.pressure.engine.io.CsvText.field(c.header()));
        }
        w.write('\n');
        double[][] data = cols.stream().map(c -> r.column(c.header())).toArray(double[][]::new);
        double[] max = new double[data.length];
        for (int j = 0; j < data.length; j++) {
            for (double x : data[j]) if (Double.isFinite(x)) max[j] = Math.max(max[j], Math.abs(x));
        }
        for (int i = 0; i < r.years(); i++) {
            w.write(Integer.toString(r.year(i)));
            for (int j = 0; j < data.length; j++) {
                w.write(',');
                w.write(exact ? number(data[j][i]) : org.pressure.engine.io.CsvText.readable(data[j][i], max[j]));
            }
            w.write('\n');
        }
    }

    /** The shortest text that reads back to the same double; whole numbers without ".0" (see {@link org.pressure.engine.io.CsvText#number}). */
    public static String number(double x) {
        return org.pressure.engine.io.CsvText.number(x);
    }

    /** The summary: name, horizon, units and indicators. */
    public static Map<String, Object> summary(CouncilResult r) {
        Scenario sc = r.scenario();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", sc.name());
        m.put("start", sc.start());
        m.put("end", sc.end());
        m.put("units", sc.units());
        m.put("indicators", r.indicators().asMap());
        Map<String, Object> agencies = new LinkedHashMap<>();
        for (var e : r.agencyTotals().entrySet()) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("cost", e.getValue()[0]);
            a.put("failure_cost", e.getValue()[1]);
            agencies.put(e.getKey(), a);
        }
        m.put("agencies", agencies);
        return m;
    }

    public static void writeSummary(CouncilResult r, Path file) throws IOException {
        AtomicFiles.write(file, out -> JSON.writeValue(new NonClosing(out), summary(r)));
    }

    /** Jackson closes what it writes to; the atomic writer closes it itself. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(java.io.OutputStream out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
