package org.pressure.cli.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.FieldPosition;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pressure.engine.council.CouncilResult;
import org.pressure.engine.council.Scenarios;
import org.pressure.engine.sweep.SweepModel;
import org.pressure.engine.sweep.SweepResult;
import org.pressure.engine.sweep.SweepRunner;

/** What the charts of a run, a goal seek and a sweep must not misread: each case of issue 23, item 5. */
class ChartFixesTest {
    @TempDir
    Path dir;

    static final Path BARNET = Path.of("..", "scenarios", "barnet-graph-of-doom.yaml");

    @Test
    void the_failure_line_is_drawn_last_so_a_line_in_the_same_year_cannot_hide_it() {
        CouncilResult r = Scenarios.compile(BARNET, List.of()).run();
        JFreeChart doom = CouncilCharts.all(r, BARNET.toString(), PriceBasis.cash(r)).get("graph-of-doom");
        List<Marker> markers = new ArrayList<>(doom.getXYPlot().getDomainMarkers(Layer.FOREGROUND));
        assertEquals(3, markers.size());
        Marker last = markers.get(markers.size() - 1);
        assertTrue(last.getLabel().startsWith("Budget cannot be balanced (s114 risk)"), last.getLabel());
        assertSame(CouncilCharts.FAILURE, last.getPaint());
    }

    @Test
    void a_draw_that_takes_reserves_below_zero_is_a_deficit_not_reserves() {
        // reserves at the end of each year, and what was drawn: 10 of 12 came from reserves in year 2
        double[][] split = CouncilCharts.drawSplit(new double[] {5, 12, 8, -3}, new double[] {15, -2, -10, -7});
        assertArrayEquals(new double[] {5, 10, 0, -3}, split[0], 0.0);
        assertArrayEquals(new double[] {0, 2, 8, 0}, split[1], 0.0);
        CouncilResult r = Scenarios.compile(BARNET, List.of()).run();
        JFreeChart gap = CouncilCharts.all(r, BARNET.toString(), PriceBasis.cash(r)).get("budget-gap");
        var bars = gap.getXYPlot().getDataset(0);
        assertEquals(CouncilCharts.BEYOND_RESERVES, bars.getSeriesKey(2), "Barnet's reserves fall below zero in 2032/33");
        int year = 2033 - r.scenario().start();
        assertEquals(r.column("reserves_draw")[year], bars.getYValue(1, year) + bars.getYValue(2, year), 1e-9);
        assertTrue(bars.getYValue(2, year) > 0);
    }

    @Test
    void who_pays_draws_failure_demand_on_its_own_scale() {
        CouncilResult r = Scenarios.compile(BARNET, List.of()).run();
        JFreeChart who = WholeSystemCharts.whoPays(r, BARNET.toString(), PriceBasis.cash(r));
        XYPlot bottom = (XYPlot) ((CombinedDomainXYPlot) who.getPlot()).getSubplots().get(1);
        assertEquals(2, bottom.getRangeAxisCount());
        assertEquals("Failure demand, £m a year", bottom.getRangeAxisForDataset(1).getLabel());
        assertEquals("Budget gap, £m a year", bottom.getRangeAxisForDataset(0).getLabel());
        // the lines fill their scale rather than lying along zero under bars twenty times their size
        double top = bottom.getRangeAxisForDataset(1).getUpperBound(), most = 0;
        for (int s = 0; s < bottom.getDataset(1).getSeriesCount(); s++) {
            for (int i = 0; i < bottom.getDataset(1).getItemCount(s); i++) most = Math.max(most, bottom.getDataset(1).getYValue(s, i));
        }
        assertTrue(most > 0.8 * top, most + " of " + top);
    }

    @Test
    void a_year_axis_with_never_writes_never_above_the_last_year_and_no_year_beyond_it() {
        Theme.FinancialYearFormat f = new Theme.FinancialYearFormat(2040);
        assertEquals("2040/41", f.format(2040.0, new StringBuffer(), new FieldPosition(0)).toString());
        assertEquals("never", f.format(2041.0, new StringBuffer(), new FieldPosition(0)).toString());
        assertEquals("", f.format(2042.0, new StringBuffer(), new FieldPosition(0)).toString());
    }

    @Test
    void sweep_charts_name_the_sweep_and_its_scenario() throws Exception {
        Files.writeString(dir.resolve("s.yaml"), """
                name: T
                time: {start: 2025, end: 2040}
                income:
                  tax: {start: 100, growth: 2%}
                services:
                  care: {cost: {start: 80, growth: 5%}}
                """);
        Path sweep = dir.resolve("sw.yaml");
        Files.writeString(sweep, """
                sweep: Care growth
                scenario: s.yaml
                design: random
                runs: 20
                parameters:
                  services.care.cost.growth: {uniform: [4%, 6%]}
                outputs: [crossover_year]
                """);
        SweepResult r = new SweepRunner(SweepModel.load(sweep, null, null), 1, null).run(dir.resolve("out"), false);
        JFreeChart h = SweepCharts.histogram(r, r.outputs().get(0), sweep.toString());
        assertEquals("Care growth (scenario s.yaml)", ((TextTitle) h.getSubtitle(0)).getText());
        JFreeChart fan = SweepCharts.fan(r, r.bands().get(0), "£m", sweep.toString());
        assertEquals("Care growth (scenario s.yaml)", ((TextTitle) fan.getSubtitle(0)).getText());
    }
}
