package org.pressure.engine.model;

/**
 * A model as generated code ({@link GeneratedCode}): what {@link Model} calls in place of its
 * parts' equations. Public only so that the generated classes, which live apart from this
 * package, can implement it.
 */
public interface Kernel {
    /**
     * Every part at every step, in order; returns flags of the values computed, OR-ed: negative
     * exactly when one is not finite.
     */
    long run(double[][] v);

    /**
     * One step's parts, in order: every one ({@code initial}, the first step of a model whose
     * stocks a Runge-Kutta method integrates) or all but the stocks' initial values. Returns
     * flags as {@link #run} does.
     */
    long parts(double[][] v, int t, boolean initial);

    /** The stocks' rates at step {@code t}, into {@code out} (a Runge-Kutta model's stocks, in order). */
    void rates(double[][] v, int t, double[] out);
}
