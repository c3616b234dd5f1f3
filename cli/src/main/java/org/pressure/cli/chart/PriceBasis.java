package org.pressure.cli.chart;

import org.pressure.engine.council.Columns;
import org.pressure.engine.council.CouncilResult;
import org.pressure.engine.council.Scenario;
import org.pressure.engine.diagnostics.Location;
import org.pressure.engine.diagnostics.ScenarioException;

/**
 * Cash (as the scenario computes) or real terms: every money series divided by a price index
 * and multiplied by its value in the base year. The index is a driver; a driver whose values
 * are all below 1 in size is read as a yearly inflation rate and compounded from the first
 * year, any other as an index level.
 */
public final class PriceBasis {
    private final double[] factor;
    private final String label;

    private PriceBasis(double[] factor, String label) {
        this.factor = factor;
        this.label = label;
    }

    public static PriceBasis cash(CouncilResult r) {
        double[] ones = new double[r.years()];
        java.util.Arrays.fill(ones, 1);
        return new PriceBasis(ones, "cash");
    }

    /** Real terms in the prices of {@code baseYear}, deflated by {@code driver}. */
    public static PriceBasis real(CouncilResult r, String driver, int baseYear) {
        Scenario sc = r.scenario();
        Location at = Location.ofOption("--deflator " + driver);
        if (!r.hasColumn(Columns.driver(driver))) {
            throw new ScenarioException(at, "`" + driver + "` is not a driver of " + sc.file() + "; give the driver "
                    + "that holds inflation (a rate such as cpi: 2%) or a price index");
        }
        if (baseYear < sc.start() || baseYear > sc.end()) {
            throw new ScenarioException(Location.ofOption("--base-year " + baseYear), "the base year must be within the "
                    + "scenario, " + sc.start() + " to " + sc.end());
        }
        double[] d = r.column(Columns.driver(driver));
        boolean rate = java.util.Arrays.stream(d).allMatch(x -> Math.abs(x) < 1);
        // an index stands at 1 or 100 in its base year, and inflation keeps it within a few times that
        boolean indexLike = java.util.Arrays.stream(d).allMatch(x -> x >= 0.2 && x <= 5)
                || java.util.Arrays.stream(d).allMatch(x -> x >= 20 && x <= 500);
        if (!rate && !indexLike) {
            double lo = java.util.Arrays.stream(d).min().orElse(0), hi = java.util.Arrays.stream(d).max().orElse(0);
            throw new ScenarioException(at, "`" + driver + "` runs from " + ResultsWriterNumbers.of(lo) + " to "
                    + ResultsWriterNumbers.of(hi) + ", so it is neither a yearly inflation rate (below 100%) nor a price "
                    + "index (about 1 or 100 in some year); give the driver that holds inflation, such as cpi");
        }
        double[] index = new double[d.length];
        for (int i = 0; i < d.length; i++) {
            index[i] = rate ? (i == 0 ? 1 : index[i - 1] * (1 + d[i])) : d[i];
            if (!(index[i] > 0)) {
                throw new ScenarioException(at, "the price index from `" + driver + "` is not positive in "
                        + Scenario.financialYear(sc.start() + i));
            }
        }
        double base = index[baseYear - sc.start()];
        double[] factor = new double[d.length];
        for (int i = 0; i < d.length; i++) factor[i] = base / index[i];
        return new PriceBasis(factor, Scenario.financialYear(baseYear) + " prices");
    }

    /** Numbers for messages. */
    private static final class ResultsWriterNumbers {
        static String of(double x) {
            return String.format(java.util.Locale.ROOT, Math.abs(x) >= 100 ? "%,.0f" : "%.4g", x);
        }
    }

    /** Whether amounts are in cash (no deflator). */
    public boolean isCash() {
        return "cash".equals(label);
    }

    /** Cash amounts by year, in this basis. */
    public double[] apply(double[] cash) {
        double[] out = new double[cash.length];
        for (int i = 0; i < out.length; i++) out[i] = cash[i] * factor[i];
        return out;
    }

    /** A money column in this basis. */
    public double[] money(CouncilResult r, String column) {
        return money(r.column(column));
    }

    /** Cash amounts by year from the start, in this basis. */
    public double[] money(double[] cash) {
        double[] out = new double[cash.length];
        for (int i = 0; i < out.length; i++) out[i] = cash[i] * factor[i];
        return out;
    }

    /** "£m a year" or "£m a year, 2025/26 prices". */
    public String units(String units) {
        return units + " a year" + ("cash".equals(label) ? "" : ", " + label);
    }
}
