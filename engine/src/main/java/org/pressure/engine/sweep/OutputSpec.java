package org.pressure.engine.sweep;

import org.pressure.engine.council.CouncilResult;
import org.pressure.engine.council.Indicators;

/**
 * One recorded output of each run: an indicator ({@code crossover_year}) or a
 * {@code results.csv} column in a year ({@code reserves@2030}, {@code reserves@end}).
 */
public record OutputSpec(String name, String indicator, String column, Integer year) {

    public static OutputSpec indicator(String name) {
        return new OutputSpec(name, name, null, null);
    }

    /** {@code year} null means the last year. */
    public static OutputSpec column(String name, String column, Integer year) {
        return new OutputSpec(name, null, column, year);
    }

    /** Whether the output is a year (so it may be missing, and gets a by-year share and a histogram). */
    public boolean isYear() {
        return indicator != null && Indicators.YEAR_INDICATORS.contains(indicator);
    }

    /** The output of one run; NaN where it never happens. */
    public double of(CouncilResult r) {
        if (indicator != null) return of(r.indicators());
        double[] values = r.column(column);
        return values[year == null ? values.length - 1 : year - r.scenario().start()];
    }

    /** The value of this output's indicator; NaN where it never happens. */
    double of(Indicators in) {
        return indicatorReader().applyAsDouble(in);
    }

    /** Reads this output's indicator (NaN where it never happens), chosen once rather than per run. */
    java.util.function.ToDoubleFunction<Indicators> indicatorReader() {
        org.pressure.engine.council.Indicator which = org.pressure.engine.council.Indicator.named(indicator);
        if (which == null) throw new IllegalStateException("indicator " + indicator);
        return in -> in.number(which);
    }

}
