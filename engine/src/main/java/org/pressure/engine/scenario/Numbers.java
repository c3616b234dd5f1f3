package org.pressure.engine.scenario;

import java.util.regex.Pattern;

/** Numbers as analysts write them: {@code 2.5}, {@code -1e3}, {@code 4.99%} (= 0.0499). */
public final class Numbers {
    private static final Pattern NUMBER =
            Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?%?");
    private static final Pattern LOOKS_NUMERIC = Pattern.compile("[+-]?[.\\d].*|.*%\\s*");

    private Numbers() {}

    /** The value of {@code text}, or null if it is not a number or percentage. */
    public static Double parse(String text) {
        // 1_000 is a thousand, as in YAML; an underscore anywhere else makes it a name (_1)
        String t = text.strip().replaceAll("(?<=\\d)_(?=\\d)", "");
        if (!NUMBER.matcher(t).matches()) return null;
        boolean percent = t.endsWith("%");
        double v = Double.parseDouble(percent ? t.substring(0, t.length() - 1) : t);
        if (!Double.isFinite(v)) return null;
        return percent ? percent(t.substring(0, t.length() - 1)) : v;
    }

    /**
     * A percentage's value, rounded once from the decimal written: 0.41% is the double nearest
     * 0.0041, not 0.41 / 100 (which is 0.0040999999999999995).
     */
    public static double percent(String digits) {
        return new java.math.BigDecimal(digits.strip()).movePointLeft(2).doubleValue();
    }

    /** True if {@code text} was probably meant as a number (so a failure to parse is a typo). */
    public static boolean looksNumeric(String text) {
        return LOOKS_NUMERIC.matcher(text.strip()).matches();
    }

    /** The message for text that should have been a number. */
    public static String badNumber(String text) {
        return "`" + text + "` is not a number; write a plain number such as 2.5 or -1e3, or a percentage such as 4.99%";
    }
}
