package org.pressure.engine.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pressure.engine.council.CompiledScenario;
import org.pressure.engine.council.CouncilCompiler;
import org.pressure.engine.council.CouncilResult;
import org.pressure.engine.council.Plausibility;
import org.pressure.engine.council.ScenarioParser;
import org.pressure.engine.diagnostics.Location;
import org.pressure.engine.diagnostics.Problems;
import org.pressure.engine.diagnostics.ScenarioException;
import org.pressure.engine.diagnostics.Suggest;
import org.pressure.engine.diagnostics.Warnings;
import org.pressure.engine.scenario.Node;
import org.pressure.engine.scenario.Overrides;
import org.pressure.engine.scenario.TreeLoader;
import org.pressure.engine.scenario.TreeReader;

/**
 * A sweep's scenario compiled once: each parameter path becomes an input of the model, so a
 * run is "this model with these input values". Where a path does not hold a series (a delay,
 * a reserves figure) the model is rebuilt for each run instead: slower, same answers.
 */
public final class SweepModel {
    /** Sweeps of at least this many runs compile their model to Java first. */
    static final long GENERATE_CODE_FROM_RUNS = 2_000;

    private final SweepSpec spec;
    private final Node scenarioTree;
    private final List<Overrides.Override> paths;
    private final CompiledScenario compiled;
    private final CompiledScenario base;
    private final boolean inputsCompiled;

    private SweepModel(SweepSpec spec, Node scenarioTree, List<Overrides.Override> paths, CompiledScenario compiled,
                       CompiledScenario base, boolean inputsCompiled) {
        this.spec = spec;
        this.scenarioTree = scenarioTree;
        this.paths = paths;
        this.compiled = compiled;
        this.base = base;
        this.inputsCompiled = inputsCompiled;
    }

    /**
     * Reads a sweep file and its scenario, checks everything (paths exist, values fit, outputs
     * are indicators or columns) and compiles.
     *
     * @param runs a number of runs that replaces the file's, or null
     * @param seed a seed that replaces the file's, or null
     */
    public static SweepModel load(Path sweepFile, Integer runs, Long seed) {
        return load(sweepFile, runs, seed, Warnings.ignored());
    }

    /**
     * As {@link #load(Path, Integer, Long)}, adding to {@code warnings} what is implausible in the
     * scenario as written and in one run of it.
     */
    public static SweepModel load(Path sweepFile, Integer runs, Long seed, Warnings warnings) {
        Node sweepTree = TreeReader.read(sweepFile);
        if (SweepParser.isScenario(sweepTree)) {
            throw new ScenarioException(((Node.MapNode) sweepTree).entries().values().iterator().next().keyLocation(),
                    "this is a scenario file, not a sweep file: run it with `pressure run " + sweepFile + "`, or write a "
                    + "sweep file that names it in `scenario:` (see docs/sweeps.md)");
        }
        SweepSpec spec = SweepParser.parse(sweepTree, sweepFile).with(runs, seed);
        if (runs != null && SweepParser.runsProblem(spec.design(), runs) != null) {
            throw new ScenarioException(Location.ofFile("--runs " + runs), SweepParser.runsProblem(spec.design(), runs));
        }
        if (runs != null && !spec.correlations().isEmpty() && runs > SweepParser.MAX_CORRELATED_RUNS) {
            throw new ScenarioException(Location.ofFile("--runs " + runs), "this sweep has correlations, which reorder the "
                    + "whole sample in memory: at most " + SweepParser.MAX_CORRELATED_RUNS + " runs");
        }
        long total = SweepParser.totalRuns(spec);
        if (total > SweepParser.MAX_RUNS) {
            throw new ScenarioException(new Location(sweepFile.toString(), 1, 1), "this " + spec.design().key
                    + " design would make " + total + " runs; the limit is " + SweepParser.MAX_RUNS
                    + " (fewer parameters, levels or runs)");
        }
        Node tree;
        try {
            tree = TreeLoader.load(spec.scenario());
        } catch (ScenarioException e) {
            Location at = ((Node.MapNode) sweepTree).keyLocation("scenario");
            if (e.problems().size() == 1 && e.problems().get(0).location().line() == 0) {
                throw new ScenarioException(at, "`scenario`: " + e.problems().get(0));
            }
            throw e;
        }
        CompiledScenario base = CouncilCompiler.compile(ScenarioParser.parse(tree, spec.scenario().toString(), warnings));
        Plausibility.check(tree, warnings);

        Problems problems = new Problems();
        List<Overrides.Override> paths = new ArrayList<>();
        Node.MapNode params = (Node.MapNode) ((Node.MapNode) sweepTree).get("parameters");
        for (String path : spec.parameterPaths()) {
            Location at = params.keyLocation(path);
            Overrides.Override o = new Overrides.Override(List.of(path.split("\\.", -1)), "", at.toString());
            String missing = missing(tree, o.path());
            if (missing != null) {
                problems.add(at, "parameter `" + path + "`: " + missing);
            }
            paths.add(o);
        }
        problems.throwIfAny();

        // try the fast form: every path an input of one compiled model
        List<String> inputs = new ArrayList<>();
        Node marked = tree;
        for (int i = 0; i < paths.size(); i++) {
            String name = "__sweep_" + i;
            inputs.add(name);
            marked = Overrides.set(marked, paths.get(i), new Node.ScalarNode(Location.ofFile(paths.get(i).source()),
                    "=" + name, Node.ScalarKind.STRING));
        }
        CompiledScenario compiled = null;
        String slow = null;
        try {
            compiled = CouncilCompiler.compile(ScenarioParser.parse(marked, spec.scenario().toString()), inputs);
        } catch (ScenarioException e) {
            compiled = null;
            // a parameter in a place that takes only a number (a capital financing requirement, a
            // cohort's starting people): each run rebuilds the scenario with the value written in
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("__sweep_(\\d+)").matcher(e.getMessage());
            int which = m.find() ? Integer.parseInt(m.group(1)) : -1;
            slow = which >= 0 && which < paths.size() ? "`" + String.join(".", paths.get(which).path()) + "`" : "a parameter";
        }
        SweepModel model = new SweepModel(spec, tree, paths, compiled, base, compiled != null);
        model.parametersAt = params.location();
        model.slowPathReason = slow;
        SweepParser.checkOutputs(spec, base, sweepTree);
        model.probe(params);
        base.run().check(warnings);
        // compiling the model to Java takes a tenth of a second or so; it pays for itself over many runs
        if (compiled != null && SweepParser.totalRuns(spec) >= GENERATE_CODE_FROM_RUNS) compiled.model().generateCode();
        return model;
    }

    private String slowPathReason;

    /**
     * Why runs are slower than they could be, or null: a parameter that cannot be an input of one
     * compiled model (each run then rebuilds the scenario), or generated code that could not be made.
     */
    public String slowPathReason() {
        if (slowPathReason != null) {
            return slowPathReason + " takes only a plain number in the scenario, so each run rebuilds the scenario with its "
                    + "value written in (slower than one compiled model)";
        }
        String generation = compiled == null ? null : compiled.model().generationFailure();
        return generation == null ? null : "runs are interpreted, not compiled: " + generation;
    }

    /**
     * Runs each parameter at its low end, an uneven point inside and its high end (the others at
     * their medians) before the sweep starts, so that a range the scenario cannot take (a floor
     * above 100%, a fractional delay) is refused now, naming the parameter, not hours in.
     */
    private void probe(Node.MapNode params) {
        List<Distribution> dists = List.copyOf(spec.parameters().values());
        double[] middle = dists.stream().mapToDouble(d -> d.quantile(0.5)).toArray();
        Evaluator evaluator = evaluator();
        double[] outputs = new double[spec.outputs().size()];
        for (int j = 0; j < dists.size(); j++) {
            Distribution d = dists.get(j);
            // an unbounded end (a normal without min or max) is probed one in a million runs out
            double low = Double.isFinite(d.low()) ? d.low() : d.quantile(1e-6);
            double high = Double.isFinite(d.high()) ? d.high() : d.quantile(1 - 1e-6);
            for (double x : new double[] {low, d.quantile(0.37), high}) {
                double[] values = middle.clone();
                values[j] = x;
                try {
                    evaluator.run(values, outputs);
                } catch (ScenarioException e) {
                    throw new ScenarioException(params.keyLocation(spec.parameterPaths().get(j)), "parameter `"
                            + spec.parameterPaths().get(j) + "` at " + org.pressure.engine.council.ResultsWriter.number(x)
                            + " (within its range) gives a scenario that cannot run: " + e.getMessage().replace('\n', ' '));
                }
            }
        }
    }

    /** Why {@code path} does not name a value of the scenario, or null if it does. */
    public static String missing(Node tree, List<String> path) {
        Node n = tree;
        for (int i = 0; i < path.size(); i++) {
            String key = path.get(i);
            String soFar = String.join(".", path.subList(0, i + 1));
            if (n instanceof Node.MapNode m) {
                if (!m.entries().containsKey(key)) {
                    return "the scenario has no `" + soFar + "`" + Suggest.didYouMean(key, m.entries().keySet());
                }
                n = m.get(key);
            } else if (n instanceof Node.ListNode l) {
                int index;
                try {
                    index = Integer.parseInt(key);
                } catch (NumberFormatException e) {
                    return "`" + String.join(".", path.subList(0, i)) + "` is a list: pick an item by index, not `" + key + "`";
                }
                if (index < 0 || index >= l.items().size()) {
                    return "`" + String.join(".", path.subList(0, i)) + "` has " + l.items().size() + " item(s), numbered from 0";
                }
                n = l.items().get(index);
            } else {
                return "`" + String.join(".", path.subList(0, i)) + "` is " + n.kindName() + ", which has no `" + key + "`";
            }
        }
        return null;
    }

    /** Where the sweep file's {@code parameters:} are, for problems of one run (its values came from them). */
    private Location parametersAt;

    Location parametersAt() {
        return parametersAt == null ? new Location(spec.sweepFile().toString(), 1, 1) : parametersAt;
    }

    public SweepSpec spec() {
        return spec;
    }

    /** The scenario as written, unchanged by any parameter. */
    public CompiledScenario base() {
        return base;
    }

    /** Whether one compiled model serves every run (true unless a path holds something other than a series). */
    public boolean compiledOnce() {
        return inputsCompiled;
    }

    /**
     * One run with the given parameter values, in the order of the sweep file; NaN leaves a
     * parameter as the scenario has it.
     */
    public CouncilResult run(double[] values) {
        boolean anyUnset = false;
        for (double v : values) anyUnset |= Double.isNaN(v);
        if (inputsCompiled && !anyUnset) return compiled.run(values);
        return rebuild(values).run();
    }

    /**
     * Something that runs this sweep's scenario again and again, reusing its storage: one per
     * thread. It fills the outputs and trajectories of each run straight from the model's slots.
     */
    public final class Evaluator {
        private final double[][] workspace = inputsCompiled ? compiled.model().newWorkspace() : null;
        private final int[] outputSlots = new int[spec.outputs().size()];
        private final int[] outputSteps = new int[spec.outputs().size()];
        private final int[] trajectorySlots = new int[spec.trajectories().size()];
        @SuppressWarnings("unchecked")
        private final java.util.function.ToDoubleFunction<org.pressure.engine.council.Indicators>[] indicators =
                new java.util.function.ToDoubleFunction[spec.outputs().size()];

        Evaluator() {
            if (!inputsCompiled) return;
            var m = compiled.model();
            for (int j = 0; j < outputSlots.length; j++) {
                OutputSpec o = spec.outputs().get(j);
                if (o.indicator() != null) indicators[j] = o.indicatorReader();
                outputSlots[j] = o.column() == null ? -1 : m.slot(o.column());
                outputSteps[j] = o.column() == null ? -1 : o.year() == null ? m.steps() - 1
                        : o.year() - compiled.scenario().start();
            }
            for (int t = 0; t < trajectorySlots.length; t++) trajectorySlots[t] = m.slot(spec.trajectories().get(t));
        }

        /** Runs with {@code values}; writes the outputs into {@code outputs} and returns each trajectory's values by year. */
        public double[][] run(double[] values, double[] outputs) {
            boolean anyUnset = false;
            for (double v : values) anyUnset |= Double.isNaN(v);
            double[][] trajectories = new double[trajectorySlots.length][];
            if (!inputsCompiled || anyUnset) {
                CouncilResult r = SweepModel.this.run(values);
                for (int j = 0; j < outputs.length; j++) outputs[j] = spec.outputs().get(j).of(r);
                for (int t = 0; t < trajectories.length; t++) trajectories[t] = r.column(spec.trajectories().get(t)).clone();
                return trajectories;
            }
            var in = compiled.runInto(workspace, values);
            for (int j = 0; j < outputs.length; j++) {
                outputs[j] = outputSlots[j] < 0 ? indicators[j].applyAsDouble(in) : workspace[outputSlots[j]][outputSteps[j]];
            }
            for (int t = 0; t < trajectories.length; t++) trajectories[t] = workspace[trajectorySlots[t]].clone();
            return trajectories;
        }
    }

    public Evaluator evaluator() {
        return new Evaluator();
    }

    private CompiledScenario rebuild(double[] values) {
        Node tree = scenarioTree;
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i])) continue;
            tree = Overrides.set(tree, paths.get(i), new Node.ScalarNode(Location.ofFile(paths.get(i).source()),
                    Double.toString(values[i]), Node.ScalarKind.NUMBER));
        }
        return CouncilCompiler.compile(ScenarioParser.parse(tree, spec.scenario().toString()));
    }
}
