package org.pressure.engine.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pressure.engine.council.CompiledScenario;
import org.pressure.engine.diagnostics.Location;
import org.pressure.engine.diagnostics.Problems;
import org.pressure.engine.diagnostics.ScenarioException;
import org.pressure.engine.diagnostics.Suggest;
import org.pressure.engine.io.CsvText;
import org.pressure.engine.scenario.FileAccess;
import org.pressure.engine.scenario.MapReader;
import org.pressure.engine.scenario.Node;
import org.pressure.engine.scenario.ScenarioShape;
import org.pressure.engine.scenario.TreeLoader;
import org.pressure.engine.scenario.TreeReader;
import org.pressure.engine.xmile.Xmile;
import org.pressure.engine.xmile.XmileModel;
import org.pressure.engine.xmile.XmileNames;
import org.pressure.engine.xmile.XmileReader;

/**
 * Reads and checks a sweep file (sweeps.md), the one place that does: its structure, the
 * runs it asks for, its parameters against the model and its outputs against the compiled
 * model. Every problem found at one stage is reported together.
 */
public final class SweepParser {
    public static final List<String> KEYS = List.of("sweep", "scenario", "design", "runs", "levels", "seed", "parameters",
            "outputs", "trajectories", "correlations");
    public static final List<String> DISTRIBUTIONS = List.of("uniform", "triangular", "normal", "lognormal", "values");
    /** Most runs a sweep may ask for. */
    public static final int MAX_RUNS = 100_000_000;
    /** Most runs of a sweep with correlations: Iman-Conover reorders the whole sample in memory. */
    public static final int MAX_CORRELATED_RUNS = 2_000_000;
    /** Most parameters of a sobol design: Commons Math's Sobol sequence has 1000 dimensions. */
    public static final int MAX_SOBOL_PARAMETERS = 500;
    /** The parts of a scenario that hold numbers a sweep can vary. */
    static final List<String> SWEEPABLE = List.of("drivers", "income", "services", "failure_demand", "budget", "time", "savings", "cohorts", "capital", "dsg");

    private final Problems problems = new Problems();

    private SweepParser() {}

    /** Checks a sweep file's structure. */
    static SweepSpec parse(Node root, Path file) {
        return new SweepParser().spec(root, file);
    }

    /**
     * A sweep file checked as far as it can be before its model is compiled: its spec (with
     * command-line runs and seed), and the model it names as read: a council scenario's tree, or
     * an XMILE model (the other is null).
     */
    public record Checked(SweepSpec spec, Node.MapNode sweepTree, Node scenarioTree, XmileModel xmileModel) {
        boolean xmile() {
            return xmileModel != null;
        }

        /** Whether the sweep names a folder of councils (the national batch) rather than one model. */
        public boolean councils() {
            return scenarioTree == null && xmileModel == null;
        }

        /** Where the sweep file names its parameters, in the file's order. */
        public java.util.Map<String, Location> parameterLocations() {
            java.util.Map<String, Location> at = new LinkedHashMap<>();
            for (String p : spec.parameterPaths()) at.put(p, parameterLocation(p));
            return at;
        }

        public Location parametersAt() {
            Node p = sweepTree.get("parameters");
            return p == null ? sweepTree.location() : p.location();
        }

        /** Where a parameter is named in the sweep file. */
        Location parameterLocation(String name) {
            Node p = sweepTree.get("parameters");
            return p instanceof Node.MapNode m ? m.keyLocation(name) : sweepTree.location();
        }

        public Location at(String key) {
            return sweepTree.keyLocation(key);
        }
    }

    /**
     * Reads a sweep file and checks it and the runs it asks for ({@code runs} and {@code seed}
     * replace the file's when not null), and reads its scenario's tree.
     */
    public static Checked read(Path sweepFile, Integer runs, Long seed) {
        Node sweepTree = TreeReader.read(sweepFile);
        if (ScenarioShape.isScenario(sweepTree)) {
            throw new ScenarioException(((Node.MapNode) sweepTree).entries().values().iterator().next().keyLocation(),
                    "this is a scenario file, not a sweep file: run it with `pressure run " + sweepFile + "`, or write a "
                    + "sweep file that names it in `scenario:` (see docs/sweeps.md)");
        }
        SweepSpec spec = parse(sweepTree, sweepFile).with(runs, seed);
        if (runs != null && runsProblem(spec.design(), runs) != null) {
            throw new ScenarioException(Location.ofOption("--runs " + runs), runsProblem(spec.design(), runs));
        }
        if (runs != null && !spec.correlations().isEmpty() && runs > MAX_CORRELATED_RUNS) {
            throw new ScenarioException(Location.ofOption("--runs " + runs), "this sweep has correlations, which reorder the "
                    + "whole sample in memory: at most " + MAX_CORRELATED_RUNS + " runs");
        }
        long total = totalRuns(spec);
        if (total > MAX_RUNS) {
            throw new ScenarioException(new Location(sweepFile.toString(), 1, 1), "this " + spec.design().key
                    + " design would make " + total + " runs; the limit is " + MAX_RUNS
                    + " (fewer parameters, levels or runs)");
        }
        Node.MapNode tree = (Node.MapNode) sweepTree;
        // a folder of councils (made by `pressure import ra`): the national batch compiles each itself
        if (java.nio.file.Files.isDirectory(spec.scenario())) return new Checked(spec, tree, null, null);
        boolean xmile = Xmile.isModelFile(spec.scenario());
        try {
            return xmile ? new Checked(spec, tree, null, org.pressure.engine.xmile.Xmile.read(spec.scenario()))
                    : new Checked(spec, tree, TreeLoader.load(spec.scenario()), null);
        } catch (ScenarioException e) {
            // a model that cannot be opened at all is a fault of the sweep file's `scenario:`
            if (e.problems().size() == 1 && e.problems().get(0).location().line() == 0) {
                throw new ScenarioException(tree.keyLocation("scenario"), "`scenario`: " + e.problems().get(0));
            }
            throw e;
        }
    }

    /** The endings of an XMILE model's name, as {@link Xmile#isModelFile} knows them. */
    private static final java.util.regex.Pattern XMILE_NAME =
            java.util.regex.Pattern.compile("\\.(xmile|xml|stmx|itmx)$", java.util.regex.Pattern.CASE_INSENSITIVE);

    private SweepSpec spec(Node root, Path file) {
        MapReader r = MapReader.of(root, "the sweep", KEYS, problems);
        if (r == null) problems.throwIfAny();
        String name = r.text("sweep", null);
        if (name == null) problems.add(r.location(), "a sweep file needs `sweep: NAME`");
        String scenarioText = r.text("scenario", null);
        Path scenario = null;
        if (scenarioText == null) {
            problems.add(r.location(), "a sweep file needs `scenario:`, the scenario file (or XMILE model) to run, relative "
                    + "to the sweep file");
        } else {
            try {
                scenario = FileAccess.resolve(scenarioText, file.toAbsolutePath(), r.get("scenario").location(), "scenario");
            } catch (ScenarioException e) {
                problems.addAll(e);
            }
        }
        // a refused or missing `scenario:` is reported once: its parameters are not then judged
        // against a kind of model the file may not be (an XMILE model's constants are not scenario paths)
        boolean xmile = scenario != null ? Xmile.isModelFile(scenario)
                : scenarioText != null && XMILE_NAME.matcher(scenarioText.strip()).find();
        boolean known = scenario != null;
        SweepSpec.Design design = SweepSpec.Design.RANDOM;
        String designText = r.text("design", null);
        if (designText == null) {
            problems.add(r.location(), "a sweep file needs `design:`, one of " + String.join(", ", SweepSpec.Design.keys()));
        } else if (SweepSpec.Design.of(designText) == null) {
            problems.add(r.get("design").location(), "`design: " + designText + "` is not a design; use one of "
                    + String.join(", ", SweepSpec.Design.keys()) + Suggest.didYouMean(designText, SweepSpec.Design.keys()));
        } else {
            design = SweepSpec.Design.of(designText);
        }
        int runs = r.integer("runs", defaultRuns(design));
        String runsProblem = runsProblem(design, runs);
        if (runsProblem != null) problems.add(r.has("runs") ? r.get("runs").location() : r.location(), "`runs`: " + runsProblem);
        int levels = r.integer("levels", design == SweepSpec.Design.MORRIS ? 4 : 5);
        if (levels < 2 || levels > 1000) {
            problems.add(r.node().keyLocation("levels"), "`levels` is " + levels + "; it must be between 2 and 1000");
        }
        long seed = (long) r.number("seed", 1);
        Map<String, Distribution> parameters = parameters(r.get("parameters"), r.location(), xmile, known);
        if (design == SweepSpec.Design.SOBOL && parameters.size() > MAX_SOBOL_PARAMETERS) {
            problems.add(r.node().keyLocation("parameters"), "a sobol design takes at most " + MAX_SOBOL_PARAMETERS
                    + " parameters (its sequence has 1000 dimensions, two per parameter), not " + parameters.size());
        }
        List<SweepSpec.Correlation> correlations = correlations(r.get("correlations"), design, parameters,
                r.node().keyLocation("correlations"));
        if (!correlations.isEmpty() && runs > MAX_CORRELATED_RUNS) {
            problems.add(r.node().keyLocation("correlations"), "correlations reorder the whole sample in memory: at most "
                    + MAX_CORRELATED_RUNS + " runs, not " + runs);
        }
        List<String> outputs = textList(r.get("outputs"), "outputs");
        distinct(outputs, "outputs", r);
        if (outputs.isEmpty()) {
            problems.add(r.location(), "a sweep needs `outputs:`, the " + (xmile ? "NAME@TIME values" : "indicators or COLUMN@YEAR "
                    + "values") + " to record");
        }
        List<String> trajectories = r.has("trajectories") ? textList(r.get("trajectories"), "trajectories")
                : xmile ? List.of() : List.of("budget_gap", "reserves");
        distinct(trajectories, "trajectories", r);
        problems.throwIfAny();
        List<OutputSpec> outs = new ArrayList<>();
        for (String o : outputs) outs.add(output(o));
        return new SweepSpec(name, file, scenario, design, runs, levels, seed, parameters, outs, trajectories, correlations,
                percentParameters);
    }

    /** Runs when the file gives none: sobol's base sample must be a power of two. */
    static int defaultRuns(SweepSpec.Design design) {
        return switch (design) {
            case MORRIS -> 10;
            case SOBOL -> 1024;
            default -> 1000;
        };
    }

    /** What is wrong with {@code runs} for a design, or null. */
    static String runsProblem(SweepSpec.Design design, long runs) {
        if (design == SweepSpec.Design.GRID || design == SweepSpec.Design.ONE_AT_A_TIME) return null;
        if (runs < 1 || runs > MAX_RUNS) return runs + " is not between 1 and " + MAX_RUNS;
        if (design == SweepSpec.Design.SOBOL && Long.bitCount(runs) != 1) {
            long lower = Long.highestOneBit(runs);
            return runs + " is not a power of two: for a sobol design it is the base sample N (e.g. " + lower + " or "
                    + lower * 2 + ")";
        }
        return null;
    }

    /** How many runs the design makes of {@code spec}, or a problem if more than the limit. */
    public static long totalRuns(SweepSpec spec) {
        int k = spec.parameters().size();
        return switch (spec.design()) {
            case SOBOL -> (long) spec.runs() * (k + 2);
            case MORRIS -> (long) spec.runs() * (k + 1);
            case ONE_AT_A_TIME -> 1 + 2L * k;
            case GRID -> {
                long n = 1;
                for (Distribution d : spec.parameters().values()) {
                    n *= d.grid(spec.levels()).size();
                    if (n > MAX_RUNS) break;
                }
                yield n;
            }
            default -> spec.runs();
        };
    }

    /** The parameters whose distribution the sweep file wrote in percentages ({@code [1%, 3%]}). */
    private final java.util.Set<String> percentParameters = new java.util.LinkedHashSet<>();

    private Map<String, Distribution> parameters(Node n, Location top, boolean xmile, boolean known) {
        Map<String, Distribution> out = new LinkedHashMap<>();
        if (!(n instanceof Node.MapNode map) || map.entries().isEmpty()) {
            problems.add(n == null ? top : n.location(), "a sweep needs `parameters:`, a mapping of " + (xmile
                    ? "the model's constants, by name, to distributions, e.g. characteristic_time: {uniform: [5, 15]}"
                    : "scenario paths (as --set takes them) to distributions, e.g. drivers.cpi: {uniform: [1%, 3%]}"));
            return out;
        }
        for (var e : map.entries().entrySet()) {
            String path = e.getKey();
            String what = "parameter `" + path + "`";
            String section = path.split("\\.", 2)[0];
            if (!xmile && known && !SWEEPABLE.contains(section)) {
                problems.add(e.getValue().keyLocation(), what + ": only numbers under " + String.join(", ", SWEEPABLE)
                        + " can be swept" + Suggest.didYouMean(section, SWEEPABLE));
                continue;
            }
            List<String> keys = new ArrayList<>(DISTRIBUTIONS);
            keys.addAll(List.of("min", "max"));
            MapReader d = MapReader.of(e.getValue().value(), what, keys, problems);
            if (d == null) continue;
            List<String> given = DISTRIBUTIONS.stream().filter(d::has).toList();
            if (given.size() != 1) {
                problems.add(d.location(), what + " needs exactly one distribution: " + String.join(", ", DISTRIBUTIONS)
                        + (given.isEmpty() ? "" : " (it has " + String.join(" and ", given) + ")"));
                continue;
            }
            double min = d.number("min", Double.NEGATIVE_INFINITY);
            double max = d.number("max", Double.POSITIVE_INFINITY);
            String kind = given.get(0);
            Node argsNode = d.get(kind);
            double[] a = numbers(argsNode, path + "." + kind);
            if (a == null) continue;
            // written as percentages: shown back as percentages wherever people read it (summary.json, report)
            if (argsNode instanceof Node.ListNode l && !l.items().isEmpty() && l.items().get(0) instanceof Node.ScalarNode first
                    && first.text().strip().endsWith("%")) {
                percentParameters.add(path);
            }
            Location at = argsNode.location();
            Distribution dist = switch (kind) {
                case "uniform" -> arity(a, 2, at, what, "[low, high]") && order(a[0] < a[1], at, what, "low < high")
                        ? Distribution.uniform(a[0], a[1], min, max) : null;
                case "triangular" -> arity(a, 3, at, what, "[low, mode, high]")
                        && order(a[0] <= a[1] && a[1] <= a[2] && a[0] < a[2], at, what, "low <= mode <= high, low < high")
                        ? Distribution.triangular(a[0], a[1], a[2], min, max) : null;
                case "normal" -> arity(a, 2, at, what, "[mean, sd]") && order(a[1] > 0, at, what, "sd > 0")
                        ? Distribution.normal(a[0], a[1], min, max) : null;
                case "lognormal" -> arity(a, 2, at, what, "[median, sigma]")
                        && order(a[0] > 0 && a[1] > 0, at, what, "median > 0 and sigma > 0")
                        ? Distribution.lognormal(a[0], a[1], min, max) : null;
                default -> values(a, min, max, at, what);
            };
            if (dist == null) continue;
            if (min > max) {
                problems.add(d.location(), what + ": `min` is above `max`");
                continue;
            }
            if (dist instanceof Distribution.Continuous c && !(c.pHigh() > c.pLow())) {
                problems.add(d.location(), what + ": `min`/`max` leave no probability: the truncated range is empty");
                continue;
            }
            out.put(path, dist);
        }
        return out;
    }

    /**
     * {@code correlations: [{between: [PATH_A, PATH_B], rank: R}, ...]}: pairs of parameters of
     * this sweep, each rank correlation strictly between -1 and 1, together reachable (their matrix
     * positive definite), for random and latin_hypercube designs only.
     */
    private List<SweepSpec.Correlation> correlations(Node n, SweepSpec.Design design, Map<String, Distribution> parameters,
                                                     Location at) {
        List<SweepSpec.Correlation> out = new ArrayList<>();
        if (n == null) return out;
        if (design != SweepSpec.Design.RANDOM && design != SweepSpec.Design.LATIN_HYPERCUBE) {
            problems.add(at, "`correlations` apply to random and latin_hypercube designs, whose samples can be reordered "
                    + "(Iman-Conover); a " + design.key + " design " + (design == SweepSpec.Design.GRID
                    ? "takes every combination of fixed points" : "measures each parameter's effect on the assumption that "
                    + "the parameters are independent") + ", so it cannot take them");
            return out;
        }
        if (!(n instanceof Node.ListNode list)) {
            problems.add(n.location(), "`correlations` should be a list, e.g. [{between: [drivers.cpi, drivers.pay], rank: 0.7}]");
            return out;
        }
        java.util.Set<String> pairs = new java.util.HashSet<>();
        int before = problems.size();
        for (int i = 0; i < list.items().size(); i++) {
            String what = "`correlations` item " + i;
            MapReader c = MapReader.of(list.items().get(i), what, List.of("between", "rank"), problems);
            if (c == null) continue;
            Node between = c.require("between", what);
            Node rankNode = c.require("rank", what);
            if (between == null || rankNode == null) continue;
            if (!(between instanceof Node.ListNode pair) || pair.items().size() != 2
                    || !pair.items().stream().allMatch(x -> x instanceof Node.ScalarNode)) {
                problems.add(between.location(), what + ": `between` takes two parameter paths, e.g. [drivers.cpi, drivers.pay]");
                continue;
            }
            String a = ((Node.ScalarNode) pair.items().get(0)).text(), b = ((Node.ScalarNode) pair.items().get(1)).text();
            boolean known = true;
            for (int k = 0; k < 2; k++) {
                String p = k == 0 ? a : b;
                if (!parameters.containsKey(p)) {
                    problems.add(pair.items().get(k).location(), what + ": `" + p + "` is not a parameter of this sweep"
                            + Suggest.didYouMean(p, parameters.keySet()) + "; correlate parameters listed under `parameters`");
                    known = false;
                }
            }
            double rank = MapReader.number(rankNode, "rank", problems, Double.NaN);
            if (!known || Double.isNaN(rank)) continue;
            if (a.equals(b)) {
                problems.add(between.location(), what + ": `" + a + "` is named twice; a correlation is between two parameters");
                continue;
            }
            if (!(rank > -1 && rank < 1)) {
                problems.add(rankNode.location(), what + ": `rank` is a Spearman rank correlation, above -1 and below 1 "
                        + "(e.g. 0.7), not " + ((Node.ScalarNode) rankNode).text());
                continue;
            }
            String key = a.compareTo(b) < 0 ? a + " " + b : b + " " + a;
            if (!pairs.add(key)) {
                problems.add(between.location(), what + ": `" + a + "` and `" + b + "` are correlated twice");
                continue;
            }
            out.add(new SweepSpec.Correlation(a, b, rank));
        }
        if (problems.size() == before && !out.isEmpty() && !ImanConover.feasible(matrix(out, involved(out, parameters)))) {
            problems.add(at, "these correlations cannot all hold at once (their matrix is not positive definite): for "
                    + "example, if A and B move together and B and C move together, A and C cannot move strongly apart; "
                    + "weaken or drop one");
        }
        return out;
    }

    /** The parameters named in any correlation, in the order of the sweep file. */
    static List<String> involved(List<SweepSpec.Correlation> correlations, Map<String, Distribution> parameters) {
        java.util.Set<String> named = new java.util.HashSet<>();
        for (SweepSpec.Correlation c : correlations) {
            named.add(c.a());
            named.add(c.b());
        }
        return parameters.keySet().stream().filter(named::contains).toList();
    }

    /** The rank-correlation matrix of the {@code involved} parameters: ones on the diagonal, zero where none is given. */
    static double[][] matrix(List<SweepSpec.Correlation> correlations, List<String> involved) {
        int m = involved.size();
        double[][] c = new double[m][m];
        for (int i = 0; i < m; i++) c[i][i] = 1;
        for (SweepSpec.Correlation x : correlations) {
            int i = involved.indexOf(x.a()), j = involved.indexOf(x.b());
            c[i][j] = c[j][i] = x.rank();
        }
        return c;
    }

    private Distribution values(double[] a, double min, double max, Location at, String what) {
        double[] kept = java.util.Arrays.stream(a).filter(x -> x >= min && x <= max).toArray();
        if (kept.length == 0) {
            problems.add(at, what + ": no value is left between `min` and `max`");
            return null;
        }
        return new Distribution.Values(kept);
    }

    private boolean arity(double[] a, int n, Location at, String what, String form) {
        if (a.length == n) return true;
        problems.add(at, what + " takes " + form + ", " + n + " numbers, not " + a.length);
        return false;
    }

    private boolean order(boolean ok, Location at, String what, String rule) {
        if (!ok) problems.add(at, what + ": needs " + rule);
        return ok;
    }

    private double[] numbers(Node n, String key) {
        if (!(n instanceof Node.ListNode list) || list.items().isEmpty()) {
            problems.add(n.location(), "`" + key + "` should be a list of numbers, e.g. [1%, 3%]");
            return null;
        }
        double[] out = new double[list.items().size()];
        int before = problems.size();
        for (int i = 0; i < out.length; i++) out[i] = MapReader.number(list.items().get(i), key, problems, Double.NaN);
        return problems.size() == before ? out : null;
    }

    private void distinct(List<String> names, String key, MapReader r) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String n : names) {
            if (!seen.add(n)) problems.add(r.node().keyLocation(key), "`" + key + "` names `" + n + "` twice");
        }
    }

    private List<String> textList(Node n, String key) {
        List<String> out = new ArrayList<>();
        if (n == null) return out;
        if (!(n instanceof Node.ListNode list)) {
            problems.add(n.location(), "`" + key + "` should be a list");
            return out;
        }
        for (Node item : list.items()) {
            if (item instanceof Node.ScalarNode s && s.kind() != Node.ScalarKind.NULL) out.add(s.text());
            else problems.add(item.location(), "each of `" + key + "` should be a name");
        }
        return out;
    }

    private static OutputSpec output(String text) {
        return OutputSpec.parse(text);
    }

    /**
     * The outputs and trajectories of a sweep resolved against its compiled model: for each
     * output the slot and step it is read from, or the indicator it is.
     */
    static final class Outputs {
        private final int[] slots;
        private final int[] steps;
        private final org.pressure.engine.council.Indicator[] indicators;
        private final int[] trajectories;

        private Outputs(int[] slots, int[] steps, org.pressure.engine.council.Indicator[] indicators, int[] trajectories) {
            this.slots = slots;
            this.steps = steps;
            this.indicators = indicators;
            this.trajectories = trajectories;
        }

        /** Reads one run's outputs and trajectories from its workspace. */
        interface Reader {
            double[][] read(double[][] workspace, double[] out);
        }

        /**
         * A reader of one run's outputs: slots at their steps, and indicators, each worked out
         * alone where it can be (a sum or last value of a column), else all of them once.
         */
        Reader reader(CompiledScenario compiled) {
            boolean together = false;
            for (var i : indicators) together |= i != null && !CompiledScenario.alone(i);
            boolean all = together;
            return (v, out) -> {
                org.pressure.engine.council.Indicators in = all ? compiled.indicators(v) : null;
                for (int j = 0; j < out.length; j++) {
                    var i = indicators[j];
                    out[j] = i == null ? v[slots[j]][steps[j]] : all ? in.number(i) : compiled.indicator(i, v);
                }
                double[][] t = new double[trajectories.length][];
                for (int k = 0; k < t.length; k++) t[k] = v[trajectories[k]].clone();
                return t;
            };
        }
    }

    /** Checks outputs and trajectories against a compiled council scenario's columns and horizon, and resolves them. */
    static Outputs outputs(Checked checked, CompiledScenario compiled) {
        SweepSpec spec = checked.spec();
        Problems problems = new Problems();
        Set<String> columns = new java.util.LinkedHashSet<>();
        compiled.columns().forEach(c -> columns.add(c.header()));
        int n = spec.outputs().size();
        int[] slots = new int[n], steps = new int[n];
        var indicators = new org.pressure.engine.council.Indicator[n];
        var m = compiled.model();
        for (int j = 0; j < n; j++) {
            OutputSpec o = spec.outputs().get(j);
            String problem = o.problem(compiled);
            if (problem != null) {
                problems.add(checked.at("outputs"), problem);
                continue;
            }
            if (o.indicator() != null) {
                indicators[j] = org.pressure.engine.council.Indicator.named(o.indicator());
            } else {
                slots[j] = m.slot(o.column());
                steps[j] = o.year() == null ? m.steps() - 1 : o.year() - compiled.scenario().start();
            }
        }
        int[] trajectories = new int[spec.trajectories().size()];
        for (int i = 0; i < trajectories.length; i++) {
            String t = spec.trajectories().get(i);
            if (!columns.contains(t)) {
                problems.add(checked.at("trajectories"), "trajectory `" + t + "` is not a results.csv column"
                        + Suggest.didYouMean(t, columns));
            }
            trajectories[i] = m.slot(t);
        }
        problems.throwIfAny();
        return new Outputs(slots, steps, indicators, trajectories);
    }

    /**
     * Checks the outputs of a sweep of an XMILE model, {@code NAME@TIME} or {@code NAME@end} for
     * any variable, and resolves them; indicators and trajectories belong to council scenarios.
     */
    static Outputs outputs(Checked checked, org.pressure.engine.xmile.CompiledXmile xmile) {
        SweepSpec spec = checked.spec();
        Problems problems = new Problems();
        var specs = xmile.specs();
        int n = spec.outputs().size();
        int[] slots = new int[n], steps = new int[n];
        int[] variables = xmile.outputSlots();
        for (int j = 0; j < n; j++) {
            String text = spec.outputs().get(j).name();
            int at = text.lastIndexOf('@');
            if (at < 0) {
                problems.add(checked.at("outputs"), "output `" + text + "`: a sweep of an XMILE model records a variable at a "
                        + "time, NAME@TIME or NAME@end (indicators such as failure_year belong to council scenarios)");
                continue;
            }
            String name = text.substring(0, at), when = text.substring(at + 1);
            int index = -1;
            for (int i = 0; i < xmile.names().size(); i++) {
                if (XmileNames.canonical(xmile.names().get(i)).equals(XmileNames.canonical(name))) index = i;
            }
            if (index < 0) {
                problems.add(checked.at("outputs"), "output `" + text + "`: the model has no variable `" + name + "`"
                        + Suggest.didYouMean(name, xmile.names()));
                continue;
            }
            slots[j] = variables[index];
            if (when.equals("end")) {
                steps[j] = xmile.steps() - 1;
                continue;
            }
            Double time = org.pressure.engine.scenario.Numbers.parse(when);
            double step = time == null ? Double.NaN : (time - specs.start()) / specs.dt();
            if (time == null || Math.abs(step - Math.rint(step)) > 1e-6 || step < -1e-6 || Math.rint(step) > xmile.steps() - 1) {
                problems.add(checked.at("outputs"), "output `" + text + "`: the time must be `end` or a time the model "
                        + "reaches, from " + CsvText.number(specs.start()) + " to " + CsvText.number(specs.stop())
                        + " in steps of " + CsvText.number(specs.dt()) + ", not `" + when + "`");
                continue;
            }
            steps[j] = (int) Math.rint(step);
        }
        if (!spec.trajectories().isEmpty()) {
            problems.add(checked.at("trajectories"), "trajectories are years of a council scenario's results.csv; a sweep of "
                    + "an XMILE model records NAME@TIME outputs (remove `trajectories:`)");
        }
        problems.throwIfAny();
        return new Outputs(slots, steps, new org.pressure.engine.council.Indicator[n], new int[0]);
    }
}
