package org.pressure.engine.council;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.pressure.engine.io.AtomicFiles;

/**
 * Several runs set side by side against the first: the key series by year with their
 * differences, and the payback year of a scenario that spends more early to save later.
 */
public final class Comparison {
    /** The series compared, in results.csv's order. */
    public static final List<String> KEY_SERIES = List.of("income", "statutory_spend", "discretionary_planned",
            "discretionary_funded", "budget_gap", "cuts", "reserves_draw", "reserves");

    private final List<String> labels;
    private final List<CouncilResult> results;

    public Comparison(List<String> labels, List<CouncilResult> results) {
        if (labels.size() != results.size() || results.size() < 2) {
            throw new IllegalArgumentException("compare needs two or more results, each with a label");
        }
        this.labels = List.copyOf(labels);
        this.results = List.copyOf(results);
    }

    public List<String> labels() {
        return labels;
    }

    public List<CouncilResult> results() {
        return results;
    }

    /**
     * What {@link #payback} found: no year costs more than the first; costs more in some years
     * and less in none (not an investment, so there is nothing to pay back with); paid back;
     * or costs less later but not enough by the last year.
     */
    public enum PaybackKind { NO_EXTRA_COST, NOT_AN_INVESTMENT, NEVER, PAID_BACK }

    /**
     * @param year          the payback year (PAID_BACK only)
     * @param peakExtraCost the largest cumulative extra cost on the way, in the first scenario's units
     * @param peakYear      the year it peaked (null for NO_EXTRA_COST)
     * @param lastYear      the last year both scenarios cover
     */
    public record Payback(PaybackKind kind, Integer year, double peakExtraCost, Integer peakYear, int lastYear) {}

    /**
     * The payback of scenario {@code i} against the first, for a scenario that spends more
     * early to spend less later: with cost as below, the first year by which the cumulative
     * extra cost (this minus the first, from the first common year) is back to zero or below,
     * after being above zero. A scenario whose cost is never below the first's in any year after
     * it first costs more is not an investment, and gets no payback test.
     *
     * <p>Cost is statutory spend plus planned discretionary spend, less the cuts to services
     * that failure-demand links come from: cuts elsewhere do not count as savings, and a cut to
     * prevention is counted once, by the failure demand it causes, not also as money spent.
     */
    public Payback payback(int i) {
        CouncilResult base = results.get(0), other = results.get(i);
        int from = Math.max(base.scenario().start(), other.scenario().start());
        int to = Math.min(base.scenario().end(), other.scenario().end());
        double cumulative = 0, peak = 0;
        Integer peakYear = null;
        boolean dearer = false, cheaperLater = false;
        for (int y = from; y <= to; y++) {
            double extra = cost(other, y) - cost(base, y);
            if (extra > 1e-9) dearer = true;
            else if (dearer && extra < -1e-9) cheaperLater = true;
            cumulative += extra;
            if (cumulative > peak) {
                peak = cumulative;
                peakYear = y;
            }
        }
        if (peak <= 1e-9) return new Payback(PaybackKind.NO_EXTRA_COST, null, 0, null, to);
        if (!cheaperLater) return new Payback(PaybackKind.NOT_AN_INVESTMENT, null, peak, peakYear, to);
        cumulative = 0;
        double seen = 0;
        for (int y = from; y <= to; y++) {
            cumulative += cost(other, y) - cost(base, y);
            seen = Math.max(seen, cumulative);
            if (seen > 1e-9 && cumulative <= 1e-9) return new Payback(PaybackKind.PAID_BACK, y, peak, peakYear, to);
        }
        return new Payback(PaybackKind.NEVER, null, peak, peakYear, to);
    }

    /**
     * The council and every agency any of the scenarios lists, in the order they first appear;
     * empty where none lists an agency (then there is nothing to split by agency).
     */
    public List<String> agencies() {
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>();
        for (CouncilResult r : results) all.addAll(r.scenario().part2().agencies());
        if (all.isEmpty()) return List.of();
        List<String> out = new java.util.ArrayList<>();
        out.add(Service.COUNCIL);
        out.addAll(all);
        return out;
    }

    /**
     * An agency's cost by year (docs/model.md section 12): its {@code agency.NAME.cost} column;
     * for the council of a file that has no such column, statutory plus committed plus funded
     * discretionary spend; 0 for an agency the file does not list.
     */
    public static double[] agencyCost(CouncilResult r, String agency) {
        String column = Columns.agency(agency, "cost");
        if (r.columns().stream().anyMatch(c -> c.header().equals(column))) return r.column(column);
        double[] out = new double[r.years()];
        if (!agency.equals(Service.COUNCIL)) return out;
        double[] stat = r.column("statutory_spend"), funded = r.column("discretionary_funded");
        boolean committed = r.columns().stream().anyMatch(c -> c.header().equals("committed_spend"));
        for (int i = 0; i < out.length; i++) {
            out[i] = stat[i] + funded[i] + (committed ? r.column("committed_spend")[i] : 0);
        }
        return out;
    }

    /** The cost to the public purse by year: every agency's cost, the council's included. */
    public static double[] publicCost(CouncilResult r) {
        if (r.columns().stream().anyMatch(c -> c.header().equals("public_cost"))) return r.column("public_cost");
        return agencyCost(r, Service.COUNCIL);
    }

    /**
     * Who saves and who pays when scenario {@code i} is set against the first, over the years
     * both cover ({@code from} to {@code to}): the cost of the council and of each agency either
     * of the two lists, summed over those years in the first scenario and in this one, in the
     * order of {@link #agencies()}, and the public purse.
     */
    public record WhoPays(int from, int to, List<String> agencies, double[] base, double[] other, double basePublic,
                          double otherPublic) {
        /** This scenario's cost to agency {@code a} less the first's: above zero, it pays more. */
        public double difference(int a) {
            return other[a] - base[a];
        }

        public double publicDifference() {
            return otherPublic - basePublic;
        }
    }

    public WhoPays whoPays(int i) {
        CouncilResult base = results.get(0), other = results.get(i);
        int from = Math.max(base.scenario().start(), other.scenario().start());
        int to = Math.min(base.scenario().end(), other.scenario().end());
        // the council and the agencies either of the two lists; a third scenario's agencies play no part
        List<String> agencies = agencies().stream().filter(a -> a.equals(Service.COUNCIL)
                || base.scenario().part2().agencies().contains(a) || other.scenario().part2().agencies().contains(a)).toList();
        double[] b = new double[agencies.size()], o = new double[agencies.size()];
        for (int a = 0; a < agencies.size(); a++) {
            b[a] = sum(base, agencyCost(base, agencies.get(a)), from, to);
            o[a] = sum(other, agencyCost(other, agencies.get(a)), from, to);
        }
        return new WhoPays(from, to, agencies, b, o, sum(base, publicCost(base), from, to),
                sum(other, publicCost(other), from, to));
    }

    private static double sum(CouncilResult r, double[] byYear, int from, int to) {
        double s = 0;
        for (int y = from; y <= to; y++) {
            int i = y - r.scenario().start();
            if (i >= 0 && i < byYear.length) s += byYear[i];
        }
        return s;
    }

    /** Statutory plus planned discretionary spend, less cuts to the services failure demand comes from. */
    static double cost(CouncilResult r, int year) {
        double cost = r.value("statutory_spend", year) + r.value("discretionary_planned", year);
        java.util.Set<String> sources = new java.util.HashSet<>();
        for (FailureDemandLink l : r.scenario().links()) sources.add(l.from());
        for (String s : sources) {
            String cut = Columns.cut(s);
            if (r.hasColumn(cut)) cost -= r.value(cut, year);
        }
        return cost;
    }

    /**
     * comparison.csv: one row per scenario per year: {@code year, scenario}, the key series, then
     * {@code diff.SERIES}, this scenario minus the first in the same year (empty where the first
     * has no such year, and 0 for the first itself). Where any scenario lists agencies, then
     * {@code agency.NAME.cost} for each of {@link #agencies()} and {@code public_cost}, and their
     * {@code diff.} columns.
     */
    public void writeCsv(Path file) throws IOException {
        List<String> agencies = agencies();
        AtomicFiles.writeText(file, w -> {
            w.write("year,scenario");
            for (String s : KEY_SERIES) w.write("," + s);
            for (String s : KEY_SERIES) w.write(",diff." + s);
            List<String> extra = new java.util.ArrayList<>();
            for (String a : agencies) extra.add(Columns.agency(a, "cost"));
            if (!agencies.isEmpty()) extra.add("public_cost");
            for (String s : extra) w.write("," + s);
            for (String s : extra) w.write(",diff." + s);
            w.write('\n');
            List<double[][]> extraValues = new java.util.ArrayList<>();
            for (CouncilResult r : results) {
                double[][] v = new double[extra.size()][];
                for (int a = 0; a < agencies.size(); a++) v[a] = agencyCost(r, agencies.get(a));
                if (!agencies.isEmpty()) v[agencies.size()] = publicCost(r);
                extraValues.add(v);
            }
            CouncilResult base = results.get(0);
            for (int k = 0; k < results.size(); k++) {
                CouncilResult r = results.get(k);
                for (int i = 0; i < r.years(); i++) {
                    int year = r.year(i);
                    w.write(year + "," + csv(labels.get(k)));
                    for (String s : KEY_SERIES) w.write("," + ResultsWriter.number(r.column(s)[i]));
                    boolean shared = year >= base.scenario().start() && year <= base.scenario().end();
                    for (String s : KEY_SERIES) {
                        w.write(',');
                        if (shared) w.write(ResultsWriter.number(r.column(s)[i] - base.value(s, year)));
                    }
                    double[][] mine = extraValues.get(k), theirs = extraValues.get(0);
                    for (double[] v : mine) w.write("," + ResultsWriter.number(v[i]));
                    for (int e = 0; e < mine.length; e++) {
                        w.write(',');
                        if (shared) w.write(ResultsWriter.number(mine[e][i] - theirs[e][year - base.scenario().start()]));
                    }
                    w.write('\n');
                }
            }
        });
    }

    private static String csv(String s) {
        return org.pressure.engine.io.CsvText.field(s);
    }
}
