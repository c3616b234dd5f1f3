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
        Scenario scenario = ScenarioParser.parse(tree, file.toString(), warnings);
        Plausibility.check(tree, warnings);
        return scenario;
    }

    /** The scenario's tree with {@code extends} and overrides applied, comments kept: for listing assumptions. */
    public static Node tree(Path file, List<String> overrides) {
        Node tree = TreeLoader.load(file);
        if (org.pressure.engine.sweep.SweepParser.isSweep(tree)) {
            Node.MapNode m = (Node.MapNode) tree;
            throw new ScenarioException(m.keyLocation(m.entries().containsKey("sweep") ? "sweep" : "scenario"),
                    "this is a sweep file, not a scenario: run it with `pressure sweep " + file + "`");
        }
        List<Overrides.Override> parsed = overrides.stream().map(Overrides::parse).toList();
        for (Overrides.Override o : parsed) {
            if (o.path().get(0).equals("extends")) {
                throw new ScenarioException(org.pressure.engine.diagnostics.Location.ofFile(o.source()), "`extends` is read "
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
}
