package org.pressure.engine.council;

import org.pressure.engine.scenario.Node;
import org.pressure.engine.scenario.TreeReader;

/** Builds scenarios from YAML text for tests. */
final class Scenarios4Test {
    private Scenarios4Test() {}

    static Scenario parse(String yaml) {
        Node tree = TreeReader.parse(yaml, "test.yaml", false);
        return ScenarioParser.parse(tree, "test.yaml");
    }

    static CouncilResult run(String yaml) {
        return CouncilCompiler.compile(parse(yaml)).run();
    }
}
