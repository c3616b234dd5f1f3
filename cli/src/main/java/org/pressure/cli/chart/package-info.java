/**
 * Charts of runs, sweeps, comparisons and decisions, in one theme (JFreeChart), written as PNG,
 * SVG or PDF at a size in pixels or in print units.
 */
package org.pressure.cli.chart;
