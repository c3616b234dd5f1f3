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
 * parameters) so that a goal seek can run it many times cheaply. Where a lever's path does not
 * hold a series, the scenario is rebuilt for each run instead: slower, same answers.
 */
public final class LeverModel {
    private final Path file;
    private final Node tree;
    private final List<Lever> levers;
    private final CompiledScenario base;
    private final CompiledScenario withInputs;

    private LeverModel(Path file, Node tree, List<Lever> levers, CompiledScenario base, CompiledScenario withInputs) {
        this.file = file;
        this.tree = tree;
        this.levers = List.copyOf(levers);
        this.base = base;
        this.withInputs = withInputs;
    }

    /**
     * Reads and checks the scenario (with {@code --set} overrides), checks that every lever's
     * path names a value of it, and that the scenario runs at both ends of every range.
     */
    public static LeverModel load(Path file, List<String> overrides, List<Lever> levers) {
        Node tree = Scenarios.tree(file, overrides);
        CompiledScenario base = CouncilCompiler.compile(ScenarioParser.parse(tree, file.toString()));
        Problems problems = new Problems();
        for (Lever l : levers) {
            String missing = SweepModel.missing(tree, l.segments());
            if (missing != null) problems.add(l.location(), missing + " (a lever must name a value the scenario has)");
        }
        problems.throwIfAny();
        List<String> inputs = new ArrayList<>();
        Node marked = tree;
        for (int i = 0; i < levers.size(); i++) {
            inputs.add("__lever_" + i);
            marked = Overrides.set(marked, override(levers.get(i)), new Node.ScalarNode(levers.get(i).location(),
                    "=__lever_" + i, Node.ScalarKind.STRING));
        }
        CompiledScenario withInputs;
        try {
            withInputs = CouncilCompiler.compile(ScenarioParser.parse(marked, file.toString()), inputs);
        } catch (ScenarioException e) {
            withInputs = null;
        }
        LeverModel model = new LeverModel(file, tree, levers, base, withInputs);
        model.probe();
        return model;
    }

    private static Overrides.Override override(Lever l) {
        return new Overrides.Override(l.segments(), "", l.location().toString());
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

    /** The scenario as written (with its overrides), without any lever moved. */
    public CompiledScenario base() {
        return base;
    }

    /** One run with the levers at {@code values}, in the order given. */
    public CouncilResult run(double[] values) {
        if (withInputs != null) return withInputs.run(values);
        Node t = tree;
        for (int i = 0; i < values.length; i++) {
            t = Overrides.set(t, override(levers.get(i)), new Node.ScalarNode(levers.get(i).location(),
                    Double.toString(values[i]), Node.ScalarKind.NUMBER));
        }
        return CouncilCompiler.compile(ScenarioParser.parse(t, file.toString())).run();
    }
}
