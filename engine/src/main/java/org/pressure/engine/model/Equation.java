package org.pressure.engine.model;

/**
 * One step of one part of a model: reads what it needs from {@code v[slot][step]} (earlier
 * steps freely, the current step only for the slots it declared as reads) and writes its
 * outputs at {@code step}.
 */
@FunctionalInterface
public interface Equation {
    void compute(double[][] v, int step);

    /** The equation that sets one slot to a formula. */
    static Equation assign(int slot, Eval formula) {
        return (v, step) -> v[slot][step] = formula.at(v, step);
    }
}
