package org.pressure.engine.council;

import java.util.List;
import org.pressure.engine.model.Run;
import org.pressure.engine.scenario.Warnings;

/** One run of a scenario: every column by year, and the indicators. */
public final class CouncilResult {
    private final CompiledScenario compiled;
    private final Run run;
    private final Indicators indicators;

    CouncilResult(CompiledScenario compiled, Run run) {
        this.compiled = compiled;
        this.run = run;
        this.indicators = compiled.indicatorsOf(run);
    }

    public Scenario scenario() {
        return compiled.scenario();
    }

    public Indicators indicators() {
        return indicators;
    }

    public int years() {
        return run.steps();
    }

    public int year(int index) {
        return scenario().start() + index;
    }

    /**
     * Adds to {@code warnings} what this run shows to be allowed but probably not meant, each
     * located at the value in the scenario file that gives it (see {@link RunChecks}).
     */
    public void check(Warnings warnings) {
        RunChecks.check(this, warnings);
    }

    /** The {@code results.csv} columns after {@code year}, in order. */
    public List<CompiledScenario.Column> columns() {
        return compiled.columns();
    }

    /** A column by its {@code results.csv} header, indexed by year from the start. Not a copy: do not modify. */
    public double[] column(String header) {
        return run.column(header);
    }

    public boolean hasColumn(String header) {
        return run.has(header);
    }

    /** The value of a column in a financial year. */
    public double value(String header, int year) {
        return column(header)[year - scenario().start()];
    }
}
