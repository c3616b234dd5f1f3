package org.pressure.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.pressure.cli.chart.ChartOptions;
import org.pressure.cli.chart.SweepCharts;
import org.pressure.engine.council.Scenario;
import org.pressure.engine.sweep.SweepModel;
import org.pressure.engine.sweep.SweepResult;
import org.pressure.engine.sweep.SweepRunner;
import org.pressure.engine.sweep.SweepWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pressure sweep FILE}: one scenario run many times with inputs varied, summarised. */
@Command(name = "sweep", mixinStandardHelpOptions = true, versionProvider = Main.Version.class, sortOptions = false,
        description = {"Runs a sweep file: its scenario many times with the parameters varied by the design "
                + "(grid, random, latin_hypercube, sobol, morris, one_at_a_time).",
                "Writes runs.csv (one row per run, in run order), summary.json, sensitivity.csv (sobol, morris, "
                        + "one_at_a_time) and fan, histogram and tornado charts into the output folder.",
                "The same file and seed give identical runs.csv and summary.json for any --threads."})
final class SweepCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The sweep file (.yaml, .yml or .json).")
    Path file;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: out/<sweep file name without extension>).")
    Path out;

    @Option(names = "--runs", paramLabel = "N", description = "Runs (sobol: base sample N; morris: trajectories), "
            + "instead of the file's `runs`.")
    Integer runs;

    @Option(names = "--seed", paramLabel = "S", description = "Seed, instead of the file's `seed`.")
    Long seed;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
    Integer threads;

    @Option(names = "--resume", description = "Carry on an interrupted sweep: keep the finished rows of DIR/runs.csv "
            + "(checked against this sweep by computing them again, so it saves writing, not computing) and add the rest.")
    boolean resume;

    @CommandLine.Mixin
    ChartOptions charts = new ChartOptions();

    @Option(names = "--no-chart", description = "Write no charts.")
    boolean noChart;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (threads != null && (threads < 1 || threads > 1024)) {
            throw new org.pressure.engine.scenario.ScenarioException(
                    org.pressure.engine.scenario.Location.ofFile("--threads " + threads), "give from 1 to 1024 threads");
        }
        charts.requireCash("sweep charts are in cash: the price index may itself be a swept parameter");
        charts.pixels();
        SweepModel model = SweepModel.load(file, runs, seed);
        if (model.slowPathReason() != null) {
            spec.commandLine().getErr().println("pressure: note: " + model.slowPathReason() + "; the results are the same");
            spec.commandLine().getErr().flush();
        }
        Path dir = out != null ? out : Path.of("out", RunCommand.baseName(file));
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        SweepResult result;
        SweepRunner runner;
        if (System.console() != null) {
            try (ProgressBar bar = new ProgressBarBuilder().setTaskName("Sweep").setStyle(ProgressBarStyle.ASCII)
                    .setInitialMax(1).setUpdateIntervalMillis(250).continuousUpdate().build()) {
                runner = new SweepRunner(model, n, bar::stepTo);
                bar.maxHint(runner.runs());
                result = runner.run(dir, resume);
            }
        } else {
            runner = new SweepRunner(model, n, null);
            result = runner.run(dir, resume);
        }
        List<String> written = new ArrayList<>(List.of("runs.csv"));
        SweepWriter.writeSummary(result, dir.resolve("summary.json"));
        written.add("summary.json");
        if (SweepWriter.writeSensitivity(result, dir.resolve("sensitivity.csv"))) written.add("sensitivity.csv");
        if (!noChart) {
            written.addAll(SweepCharts.writeAll(result, model.base().scenario().units(), file.toString(), charts, dir));
        }
        print(result, spec.commandLine().getOut());
        spec.commandLine().getOut().println();
        spec.commandLine().getOut().println("Wrote " + written.size() + " files to " + dir + ": " + String.join(", ", written));
        spec.commandLine().getOut().flush();
        return Main.OK;
    }

    private static void print(SweepResult r, PrintWriter o) {
        o.println(r.spec().name());
        o.printf(Locale.ROOT, "  %s design, %,d runs, seed %d, scenario %s%n", r.spec().design().key, r.runs(),
                r.spec().seed(), r.spec().scenario().getFileName());
        o.println();
        o.printf(Locale.ROOT, "  %-34s %12s %12s %12s %8s%n", "output", "5th pct", "median", "95th pct", "never");
        for (SweepResult.OutputSummary s : r.outputs()) {
            o.printf(Locale.ROOT, "  %-34s %12s %12s %12s %8s%n", s.name(), show(s.p5(), s.isYear()),
                    show(s.p50(), s.isYear()), show(s.p95(), s.isYear()),
                    s.isYear() ? String.format(Locale.ROOT, "%.0f%%", 100.0 * s.missing() / Math.max(1, r.runs())) : "");
        }
    }

    private static String show(double x, boolean year) {
        if (Double.isNaN(x)) return "-";
        if (year) return x == Math.rint(x) ? Scenario.financialYear((int) x) : String.format(Locale.ROOT, "%.1f", x);
        return String.format(Locale.ROOT, Math.abs(x) < 100 ? "%,.3f" : "%,.1f", x);
    }
}
