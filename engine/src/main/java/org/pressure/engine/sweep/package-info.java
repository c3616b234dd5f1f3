/**
 * Sweeps: the sweep file and every check of it ({@code SweepParser}), designs (grid, random,
 * Latin hypercube, Sobol, Morris, one at a time), distributions and correlations, the model a
 * sweep runs with its parameters as inputs (a council scenario or an XMILE model), the runner
 * that runs it many times on worker threads, streaming outputs ({@code runs.csv},
 * {@code summary.json}), exact percentiles and sensitivity indices.
 */
package org.pressure.engine.sweep;
