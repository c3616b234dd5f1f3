package org.pressure.engine.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.IntFunction;
import org.pressure.engine.model.Fn;
import org.pressure.engine.model.Formula;
import org.pressure.engine.model.Formula.BinaryOp;
import org.pressure.engine.model.Functions;

/**
 * The one table of built-in functions: every name an expression may call, with its arity and
 * the {@link Formula} it builds. Adding a function means adding a row here and a test: a
 * function of plain numbers is an {@link Fn}, given with its Java method, and every other
 * function is written as a formula, so it has both an interpreted and a generated form
 * without more ado. Scenario expressions and XMILE models share this table; the functions
 * that need a time axis or carry state from step to step (step, pulse, smth1, delay3, ...) get
 * it from the {@link Context} of the model they are compiled into.
 */
public final class Builtins {

    /** Builds the formula of a call from the formulas of its arguments. */
    @FunctionalInterface
    public interface Factory {
        Formula make(List<Formula> args);
    }

    /** Builds the formula of a call that needs the model's time axis or state. */
    @FunctionalInterface
    public interface ContextFactory {
        Formula make(Call call);
    }

    /**
     * What time-aware and stateful functions need from the model they are compiled into: the
     * time axis, and internal stocks that the model's integrator carries from step to step.
     */
    public interface Context {
        /** The current time. */
        Formula time();

        double dt();

        double startTime();

        double stopTime();

        /**
         * Adds an internal stock: at the first step it is {@code initial}; afterwards the
         * integrator advances it by its rate, which {@code rate} builds given the stock's own slot.
         *
         * @return the stock's slot
         */
        int stock(String label, Formula initial, IntFunction<Formula> rate);

        /** Adds a slot that holds {@code x} at every step. */
        int record(String label, Formula x);
    }

    /** One call being compiled: its arguments and the model's context. */
    public record Call(String function, List<Formula> args, Context context, String label) {
        Formula arg(int i) {
            return args.get(i);
        }

        boolean has(int i) {
            return args.size() > i;
        }

        /** An argument that must not change during a run (a number of stages, say). */
        double constant(int i, String what) {
            if (!(args.get(i) instanceof Formula.Const c)) {
                throw new ExpressionException(0, "`" + function + "`: " + what + " must be a constant number");
            }
            return c.value();
        }

        Call without(int i) {
            List<Formula> copy = new ArrayList<>(args);
            if (copy.size() > i) copy.remove(i);
            return new Call(function, copy, context, label);
        }
    }

    /**
     * One built-in function.
     *
     * @param pure       the value depends only on the arguments, so constant calls fold
     * @param contextual non-null for functions that need the model's {@link Context}
     */
    public record Function(String name, int minArgs, int maxArgs, boolean pure, String usage, Factory factory,
                           ContextFactory contextual) {
        public Function(String name, int minArgs, int maxArgs, boolean pure, String usage, Factory factory) {
            this(name, minArgs, maxArgs, pure, usage, factory, null);
        }
    }

    private static final Map<String, Function> TABLE = new TreeMap<>();
    /** The functions of plain numbers, by name, for tests and tools. */
    private static final Map<String, Fn> PURE = new TreeMap<>();

    private static final String F = Functions.class.getName() + ".";

    static {
        unary("abs", "Math.abs", Math::abs);
        unary("exp", "Math.exp", Math::exp);
        unary("ln", "Math.log", Math::log);
        unary("log10", "Math.log10", Math::log10);
        unary("sqrt", "Math.sqrt", Math::sqrt);
        unary("sin", "Math.sin", Math::sin);
        unary("cos", "Math.cos", Math::cos);
        unary("tan", "Math.tan", Math::tan);
        unary("arcsin", "Math.asin", Math::asin);
        unary("arccos", "Math.acos", Math::acos);
        unary("arctan", "Math.atan", Math::atan);
        unary("floor", "Math.floor", Math::floor);
        unary("int", "Math.floor", Math::floor);
        // Vensim's INTEGER truncates toward zero; XMILE files exported from Vensim mean it by INT
        unary("integer", F + "truncate", Functions::truncate);
        unary("round", F + "round", Functions::round);
        binary("mod", F + "floorMod", Functions::floorMod);
        // Vensim's MODULO keeps the sign of the dividend (-10 modulo 3 = -1)
        binary("modulo", F + "modulo", Functions::modulo);
        variadic(Fn.MIN);
        variadic(Fn.MAX);
        unary("sinh", "Math.sinh", Math::sinh);
        unary("cosh", "Math.cosh", Math::cosh);
        unary("tanh", "Math.tanh", Math::tanh);
        unary("sign", "Math.signum", Math::signum);
        binary("power", "Math.pow", Math::pow);
        // over the elements of an array (the XMILE importer passes them one argument each) or a plain list
        aggregate("sum", args -> fold(BinaryOp.ADD, 0, args));
        aggregate("prod", args -> fold(BinaryOp.MUL, 1, args));
        aggregate("mean", args -> Formula.div(fold(BinaryOp.ADD, 0, args), Formula.constant(args.size())));
        aggregate("size", args -> Formula.constant(args.size()));
        add(new Function("pi", 0, 0, true, "pi", args -> Formula.constant(Math.PI)));
        add(new Function("inf", 0, 0, true, "inf", args -> Formula.constant(Double.POSITIVE_INFINITY)));
        add(new Function("if", 3, 3, true, "if(condition, then, else)", Builtins::ifThenElse));
        add(new Function("if_then_else", 3, 3, true, "if_then_else(condition, then, else)", Builtins::ifThenElse));
        add(new Function("safediv", 2, 3, true, "safediv(a, b, otherwise)", Builtins::safeDivision));
        add(new Function("xidz", 3, 3, true, "xidz(a, b, x)", Builtins::safeDivision));
        add(new Function("zidz", 2, 2, true, "zidz(a, b)", Builtins::safeDivision));
        add(new Function("previous", 1, 2, false, "previous(x, initial)",
                args -> new Formula.Lag(args.get(0), 1, args.size() > 1 ? args.get(1) : Formula.constant(0))));

        // --- the time axis
        timeName("time", c -> c.context().time());
        timeName("dt", c -> Formula.constant(c.context().dt()));
        timeName("starttime", c -> Formula.constant(c.context().startTime()));
        timeName("stoptime", c -> Formula.constant(c.context().stopTime()));
        contextual("step", 2, 2, "step(height, start_time)", c -> {
            // a tolerance of a millionth of a step, so that times computed as start + n * dt compare as the modeller meant
            Formula due = Formula.sub(c.arg(1), Formula.constant(c.context().dt() * 1e-6));
            return new Formula.If(ge(c.context().time(), due), c.arg(0), Formula.constant(0));
        });
        contextual("ramp", 2, 3, "ramp(slope, start_time, end_time)", c -> {
            Formula time = c.context().time(), start = c.arg(1);
            Formula end = c.has(2) ? c.arg(2) : Formula.constant(Double.POSITIVE_INFINITY);
            return new Formula.If(Formula.binary(BinaryOp.LE, time, start), Formula.constant(0),
                    Formula.mul(c.arg(0), Formula.sub(Formula.call(Fn.MIN, time, end), start)));
        });
        contextual("pulse", 2, 3, "pulse(magnitude, first_time, interval)", Builtins::pulse);
        contextual("sinwave", 2, 2, "sinwave(amplitude, period)", c -> wave(c, "sin"));
        contextual("coswave", 2, 2, "coswave(amplitude, period)", c -> wave(c, "cos"));

        // --- stateful functions: internal stocks advanced by the model's integrator
        contextual("history", 2, 2, "history(x, time)", Builtins::history);
        contextual("init", 1, 1, "init(x)", c -> frozen(c, 0));
        contextual("delay", 2, 3, "delay(input, delay_time, initial)", Builtins::fixedDelay);
        contextual("delay1", 2, 3, "delay1(input, delay_time, initial)", c -> materialDelay(c, 1));
        contextual("delay3", 2, 3, "delay3(input, delay_time, initial)", c -> materialDelay(c, 3));
        contextual("delayn", 3, 4, "delayn(input, delay_time, n, initial)", c -> materialDelay(c.without(2), stages(c)));
        contextual("smth1", 2, 3, "smth1(input, averaging_time, initial)", c -> smooth(c, 1));
        contextual("smth3", 2, 3, "smth3(input, averaging_time, initial)", c -> smooth(c, 3));
        contextual("smthn", 3, 4, "smthn(input, averaging_time, n, initial)", c -> smooth(c.without(2), stages(c)));
        // a stock inside an expression, as Vensim macros write one: the initial value, moved by the rate
        contextual("integ", 2, 2, "integ(rate, initial)",
                c -> Formula.slot(c.context().stock(c.label() + " integ", c.arg(1), self -> c.arg(0))));
        contextual("trend", 2, 3, "trend(input, averaging_time, initial_trend)", Builtins::trend);
        contextual("forcst", 3, 4, "forcst(input, averaging_time, horizon, initial_trend)", c -> {
            Call trendCall = new Call("trend", c.has(3) ? List.of(c.arg(0), c.arg(1), c.arg(3)) : List.of(c.arg(0), c.arg(1)),
                    c.context(), c.label());
            return Formula.mul(c.arg(0), Formula.add(Formula.constant(1), Formula.mul(c.arg(2), trend(trendCall))));
        });
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

    /** Every function of plain numbers in the table, by name, each with its interpreted and Java forms. */
    public static Map<String, Fn> pure() {
        return java.util.Collections.unmodifiableMap(PURE);
    }

    // ------------------------------------------------------------ formulas

    private static Formula ge(Formula a, Formula b) {
        return Formula.binary(BinaryOp.GE, a, b);
    }

    private static Formula ifThenElse(List<Formula> args) {
        return new Formula.If(args.get(0), args.get(1), args.get(2));
    }

    /** {@code a / b}, or the third argument (0 if none) where b is 0. */
    private static Formula safeDivision(List<Formula> args) {
        Formula a = args.get(0), b = args.get(1);
        Formula otherwise = args.size() > 2 ? args.get(2) : Formula.constant(0);
        return new Formula.If(Formula.binary(BinaryOp.EQ, b, Formula.constant(0)), otherwise, Formula.div(a, b));
    }

    /** {@code ((start op a) op b) op ...}, in the order given. */
    private static Formula fold(BinaryOp op, double start, List<Formula> args) {
        Formula r = Formula.constant(start);
        for (Formula a : args) r = new Formula.Binary(op, r, a);
        return r;
    }

    /**
     * PULSE: the whole magnitude arrives within one dt, so the flow is magnitude / dt in the
     * step nearest each pulse time, and 0 otherwise.
     */
    private static Formula pulse(Call c) {
        double dt = c.context().dt();
        Formula since = Formula.sub(c.context().time(), c.arg(1));
        Formula every = c.has(2) ? c.arg(2) : Formula.constant(0);
        Formula half = Formula.constant(dt / 2);
        Formula offset = new Formula.If(Formula.binary(BinaryOp.GT, every, Formula.constant(0)),
                Formula.sub(since, Formula.mul(every, Formula.call(PURE.get("floor"), Formula.div(Formula.add(since, half), every)))),
                since);
        return new Formula.If(Formula.binary(BinaryOp.LT, since, Formula.constant(-dt / 2)), Formula.constant(0),
                new Formula.If(Formula.binary(BinaryOp.LT, Formula.call(PURE.get("abs"), offset), half),
                        Formula.div(c.arg(0), Formula.constant(dt)), Formula.constant(0)));
    }

    /** SINWAVE, COSWAVE: amplitude * f(2 pi time / period). */
    private static Formula wave(Call c, String f) {
        Formula angle = Formula.div(Formula.mul(Formula.constant(2 * Math.PI), c.context().time()), c.arg(1));
        return Formula.mul(c.arg(0), Formula.call(PURE.get(f), angle));
    }

    // ------------------------------------------------------------ stateful functions

    /** A value fixed at the first step: argument {@code i}'s value then. */
    private static Formula frozen(Call c, int i) {
        return Formula.slot(c.context().stock(c.label() + " initial", c.arg(i), self -> Formula.constant(0)));
    }

    /** The value argument {@code input} had at the first step, or argument {@code given} if there is one. */
    private static Formula initialValue(Call c, int input, int given) {
        return frozen(c, c.has(given) ? given : input);
    }

    /**
     * HISTORY: the input's value at an earlier time (rounded to the nearest step; clamped to
     * the start and to now).
     */
    private static Formula history(Call c) {
        int record = c.context().record(c.label() + " history", c.arg(0));
        Formula index = Formula.div(Formula.sub(c.arg(1), Formula.constant(c.context().startTime())),
                Formula.constant(c.context().dt()));
        return new Formula.History(record, index);
    }

    /** DELAY: the input exactly {@code delay_time} ago (rounded to whole steps, at least one). */
    private static Formula fixedDelay(Call c) {
        int history = c.context().record(c.label() + " delay input", c.arg(0));
        Formula initial = initialValue(c, 0, 2);
        return new Formula.Delayed(history, Formula.div(c.arg(1), Formula.constant(c.context().dt())), initial);
    }

    /** DELAY1, DELAY3, DELAYN: a chain of {@code n} stocks, each draining at n / delay_time. */
    private static Formula materialDelay(Call c, int n) {
        Formula x = c.arg(0), delay = c.arg(1);
        Formula initial = c.has(2) ? c.arg(2) : x;
        Formula stageInitial = Formula.div(Formula.mul(initial, delay), Formula.constant(n));
        int upstream = -1;
        for (int i = 0; i < n; i++) {
            Formula inflow = i == 0 ? x : outflow(upstream, delay, n);
            upstream = c.context().stock(c.label() + " delay stage " + (i + 1), stageInitial,
                    self -> Formula.sub(inflow, outflow(self, delay, n)));
        }
        return outflow(upstream, delay, n);
    }

    private static Formula outflow(int stage, Formula delay, int n) {
        return Formula.div(Formula.mul(Formula.slot(stage), Formula.constant(n)), delay);
    }

    /** SMTH1, SMTH3, SMTHN: {@code n} first-order smooths in a chain, each over averaging_time / n. */
    private static Formula smooth(Call c, int n) {
        Formula x = c.arg(0), time = c.arg(1);
        Formula initial = c.has(2) ? c.arg(2) : x;
        Formula input = x;
        for (int i = 0; i < n; i++) {
            Formula from = input;
            int stage = c.context().stock(c.label() + " smooth stage " + (i + 1), initial,
                    self -> Formula.div(Formula.mul(Formula.sub(from, Formula.slot(self)), Formula.constant(n)), time));
            input = Formula.slot(stage);
        }
        return input;
    }

    /** TREND: fractional change per unit time of the input against its first-order average. */
    private static Formula trend(Call c) {
        Formula x = c.arg(0), time = c.arg(1);
        Formula initialTrend = c.has(2) ? c.arg(2) : Formula.constant(0);
        int average = c.context().stock(c.label() + " trend average",
                Formula.div(x, Formula.add(Formula.constant(1), Formula.mul(initialTrend, time))),
                self -> Formula.div(Formula.sub(x, Formula.slot(self)), time));
        Formula avg = Formula.slot(average);
        return Formula.div(Formula.sub(x, avg), Formula.mul(avg, time));
    }

    private static int stages(Call c) {
        double n = c.constant(2, "the number of stages");
        if (n < 1 || n != Math.rint(n) || n > 1000) {
            throw new ExpressionException(0, "`" + c.function() + "`: the number of stages must be a whole number from 1 to 1000, not " + n);
        }
        return (int) n;
    }

    // ------------------------------------------------------------ table building

    private static void add(Function f) {
        TABLE.put(f.name(), f);
    }

    private static void contextual(String name, int min, int max, String usage, ContextFactory factory) {
        add(new Function(name, min, max, false, usage, null, factory));
    }

    private static void timeName(String name, ContextFactory factory) {
        contextual(name, 0, 0, name, factory);
    }

    private static void pure(String name, Fn fn, int args, String usage) {
        PURE.put(name, fn);
        add(new Function(name, args, args, true, usage, a -> Formula.call(fn, a.toArray(Formula[]::new))));
    }

    private static void unary(String name, String java, DoubleUnaryOperator op) {
        pure(name, Fn.unary(name, java, op), 1, name + "(x)");
    }

    private static void binary(String name, String java, DoubleBinaryOperator op) {
        pure(name, Fn.binary(name, java, op), 2, name + "(a, b)");
    }

    private static void aggregate(String name, Factory factory) {
        add(new Function(name, 1, Integer.MAX_VALUE, true, name + "(array) or " + name + "(a, b, ...)", factory));
    }

    /** min and max of any number of arguments: the two-argument function from the left. */
    private static void variadic(Fn fn) {
        PURE.put(fn.name(), fn);
        add(new Function(fn.name(), 1, Integer.MAX_VALUE, true, fn.name() + "(a, b, ...)", args -> {
            Formula r = args.get(0);
            for (int i = 1; i < args.size(); i++) r = Formula.call(fn, r, args.get(i));
            return r;
        }));
    }
}
