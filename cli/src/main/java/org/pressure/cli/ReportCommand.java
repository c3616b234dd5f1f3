package org.pressure.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jfree.chart.JFreeChart;
import org.pressure.cli.chart.ChartOptions;
import org.pressure.cli.chart.PriceOptions;
import org.pressure.cli.report.HtmlReport;
import org.pressure.cli.report.ScenarioReport;
import org.pressure.cli.report.SweepReport;
import org.pressure.cli.report.XlsxReport;
import org.pressure.engine.diagnostics.Warnings;
import org.pressure.engine.io.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code pressure report SCENARIO...}: a printable page and a workbook for people who read board papers. */
@Command(name = "report", mixinStandardHelpOptions = true, versionProvider = Exit.Version.class, sortOptions = false,
        description = {"Runs one or more scenarios and writes report.html (one self-contained page that prints to A4: "
                + "headlines in words, the charts, the figures year by year and every assumption with its source; "
                + "with several scenarios, a comparison first; who pays, where the scenarios list agencies), "
                + "report.xlsx (sheets Summary, Results, Who pays where there are agencies, Assumptions) "
                + "and each chart as <scenario>-<chart>.<format> beside them.",
                "Every scenario is checked and run before anything is written."})
final class ReportCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "SCENARIO", description = "Scenario files (.yaml, .yml or .json).")
    List<Path> scenarios = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: out/report-<scenario file name "
            + "without extension> for one scenario, out/report-several for several).")
    Path out;

    @Option(names = "--set", paramLabel = "PATH=VALUE",
            description = "Override one value in every scenario before validation, e.g. services.care.floor=30%%. Repeatable.")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--sweep", paramLabel = "DIR", description = "Add a sweep's output folder: what was varied, the "
            + "probability by year, its fan, tornado and histogram charts, and the box if `pressure discover` was run "
            + "into it; in report.xlsx, a sheet per sweep. Repeatable.")
    List<Path> sweeps = new ArrayList<>();

    @Option(names = "--nation", paramLabel = "DIR", description = "Add a national run of a folder of councils made by "
            + "`pressure import ra`: how many cannot balance by each year, its charts and the riskiest councils.")
    Path nation;

    @CommandLine.Mixin
    ChartOptions charts = new ChartOptions();

    @CommandLine.Mixin
    PriceOptions prices = new PriceOptions();

    @CommandLine.Mixin
    InputOptions inputOptions = new InputOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        inputOptions.apply(scenarios);
        charts.pixels(); // check the chart options before anything is run or written
        prices.check();
        if (scenarios.isEmpty() && nation == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give one or more scenario files, or --nation DIR");
        }
        Warnings warnings = Warnings.collect();
        List<ScenarioReport> reports = ScenarioReport.loadAll(scenarios, overrides, prices, warnings);
        int threads = Runtime.getRuntime().availableProcessors();
        org.pressure.engine.england.NationRun national = nation == null ? null
                : org.pressure.engine.england.Nation.load(nation, threads, warnings).runOnce(threads, warnings);
        inputOptions.emit(warnings, spec.commandLine().getErr());
        List<SweepReport> sweepReports = new ArrayList<>();
        for (Path s : sweeps) sweepReports.add(SweepReport.load(s, sweepReports.size() + 1));
        String html = HtmlReport.render(reports, sweepReports, national);
        Path dir = out != null ? out
                : Path.of("out", "report-" + (reports.size() == 1 ? RunCommand.baseName(scenarios.get(0))
                        : reports.isEmpty() ? "nation" : "several"));

        // everything that can fail on the content is made before the first file is written
        byte[] workbook = XlsxReport.bytes(reports, sweepReports);
        List<String> written = new ArrayList<>(List.of("report.html", "report.xlsx"));
        for (ScenarioReport r : reports) {
            for (Map.Entry<String, JFreeChart> c : r.charts().entrySet()) {
                written.addAll(charts.write(c.getValue(), r.baseName() + "-" + c.getKey(), dir));
            }
        }
        if (reports.size() > 1) {
            written.addAll(charts.write(ScenarioReport.comparisonChart(reports), "comparison", dir));
            if (!ScenarioReport.comparison(reports).agencies().isEmpty()) {
                written.addAll(charts.write(ScenarioReport.whoPaysChart(reports), "comparison-agencies", dir));
            }
        }
        for (int i = 0; i < sweepReports.size(); i++) {
            if (sweepReports.get(i).byYear().isEmpty()) continue; // no year outputs: nothing to draw by year
            written.addAll(charts.write(sweepReports.get(i).probabilityChart(), "sweep" + (i + 1) + "-probability-by-year", dir));
        }
        if (national != null) {
            String[] names = {"nation-councils-failing", "nation-failure-years", "nation-sector-gap"};
            List<JFreeChart> nationCharts = org.pressure.cli.report.NationSection.charts(national);
            for (int i = 0; i < names.length; i++) written.addAll(charts.write(nationCharts.get(i), names[i], dir));
        }
        int chartFiles = written.size() - 2;
        AtomicFiles.write(dir.resolve("report.xlsx"), w -> w.write(workbook));
        AtomicFiles.writeText(dir.resolve("report.html"), w -> w.write(html));
        OutputFolder.tidy(dir, OutputFolder.REPORT, written);

        PrintWriter o = spec.commandLine().getOut();
        o.println("Wrote report.html, report.xlsx and " + chartFiles + " chart files to " + dir);
        o.flush();
        return Exit.OK;
    }
}
