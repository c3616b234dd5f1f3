package org.pressure.engine.model;

/**
 * Pieces of Java source for generated model code ({@link Model#generateCode}): a formula as a
 * Java expression at a given step, written over {@code v} (the slots) and {@code k} (tables).
 */
@FunctionalInterface
public interface JavaCode {
    /** The formula's Java expression at the step written as {@code step} (e.g. "t" or "(t - 1)"). */
    String at(String step);

    /** A read of one slot. */
    static JavaCode read(int slot) {
        return step -> "v[" + slot + "][" + step + "]";
    }

    /** A double as an exact Java literal. */
    static String literal(double x) {
        if (Double.isNaN(x)) return "Double.NaN";
        if (Double.isInfinite(x)) return x > 0 ? "Double.POSITIVE_INFINITY" : "Double.NEGATIVE_INFINITY";
        if (x == 0) return (1 / x < 0) ? "(-0.0)" : "0.0";
        return "(" + Double.toHexString(x) + ")";
    }

    /** A constant. */
    static JavaCode constant(double x) {
        String text = literal(x);
        return step -> text;
    }
}
