package org.pressure.engine.council;

import java.util.List;
import org.pressure.engine.diagnostics.ScenarioException;
import org.pressure.engine.model.Model;
import org.pressure.engine.model.NumericBlowUpException;
import org.pressure.engine.model.Run;

/**
 * A scenario compiled once, ready to run as often as needed: the model, and the
 * {@code results.csv} columns after {@code year}, each with its model slot.
 */
public final class CompiledScenario {
    private final Scenario scenario;
    private final Model model;
    private final List<Column> columns;
    private final Indicators.Slots indicatorSlots;

    private final List<RiseCheck> riseChecks;

    /** One output column: its header and the model slot it shows. */
    public record Column(String header, int slot) {}

    /** A council tax stream whose rise is capped by a referendum limit: checked after a run, for warnings. */
    record RiseCheck(String stream, org.pressure.engine.diagnostics.Location location, int rise, int limit) {}

    private final java.util.Set<String> usedInputs;

    /** What a broken guard of the model's formulas means: which check, of which service. */
    record Guard(Kind kind, int index) {
        enum Kind {
            /** A discretionary service's floor outside 0 to 100% ({@code index} among the discretionary services). */
            FLOOR,
            /** Savings above a council service's cost ({@code index} among the council's services). */
            NEGATIVE_BUDGET
        }
    }

    private final List<Guard> guards;

    CompiledScenario(Scenario scenario, Model model, List<Column> columns, List<RiseCheck> riseChecks,
                     java.util.Set<String> usedInputs, List<Guard> guards) {
        this.scenario = scenario;
        this.guards = List.copyOf(guards);
        this.usedInputs = java.util.Set.copyOf(usedInputs);
        this.model = model;
        this.columns = List.copyOf(columns);
        this.riseChecks = List.copyOf(riseChecks);
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
     * Runs into a workspace from {@code model().newWorkspace()}, for sweeps, which need a few
     * numbers from very many runs: the values stay in the workspace (by slot, see
     * {@link Model#slot}) until the next run; read the indicators wanted with
     * {@link #indicator} or {@link #indicators}.
     */
    public void runOnly(double[][] workspace, double[] inputs) {
        try {
            model.runInto(workspace, inputs);
        } catch (NumericBlowUpException e) {
            throw blowUp(e);
        } catch (RuntimeException e) {
            throw refusal(e);
        }
    }

    /** Whether {@link #indicator} works out {@code i} without the others. */
    public static boolean alone(Indicator i) {
        return Indicators.alone(i);
    }

    /** One indicator of the run in {@code workspace}; NaN where it never happens. */
    public double indicator(Indicator i, double[][] workspace) {
        return Indicators.one(i, scenario, indicatorSlots, workspace);
    }

    /** Every indicator of the run in {@code workspace}. */
    public Indicators indicators(double[][] workspace) {
        return Indicators.of(scenario, indicatorSlots, workspace);
    }

    /** Where the quantity behind a slot was written: its driver, income stream or service; else the file. */
    private org.pressure.engine.diagnostics.Location where(String slot) {
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

    /**
     * A year that breaks a rule of the model, as a problem in the file: a floor outside 0 to 100%,
     * savings above a service's cost, a cohort state losing more than all its people.
     */
    private RuntimeException refusal(RuntimeException e) {
        if (e instanceof org.pressure.engine.model.Functions.GuardFailure g) {
            Guard rule = guards.get(g.code());
            return rule.kind() == Guard.Kind.FLOOR ? floor(rule.index(), g.step(), g.value())
                    : negativeBudget(rule.index(), g.step(), g.value());
        }
        if (e instanceof CohortFlows.RateAboveAllException r) return rateAboveAll(r);
        return e;
    }

    private ScenarioException negativeBudget(int line, int step, double value) {
        Service s = scenario.services().values().stream().filter(Service::council).toList().get(line);
        int year = scenario.start() + step;
        List<Scenario.Saving> on = scenario.part2().savings().stream().filter(x -> x.service().equals(s.name())).toList();
        double cost = value;
        String names = String.join(", ", on.stream().map(x -> "`" + x.name() + "`").toList());
        return new ScenarioException(on.isEmpty() ? s.location() : on.get(0).location(), "the savings on `" + s.name()
                + "` (" + names + ") are more than its cost in " + Scenario.financialYear(year) + ": its budget would be "
                + ResultsWriter.number(cost) + " " + scenario.units() + "; a saving cannot take a service below nothing");
    }

    private ScenarioException rateAboveAll(CohortFlows.RateAboveAllException e) {
        Scenario.Cohort c = List.copyOf(scenario.part2().cohorts().values()).get(e.cohort);
        String state = List.copyOf(c.states().keySet()).get(e.state);
        return new ScenarioException(c.location(), "cohort `" + c.name() + "`, state `" + state + "`: in "
                + Scenario.financialYear(scenario.start() + e.step) + " its exit and transition rates add up to "
                + ResultsWriter.number(Math.round(e.out * 1e6) / 1e4) + "%, more than all of its people; the rates out "
                + "of a state (exit and every transition from it) must add up to at most 100% in every year");
    }

    /** Warnings a run raises: a council tax rise above its referendum limit (capped at it). */
    private List<org.pressure.engine.diagnostics.Problem> warnings(Run run) {
        List<org.pressure.engine.diagnostics.Problem> out = new java.util.ArrayList<>();
        for (RiseCheck c : riseChecks) {
            double[] rise = run.column(c.rise()), limit = run.column(c.limit());
            // one warning for each run of consecutive years with the same rise and limit
            for (int t = 1; t < rise.length; t++) {
                if (!(rise[t] > limit[t] + 1e-12)) continue;
                int last = t;
                while (last + 1 < rise.length && rise[last + 1] == rise[t] && limit[last + 1] == limit[t]) last++;
                String years = Scenario.financialYear(scenario.start() + t)
                        + (last > t ? " to " + Scenario.financialYear(scenario.start() + last) : "");
                out.add(new org.pressure.engine.diagnostics.Problem(c.location(), "warning: `income." + c.stream()
                        + ".rise` is " + percent(rise[t]) + " in " + years + ", above the referendum limit of "
                        + percent(limit[t]) + "; the rise is capped at the limit (a higher rise needs a local referendum)"));
                t = last;
            }
        }
        return out;
    }

    private static String percent(double share) {
        return ResultsWriter.number(Math.round(share * 1e6) / 1e4) + "%";
    }

    private ScenarioException floor(int service, int step, double value) {
        Service s = scenario.services().values().stream().filter(x -> !x.statutory()).toList().get(service);
        return new ScenarioException(s.floor() == null ? s.location() : s.floor().location(), "services." + s.name()
                + ".floor is " + ResultsWriter.number(value * 100) + "% in " + Scenario.financialYear(scenario.start()
                + step) + "; a floor is the share of planned spend that cannot be cut, from 0% to 100%");
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
        double[] asWritten = new double[model.inputCount()];
        java.util.Arrays.fill(asWritten, Double.NaN);
        return run(asWritten);
    }

    /** Whether some series of the scenario reads the input called {@code name}. */
    public boolean usesInput(String name) {
        return usedInputs.contains(name);
    }

    /** Runs with the given input values (see {@link CouncilCompiler#compile(Scenario, List)}); NaN keeps a value as written. */
    public CouncilResult run(double[] inputs) {
        Run run;
        try {
            run = model.run(inputs);
        } catch (NumericBlowUpException e) {
            throw blowUp(e);
        } catch (RuntimeException e) {
            throw refusal(e);
        }
        return new CouncilResult(this, run, warnings(run));
    }
}
