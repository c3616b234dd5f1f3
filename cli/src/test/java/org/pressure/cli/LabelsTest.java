package org.pressure.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pressure.cli.chart.CouncilCharts;
import org.pressure.cli.chart.PriceBasis;
import org.pressure.cli.serve.Lever;
import org.pressure.cli.serve.WhatIf;
import org.pressure.engine.council.CouncilResult;
import org.pressure.engine.council.Scenario;
import org.pressure.engine.council.Scenarios;

/** A `label:` on a service, driver or agency is what people read; the names stay for files and --set. */
class LabelsTest {
    @TempDir
    Path dir;

    static final String LABELLED = """
            name: Labelled
            time: {start: 2025, end: 2035}
            drivers:
              cpi: {start: 2%, growth: 0, label: CPI}
            agencies:
              - {name: nhs, label: NHS}
              - police
            income:
              tax: {start: 100, growth: 2%}
            services:
              childrens_social_care: {cost: {start: 50, growth: 6%}, label: "Children's social care"}
              hospital: {cost: 10, agency: nhs}
              custody: {cost: 5, agency: police}
              other: {statutory: false, cost: 30, floor: 10%}
            budget:
              reserves: {opening: 20, minimum: 5}
            """;

    private Path write(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    @Test
    void labels_name_things_for_people_and_change_no_number() throws Exception {
        Path labelled = write("labelled.yaml", LABELLED);
        Path plain = write("plain.yaml", LABELLED.replace(", label: CPI", "").replace("- {name: nhs, label: NHS}", "- nhs")
                .replace(", label: \"Children's social care\"", ""));
        CouncilResult a = Scenarios.compile(labelled, List.of()).run(), b = Scenarios.compile(plain, List.of()).run();
        assertEquals(a.indicators(), b.indicators());
        for (var c : a.columns()) assertArrayEquals(a.column(c.header()), b.column(c.header()), 0.0, c.header());
        Scenario sc = a.scenario();
        assertEquals("Children's social care", sc.label("service", "childrens_social_care"));
        assertEquals("Childrens social care", b.scenario().label("service", "childrens_social_care"));
        assertEquals("CPI", sc.label("driver", "cpi"));
        assertEquals("NHS", sc.label("agency", "nhs"));
        assertEquals("police", sc.label("agency", "police"), "an agency without a label keeps its name");

        // the terminal's who-pays table and compare's sentence
        CommandLineTest.Result run = CommandLineTest.execute("run", labelled.toString(), "--out", dir.resolve("o").toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith("  NHS ")), run.out());
        CommandLineTest.Result cmp = CommandLineTest.execute("compare", labelled.toString(),
                write("more.yaml", LABELLED.replace("hospital: {cost: 10", "hospital: {cost: 12")).toString(), "--out",
                dir.resolve("c").toString(), "--no-chart");
        assertTrue(cmp.out().contains("NHS pays £22.0m more"), cmp.out());

        // the graph of doom's legend
        JFreeChart doom = CouncilCharts.all(a, labelled.toString(), PriceBasis.cash(a)).get("graph-of-doom");
        assertTrue(seriesNames(doom).contains("Children's social care (statutory)"), seriesNames(doom).toString());

        // the what-if page: its stacks, its sliders and its names of public bodies
        WhatIf w = WhatIf.load(labelled, List.of(), false);
        Map<String, Object> json = w.pageJson();
        assertTrue(json.get("stacks").toString().contains("label=Children's social care (statutory)"), json.get("stacks").toString());
        assertEquals(Map.of("nhs", "NHS"), json.get("agencyLabels"));
        Lever growth = w.levers().stream().filter(l -> l.path().equals("services.childrens_social_care.cost.growth"))
                .findFirst().orElseThrow();
        assertEquals("Children's social care: cost growth a year", growth.label());
    }

    @Test
    void a_label_that_is_not_one_line_of_text_is_refused_where_it_is_written() throws Exception {
        Path bad = write("bad.yaml", LABELLED.replace("label: CPI", "label: [a, b]").replace("- {name: nhs, label: NHS}",
                "- {label: NHS}"));
        CommandLineTest.Result r = CommandLineTest.execute("validate", bad.toString());
        assertEquals(2, r.exit());
        assertEquals(bad + ":4:38: `drivers.cpi.label` should be the name people read, e.g. \"Children's social care\"\n"
                + bad + ":6:5: an agency written as a mapping needs `name:` (and `label:`), e.g. {name: nhs, label: NHS}\n"
                + bad + ":12:32: `services.hospital.agency` names `nhs`, which is not listed in `agencies` (the public "
                + "bodies other than the council)\n", r.err());
    }

    private static List<String> seriesNames(JFreeChart chart) {
        List<String> out = new ArrayList<>();
        XYPlot plot = chart.getXYPlot();
        for (int d = 0; d < plot.getDatasetCount(); d++) {
            XYDataset ds = plot.getDataset(d);
            if (ds == null) continue;
            for (int s = 0; s < ds.getSeriesCount(); s++) out.add(ds.getSeriesKey(s).toString());
        }
        return out;
    }
}
