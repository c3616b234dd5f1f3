/**
 * Goal seek: levers over a compiled scenario, targets on its outputs, bracketing and bisection
 * for one lever, CMA-ES for several or for an objective.
 */
package org.pressure.engine.solve;
