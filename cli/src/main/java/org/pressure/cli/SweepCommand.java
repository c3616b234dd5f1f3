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
import org.pressure.engine.diagnostics.Warnings;
import org.pressure.engine.sweep.SweepModel;
import org.pressure.engine.sweep.SweepResult;
import org.pressure.engine.sweep.SweepRunner;
import org.pressure.engine.sweep.SweepWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code pressure sweep FILE}: one scenario run many times with inputs varied, summarised. */
@Command(name = "sweep", mixinStandardHelpOptions = true, versionProvider = Exit.Version.class, sortOptions = false,
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
            + "(each row's parameters checked against this sweep, and the first row of every 256 run again and "
            + "compared whole) and compute the rest.")
    boolean resume;

    @CommandLine.Mixin
    ChartOptions charts = new ChartOptions();

    @Option(names = "--no-chart", description = "Write no charts.")
    boolean noChart;

    @CommandLine.Mixin
    InputOptions inputOptions = new InputOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        inputOptions.apply(List.of(file));
        if (threads != null && (threads < 1 || threads > 1024)) {
            throw new org.pressure.engine.diagnostics.ScenarioException(
                    org.pressure.engine.diagnostics.Location.ofOption("--threads " + threads), "give from 1 to 1024 threads");
        }
        charts.pixels();
        Warnings warnings = Warnings.collect();
        SweepModel model = SweepModel.load(file, runs, seed, warnings);
        inputOptions.emit(warnings, spec.commandLine().getErr());
        if (model.slowPathReason() != null) {
            spec.commandLine().getErr().println("pressure: note: " + model.slowPathReason() + "; the results are the same");
            spec.commandLine().getErr().flush();
        }
        Path dir = out != null ? out : Path.of("out", RunCommand.baseName(file));
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        SweepRunner runner = new SweepRunner(model, n, null);
        PrintWriter o = spec.commandLine().getOut();
        // the title first, so that a long sweep says what it is doing from the start
        o.println(model.spec().name());
        o.printf(Locale.ROOT, "  %s design, %,d runs, seed %d, scenario %s%n", model.spec().design().key, runner.runs(),
                model.spec().seed(), model.spec().scenario().getFileName());
        o.flush();
        String again = "pressure sweep " + file + " --out " + dir + (runs != null ? " --runs " + runs : "")
                + (seed != null ? " --seed " + seed : "") + " --resume";
        SweepResult result = runWithProgress(runner, dir, resume, again, spec.commandLine().getErr());
        List<String> written = new ArrayList<>(List.of("runs.csv"));
        SweepWriter.writeSummary(result, dir.resolve("summary.json"));
        written.add("summary.json");
        if (SweepWriter.writeSensitivity(result, dir.resolve("sensitivity.csv"))) written.add("sensitivity.csv");
        if (!noChart) {
            written.addAll(SweepCharts.writeAll(result, model.units(), file.toString(), charts, dir));
        }
        if (runner.reusedRows() > 0) {
            spec.commandLine().getOut().printf(Locale.ROOT, "Reused %,d runs of an interrupted sweep (checked against "
                    + "this one); computed the other %,d.%n", runner.reusedRows(), result.runs() - runner.reusedRows());
        }
        OutputFolder.tidy(dir, OutputFolder.SWEEP, written);
        print(result, spec.commandLine().getOut());
        spec.commandLine().getOut().println();
        spec.commandLine().getOut().println("Wrote " + written.size() + " files to " + dir + ": " + String.join(", ", written));
        spec.commandLine().getOut().flush();
        return Exit.OK;
    }

    /**
     * Runs a sweep with a progress bar on a terminal (or a line at each tenth of a long sweep when
     * piped), and, if the program is interrupted, says how many runs are kept and the command
     * ({@code again}) that carries on.
     */
    static SweepResult runWithProgress(SweepRunner runner, Path dir, boolean resume, String again, PrintWriter err)
            throws IOException {
        long total = runner.runs();
        java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
        Thread interrupted = new Thread(() -> {
            java.io.PrintStream e = System.err;
            e.printf(Locale.ROOT, "%nInterrupted after %,d of %,d runs. The finished runs are kept in %s; carry on "
                    + "with: %s%n", done.get(), total, dir.resolve(SweepRunner.PARTIAL), again);
            e.flush();
        });
        Runtime.getRuntime().addShutdownHook(interrupted);
        try {
            if (System.console() != null) {
                ProgressBarBuilder builder = new ProgressBarBuilder().setTaskName("Sweep").setStyle(ProgressBarStyle.ASCII)
                        .setInitialMax(total).setUpdateIntervalMillis(250).continuousUpdate();
                // counts in thousands leave the bar room in a narrow terminal (50 columns)
                if (total >= 100_000) builder.setUnit("k", 1000);
                try (ProgressBar bar = builder.build()) {
                    runner.onProgress(d -> {
                        done.set(d);
                        bar.stepTo(d);
                    });
                    return runner.run(dir, resume);
                }
            }
            // piped (| tee): a line at each tenth of a long sweep, on standard error
            runner.onProgress(d -> {
                long before = done.getAndSet(d);
                if (total >= PROGRESS_LINES_FROM && before * 10 / total != d * 10 / total && d < total) {
                    err.printf(Locale.ROOT, "  %d%% (%,d of %,d runs)%n", d * 100 / total, d, total);
                    err.flush();
                }
            });
            return runner.run(dir, resume);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(interrupted);
            } catch (IllegalStateException shuttingDown) {
                // the hook is already running
            }
        }
    }

    /** Sweeps of at least this many runs print a progress line at each tenth when standard output is not a terminal. */
    static final long PROGRESS_LINES_FROM = 20_000;

    private static void print(SweepResult r, PrintWriter o) {
        if (SweepCharts.chosenPoints(r)) {
            o.println("  The " + r.spec().design().key + " design chooses its points to measure effects (see "
                    + "sensitivity.csv): the percentiles and shares below describe those points, not probabilities.");
        }
        o.println();
        o.printf(Locale.ROOT, "  %-34s %12s %12s %12s %8s%n", "output", "5th pct", "median", "95th pct", "never");
        for (SweepResult.OutputSummary s : r.outputs()) {
            // one number of decimals for the whole row, by its largest value
            double largest = Math.max(Math.abs(s.p5()), Math.max(Math.abs(s.p50()), Math.abs(s.p95())));
            String format = largest < 100 ? "%,.3f" : "%,.1f";
            double never = (double) s.missing() / Math.max(1, r.runs());
            // a year's percentiles are over the runs in which it happens: said beside them
            String among = s.isYear() ? org.pressure.cli.report.SweepReport.among(s.name(), never) : "";
            o.printf(Locale.ROOT, "  %-34s %12s %12s %12s %8s%s%n", s.name(), show(s.p5(), s.isYear(), format),
                    show(s.p50(), s.isYear(), format), show(s.p95(), s.isYear(), format),
                    s.isYear() ? String.format(Locale.ROOT, "%.0f%%", 100 * never) : "", among.isEmpty() ? "" : "  " + among);
        }
    }

    private static String show(double x, boolean year, String format) {
        if (Double.isNaN(x)) return "-";
        // a percentile between two years is shown as the nearer one, marked as approximate
        if (year) return x == Math.rint(x) ? Scenario.financialYear((int) x) : "~" + Scenario.financialYear((int) Math.round(x));
        return String.format(Locale.ROOT, format, x);
    }
}
