/**
 * Problems and warnings for people: a {@link org.pressure.engine.diagnostics.Location} (a file
 * and line, or an option), a {@link org.pressure.engine.diagnostics.Problem}, the collector that
 * reports every problem of a pass at once, the {@link org.pressure.engine.diagnostics.ScenarioException}
 * the command line prints as {@code file:line:col: message} with exit 2, located warnings, and
 * did-you-mean suggestions. Every layer may import it; it imports nothing of the project.
 */
package org.pressure.engine.diagnostics;
