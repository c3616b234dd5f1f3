package org.pressure.cli.report;

import org.pressure.engine.council.Columns;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.pressure.engine.council.CompiledScenario;
import org.pressure.engine.council.CouncilResult;
import org.pressure.engine.council.Indicators;
import org.pressure.engine.council.Scenario;
import org.pressure.engine.io.AtomicFiles;
import org.pressure.engine.scenario.Assumptions.Assumption;

/**
 * {@code report.xlsx}: Summary (the indicators), Results (one row a year, every column of
 * results.csv, numbers as numbers equal to the CSV's) and Assumptions. Every piece of text is a
 * text cell, so a name such as {@code =HYPERLINK(...)} is shown, never evaluated.
 */
public final class XlsxReport {
    static {
        // POI logs through the Log4j API; with no Log4j back end on the class path, the API prints an error
        // about that to stderr on first use. Its own simple logger (errors only, to stderr) needs no back end.
        if (System.getProperty("log4j2.loggerContextFactory") == null && System.getProperty("log4j.provider") == null) {
            System.setProperty("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
        }
    }

    private XlsxReport() {}

    /** Writes the workbook to {@code target}, atomically. */
    public static void write(List<ScenarioReport> reports, Path target) throws IOException {
        write(reports, List.of(), target);
    }

    /** The workbook with a sheet per sweep after Summary, Results, By year and Assumptions. */
    public static void write(List<ScenarioReport> reports, List<SweepReport> sweeps, Path target) throws IOException {
        byte[] bytes = bytes(reports, sweeps);
        AtomicFiles.write(target, out -> out.write(bytes));
    }

    /**
     * The workbook's bytes, made in memory first so that nothing is written if it cannot be made,
     * and with fixed dates, so that the same scenarios give the same bytes.
     */
    public static byte[] bytes(List<ScenarioReport> reports, List<SweepReport> sweeps) throws IOException {
        try (XSSFWorkbook book = workbook(reports)) {
            Styles styles = new Styles(book);
            for (int i = 0; i < sweeps.size(); i++) sweep(book, sweeps.get(i), i + 1, styles);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            book.write(out);
            return org.pressure.cli.chart.SameBytes.zip(out.toByteArray());
        }
    }

    static XSSFWorkbook workbook(List<ScenarioReport> reports) {
        XSSFWorkbook book = new XSSFWorkbook();
        book.getProperties().getCoreProperties().setCreator("Pressure");
        book.getProperties().getCoreProperties().setCreated(java.util.Optional.of(new java.util.Date(946_684_800_000L)));
        book.getProperties().getCoreProperties().setTitle(reports.size() == 1 ? reports.get(0).label()
                : "Comparison of " + reports.size() + " scenarios");
        Styles styles = new Styles(book);
        summary(book.createSheet("Summary"), reports, styles);
        results(book.createSheet("Results"), reports, styles);
        byYear(book.createSheet("By year"), reports, styles);
        org.pressure.engine.council.Comparison comparison = reports.size() > 1 ? ScenarioReport.comparison(reports) : null;
        boolean agencies = reports.stream().anyMatch(r -> !r.result().scenario().part2().agencies().isEmpty());
        if (agencies) whoPays(book.createSheet("Who pays"), reports, comparison, styles);
        assumptions(book.createSheet("Assumptions"), reports, styles);
        return book;
    }

    private static void summary(Sheet sheet, List<ScenarioReport> reports, Styles styles) {
        header(sheet, styles, List.of("scenario", "indicator", "value", "units", "in words"), 0);
        int row = 1;
        for (ScenarioReport r : reports) {
            Scenario sc = r.result().scenario();
            Wording w = new Wording(r.result());
            Map<String, Object> values = r.result().indicators().asMap();
            text(sheet, row, 0, r.label());
            text(sheet, row, 1, "file");
            text(sheet, row, 4, r.file().toString());
            row++;
            for (String[] period : new String[][] {{"start", "first year"}, {"end", "last year"}}) {
                int year = period[0].equals("start") ? sc.start() : sc.end();
                text(sheet, row, 0, r.label());
                text(sheet, row, 1, period[0]);
                number(sheet, row, 2, year, styles.year);
                text(sheet, row, 3, "year (2025 is 2025/26)");
                text(sheet, row, 4, period[1] + ": " + Wording.fy(year));
                row++;
            }
            for (String name : Indicators.NAMES) {
                Object v = values.get(name);
                text(sheet, row, 0, r.label());
                text(sheet, row, 1, name);
                if (Indicators.YEAR_INDICATORS.contains(name)) {
                    if (v != null) number(sheet, row, 2, (Integer) v, styles.year);
                    text(sheet, row, 3, v == null ? "never within the projection" : "year (2025 is 2025/26)");
                } else if (name.equals("statutory_share_end")) {
                    if (v != null) number(sheet, row, 2, (Double) v, styles.percent);
                    text(sheet, row, 3, "share of income");
                } else {
                    number(sheet, row, 2, (Double) v, null);
                    text(sheet, row, 3, sc.units() + ", cash");
                }
                text(sheet, row, 4, w.label(name) + ": " + w.value(name, v));
                row++;
            }
            // the agencies block of summary.json: each body's cost and failure cost over the projection
            if (!sc.part2().agencies().isEmpty()) {
                for (var e : r.result().agencyTotals().entrySet()) {
                    for (int k = 0; k < 2; k++) {
                        String what = k == 0 ? "cost" : "failure_cost";
                        text(sheet, row, 0, r.label());
                        text(sheet, row, 1, "agencies." + e.getKey() + "." + what);
                        number(sheet, row, 2, e.getValue()[k], null);
                        text(sheet, row, 3, sc.units() + ", cash");
                        text(sheet, row, 4, (k == 0 ? "Cost to " : "Failure demand borne by ") + WhoPaysText.name(e.getKey())
                                + ", " + Wording.fy(sc.start()) + " to " + Wording.fy(sc.end()) + ": "
                                + w.money(e.getValue()[k]));
                        row++;
                    }
                }
            }
        }
        widths(sheet, 34, 24, 14, 26, 60);
    }

    private static void results(Sheet sheet, List<ScenarioReport> reports, Styles styles) {
        boolean several = reports.size() > 1;
        // every scenario's columns, in the order they first appear
        Set<String> columns = new LinkedHashSet<>();
        for (ScenarioReport r : reports) r.result().columns().forEach(c -> columns.add(c.header()));
        List<String> header = new ArrayList<>();
        if (several) header.add("scenario");
        header.add("year");
        header.addAll(columns);
        header(sheet, styles, header, several ? 2 : 1);
        int row = 1;
        for (ScenarioReport r : reports) {
            CouncilResult result = r.result();
            Set<String> has = new LinkedHashSet<>(result.columns().stream().map(CompiledScenario.Column::header).toList());
            for (int i = 0; i < result.years(); i++) {
                int col = 0;
                if (several) text(sheet, row, col++, r.label());
                number(sheet, row, col++, result.year(i), null);
                for (String c : columns) {
                    if (has.contains(c)) number(sheet, row, col, result.column(c)[i], null);
                    col++;
                }
                row++;
            }
        }
        sheet.setColumnWidth(0, (several ? 34 : 8) * 256);
        for (int c = 1; c < header.size(); c++) sheet.setColumnWidth(c, Math.min(40, Math.max(12, header.get(c).length() + 2)) * 256);
    }

    /**
     * Each public body's cost by scenario over its whole projection and, with several scenarios,
     * over the years each shares with the first, the difference from the first and who pays in words.
     */
    private static void whoPays(Sheet sheet, List<ScenarioReport> reports, org.pressure.engine.council.Comparison c,
                                Styles styles) {
        List<String> head = new ArrayList<>(List.of("scenario", "body", "cost", "failure_cost", "units"));
        if (c != null) head.addAll(List.of("from", "to", "cost in shared years", "first scenario's cost",
                "difference from first", "in words"));
        header(sheet, styles, head, 2);
        int row = 1;
        for (int i = 0; i < reports.size(); i++) {
            ScenarioReport r = reports.get(i);
            Scenario sc = r.result().scenario();
            org.pressure.engine.council.Comparison.WhoPays wp = c == null || i == 0 ? null : c.whoPays(i);
            // its own bodies; against the first, those either of the two lists
            List<String> bodies = wp != null ? wp.agencies() : org.pressure.cli.chart.WholeSystemCharts.agencies(sc);
            for (int a = 0; a <= bodies.size(); a++) {
                boolean all = a == bodies.size();
                String body = all ? "public purse" : bodies.get(a);
                double cost = sum(all ? org.pressure.engine.council.Comparison.publicCost(r.result())
                        : org.pressure.engine.council.Comparison.agencyCost(r.result(), body));
                String failureColumn = Columns.agency(body, "failure_cost");
                double failure = 0;
                if (all) {
                    for (double[] t : r.result().agencyTotals().values()) failure += t[1];
                } else if (r.result().columns().stream().anyMatch(x -> x.header().equals(failureColumn))) {
                    failure = sum(r.result().column(failureColumn));
                } else if (body.equals(org.pressure.engine.council.Service.COUNCIL)) {
                    failure = r.result().agencyTotals().get(body)[1];
                }
                text(sheet, row, 0, r.label());
                text(sheet, row, 1, body);
                number(sheet, row, 2, cost, null);
                number(sheet, row, 3, failure, null);
                text(sheet, row, 4, sc.units() + ", cash");
                if (wp != null) {
                    number(sheet, row, 5, wp.from(), styles.year);
                    number(sheet, row, 6, wp.to(), styles.year);
                    number(sheet, row, 7, all ? wp.otherPublic() : wp.other()[a], null);
                    number(sheet, row, 8, all ? wp.basePublic() : wp.base()[a], null);
                    number(sheet, row, 9, all ? wp.publicDifference() : wp.difference(a), null);
                    if (all) text(sheet, row, 10, WhoPaysText.sentence(wp, reports.get(0).result().scenario().units(), reports.get(0).result().scenario()));
                }
                row++;
            }
        }
        widths(sheet, 34, 22, 14, 14, 12, 8, 8, 18, 18, 18, 90);
    }

    private static double sum(double[] xs) {
        double s = 0;
        for (double x : xs) s += x;
        return s;
    }

    /**
     * The layout of a budget book: a row per line (in words, and its results.csv id), the years
     * as columns. Every scenario's rows, one after another when there are several.
     */
    private static void byYear(Sheet sheet, List<ScenarioReport> reports, Styles styles) {
        boolean several = reports.size() > 1;
        java.util.TreeSet<Integer> years = new java.util.TreeSet<>();
        for (ScenarioReport r : reports) for (int i = 0; i < r.result().years(); i++) years.add(r.result().year(i));
        List<String> header = new ArrayList<>();
        if (several) header.add("scenario");
        header.add("line");
        header.add("id");
        for (int y : years) header.add(Wording.fy(y));
        header(sheet, styles, header, several ? 3 : 2);
        int row = 1;
        for (ScenarioReport r : reports) {
            CouncilResult result = r.result();
            for (CompiledScenario.Column c : result.columns()) {
                int col = 0;
                if (several) text(sheet, row, col++, r.label());
                text(sheet, row, col++, inWords(c.header(), result.scenario()));
                text(sheet, row, col++, c.header());
                double[] v = result.column(c.header());
                for (int y : years) {
                    int i = y - result.scenario().start();
                    if (i >= 0 && i < v.length) number(sheet, row, col, v[i], null);
                    col++;
                }
                row++;
            }
        }
        if (several) sheet.setColumnWidth(0, 34 * 256);
        sheet.setColumnWidth(several ? 1 : 0, 44 * 256);
        sheet.setColumnWidth(several ? 2 : 1, 36 * 256);
        for (int c = header.size() - years.size(); c < header.size(); c++) sheet.setColumnWidth(c, 11 * 256);
    }

    /** A results.csv id in words: {@code service.adult_social_care.cost} is "Adult social care: cost". */
    static String inWords(String id) {
        return inWords(id, null);
    }

    /** As {@link #inWords(String)}, a driver, income stream, service or agency named by its {@code label:} in {@code sc}. */
    static String inWords(String id, Scenario sc) {
        String[] parts = id.split("\\.");
        java.util.function.Function<String, String> words = w -> w.replace('_', ' ');
        java.util.function.Function<String, String> capital = w -> w.isEmpty() ? w
                : Character.toUpperCase(w.charAt(0)) + w.substring(1);
        if (parts.length == 1) return capital.apply(words.apply(parts[0]));
        String kind = switch (parts[0]) {
            case "income" -> "income";
            case "driver" -> "driver";
            case "service", "savings", "agency", "cohort" -> "";
            default -> words.apply(parts[0]);
        };
        String name = sc != null && java.util.Set.of("driver", "income", "service", "agency").contains(parts[0])
                ? capital.apply(sc.label(parts[0], parts[1])) : capital.apply(words.apply(parts[1]));
        String rest = parts.length > 2 ? words.apply(String.join(" ", java.util.Arrays.copyOfRange(parts, 2, parts.length))) : "";
        if (parts[0].equals("income") || parts[0].equals("driver")) {
            return name + " (" + kind + ")" + (rest.isEmpty() ? "" : ": " + rest);
        }
        return name + (rest.isEmpty() ? "" : ": " + rest);
    }

    private static void assumptions(Sheet sheet, List<ScenarioReport> reports, Styles styles) {
        header(sheet, styles, List.of("scenario", "path", "value", "source comment", "file:line"), 0);
        int row = 1;
        for (ScenarioReport r : reports) {
            Scenario sc = r.result().scenario();
            if (sc.description() != null && !sc.description().isBlank()) {
                row(sheet, row++, r.label(), "description", sc.description(), "", r.file().toString());
            }
            for (int i = 0; i < sc.sources().size(); i++) {
                row(sheet, row++, r.label(), "sources." + i, sc.sources().get(i), "", r.file().toString());
            }
            for (Assumption a : r.assumptions()) {
                String comment = a.comment() == null ? "" : a.comment().replaceAll("\\s*\\n\\s*", " ").strip();
                row(sheet, row++, r.label(), a.path(), a.value(), comment, HtmlReport.where(a));
            }
        }
        widths(sheet, 34, 34, 30, 80, 40);
    }

    /** One sheet per sweep: what was varied, what came out, the share of runs by year, and the box if there is one. */
    private static void sweep(XSSFWorkbook book, SweepReport s, int number, Styles styles) {
        String name = org.apache.poi.ss.util.WorkbookUtil.createSafeSheetName(("Sweep " + number + " " + s.name())
                .substring(0, Math.min(31, ("Sweep " + number + " " + s.name()).length())));
        Sheet sheet = book.createSheet(name);
        header(sheet, styles, List.of("sweep", s.name(), "", "", ""), 0);
        int row = 1;
        row(sheet, row++, "folder", s.dir().toString());
        row(sheet, row++, "scenario", s.scenario());
        row(sheet, row++, "design", s.design());
        text(sheet, row, 0, "runs");
        number(sheet, row++, 1, s.runs(), null);
        text(sheet, row, 0, "seed");
        number(sheet, row++, 1, s.seed(), null);
        row++;
        row(sheet, row++, "parameter", "lowest", "median", "highest", "distribution");
        for (SweepReport.Parameter p : s.parameters()) {
            text(sheet, row, 0, p.path());
            // a share the sweep file wrote as a percentage is a percentage cell, the number unchanged
            number(sheet, row, 1, p.low(), p.percent() ? styles.percent : null);
            number(sheet, row, 2, p.median(), p.percent() ? styles.percent : null);
            number(sheet, row, 3, p.high(), p.percent() ? styles.percent : null);
            text(sheet, row++, 4, p.distribution());
        }
        for (String c : s.correlations()) row(sheet, row++, "correlated", c);
        row++;
        row(sheet, row++, "output", "5th percentile", "median", "95th percentile", "never (share of runs)", "percentiles over");
        for (SweepReport.Output o : s.outputs()) {
            text(sheet, row, 0, o.name());
            double[] v = {o.p5(), o.p50(), o.p95()};
            for (int c = 0; c < 3; c++) if (!Double.isNaN(v[c])) number(sheet, row, c + 1, v[c], o.year() ? styles.year : null);
            if (o.never() != null) number(sheet, row, 4, o.never(), styles.percent);
            if (o.year() && o.never() != null && !SweepReport.among(o.name(), o.never()).isEmpty()) {
                text(sheet, row, 5, SweepReport.among(o.name(), o.never()).replaceFirst("^of ", ""));
            }
            row++;
        }
        if (!s.byYear().isEmpty()) {
            row++;
            List<String> heads = new ArrayList<>(List.of("year (share of runs by then)"));
            heads.addAll(s.byYear().keySet());
            row(sheet, row++, heads.toArray(String[]::new));
            for (Integer year : s.byYear().values().iterator().next().keySet()) {
                number(sheet, row, 0, year, styles.year);
                int c = 1;
                for (var shares : s.byYear().values()) {
                    Double v = shares.get(year);
                    if (v != null) number(sheet, row, c, v, styles.percent);
                    c++;
                }
                row++;
            }
        }
        if (s.box() != null) {
            row++;
            row(sheet, row++, "box (PRIM)", s.box().where(), s.box().description());
            row(sheet, row++, "restricted input", "low", "high", "quasi-p-value");
            for (String[] r : s.box().restrictions()) {
                text(sheet, row, 0, r[0]);
                for (int c = 1; c <= 3; c++) if (!r[c].isEmpty()) number(sheet, row, c, Double.parseDouble(r[c]), null);
                row++;
            }
        }
        widths(sheet, 48, 18, 18, 18, 40);
    }

    private static void row(Sheet sheet, int row, String... texts) {
        for (int c = 0; c < texts.length; c++) text(sheet, row, c, texts[c]);
    }

    private static void header(Sheet sheet, Styles styles, List<String> names, int frozenColumns) {
        Row row = sheet.createRow(0);
        for (int c = 0; c < names.size(); c++) {
            var cell = row.createCell(c);
            cell.setCellValue(names.get(c));
            cell.setCellStyle(styles.header);
        }
        sheet.createFreezePane(frozenColumns, 1);
    }

    /** A text cell: {@code setCellValue(String)} stores a string, never a formula, whatever it starts with. */
    /** Most characters a spreadsheet cell holds. */
    static final int MAX_CELL_TEXT = 32_767;

    private static void text(Sheet sheet, int row, int col, String value) {
        String v = value == null ? "" : value;
        if (v.length() > MAX_CELL_TEXT) {
            String note = " [cut: " + v.length() + " characters, more than a spreadsheet cell holds]";
            v = v.substring(0, MAX_CELL_TEXT - note.length()) + note;
        }
        cellRow(sheet, row).createCell(col).setCellValue(v);
    }

    private static void number(Sheet sheet, int row, int col, double value, CellStyle style) {
        var cell = cellRow(sheet, row).createCell(col);
        cell.setCellValue(value);
        if (style != null) cell.setCellStyle(style);
    }

    private static Row cellRow(Sheet sheet, int row) {
        Row r = sheet.getRow(row);
        return r != null ? r : sheet.createRow(row);
    }

    private static void widths(Sheet sheet, int... characters) {
        for (int c = 0; c < characters.length; c++) sheet.setColumnWidth(c, characters[c] * 256);
    }

    private static final class Styles {
        final CellStyle header, year, percent;

        Styles(XSSFWorkbook book) {
            Font bold = book.createFont();
            bold.setBold(true);
            header = book.createCellStyle();
            header.setFont(bold);
            header.setWrapText(true);
            year = book.createCellStyle();
            year.setDataFormat(book.createDataFormat().getFormat("0"));
            percent = book.createCellStyle();
            percent.setDataFormat(book.createDataFormat().getFormat("0.0%"));
        }
    }
}
