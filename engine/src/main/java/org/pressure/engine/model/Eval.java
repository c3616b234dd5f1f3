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
        return (v, step) -> v[slot][step];
    }

    /** Constant formulas, recognised so that arithmetic on them can be folded at compile time. */
    record Constant(double value) implements Eval {
        @Override
        public double at(double[][] v, int step) {
            return value;
        }
    }
}
