package org.pressure.engine.xmile;

import java.util.Arrays;

/**
 * An XMILE graphical function (a lookup table): y by x, between the points either joined by
 * straight lines ({@code CONTINUOUS}, held flat beyond the ends), joined and carried on beyond
 * the ends ({@code EXTRAPOLATE}), or held flat until the next point ({@code DISCRETE}).
 */
public record GraphicalFunction(double[] xs, double[] ys, Type type) {

    public enum Type { CONTINUOUS, EXTRAPOLATE, DISCRETE }

    public GraphicalFunction {
        if (xs.length != ys.length || xs.length == 0) {
            throw new IllegalArgumentException("a graphical function needs as many x as y points, and at least one");
        }
        xs = xs.clone();
        ys = ys.clone();
    }

    /** The y value at {@code x}. */
    public double at(double x) {
        int n = xs.length;
        if (Double.isNaN(x)) return Double.NaN;
        if (n == 1) return ys[0];
        if (x <= xs[0]) {
            return type == Type.EXTRAPOLATE ? line(0, x) : ys[0];
        }
        if (x >= xs[n - 1]) {
            return type == Type.EXTRAPOLATE ? line(n - 2, x) : ys[n - 1];
        }
        int i = Arrays.binarySearch(xs, x);
        if (i >= 0) return ys[i];
        int upper = -i - 1;
        return type == Type.DISCRETE ? ys[upper - 1] : line(upper - 1, x);
    }

    /** The line through points {@code i} and {@code i + 1}, at x. */
    private double line(int i, double x) {
        double dx = xs[i + 1] - xs[i];
        if (dx == 0) return ys[i + 1];
        return ys[i] + (x - xs[i]) * (ys[i + 1] - ys[i]) / dx;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GraphicalFunction g && Arrays.equals(xs, g.xs) && Arrays.equals(ys, g.ys) && type == g.type;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(xs) + Arrays.hashCode(ys)) + type.hashCode();
    }

    @Override
    public String toString() {
        return "GraphicalFunction" + Arrays.toString(xs) + "->" + Arrays.toString(ys) + " " + type;
    }
}
