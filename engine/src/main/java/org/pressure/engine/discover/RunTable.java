package org.pressure.engine.discover;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pressure.engine.diagnostics.Location;
import org.pressure.engine.diagnostics.ScenarioException;
import org.pressure.engine.scenario.Numbers;

/**
 * A table of runs, one row each, read from a sweep's {@code runs.csv} or any CSV with a header:
 * numeric columns as {@code double[]}, an empty cell as NaN (a year that never happens).
 */
public final class RunTable {
    private final Path file;
    private final List<String> names;
    private final Map<String, double[]> columns;
    private final int rows;
    private final Map<String, ScenarioException> notNumbers;

    private RunTable(Path file, List<String> names, Map<String, double[]> columns, int rows,
                     Map<String, ScenarioException> notNumbers) {
        this.file = file;
        this.names = List.copyOf(names);
        this.columns = columns;
        this.rows = rows;
        this.notNumbers = notNumbers;
    }

    /** Builds a table from columns already in memory (all the same length). */
    public static RunTable of(Map<String, double[]> columns) {
        int rows = columns.values().iterator().next().length;
        return new RunTable(Path.of("(memory)"), new ArrayList<>(columns.keySet()), new LinkedHashMap<>(columns), rows, Map.of());
    }

    /** Reads a CSV; a cell that is neither empty nor a number is refused with its line and column. */
    public static RunTable read(Path file) throws IOException {
        List<String> header;
        List<double[]> rowsRead = new ArrayList<>();
        Map<String, ScenarioException> notNumbers = new LinkedHashMap<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = in.readLine();
            if (first == null || first.isBlank()) throw new ScenarioException(Location.ofFile(file.toString()), "the file is empty; "
                    + "give a sweep's output folder or a CSV with a header row and one row per run");
            header = split(first);
            String line;
            int lineNo = 1;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isEmpty()) continue;
                List<String> cells = split(line);
                if (cells.size() != header.size()) {
                    throw new ScenarioException(new Location(file.toString(), lineNo, 1), "this row has " + cells.size()
                            + " cells and the header " + header.size());
                }
                double[] row = new double[cells.size()];
                int col = 1;
                for (int j = 0; j < row.length; j++) {
                    String c = cells.get(j).strip();
                    if (c.isEmpty()) {
                        row[j] = Double.NaN;
                    } else {
                        Double v = Numbers.parse(c);
                        if (v == null) {
                            // a column of text (a label, a name) is fine until something uses it
                            notNumbers.putIfAbsent(header.get(j), new ScenarioException(new Location(file.toString(), lineNo,
                                    col), "`" + header.get(j) + "`: `" + c + "` is not a number (a column used as an input "
                                    + "or in --where must hold a number or nothing in every row)"));
                        }
                        row[j] = v == null ? Double.NaN : v;
                    }
                    col += cells.get(j).length() + 1;
                }
                rowsRead.add(row);
            }
        } catch (NoSuchFileException e) {
            throw new ScenarioException(Location.ofFile(file.toString()), "no such file");
        }
        int n = rowsRead.size();
        Map<String, double[]> cols = new LinkedHashMap<>();
        for (int j = 0; j < header.size(); j++) {
            double[] c = new double[n];
            for (int i = 0; i < n; i++) c[i] = rowsRead.get(i)[j];
            cols.put(header.get(j), c);
        }
        return new RunTable(file, header, cols, n, notNumbers);
    }

    /** Cells separated by commas; a cell in double quotes may hold commas and doubled quotes. */
    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                out.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        out.add(cell.toString());
        return out;
    }

    public Path file() {
        return file;
    }

    public List<String> names() {
        return names;
    }

    public boolean has(String name) {
        return columns.containsKey(name);
    }

    /**
     * A column by name, an empty cell as NaN.
     *
     * @throws ScenarioException naming the first cell that is not a number, if the column has one
     */
    public double[] column(String name) {
        ScenarioException text = notNumbers.get(name);
        if (text != null) throw text;
        return columns.get(name);
    }

    /** Whether every cell of the column is a number or empty. */
    public boolean numeric(String name) {
        return !notNumbers.containsKey(name);
    }

    public int rows() {
        return rows;
    }
}
