/**
 * Scenario discovery over a table of runs: PRIM (peeling, pasting, quasi-p-values), the
 * conditions that mark runs of interest, and reading a sweep's {@code runs.csv} or any CSV.
 */
package org.pressure.engine.discover;
