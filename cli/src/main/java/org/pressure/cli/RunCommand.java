package org.pressure.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.pressure.cli.chart.ChartOptions;
import org.pressure.cli.chart.CouncilCharts;
import org.pressure.cli.chart.PriceBasis;
import org.pressure.cli.chart.PriceOptions;
import org.pressure.engine.council.CouncilResult;
import org.pressure.engine.council.ResultsWriter;
import org.pressure.engine.council.Scenarios;
import org.pressure.engine.diagnostics.Warnings;
import org.pressure.engine.xmile.CompiledXmile;
import org.pressure.engine.xmile.Xmile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code pressure run SCENARIO}: one projection, its indicators, its files and its chart. */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = Exit.Version.class, sortOptions = false,
        description = {"Runs one scenario: prints the headline indicators and writes results.csv (one row a year), "
                + "summary.json (the indicators) and the charts (graph-of-doom, reserves, budget-gap, "
                + "failure-demand; who-pays where the file lists agencies, cohorts where it has cohorts) into the "
                + "output folder.",
                "The scenario is checked first, exactly as `pressure validate` does."})
final class RunCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "The scenario file (.yaml, .yml or .json), or an XMILE model (.xmile, .xml, .stmx).")
    Path scenario;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Output folder (default: out/<scenario file name without extension>).")
    Path out;

    @Option(names = "--set", paramLabel = "PATH=VALUE",
            description = {"Override one value before validation, e.g. services.care.floor=30%% or "
                    + "failure_demand.0.delay=3 (list items by index). Repeatable."})
    List<String> overrides = new ArrayList<>();

    @CommandLine.Mixin
    ChartOptions charts = new ChartOptions();

    @CommandLine.Mixin
    PriceOptions prices = new PriceOptions();

    @Option(names = "--no-chart", description = "Write no charts.")
    boolean noChart;

    @Option(names = "--exact", description = "Write results.csv numbers exactly, each reading back to the same "
            + "double (633.2579999999999), instead of to 12 significant digits (633.258).")
    boolean exact;

    @CommandLine.Mixin
    InputOptions inputOptions = new InputOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        inputOptions.apply(List.of(scenario));
        prices.check();
        if (Xmile.isModelFile(scenario)) return runXmile();
        Warnings warnings = Warnings.collect();
        CouncilResult result = Scenarios.compile(scenario, overrides, warnings).run();
        result.check(warnings);
        inputOptions.emit(warnings, spec.commandLine().getErr());
        // check the chart options before anything is written
        PriceBasis basis = noChart ? null : prices.basis(result);
        if (!noChart) charts.pixels();
        Path dir = out != null ? out : Path.of("out", baseName(scenario));
        List<String> written = writeOutputs(result, scenario.toString(), noChart ? null : charts, basis, dir, exact);
        OutputFolder.tidy(dir, OutputFolder.RUN, written);
        PrintWriter o = spec.commandLine().getOut();
        IndicatorTable.print(result, scenario.toString(), o);
        IndicatorTable.caveat(warnings.all().size(), o);
        o.println();
        o.println("Wrote " + String.join(", ", written) + " to " + dir);
        o.flush();
        return Exit.OK;
    }

    /** An XMILE model: results.csv only (one row per save step); no council indicators or charts. */
    private Integer runXmile() throws IOException {
        if (!overrides.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--set applies to scenario files, not XMILE models");
        }
        CompiledXmile model = Xmile.load(scenario);
        Path dir = out != null ? out : Path.of("out", baseName(scenario));
        model.run().writeCsv(dir.resolve("results.csv"));
        OutputFolder.tidy(dir, OutputFolder.RUN, List.of("results.csv"));
        model.warnings().forEach(spec.commandLine().getErr()::println);
        spec.commandLine().getErr().flush();
        PrintWriter o = spec.commandLine().getOut();
        o.println("Wrote results.csv to " + dir);
        o.flush();
        return Exit.OK;
    }

    /**
     * What a run writes: results.csv, summary.json and, unless {@code charts} is null, the four
     * charts. Returns the names of the files written. Also used by {@code solve} for the run it finds.
     */
    static List<String> writeOutputs(CouncilResult result, String source, ChartOptions charts, PriceBasis basis, Path dir,
                                     boolean exact) throws IOException {
        List<String> written = new ArrayList<>();
        ResultsWriter.writeCsv(result, dir.resolve("results.csv"), exact);
        written.add("results.csv");
        ResultsWriter.writeSummary(result, dir.resolve("summary.json"));
        written.add("summary.json");
        if (charts != null) {
            for (var chart : CouncilCharts.all(result, source, basis).entrySet()) {
                written.addAll(charts.write(chart.getValue(), chart.getKey(), dir));
            }
        }
        return written;
    }

    static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
