package org.pressure.engine.io;

/**
 * A text field of a CSV file the program writes: quoted where it holds a comma, a quote or a
 * line break, and, where it begins with a character a spreadsheet would read as the start of a
 * formula ({@code = + - @}, a tab or a carriage return), preceded by an apostrophe, so that a
 * name such as {@code =HYPERLINK(...)} shows as text and never runs. Numbers are written
 * without it.
 */
public final class CsvText {
    private CsvText() {}

    public static String field(String s) {
        String t = s;
        if (!t.isEmpty() && "=+-@\t\r".indexOf(t.charAt(0)) >= 0) t = "'" + t;
        boolean quote = t.indexOf(',') >= 0 || t.indexOf('"') >= 0 || t.indexOf('\n') >= 0 || t.indexOf('\r') >= 0;
        return quote ? '"' + t.replace("\"", "\"\"") + '"' : t;
    }

    /**
     * A number as every CSV the program writes shows it: the shortest text that reads back to the
     * same double, whole numbers without ".0".
     */
    public static String number(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e15) return Long.toString((long) x);
        // Jackson's Schubfach writer: the shortest text that reads back to the same double (as
        // Double.toString gives from JDK 19 on), several times faster than JDK 17's Double.toString
        return com.fasterxml.jackson.core.io.NumberOutput.toString(x, true);
    }

    /** Significant digits a person reads in results.csv: far beyond any source, short of a double's noise. */
    public static final int READABLE_DIGITS = 12;

    /**
     * {@code x} as a person would write it, in a column whose largest magnitude is
     * {@code columnMax}: rounded to {@value #READABLE_DIGITS} significant digits of that largest
     * value, trailing zeros dropped. So {@code 633.2579999999999} prints as {@code 633.258} and the
     * {@code -4.44e-16} that rounding leaves where a column of hundreds nets to nothing prints as
     * {@code 0}, while a column of small rates keeps its own digits. Not every value reads back
     * to the same double; {@link #number} does.
     */
    public static String readable(double x, double columnMax) {
        if (!Double.isFinite(x)) return number(x);
        double top = Math.max(Math.abs(x), columnMax);
        if (top == 0) return "0";
        int scale = READABLE_DIGITS - 1 - (int) Math.floor(Math.log10(top));
        java.math.BigDecimal d = new java.math.BigDecimal(x).setScale(scale, java.math.RoundingMode.HALF_EVEN);
        if (d.signum() == 0) return "0";
        return d.stripTrailingZeros().toPlainString();
    }
}
