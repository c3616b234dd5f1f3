package org.pressure.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.pressure.cli.chart.Theme;
import org.pressure.engine.diagnostics.Location;
import org.pressure.engine.diagnostics.ScenarioException;
import org.pressure.engine.discover.RunTable;

/**
 * A finished sweep, read back from its output folder for the report: what was varied (the range
 * each parameter took in runs.csv), the summary of each output and the share of runs by year
 * from summary.json, the charts the sweep drew, and the box if {@code discover} was run there.
 */
public record SweepReport(Path dir, String name, String scenario, String design, int runs, long seed,
                          List<Parameter> parameters, List<Output> outputs, Map<String, Map<Integer, Double>> byYear,
                          List<Chart> charts, Box box, List<String> correlations) {

    /** A parameter: its distribution as the sweep file gave it (null for older folders), and the lowest, middle and highest value it took. */
    public record Parameter(String path, String distribution, double low, double median, double high) {
        /** Whether the sweep file wrote it in percentages, as its distribution then shows ({@code uniform [3%, 8%]}). */
        public boolean percent() {
            return distribution != null && distribution.contains("%");
        }
    }

    /** An output's summary; {@code never} is the share of runs where a year output does not happen. */
    public record Output(String name, double p5, double p50, double p95, double mean, Double never, boolean year) {}

    /**
     * What the percentiles of a year output are taken over, for beside them: only the runs in
     * which the event happens (a run where it never does has no year), so "median 2036/37" is
     * the median of those runs, not of all. {@code "of the 89% of runs that fail"}; {@code "of
     * all runs"} when it happens in every one; empty when in none (there are no percentiles).
     *
     * @param never the share of runs in which it does not happen (0.11 for 11%)
     */
    public static String among(String name, double never) {
        return among(name, never, 0);
    }

    /** As {@link #among(String, double)}, the share to {@code decimals} places, as the "never" share beside it. */
    public static String among(String name, double never, int decimals) {
        if (never >= 1) return "";
        if (never <= 0) return "of all runs";
        String which = switch (name) {
            case "failure_year" -> "that fail";
            case "gap_year" -> "in which a gap opens";
            case "crossover_year" -> "in which statutory costs overtake income";
            case "reserves_exhausted_year" -> "in which reserves reach their minimum";
            case "reserves_negative_year" -> "in which reserves fall below zero";
            default -> "in which it happens";
        };
        // the complement of the "never" share as printed beside it, so the two add up to 100%
        double unit = Math.pow(10, decimals);
        double share = 100 - Math.round(100 * unit * never) / unit;
        // a share that rounds to 0% or 100% is not quite either
        String f = "%." + decimals + "f%%";
        if (share <= 0) return "of the few runs (under " + String.format(java.util.Locale.ROOT, f, 1 / unit) + ") " + which;
        if (share >= 100) return "of nearly all runs (over " + String.format(java.util.Locale.ROOT, f, 100 - 1 / unit) + ") " + which;
        return "of the " + String.format(java.util.Locale.ROOT, f, share) + " of runs " + which;
    }

    /** A chart file of the sweep, as inline SVG, and what it shows. */
    public record Chart(String file, String svg, String caption) {}

    /** The box {@code discover} found: its sentence and its restrictions {input, low, high, quasi-p}. */
    public record Box(String where, String description, List<String[]> restrictions, List<Chart> charts) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads a sweep folder; a folder without summary.json and runs.csv is refused, naming the option. */
    public static SweepReport load(Path dir, int number) throws IOException {
        Location at = Location.ofOption("--sweep " + dir);
        if (!Files.isDirectory(dir)) throw new ScenarioException(at, "not a folder; give the output folder of `pressure sweep`");
        for (String f : List.of("summary.json", "runs.csv")) {
            if (!Files.exists(dir.resolve(f))) {
                throw new ScenarioException(at, "this folder has no " + f + "; give the output folder of `pressure sweep`");
            }
        }
        JsonNode summary = JSON.readTree(dir.resolve("summary.json").toFile());
        List<Output> outputs = new ArrayList<>();
        Map<String, Map<Integer, Double>> byYear = new LinkedHashMap<>();
        Set<String> outputNames = new LinkedHashSet<>();
        int runs = summary.path("runs").asInt();
        summary.path("outputs").fields().forEachRemaining(e -> {
            JsonNode o = e.getValue();
            outputNames.add(e.getKey());
            boolean year = o.has("by_year");
            outputs.add(new Output(e.getKey(), num(o, "p5"), num(o, "p50"), num(o, "p95"), num(o, "mean"),
                    year ? o.path("missing").asDouble() / Math.max(1, runs) : null, year));
            if (year) {
                Map<Integer, Double> shares = new TreeMap<>();
                o.get("by_year").fields().forEachRemaining(y -> shares.put(Integer.valueOf(y.getKey()), y.getValue().asDouble()));
                byYear.put(e.getKey(), shares);
            }
        });
        RunTable table = RunTable.read(dir.resolve("runs.csv"));
        List<Parameter> parameters = new ArrayList<>();
        for (String c : table.names()) {
            if (c.equals("run") || outputNames.contains(c) || !table.numeric(c)) continue;
            double[] v = Arrays.stream(table.column(c)).filter(x -> !Double.isNaN(x)).sorted().toArray();
            if (v.length == 0) continue;
            JsonNode d = summary.path("parameters").get(c);
            parameters.add(new Parameter(c, d == null ? null : d.asText(), v[0], v[v.length / 2], v[v.length - 1]));
        }
        String id = "w" + number;
        List<Chart> charts = new ArrayList<>(charts(dir, "fan-", id));
        List<Chart> withIntervals = tornadoes(dir, id);
        // sobol and morris give confidence intervals: draw them; one_at_a_time has none, so its own charts serve
        charts.addAll(withIntervals.isEmpty() ? charts(dir, "tornado-", id) : withIntervals);
        charts.addAll(charts(dir, "histogram-", id));
        Box box = null;
        if (Files.exists(dir.resolve("box.json"))) {
            JsonNode b = JSON.readTree(dir.resolve("box.json").toFile());
            List<String[]> restrictions = new ArrayList<>();
            for (JsonNode r : b.path("box").path("restrictions")) {
                restrictions.add(new String[] {r.path("input").asText(), r.path("low").isNull() ? "" : r.path("low").asText(),
                        r.path("high").isNull() ? "" : r.path("high").asText(), r.path("quasi_p").asText()});
            }
            box = new Box(b.path("where").asText(), b.path("box").path("description").asText(), restrictions,
                    charts(dir, "prim-", id));
        }
        List<String> correlations = new ArrayList<>();
        for (JsonNode c : summary.path("correlations")) {
            correlations.add(c.path("between").path(0).asText() + " and " + c.path("between").path(1).asText() + ": rank "
                    + c.path("rank").asText());
        }
        return new SweepReport(dir, summary.path("sweep").asText(), summary.path("scenario").asText(),
                summary.path("design").asText(), runs, summary.path("seed").asLong(), parameters, outputs, byYear, charts, box,
                correlations);
    }

    private static double num(JsonNode o, String key) {
        JsonNode n = o.get(key);
        return n == null || n.isNull() ? Double.NaN : n.asDouble();
    }

    private static List<Chart> charts(Path dir, String prefix, String id) throws IOException {
        List<Chart> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith(prefix)
                    && p.getFileName().toString().endsWith(".svg")).sorted().toList()) {
                String name = f.getFileName().toString();
                String base = name.substring(0, name.length() - 4);
                out.add(new Chart(name, InlineSvg.ofFile(Files.readString(f), id + "-" + base.replaceAll("[^A-Za-z0-9_-]", "_"),
                        base), caption(base)));
            }
        }
        return out;
    }

    private static String caption(String base) {
        if (base.startsWith("fan-")) {
            return "How " + base.substring(4) + " spreads across the runs, year by year: the median (line), the middle "
                    + "half of runs (dark band) and 90% of runs (light band).";
        }
        if (base.startsWith("tornado-")) {
            return "Which parameter moves " + base.substring(8) + " most, longest bar first (with confidence intervals "
                    + "where the design gives them).";
        }
        if (base.startsWith("histogram-")) return "How many runs give each year for " + base.substring(10) + ", and how many never.";
        if (base.equals("prim-tradeoff")) {
            return "Each step of PRIM's peeling: the share of the runs of interest inside the box (coverage) against the "
                    + "share of the box's runs that are of interest (density).";
        }
        if (base.equals("prim-scatter")) return "The runs in the two inputs the box narrows most, the runs of interest in colour, the box drawn.";
        return base;
    }

    /**
     * Tornado charts with 95% confidence intervals, one per output, from sensitivity.csv when it
     * has them (sobol: S1 and ST; morris: mu*); none for one_at_a_time, whose swings have none.
     */
    private static List<Chart> tornadoes(Path dir, String id) throws IOException {
        Path file = dir.resolve("sensitivity.csv");
        if (!Files.exists(file)) return List.of();
        List<String> lines = Files.readAllLines(file);
        if (lines.isEmpty()) return List.of();
        List<String> header = List.of(lines.get(0).split(",", -1));
        boolean sobol = header.contains("ST_conf"), morris = header.contains("mu_star_conf");
        if (!sobol && !morris) return List.of();
        Map<String, List<String[]>> byOutput = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) continue;
            String[] cells = line.split(",", -1);
            byOutput.computeIfAbsent(cells[0], k -> new ArrayList<>()).add(cells);
        }
        List<Chart> out = new ArrayList<>();
        for (var e : byOutput.entrySet()) {
            List<String[]> rows = new ArrayList<>(e.getValue());
            int measure = header.indexOf(sobol ? "ST" : "mu_star");
            rows.sort(java.util.Comparator.comparingDouble((String[] r) -> -cell(r, measure)));
            org.jfree.data.statistics.DefaultStatisticalCategoryDataset data =
                    new org.jfree.data.statistics.DefaultStatisticalCategoryDataset();
            for (String[] r : rows) {
                if (sobol) {
                    data.add(cell(r, header.indexOf("ST")), cell(r, header.indexOf("ST_conf")), "total effect (ST)", r[1]);
                    data.add(cell(r, header.indexOf("S1")), cell(r, header.indexOf("S1_conf")), "first-order effect (S1)", r[1]);
                } else {
                    data.add(cell(r, measure), cell(r, header.indexOf("mu_star_conf")), "mean absolute elementary effect (mu*)", r[1]);
                }
            }
            org.jfree.chart.renderer.category.StatisticalBarRenderer bars = new org.jfree.chart.renderer.category.StatisticalBarRenderer();
            bars.setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
            bars.setShadowVisible(false);
            bars.setSeriesPaint(0, new java.awt.Color(0xD55E00));
            bars.setSeriesPaint(1, new java.awt.Color(0x56B4E9));
            bars.setErrorIndicatorPaint(Theme.INK);
            bars.setErrorIndicatorStroke(new java.awt.BasicStroke(2f));
            org.jfree.chart.axis.CategoryAxis x = new org.jfree.chart.axis.CategoryAxis(null);
            x.setTickLabelFont(Theme.LEGEND);
            x.setMaximumCategoryLabelWidthRatio(0.45f); // parameter paths are long: show them whole
            NumberAxis y = new NumberAxis(sobol ? "Share of the output's variance (whiskers: 95% confidence interval)"
                    : "mu* (whiskers: 95% confidence interval)");
            y.setLabelFont(Theme.AXIS_LABEL);
            y.setTickLabelFont(Theme.TICK);
            org.jfree.chart.plot.CategoryPlot plot = new org.jfree.chart.plot.CategoryPlot(data, x, y, bars);
            plot.setOrientation(org.jfree.chart.plot.PlotOrientation.HORIZONTAL);
            plot.setBackgroundPaint(java.awt.Color.WHITE);
            plot.setRangeGridlinePaint(Theme.GRID);
            plot.setOutlineVisible(false);
            JFreeChart chart = new JFreeChart("What moves " + e.getKey() + " most", Theme.TITLE, plot, true);
            Theme.style(chart, dir + ": sensitivity.csv");
            String base = "tornado-" + e.getKey();
            out.add(new Chart("sensitivity.csv", InlineSvg.of(chart, HtmlReport.CHART_WIDTH, HtmlReport.CHART_HEIGHT,
                    id + "-" + base.replaceAll("[^A-Za-z0-9_-]", "_"), chart.getTitle().getText()),
                    "Which parameter moves " + e.getKey() + " most, longest bar first: "
                            + (sobol ? "its total effect (ST, including interactions) and first-order effect (S1) as "
                            + "shares of the output's variance" : "its mean absolute elementary effect (mu*)")
                            + ", each with the half-width of its 95% confidence interval as whiskers."));
        }
        return out;
    }

    private static double cell(String[] row, int i) {
        if (i < 0 || i >= row.length || row[i].isEmpty()) return 0;
        return Double.parseDouble(row[i]);
    }

    /** The share of runs in which each year output has happened, by year: one line per output. */
    public JFreeChart probabilityChart() {
        XYSeriesCollection data = new XYSeriesCollection();
        int first = Integer.MAX_VALUE, last = Integer.MIN_VALUE;
        for (var e : byYear.entrySet()) {
            XYSeries s = new XYSeries(e.getKey(), true, false);
            for (var y : e.getValue().entrySet()) {
                s.add(y.getKey().doubleValue(), y.getValue());
                first = Math.min(first, y.getKey());
                last = Math.max(last, y.getKey());
            }
            data.addSeries(s);
        }
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            renderer.setSeriesPaint(i, Theme.statutory(i));
            renderer.setSeriesStroke(i, Theme.line(3.5f));
        }
        NumberAxis y = new NumberAxis("Share of runs in which it has happened by then");
        y.setRange(0, 1.02);
        y.setNumberFormatOverride(new java.text.DecimalFormat("0%"));
        y.setLabelFont(Theme.AXIS_LABEL);
        y.setTickLabelFont(Theme.TICK);
        XYPlot plot = new XYPlot(data, Theme.yearAxis("Financial year", first, last), y, renderer);
        Theme.style(plot);
        JFreeChart chart = new JFreeChart("Probability by year, across " + String.format(java.util.Locale.ROOT, "%,d", runs)
                + " runs", Theme.TITLE, plot, true);
        Theme.style(chart, dir + ": summary.json by_year");
        return chart;
    }
}
