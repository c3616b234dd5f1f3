package org.pressure.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.pressure.engine.council.CompiledScenario;
import org.pressure.engine.council.CouncilResult;
import org.pressure.engine.council.ResultsWriter;
import org.pressure.engine.council.Scenario;
import org.pressure.engine.diagnostics.Location;
import org.pressure.engine.diagnostics.Problems;
import org.pressure.engine.diagnostics.Suggest;
import org.pressure.engine.io.AtomicFiles;
import org.pressure.engine.scenario.Numbers;
import org.pressure.engine.scenario.TreeReader;

/**
 * A projection set against what was observed: for each column of an observed CSV (a {@code year}
 * column and any {@code results.csv} column names), the years both cover and how far the
 * projection missed. The error of a year is projected minus observed, so a positive error is a
 * projection that was too high.
 */
final class Backtest {

    /** One observed column compared with the projection: the years with a value, in order. */
    record Column(String name, int[] years, double[] projected, double[] observed) {
        int count() {
            return years.length;
        }

        double error(int i) {
            return projected[i] - observed[i];
        }

        /** Mean of projected minus observed. */
        double meanError() {
            double s = 0;
            for (int i = 0; i < count(); i++) s += error(i);
            return s / count();
        }

        /**
         * Mean of |error| / |observed|, as a share (0.05 is 5%), over the years whose observed
         * value is not zero; null where every observed value is zero.
         */
        Double meanAbsolutePercentageError() {
            double s = 0;
            int n = 0;
            for (int i = 0; i < count(); i++) {
                if (observed[i] == 0) continue;
                s += Math.abs(error(i) / observed[i]);
                n++;
            }
            return n == 0 ? null : s / n;
        }

        /** Years left out of the percentage error because their observed value is zero. */
        int zeroObserved() {
            int n = 0;
            for (double o : observed) if (o == 0) n++;
            return n;
        }

        /** Index of the year with the largest absolute error (the first of equals). */
        int largestMiss() {
            int best = 0;
            for (int i = 1; i < count(); i++) if (Math.abs(error(i)) > Math.abs(error(best))) best = i;
            return best;
        }
    }

    private final CouncilResult result;
    private final Path observedFile;
    private final List<Column> columns;
    /** Observed columns that hold no value at all (every cell empty). */
    private final List<String> empty;

    private Backtest(CouncilResult result, Path observedFile, List<Column> columns, List<String> empty) {
        this.result = result;
        this.observedFile = observedFile;
        this.columns = List.copyOf(columns);
        this.empty = List.copyOf(empty);
    }

    CouncilResult result() {
        return result;
    }

    Path observedFile() {
        return observedFile;
    }

    /** The columns compared, in the order of the observed file's header. */
    List<Column> columns() {
        return columns;
    }

    List<String> emptyColumns() {
        return empty;
    }

    /**
     * Reads {@code file} and sets it against {@code result}. Every problem in the file is reported
     * at once, each at its line and column: a missing {@code year} column, a column that is not in
     * results.csv, a year outside the scenario, a year given twice, a cell that is not a number.
     */
    static Backtest of(CouncilResult result, Path file) {
        String name = file.toString();
        String text = TreeReader.readText(file);
        Problems problems = new Problems();
        List<String> lines = text.lines().toList();
        int headerLine = 0;
        while (headerLine < lines.size() && lines.get(headerLine).isBlank()) headerLine++;
        if (headerLine == lines.size()) {
            problems.add(Location.ofFile(name), "is empty; write a header row such as `year,income,reserves` and a row "
                    + "per observed year");
            problems.throwIfAny();
        }
        List<Cell> header = cells(lines.get(headerLine), headerLine + 1, name, problems);
        problems.throwIfAny();

        Scenario sc = result.scenario();
        List<String> known = result.columns().stream().map(CompiledScenario.Column::header).toList();
        Set<String> knownSet = new HashSet<>(known);
        List<String> withYear = new ArrayList<>(known);
        withYear.add(0, "year");
        int yearIndex = -1;
        Map<String, Integer> seen = new HashMap<>();
        List<Integer> compared = new ArrayList<>();
        for (int c = 0; c < header.size(); c++) {
            Cell h = header.get(c);
            Location at = h.at();
            if (h.text().isEmpty()) {
                problems.add(at, "column " + (c + 1) + " of the header has no name");
                continue;
            }
            if (seen.put(h.text(), c) != null) {
                problems.add(at, "column `" + h.text() + "` appears twice in the header");
                continue;
            }
            if (h.text().equals("year")) {
                yearIndex = c;
            } else if (!knownSet.contains(h.text())) {
                problems.add(at, "`" + h.text() + "` is not a column of this scenario's results.csv"
                        + Suggest.didYouMean(h.text(), withYear) + "; the observed columns must be named as in "
                        + "results.csv (for example income, reserves, service.NAME.cost)");
            } else {
                compared.add(c);
            }
        }
        if (yearIndex < 0) {
            problems.add(new Location(name, headerLine + 1, 1), "the header needs a `year` column (financial years "
                    + "as 2025 for 2025/26); it has " + String.join(", ", header.stream().map(Cell::text).toList()));
        }
        if (compared.isEmpty() && problems.isEmpty()) {
            problems.add(new Location(name, headerLine + 1, 1), "the header names no results.csv column to compare; "
                    + "add columns such as income or reserves beside `year`");
        }
        // without a year column no row can be read; otherwise the rows are checked too, so that one run names every problem
        if (yearIndex < 0 || compared.isEmpty()) problems.throwIfAny();

        // the rows: every cell checked, values kept by column and year
        List<TreeMap<Integer, Double>> values = new ArrayList<>();
        for (int i = 0; i < compared.size(); i++) values.add(new TreeMap<>());
        Map<Integer, Integer> yearLine = new HashMap<>();
        for (int l = headerLine + 1; l < lines.size(); l++) {
            String line = lines.get(l);
            if (line.isBlank()) continue;
            List<Cell> row = cells(line, l + 1, name, problems);
            if (row.size() > header.size()) {
                problems.add(row.get(header.size()).at(), "this row has " + row.size() + " cells but the header has "
                        + header.size() + " columns");
                continue;
            }
            Cell yearCell = yearIndex < row.size() ? row.get(yearIndex) : null;
            if (yearCell == null || yearCell.text().isEmpty()) {
                problems.add(yearCell == null ? new Location(name, l + 1, 1) : yearCell.at(),
                        "this row has no year; every row needs one in the `year` column");
                continue;
            }
            Integer year = year(yearCell.text());
            if (year == null) {
                problems.add(yearCell.at(), "`" + yearCell.text() + "` in column `year` is not a year; write 2025 for "
                        + "2025/26");
                continue;
            }
            if (year < sc.start() || year > sc.end()) {
                problems.add(yearCell.at(), "year " + year + " (" + Scenario.financialYear(year) + ") is outside the "
                        + "scenario, which runs from " + sc.start() + " to " + sc.end() + " (" + Scenario.financialYear(sc.start())
                        + " to " + Scenario.financialYear(sc.end()) + ")");
                continue;
            }
            Integer before = yearLine.put(year, l + 1);
            if (before != null) {
                problems.add(yearCell.at(), "year " + year + " appears twice (also on line " + before + ")");
                continue;
            }
            for (int k = 0; k < compared.size(); k++) {
                int c = compared.get(k);
                if (c >= row.size() || row.get(c).text().isEmpty()) continue; // no observation that year
                Cell cell = row.get(c);
                Double v = Numbers.parse(cell.text());
                if (v == null) {
                    problems.add(cell.at(), "column `" + header.get(c).text() + "`, year " + year + ": "
                            + Numbers.badNumber(cell.text()) + ", or leave the cell empty");
                    continue;
                }
                values.get(k).put(year, v);
            }
        }
        problems.throwIfAny();

        List<Column> out = new ArrayList<>();
        List<String> empty = new ArrayList<>();
        for (int k = 0; k < compared.size(); k++) {
            String column = header.get(compared.get(k)).text();
            TreeMap<Integer, Double> v = values.get(k);
            if (v.isEmpty()) {
                empty.add(column);
                continue;
            }
            int[] years = v.keySet().stream().mapToInt(Integer::intValue).toArray();
            double[] observed = v.values().stream().mapToDouble(Double::doubleValue).toArray();
            double[] projected = new double[years.length];
            for (int i = 0; i < years.length; i++) projected[i] = result.value(column, years[i]);
            out.add(new Column(column, years, projected, observed));
        }
        if (out.isEmpty()) {
            problems.add(new Location(name, headerLine + 1, 1), "holds no observed value to compare: "
                    + (yearLine.isEmpty() ? "there is no row after the header" : "every cell beside `year` is empty")
                    + "; add a row per observed year, such as `" + sc.start() + ",123.4`");
            problems.throwIfAny();
        }
        return new Backtest(result, file, out, empty);
    }

    private static Integer year(String text) {
        if (!text.matches("[0-9]{1,6}")) return null;
        return Integer.valueOf(text);
    }

    /** backtest.csv: {@code year, column, projected, observed, error}, column by column, years in order. */
    void writeCsv(Path target) throws IOException {
        AtomicFiles.writeText(target, w -> {
            w.write("year,column,projected,observed,error\n");
            for (Column c : columns) {
                for (int i = 0; i < c.count(); i++) {
                    w.write(c.years()[i] + "," + c.name() + "," + ResultsWriter.number(c.projected()[i]) + ","
                            + ResultsWriter.number(c.observed()[i]) + "," + ResultsWriter.number(c.error(i)) + "\n");
                }
            }
        });
    }

    /** A cell's text (unquoted, trimmed) and where it starts. */
    record Cell(String text, Location at) {}

    /**
     * The cells of one CSV line, comma-separated; a cell in double quotes may hold commas, and
     * {@code ""} inside quotes is one quote.
     */
    static List<Cell> cells(String line, int lineNumber, String file, Problems problems) {
        List<Cell> out = new ArrayList<>();
        int i = 0, n = line.length();
        while (true) {
            while (i < n && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) i++;
            Location at = new Location(file, lineNumber, i + 1);
            StringBuilder text = new StringBuilder();
            if (i < n && line.charAt(i) == '"') {
                i++;
                boolean closed = false;
                while (i < n) {
                    char ch = line.charAt(i++);
                    if (ch == '"') {
                        if (i < n && line.charAt(i) == '"') {
                            text.append('"');
                            i++;
                        } else {
                            closed = true;
                            break;
                        }
                    } else {
                        text.append(ch);
                    }
                }
                if (!closed) {
                    problems.add(at, "a quoted cell is not closed on its line; end it with \"");
                    return out;
                }
                while (i < n && line.charAt(i) != ',') {
                    if (!Character.isWhitespace(line.charAt(i))) {
                        problems.add(new Location(file, lineNumber, i + 1), "text after a closing quote; put the "
                                + "whole cell in quotes");
                        return out;
                    }
                    i++;
                }
                out.add(new Cell(text.toString(), at));
            } else {
                while (i < n && line.charAt(i) != ',') text.append(line.charAt(i++));
                out.add(new Cell(text.toString().strip(), at));
            }
            if (i >= n) return out;
            i++; // the comma
        }
    }

    /** The years of a column as people read them: "2017/18 to 2019/20" when they run on, else a list. */
    static String years(int[] years) {
        if (years.length == 1) return Scenario.financialYear(years[0]);
        boolean run = years[years.length - 1] - years[0] == years.length - 1;
        if (run) return Scenario.financialYear(years[0]) + " to " + Scenario.financialYear(years[years.length - 1]);
        List<String> each = new ArrayList<>();
        for (int y : years) each.add(Scenario.financialYear(y));
        return String.join(", ", each);
    }

    /** Column names by kind, for an axis label: people, clients, a driver's own units, or money. */
    static String quantity(String column, String units) {
        if (column.startsWith("cohort.")) return "people";
        if (column.endsWith(".clients") || column.endsWith(".failure_clients")) return "clients";
        if (column.startsWith("driver.")) return "value of the driver";
        if (column.endsWith(".unit_cost")) return units + " per client";
        if (Set.of("reserves", "earmarked_reserves", "minimum_reserves", "cfr", "dsg_deficit").contains(column)) {
            return units;
        }
        return units + " a year";
    }
}
