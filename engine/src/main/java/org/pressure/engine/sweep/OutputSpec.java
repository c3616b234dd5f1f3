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

    /**
     * Reads an output as sweep files and targets write it: an indicator name, or
     * {@code COLUMN@YEAR} / {@code COLUMN@end}. Check it against a scenario with {@link #problem}.
     */
    public static OutputSpec parse(String text) {
        int at = text.lastIndexOf('@');
        if (at < 0) return indicator(text);
        String column = text.substring(0, at), year = text.substring(at + 1);
        Integer y = null;
        if (!year.equals("end")) {
            try {
                y = Integer.valueOf(year);
            } catch (NumberFormatException e) {
                y = Integer.MIN_VALUE;
            }
        }
        return column(text, column, y);
    }

    /** What is wrong with this output for a compiled scenario (unknown indicator or column, year outside), or null. */
    public String problem(org.pressure.engine.council.CompiledScenario compiled) {
        var sc = compiled.scenario();
        java.util.Set<String> columns = new java.util.LinkedHashSet<>();
        compiled.columns().forEach(c -> columns.add(c.header()));
        if (indicator != null && !Indicators.NAMES.contains(indicator)) {
            return "output `" + name + "` is not an indicator" + org.pressure.engine.diagnostics.Suggest.didYouMean(indicator,
                    Indicators.NAMES) + "; use an indicator (" + String.join(", ", Indicators.NAMES)
                    + ") or COLUMN@YEAR / COLUMN@end";
        }
        if (column != null && !columns.contains(column)) {
            return "output `" + name + "`: `" + column + "` is not a results.csv column"
                    + org.pressure.engine.diagnostics.Suggest.didYouMean(column, columns);
        }
        if (column != null && year != null && (year < sc.start() || year > sc.end())) {
            return "output `" + name + "`: the year must be `end` or a year from " + sc.start() + " to " + sc.end();
        }
        return null;
    }

    /** Whether the output is a year (so it may be missing, and gets a by-year share and a histogram). */
    public boolean isYear() {
        return indicator != null && Indicators.YEAR_INDICATORS.contains(indicator);
    }

    /** The output of one run; NaN where it never happens. */
    public double of(CouncilResult r) {
        if (indicator != null) return r.indicators().number(org.pressure.engine.council.Indicator.named(indicator));
        double[] values = r.column(column);
        return values[year == null ? values.length - 1 : year - r.scenario().start()];
    }

}
