package org.pressure.engine.expr;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.pressure.engine.model.Eval;
import org.pressure.engine.scenario.Suggest;

/** Turns an expression tree into a formula, resolving names and recording same-step dependencies. */
public final class Compiler {

    /** What a name means in the model an expression belongs to. */
    public interface Names {
        /** The meaning of {@code name}, or null if there is no such name. */
        Ref lookup(String name);

        /** Every name that may be used, for suggestions. */
        Collection<String> known();
    }

    /**
     * The meaning of a name: its formula, and the variable slots it reads at the current step
     * (empty for constants and time).
     */
    public record Ref(Eval eval, int[] reads) {
        public static Ref variable(int slot) {
            return new Ref(Eval.read(slot), new int[] {slot});
        }

        public static Ref of(Eval eval) {
            return new Ref(eval, new int[0]);
        }
    }

    private final Names names;
    private final Set<Integer> reads;

    private Compiler(Names names, Set<Integer> reads) {
        this.names = names;
        this.reads = reads;
    }

    /**
     * Compiles {@code e}; adds to {@code reads} every slot it reads at the current step.
     *
     * @throws ExpressionException on an unknown name or function, or a wrong number of arguments
     */
    public static Eval compile(Expr e, Names names, Set<Integer> reads) {
        return new Compiler(names, reads).compile(e, false);
    }

    private Eval compile(Expr e, boolean lagged) {
        if (e instanceof Expr.Num n) return Eval.constant(n.value());
        if (e instanceof Expr.Name n) return name(n, lagged);
        if (e instanceof Expr.Call c) return call(c, lagged);
        if (e instanceof Expr.Unary u) return unary(u, compile(u.operand(), lagged));
        Expr.Binary b = (Expr.Binary) e;
        return binary(b.op(), compile(b.left(), lagged), compile(b.right(), lagged));
    }

    private Eval name(Expr.Name n, boolean lagged) {
        Ref ref = names.lookup(n.name());
        if (ref == null) {
            Builtins.Function f = Builtins.get(n.name().toLowerCase(java.util.Locale.ROOT));
            if (f != null && f.minArgs() == 0) return f.factory().make(List.of());
            List<String> candidates = new ArrayList<>(names.known());
            throw new ExpressionException(n.offset(), "unknown name `" + n.name() + "`"
                    + Suggest.didYouMean(n.name(), candidates));
        }
        if (!lagged) for (int slot : ref.reads()) reads.add(slot);
        return ref.eval();
    }

    private Eval call(Expr.Call c, boolean lagged) {
        Builtins.Function f = Builtins.get(c.function());
        if (f == null) {
            throw new ExpressionException(c.offset(), "unknown function `" + c.function() + "`"
                    + Suggest.didYouMean(c.function(), Builtins.names()));
        }
        int n = c.args().size();
        if (n < f.minArgs() || n > f.maxArgs()) {
            String count = f.minArgs() == f.maxArgs() ? String.valueOf(f.minArgs())
                    : f.maxArgs() == Integer.MAX_VALUE ? "at least " + f.minArgs()
                    : f.minArgs() + " or " + f.maxArgs();
            throw new ExpressionException(c.offset(), "`" + c.function() + "` takes " + count
                    + " argument" + ("1".equals(count) ? "" : "s") + " (" + f.usage() + "), not " + n);
        }
        List<Eval> args = new ArrayList<>(n);
        boolean allConstant = true;
        for (int i = 0; i < n; i++) {
            Eval a = compile(c.args().get(i), lagged || (i == 0 && f.lagsFirstArgument()));
            allConstant &= a instanceof Eval.Constant;
            args.add(a);
        }
        Eval result = f.factory().make(args);
        return f.pure() && allConstant ? fold(result) : result;
    }

    private static Eval unary(Expr.Unary u, Eval a) {
        Eval r = switch (u.op()) {
            case "-" -> (v, s) -> -a.at(v, s);
            case "+" -> a;
            case "not" -> (v, s) -> a.at(v, s) == 0 ? 1 : 0;
            default -> throw new IllegalStateException("unary " + u.op());
        };
        return a instanceof Eval.Constant ? fold(r) : r;
    }

    private static Eval binary(String op, Eval a, Eval b) {
        Eval r = switch (op) {
            case "+" -> (v, s) -> a.at(v, s) + b.at(v, s);
            case "-" -> (v, s) -> a.at(v, s) - b.at(v, s);
            case "*" -> (v, s) -> a.at(v, s) * b.at(v, s);
            case "/" -> (v, s) -> a.at(v, s) / b.at(v, s);
            case "^" -> (v, s) -> Math.pow(a.at(v, s), b.at(v, s));
            case "<" -> (v, s) -> a.at(v, s) < b.at(v, s) ? 1 : 0;
            case "<=" -> (v, s) -> a.at(v, s) <= b.at(v, s) ? 1 : 0;
            case ">" -> (v, s) -> a.at(v, s) > b.at(v, s) ? 1 : 0;
            case ">=" -> (v, s) -> a.at(v, s) >= b.at(v, s) ? 1 : 0;
            case "=" -> (v, s) -> a.at(v, s) == b.at(v, s) ? 1 : 0;
            case "<>" -> (v, s) -> a.at(v, s) != b.at(v, s) ? 1 : 0;
            case "and" -> (v, s) -> a.at(v, s) != 0 && b.at(v, s) != 0 ? 1 : 0;
            case "or" -> (v, s) -> a.at(v, s) != 0 || b.at(v, s) != 0 ? 1 : 0;
            default -> throw new IllegalStateException("binary " + op);
        };
        return a instanceof Eval.Constant && b instanceof Eval.Constant ? fold(r) : r;
    }

    private static Eval fold(Eval constantFormula) {
        return Eval.constant(constantFormula.at(null, 0));
    }
}
