package org.pressure.engine.sweep;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pressure.engine.council.CompiledScenario;
import org.pressure.engine.council.CouncilResult;
import org.pressure.engine.council.Plausibility;
import org.pressure.engine.council.Scenarios;
import org.pressure.engine.diagnostics.Location;
import org.pressure.engine.diagnostics.ScenarioException;
import org.pressure.engine.diagnostics.Warnings;
import org.pressure.engine.model.Model;
import org.pressure.engine.scenario.Node;
import org.pressure.engine.scenario.TreeLoader;
import org.pressure.engine.xmile.CompiledXmile;
import org.pressure.engine.xmile.XmileCompiler;

/**
 * A sweep's model, compiled once with each parameter an input: a run is "this model with these
 * input values", on generated code for sweeps of many runs. The model is a council scenario
 * (parameters are paths to series, as {@code --set} takes them) or an XMILE model (parameters
 * are its constants by name). A parameter that cannot be an input is refused when the sweep is
 * loaded, saying why; there is no slower path.
 */
public final class SweepModel implements SweepTarget {
    /** Sweeps of at least this many runs generate code for their model first. */
    static final long GENERATE_CODE_FROM_RUNS = 2_000;

    private final SweepSpec spec;
    /** The council scenario, or null for an XMILE model. */
    private final CompiledScenario compiled;
    /** The XMILE model, or null for a council scenario. */
    private final CompiledXmile xmile;
    private final SweepParser.Outputs outputs;
    private final Location parametersAt;

    private SweepModel(SweepSpec spec, CompiledScenario compiled, CompiledXmile xmile, SweepParser.Outputs outputs,
                       Location parametersAt) {
        this.spec = spec;
        this.compiled = compiled;
        this.xmile = xmile;
        this.outputs = outputs;
        this.parametersAt = parametersAt;
    }

    /**
     * Reads a sweep file and its model, checks everything (paths exist and are series, values
     * fit, outputs are indicators or columns) and compiles.
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
        SweepParser.Checked checked = SweepParser.read(sweepFile, runs, seed);
        SweepSpec spec = checked.spec();
        if (checked.councils()) {
            throw new ScenarioException(checked.at("scenario"), "`scenario` names a folder of councils (" + spec.scenario()
                    + "): run this sweep over every council with `pressure nation --sweep " + sweepFile + "`");
        }
        SweepModel model;
        if (checked.xmile()) {
            Map<String, Location> parameters = new LinkedHashMap<>();
            for (String name : spec.parameterPaths()) parameters.put(name, checked.parameterLocation(name));
            CompiledXmile xmile = XmileCompiler.compile(checked.xmileModel(), parameters);
            xmile.warnings().forEach(w -> warnings.add(Location.ofFile(spec.scenario().toString()), "warning: " + w));
            model = new SweepModel(spec, null, xmile, SweepParser.outputs(checked, xmile), checked.parametersAt());
        } else {
            Node tree = checked.scenarioTree();
            List<Scenarios.Binding> bindings = spec.parameterPaths().stream()
                    .map(p -> new Scenarios.Binding(List.of(p.split("\\.", -1)), checked.parameterLocation(p), "parameter `" + p + "`: "))
                    .toList();
            CompiledScenario compiled = Scenarios.compileWithInputs(tree, spec.scenario().toString(), bindings, warnings);
            Plausibility.check(tree, warnings);
            model = new SweepModel(spec, compiled, null, SweepParser.outputs(checked, compiled), checked.parametersAt());
            compiled.run().check(warnings);
        }
        model.probe(checked);
        // generating code for the model takes milliseconds, and the JIT a moment more: worth it over many runs
        if (SweepParser.totalRuns(spec) >= GENERATE_CODE_FROM_RUNS) model.model().generateCode();
        return model;
    }

    /** Why runs are slower than they could be (generated code could not be made), or null. */
    public String slowPathReason() {
        String generation = model().generationFailure();
        return generation == null ? null : "runs are interpreted, not compiled: " + generation;
    }

    /**
     * Runs each parameter at its low end, an uneven point inside and its high end (the others at
     * their medians) before the sweep starts, so that a range the model cannot take (a floor
     * above 100%, a negative population) is refused now, naming the parameter, not hours in.
     */
    private void probe(SweepParser.Checked checked) {
        List<Distribution> dists = List.copyOf(spec.parameters().values());
        double[] middle = dists.stream().mapToDouble(d -> d.quantile(0.5)).toArray();
        Evaluator evaluator = evaluator();
        double[] out = new double[spec.outputs().size()];
        for (int j = 0; j < dists.size(); j++) {
            Distribution d = dists.get(j);
            // an unbounded end (a normal without min or max) is probed one in a million runs out
            double low = Double.isFinite(d.low()) ? d.low() : d.quantile(1e-6);
            double high = Double.isFinite(d.high()) ? d.high() : d.quantile(1 - 1e-6);
            for (double x : new double[] {low, d.quantile(0.37), high}) {
                double[] values = middle.clone();
                values[j] = x;
                try {
                    evaluator.run(values, out);
                } catch (ScenarioException e) {
                    String path = spec.parameterPaths().get(j);
                    Location at = checked.parameterLocation(path);
                    // a problem found at the parameter itself is told without its place again
                    String why = String.join("; ", e.problems().stream()
                            .map(p -> p.location().equals(at) ? p.message() : p.toString()).toList());
                    throw new ScenarioException(at, "parameter `" + path + "` at "
                            + org.pressure.engine.council.ResultsWriter.number(x) + " (within its range) gives a "
                            + (xmile == null ? "scenario" : "model") + " that cannot run: " + why.replace('\n', ' '));
                }
            }
        }
    }

    @Override
    public Location parametersAt() {
        return parametersAt;
    }

    @Override
    public SweepSpec spec() {
        return spec;
    }

    /** The engine model every run runs, with the parameters as its inputs in the order of the sweep file. */
    public Model model() {
        return compiled != null ? compiled.model() : xmile.model();
    }

    /** The council scenario (as written: every input NaN); null for an XMILE model. */
    public CompiledScenario base() {
        return compiled;
    }

    /** The XMILE model; null for a council scenario. */
    public CompiledXmile xmile() {
        return xmile;
    }

    /** The first year of a council scenario, for outputs that are years and for trajectories (0 for XMILE). */
    @Override
    public int firstYear() {
        return compiled == null ? 0 : compiled.scenario().start();
    }

    /** The number of years of a council scenario (0 for XMILE, which has no year outputs or trajectories). */
    @Override
    public int years() {
        return compiled == null ? 0 : compiled.scenario().years();
    }

    /** The units money is shown in: the scenario's, or none for an XMILE model. */
    public String units() {
        return compiled == null ? "" : compiled.scenario().units();
    }

    /**
     * One run of a council scenario with the given parameter values, in the order of the sweep
     * file; NaN leaves a parameter as the scenario has it.
     */
    public CouncilResult run(double[] values) {
        if (compiled == null) throw new IllegalStateException("an XMILE sweep has no council result");
        return compiled.run(values);
    }

    /**
     * Something that runs this sweep's model again and again, reusing its storage: one per
     * thread. It fills the outputs and trajectories of each run straight from the model's slots.
     */
    public final class Evaluator implements SweepTarget.Evaluation {
        private final double[][] workspace = model().newWorkspace();
        private final SweepParser.Outputs.Reader reader = outputs.reader(compiled);

        /** Runs with {@code values}; writes the outputs into {@code out} and returns each trajectory's values by year. */
        @Override
        public double[][] run(double[] values, double[] out) {
            if (compiled != null) {
                compiled.runOnly(workspace, values);
            } else {
                model().runInto(workspace, values);
            }
            return reader.read(workspace, out);
        }
    }

    @Override
    public Evaluator evaluator() {
        return new Evaluator();
    }
}
