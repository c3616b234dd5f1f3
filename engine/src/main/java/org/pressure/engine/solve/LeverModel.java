package org.pressure.engine.solve;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pressure.engine.council.CompiledScenario;
import org.pressure.engine.council.CouncilCompiler;
import org.pressure.engine.council.CouncilResult;
import org.pressure.engine.council.ScenarioParser;
import org.pressure.engine.council.Scenarios;
import org.pressure.engine.diagnostics.Location;
import org.pressure.engine.diagnostics.Problems;
import org.pressure.engine.diagnostics.ScenarioException;
import org.pressure.engine.scenario.Node;
import org.pressure.engine.scenario.Overrides;
import org.pressure.engine.sweep.SweepModel;

/**
 * A scenario with some of its values turned into levers, compiled once (as a sweep compiles its
 * parameters) so that a goal seek can run it many times cheaply. A lever must be a series of the
 * scenario; anywhere else it is refused, saying why.
 */
public final class LeverModel {
    private final List<Lever> levers;
    private final CompiledScenario withInputs;

    private LeverModel(List<Lever> levers, CompiledScenario withInputs) {
        this.levers = List.copyOf(levers);
        this.withInputs = withInputs;
    }

    /**
     * Reads and checks the scenario (with {@code --set} overrides), checks that every lever's
     * path names a series of it, and that the scenario runs at both ends of every range.
     */
    public static LeverModel load(Path file, List<String> overrides, List<Lever> levers) {
        Node tree = Scenarios.tree(file, overrides);
        List<Scenarios.Binding> bindings = levers.stream().map(l -> new Scenarios.Binding(l.segments(), l.location(), "")).toList();
        LeverModel model = new LeverModel(levers, Scenarios.compileWithInputs(tree, file.toString(), bindings,
                org.pressure.engine.diagnostics.Warnings.ignored()));
        model.probe();
        return model;
    }

    /** Runs every lever at its ends (the others at their middles) so a range the scenario cannot take is refused now. */
    private void probe() {
        double[] middle = levers.stream().mapToDouble(l -> (l.low() + l.high()) / 2).toArray();
        for (int j = 0; j < levers.size(); j++) {
            Lever l = levers.get(j);
            for (double x : new double[] {l.low(), l.high()}) {
                double[] values = middle.clone();
                values[j] = x;
                try {
                    run(values);
                } catch (ScenarioException e) {
                    throw new ScenarioException(l.location(), "at " + l.show(x) + " the scenario cannot run: "
                            + e.getMessage().replace('\n', ' '));
                }
            }
        }
    }

    public List<Lever> levers() {
        return levers;
    }

    /** The scenario as written (with its overrides), without any lever moved: every input left as written. */
    public CompiledScenario base() {
        return withInputs;
    }

    /** One run with the levers at {@code values}, in the order given; NaN leaves a lever as written. */
    public CouncilResult run(double[] values) {
        return withInputs.run(values);
    }
}
