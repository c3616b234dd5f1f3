package org.pressure.engine.xmile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An expected output of the SDXorg test-models suite ({@code output.csv} or {@code output.tab})
 * and the suite's rule for a match: every expected value within 1e-4 relative of ours, or
 * both within 1e-6 of zero; names compared as XMILE compares them; Vensim's control columns
 * ignored. Blank cells (a constant written once) repeat the value above.
 */
record ExpectedOutput(double[] times, Map<String, double[]> columns) {

    static final Set<String> CONTROL = Set.of("initial time", "final time", "time step", "saveper");

    static ExpectedOutput read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        // most expected outputs are UTF-8; a few older ones are Latin-1
        String decoded;
        try {
            decoded = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            decoded = new String(bytes, StandardCharsets.ISO_8859_1);
        }
        String text = decoded.replace("\r\n", "\n").replace('\r', '\n');
        char sep = file.toString().endsWith(".tab") ? '\t' : ',';
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        List<String> header = split(lines.get(0), sep);
        List<double[]> rows = new ArrayList<>();
        double[] last = new double[header.size()];
        for (int i = 1; i < lines.size(); i++) {
            List<String> cells = split(lines.get(i), sep);
            double[] row = new double[header.size()];
            for (int c = 0; c < header.size(); c++) {
                String cell = c < cells.size() ? cells.get(c).strip() : "";
                row[c] = cell.isEmpty() ? last[c] : Double.parseDouble(cell);
            }
            last = row;
            rows.add(row);
        }
        double[] times = rows.stream().mapToDouble(r -> r[0]).toArray();
        Map<String, double[]> columns = new LinkedHashMap<>();
        for (int c = 1; c < header.size(); c++) {
            String name = XmileNames.canonical(header.get(c));
            if (CONTROL.contains(name)) continue;
            int col = c;
            columns.put(name, rows.stream().mapToDouble(r -> r[col]).toArray());
        }
        return new ExpectedOutput(times, columns);
    }

    private static List<String> split(String line, char sep) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted && ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                cell.append('"'); // a quote inside a quoted cell is written twice
                i++;
            } else if (ch == '"') {
                quoted = !quoted;
            } else if (ch == sep && !quoted) {
                out.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        out.add(cell.toString());
        return out;
    }

    static boolean close(double expected, double actual) {
        if (Math.abs(expected) < 1e-6 && Math.abs(actual) < 1e-6) return true;
        return Math.abs(expected - actual) <= 1e-4 * Math.abs(expected);
    }

    /**
     * The differences between this and a run, at most a few per column; empty when they match.
     * Columns the run lacks are listed in {@code missing}.
     */
    List<String> differences(XmileRun run, List<String> missing) {
        List<String> out = new ArrayList<>();
        Map<String, double[]> ours = new LinkedHashMap<>();
        for (int i = 0; i < run.names().size(); i++) ours.put(XmileNames.canonical(run.names().get(i)), run.columns().get(i));
        Map<Double, Integer> rowAt = new LinkedHashMap<>();
        for (int r = 0; r < run.times().length; r++) rowAt.put(round(run.times()[r]), r);
        for (var e : columns.entrySet()) {
            double[] actual = ours.get(e.getKey());
            if (actual == null) {
                missing.add(e.getKey());
                continue;
            }
            int shown = 0;
            for (int r = 0; r < times.length; r++) {
                Integer row = rowAt.get(round(times[r]));
                if (row == null) row = nearest(run.times(), times[r]);
                if (row == null) {
                    out.add("no row for time " + times[r]);
                    return out;
                }
                if (!close(e.getValue()[r], actual[row]) && shown++ < 3) {
                    out.add(e.getKey() + " at time " + times[r] + ": expected " + e.getValue()[r] + ", got " + actual[row]);
                }
            }
        }
        return out;
    }

    /**
     * The row of the run at {@code t} written with fewer digits (an expected output may give
     * 10.0312 for 10.03125): the nearest time within 1e-4 relative, or null.
     */
    private static Integer nearest(double[] times, double t) {
        Integer best = null;
        for (int i = 0; i < times.length; i++) {
            if (Math.abs(times[i] - t) <= 1e-4 * Math.max(1, Math.abs(t))
                    && (best == null || Math.abs(times[i] - t) < Math.abs(times[best] - t))) best = i;
        }
        return best;
    }

    private static double round(double t) {
        return Math.round(t * 1e6) / 1e6;
    }
}
