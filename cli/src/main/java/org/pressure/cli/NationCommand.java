package org.pressure.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.pressure.cli.chart.ChartOptions;
import org.pressure.cli.chart.NationCharts;
import org.pressure.cli.chart.SweepCharts;
import org.pressure.engine.council.Scenario;
import org.pressure.engine.diagnostics.Location;
import org.pressure.engine.diagnostics.ScenarioException;
import org.pressure.engine.diagnostics.Warnings;
import org.pressure.engine.england.Nation;
import org.pressure.engine.england.NationModel;
import org.pressure.engine.england.NationRun;
import org.pressure.engine.england.NationWriter;
import org.pressure.engine.england.Outcomes;
import org.pressure.engine.england.Scoring;
import org.pressure.engine.sweep.SweepResult;
import org.pressure.engine.sweep.SweepRunner;
import org.pressure.engine.sweep.SweepWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pressure nation DIR}: every council of a folder made by {@code pressure import ra}, run together. */
@Command(name = "nation", mixinStandardHelpOptions = true, versionProvider = Exit.Version.class, sortOptions = false,
        description = {"Runs every council of a folder made by `pressure import ra` and says how many cannot balance "
                + "their budget, which, and when; the sector's summed gap and reserves; and the cost to the public purse.",
                "Writes councils.csv (one row per council, riskiest first, every indicator), nation.json and the charts "
                        + "councils-failing, failure-years and sector-gap.",
                "With --outcomes, scores the ranking against real events (section 114 notices, exceptional financial "
                        + "support): ROC AUC, hits among the riskiest, misses and false alarms by name, beside two plain "
                        + "baselines (reserves as a share of core funding, and the published 2018 list with --list).",
                "With --sweep, runs a sweep file whose `scenario:` is the folder: its national parameters are drawn once "
                        + "per run and shared by every council. Writes runs.csv and summary.json as `pressure sweep` does "
                        + "(same determinism, --threads and --resume), councils-probability.csv (each council's chance of "
                        + "failing by each year) and nation-sweep.json (how many councils fail, by year)."},
        footer = {"", "Examples:",
                "  pressure nation data/england/councils-2021-22",
                "  pressure nation data/england/councils-2021-22 --outcomes data/england/outcomes-to-2023-24.csv \\",
                "      --list data/england/unallocated.running.out.csv",
                "  pressure nation --sweep data/england/national-sweep.yaml --runs 1000"})
final class NationCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR",
            description = "The folder of councils (councils-index.csv and a scenario per council).")
    Path dir;

    @Option(names = "--sweep", paramLabel = "FILE", description = "A sweep file naming the folder in `scenario:`.")
    Path sweep;

    @Option(names = "--outcomes", paramLabel = "FILE", description = "Real events to score against (event, authority, "
            + "ons_code_2023, date_or_round or support_year, and optionally cause).")
    Path outcomes;

    @Option(names = "--list", paramLabel = "FILE", description = "A published list of councils at risk (a `name` column), "
            + "scored as a baseline beside the model.")
    Path list;

    @Option(names = "--top", paramLabel = "N", description = "Count hits among the N riskiest councils (default: as many "
            + "as failed).")
    int top;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: out/nation-<folder name>).")
    Path out;

    @Option(names = "--runs", paramLabel = "N", description = "With --sweep: runs, instead of the file's `runs`.")
    Integer runs;

    @Option(names = "--seed", paramLabel = "S", description = "With --sweep: seed, instead of the file's `seed`.")
    Long seed;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
    Integer threads;

    @Option(names = "--resume", description = "With --sweep: carry on an interrupted national sweep, as `pressure sweep "
            + "--resume` does.")
    boolean resume;

    @CommandLine.Mixin
    ChartOptions charts = new ChartOptions();

    @Option(names = "--no-chart", description = "Write no charts.")
    boolean noChart;

    @CommandLine.Mixin
    InputOptions inputOptions = new InputOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Years in the terminal summary: every fifth from the first, and the last. */
    static final int SUMMARY_STEP = 5;

    @Override
    public Integer call() throws IOException {
        List<Path> given = new ArrayList<>();
        if (sweep != null) given.add(sweep);
        if (dir != null) given.add(dir.resolve(org.pressure.engine.england.CouncilIndex.FILE));
        inputOptions.apply(given);
        if (threads != null && (threads < 1 || threads > 1024)) {
            throw new ScenarioException(Location.ofOption("--threads " + threads), "give from 1 to 1024 threads");
        }
        if (dir == null && sweep == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give the folder of councils (made by `pressure "
                    + "import ra`), or --sweep FILE");
        }
        if (sweep == null && (runs != null || seed != null || resume)) {
            throw new ScenarioException(Location.ofOption(runs != null ? "--runs " + runs : seed != null ? "--seed " + seed
                    : "--resume"), "is an option of a national sweep: give --sweep FILE too");
        }
        if (top < 0) throw new ScenarioException(Location.ofOption("--top " + top), "give a positive number of councils");
        charts.pixels();
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        return sweep != null ? sweep(n) : once(n);
    }

    private Integer once(int n) throws IOException {
        Warnings warnings = Warnings.collect();
        Nation nation = Nation.load(dir, n, warnings);
        NationRun run = nation.runOnce(n, warnings);
        inputOptions.emit(warnings, spec.commandLine().getErr());
        // the outcomes are read (and refused if wrong) before anything is written
        Map<String, List<Scoring.Score>> scores = null;
        List<Outcomes.Event> unscored = List.of();
        Set<String> apart = Set.of();
        Outcomes events = outcomes == null ? null : Outcomes.read(outcomes);
        Set<String> listed = list == null ? Set.of() : Scoring.listed(run, list);
        if (events != null) {
            scores = new LinkedHashMap<>();
            scores.put("all events", Scoring.score(run, Scoring.failed(run, events, null, false), top, listed));
            scores.put("events from " + Scenario.financialYear(nation.start()) + " on",
                    Scoring.score(run, Scoring.failed(run, events, nation.start(), false), top, listed));
            if (events.hasCause()) {
                apart = Scoring.otherCause(run, events);
                scores.put("events driven by demand and funding (other causes set apart)", Scoring.score(run,
                        Scoring.failed(run, events, null, true), top, listed, apart));
            }
            unscored = Scoring.unscored(run, events);
        }
        Path folder = out != null ? out : Path.of("out", "nation-" + nation.dir().toAbsolutePath().normalize().getFileName());
        List<String> written = new ArrayList<>();
        NationWriter.writeText(NationWriter.councilsCsv(run), folder.resolve("councils.csv"));
        written.add("councils.csv");
        NationWriter.writeJson(NationWriter.nation(run, scores == null ? null : NationWriter.scores(scores, unscored)),
                folder.resolve("nation.json"));
        written.add("nation.json");
        if (!noChart) {
            String note = "Councils: " + nation.dir() + "  |  Projection, not a forecast  |  Pressure";
            written.addAll(charts.write(NationCharts.failing(run, note), "councils-failing", folder));
            written.addAll(charts.write(NationCharts.failureYears(run, note), "failure-years", folder));
            written.addAll(charts.write(NationCharts.sectorGap(run, nation.units(), note), "sector-gap", folder));
        }
        OutputFolder.tidy(folder, OutputFolder.NATION, written);
        PrintWriter o = spec.commandLine().getOut();
        print(run, o);
        if (scores != null) printScores(scores, events, unscored, apart, run, o);
        o.println();
        o.println("Wrote " + written.size() + " files to " + folder + ": " + String.join(", ", written));
        o.flush();
        return Exit.OK;
    }

    /** The national run in words, for the terminal. */
    static void print(NationRun run, PrintWriter o) {
        Nation nation = run.nation();
        int councils = run.councils().size();
        o.printf(Locale.UK, "England: %d councils (%s), %s to %s, amounts in %s%n%n", councils, nation.dir(),
                Scenario.financialYear(nation.start()), Scenario.financialYear(nation.end()), nation.units());
        int[] by = run.failingBy();
        o.println("  " + org.pressure.cli.report.NationSection.headline(run));
        o.println();
        o.printf(Locale.UK, "  %-12s %18s %16s %16s%n", "by", "cannot balance", "sector gap", "sector reserves");
        double[] gap = run.sectorGap(), reserves = run.sectorReserves();
        for (int y = 0; y < by.length; y++) {
            if (y % SUMMARY_STEP != 0 && y != by.length - 1) continue;
            o.printf(Locale.UK, "  %-12s %18s %,16.1f %,16.1f%n", Scenario.financialYear(nation.start() + y),
                    by[y] + " of " + councils, gap[y], reserves[y]);
        }
        o.printf(Locale.UK, "%n  Cost to the public purse, %s to %s: %,.1f%n", Scenario.financialYear(nation.start()),
                Scenario.financialYear(nation.end()), run.publicCostTotal());
        List<NationRun.CouncilRun> ranked = run.ranked();
        o.println();
        o.println("  Riskiest councils                                     failure year   reserves share");
        for (int i = 0; i < Math.min(10, ranked.size()); i++) {
            NationRun.CouncilRun c = ranked.get(i);
            Integer f = c.indicators().failureYear();
            o.printf(Locale.UK, "  %2d %-50s %12s %15s%n", i + 1, cut(c.entry().name()
                    + " (" + c.entry().classLabel() + ")", 50), f == null ? "never" : Scenario.financialYear(f),
                    Double.isNaN(c.reservesShare()) ? "-" : String.format(Locale.UK, "%.1f%%", 100 * c.reservesShare()));
        }
        o.println("  (all councils, with every indicator: councils.csv)");
    }

    private static void printScores(Map<String, List<Scoring.Score>> scores, Outcomes events,
                                    List<Outcomes.Event> unscored, Set<String> apart, NationRun run, PrintWriter o) {
        o.println();
        o.println("Scored against " + Path.of(events.file()).getFileName() + " (section 114 notices and exceptional "
                + "financial support). AUC: the chance a council that failed is ranked riskier than one that did not "
                + "(0.5 is a coin toss).");
        scores.forEach((set, list) -> {
            Scoring.Score first = list.get(0);
            o.printf(Locale.UK, "%n  %s: %d of %d councils failed%n", Character.toUpperCase(set.charAt(0)) + set.substring(1),
                    first.failed(), first.councils());
            if (first.failed() == 0) {
                o.println("    No council of the run had an event in this set: nothing to score.");
                return;
            }
            o.printf(Locale.UK, "    %-28s %6s   %s%n", "method", "AUC", "hits among the riskiest");
            for (Scoring.Score s : list) {
                o.printf(Locale.UK, "    %-28s %6s   %d of %d%s%n", s.method(), Double.isNaN(s.auc()) ? "-"
                        : String.format(Locale.UK, "%.3f", s.auc()), s.hits(), s.top(),
                        s.method().equals("2018 newsroom list") ? " listed" : "");
            }
            o.println("    Model misses: " + names(first.misses()));
            o.println("    Model false alarms: " + names(first.falseAlarms()));
        });
        if (!apart.isEmpty()) {
            List<NationRun.CouncilRun> ranked = run.ranked();
            List<String> named = new ArrayList<>();
            for (int i = 0; i < ranked.size(); i++) {
                NationRun.CouncilRun c = ranked.get(i);
                if (!apart.contains(c.entry().code())) continue;
                Integer f = c.indicators().failureYear();
                String cause = events.events().stream().filter(e -> e.code().equals(c.entry().code()) && e.otherCause())
                        .map(Outcomes.Event::cause).findFirst().orElse("");
                named.add(c.entry().name() + " (" + cause + "; model #" + (i + 1) + ", "
                        + (f == null ? "never" : Scenario.financialYear(f)) + ")");
            }
            o.println();
            o.println("  Failures put down to another cause, set apart above: " + String.join(", ", named));
        }
        if (!unscored.isEmpty()) {
            o.println();
            o.println("  Not scored (" + unscored.size() + " events: no council code, or a council not run): "
                    + String.join(", ", unscored.stream().map(e -> e.authority()).distinct().toList()));
        }
    }

    private static String names(List<Scoring.Named> named) {
        if (named.isEmpty()) return "none";
        return String.join(", ", named.stream().map(n -> n.name() + " (#" + n.rank() + ", " + n.seen() + ")").toList());
    }

    private static String cut(String s, int width) {
        return s.length() <= width ? s : s.substring(0, width - 3) + "...";
    }

    private Integer sweep(int n) throws IOException {
        Warnings warnings = Warnings.collect();
        NationModel model = NationModel.load(sweep, dir, runs, seed, n, warnings);
        inputOptions.emit(warnings, spec.commandLine().getErr());
        Nation nation = model.nation();
        Path folder = out != null ? out : Path.of("out", RunCommand.baseName(sweep));
        SweepRunner runner = new SweepRunner(model, n, null);
        PrintWriter o = spec.commandLine().getOut();
        o.println(model.spec().name());
        o.printf(Locale.ROOT, "  %s design, %,d runs of %d councils, seed %d, councils %s%n", model.spec().design().key,
                runner.runs(), nation.councils().size(), model.spec().seed(), nation.dir());
        o.flush();
        String again = "pressure nation --sweep " + sweep + " --out " + folder + (runs != null ? " --runs " + runs : "")
                + (seed != null ? " --seed " + seed : "") + " --resume";
        SweepResult result = SweepCommand.runWithProgress(runner, folder, resume, again, spec.commandLine().getErr());
        List<String> written = new ArrayList<>(List.of("runs.csv"));
        SweepWriter.writeSummary(result, folder.resolve("summary.json"));
        written.add("summary.json");
        if (SweepWriter.writeSensitivity(result, folder.resolve("sensitivity.csv"))) written.add("sensitivity.csv");
        NationWriter.writeText(NationWriter.probabilityCsv(model, result), folder.resolve("councils-probability.csv"));
        written.add("councils-probability.csv");
        Map<String, Object> summary = NationWriter.sweep(model, result);
        NationWriter.writeJson(summary, folder.resolve("nation-sweep.json"));
        written.add("nation-sweep.json");
        if (!noChart) {
            String note = "Sweep: " + sweep + "  |  Councils: " + nation.dir() + "  |  Pressure";
            written.addAll(charts.write(NationCharts.failingBands(model, result, note), "councils-failing", folder));
            for (SweepResult.Band band : result.bands()) {
                written.addAll(charts.write(SweepCharts.fan(result, band, nation.units(), sweep.toString()),
                        "fan-sector-" + SweepCharts.fileName(band.column()), folder));
            }
        }
        OutputFolder.tidy(folder, OutputFolder.NATION, written);
        printSweep(model, result, o);
        o.println();
        o.println("Wrote " + written.size() + " files to " + folder + ": " + String.join(", ", written));
        o.flush();
        return Exit.OK;
    }

    private static void printSweep(NationModel model, SweepResult r, PrintWriter o) {
        Nation nation = model.nation();
        o.println();
        o.printf(Locale.UK, "  Councils that cannot balance their budget, of %d, over %,d runs%n", nation.councils().size(), r.runs());
        o.printf(Locale.UK, "  %-12s %10s %10s %10s%n", "by", "5th pct", "median", "95th pct");
        for (int y = 0; y < nation.years(); y++) {
            if (y % SUMMARY_STEP != 0 && y != nation.years() - 1) continue;
            SweepResult.OutputSummary s = r.output("councils_failing@" + (nation.start() + y));
            o.printf(Locale.UK, "  %-12s %10.0f %10.0f %10.0f%n", Scenario.financialYear(nation.start() + y), s.p5(), s.p50(), s.p95());
        }
        o.println("  (each council's chance of failing by each year: councils-probability.csv)");
    }
}
