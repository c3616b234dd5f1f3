package org.pressure.cli.serve;

import java.math.BigDecimal;
import java.util.List;
import org.pressure.engine.scenario.Numbers;

/**
 * One slider of the what-if page: a path of the scenario that holds a number, the positions the
 * slider can take (each written exactly as a {@code --set} value would be, e.g. {@code 2.5%}),
 * and what a person reads beside it.
 *
 * @param path     the dotted path, as for {@code --set}
 * @param label    what it is, in plain words
 * @param unit     its unit in words ("% a year", "£m")
 * @param comment  the comment written beside it in the scenario file (its source), or ""
 * @param written  the value as the scenario file writes it
 * @param values   every position of the slider as {@code --set} text, in increasing order; the
 *                 scenario's own value is one of them
 * @param baseIndex the position of the scenario's own value
 */
public record Lever(String path, String label, String unit, String comment, String written, List<String> values,
                    int baseIndex) {

    /** More positions than this on one slider is a mistake in the step. */
    public static final int MAX_POSITIONS = 401;

    public Lever {
        values = List.copyOf(values);
        if (baseIndex < 0 || baseIndex >= values.size()) throw new IllegalArgumentException("base index out of range");
    }

    public double low() {
        return Numbers.parse(values.get(0));
    }

    public double high() {
        return Numbers.parse(values.get(values.size() - 1));
    }

    /**
     * The slider's positions from {@code low} to {@code high} by {@code step}, in display units
     * (percentage points for a percentage), with the scenario's own value {@code base} added
     * where it falls between steps.
     *
     * @return the positions as {@code --set} text
     */
    static List<String> positions(BigDecimal low, BigDecimal high, BigDecimal step, BigDecimal base, boolean percent) {
        List<BigDecimal> xs = new java.util.ArrayList<>();
        for (BigDecimal x = low; x.compareTo(high) <= 0; x = x.add(step)) {
            xs.add(x);
            if (xs.size() > MAX_POSITIONS) break;
        }
        if (xs.stream().noneMatch(x -> x.compareTo(base) == 0)) xs.add(base);
        xs.sort(null);
        return xs.stream().map(x -> text(x, percent)).toList();
    }

    static String text(BigDecimal x, boolean percent) {
        String s = x.stripTrailingZeros().toPlainString();
        if (s.equals("-0")) s = "0";
        return percent ? s + "%" : s;
    }
}
