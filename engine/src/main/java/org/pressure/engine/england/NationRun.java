package org.pressure.engine.england;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.pressure.engine.council.CouncilResult;
import org.pressure.engine.council.Indicators;

/**
 * Every council run once: each council's indicators and yearly gap and reserves, and what they
 * add up to for the sector: how many councils cannot balance by each year, the summed gap and
 * reserves, the cost to the public purse, and the councils ranked by risk.
 */
public final class NationRun {
    /** The income streams that make up a council's core funding, where its scenario has them (the import's names). */
    static final List<String> CORE_FUNDING = List.of("income.council_tax", "income.business_rates",
            "income.revenue_support_grant");

    /**
     * One council's run.
     *
     * @param coreFunding council tax, business rates and revenue support grant in the first year
     *                    (all income where the scenario does not name those streams)
     * @param openingReserves usable reserves at the start
     */
    public record CouncilRun(CouncilIndex.Entry entry, Indicators indicators, double[] budgetGap, double[] reserves,
                             double coreFunding, double openingReserves) {
        static CouncilRun of(CouncilIndex.Entry entry, CouncilResult r) {
            double core = 0;
            boolean named = false;
            for (String c : CORE_FUNDING) {
                if (r.hasColumn(c)) {
                    core += r.column(c)[0];
                    named = true;
                }
            }
            if (!named) core = r.column("income")[0];
            return new CouncilRun(entry, r.indicators(), r.column("budget_gap").clone(), r.column("reserves").clone(), core,
                    r.scenario().budget().openingReserves());
        }

        /** Usable reserves at the start as a share of core funding: the plain measure of resilience. */
        public double reservesShare() {
            return coreFunding > 0 ? openingReserves / coreFunding : Double.NaN;
        }

        /** Reserves in the last year as a share of the first year's core funding, to order councils failing the same year. */
        double finalCover() {
            // a council without core funding has no ratio: it comes after every council that has one
            return coreFunding > 0 ? indicators.finalReserves() / coreFunding : Double.POSITIVE_INFINITY;
        }
    }

    /**
     * The model's ranking, riskiest first: the earlier a council's failure year, the riskier (a
     * council that never fails comes after every one that does); councils failing in the same
     * year (or never) by how little of their reserves is left at the end, as a share of core
     * funding; then by code, so the order is total and stable.
     */
    public static final Comparator<CouncilRun> RISK = Comparator
            .comparingInt((CouncilRun c) -> c.indicators().failureYear() == null ? Integer.MAX_VALUE : c.indicators().failureYear())
            .thenComparingDouble(CouncilRun::finalCover)
            .thenComparing(c -> c.entry().code());

    private final Nation nation;
    private final List<CouncilRun> councils;

    NationRun(Nation nation, List<CouncilRun> councils) {
        this.nation = nation;
        this.councils = List.copyOf(councils);
    }

    public Nation nation() {
        return nation;
    }

    public List<CouncilRun> councils() {
        return councils;
    }

    /** The councils' codes, in the index's order. */
    public java.util.Set<String> codes() {
        java.util.Set<String> codes = new java.util.LinkedHashSet<>();
        councils.forEach(c -> codes.add(c.entry().code()));
        return codes;
    }

    /** The councils, riskiest first. */
    public List<CouncilRun> ranked() {
        List<CouncilRun> r = new ArrayList<>(councils);
        r.sort(RISK);
        return r;
    }

    /** For each year of the horizon, how many councils cannot balance their budget by then (their failure year is at or before it). */
    public int[] failingBy() {
        double[] by = new double[nation.years()];
        for (CouncilRun c : councils) {
            Integer f = c.indicators().failureYear();
            countFailing(by, by.length, f == null ? Double.NaN : f, nation.start());
        }
        int[] whole = new int[by.length];
        for (int y = 0; y < by.length; y++) whole[y] = (int) by[y];
        return whole;
    }

    /**
     * Adds one council to the counts of councils failing by each year, {@code by[0..years)} from
     * {@code start} on: one for every year at or after its failure year (NaN: it never fails).
     */
    static void countFailing(double[] by, int years, double failureYear, int start) {
        if (Double.isNaN(failureYear)) return;
        for (int y = Math.max(0, (int) failureYear - start); y < years; y++) by[y]++;
    }

    /** The sector's budget gap by year: every council's gap before action, added up. */
    public double[] sectorGap() {
        return sum(CouncilRun::budgetGap);
    }

    /** The sector's reserves by year, added up (a council below zero counts as negative). */
    public double[] sectorReserves() {
        return sum(CouncilRun::reserves);
    }

    /** What every council's services cost the public purse over the horizon, the council's and other bodies'. */
    public double publicCostTotal() {
        double s = 0;
        for (CouncilRun c : councils) s += c.indicators().publicCostTotal();
        return s;
    }

    private double[] sum(java.util.function.Function<CouncilRun, double[]> column) {
        double[] s = new double[nation.years()];
        for (CouncilRun c : councils) {
            double[] v = column.apply(c);
            for (int y = 0; y < s.length; y++) s[y] += v[y];
        }
        return s;
    }
}
