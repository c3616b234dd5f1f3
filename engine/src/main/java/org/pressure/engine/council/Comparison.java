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

    /** Statutory plus planned discretionary spend, less cuts to the services failure demand comes from. */
    static double cost(CouncilResult r, int year) {
        double cost = r.value("statutory_spend", year) + r.value("discretionary_planned", year);
        java.util.Set<String> sources = new java.util.HashSet<>();
        for (FailureDemandLink l : r.scenario().links()) sources.add(l.from());
        for (String s : sources) {
            String cut = "service." + s + ".cut";
            if (r.hasColumn(cut)) cost -= r.value(cut, year);
        }
        return cost;
    }

    /**
     * comparison.csv: one row per scenario per year: {@code year, scenario}, the key series, then
     * {@code diff.SERIES}, this scenario minus the first in the same year (empty where the first
     * has no such year, and 0 for the first itself).
     */
    public void writeCsv(Path file) throws IOException {
        AtomicFiles.writeText(file, w -> {
            w.write("year,scenario");
            for (String s : KEY_SERIES) w.write("," + s);
            for (String s : KEY_SERIES) w.write(",diff." + s);
            w.write('\n');
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
                    w.write('\n');
                }
            }
        });
    }

    private static String csv(String s) {
        return org.pressure.engine.io.CsvText.field(s);
    }
}
