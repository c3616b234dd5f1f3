/**
 * Reading scenario files into a located tree: YAML and JSON with every value's file, line and
 * column, {@code extends} (merging over a base), {@code --set} overrides, safe file access and
 * numbers written as text ({@code 4.99%}). No council semantics: the {@code council} package
 * checks the tree.
 */
package org.pressure.engine.scenario;
