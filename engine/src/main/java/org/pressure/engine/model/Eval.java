package org.pressure.engine.model;

/**
 * A compiled formula: its value at time step {@code step}, reading variables from the
 * columnar store {@code v[slot][step]}. Reads at the current step see only variables computed
 * earlier in the dependency order; reads at earlier steps see finished values.
 */
@FunctionalInterface
public interface Eval {
    double at(double[][] v, int step);

    /** A constant formula. */
    static Eval constant(double value) {
        return new Constant(value);
    }

    /** A formula that reads one variable at the current step. */
    static Eval read(int slot) {
        return new Read(slot);
    }

    /**
     * A read of one slot at the current step, recognised so that the parts built on it can read
     * the slot directly instead of calling through a formula.
     */
    record Read(int slot) implements Eval {
        @Override
        public double at(double[][] v, int step) {
            return v[slot][step];
        }
    }

    /** Constant formulas, recognised so that arithmetic on them can be folded at compile time. */
    record Constant(double value) implements Eval {
        @Override
        public double at(double[][] v, int step) {
            return value;
        }
    }
}
