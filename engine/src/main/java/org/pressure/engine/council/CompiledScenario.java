package org.pressure.engine.council;

import java.util.List;
import org.pressure.engine.model.Model;
import org.pressure.engine.model.NumericBlowUpException;
import org.pressure.engine.model.Run;
import org.pressure.engine.scenario.ScenarioException;

/**
 * A scenario compiled once, ready to run as often as needed: the model, and the
 * {@code results.csv} columns after {@code year}, each with its model slot.
 */
public final class CompiledScenario {
    private final Scenario scenario;
    private final Model model;
    private final List<Column> columns;
    private final Indicators.Slots indicatorSlots;

    /** One output column: its header and the model slot it shows. */
    public record Column(String header, int slot) {}

    CompiledScenario(Scenario scenario, Model model, List<Column> columns) {
        this.scenario = scenario;
        this.model = model;
        this.columns = List.copyOf(columns);
        this.indicatorSlots = Indicators.Slots.of(model, scenario);
        long values = (long) model.slotCount() * scenario.years();
        if (values > MAX_VALUES) {
            throw new ScenarioException(scenario.location(), "a run would keep " + values + " values (" + model.slotCount()
                    + " quantities over " + scenario.years() + " years); the limit is " + MAX_VALUES
                    + ": fewer years or fewer drivers, income streams and services");
        }
    }

    /** Most values one run may keep in memory: quantities times years. */
    public static final long MAX_VALUES = 20_000_000;

    public Scenario scenario() {
        return scenario;
    }

    public Model model() {
        return model;
    }

    public List<Column> columns() {
        return columns;
    }

    Indicators indicatorsOf(Run run) {
        double[][] v = new double[model.slotCount()][];
        for (int i = 0; i < v.length; i++) v[i] = run.column(i);
        return Indicators.of(scenario, indicatorSlots, v);
    }

    /**
     * Runs into a workspace from {@code model().newWorkspace()} and returns the indicators; the
     * values stay in the workspace (by slot, see {@link Model#slot}) until the next run. For
     * sweeps, which need a few numbers from very many runs.
     */
    public Indicators runInto(double[][] workspace, double[] inputs) {
        try {
            model.runInto(workspace, inputs);
        } catch (NumericBlowUpException e) {
            throw blowUp(e);
        } catch (BudgetBalancer.FloorOutOfRangeException e) {
            throw floor(e);
        }
        return Indicators.of(scenario, indicatorSlots, workspace);
    }

    /** Where the quantity behind a slot was written: its driver, income stream or service; else the file. */
    private org.pressure.engine.scenario.Location where(String slot) {
        String[] parts = slot.split("\\.");
        if (parts.length >= 2) {
            Series s = parts[0].equals("driver") ? scenario.drivers().get(parts[1])
                    : parts[0].equals("income") ? scenario.income().get(parts[1]) : null;
            if (s != null) return s.location();
            Service service = parts[0].equals("service") ? scenario.services().get(parts[1]) : null;
            if (service != null) return service.location();
        }
        return scenario.location();
    }

    private ScenarioException floor(BudgetBalancer.FloorOutOfRangeException e) {
        Service s = scenario.services().values().stream().filter(x -> !x.statutory()).toList().get(e.service);
        return new ScenarioException(s.floor() == null ? s.location() : s.floor().location(), "services." + s.name()
                + ".floor is " + ResultsWriter.number(e.value * 100) + "% in " + Scenario.financialYear(scenario.start()
                + e.step) + "; a floor is the share of planned spend that cannot be cut, from 0% to 100%");
    }

    private ScenarioException blowUp(NumericBlowUpException e) {
        int year = scenario.start() + e.step();
        return new ScenarioException(where(e.variable()), e.variable() + " became "
                + (e.notANumber() ? "not a number" : "infinite") + " in " + Scenario.financialYear(year)
                + "; check the growth rates and divisions that feed it");
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
            throw blowUp(e);
        } catch (BudgetBalancer.FloorOutOfRangeException e) {
            throw floor(e);
        }
        return new CouncilResult(this, run);
    }
}
