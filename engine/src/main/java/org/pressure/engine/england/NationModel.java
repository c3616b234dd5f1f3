package org.pressure.engine.england;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pressure.engine.council.CompiledScenario;
import org.pressure.engine.council.Indicator;
import org.pressure.engine.council.Indicators;
import org.pressure.engine.council.Scenarios;
import org.pressure.engine.diagnostics.Location;
import org.pressure.engine.diagnostics.Problems;
import org.pressure.engine.diagnostics.ScenarioException;
import org.pressure.engine.diagnostics.Warnings;
import org.pressure.engine.sweep.OutputSpec;
import org.pressure.engine.sweep.SweepParser;
import org.pressure.engine.sweep.SweepSpec;
import org.pressure.engine.sweep.SweepTarget;

/**
 * The national batch as one sweep target: a run sets the sweep's national parameters once and
 * runs every council with them, so that councils move together as they do when pay or demand
 * turns out higher for all. Its outputs, in this order: for each year, how many councils cannot
 * balance by then ({@code councils_failing@YEAR}); the sector's summed indicators
 * ({@code sector.cumulative_gap}, {@code sector.public_cost_total}); then each council's recorded
 * indicators ({@code CODE.failure_year}, ...), so that a council's year output's {@code by_year}
 * in summary.json is its probability of failing by each year. Its trajectories are the sector's
 * sums of the named columns (the summed budget gap and reserves).
 */
public final class NationModel implements SweepTarget {
    /** The sector's sums recorded in each run, after the counts of failing councils. */
    static final List<Indicator> SECTOR = List.of(Indicator.CUMULATIVE_GAP, Indicator.PUBLIC_COST_TOTAL);

    private final Nation nation;
    private final SweepSpec spec;
    private final List<Indicator> recorded;
    private final Location parametersAt;
    private final int[][] trajectorySlots;
    private final boolean together;

    private NationModel(Nation nation, SweepSpec spec, List<Indicator> recorded, Location parametersAt, int[][] trajectorySlots) {
        this.nation = nation;
        this.spec = spec;
        this.recorded = recorded;
        this.parametersAt = parametersAt;
        this.trajectorySlots = trajectorySlots;
        boolean t = false;
        for (Indicator i : recorded) t |= !CompiledScenario.alone(i);
        for (Indicator i : SECTOR) t |= !CompiledScenario.alone(i);
        this.together = t;
    }

    /**
     * Reads a sweep file whose {@code scenario:} names a folder of councils, and compiles every
     * council with the sweep's parameters as inputs.
     *
     * @param folder the folder given on the command line, which must be the one the sweep names (null: the sweep's)
     */
    public static NationModel load(Path sweepFile, Path folder, Integer runs, Long seed, int threads, Warnings warnings) {
        SweepParser.Checked checked = SweepParser.read(sweepFile, runs, seed);
        SweepSpec file = checked.spec();
        if (!checked.councils()) {
            throw new ScenarioException(checked.at("scenario"), "`scenario` must name a folder of councils made by "
                    + "`pressure import ra` for `pressure nation --sweep`; a sweep of one scenario runs with `pressure sweep "
                    + sweepFile + "`");
        }
        if (folder != null && !folder.toAbsolutePath().normalize().equals(file.scenario().toAbsolutePath().normalize())) {
            throw new ScenarioException(checked.at("scenario"), "this sweep runs the councils in " + file.scenario()
                    + ", not " + folder + " (given on the command line); give one, or make them the same");
        }
        Problems problems = new Problems();
        List<Indicator> recorded = new ArrayList<>();
        for (OutputSpec o : file.outputs()) {
            if (o.indicator() == null) {
                problems.add(checked.at("outputs"), "output `" + o.name() + "`: a national sweep records indicators of "
                        + "every council (" + String.join(", ", Indicator.NAMES) + "), not COLUMN@YEAR");
            } else {
                recorded.add(Indicator.named(o.indicator()));
            }
        }
        if (!recorded.contains(Indicator.FAILURE_YEAR)) recorded.add(0, Indicator.FAILURE_YEAR);
        problems.throwIfAny();
        List<Scenarios.Binding> bindings = new ArrayList<>();
        checked.parameterLocations().forEach((path, at) -> bindings.add(new Scenarios.Binding(List.of(path.split("\\.", -1)),
                at, "parameter `" + path + "`: ")));
        Nation nation = Nation.load(file.scenario(), bindings, threads, warnings);

        List<OutputSpec> outputs = new ArrayList<>();
        for (int y = nation.start(); y <= nation.end(); y++) outputs.add(OutputSpec.column("councils_failing@" + y, "councils_failing", y));
        for (Indicator i : SECTOR) outputs.add(new OutputSpec("sector." + i.key, null, "sector." + i.key, null));
        for (Nation.Council c : nation.councils()) {
            for (Indicator i : recorded) outputs.add(new OutputSpec(c.entry().code() + "." + i.key, i.key, null, null));
        }
        int[][] slots = new int[file.trajectories().size()][nation.councils().size()];
        for (int t = 0; t < slots.length; t++) {
            String column = file.trajectories().get(t);
            for (int k = 0; k < nation.councils().size(); k++) {
                CompiledScenario c = nation.councils().get(k).compiled();
                if (c.columns().stream().noneMatch(col -> col.header().equals(column))) {
                    throw new ScenarioException(checked.at("trajectories"), "trajectory `" + column + "` is not a results.csv "
                            + "column of council " + nation.councils().get(k).entry().code());
                }
                slots[t][k] = c.model().slot(column);
            }
        }
        SweepSpec spec = new SweepSpec(file.name(), file.sweepFile(), file.scenario(), file.design(), file.runs(), file.levels(),
                file.seed(), file.parameters(), outputs, file.trajectories(), file.correlations());
        NationModel model = new NationModel(nation, spec, List.copyOf(recorded), checked.parametersAt(), slots);
        if (SweepParser.totalRuns(spec) * nation.councils().size() >= 2_000) {
            Nation.parallel(nation.councils(), threads, c -> c.compiled().model().generateCode());
        }
        return model;
    }

    public Nation nation() {
        return nation;
    }

    @Override
    public SweepSpec spec() {
        return spec;
    }

    @Override
    public int firstYear() {
        return nation.start();
    }

    @Override
    public int years() {
        return nation.years();
    }

    @Override
    public Location parametersAt() {
        return parametersAt;
    }

    @Override
    public Evaluation evaluator() {
        List<Nation.Council> councils = nation.councils();
        double[][][] workspaces = new double[councils.size()][][];
        for (int k = 0; k < workspaces.length; k++) workspaces[k] = councils.get(k).compiled().model().newWorkspace();
        int years = nation.years(), start = nation.start();
        return (values, out) -> {
            java.util.Arrays.fill(out, 0, years + SECTOR.size(), 0);
            double[][] trajectories = new double[trajectorySlots.length][years];
            int at = years + SECTOR.size();
            for (int k = 0; k < workspaces.length; k++) {
                Nation.Council c = councils.get(k);
                double[][] ws = workspaces[k];
                try {
                    c.compiled().runOnly(ws, values);
                } catch (ScenarioException e) {
                    throw new ScenarioException(c.compiled().scenario().location(), "council " + c.entry().code() + " ("
                            + c.entry().name() + "): " + e.getMessage().replace('\n', ' '));
                }
                Indicators all = together ? c.compiled().indicators(ws) : null;
                for (Indicator i : recorded) out[at++] = all != null ? all.number(i) : c.compiled().indicator(i, ws);
                double failure = all != null ? all.number(Indicator.FAILURE_YEAR) : c.compiled().indicator(Indicator.FAILURE_YEAR, ws);
                NationRun.countFailing(out, years, failure, start);   // out begins with the counts, one a year
                for (int s = 0; s < SECTOR.size(); s++) {
                    out[years + s] += all != null ? all.number(SECTOR.get(s)) : c.compiled().indicator(SECTOR.get(s), ws);
                }
                for (int t = 0; t < trajectorySlots.length; t++) {
                    double[] v = ws[trajectorySlots[t][k]];
                    for (int y = 0; y < years; y++) trajectories[t][y] += v[y];
                }
            }
            return trajectories;
        };
    }
}
