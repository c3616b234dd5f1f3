package org.pressure.engine.council;

import java.nio.file.Path;
import java.util.List;
import org.pressure.engine.diagnostics.ScenarioException;
import org.pressure.engine.diagnostics.Warnings;
import org.pressure.engine.scenario.Node;
import org.pressure.engine.scenario.Overrides;
import org.pressure.engine.scenario.TreeLoader;

/** The front door for scenario files: read, resolve {@code extends}, apply overrides, validate, compile. */
public final class Scenarios {
    private Scenarios() {}

    /** Reads and validates a scenario; every problem is reported together as a ScenarioException. */
    public static Scenario load(Path file, List<String> overrides) {
        return load(file, overrides, Warnings.ignored());
    }

    /**
     * Reads and validates a scenario, adding to {@code warnings} every value that is allowed but
     * implausible (see {@link Plausibility}).
     */
    public static Scenario load(Path file, List<String> overrides, Warnings warnings) {
        Node tree = tree(file, overrides);
        Scenario scenario;
        try {
            scenario = ScenarioParser.parse(tree, file.toString(), warnings);
        } catch (ScenarioException e) {
            // the slips in a file that also has errors are shown with them, not one fix later
            try {
                Plausibility.check(tree, warnings);
            } catch (RuntimeException ignored) {
                // a value too malformed to judge: its error says enough
            }
            throw e;
        }
        Plausibility.check(tree, warnings);
        return scenario;
    }

    /** The scenario's tree with {@code extends} and overrides applied, comments kept: for listing assumptions. */
    public static Node tree(Path file, List<String> overrides) {
        Node tree = TreeLoader.load(file);
        if (org.pressure.engine.scenario.ScenarioShape.isSweep(tree)) {
            Node.MapNode m = (Node.MapNode) tree;
            throw new ScenarioException(m.keyLocation(m.entries().containsKey("sweep") ? "sweep" : "scenario"),
                    "this is a sweep file, not a scenario: run it with `pressure sweep " + file + "`");
        }
        List<Overrides.Override> parsed = overrides.stream().map(Overrides::parse).toList();
        for (Overrides.Override o : parsed) {
            if (o.path().get(0).equals("extends")) {
                throw new ScenarioException(org.pressure.engine.diagnostics.Location.ofOption(o.source()), "`extends` is read "
                        + "before overrides apply, so it cannot be set with --set; write a file that extends the one you want");
            }
        }
        return Overrides.apply(tree, parsed);
    }

    /** Reads, validates and compiles a scenario, checking everything a run would. */
    public static CompiledScenario compile(Path file, List<String> overrides) {
        return CouncilCompiler.compile(load(file, overrides));
    }

    /** Reads, validates and compiles a scenario, adding its warnings to {@code warnings}. */
    public static CompiledScenario compile(Path file, List<String> overrides, Warnings warnings) {
        return CouncilCompiler.compile(load(file, overrides, warnings));
    }

    /**
     * A value of a scenario that each run sets: its path (as {@code --set} takes it), where it was
     * named, and how problems with it begin ({@code "parameter `drivers.cpi`: "}, or empty where
     * the location already names it, as a command-line option does).
     */
    public record Binding(List<String> path, org.pressure.engine.diagnostics.Location location, String prefix) {
        public String name() {
            return String.join(".", path);
        }
    }

    /**
     * Reads and compiles a scenario tree once, with each binding's value an input of the model
     * (in the order given): a run gives each a value, or NaN for the value as written. Only a
     * series can be an input; a binding anywhere else (a delay, the first year, an opening
     * balance) is refused, saying why, as is one at a path the scenario does not have or does
     * not use.
     */
    public static CompiledScenario compileWithInputs(Node tree, String file, List<Binding> bindings, Warnings warnings) {
        org.pressure.engine.diagnostics.Problems problems = new org.pressure.engine.diagnostics.Problems();
        Node marked = tree;
        for (Binding b : bindings) {
            String missing = Overrides.missing(tree, b.path());
            if (missing != null) {
                problems.add(b.location(), b.prefix() + missing);
                continue;
            }
            Node.InputNode input = new Node.InputNode(b.location(), b.name(), Overrides.nodeAt(tree, b.path()));
            marked = Overrides.set(marked, new Overrides.Override(b.path(), "", b.location().toString()), input);
        }
        problems.throwIfAny();
        Scenario scenario = ScenarioParser.parse(marked, file, warnings);
        CompiledScenario compiled = CouncilCompiler.compile(scenario, bindings.stream().map(Binding::name).toList());
        for (Binding b : bindings) {
            if (!compiled.usesInput(b.name())) {
                problems.add(b.location(), b.prefix() + "the scenario does not use `" + b.name()
                        + "` in any run (a description, a source or a name is not a number of the model)");
            }
        }
        problems.throwIfAny();
        return compiled;
    }
}
