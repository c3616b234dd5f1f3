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
        // the commonest formulas are done without a call through the formula
        if (formula instanceof Eval.Constant c) {
            double value = c.value();
            return (v, step) -> v[slot][step] = value;
        }
        if (formula instanceof Eval.Read r) {
            int from = r.slot();
            return (v, step) -> v[slot][step] = v[from][step];
        }
        return (v, step) -> v[slot][step] = formula.at(v, step);
    }
}
