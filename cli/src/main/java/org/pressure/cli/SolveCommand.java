package org.pressure.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.pressure.cli.chart.ChartOptions;
import org.pressure.cli.chart.PriceBasis;
import org.pressure.cli.chart.SolveChart;
import org.pressure.engine.council.CouncilResult;
import org.pressure.engine.council.ResultsWriter;
import org.pressure.engine.council.Scenario;
import org.pressure.engine.diagnostics.Warnings;
import org.pressure.engine.diagnostics.Location;
import org.pressure.engine.diagnostics.ScenarioException;
import org.pressure.engine.io.AtomicFiles;
import org.pressure.engine.solve.GoalSeek;
import org.pressure.engine.solve.Lever;
import org.pressure.engine.solve.LeverModel;
import org.pressure.engine.solve.Target;
import org.pressure.engine.sweep.OutputSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code pressure solve SCENARIO}: goal seek, the lever values at which the scenario meets its targets. */
@Command(name = "solve", mixinStandardHelpOptions = true, versionProvider = Exit.Version.class, sortOptions = false,
        description = {"Goal seek: finds the value of a lever (a scenario path, as --set takes it) at which every "
                + "target holds. With one lever and no objective: the smallest value in its range that meets every "
                + "target (--largest: the largest), to a tolerance it prints. With several levers or --minimise / "
                + "--maximise: a seeded CMA-ES search with the targets as constraints.",
                "Prints the value(s) and the indicators there; writes that run's results.csv, summary.json and charts, "
                        + "solve.json and the chart solve (the target output across the lever's range, the answer marked).",
                "Exits 2, writing nothing, when no value in the range meets the targets or when every value does."})
final class SolveCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "The scenario file (.yaml, .yml or .json).")
    Path scenario;

    @Option(names = "--vary", required = true, paramLabel = "PATH=LOW..HIGH",
            description = "A lever and its range, e.g. income.council_tax.growth=0%%..5%%. Repeatable.")
    List<String> vary = new ArrayList<>();

    @Option(names = "--target", paramLabel = "EXPR", description = {"A condition to meet: OUTPUT OP VALUE, OUTPUT an "
            + "indicator or COLUMN@YEAR / COLUMN@end, OP one of < <= > >= = !=, e.g. 'reserves@2030 >= 20', "
            + "'crossover_year = never', 'reserves_exhausted_year > 2030' (never counts as later than every year). "
            + "Repeatable."})
    List<String> targets = new ArrayList<>();

    @CommandLine.ArgGroup(exclusive = true)
    Sense sense;

    static final class Sense {
        @Option(names = "--minimise", paramLabel = "OUTPUT", description = "Make this output as small as the targets allow.")
        String minimise;

        @Option(names = "--maximise", paramLabel = "OUTPUT", description = "Make this output as large as the targets allow.")
        String maximise;
    }

    @Option(names = "--largest", description = "The largest value that meets the targets, not the smallest (several "
            + "levers: the point nearest the high ends of the ranges, among equally good ones).")
    boolean largest;

    @Option(names = "--tolerance", paramLabel = "T", description = "One lever: how close to the exact answer, in the "
            + "lever's units (2%% = 0.02; default: a millionth of the range).")
    String tolerance;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the CMA-ES search (default 1).")
    long seed = 1;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: out/solve-<scenario file name>).")
    Path out;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Override one value first, as `run --set`. Repeatable.")
    List<String> overrides = new ArrayList<>();

    @CommandLine.Mixin
    ChartOptions charts = new ChartOptions();

    @CommandLine.Mixin
    org.pressure.cli.chart.PriceOptions prices = new org.pressure.cli.chart.PriceOptions();

    @Option(names = "--no-chart", description = "Write no charts.")
    boolean noChart;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (org.pressure.engine.xmile.Xmile.isModelFile(scenario)) {
            throw new ScenarioException(Location.ofFile(scenario.toString()), "solve takes a scenario file (.yaml, .yml, "
                    + ".json): its targets are council indicators and results.csv columns, which an XMILE model does not have");
        }
        if (!noChart) charts.pixels();
        List<Lever> levers = vary.stream().map(Lever::parse).toList();
        for (int i = 0; i < levers.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (levers.get(i).path().equals(levers.get(j).path())) {
                    throw new ScenarioException(levers.get(i).location(), "`" + levers.get(i).path() + "` is varied twice");
                }
            }
        }
        Double tol = null;
        if (tolerance != null) {
            tol = org.pressure.engine.scenario.Numbers.parse(tolerance);
            if (tol == null || !(tol > 0)) {
                throw new ScenarioException(Location.ofOption("--tolerance " + tolerance), "give a positive number in the "
                        + "lever's units, e.g. 0.0001 or 0.01%");
            }
        }
        LeverModel model = LeverModel.load(scenario, overrides, levers);
        List<Target> parsed = targets.stream().map(t -> Target.parse(t, model.base())).toList();
        GoalSeek.Objective objective = objective(model);
        if (parsed.isEmpty() && objective == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give at least one --target (or --minimise / "
                    + "--maximise OUTPUT), e.g. --target 'reserves@2030 >= 20'");
        }
        PriceBasis basis = noChart ? null : prices.basis(model.base().run());

        GoalSeek.Question q = new GoalSeek.Question(parsed, objective, largest, tol, seed);
        GoalSeek.Result r = GoalSeek.solve(model, q);
        if (r.outcome() != GoalSeek.Outcome.FOUND) throw new ScenarioException(Location.ofFile("pressure solve"), refusal(r, levers, q));

        Path dir = out != null ? out : Path.of("out", "solve-" + RunCommand.baseName(scenario));
        CouncilResult run = r.at().run();
        List<String> written = RunCommand.writeOutputs(run, scenario.toString(), noChart ? null : charts, basis, dir, false);
        AtomicFiles.writeText(dir.resolve("solve.json"), w -> w.write(JSON.writeValueAsString(json(r, levers, q))));
        written.add("solve.json");
        if (!noChart) written.addAll(charts.write(SolveChart.of(r, levers.get(0), run.scenario(), scenario.toString()), "solve", dir));

        // the answer's run is checked as `run` checks one: a council tax rise capped at its referendum
        // limit is warned of, and so is an answer for council tax beyond the limit
        Warnings warnings = Warnings.collect();
        run.check(warnings);
        referendum(levers, r.values(), warnings);
        InputOptions.print(warnings, spec.commandLine().getErr());
        PrintWriter o = spec.commandLine().getOut();
        print(r, levers, q, o);
        o.println();
        IndicatorTable.print(run, scenario.toString(), o);
        o.println();
        o.println("Wrote " + String.join(", ", written) + " to " + dir);
        o.flush();
        return Exit.OK;
    }

    /**
     * The most an English council with social care may raise council tax in a year without a
     * local referendum: 2.99% core and the 2% adult social care precept (2024/25 limits).
     */
    static final double REFERENDUM_LIMIT = 0.0499;

    private static final java.util.regex.Pattern COUNCIL_TAX =
            java.util.regex.Pattern.compile("income\\.[^.]*council_tax[^.]*\\.(growth|rise)");

    /** Warns where the answer raises a council tax stream faster than the referendum limit. */
    static void referendum(List<Lever> levers, double[] values, Warnings warnings) {
        for (int j = 0; j < levers.size(); j++) {
            Lever l = levers.get(j);
            if (!COUNCIL_TAX.matcher(l.path()).matches() || !(values[j] > REFERENDUM_LIMIT + 1e-12)) continue;
            warnings.add(l.location(), "the answer, `" + l.path() + "` = "
                    + l.brief(values[j], (l.high() - l.low()) * 1e-6, java.math.RoundingMode.HALF_EVEN)
                    + (l.percent() ? "" : " (" + ResultsWriter.number(Math.round(values[j] * 1e6) / 1e4) + "%)")
                    + ", is above the 4.99% a year that a council with social care may raise council tax without a "
                    + "local referendum (2.99% and the 2% adult social care precept); "
                    + (l.path().endsWith(".growth") ? "growth of the tax base may make up the difference, "
                    + "a rise in the rate beyond the limit needs a referendum" : "a rise beyond it needs a referendum"));
        }
    }

    private GoalSeek.Objective objective(LeverModel model) {
        if (sense == null) return null;
        String name = sense.minimise != null ? sense.minimise : sense.maximise;
        OutputSpec o = OutputSpec.parse(name);
        String problem = o.problem(model.base());
        if (problem != null) {
            throw new ScenarioException(Location.ofFile((sense.minimise != null ? "--minimise " : "--maximise ") + name), problem);
        }
        return new GoalSeek.Objective(o, sense.maximise != null);
    }

    private static String range(Lever l) {
        return l.path() + " from " + l.end(l.low()) + " to " + l.end(l.high());
    }

    /** Why there is no answer, with the values at the point closest to one. */
    private static String refusal(GoalSeek.Result r, List<Lever> levers, GoalSeek.Question q) {
        String ranges = String.join(" and ", levers.stream().map(SolveCommand::range).toList());
        if (r.outcome() == GoalSeek.Outcome.EVERY) {
            Lever l = levers.get(0);
            return "every value of " + range(l) + " meets every target (" + GoalSeek.SCAN_POINTS + " values tried), "
                    + "so the " + (q.largest() ? "largest is " + l.show(l.high()) : "smallest is " + l.show(l.low()))
                    + " itself; widen the range or tighten a target";
        }
        StringBuilder b = new StringBuilder("no value of " + ranges + " meets every target (" + r.runs() + " runs); closest at "
                + point(r.values(), levers) + ":");
        for (int k = 0; k < q.targets().size(); k++) {
            Target t = q.targets().get(k);
            double v = r.at().values()[k];
            b.append(" ").append(t.output().name()).append(" is ").append(t.show(v))
                    .append(t.met(v) ? " (met)" : " (needs " + t.op().symbol + " " + (t.isNever() ? "never" : t.show(t.value())) + ")")
                    .append(k < q.targets().size() - 1 ? ";" : "");
        }
        return b.append("; widen the range or relax a target").toString();
    }

    private static String point(double[] x, List<Lever> levers) {
        List<String> parts = new ArrayList<>();
        for (int j = 0; j < x.length; j++) parts.add(levers.get(j).path() + " = " + levers.get(j).show(x[j]));
        return String.join(", ", parts);
    }

    private static void print(GoalSeek.Result r, List<Lever> levers, GoalSeek.Question q, PrintWriter o) {
        boolean bracket = levers.size() == 1 && q.objective() == null;
        o.println("Goal seek");
        int n = q.targets().size();
        o.println("  " + (q.objective() != null ? q.objective().describe() + "; " : "")
                + (n == 0 ? "" : n + (n == 1 ? " target; " : " targets; "))
                + String.join(", ", levers.stream().map(SolveCommand::range).toList()));
        o.println();
        for (int j = 0; j < levers.size(); j++) {
            Lever l = levers.get(j);
            // four figures are what a decision needs; rounded towards the side that meets the targets
            String value = bracket ? l.brief(r.values()[j], r.tolerance() > 0 ? r.tolerance() : (l.high() - l.low()) * 1e-6,
                    q.largest() ? java.math.RoundingMode.FLOOR : java.math.RoundingMode.CEILING)
                    : l.brief(r.values()[j], (l.high() - l.low()) * 1e-6, java.math.RoundingMode.HALF_EVEN);
            o.printf(Locale.ROOT, "  %-44s %s%n", l.path(), value);
        }
        if (bracket) {
            Lever l = levers.get(0);
            o.println("  " + (q.largest() ? "largest" : "smallest") + " value meeting every target, "
                    + (q.largest() ? "rounded down" : "rounded up") + (r.tolerance() == 0 ? " (an end of the range)"
                    : "; to within " + l.brief(r.tolerance(), r.tolerance() / 10, java.math.RoundingMode.HALF_EVEN)
                    + " it is " + l.show(r.values()[0], r.tolerance())));
        } else {
            o.println("  found by a stochastic search: no tolerance is guaranteed; try another --seed to check");
        }
        if (r.objectiveValue() != null) o.println("  " + q.objective().output().name() + " there: "
                + String.format(Locale.ROOT, "%,.4f", r.objectiveValue()));
        o.println("  method: " + r.method() + "; " + r.iterations() + " iterations, " + r.runs() + " runs");
        o.println();
        for (int k = 0; k < q.targets().size(); k++) {
            Target t = q.targets().get(k);
            double v = r.at().values()[k];
            o.printf(Locale.ROOT, "  %-44s %14s  %s%n", t.text(), t.show(v), t.met(v) ? "met" : "NOT met");
            String margin = margin(t, r.at().run());
            if (margin != null) o.println("    " + margin);
        }
    }

    /**
     * For a target on when reserves reach their minimum or fall below zero, how close the answer
     * comes: at an answer found by search the reserves graze the line in some year, and a table
     * showing reserves of 25.0 against a minimum of 25 would otherwise read as the opposite of
     * "never". Null for other targets.
     */
    static String margin(Target t, CouncilResult run) {
        String ind = t.output().indicator();
        if (!"reserves_exhausted_year".equals(ind) && !"reserves_negative_year".equals(ind)) return null;
        boolean toMinimum = ind.equals("reserves_exhausted_year");
        Object when = run.indicators().asMap().get(ind);
        double[] reserves = run.column("reserves");
        double[] minimum = toMinimum && run.columns().stream().anyMatch(c -> c.header().equals("minimum_reserves"))
                ? run.column("minimum_reserves") : null;
        double fixed = run.scenario().budget().minimumReserves();
        int start = run.scenario().start(), end = when == null ? reserves.length : (Integer) when - start;
        int closest = -1;
        double gap = Double.POSITIVE_INFINITY;
        for (int i = 0; i < end; i++) {
            double line = toMinimum ? (minimum != null ? minimum[i] : fixed) : 0;
            if (reserves[i] - line < gap) {
                gap = reserves[i] - line;
                closest = i;
            }
        }
        if (closest < 0) return null;
        double line = toMinimum ? (minimum != null ? minimum[closest] : fixed) : 0;
        // enough decimals that the margin shows as more than nothing
        int d = gap > 0 ? Math.max(1, Math.min(10, 1 - (int) Math.floor(Math.log10(gap)))) : 1;
        String f = "%,." + d + "f";
        return "reserves come closest " + (when == null ? "" : "before " + Scenario.financialYear((Integer) when) + " ")
                + "in " + Scenario.financialYear(start + closest) + ": " + String.format(Locale.ROOT, f, reserves[closest])
                + " against " + (toMinimum ? "a minimum of " + ResultsWriter.number(line) : "zero") + ", "
                + String.format(Locale.ROOT, f, gap) + " above it";
    }

    private Map<String, Object> json(GoalSeek.Result r, List<Lever> levers, GoalSeek.Question q) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scenario", scenario.toString());
        List<Object> ls = new ArrayList<>();
        for (Lever l : levers) {
            Map<String, Object> lm = new LinkedHashMap<>();
            lm.put("path", l.path());
            lm.put("low", l.low());
            lm.put("high", l.high());
            ls.add(lm);
        }
        m.put("levers", ls);
        List<Object> ts = new ArrayList<>();
        for (int k = 0; k < q.targets().size(); k++) {
            Target t = q.targets().get(k);
            Map<String, Object> tm = new LinkedHashMap<>();
            tm.put("target", t.text());
            tm.put("output", t.output().name());
            tm.put("op", t.op().symbol);
            tm.put("value", t.isNever() ? "never" : t.value());
            double v = r.at().values()[k];
            tm.put("value_there", Double.isNaN(v) ? null : v);
            tm.put("met", t.met(v));
            ts.add(tm);
        }
        m.put("targets", ts);
        m.put("objective", q.objective() == null ? null : Map.of("output", q.objective().output().name(),
                "sense", q.objective().maximise() ? "maximise" : "minimise"));
        m.put("largest", q.largest());
        Map<String, Object> result = new LinkedHashMap<>();
        Map<String, Object> values = new LinkedHashMap<>();
        for (int j = 0; j < levers.size(); j++) values.put(levers.get(j).path(), r.values()[j]);
        result.put("values", values);
        result.put("tolerance", Double.isNaN(r.tolerance()) ? null : r.tolerance());
        result.put("objective_value", r.objectiveValue());
        result.put("indicators", r.at().run().indicators().asMap());
        m.put("result", result);
        m.put("method", r.method());
        m.put("seed", levers.size() == 1 && q.objective() == null ? null : q.seed());
        m.put("iterations", r.iterations());
        m.put("runs", r.runs());
        return m;
    }
}
