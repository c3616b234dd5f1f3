package org.pressure.engine.expr;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.pressure.engine.diagnostics.Suggest;
import org.pressure.engine.model.Formula;

/**
 * Turns an expression tree into a {@link Formula}, resolving names and functions. What the
 * formula reads at the same step follows from the formula ({@link Formula#reads()}).
 */
public final class Compiler {

    /** What a name means in the model an expression belongs to. */
    public interface Names {
        /** The formula that {@code name} stands for (a slot, a constant, the year...), or null if there is no such name. */
        Formula lookup(String name);

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

    private final Names names;

    private Compiler(Names names) {
        this.names = names;
    }

    /**
     * Compiles {@code e}.
     *
     * @throws ExpressionException on an unknown name or function, or a wrong number of arguments
     */
    public static Formula compile(Expr e, Names names) {
        return new Compiler(names).compile(e);
    }

    private Formula compile(Expr e) {
        if (e instanceof Expr.Num n) return Formula.constant(n.value());
        if (e instanceof Expr.Name n) return name(n);
        if (e instanceof Expr.Call c) return call(c);
        if (e instanceof Expr.Unary u) return unary(u, compile(u.operand()));
        Expr.Binary b = (Expr.Binary) e;
        return Formula.binary(binaryOp(b.op()), compile(b.left()), compile(b.right()));
    }

    private Formula name(Expr.Name n) {
        Formula ref = names.lookup(n.name());
        if (ref == null) {
            Builtins.Function f = Builtins.get(n.name().toLowerCase(java.util.Locale.ROOT));
            if (f != null && f.minArgs() == 0) return call(new Expr.Call(f.name(), List.of(), n.offset()));
            List<String> candidates = new ArrayList<>(names.known());
            throw new ExpressionException(n.offset(), "unknown name `" + n.name() + "`"
                    + Suggest.didYouMean(n.name(), candidates));
        }
        return ref;
    }

    private Formula call(Expr.Call c) {
        Builtins.Function f = names.function(c.function());
        if (f == null && "lookup".equals(c.function()) && c.args().size() == 2
                && c.args().get(0) instanceof Expr.Name table && names.function(table.name()) != null) {
            // lookup(table, x) is the same as table(x)
            return call(new Expr.Call(table.name(), List.of(c.args().get(1)), c.offset()));
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
        if (f.contextual() != null) return contextual(f, c);
        List<Formula> args = new ArrayList<>(n);
        for (Expr a : c.args()) args.add(compile(a));
        Formula result = f.factory().make(args);
        return f.pure() ? Formula.foldIfConstant(result) : result;
    }

    /** A call that needs the model's time axis or state. */
    private Formula contextual(Builtins.Function f, Expr.Call c) {
        Builtins.Context context = names.context();
        if (context == null) {
            throw new ExpressionException(c.offset(), "`" + f.name() + "` needs a model with a time axis"
                    + (f.minArgs() == 0 ? "" : " and state") + "; it is not available here");
        }
        List<Formula> args = new ArrayList<>();
        for (Expr arg : c.args()) args.add(compile(arg));
        try {
            return f.contextual().make(new Builtins.Call(f.name(), args, context, f.name()));
        } catch (ExpressionException e) {
            throw e.offset() == 0 ? new ExpressionException(c.offset(), e.getMessage()) : e;
        }
    }

    private static Formula unary(Expr.Unary u, Formula a) {
        return switch (u.op()) {
            case "-" -> Formula.foldIfConstant(new Formula.Unary(Formula.UnaryOp.NEG, a));
            case "+" -> a;
            case "not" -> Formula.foldIfConstant(new Formula.Unary(Formula.UnaryOp.NOT, a));
            default -> throw new IllegalStateException("unary " + u.op());
        };
    }

    private static Formula.BinaryOp binaryOp(String op) {
        return switch (op) {
            case "+" -> Formula.BinaryOp.ADD;
            case "-" -> Formula.BinaryOp.SUB;
            case "*" -> Formula.BinaryOp.MUL;
            case "/" -> Formula.BinaryOp.DIV;
            case "^" -> Formula.BinaryOp.POW;
            case "<" -> Formula.BinaryOp.LT;
            case "<=" -> Formula.BinaryOp.LE;
            case ">" -> Formula.BinaryOp.GT;
            case ">=" -> Formula.BinaryOp.GE;
            case "=" -> Formula.BinaryOp.EQ;
            case "<>" -> Formula.BinaryOp.NE;
            case "and" -> Formula.BinaryOp.AND;
            case "or" -> Formula.BinaryOp.OR;
            default -> throw new IllegalStateException("binary " + op);
        };
    }
}
