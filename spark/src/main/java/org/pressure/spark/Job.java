package org.pressure.spark;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.pressure.engine.diagnostics.Warnings;
import org.pressure.engine.england.NationModel;
import org.pressure.engine.sweep.Plan;
import org.pressure.engine.sweep.SweepModel;
import org.pressure.engine.sweep.SweepRunner;
import org.pressure.engine.sweep.SweepSpec;
import org.pressure.engine.sweep.SweepTarget;

/**
 * What to run, as the driver and every executor load it: a sweep file (and, for the national
 * batch, its folder of councils) with the command line's --runs and --seed. It travels to the
 * executors as these few strings, not as a compiled model: each executor reads the same files
 * (so they must be at the same path there) and compiles them once.
 *
 * @param nation true for `nation --sweep FILE`, false for `sweep FILE`
 * @param sweepFile the sweep file, absolute
 * @param councils the folder of councils given on the command line (nation only), absolute, or null
 */
record Job(boolean nation, String sweepFile, String councils, Integer runs, Long seed) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Targets compiled in this JVM, one per job: tasks on one executor share it, as the local runner's threads do. */
    private static final Map<Job, Compiled> COMPILED = new ConcurrentHashMap<>();

    /** A job compiled in this JVM: its runner, and its plan for the parameter values of the Parquet rows. */
    record Compiled(SweepRunner runner, Plan plan, SweepSpec spec) {}

    /** Loads and compiles the sweep, collecting warnings (on the driver, which reports them). */
    SweepTarget load(Warnings warnings) {
        Path file = Path.of(sweepFile);
        return nation
                ? NationModel.load(file, councils == null ? null : Path.of(councils), runs, seed, 1, warnings)
                : SweepModel.load(file, runs, seed, warnings);
    }

    /** This job compiled in this JVM, the first time it is asked for. */
    Compiled compiled() {
        return COMPILED.computeIfAbsent(this, j -> {
            SweepTarget target = j.load(Warnings.ignored());
            return new Compiled(new SweepRunner(target, 1, null), Plan.of(target.spec()), target.spec());
        });
    }
}
