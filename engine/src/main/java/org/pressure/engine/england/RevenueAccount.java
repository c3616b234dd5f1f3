package org.pressure.engine.england;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.pressure.engine.diagnostics.Location;
import org.pressure.engine.diagnostics.Problems;
import org.pressure.engine.diagnostics.ScenarioException;

/**
 * A Revenue Account budget return (RA) as MHCLG publishes it: one row per council, the form's
 * lines as columns, in £ thousand. Reads the 2021-22 layout (preamble rows, a row of form line
 * numbers above the header, reserve levels at 1 April and 31 March) and the 2023-24 layout
 * (header on the first line, no line numbers, no reserves), and keeps, for every figure, the line
 * and column it came from.
 */
final class RevenueAccount {
    /** The classes of upper-tier councils: unitary, metropolitan district, London borough (L or LB), shire county. */
    static final Set<String> UPPER_TIER = Set.of("UA", "MD", "L", "LB", "SC");
    /** The texts a return writes for a council that made no return, or whose figure is withheld. */
    private static final Set<String> NOT_RETURNED = Set.of("...", "..", "\u2026", "[x]", "[z]", "[c]", "-", "");

    /** One published figure, with where it is. */
    record Figure(FormLine line, double thousands, int fileLine, int column, String header) {
        /** The figure in £m, exactly as the return's £ thousand over 1,000. */
        double millions() {
            return thousands / 1000;
        }

        /** The spreadsheet letters of the column (A, ..., Z, AA, ...). */
        String columnLetters() {
            StringBuilder s = new StringBuilder();
            for (int c = column + 1; c > 0; c = (c - 1) / 26) s.insert(0, (char) ('A' + (c - 1) % 26));
            return s.toString();
        }
    }

    /** When a reserve level is read: the return gives each at the start and the end of the year. */
    enum When { START, END }

    /**
     * One upper-tier council's row.
     *
     * @param figures every form line read, at the start of the year for reserve levels
     * @param reservesAtEnd reserve levels at the end of the year (empty when the return has none)
     */
    record Council(String code, String name, String councilClass, int fileLine, Map<FormLine, Figure> figures,
                   Map<FormLine, Figure> reservesAtEnd) {
        Figure figure(FormLine line) {
            Figure f = figures.get(line);
            if (f == null) throw new IllegalStateException("no figure for line " + line.line);
            return f;
        }

        double thousands(FormLine line) {
            return figure(line).thousands();
        }
    }

    /** An upper-tier council in the file that made no return (its figures are `...`). */
    record NoReturn(String code, String name, int fileLine, FormLine firstMissing, String text) {}

    final String file;
    final boolean hasReserves;
    final List<Council> councils;
    final List<NoReturn> noReturn;
    final int headerLine;
    /** The financial year the file's title row names (2021-22), or null where it has no title. */
    final String titleYear;

    private RevenueAccount(String file, boolean hasReserves, List<Council> councils, List<NoReturn> noReturn, int headerLine,
                           String titleYear) {
        this.titleYear = titleYear;
        this.file = file;
        this.hasReserves = hasReserves;
        this.councils = List.copyOf(councils);
        this.noReturn = List.copyOf(noReturn);
        this.headerLine = headerLine;
    }

    static RevenueAccount read(Path path) {
        CsvTable table = CsvTable.read(path);
        String file = table.file();
        List<CsvTable.Row> rows = table.rows();
        int h = headerRow(rows);
        if (h < 0) {
            throw new ScenarioException(new Location(file, 1, 1), "is not a Revenue Account budget return (RA): no header "
                    + "row with `ONS Code`, `Local authority` and `Class` in its first 20 rows. `pressure import ra` reads the "
                    + "RA files MHCLG publishes by council (RA_2021-22_data_by_LA.csv, RA_2023-24_data_Part_1_manual.csv)");
        }
        CsvTable.Row header = rows.get(h);
        CsvTable.Row numbers = h > 0 && isLineNumberRow(rows.get(h - 1)) ? rows.get(h - 1) : null;
        int codeColumn = column(header, "ONS Code"), nameColumn = column(header, "Local authority"),
                classColumn = column(header, "Class");

        Map<FormLine, Integer> start = new EnumMap<>(FormLine.class), end = new EnumMap<>(FormLine.class);
        Problems problems = new Problems();
        List<FormLine> missing = new ArrayList<>();
        for (FormLine line : FormLine.values()) {
            List<Integer> found = new ArrayList<>();
            for (int c = 0; c < header.cells().size(); c++) {
                boolean hit = numbers != null ? numbers.cell(c).strip().equals(Integer.toString(line.line))
                        : line.matches(header.cell(c));
                if (hit) found.add(c);
            }
            if (line.isReserveLevel()) {
                for (int c : found) {
                    String text = FormLine.normalise(header.cell(c));
                    if (text.endsWith("1 april")) start.putIfAbsent(line, c);
                    else if (text.endsWith("31 march")) end.putIfAbsent(line, c);
                }
                if (!start.containsKey(line) || !end.containsKey(line)) missing.add(line);
            } else if (found.isEmpty()) {
                missing.add(line);
            } else if (found.size() > 1) {
                problems.add(header.at(file, found.get(1)), "form line " + line.line + " (" + line.text()
                        + ") has more than one column (" + found.size() + "); a return has one");
            } else {
                start.put(line, found.get(0));
            }
        }
        List<FormLine> missingRequired = missing.stream().filter(l -> !l.isReserveLevel()).toList();
        boolean hasReserves = missing.stream().noneMatch(FormLine::isReserveLevel);
        boolean someReserves = FormLine.RESERVES.stream().anyMatch(missing::contains)
                && !FormLine.RESERVES.stream().allMatch(missing::contains);
        if (missingRequired.size() * 2 > FormLine.values().length - FormLine.RESERVES.size()) {
            throw new ScenarioException(header.at(file, 0), "is a file of another layout: it has no column for "
                    + missingRequired.size() + " of the budget form's lines this import needs (" + lines(missingRequired)
                    + "). `pressure import ra` reads the Revenue Account budget return (RA) by council, as MHCLG "
                    + "publishes it for 2021-22 and 2023-24; outturn files (RSX, RS) are other forms");
        }
        for (FormLine line : missingRequired) {
            problems.add(header.at(file, 0), "no column for form line " + line.line + " (`" + line.text() + "`)"
                    + (numbers != null ? " in the row of line numbers above the header" : " in the header")
                    + "; the import needs it. Was the file edited or cut short?");
        }
        if (someReserves) {
            problems.add(header.at(file, 0), "the file has some reserve levels (lines 1015, 1016, 1021, 1022) but not "
                    + "all, each at 1 April and 31 March: missing " + lines(FormLine.RESERVES.stream().filter(missing::contains).toList()));
        }
        problems.throwIfAny();

        List<Council> councils = new ArrayList<>();
        List<NoReturn> none = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (int r = h + 1; r < rows.size(); r++) {
            CsvTable.Row row = rows.get(r);
            String code = row.cell(codeColumn).strip();
            String klass = row.cell(classColumn).strip();
            if (code.isEmpty() || !UPPER_TIER.contains(klass)) continue;
            String name = row.cell(nameColumn).strip();
            Integer before = seen.putIfAbsent(code, row.line());
            if (before != null) {
                problems.add(row.at(file, codeColumn), "council " + code + " (" + name + ") appears twice, on lines "
                        + before + " and " + row.line() + "; a return has one row per council");
                continue;
            }
            Map<FormLine, Figure> figures = new EnumMap<>(FormLine.class), atEnd = new EnumMap<>(FormLine.class);
            // a council that made no return has no figure at all; one missing figure among the rest is refused
            List<Integer> missingAt = new ArrayList<>();
            List<FormLine> missingLines = new ArrayList<>();
            for (boolean atStart : new boolean[] {true, false}) {
                for (Map.Entry<FormLine, Integer> e : (atStart ? start : end).entrySet()) {
                    String text = row.cell(e.getValue()).strip();
                    if (NOT_RETURNED.contains(text)) {
                        missingAt.add(e.getValue());
                        missingLines.add(e.getKey());
                        continue;
                    }
                    Figure f = figure(file, row, header, e.getKey(), e.getValue(), problems);
                    if (f != null) (atStart ? figures : atEnd).put(e.getKey(), f);
                }
            }
            if (missingAt.isEmpty()) {
                councils.add(new Council(code, name, klass, row.line(), figures, atEnd));
            } else if (figures.isEmpty() && atEnd.isEmpty()) {
                none.add(new NoReturn(code, name, row.line(), missingLines.get(0), row.cell(missingAt.get(0)).strip()));
            } else {
                for (int i = 0; i < missingAt.size(); i++) {
                    FormLine line = missingLines.get(i);
                    problems.add(row.at(file, missingAt.get(i)), "council " + code + " (" + name + "): `"
                            + row.cell(missingAt.get(i)).strip() + "` under form line " + line.line + " (" + line.text()
                            + ") where its other figures are given; a missing figure is refused, not guessed (write 0 for nil)");
                }
            }
        }
        problems.throwIfAny();
        if (councils.isEmpty()) {
            throw new ScenarioException(header.at(file, 0), "has no upper-tier council (class UA, MD, L, LB or SC, with "
                    + "an ONS code) with a return");
        }
        String titleYear = null;
        if (h > 0) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\b(\\d{4}-\\d{2})\\b").matcher(rows.get(0).cell(0));
            if (m.find()) titleYear = m.group(1);
        }
        return new RevenueAccount(file, hasReserves, councils, none, header.line(), titleYear);
    }

    /** A figure; a text that is no number is a problem (and null). */
    private static Figure figure(String file, CsvTable.Row row, CsvTable.Row header, FormLine line, int column, Problems problems) {
        String text = row.cell(column).strip();
        String plain = text.replace(",", "");
        double value;
        try {
            value = Double.parseDouble(plain);
        } catch (NumberFormatException e) {
            value = Double.NaN;
        }
        if (!Double.isFinite(value) || !plain.matches("-?[0-9]+(\\.[0-9]+)?")) {
            problems.add(row.at(file, column), "`" + text + "` under form line " + line.line + " (" + line.text()
                    + ") is not a number in £ thousand (such as 1,234 or -56) nor `...` for no return");
            return null;
        }
        return new Figure(line, value, row.line(), column, header.cell(column).strip());
    }

    private static String lines(List<FormLine> lines) {
        return String.join(", ", lines.stream().map(l -> Integer.toString(l.line)).toList());
    }

    private static int headerRow(List<CsvTable.Row> rows) {
        for (int r = 0; r < Math.min(20, rows.size()); r++) {
            CsvTable.Row row = rows.get(r);
            if (column(row, "ONS Code") >= 0 && column(row, "Local authority") >= 0 && column(row, "Class") >= 0) return r;
        }
        return -1;
    }

    private static int column(CsvTable.Row row, String name) {
        for (int c = 0; c < row.cells().size(); c++) {
            if (row.cell(c).strip().equalsIgnoreCase(name)) return c;
        }
        return -1;
    }

    /** A row above the header that numbers the form's lines: mostly whole numbers where it has anything. */
    private static boolean isLineNumberRow(CsvTable.Row row) {
        int numbers = 0, filled = 0;
        for (String cell : row.cells()) {
            if (cell.isBlank()) continue;
            filled++;
            if (cell.strip().matches("[0-9]{3,4}")) numbers++;
        }
        return filled > 20 && numbers * 10 >= filled * 9;
    }

    /** The class as a person reads it. */
    static String className(String klass) {
        return switch (klass.toUpperCase(Locale.ROOT)) {
            case "UA" -> "unitary";
            case "MD" -> "metropolitan district";
            case "L", "LB" -> "London borough";
            case "SC" -> "shire county";
            default -> klass;
        };
    }
}
