package org.pressure.engine.model;

/**
 * The numeric helpers that formulas call where Java has no operator or method of its own: the
 * interpreter and generated code both call these, so they cannot drift apart.
 */
public final class Functions {
    private Functions() {}

    /** Rounds to the nearest whole number, halves away from zero (as spreadsheets do). */
    public static double round(double x) {
        return Math.signum(x) * Math.floor(Math.abs(x) + 0.5);
    }

    /** The remainder with the sign of the divisor: {@code -10 mod 3 = 2}, as XMILE defines MOD. */
    public static double floorMod(double a, double b) {
        return a - b * Math.floor(a / b);
    }

    /** The remainder with the sign of the dividend: {@code -10 modulo 3 = -1}, as Vensim's MODULO. */
    public static double modulo(double a, double b) {
        return a % b;
    }

    /** Toward zero, as Vensim's INTEGER. */
    public static double truncate(double x) {
        return x < 0 ? Math.ceil(x) : Math.floor(x);
    }

    /** {@code x / (1 + |x| / max)}: the same slope as x near 0, never beyond max either way (docs/model.md section 13). */
    public static double saturate(double x, double max) {
        return x / (1 + Math.abs(x) / max);
    }

    /** HISTORY: {@code column} at step {@code index} rounded to the nearest step, clamped to the first step and to {@code step}. */
    public static double history(double[] column, int step, double index) {
        long at = Math.round(index);
        return column[(int) Math.max(0, Math.min(step, at))];
    }

    /**
     * A fixed delay: {@code column} {@code steps} steps back (rounded, at least one), or
     * {@code initial} before the first step.
     */
    public static double delayed(double[] column, int step, double steps, double initial) {
        long back = Math.max(1, Math.round(steps));
        return step >= back ? column[(int) (step - back)] : initial;
    }

    /** {@link Formula.Guard}: {@code x}, or a {@link GuardFailure} when {@code broken} is not zero. */
    public static double guard(double x, double broken, int code, int step) {
        if (broken != 0) throw new GuardFailure(code, step, x);
        return x;
    }

    /** A guard of a formula broken in a run: which guard (as its compiler numbered it), the step and the value. */
    public static final class GuardFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int code;
        private final int step;
        private final double value;

        GuardFailure(int code, int step, double value) {
            super("guard " + code + " broken at step " + step + " by " + value, null, false, false);
            this.code = code;
            this.step = step;
            this.value = value;
        }

        public int code() {
            return code;
        }

        public int step() {
            return step;
        }

        public double value() {
            return value;
        }
    }
}
