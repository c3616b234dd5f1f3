package org.pressure.engine.model;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/**
 * The generated-code form of a {@link Formula}: a Java expression over the slots {@code v}, the
 * step {@code t}, the tables {@code k} and the model functions {@code g}. One instance serves one
 * generated class and numbers the tables and functions it meets. It performs the interpreter's
 * operations in the interpreter's order, and calls the same {@link Fn} methods and
 * {@link Functions}, so both give the same numbers to the last bit.
 */
final class JavaSource {
    private final Map<double[], Integer> tables = new IdentityHashMap<>();
    private final List<double[]> tableList = new ArrayList<>();
    private final Map<DoubleUnaryOperator, Integer> functions = new IdentityHashMap<>();
    private final List<DoubleUnaryOperator> functionList = new ArrayList<>();
    /** Slots held in local variables ({@code l<slot>}) in the method being written. */
    private java.util.Set<Integer> locals = java.util.Set.of();

    /** Sets the slots that the method being written holds in local variables. */
    void locals(java.util.Set<Integer> slots) {
        this.locals = slots;
    }

    /** The name of the local variable holding a slot. */
    static String local(int slot) {
        return "l" + slot;
    }

    double[][] tables() {
        return tableList.toArray(double[][]::new);
    }

    DoubleUnaryOperator[] functions() {
        return functionList.toArray(DoubleUnaryOperator[]::new);
    }

    /** The formula at the step written {@code step} ("t", or "(t - 1)"). */
    String at(Formula f, String step) {
        if (f instanceof Formula.Const c) return literal(c.value());
        if (f instanceof Formula.Slot s) {
            // a local is only ever read at the step it is computed (never through a lag)
            return locals.contains(s.slot()) && step.equals("t") ? local(s.slot()) : "v[" + s.slot() + "][" + step + "]";
        }
        if (f instanceof Formula.Step) return "((double) " + step + ")";
        if (f instanceof Formula.Table t) {
            int k = tables.computeIfAbsent(t.values(), x -> {
                tableList.add(x);
                return tableList.size() - 1;
            });
            return "k[" + k + "][" + step + "]";
        }
        if (f instanceof Formula.Lag l) {
            return "(" + step + " < " + l.steps() + " ? " + at(l.initial(), step) + " : "
                    + at(l.x(), "(" + step + " - " + l.steps() + ")") + ")";
        }
        if (f instanceof Formula.Initially i) {
            return "(" + step + " == 0 ? " + at(i.first(), step) + " : " + at(i.later(), step) + ")";
        }
        if (f instanceof Formula.History h) {
            return helper("history") + "(v[" + h.slot() + "], " + step + ", " + at(h.index(), step) + ")";
        }
        if (f instanceof Formula.Delayed d) {
            return helper("delayed") + "(v[" + d.slot() + "], " + step + ", " + at(d.steps(), step) + ", "
                    + at(d.initial(), step) + ")";
        }
        if (f instanceof Formula.Unary u) return u.op().java(at(u.a(), step));
        if (f instanceof Formula.Binary b) return b.op().java(at(b.a(), step), at(b.b(), step));
        if (f instanceof Formula.If i) {
            return "(" + at(i.condition(), step) + " != 0 ? " + at(i.then(), step) + " : " + at(i.otherwise(), step) + ")";
        }
        if (f instanceof Formula.Call c) {
            StringBuilder s = new StringBuilder(c.fn().java()).append('(');
            for (int i = 0; i < c.args().size(); i++) {
                if (i > 0) s.append(", ");
                s.append(at(c.args().get(i), step));
            }
            return s.append(')').toString();
        }
        if (f instanceof Formula.Guard g) {
            return helper("guard") + "(" + at(g.x(), step) + ", " + at(g.broken(), step) + ", " + g.code() + ", " + step + ")";
        }
        Formula.Native n = (Formula.Native) f;
        int g = functions.computeIfAbsent(n.function(), x -> {
            functionList.add(x);
            return functionList.size() - 1;
        });
        return "g[" + g + "].applyAsDouble(" + at(n.x(), step) + ")";
    }

    private static String helper(String method) {
        return Functions.class.getName() + "." + method;
    }

    /** A double as an exact Java literal. */
    static String literal(double x) {
        if (Double.isNaN(x)) return "Double.NaN";
        if (Double.isInfinite(x)) return x > 0 ? "Double.POSITIVE_INFINITY" : "Double.NEGATIVE_INFINITY";
        if (x == 0) return (1 / x < 0) ? "(-0.0)" : "0.0";
        return "(" + Double.toHexString(x) + ")";
    }
}
