package org.pressure.engine.expr;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.pressure.engine.diagnostics.Suggest;
import org.pressure.engine.model.Eval;

/** Turns an expression tree into a formula, resolving names and recording same-step dependencies. */
public final class Compiler {

    /** What a name means in the model an expression belongs to. */
    public interface Names {
        /** The meaning of {@code name}, or null if there is no such name. */
        Ref lookup(String name);

        /** Every name that may be used, for suggestions. */
        Collection<String> known();

        /**
         * The time axis and state of the model, for built-ins such as {@code step} or
         * {@code smth1}; null where expressions have none (they are then refused by name).
         */
        default Builtins.Context context() {
            return null;
        }

        /**
         * A function the model itself defines (an XMILE graphical function, say), called as
         * {@code name(x)}; null if there is none, and the built-in table is asked next.
         */
        default Builtins.Function function(String name) {
            return null;
        }
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
            if (f != null && f.minArgs() == 0) return call(new Expr.Call(f.name(), List.of(), n.offset()), lagged);
            List<String> candidates = new ArrayList<>(names.known());
            throw new ExpressionException(n.offset(), "unknown name `" + n.name() + "`"
                    + Suggest.didYouMean(n.name(), candidates));
        }
        if (!lagged) for (int slot : ref.reads()) reads.add(slot);
        return ref.eval();
    }

    private Eval call(Expr.Call c, boolean lagged) {
        Builtins.Function f = names.function(c.function());
        if (f == null && "lookup".equals(c.function()) && c.args().size() == 2
                && c.args().get(0) instanceof Expr.Name table && names.function(table.name()) != null) {
            // lookup(table, x) is the same as table(x)
            return call(new Expr.Call(table.name(), List.of(c.args().get(1)), c.offset()), lagged);
        }
        if (f == null) f = Builtins.get(c.function());
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
                    + " argument" + (count.endsWith(" 1") || "1".equals(count) ? "" : "s") + " (" + f.usage() + "), not " + n);
        }
        if (f.contextual() != null) return contextual(f, c, lagged);
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

    /**
     * A call that needs the model's time axis or state: each argument is compiled with its own
     * reads, and the function decides which of them its value reads at the current step.
     */
    private Eval contextual(Builtins.Function f, Expr.Call c, boolean lagged) {
        Builtins.Context context = names.context();
        if (context == null) {
            throw new ExpressionException(c.offset(), "`" + f.name() + "` needs a model with a time axis"
                    + (f.minArgs() == 0 ? "" : " and state") + "; it is not available here");
        }
        List<Eval> args = new ArrayList<>();
        List<Set<Integer>> argReads = new ArrayList<>();
        for (Expr arg : c.args()) {
            Set<Integer> own = new java.util.HashSet<>();
            args.add(new Compiler(names, own).compile(arg, false));
            argReads.add(own);
        }
        Set<Integer> callReads = new java.util.HashSet<>();
        Eval result;
        try {
            result = f.contextual().make(new Builtins.Call(f.name(), args, argReads, context, callReads, f.name()));
        } catch (ExpressionException e) {
            throw e.offset() == 0 ? new ExpressionException(c.offset(), e.getMessage()) : e;
        }
        if (!lagged) reads.addAll(callReads);
        return result;
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
