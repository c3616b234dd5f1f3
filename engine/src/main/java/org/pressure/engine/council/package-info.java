/**
 * The council vocabulary and what it compiles into (docs/model.md): typed scenario records
 * ({@link org.pressure.engine.council.Scenario}, {@link org.pressure.engine.council.Series},
 * {@link org.pressure.engine.council.Service}), the parser that checks a scenario tree into them,
 * the compiler into a {@link org.pressure.engine.model.Model} of formulas (balancing for both
 * budgets: {@code Balancing}; part 2's year: {@code OutturnBudget}; cohorts, a procedure:
 * {@code CohortFlows}), the results columns ({@link org.pressure.engine.council.Columns}), the
 * indicators ({@link org.pressure.engine.council.Indicator}), results and comparisons. Belongs here: anything
 * that knows what a council, a service or a budget is. Does not: stepping, files other than
 * {@code results.csv} and {@code summary.json}, charts.
 */
package org.pressure.engine.council;
