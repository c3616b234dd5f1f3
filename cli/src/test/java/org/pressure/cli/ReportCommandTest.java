package org.pressure.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/** {@code pressure report}: the page, the workbook and the chart files, and what happens with bad input. */
class ReportCommandTest {
    @TempDir
    Path dir;

    static final String NASTY = "<script>alert(1)</script> & \"quotes\"";

    /** Every string a person can write in a scenario carries markup, an ampersand and quotes. */
    static final String HOSTILE = """
            name: '<script>alert(1)</script> & "quotes"'
            description: 'Description <script>alert(1)</script> & "quotes" and an apostrophe'
            sources:
              - 'Source <script>alert(1)</script> & "quotes"'
            time: {start: 2025, end: 2050}
            income:
              # <script>alert(1)</script> & "quotes" cited above the value
              tax: {start: 100, growth: 2%}   # <b>bold</b> & 'single'
            services:
              care: {cost: {start: 50, growth: 6%}}
              other: {statutory: false, cost: 30, floor: 10%}
            budget:
              reserves: {opening: 20, minimum: 5}
            """;

    static final String PLAIN = CommandLineTest.SCENARIO;

    private static CommandLineTest.Result execute(String... args) {
        return CommandLineTest.execute(args);
    }

    private Path scenario(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    /** Parses the page as XML, with no DTD read or fetched: the doctype is removed and any other is refused. */
    static Document parse(String html) throws Exception {
        assertTrue(html.startsWith("<!DOCTYPE html>\n"), "starts with the HTML5 doctype");
        DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
        xml.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        xml.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        xml.setExpandEntityReferences(false);
        return xml.newDocumentBuilder().parse(new InputSource(new StringReader(html.substring("<!DOCTYPE html>\n".length()))));
    }

    @Test
    void html_is_well_formed_escapes_every_scenario_string_and_fetches_nothing() throws Exception {
        Path file = scenario("hostile.yaml", HOSTILE);
        Path out = dir.resolve("out");
        CommandLineTest.Result r = execute("report", file.toString(), "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        String html = Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8);
        Document doc = parse(html);
        assertEquals("html", doc.getDocumentElement().getNodeName());

        assertFalse(html.contains("<script"), "no scenario string is emitted as markup");
        assertFalse(html.contains("<b>"), "comments are escaped too");
        String escaped = "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;";
        for (String where : List.of(escaped + "</h1>", "Description " + escaped, "Source " + escaped,
                escaped + " cited above the value", "&lt;b&gt;bold&lt;/b&gt; &amp; &#39;single&#39;")) {
            assertTrue(html.contains(where), "escaped in the page: " + where);
        }
        // the parsed text reads back exactly as written
        assertEquals(NASTY, doc.getElementsByTagName("h1").item(0).getTextContent());
        assertTrue(doc.getElementsByTagName("title").item(0).getTextContent().startsWith(NASTY));

        assertEquals(4, doc.getElementsByTagName("svg").getLength(), "one inline chart per chart");
        assertNoAddresses(html);
        assertFalse(html.contains("<link") || html.contains("<img") || html.contains("@import") || html.contains("url(http"));

        // financial years in the tables and every assumption's value on the page
        for (String year : List.of("2025/26", "2044/45", "2050/51")) assertTrue(html.contains(">" + year + "<"), year);
        assertTrue(html.contains("Statutory costs overtake income in 2044/45."), "headline in words");
        for (String value : List.of("{start: 100, growth: 2%}", "{start: 50, growth: 6%}", "10%", "{opening: 20, minimum: 5}")) {
            assertTrue(html.contains(escapeForTest(value)), value);
        }
    }

    /** The only address the page may name is the SVG namespace, which no browser fetches. */
    static void assertNoAddresses(String html) {
        String svgNamespace = "xmlns=\"http://www.w3.org/2000/svg\"";
        String rest = html.replace(svgNamespace, "");
        Matcher m = Pattern.compile("(?i)(https?:)?//[a-z0-9.-]+\\.[a-z]{2,}").matcher(rest);
        assertFalse(rest.toLowerCase().contains("http://") || rest.toLowerCase().contains("https://"),
                () -> "an address in the page: " + (m.find() ? m.group() : "?"));
    }

    private static String escapeForTest(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Test
    void one_scenario_says_when_things_never_happen() throws Exception {
        Path file = scenario("calm.yaml", PLAIN);
        Path out = dir.resolve("calm");
        CommandLineTest.Result r = execute("report", file.toString(), "--out", out.toString(), "--set", "services.care.cost.growth=1%");
        assertEquals(0, r.exit(), r.err());
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("Statutory costs do not overtake income before the projection ends in 2050/51."), html);
        assertTrue(html.contains("<code>services.care.cost.growth</code></td><td class=\"value\"><code>1%</code>"),
                "the --set value is the assumption shown");
    }

    @Test
    void workbook_has_four_sheets_and_its_numbers_equal_results_csv() throws Exception {
        Path file = scenario("test.yaml", PLAIN.replace("name: Test council", "name: '=HYPERLINK(\"x\",\"click\")'"));
        Path out = dir.resolve("report");
        assertEquals(0, execute("report", file.toString(), "--out", out.toString()).exit());
        Path run = dir.resolve("run");
        assertEquals(0, execute("run", file.toString(), "--out", run.toString(), "--no-chart", "--exact").exit());
        List<String> csv = Files.readAllLines(run.resolve("results.csv"));
        String[] header = csv.get(0).split(",");

        try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(out.resolve("report.xlsx")))) {
            assertEquals(4, book.getNumberOfSheets());
            assertEquals(List.of("Summary", "Results", "By year", "Assumptions"),
                    List.of(book.getSheetName(0), book.getSheetName(1), book.getSheetName(2), book.getSheetName(3)));

            // the budget-book layout: a row per line, in words and by id, the years as columns
            Sheet byYear = book.getSheet("By year");
            assertEquals("line", byYear.getRow(0).getCell(0).getStringCellValue());
            assertEquals("id", byYear.getRow(0).getCell(1).getStringCellValue());
            assertEquals(org.pressure.engine.council.Scenario.financialYear(Integer.parseInt(csv.get(1).split(",")[0])), byYear.getRow(0).getCell(2).getStringCellValue());
            assertEquals(header.length - 1, byYear.getLastRowNum(), "a row for every results.csv column after year");
            for (int c = 1; c < header.length; c++) {
                Row line = byYear.getRow(c);
                assertEquals(header[c], line.getCell(1).getStringCellValue());
                for (int i = 1; i < csv.size(); i++) {
                    assertEquals(Double.parseDouble(csv.get(i).split(",")[c]), line.getCell(1 + i).getNumericCellValue(), 0.0);
                }
            }
            assertEquals("Statutory spend", byYear.getRow(2).getCell(0).getStringCellValue());

            Sheet results = book.getSheet("Results");
            Row top = results.getRow(0);
            assertEquals(header.length, top.getLastCellNum(), "every results.csv column, no scenario column for one");
            for (int c = 0; c < header.length; c++) assertEquals(header[c], top.getCell(c).getStringCellValue());
            assertTrue(book.getFontAt(top.getCell(0).getCellStyle().getFontIndex()).getBold(), "header bold");
            assertEquals(1, results.getPaneInformation().getHorizontalSplitPosition(), "header row frozen");
            assertEquals(csv.size(), results.getLastRowNum() + 1, "one row a year");
            for (int i = 1; i < csv.size(); i++) {
                String[] values = csv.get(i).split(",");
                Row row = results.getRow(i);
                for (int c = 0; c < values.length; c++) {
                    Cell cell = row.getCell(c);
                    assertEquals(CellType.NUMERIC, cell.getCellType(), header[c] + " is a number");
                    assertEquals(Double.parseDouble(values[c]), cell.getNumericCellValue(), 0.0,
                            header[c] + " in " + values[0]);
                }
            }

            Sheet summary = book.getSheet("Summary");
            Cell name = summary.getRow(1).getCell(0);
            assertEquals(CellType.STRING, name.getCellType(), "a name starting with = is text, not a formula");
            assertEquals("=HYPERLINK(\"x\",\"click\")", name.getStringCellValue());
            boolean crossover = false;
            for (Row row : summary) {
                if (row.getRowNum() > 0 && "crossover_year".equals(row.getCell(1).getStringCellValue())) {
                    assertEquals(2044, row.getCell(2).getNumericCellValue(), 0.0, "years as numbers");
                    crossover = true;
                }
            }
            assertTrue(crossover);
            for (Sheet sheet : book) {
                for (Row row : sheet) {
                    for (Cell cell : row) assertFalse(cell.getCellType() == CellType.FORMULA, sheet.getSheetName());
                }
            }
            Sheet assumptions = book.getSheet("Assumptions");
            assertEquals(List.of("scenario", "path", "value", "source comment", "file:line"),
                    List.of(0, 1, 2, 3, 4).stream().map(c -> assumptions.getRow(0).getCell(c).getStringCellValue()).toList());
            boolean care = false;
            for (Row row : assumptions) {
                if ("services.care.cost".equals(row.getCell(1).getStringCellValue())) {
                    assertEquals("{start: 50, growth: 6%}", row.getCell(2).getStringCellValue());
                    assertEquals(file + ":6", row.getCell(4).getStringCellValue());
                    care = true;
                }
            }
            assertTrue(care, "every value of the file listed, with file:line");
        }
    }

    @Test
    void several_scenarios_come_with_a_comparison_first() throws Exception {
        Path a = scenario("a.yaml", PLAIN);
        Path b = scenario("b.yaml", PLAIN.replace("Test council", "+1").replace("growth: 6%", "growth: 5%"));
        Path out = dir.resolve("both");
        CommandLineTest.Result r = execute("report", a.toString(), b.toString(), "--out", out.toString(), "--format", "svg");
        assertEquals(0, r.exit(), r.err());
        String html = Files.readString(out.resolve("report.html"));
        Document doc = parse(html);
        assertEquals(1 + 2 * 4, doc.getElementsByTagName("svg").getLength(), "comparison chart plus four a scenario");
        assertTrue(html.indexOf("id=\"comparison\"") < html.indexOf("id=\"scenario-1\""), "comparison first");
        assertTrue(html.contains("years later"), "differences from the first scenario in words");
        assertNoAddresses(html);
        for (String f : List.of("a-graph-of-doom.svg", "b-reserves.svg", "comparison.svg")) {
            assertTrue(Files.exists(out.resolve(f)), f);
        }
        try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(out.resolve("report.xlsx")))) {
            Sheet results = book.getSheet("Results");
            assertEquals("scenario", results.getRow(0).getCell(0).getStringCellValue());
            assertEquals(1 + 2 * 26, results.getLastRowNum() + 1);
            Cell plusOne = results.getRow(27).getCell(0);
            assertEquals(CellType.STRING, plusOne.getCellType());
            assertEquals("+1", plusOne.getStringCellValue());
        }
    }

    @Test
    void pdf_and_svg_chart_files_are_valid() throws Exception {
        Path file = scenario("test.yaml", PLAIN);
        Path out = dir.resolve("pdf");
        CommandLineTest.Result r = execute("report", file.toString(), "--out", out.toString(), "--format", "pdf,svg",
                "--prices", "real", "--deflator", "inflation");
        // the plain scenario has no inflation driver: real terms are refused, and nothing written
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--deflator inflation"), r.err());
        assertFalse(Files.exists(out));

        r = execute("report", file.toString(), "--out", out.toString(), "--format", "pdf,svg");
        assertEquals(0, r.exit(), r.err());
        for (String chart : List.of("graph-of-doom", "reserves", "budget-gap", "failure-demand")) {
            byte[] pdf = Files.readAllBytes(out.resolve("test-" + chart + ".pdf"));
            assertArrayEquals("%PDF".getBytes(StandardCharsets.US_ASCII), Arrays.copyOf(pdf, 4), chart);
            assertTrue(new String(pdf, StandardCharsets.ISO_8859_1).stripTrailing().endsWith("%%EOF"), chart);
            DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
            xml.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            assertEquals("svg", xml.newDocumentBuilder().parse(out.resolve("test-" + chart + ".svg").toFile())
                    .getDocumentElement().getNodeName());
        }
    }

    @Test
    void real_terms_charts_are_labelled_and_tables_stay_in_cash() throws Exception {
        Path file = scenario("real.yaml", PLAIN.replace("income:", "drivers:\n  cpi: 2%\nincome:"));
        Path out = dir.resolve("real");
        CommandLineTest.Result r = execute("report", file.toString(), "--out", out.toString(), "--format", "svg",
                "--prices", "real", "--deflator", "cpi");
        assertEquals(0, r.exit(), r.err());
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("charts in 2025/26 prices"), "the basis is on the page");
        assertTrue(html.contains("Amounts in £m, cash."), "tables in cash, as results.csv");
    }

    @Test
    void bad_input_exits_2_with_locations_and_writes_nothing() throws Exception {
        Path good = scenario("good.yaml", PLAIN);
        Path bad = scenario("bad.yaml", PLAIN.replace("floor: 10%", "flor: 10%"));
        Path out = dir.resolve("out");
        CommandLineTest.Result r = execute("report", good.toString(), bad.toString(), "--out", out.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains(bad + ":7:"), r.err());
        assertTrue(r.err().contains("did you mean `floor`?"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        assertFalse(Files.exists(out), "nothing written when any scenario is wrong");

        CommandLineTest.Result missing = execute("report", dir.resolve("nope.yaml").toString(), "--out", out.toString());
        assertEquals(2, missing.exit(), missing.err());
        assertFalse(Files.exists(out));
    }
}
