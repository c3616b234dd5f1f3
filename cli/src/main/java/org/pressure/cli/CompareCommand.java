package org.pressure.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.pressure.cli.chart.ChartOptions;
import org.pressure.cli.chart.ComparisonChart;
import org.pressure.cli.chart.PriceBasis;
import org.pressure.cli.report.WhoPaysText;
import org.pressure.engine.council.Comparison;
import org.pressure.engine.council.CouncilResult;
import org.pressure.engine.council.Scenario;
import org.pressure.engine.council.Scenarios;
import org.pressure.engine.diagnostics.Warnings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code pressure compare A B...}: scenarios side by side, the differences, and when an investment pays back. */
@Command(name = "compare", mixinStandardHelpOptions = true, versionProvider = Exit.Version.class, sortOptions = false,
        description = {"Runs two or more scenarios and sets them side by side: the indicators with their differences "
                + "from the first scenario, comparison.csv (the key series of each scenario by year, with differences "
                + "from the first) and comparison.png/.svg (budget gap and reserves, one line per scenario).",
                "Where a scenario spends more than the first at first and less later, it reports the payback year: the "
                        + "first year by which its cumulative extra cost of services (statutory spend plus planned "
                        + "discretionary spend, less cuts to the services failure demand comes from) is back to zero "
                        + "or below.",
                "Where the scenarios list agencies, it sets out who pays: each body's cost (the council, every agency "
                        + "and the public purse) over the years each scenario shares with the first, the difference, "
                        + "and in words who saves and who pays; comparison.csv gains agency.NAME.cost and public_cost "
                        + "with their differences, and comparison-agencies.png/.svg draws the differences by year."})
final class CompareCommand implements Callable<Integer> {

    @Parameters(arity = "2..*", paramLabel = "SCENARIO", description = "Scenario files; the first is the baseline.")
    List<Path> scenarios;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: out/compare-<first>-<second>...).")
    Path out;

    @CommandLine.Mixin
    ChartOptions charts = new ChartOptions();

    @Option(names = "--no-chart", description = "Write no chart.")
    boolean noChart;

    @CommandLine.Mixin
    InputOptions inputOptions = new InputOptions();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        inputOptions.apply(scenarios);
        List<CouncilResult> results = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        Warnings warnings = Warnings.collect();
        for (Path p : scenarios) {
            CouncilResult r = Scenarios.compile(p, List.of(), warnings).run();
            r.check(warnings);
            results.add(r);
            labels.add(RunCommand.baseName(p));
        }
        inputOptions.emit(warnings, spec.commandLine().getErr());
        if (!noChart) charts.pixels();
        Comparison comparison = new Comparison(labels, results);
        Path dir = out != null ? out : Path.of("out", "compare-" + String.join("-", labels));
        List<String> written = new ArrayList<>();
        comparison.writeCsv(dir.resolve("comparison.csv"));
        written.add("comparison.csv");
        if (!noChart) {
            List<ComparisonChart.Line> lines = new ArrayList<>();
            for (int i = 0; i < results.size(); i++) {
                lines.add(new ComparisonChart.Line(legend(results, labels, i), results.get(i), PriceBasis.cash(results.get(i))));
            }
            written.addAll(charts.write(ComparisonChart.of(lines, "Scenarios: " + String.join(", ", labels)), "comparison", dir));
            if (!comparison.agencies().isEmpty()) {
                written.addAll(charts.write(ComparisonChart.whoPays(comparison, "Scenarios: " + String.join(", ", labels)),
                        "comparison-agencies", dir));
            }
        }
        OutputFolder.tidy(dir, OutputFolder.COMPARE, written);
        print(comparison, spec.commandLine().getOut());
        spec.commandLine().getOut().println();
        spec.commandLine().getOut().println("Wrote " + String.join(", ", written) + " to " + dir);
        spec.commandLine().getOut().flush();
        return Exit.OK;
    }

    /**
     * A scenario's name in a legend: its name alone, as people wrote it; the file's name after it
     * only where two scenarios share a name and could not be told apart otherwise.
     */
    static String legend(List<CouncilResult> results, List<String> files, int i) {
        String name = results.get(i).scenario().name();
        long same = results.stream().filter(r -> r.scenario().name().equals(name)).count();
        return same > 1 ? name + " [" + files.get(i) + "]" : name;
    }

    private static void print(Comparison c, PrintWriter o) {
        List<CouncilResult> rs = c.results();
        List<String> labels = c.labels();
        String units = rs.get(0).scenario().units();
        if (rs.stream().anyMatch(r -> !r.scenario().units().equals(units))) {
            o.println("  Note: the scenarios are in different units (" + String.join(", ", rs.stream()
                    .map(r -> r.scenario().units()).distinct().toList()) + "); differences of amounts mix them.");
        }
        for (int i = 0; i < rs.size(); i++) {
            o.printf(Locale.ROOT, "  [%d] %s  (%s, %s)%n", i + 1, rs.get(i).scenario().name(), labels.get(i),
                    rs.get(i).scenario().units());
        }
        o.println();
        // rows as `run` names them, and only for what some scenario uses; every cell first, so the
        // columns are as wide as their widest cell
        boolean agencies = rs.stream().anyMatch(r -> !r.scenario().part2().agencies().isEmpty());
        List<String[]> rows = new ArrayList<>();
        String[] head = new String[2 * rs.size()];
        head[0] = "indicator";
        for (int i = 0; i < rs.size(); i++) {
            head[i == 0 ? 1 : 2 * i] = "[" + (i + 1) + "]";
            if (i > 0) head[2 * i + 1] = "[" + (i + 1) + "]-[1]";
        }
        rows.add(head);
        for (org.pressure.engine.council.Indicator ind : org.pressure.engine.council.Indicator.values()) {
            String name = ind.key;
            boolean part2 = ind == org.pressure.engine.council.Indicator.TOTAL_OVERSPEND
                    || ind == org.pressure.engine.council.Indicator.UNDELIVERED_SAVINGS
                    || ind == org.pressure.engine.council.Indicator.EFS_TOTAL;
            if (part2 && rs.stream().allMatch(r -> Math.abs((Double) r.indicators().get(ind)) < 0.05)) continue;
            if (ind == org.pressure.engine.council.Indicator.PUBLIC_COST_TOTAL && !agencies) continue;
            boolean year = ind.kind == org.pressure.engine.council.Indicator.Kind.YEAR;
            String[] row = new String[2 * rs.size()];
            row[0] = ind.label;
            Object first = rs.get(0).indicators().asMap().get(name);
            for (int i = 0; i < rs.size(); i++) {
                Object v = rs.get(i).indicators().asMap().get(name);
                row[i == 0 ? 1 : 2 * i] = show(v, name, year);
                if (i > 0) row[2 * i + 1] = difference(first, v, name, year);
            }
            rows.add(row);
        }
        int[] width = new int[head.length];
        for (String[] row : rows) for (int k = 0; k < row.length; k++) width[k] = Math.max(width[k], row[k].length());
        for (int k = 1; k < width.length; k++) width[k] = Math.max(width[k], 12);
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-" + width[0] + "s", row[0]));
            for (int k = 1; k < row.length; k++) line.append(String.format(Locale.ROOT, " %" + width[k] + "s", row[k]));
            o.println(line);
        }
        o.println();
        for (int i = 1; i < rs.size(); i++) {
            Comparison.Payback p = c.payback(i);
            String peak = p.peakYear() == null ? "" : " (its cumulative extra cost peaks at " + money(p.peakExtraCost(),
                    units) + " in " + Scenario.financialYear(p.peakYear()) + ")";
            String text = switch (p.kind()) {
                case NO_EXTRA_COST -> "costs no more than [1] in any year: nothing to pay back";
                case NOT_AN_INVESTMENT -> "costs more than [1] and in no later year less, so it is not an investment "
                        + "that could pay back" + peak;
                case NEVER -> "costs more than [1] at first and less later, but has not paid back by "
                        + Scenario.financialYear(p.lastYear()) + peak;
                case PAID_BACK -> "pays back its extra early cost by " + Scenario.financialYear(p.year()) + peak;
            };
            o.printf(Locale.ROOT, "  Payback of [%d] against [1]: %s%n", i + 1, text);
        }
        if (!c.agencies().isEmpty()) whoPays(c, o);
    }

    /** Each body's cost over the years each scenario shares with the first, and who saves and who pays, in words. */
    private static void whoPays(Comparison c, PrintWriter o) {
        List<CouncilResult> rs = c.results();
        String units = rs.get(0).scenario().units();
        for (int i = 1; i < rs.size(); i++) {
            Comparison.WhoPays w = c.whoPays(i);
            o.println();
            int width = Math.max(30, w.agencies().stream().mapToInt(a -> rs.get(0).scenario().label("agency", a).length())
                    .max().orElse(0));
            String format = "  %-" + width + "s %12s %12s %12s%n";
            o.printf(Locale.ROOT, format, "Who pays, " + Scenario.financialYear(w.from()) + " to "
                    + Scenario.financialYear(w.to()), "[1]", "[" + (i + 1) + "]", "[" + (i + 1) + "]-[1]");
            for (int a = 0; a <= w.agencies().size(); a++) {
                boolean all = a == w.agencies().size();
                o.printf(Locale.ROOT, format, all ? "public purse" : rs.get(0).scenario().label("agency", w.agencies().get(a)),
                        amount(all ? w.basePublic() : w.base()[a]), amount(all ? w.otherPublic() : w.other()[a]),
                        String.format(Locale.ROOT, "%+,.2f", all ? w.publicDifference() : w.difference(a)));
            }
            o.println("  [" + (i + 1) + "] against [1]: " + WhoPaysText.sentence(w, units, rs.get(0).scenario()) + ".");
        }
    }

    private static String amount(double x) {
        return String.format(Locale.ROOT, "%,.2f", Math.abs(x) < 0.005 ? 0.0 : x);
    }

    /** An amount with its units: 4.0 in £m is "£4.0m". */
    static String money(double x, String units) {
        String n = String.format(Locale.ROOT, "%,.1f", x);
        if (units.startsWith("£") && units.length() > 1 && units.length() <= 3) return "£" + n + units.substring(1);
        return n + " " + units;
    }

    private static String show(Object v, String name, boolean year) {
        if (v == null) return "never";
        if (year) return Scenario.financialYear(((Number) v).intValue());
        if (name.equals("statutory_share_end")) return String.format(Locale.ROOT, "%.1f%%", 100 * ((Number) v).doubleValue());
        double x = ((Number) v).doubleValue();
        return String.format(Locale.ROOT, "%,.1f", Math.abs(x) < 0.05 ? 0.0 : x); // as `run` prints them; no -0.0
    }

    /**
     * The difference from the first scenario. For a year, in words that say which way is worse:
     * every year indicator marks a strain (failure, a gap, costs above income, reserves run down),
     * so it coming earlier, or at all, is worse.
     */
    static String difference(Object a, Object b, String name, boolean year) {
        if (year) {
            if (a == null && b == null) return "same (never)";
            if (a == null) return "now happens (worse)";
            if (b == null) return "never happens (better)";
            int d = ((Number) b).intValue() - ((Number) a).intValue();
            if (d == 0) return "same year";
            return Math.abs(d) + (Math.abs(d) == 1 ? " year " : " years ") + (d < 0 ? "earlier (worse)" : "later (better)");
        }
        if (a == null || b == null) return a == b ? "0" : "n/a";
        double d = ((Number) b).doubleValue() - ((Number) a).doubleValue();
        if (name.equals("statutory_share_end")) return String.format(Locale.ROOT, "%+.1f points", 100 * d);
        return String.format(Locale.ROOT, "%+,.1f", Math.abs(d) < 0.05 ? 0.0 : d);
    }
}
