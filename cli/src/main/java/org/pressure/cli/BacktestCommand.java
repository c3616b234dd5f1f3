package org.pressure.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.pressure.cli.chart.BacktestChart;
import org.pressure.cli.chart.ChartOptions;
import org.pressure.engine.council.CouncilResult;
import org.pressure.engine.council.Scenario;
import org.pressure.engine.council.Scenarios;
import org.pressure.engine.diagnostics.Location;
import org.pressure.engine.diagnostics.ScenarioException;
import org.pressure.engine.xmile.Xmile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code pressure backtest SCENARIO --observed ACTUALS.csv}: how far a projection missed what happened. */
@Command(name = "backtest", mixinStandardHelpOptions = true, versionProvider = Exit.Version.class, sortOptions = false,
        description = {"Runs a scenario and sets it against observed figures: for each column of the observed CSV, the "
                + "years compared, the mean error, the mean absolute percentage error and the largest miss. Writes "
                + "backtest.csv (year, column, projected, observed, error) and a chart per column, "
                + "backtest-<column>.png/.svg (the projection as a line, the observed values as points).",
                "The observed CSV has a `year` column (2017 for 2017/18) and columns named as in results.csv "
                        + "(income, reserves, service.NAME.cost, ...); an empty cell is a year not observed. "
                        + "The error is projected minus observed: above zero, the projection was too high."})
final class BacktestCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "The scenario file (.yaml, .yml or .json).")
    Path scenario;

    @Option(names = "--observed", required = true, paramLabel = "ACTUALS.csv",
            description = "Observed figures: a `year` column and any results.csv columns.")
    Path observed;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Output folder (default: out/backtest-<scenario file name without extension>).")
    Path out;

    @Option(names = "--set", paramLabel = "PATH=VALUE",
            description = "Override one value before validation, as for `pressure run`. Repeatable.")
    List<String> overrides = new ArrayList<>();

    @CommandLine.Mixin
    ChartOptions charts = new ChartOptions();

    @Option(names = "--no-chart", description = "Write no charts.")
    boolean noChart;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (Xmile.isModelFile(scenario)) {
            throw new ScenarioException(Location.ofFile(scenario.toString()), "backtest takes a council scenario file "
                    + "(.yaml, .yml, .json); run an XMILE model with `pressure run`");
        }
        if (!noChart) charts.pixels();
        CouncilResult result = Scenarios.compile(scenario, overrides).run();
        Exit.printWarnings(result.warnings(), spec.commandLine().getErr());
        Backtest backtest = Backtest.of(result, observed);
        Path dir = out != null ? out : Path.of("out", "backtest-" + RunCommand.baseName(scenario));

        List<String> written = new ArrayList<>();
        backtest.writeCsv(dir.resolve("backtest.csv"));
        written.add("backtest.csv");
        Scenario sc = result.scenario();
        if (!noChart) {
            for (Backtest.Column c : backtest.columns()) {
                String footnote = "Scenario: " + scenario + "  |  Observed: " + observed;
                written.addAll(charts.write(BacktestChart.of(result, c.name(), c.years(), c.observed(),
                        Backtest.quantity(c.name(), sc.units()), inWords(c), footnote), "backtest-" + c.name(), dir));
            }
        }

        PrintWriter o = spec.commandLine().getOut();
        print(backtest, scenario.toString(), o);
        o.println();
        o.println("Wrote " + String.join(", ", written) + " to " + dir);
        o.flush();
        return Exit.OK;
    }

    static void print(Backtest b, String file, PrintWriter o) {
        Scenario sc = b.result().scenario();
        o.println(sc.name() + ": projected against observed");
        o.println("  " + file + ", " + Scenario.financialYear(sc.start()) + " to " + Scenario.financialYear(sc.end())
                + ", amounts in " + sc.units() + "; observed: " + b.observedFile());
        o.println("  error = projected - observed (above zero: the projection was too high); "
                + "MAPE = mean absolute percentage error");
        o.println();
        int width = Math.max(24, b.columns().stream().mapToInt(c -> c.name().length()).max().orElse(0));
        int yearsWidth = Math.max(14, b.columns().stream()
                .mapToInt(c -> (c.count() + " (" + Backtest.years(c.years()) + ")").length()).max().orElse(0));
        String format = "  %-" + width + "s  %-" + yearsWidth + "s  %12s  %7s  %s%n";
        o.printf(Locale.ROOT, format, "column", "years compared", "mean error", "MAPE", "largest miss");
        for (Backtest.Column c : b.columns()) {
            int worst = c.largestMiss();
            o.printf(Locale.ROOT, format, c.name(), c.count() + " (" + Backtest.years(c.years()) + ")",
                    signed(c.meanError()), mape(c), signed(c.error(worst)) + " in "
                            + Scenario.financialYear(c.years()[worst]));
        }
        for (Backtest.Column c : b.columns()) {
            if (c.zeroObserved() > 0 && c.meanAbsolutePercentageError() != null) {
                o.println("  " + c.name() + ": MAPE leaves out " + c.zeroObserved() + " year"
                        + (c.zeroObserved() == 1 ? "" : "s") + " observed as 0");
            }
        }
        for (String e : b.emptyColumns()) o.println("  " + e + ": no observed values (every cell empty); not compared");
    }

    /** The errors of a column in one line, for its chart. */
    private static String inWords(Backtest.Column c) {
        int worst = c.largestMiss();
        return c.count() + " year" + (c.count() == 1 ? "" : "s") + " compared (" + Backtest.years(c.years())
                + "): mean error " + signed(c.meanError()) + ", mean absolute percentage error " + mape(c)
                + ", largest miss " + signed(c.error(worst)) + " in " + Scenario.financialYear(c.years()[worst])
                + " (error = projected - observed)";
    }

    static String signed(double x) {
        String s = String.format(Locale.ROOT, "%+,.2f", x);
        return s.matches("[+-]0\\.00") ? "0.00" : s;
    }

    static String mape(Backtest.Column c) {
        Double m = c.meanAbsolutePercentageError();
        return m == null ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100 * m);
    }
}
