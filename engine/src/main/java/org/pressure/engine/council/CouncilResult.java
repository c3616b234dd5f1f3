package org.pressure.engine.council;

import java.util.List;
import org.pressure.engine.diagnostics.Warnings;
import org.pressure.engine.model.Run;

/** One run of a scenario: every column by year, and the indicators. */
public final class CouncilResult {
    private final CompiledScenario compiled;
    private final Run run;
    private final Indicators indicators;
    private final List<org.pressure.engine.diagnostics.Problem> warnings;

    CouncilResult(CompiledScenario compiled, Run run, List<org.pressure.engine.diagnostics.Problem> warnings) {
        this.compiled = compiled;
        this.run = run;
        this.indicators = compiled.indicatorsOf(run);
        this.warnings = List.copyOf(warnings);
    }

    /**
     * What the run found legal but worth a word, located in the file (a council tax rise capped
     * by its referendum limit); each message starts with "warning: ".
     */
    public List<org.pressure.engine.diagnostics.Problem> warnings() {
        return warnings;
    }

    /** Cost and failure cost by agency, summed over the years, the council first (section 14). */
    public java.util.Map<String, double[]> agencyTotals() {
        java.util.Map<String, double[]> m = new java.util.LinkedHashMap<>();
        Scenario sc = scenario();
        if (!sc.part2().used()) {
            double cost = 0, failure = 0;
            double[] stat = column("statutory_spend"), funded = column("discretionary_funded");
            for (int i = 0; i < years(); i++) cost += stat[i] + funded[i];
            for (Service s : sc.services().values()) for (double x : column(Columns.failureCost(s.name()))) failure += x;
            m.put(Service.COUNCIL, new double[] {cost, failure});
            return m;
        }
        for (String a : Part2Compiler.agencies(sc)) {
            double cost = 0, failure = 0;
            for (double x : column(Columns.agency(a, "cost"))) cost += x;
            for (double x : column(Columns.agency(a, "failure_cost"))) failure += x;
            m.put(a, new double[] {cost, failure});
        }
        return m;
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
