package org.pressure.engine.model;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * The interpreter's form of a {@link Formula}: a tree of small functions, one per node, built
 * once and called at every step. The commonest shapes (a slot times a number, say) get a node
 * of their own so that a run makes fewer calls; generated code ({@link GeneratedCode}) is the
 * other form of the same formula.
 */
final class Interpreter {
    private Interpreter() {}

    static Eval of(Formula f) {
        if (f instanceof Formula.Const c) return Eval.constant(c.value());
        if (f instanceof Formula.Slot s) return Eval.read(s.slot());
        if (f instanceof Formula.Step) return (v, step) -> step;
        if (f instanceof Formula.Table t) {
            double[] values = t.values();
            return (v, step) -> values[step];
        }
        if (f instanceof Formula.Lag l) return lag(l);
        if (f instanceof Formula.Initially i) {
            Eval first = of(i.first()), later = of(i.later());
            return (v, step) -> step == 0 ? first.at(v, step) : later.at(v, step);
        }
        if (f instanceof Formula.History h) {
            int slot = h.slot();
            Eval index = of(h.index());
            return (v, step) -> Functions.history(v[slot], step, index.at(v, step));
        }
        if (f instanceof Formula.Delayed d) {
            int slot = d.slot();
            Eval steps = of(d.steps()), initial = of(d.initial());
            return (v, step) -> Functions.delayed(v[slot], step, steps.at(v, step), initial.at(v, step));
        }
        if (f instanceof Formula.Unary u) {
            Eval a = of(u.a());
            return u.op() == Formula.UnaryOp.NEG ? (v, s) -> -a.at(v, s) : (v, s) -> a.at(v, s) == 0 ? 1 : 0;
        }
        if (f instanceof Formula.Binary b) return binary(b);
        if (f instanceof Formula.If i) {
            Eval c = of(i.condition()), a = of(i.then()), b = of(i.otherwise());
            return (v, s) -> c.at(v, s) != 0 ? a.at(v, s) : b.at(v, s);
        }
        if (f instanceof Formula.Call c) {
            if (c.fn().unary() != null) {
                DoubleUnaryOperator op = c.fn().unary();
                Eval a = of(c.args().get(0));
                return (v, s) -> op.applyAsDouble(a.at(v, s));
            }
            DoubleBinaryOperator op = c.fn().binary();
            Eval a = of(c.args().get(0)), b = of(c.args().get(1));
            return (v, s) -> op.applyAsDouble(a.at(v, s), b.at(v, s));
        }
        if (f instanceof Formula.Guard g) {
            Eval x = of(g.x()), broken = of(g.broken());
            int code = g.code();
            return (v, s) -> Functions.guard(x.at(v, s), broken.at(v, s), code, s);
        }
        Formula.Native n = (Formula.Native) f;
        DoubleUnaryOperator function = n.function();
        Eval x = of(n.x());
        return (v, s) -> function.applyAsDouble(x.at(v, s));
    }

    private static Eval lag(Formula.Lag l) {
        int back = l.steps();
        Eval initial = of(l.initial());
        if (l.x() instanceof Formula.Slot s) {
            int slot = s.slot();
            return (v, step) -> step < back ? initial.at(v, step) : v[slot][step - back];
        }
        Eval x = of(l.x());
        return (v, step) -> step < back ? initial.at(v, step) : x.at(v, step - back);
    }

    private static Eval binary(Formula.Binary b) {
        // a slot with a number, or two slots: read directly rather than through a call
        if (b.a() instanceof Formula.Slot sa && b.b() instanceof Formula.Const cb) {
            int i = sa.slot();
            double k = cb.value();
            switch (b.op()) {
                case ADD: return (v, s) -> v[i][s] + k;
                case SUB: return (v, s) -> v[i][s] - k;
                case MUL: return (v, s) -> v[i][s] * k;
                case DIV: return (v, s) -> v[i][s] / k;
                default: break;
            }
        }
        if (b.a() instanceof Formula.Slot sa && b.b() instanceof Formula.Slot sb) {
            int i = sa.slot(), j = sb.slot();
            switch (b.op()) {
                case ADD: return (v, s) -> v[i][s] + v[j][s];
                case SUB: return (v, s) -> v[i][s] - v[j][s];
                case MUL: return (v, s) -> v[i][s] * v[j][s];
                case DIV: return (v, s) -> v[i][s] / v[j][s];
                default: break;
            }
        }
        Eval a = of(b.a()), c = of(b.b());
        return switch (b.op()) {
            case ADD -> (v, s) -> a.at(v, s) + c.at(v, s);
            case SUB -> (v, s) -> a.at(v, s) - c.at(v, s);
            case MUL -> (v, s) -> a.at(v, s) * c.at(v, s);
            case DIV -> (v, s) -> a.at(v, s) / c.at(v, s);
            case POW -> (v, s) -> Math.pow(a.at(v, s), c.at(v, s));
            case LT -> (v, s) -> a.at(v, s) < c.at(v, s) ? 1 : 0;
            case LE -> (v, s) -> a.at(v, s) <= c.at(v, s) ? 1 : 0;
            case GT -> (v, s) -> a.at(v, s) > c.at(v, s) ? 1 : 0;
            case GE -> (v, s) -> a.at(v, s) >= c.at(v, s) ? 1 : 0;
            case EQ -> (v, s) -> a.at(v, s) == c.at(v, s) ? 1 : 0;
            case NE -> (v, s) -> a.at(v, s) != c.at(v, s) ? 1 : 0;
            case AND -> (v, s) -> a.at(v, s) != 0 && c.at(v, s) != 0 ? 1 : 0;
            case OR -> (v, s) -> a.at(v, s) != 0 || c.at(v, s) != 0 ? 1 : 0;
        };
    }
}
