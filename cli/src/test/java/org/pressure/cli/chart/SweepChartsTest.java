package org.pressure.cli.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.data.category.IntervalCategoryDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pressure.engine.sweep.SweepModel;
import org.pressure.engine.sweep.SweepResult;
import org.pressure.engine.sweep.SweepRunner;

/** What sweep charts claim: a range that reaches "never" is the largest effect, and design points are not probabilities. */
class SweepChartsTest {
    @TempDir
    Path dir;

    @Test
    void a_range_that_moves_a_year_to_never_ranks_first_with_a_bar_to_never() throws IOException {
        Files.writeString(dir.resolve("s.yaml"), """
                name: T
                time: {start: 2025, end: 2040}
                income:
                  tax: {start: 100, growth: 2%}
                services:
                  care: {cost: {start: 80, growth: 5%}}
                  other: {statutory: false, cost: 30}
                """);
        Path sweep = dir.resolve("oat.yaml");
        Files.writeString(sweep, """
                sweep: OAT
                scenario: s.yaml
                design: one_at_a_time
                parameters:
                  services.care.cost.growth: {uniform: [5%, 7%]}
                  income.tax.growth: {uniform: [0%, 6%]}
                outputs: [crossover_year]
                """);
        SweepResult r = new SweepRunner(SweepModel.load(sweep, null, null), 1, null).run(dir.resolve("out"), false);
        JFreeChart chart = SweepCharts.tornado(r, "crossover_year", "oat.yaml");
        IntervalCategoryDataset data = (IntervalCategoryDataset) ((CategoryPlot) chart.getPlot()).getDataset();
        assertEquals("income.tax.growth (to never)", data.getColumnKey(0), "the largest effect first");
        assertEquals(2041.0, data.getEndValue(0, 0).doubleValue(), "drawn to one year past the horizon, marked never");
        assertEquals("services.care.cost.growth", data.getColumnKey(1));
        assertTrue(SweepCharts.chosenPoints(r));
        JFreeChart hist = SweepCharts.histogram(r, r.outputs().get(0), "oat.yaml");
        // under the sweep's name, the note that design points are not probabilities
        assertTrue(((org.jfree.chart.title.TextTitle) hist.getSubtitle(1)).getText().contains("not a probability"));
    }

    @Test
    void fan_axes_say_what_the_values_are() {
        assertEquals("£m at the end of the year", SweepCharts.axisLabel("reserves", "£m"));
        assertEquals("£m a year", SweepCharts.axisLabel("budget_gap", "£m"));
        assertEquals("Clients", SweepCharts.axisLabel("service.care.clients", "£m"));
    }
}
