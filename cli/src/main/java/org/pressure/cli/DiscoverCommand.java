package org.pressure.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.pressure.cli.chart.ChartOptions;
import org.pressure.cli.chart.PrimCharts;
import org.pressure.engine.diagnostics.Location;
import org.pressure.engine.diagnostics.ScenarioException;
import org.pressure.engine.diagnostics.Suggest;
import org.pressure.engine.discover.Prim;
import org.pressure.engine.discover.RunTable;
import org.pressure.engine.discover.Where;
import org.pressure.engine.io.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code pressure discover RUNS --where EXPR}: which combinations of inputs lead to the runs of interest (PRIM). */
@Command(name = "discover", mixinStandardHelpOptions = true, versionProvider = Exit.Version.class, sortOptions = false,
        description = {"Scenario discovery with PRIM (Friedman and Fisher, 1999): finds a box, bounds on a few inputs, "
                + "inside which most runs meet --where. Prints the box in words with its coverage, density and a "
                + "quasi-p-value per restricted input; writes prim-trajectory.csv, box.json and the charts prim-tradeoff "
                + "and prim-scatter.",
                "RUNS is a sweep's output folder (its runs.csv; the inputs default to the sweep's parameters) or any CSV "
                        + "with a header and one row per run (the inputs default to every column but `run` and those in --where)."})
final class DiscoverCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Parameters(index = "0", paramLabel = "RUNS", description = "A sweep's output folder, or a CSV file with one row per run.")
    Path runs;

    @Option(names = "--where", required = true, paramLabel = "EXPR", description = "The runs of interest: COLUMN OP VALUE, "
            + "joined by `and`, e.g. 'crossover_year <= 2030' (an empty cell is never: later than every year).")
    String where;

    @Option(names = "--inputs", split = ",", paramLabel = "COL", description = "Input columns to search (default: the "
            + "sweep's parameters).")
    List<String> inputs;

    @Option(names = "--min-density", paramLabel = "D", description = "The box: the last peeling step with at least this "
            + "density (default 0.8).")
    double minDensity = 0.8;

    @Option(names = "--alpha", paramLabel = "A", description = "Share of the box's runs peeled or pasted each step "
            + "(default 0.05).")
    double alpha = 0.05;

    @Option(names = "--min-mass", paramLabel = "M", description = "Smallest share of all runs a box may hold (default 0.05).")
    double minMass = 0.05;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: the sweep folder itself, "
            + "or out/discover-<file name> for a CSV).")
    Path out;

    @CommandLine.Mixin
    ChartOptions charts = new ChartOptions();

    @Option(names = "--no-chart", description = "Write no charts.")
    boolean noChart;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!noChart) charts.pixels();
        check(minDensity > 0 && minDensity <= 1, "--min-density " + minDensity, "give a share above 0 and at most 1, e.g. 0.8");
        check(alpha > 0 && alpha < 0.5, "--alpha " + alpha, "give a share above 0 and below 0.5, e.g. 0.05");
        check(minMass > 0 && minMass < 1, "--min-mass " + minMass, "give a share above 0 and below 1, e.g. 0.05");
        boolean folder = Files.isDirectory(runs);
        Path csv = folder ? runs.resolve("runs.csv") : runs;
        if (folder && !Files.exists(csv)) {
            throw new ScenarioException(Location.ofFile(runs.toString()), "this folder has no runs.csv; give a sweep's "
                    + "output folder or a CSV file");
        }
        RunTable table = RunTable.read(csv);
        Where condition = Where.parse(where, table);
        List<String> chosen = inputs(table, condition, csv.resolveSibling("summary.json"));
        double[][] x = new double[chosen.size()][];
        for (int j = 0; j < x.length; j++) {
            x[j] = table.column(chosen.get(j));
            for (double v : x[j]) {
                if (Double.isNaN(v)) {
                    throw new ScenarioException(Location.ofOption("--inputs"), "`" + chosen.get(j) + "` has empty cells; an "
                            + "input must have a number in every run");
                }
            }
        }
        boolean[] y = condition.cases(table);
        int cases = 0;
        for (boolean b : y) if (b) cases++;
        if (cases == 0 || cases == y.length) {
            throw new ScenarioException(Location.ofOption("--where " + where), (cases == 0 ? "no run" : "every run") + " of "
                    + y.length + " meets it, so there is nothing to tell apart; choose a condition some runs meet and others do not");
        }
        Prim.Result r = Prim.run(chosen, x, y, new Prim.Options(alpha, minMass, minDensity));

        Path dir = out != null ? out : folder ? runs : Path.of("out", "discover-" + RunCommand.baseName(runs));
        List<String> written = new ArrayList<>();
        AtomicFiles.writeText(dir.resolve("prim-trajectory.csv"), w -> trajectory(r, w));
        written.add("prim-trajectory.csv");
        AtomicFiles.writeText(dir.resolve("box.json"), w -> w.write(JSON.writeValueAsString(json(r, table))));
        written.add("box.json");
        if (!noChart) {
            String source = csv.toString();
            written.addAll(charts.write(PrimCharts.tradeoff(r, condition.text(), source), "prim-tradeoff", dir));
            int[] pair = mostRestricted(r);
            written.addAll(charts.write(PrimCharts.scatter(r, y, x, pair[0], pair[1], condition.text(), source), "prim-scatter", dir));
        }
        PrintWriter o = spec.commandLine().getOut();
        print(r, table, o);
        o.println();
        o.println("Wrote " + String.join(", ", written) + " to " + dir);
        o.flush();
        return Exit.OK;
    }

    private static void check(boolean ok, String option, String rule) {
        if (!ok) throw new ScenarioException(Location.ofFile(option), rule);
    }

    /** The inputs asked for, or the sweep's parameters (columns that are neither `run` nor an output), or every other column. */
    private List<String> inputs(RunTable table, Where condition, Path summary) throws IOException {
        if (inputs != null) {
            for (String c : inputs) {
                if (!table.has(c)) {
                    throw new ScenarioException(Location.ofOption("--inputs " + String.join(",", inputs)), "`" + c + "` is not a "
                            + "column of " + table.file() + Suggest.didYouMean(c, table.names()) + "; its columns are "
                            + String.join(", ", table.names()));
                }
            }
            return List.copyOf(new LinkedHashSet<>(inputs));
        }
        Set<String> exclude = new LinkedHashSet<>(List.of("run"));
        condition.comparisons().forEach(c -> exclude.add(c.column()));
        if (Files.exists(summary)) {
            JsonNode json = JSON.readTree(summary.toFile());
            JsonNode parameters = json.get("parameters");
            if (parameters != null && parameters.size() > 0) {
                List<String> named = new ArrayList<>();
                parameters.fieldNames().forEachRemaining(named::add);
                if (named.stream().allMatch(table::has)) return named;
            }
            JsonNode outputs = json.get("outputs");
            if (outputs != null) outputs.fieldNames().forEachRemaining(exclude::add);
        }
        List<String> out = table.names().stream().filter(c -> !exclude.contains(c) && table.numeric(c)).toList();
        if (out.isEmpty()) {
            throw new ScenarioException(Location.ofFile(table.file().toString()), "no input columns are left; name them with --inputs");
        }
        return out;
    }

    /** The two inputs the box narrows most (as a share of their range); an unrestricted one makes up a pair. */
    private static int[] mostRestricted(Prim.Result r) {
        int d = r.inputs().size();
        Integer[] order = new Integer[d];
        for (int j = 0; j < d; j++) order[j] = j;
        java.util.Arrays.sort(order, java.util.Comparator.comparingDouble(j -> kept(r, j)));
        return d == 1 ? new int[] {0, 0} : new int[] {order[0], order[1]};
    }

    private static double kept(Prim.Result r, int j) {
        double range = r.max()[j] - r.min()[j];
        return range == 0 ? 1 : (r.box().high()[j] - r.box().low()[j]) / range;
    }

    /** The box in words: "x above 3.8% and y below 2.0%: 71% of the runs where ..., 93% of the runs in the box". */
    static String describe(Prim.Result r, Prim.Box b, String where) {
        List<String> parts = new ArrayList<>();
        for (int j : b.restricted()) {
            String name = r.inputs().get(j);
            boolean low = b.low()[j] > r.min()[j], high = b.high()[j] < r.max()[j];
            String v = low && high ? "between " + show(name, r, b.low()[j]) + " and " + show(name, r, b.high()[j])
                    : low ? "above " + show(name, r, b.low()[j]) : "below " + show(name, r, b.high()[j]);
            parts.add(name + " " + v);
        }
        String box = parts.isEmpty() ? "every run (no restriction)" : String.join(" and ", parts);
        return String.format(Locale.ROOT, "%s: %.0f%% of the runs where %s, %.0f%% of the runs in the box have it (%.0f%% of all runs)",
                box, 100 * b.coverage(), where, 100 * b.density(), 100 * b.mass());
    }

    /** Rates (a column whose values all lie within -1 to 1 and whose name says growth, rate, floor or share) as percentages. */
    static String show(String name, Prim.Result r, double v) {
        int j = r.inputs().indexOf(name);
        boolean rate = name.matches(".*(growth|rate|floor|share|inflation|cpi)$") && r.min()[j] >= -1 && r.max()[j] <= 1;
        if (rate) return String.format(Locale.ROOT, "%.2f%%", 100 * v);
        return String.format(Locale.ROOT, Math.abs(v) >= 1000 ? "%,.0f" : "%.4g", v);
    }

    private void print(Prim.Result r, RunTable table, PrintWriter o) {
        o.printf(Locale.ROOT, "PRIM on %s: %,d runs, %,d where %s (%.1f%%)%n", table.file(), r.totalRuns(), r.totalCases(),
                where.strip(), 100.0 * r.totalCases() / r.totalRuns());
        o.println("  inputs: " + String.join(", ", r.inputs()));
        o.printf(Locale.ROOT, "  peeling: alpha %s, %d steps; the chosen step, %d, is the last with density at least %s%s%n",
                alpha, r.trajectory().size() - 1, r.chosen(), minDensity,
                r.trajectory().get(r.chosen()).density() < minDensity ? " (none reaches it: the densest is shown)" : "");
        o.println();
        o.println("  " + describe(r, r.box(), where.strip()));
        o.println();
        o.printf(Locale.ROOT, "  %-44s %14s %14s %10s%n", "restricted input", "low", "high", "quasi-p");
        for (int j : r.box().restricted()) {
            String name = r.inputs().get(j);
            o.printf(Locale.ROOT, "  %-44s %14s %14s %10s%n", name,
                    r.box().low()[j] > r.min()[j] ? show(name, r, r.box().low()[j]) : "-",
                    r.box().high()[j] < r.max()[j] ? show(name, r, r.box().high()[j]) : "-", p(r.quasiP()[j]));
        }
        o.printf(Locale.ROOT, "  coverage %.1f%%, density %.1f%%, mass %.1f%% (%,d runs, %,d of interest)%n",
                100 * r.box().coverage(), 100 * r.box().density(), 100 * r.box().mass(), r.box().runs(), r.box().cases());
    }

    private static String p(double q) {
        if (q == 0) return "< 1e-300";
        return q < 1e-4 ? String.format(Locale.ROOT, "%.1e", q) : String.format(Locale.ROOT, "%.4f", q);
    }

    private static void trajectory(Prim.Result r, java.io.Writer w) throws IOException {
        w.write("step,coverage,density,mass,runs,cases,restricted,chosen");
        for (String in : r.inputs()) w.write("," + in + ".low," + in + ".high");
        w.write('\n');
        for (int s = 0; s < r.trajectory().size(); s++) {
            Prim.Box b = r.trajectory().get(s);
            w.write(s + "," + b.coverage() + "," + b.density() + "," + b.mass() + "," + b.runs() + "," + b.cases() + ","
                    + b.restricted().size() + "," + (s == r.chosen()));
            for (int j = 0; j < r.inputs().size(); j++) w.write("," + b.low()[j] + "," + b.high()[j]);
            w.write('\n');
        }
    }

    private Map<String, Object> json(Prim.Result r, RunTable table) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("runs_file", table.file().toString());
        m.put("where", where.strip());
        m.put("inputs", r.inputs());
        m.put("alpha", alpha);
        m.put("min_density", minDensity);
        m.put("min_mass", minMass);
        m.put("runs", r.totalRuns());
        m.put("cases", r.totalCases());
        m.put("trajectory_steps", r.trajectory().size() - 1);
        m.put("chosen_step", r.chosen());
        Prim.Box b = r.box();
        Map<String, Object> box = new LinkedHashMap<>();
        box.put("description", describe(r, b, where.strip()));
        box.put("coverage", b.coverage());
        box.put("density", b.density());
        box.put("mass", b.mass());
        box.put("runs", b.runs());
        box.put("cases", b.cases());
        List<Object> restrictions = new ArrayList<>();
        for (int j : b.restricted()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("input", r.inputs().get(j));
            x.put("low", b.low()[j] > r.min()[j] ? b.low()[j] : null);
            x.put("high", b.high()[j] < r.max()[j] ? b.high()[j] : null);
            x.put("quasi_p", r.quasiP()[j]);
            restrictions.add(x);
        }
        box.put("restrictions", restrictions);
        m.put("box", box);
        return m;
    }
}
