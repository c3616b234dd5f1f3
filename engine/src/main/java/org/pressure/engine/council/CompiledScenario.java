package org.pressure.engine.council;

import java.util.List;
import org.pressure.engine.model.Model;
import org.pressure.engine.model.NumericBlowUpException;
import org.pressure.engine.model.Run;
import org.pressure.engine.scenario.ScenarioException;

/**
 * A scenario compiled once, ready to run as often as needed.
 *
 * @param columns the {@code results.csv} columns after {@code year}, each with its model slot
 */
public record CompiledScenario(Scenario scenario, Model model, List<Column> columns) {

    /** One output column: its header and the model slot it shows. */
    public record Column(String header, int slot) {}

    public CompiledScenario {
        columns = List.copyOf(columns);
    }

    /**
     * Runs the model and works out the indicators.
     *
     * @throws ScenarioException when a value becomes infinite or not a number, naming it and the year
     */
    public CouncilResult run() {
        return run(new double[0]);
    }

    /** Runs with the given input values (see {@link CouncilCompiler#compile(Scenario, List)}). */
    public CouncilResult run(double[] inputs) {
        Run run;
        try {
            run = model.run(inputs);
        } catch (NumericBlowUpException e) {
            int year = scenario.start() + e.step();
            throw new ScenarioException(scenario.location(), e.variable() + " became "
                    + (e.notANumber() ? "not a number" : "infinite") + " in " + Scenario.financialYear(year)
                    + "; check the growth rates and divisions that feed it");
        }
        return new CouncilResult(this, run);
    }
}
