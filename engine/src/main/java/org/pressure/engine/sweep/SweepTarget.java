package org.pressure.engine.sweep;

import org.pressure.engine.diagnostics.Location;

/**
 * What a sweep runs, compiled once: a run is "these parameter values in, these outputs and
 * trajectories out". One scenario or XMILE model ({@link SweepModel}), or many councils run
 * together with shared national parameters (the national batch); the {@link SweepRunner} treats
 * them alike, so designs, determinism, summaries and {@code --resume} are the same for both.
 */
public interface SweepTarget {
    /** The sweep: design, parameters, outputs and trajectories, in the order runs fill them. */
    SweepSpec spec();

    /** The first year, for outputs that are years and for trajectories (0 where there are none). */
    int firstYear();

    /** The number of years of each trajectory (0 where there are none). */
    int years();

    /** Where the parameters are written, for problems of one run (its values came from them). */
    Location parametersAt();

    /** Something that runs again and again, reusing its storage: one per thread. */
    Evaluation evaluator();

    /** Runs with given parameter values (NaN: as written), writing the outputs; returns each trajectory's values by year. */
    interface Evaluation {
        double[][] run(double[] values, double[] out);
    }
}
