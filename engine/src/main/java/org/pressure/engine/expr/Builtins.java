package org.pressure.engine.expr;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import org.pressure.engine.model.Eval;

/**
 * The one table of built-in functions: every name an expression may call, with its arity and
 * how it is built. Adding a function means adding a row here and a test.
 */
public final class Builtins {

    /** Builds the formula of a call from the formulas of its arguments. */
    @FunctionalInterface
    public interface Factory {
        Eval make(List<Eval> args);
    }

    /**
     * One built-in function.
     *
     * @param lagsFirstArgument the first argument is read one step back (as in {@code previous}),
     *                          so it does not make a same-step dependency
     * @param pure              the value depends only on the arguments, so constant calls fold
     */
    public record Function(String name, int minArgs, int maxArgs, boolean lagsFirstArgument, boolean pure,
                           String usage, Factory factory) {}

    private static final Map<String, Function> TABLE = new TreeMap<>();

    static {
        unary("abs", Math::abs);
        unary("exp", Math::exp);
        unary("ln", Math::log);
        unary("log10", Math::log10);
        unary("sqrt", Math::sqrt);
        unary("sin", Math::sin);
        unary("cos", Math::cos);
        unary("tan", Math::tan);
        unary("floor", Math::floor);
        unary("round", Builtins::roundHalfAwayFromZero);
        variadic("min", Math::min);
        variadic("max", Math::max);
        add(new Function("pi", 0, 0, false, true, "pi", args -> Eval.constant(Math.PI)));
        add(new Function("if", 3, 3, false, true, "if(condition, then, else)", args -> {
            Eval c = args.get(0), a = args.get(1), b = args.get(2);
            return (v, s) -> c.at(v, s) != 0 ? a.at(v, s) : b.at(v, s);
        }));
        add(new Function("previous", 1, 2, true, false, "previous(x, initial)", args -> {
            Eval x = args.get(0);
            Eval initial = args.size() > 1 ? args.get(1) : Eval.constant(0);
            return (v, s) -> s == 0 ? initial.at(v, s) : x.at(v, s - 1);
        }));
    }

    private Builtins() {}

    /** The function called {@code name} (lower case), or null. */
    public static Function get(String name) {
        return TABLE.get(name);
    }

    /** Every function name, for suggestions and docs. */
    public static java.util.Set<String> names() {
        return TABLE.keySet();
    }

    /** Rounds to the nearest whole number, halves away from zero (as spreadsheets do). */
    static double roundHalfAwayFromZero(double x) {
        return Math.signum(x) * Math.floor(Math.abs(x) + 0.5);
    }

    private static void add(Function f) {
        TABLE.put(f.name(), f);
    }

    private static void unary(String name, DoubleUnaryOperator op) {
        add(new Function(name, 1, 1, false, true, name + "(x)", args -> {
            Eval a = args.get(0);
            return (v, s) -> op.applyAsDouble(a.at(v, s));
        }));
    }

    private static void variadic(String name, DoubleBinaryOperator op) {
        add(new Function(name, 1, Integer.MAX_VALUE, false, true, name + "(a, b, ...)", args -> {
            if (args.size() == 1) return args.get(0);
            if (args.size() == 2) {
                Eval a = args.get(0), b = args.get(1);
                return (v, s) -> op.applyAsDouble(a.at(v, s), b.at(v, s));
            }
            Eval[] all = args.toArray(Eval[]::new);
            return (v, s) -> {
                double r = all[0].at(v, s);
                for (int i = 1; i < all.length; i++) r = op.applyAsDouble(r, all[i].at(v, s));
                return r;
            };
        }));
    }
}
