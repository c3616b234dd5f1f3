package org.pressure.cli.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.pressure.cli.chart.CouncilCharts;
import org.pressure.cli.chart.PriceBasis;
import org.pressure.cli.chart.PriceOptions;
import org.pressure.engine.council.CouncilResult;
import org.pressure.engine.council.Scenarios;
import org.pressure.engine.diagnostics.Location;
import org.pressure.engine.diagnostics.Problem;
import org.pressure.engine.diagnostics.ScenarioException;
import org.pressure.engine.diagnostics.Warnings;
import org.pressure.engine.scenario.Assumptions.Assumption;
import org.pressure.engine.scenario.Assumptions;
import org.pressure.engine.xmile.Xmile;

/**
 * One scenario, run and ready to report: its results, its charts in the price basis asked for,
 * and every assumption its file sets.
 *
 * @param file     the scenario file as given on the command line
 * @param baseName a name for its chart files, unique within the report
 * @param label    how the report names it, unique within the report
 */
public record ScenarioReport(Path file, String baseName, String label, CouncilResult result, PriceBasis basis,
                             List<Assumption> assumptions, Map<String, JFreeChart> charts) {

    /** The sections of a scenario file that hold assumptions (name, description and sources are shown apart). */
    static final List<String> SECTIONS = List.of("time", "units", "agencies", "drivers", "income", "services", "savings",
            "failure_demand", "cohorts", "capital", "dsg", "budget");

    public ScenarioReport {
        assumptions = List.copyOf(assumptions);
        charts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(charts));
    }

    /**
     * Loads and runs every scenario before anything is written; the problems of all of them are
     * reported together.
     */
    public static List<ScenarioReport> loadAll(List<Path> files, List<String> overrides, PriceOptions options) {
        return loadAll(files, overrides, options, Warnings.ignored());
    }

    /** As {@link #loadAll(List, List, PriceOptions)}, adding each scenario's warnings to {@code warnings}. */
    public static List<ScenarioReport> loadAll(List<Path> files, List<String> overrides, PriceOptions options,
                                               Warnings warnings) {
        List<Problem> problems = new ArrayList<>();
        List<ScenarioReport> out = new ArrayList<>();
        Map<String, Integer> baseNames = new HashMap<>();
        for (Path file : files) {
            try {
                if (Xmile.isModelFile(file)) {
                    throw new ScenarioException(Location.ofFile(file.toString()), "reports are made from council "
                            + "scenario files (.yaml, .yml, .json); run an XMILE model with `pressure run`");
                }
                CouncilResult result = Scenarios.compile(file, overrides, warnings).run();
                result.check(warnings);
                PriceBasis basis = options.basis(result);
                List<Assumption> assumptions = Assumptions.list(Scenarios.tree(file, overrides), SECTIONS);
                String base = baseName(file);
                int seen = baseNames.merge(base, 1, Integer::sum);
                if (seen > 1) base = base + "-" + seen;
                out.add(new ScenarioReport(file, base, "", result, basis, assumptions,
                        CouncilCharts.all(result, file.toString(), basis)));
            } catch (ScenarioException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) throw new ScenarioException(problems);
        return withLabels(out);
    }

    /** Names each scenario by its name, adding its file where two share a name. */
    private static List<ScenarioReport> withLabels(List<ScenarioReport> reports) {
        Map<String, Long> names = new HashMap<>();
        reports.forEach(r -> names.merge(r.result.scenario().name(), 1L, Long::sum));
        return reports.stream().map(r -> {
            String name = r.result.scenario().name();
            String label = names.get(name) > 1 ? name + " (" + r.file + ")" : name;
            return new ScenarioReport(r.file, r.baseName, label, r.result, r.basis, r.assumptions, r.charts);
        }).toList();
    }

    static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** The budget gap and reserves of every scenario on one chart. */
    public static org.jfree.chart.JFreeChart comparisonChart(List<ScenarioReport> reports) {
        return org.pressure.cli.chart.ComparisonChart.of(reports.stream()
                .map(r -> new org.pressure.cli.chart.ComparisonChart.Line(r.label(), r.result(), r.basis())).toList(),
                "Scenarios: " + String.join(", ", reports.stream().map(r -> r.file().toString()).toList()));
    }

    /** The scenarios as a comparison against the first, labelled as in the report. */
    public static org.pressure.engine.council.Comparison comparison(List<ScenarioReport> reports) {
        return new org.pressure.engine.council.Comparison(reports.stream().map(ScenarioReport::label).toList(),
                reports.stream().map(ScenarioReport::result).toList());
    }

    /** Each public body's cost against the first scenario, year by year; for scenarios that list agencies. */
    public static org.jfree.chart.JFreeChart whoPaysChart(List<ScenarioReport> reports) {
        return org.pressure.cli.chart.ComparisonChart.whoPays(comparison(reports),
                "Scenarios: " + String.join(", ", reports.stream().map(r -> r.file().toString()).toList()));
    }
}
