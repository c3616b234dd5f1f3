package org.pressure.engine.model;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.DoubleUnaryOperator;

/**
 * A resolved formula: the one form every compiler of the engine builds (scenario expressions,
 * the council model, XMILE) and from which both ways of running it are derived, the
 * interpreter ({@link #eval()}) and generated code ({@link GeneratedCode}). Names are already
 * slots, tables are arrays by step, and built-in functions are {@link Fn}s, so there is
 * nothing left to look up when it runs.
 *
 * <p>A formula is worked out at one step of a run over the columnar store {@code v[slot][step]}.
 * It reads a slot at that step ({@link Slot}) only when the slot is computed earlier in the
 * step; {@link #reads()} lists those slots, so that the model can order its parts.
 */
public sealed interface Formula {

    /** A number. */
    record Const(double value) implements Formula {}

    /** The value of a slot at the step being computed. */
    record Slot(int slot) implements Formula {}

    /** The index of the step being computed, as a number: 0 at the first step. */
    record Step() implements Formula {}

    /** A value per step, given in advance (a {@code values:} table by year, say). */
    record Table(double[] values) implements Formula {}

    /** {@code x} as it was {@code steps} steps back, or {@code initial} (at this step) before then. */
    record Lag(Formula x, int steps, Formula initial) implements Formula {
        public Lag {
            if (steps < 1) throw new IllegalArgumentException("a lag is of one step or more, not " + steps);
        }
    }

    /** {@code first} at the first step, {@code later} at every other. */
    record Initially(Formula first, Formula later) implements Formula {}

    /**
     * The value a slot had at step {@code index} (rounded to the nearest step, and clamped to the
     * first step and to the current one): HISTORY. See {@link Functions#history}.
     */
    record History(int slot, Formula index) implements Formula {}

    /**
     * The value a slot had {@code steps} steps back (rounded, at least one), or {@code initial}
     * before then: a fixed delay. See {@link Functions#delayed}.
     */
    record Delayed(int slot, Formula steps, Formula initial) implements Formula {}

    /** A unary operator. */
    record Unary(UnaryOp op, Formula a) implements Formula {}

    /** A binary operator. */
    record Binary(BinaryOp op, Formula a, Formula b) implements Formula {}

    /** {@code then} where the condition is not zero, else {@code otherwise}; only one of them is worked out. */
    record If(Formula condition, Formula then, Formula otherwise) implements Formula {}

    /** A built-in function of one or two numbers. */
    record Call(Fn fn, List<Formula> args) implements Formula {
        public Call {
            args = List.copyOf(args);
            if (args.size() != fn.arity()) {
                throw new IllegalArgumentException(fn.name() + " takes " + fn.arity() + " arguments, not " + args.size());
            }
        }
    }

    /**
     * {@code x}, unless {@code broken} is not zero: then the run stops with a
     * {@link Functions.GuardFailure} carrying {@code code}, the step and the value of {@code x},
     * which the compiler that made the guard turns into a problem in the file (a floor outside 0
     * to 100%, say). A comparison with NaN is false, so NaN passes, to be named by the finiteness check.
     */
    record Guard(Formula x, Formula broken, int code) implements Formula {}

    /**
     * A function the model itself defines (an XMILE graphical function): the interpreter and
     * generated code call the same object.
     */
    record Native(String name, DoubleUnaryOperator function, Formula x) implements Formula {}

    /** The unary operators, with their Java form. */
    enum UnaryOp {
        NEG, NOT;

        String java(String a) {
            return this == NEG ? "(-" + a + ")" : "(" + a + " == 0 ? 1.0 : 0.0)";
        }
    }

    /** The binary operators, with their Java form. */
    enum BinaryOp {
        ADD("+"), SUB("-"), MUL("*"), DIV("/"), POW("^"),
        LT("<"), LE("<="), GT(">"), GE(">="), EQ("=="), NE("!="), AND("&&"), OR("||");

        private final String symbol;

        BinaryOp(String symbol) {
            this.symbol = symbol;
        }

        String java(String a, String b) {
            return switch (this) {
                case ADD, SUB, MUL, DIV -> "(" + a + " " + symbol + " " + b + ")";
                case POW -> "Math.pow(" + a + ", " + b + ")";
                case LT, LE, GT, GE, EQ, NE -> "(" + a + " " + symbol + " " + b + " ? 1.0 : 0.0)";
                case AND, OR -> "(" + a + " != 0 " + symbol + " " + b + " != 0 ? 1.0 : 0.0)";
            };
        }
    }

    // ------------------------------------------------------------ building

    static Formula constant(double value) {
        return new Const(value);
    }

    static Formula slot(int slot) {
        return new Slot(slot);
    }

    /** {@code a op b}, worked out now when both are numbers. */
    static Formula binary(BinaryOp op, Formula a, Formula b) {
        return foldIfConstant(new Binary(op, a, b));
    }

    static Formula add(Formula a, Formula b) {
        return binary(BinaryOp.ADD, a, b);
    }

    static Formula sub(Formula a, Formula b) {
        return binary(BinaryOp.SUB, a, b);
    }

    static Formula mul(Formula a, Formula b) {
        return binary(BinaryOp.MUL, a, b);
    }

    static Formula div(Formula a, Formula b) {
        return binary(BinaryOp.DIV, a, b);
    }

    /** A call of a built-in function, worked out now when every argument is a number. */
    static Formula call(Fn fn, Formula... args) {
        return foldIfConstant(new Call(fn, List.of(args)));
    }

    /** The sum of the terms, added one by one from zero, or zero when there are none. */
    static Formula sum(List<Formula> terms) {
        Formula total = constant(0);
        for (Formula t : terms) total = add(total, t);
        return total;
    }

    /** The formula itself, or its value as a constant when it reads nothing that changes during a run. */
    static Formula foldIfConstant(Formula f) {
        return isConstant(f) && !(f instanceof Const) ? constant(f.eval().at(null, 0)) : f;
    }

    /** Whether the formula's value is the same at every step of every run. */
    static boolean isConstant(Formula f) {
        if (f instanceof Const) return true;
        if (f instanceof Unary u) return isConstant(u.a());
        if (f instanceof Binary b) return isConstant(b.a()) && isConstant(b.b());
        if (f instanceof If i) return isConstant(i.condition()) && isConstant(i.then()) && isConstant(i.otherwise());
        if (f instanceof Call c) return c.args().stream().allMatch(Formula::isConstant);
        // slots, steps, tables, lags, histories, delays and model functions
        return false;
    }

    // ------------------------------------------------------------ using

    /** The slots this formula reads at the step being computed, in ascending order. */
    default Set<Integer> reads() {
        Set<Integer> now = new TreeSet<>();
        collect(this, false, now, new TreeSet<>());
        return now;
    }

    /**
     * The slots this formula reads at earlier steps (through a lag, a history or a delay): they
     * must stay in the store from step to step.
     */
    default Set<Integer> earlierReads() {
        Set<Integer> earlier = new TreeSet<>();
        collect(this, false, new TreeSet<>(), earlier);
        return earlier;
    }

    /**
     * Adds the slots {@code f} reads at the step being computed to {@code now}, and those it reads
     * at earlier steps to {@code earlier}; {@code lagged} when {@code f} itself is worked out at an
     * earlier step (inside a lag).
     */
    private static void collect(Formula f, boolean lagged, Set<Integer> now, Set<Integer> earlier) {
        if (f instanceof Slot s) {
            (lagged ? earlier : now).add(s.slot());
        } else if (f instanceof Lag l) {
            collect(l.x(), true, now, earlier);
            collect(l.initial(), lagged, now, earlier);
        } else if (f instanceof Initially i) {
            collect(i.first(), lagged, now, earlier);
            collect(i.later(), lagged, now, earlier);
        } else if (f instanceof History h) {
            // any step up to the current one
            earlier.add(h.slot());
            if (!lagged) now.add(h.slot());
            collect(h.index(), lagged, now, earlier);
        } else if (f instanceof Delayed d) {
            earlier.add(d.slot());
            collect(d.steps(), lagged, now, earlier);
            collect(d.initial(), lagged, now, earlier);
        } else if (f instanceof Unary u) {
            collect(u.a(), lagged, now, earlier);
        } else if (f instanceof Binary b) {
            collect(b.a(), lagged, now, earlier);
            collect(b.b(), lagged, now, earlier);
        } else if (f instanceof If i) {
            collect(i.condition(), lagged, now, earlier);
            collect(i.then(), lagged, now, earlier);
            collect(i.otherwise(), lagged, now, earlier);
        } else if (f instanceof Call c) {
            for (Formula a : c.args()) collect(a, lagged, now, earlier);
        } else if (f instanceof Native n) {
            collect(n.x(), lagged, now, earlier);
        } else if (f instanceof Guard g) {
            collect(g.x(), lagged, now, earlier);
            collect(g.broken(), lagged, now, earlier);
        }
        // constants, steps and tables read no slot
    }

    /** The interpreter's form of this formula. */
    default Eval eval() {
        return Interpreter.of(this);
    }
}
