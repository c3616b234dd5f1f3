/**
 * Sweeps: the sweep file, designs (grid, random, Latin hypercube, Sobol, Morris, one at a time),
 * distributions and correlations, the runner that runs one compiled model many times on worker
 * threads, streaming outputs ({@code runs.csv}, {@code summary.json}) and sensitivity indices.
 */
package org.pressure.engine.sweep;
