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
        try {
            return new java.math.BigDecimal(digits.strip()).movePointLeft(2).doubleValue();
        } catch (ArithmeticException | NumberFormatException e) {
            // an exponent beyond what a decimal can hold (1e-2147483648%): the double is exact enough
            return Double.parseDouble(digits.strip()) / 100;
        }
    }

    /** True if {@code text} was probably meant as a number (so a failure to parse is a typo). */
    public static boolean looksNumeric(String text) {
        return LOOKS_NUMERIC.matcher(text.strip()).matches();
    }

    /** The message for text that should have been a number. */
    public static String badNumber(String text) {
        String t = text.strip();
        if (FINANCIAL_YEAR.matcher(t).matches()) {
            return "`" + t + "` is a financial year written as text; years are whole numbers: write "
                    + t.substring(0, 4) + " for " + t;
        }
        if (THOUSANDS.matcher(t).matches()) {
            return "`" + t + "` is not a number: write it without commas, " + t.replace(",", "")
                    + " (or " + t.replace(',', '_') + ")";
        }
        String shown = t.length() <= 60 ? t : t.substring(0, 60) + "...";
        if (t.startsWith("=") && t.chars().filter(c -> c == '(').count() > t.chars().filter(c -> c == ')').count()) {
            return "`" + shown + "` is not a number (here only a number is allowed; and an expression with a comma in a "
                    + "{...} mapping or [...] list must be in quotes, since the comma ends the value)";
        }
        return "`" + shown + "` is not a number; write a plain number such as 2.5 or -1e3, or a percentage such as 4.99%";
    }

    private static final Pattern FINANCIAL_YEAR = Pattern.compile("\\d{4}\\s*[/-]\\s*\\d{2}(\\d{2})?");
    private static final Pattern THOUSANDS = Pattern.compile("[+-]?\\d{1,3}(,\\d{3})+(\\.\\d+)?%?");
}
