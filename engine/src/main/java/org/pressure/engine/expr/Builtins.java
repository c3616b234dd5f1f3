package org.pressure.engine.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import org.pressure.engine.model.Eval;

/**
 * The one table of built-in functions: every name an expression may call, with its arity and
 * how it is built. Adding a function means adding a row here and a test. Scenario expressions
 * and XMILE models share this table; the functions that need a time axis or carry state from
 * step to step (step, pulse, smth1, delay3, ...) get it from the {@link Context} of the model
 * they are compiled into.
 */
public final class Builtins {

    /** Builds the formula of a call from the formulas of its arguments. */
    @FunctionalInterface
    public interface Factory {
        Eval make(List<Eval> args);
    }

    /** Builds the formula of a call that needs the model's time axis or state. */
    @FunctionalInterface
    public interface ContextFactory {
        Eval make(Call call);
    }

    /**
     * What time-aware and stateful functions need from the model they are compiled into: the
     * time axis, and internal stocks that the model's integrator carries from step to step.
     */
    public interface Context {
        /** The current time. */
        Eval time();

        double dt();

        double startTime();

        double stopTime();

        /**
         * Adds an internal stock: at the first step it is {@code initial} (which reads
         * {@code initialReads} at that step); afterwards the integrator advances it by
         * {@code rate}, evaluated after every other part of the step.
         *
         * @return the stock's slot
         */
        int stock(String label, Eval initial, Set<Integer> initialReads, Eval rate);

        /** Adds a slot that holds {@code x} at every step (which reads {@code reads} at that step). */
        int record(String label, Eval x, Set<Integer> reads);
    }

    /**
     * One call being compiled: its arguments, the slots each reads at the current step, the
     * model's context, and the reads of the enclosing formula, to which the factory adds what
     * the call's value reads at the current step.
     */
    public record Call(String function, List<Eval> args, List<Set<Integer>> argReads, Context context,
                       Set<Integer> reads, String label) {
        /** Counts this call's value as reading, at the current step, what argument {@code i} reads. */
        void readsArgument(int i) {
            reads.addAll(argReads.get(i));
        }

        Eval arg(int i) {
            return args.get(i);
        }

        boolean has(int i) {
            return args.size() > i;
        }

        /** An argument that must not change during a run (a number of stages, say). */
        double constant(int i, String what) {
            if (!(args.get(i) instanceof Eval.Constant c)) {
                throw new ExpressionException(0, "`" + function + "`: " + what + " must be a constant number");
            }
            return c.value();
        }
    }

    /**
     * One built-in function.
     *
     * @param lagsFirstArgument the first argument is read one step back (as in {@code previous}),
     *                          so it does not make a same-step dependency
     * @param pure              the value depends only on the arguments, so constant calls fold
     * @param contextual        non-null for functions that need the model's {@link Context}
     */
    public record Function(String name, int minArgs, int maxArgs, boolean lagsFirstArgument, boolean pure,
                           String usage, Factory factory, ContextFactory contextual) {
        public Function(String name, int minArgs, int maxArgs, boolean lagsFirstArgument, boolean pure,
                        String usage, Factory factory) {
            this(name, minArgs, maxArgs, lagsFirstArgument, pure, usage, factory, null);
        }
    }

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
        unary("arcsin", Math::asin);
        unary("arccos", Math::acos);
        unary("arctan", Math::atan);
        unary("floor", Math::floor);
        unary("int", Math::floor);
        // Vensim's INTEGER truncates toward zero; XMILE files exported from Vensim mean it by INT
        unary("integer", x -> x < 0 ? Math.ceil(x) : Math.floor(x));
        unary("round", Builtins::roundHalfAwayFromZero);
        binary("mod", Builtins::floorMod);
        // Vensim's MODULO keeps the sign of the dividend (-10 modulo 3 = -1)
        binary("modulo", (a, b) -> a % b);
        variadic("min", Math::min);
        variadic("max", Math::max);
        unary("sinh", Math::sinh);
        unary("cosh", Math::cosh);
        unary("tanh", Math::tanh);
        unary("sign", Math::signum);
        binary("power", Math::pow);
        // over the elements of an array (the XMILE importer passes them one argument each) or a plain list
        aggregate("sum", all -> {
            double r = 0;
            for (double x : all) r += x;
            return r;
        });
        aggregate("prod", all -> {
            double r = 1;
            for (double x : all) r *= x;
            return r;
        });
        aggregate("mean", all -> {
            double r = 0;
            for (double x : all) r += x;
            return r / all.length;
        });
        aggregate("size", all -> all.length);
        add(new Function("pi", 0, 0, false, true, "pi", args -> Eval.constant(Math.PI)));
        add(new Function("inf", 0, 0, false, true, "inf", args -> Eval.constant(Double.POSITIVE_INFINITY)));
        add(new Function("if", 3, 3, false, true, "if(condition, then, else)", args -> {
            Eval c = args.get(0), a = args.get(1), b = args.get(2);
            return (v, s) -> c.at(v, s) != 0 ? a.at(v, s) : b.at(v, s);
        }));
        add(new Function("if_then_else", 3, 3, false, true, "if_then_else(condition, then, else)",
                args -> TABLE.get("if").factory().make(args)));
        add(new Function("safediv", 2, 3, false, true, "safediv(a, b, otherwise)", args -> {
            Eval a = args.get(0), b = args.get(1);
            Eval x = args.size() > 2 ? args.get(2) : Eval.constant(0);
            return (v, s) -> {
                double d = b.at(v, s);
                return d == 0 ? x.at(v, s) : a.at(v, s) / d;
            };
        }));
        add(new Function("xidz", 3, 3, false, true, "xidz(a, b, x)", args -> TABLE.get("safediv").factory().make(args)));
        add(new Function("zidz", 2, 2, false, true, "zidz(a, b)", args -> TABLE.get("safediv").factory().make(args)));
        add(new Function("previous", 1, 2, true, false, "previous(x, initial)", args -> {
            Eval x = args.get(0);
            Eval initial = args.size() > 1 ? args.get(1) : Eval.constant(0);
            return (v, s) -> s == 0 ? initial.at(v, s) : x.at(v, s - 1);
        }));

        // --- the time axis
        timeName("time", c -> c.context().time());
        timeName("dt", c -> Eval.constant(c.context().dt()));
        timeName("starttime", c -> Eval.constant(c.context().startTime()));
        timeName("stoptime", c -> Eval.constant(c.context().stopTime()));
        contextual("step", 2, 2, "step(height, start_time)", c -> {
            Eval h = c.arg(0), t0 = c.arg(1), time = c.context().time();
            c.readsArgument(0);
            c.readsArgument(1);
            return (v, s) -> time.at(v, s) >= t0.at(v, s) - tolerance(c) ? h.at(v, s) : 0;
        });
        contextual("ramp", 2, 3, "ramp(slope, start_time, end_time)", c -> {
            Eval slope = c.arg(0), t0 = c.arg(1), time = c.context().time();
            Eval t1 = c.has(2) ? c.arg(2) : Eval.constant(Double.POSITIVE_INFINITY);
            for (int i = 0; i < c.args().size(); i++) c.readsArgument(i);
            return (v, s) -> {
                double t = time.at(v, s), start = t0.at(v, s);
                return t <= start ? 0 : slope.at(v, s) * (Math.min(t, t1.at(v, s)) - start);
            };
        });
        contextual("pulse", 2, 3, "pulse(magnitude, first_time, interval)", c -> {
            Eval magnitude = c.arg(0), first = c.arg(1), time = c.context().time();
            Eval interval = c.has(2) ? c.arg(2) : Eval.constant(0);
            double dt = c.context().dt();
            for (int i = 0; i < c.args().size(); i++) c.readsArgument(i);
            // the whole magnitude arrives within one dt, so the flow is magnitude / dt for that step
            return (v, s) -> {
                double since = time.at(v, s) - first.at(v, s), every = interval.at(v, s);
                if (since < -dt / 2) return 0;
                double offset = every > 0 ? since - every * Math.floor((since + dt / 2) / every) : since;
                return Math.abs(offset) < dt / 2 ? magnitude.at(v, s) / dt : 0;
            };
        });

        contextual("sinwave", 2, 2, "sinwave(amplitude, period)", c -> wave(c, Math::sin));
        contextual("coswave", 2, 2, "coswave(amplitude, period)", c -> wave(c, Math::cos));

        // --- stateful functions: internal stocks advanced by the model's integrator
        contextual("history", 2, 2, "history(x, time)", Builtins::history);
        contextual("init", 1, 1, "init(x)", c -> frozen(c, 0));
        contextual("delay", 2, 3, "delay(input, delay_time, initial)", Builtins::fixedDelay);
        contextual("delay1", 2, 3, "delay1(input, delay_time, initial)", c -> materialDelay(c, 1));
        contextual("delay3", 2, 3, "delay3(input, delay_time, initial)", c -> materialDelay(c, 3));
        contextual("delayn", 3, 4, "delayn(input, delay_time, n, initial)", c -> {
            int n = stages(c);
            return materialDelay(new Call(c.function(), dropArgument(c.args(), 2), dropArgument(c.argReads(), 2),
                    c.context(), c.reads(), c.label()), n);
        });
        contextual("smth1", 2, 3, "smth1(input, averaging_time, initial)", c -> smooth(c, 1));
        contextual("smth3", 2, 3, "smth3(input, averaging_time, initial)", c -> smooth(c, 3));
        contextual("smthn", 3, 4, "smthn(input, averaging_time, n, initial)", c -> {
            int n = stages(c);
            return smooth(new Call(c.function(), dropArgument(c.args(), 2), dropArgument(c.argReads(), 2),
                    c.context(), c.reads(), c.label()), n);
        });
        contextual("trend", 2, 3, "trend(input, averaging_time, initial_trend)", Builtins::trend);
        contextual("forcst", 3, 4, "forcst(input, averaging_time, horizon, initial_trend)", c -> {
            Call trendCall = new Call("trend", c.has(3) ? List.of(c.arg(0), c.arg(1), c.arg(3)) : List.of(c.arg(0), c.arg(1)),
                    c.has(3) ? List.of(c.argReads().get(0), c.argReads().get(1), c.argReads().get(3))
                            : List.of(c.argReads().get(0), c.argReads().get(1)),
                    c.context(), c.reads(), c.label());
            Eval trend = trend(trendCall);
            Eval x = c.arg(0), horizon = c.arg(2);
            c.readsArgument(2);
            return (v, s) -> x.at(v, s) * (1 + horizon.at(v, s) * trend.at(v, s));
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

    /** Rounds to the nearest whole number, halves away from zero (as spreadsheets do). */
    static double roundHalfAwayFromZero(double x) {
        return Math.signum(x) * Math.floor(Math.abs(x) + 0.5);
    }

    /** The remainder with the sign of the divisor: {@code -10 mod 3 = 2}, as XMILE defines MOD. */
    static double floorMod(double a, double b) {
        return a - b * Math.floor(a / b);
    }

    /** Half a step, so that times computed as start + n * dt compare as the modeller meant. */
    private static double tolerance(Call c) {
        return c.context().dt() * 1e-6;
    }

    // ------------------------------------------------------------ stateful functions

    /** A value fixed at the first step: argument {@code i}'s value then. */
    private static Eval frozen(Call c, int i) {
        int slot = c.context().stock(c.label() + " initial", c.arg(i), c.argReads().get(i), Eval.constant(0));
        c.reads().add(slot);
        return Eval.read(slot);
    }

    /** The value argument {@code i} had at the first step, or argument {@code j} if given. */
    private static Eval initialValue(Call c, int input, int given) {
        return frozen(c, c.has(given) ? given : input);
    }

    /** SINWAVE, COSWAVE: amplitude * f(2 pi time / period). */
    private static Eval wave(Call c, DoubleUnaryOperator f) {
        Eval amplitude = c.arg(0), period = c.arg(1), time = c.context().time();
        c.readsArgument(0);
        c.readsArgument(1);
        return (v, s) -> amplitude.at(v, s) * f.applyAsDouble(2 * Math.PI * time.at(v, s) / period.at(v, s));
    }

    /**
     * HISTORY: the input's value at an earlier time (rounded to the nearest step; clamped to
     * the start and to now).
     */
    private static Eval history(Call c) {
        Eval x = c.arg(0), when = c.arg(1);
        c.readsArgument(1);
        int record = c.context().record(c.label() + " history", x, c.argReads().get(0));
        c.reads().add(record);
        double dt = c.context().dt(), start = c.context().startTime();
        return (v, s) -> {
            int back = (int) Math.round((when.at(v, s) - start) / dt);
            return v[record][Math.max(0, Math.min(s, back))];
        };
    }

    /** DELAY: the input exactly {@code delay_time} ago (rounded to whole steps, at least one). */
    private static Eval fixedDelay(Call c) {
        Eval x = c.arg(0), delay = c.arg(1);
        c.readsArgument(1);
        int history = c.context().record(c.label() + " delay input", x, c.argReads().get(0));
        Eval initial = initialValue(c, 0, 2);
        double dt = c.context().dt();
        return (v, s) -> {
            int back = Math.max(1, (int) Math.round(delay.at(v, s) / dt));
            return s >= back ? v[history][s - back] : initial.at(v, s);
        };
    }

    /** DELAY1, DELAY3, DELAYN: a chain of {@code n} stocks, each draining at n / delay_time. */
    private static Eval materialDelay(Call c, int n) {
        Eval x = c.arg(0), delay = c.arg(1);
        Eval initial = c.has(2) ? c.arg(2) : x;
        Set<Integer> initialReads = new java.util.HashSet<>(c.argReads().get(c.has(2) ? 2 : 0));
        initialReads.addAll(c.argReads().get(1));
        c.readsArgument(1);
        int[] stage = new int[n];
        Eval stageInitial = (v, s) -> initial.at(v, s) * delay.at(v, s) / n;
        for (int i = 0; i < n; i++) {
            int index = i;
            // the lambdas read stage[] when they run, after every stage has its slot
            Eval inflow = i == 0 ? x : (v, s) -> v[stage[index - 1]][s] * n / delay.at(v, s);
            stage[i] = c.context().stock(c.label() + " delay stage " + (i + 1), stageInitial, initialReads,
                    (v, s) -> inflow.at(v, s) - v[stage[index]][s] * n / delay.at(v, s));
        }
        c.reads().add(stage[n - 1]);
        return outflow(stage[n - 1], delay, n);
    }

    private static Eval outflow(int stage, Eval delay, int n) {
        return (v, s) -> v[stage][s] * n / delay.at(v, s);
    }

    /** SMTH1, SMTH3, SMTHN: {@code n} first-order smooths in a chain, each over averaging_time / n. */
    private static Eval smooth(Call c, int n) {
        Eval x = c.arg(0), time = c.arg(1);
        Eval initial = c.has(2) ? c.arg(2) : x;
        Set<Integer> initialReads = c.argReads().get(c.has(2) ? 2 : 0);
        int previous = -1;
        for (int i = 0; i < n; i++) {
            int upstream = previous;
            Eval input = i == 0 ? x : (v, s) -> v[upstream][s];
            int[] self = new int[1];
            self[0] = c.context().stock(c.label() + " smooth stage " + (i + 1), initial, initialReads,
                    (v, s) -> (input.at(v, s) - v[self[0]][s]) * n / time.at(v, s));
            previous = self[0];
        }
        c.reads().add(previous);
        return Eval.read(previous);
    }

    /** TREND: fractional change per unit time of the input against its first-order average. */
    private static Eval trend(Call c) {
        Eval x = c.arg(0), time = c.arg(1);
        Eval initialTrend = c.has(2) ? c.arg(2) : Eval.constant(0);
        Set<Integer> initialReads = new java.util.HashSet<>(c.argReads().get(0));
        initialReads.addAll(c.argReads().get(1));
        if (c.has(2)) initialReads.addAll(c.argReads().get(2));
        int[] average = new int[1];
        average[0] = c.context().stock(c.label() + " trend average",
                (v, s) -> x.at(v, s) / (1 + initialTrend.at(v, s) * time.at(v, s)), initialReads,
                (v, s) -> (x.at(v, s) - v[average[0]][s]) / time.at(v, s));
        c.reads().add(average[0]);
        c.readsArgument(0);
        c.readsArgument(1);
        int avg = average[0];
        return (v, s) -> (x.at(v, s) - v[avg][s]) / (v[avg][s] * time.at(v, s));
    }

    private static int stages(Call c) {
        double n = c.constant(2, "the number of stages");
        if (n < 1 || n != Math.rint(n) || n > 1000) {
            throw new ExpressionException(0, "`" + c.function() + "`: the number of stages must be a whole number from 1 to 1000, not " + n);
        }
        return (int) n;
    }

    private static <T> List<T> dropArgument(List<T> list, int i) {
        List<T> copy = new ArrayList<>(list);
        if (copy.size() > i) copy.remove(i);
        return copy;
    }

    // ------------------------------------------------------------ table building

    private static void add(Function f) {
        TABLE.put(f.name(), f);
    }

    private static void contextual(String name, int min, int max, String usage, ContextFactory factory) {
        add(new Function(name, min, max, false, false, usage, null, factory));
    }

    private static void timeName(String name, ContextFactory factory) {
        contextual(name, 0, 0, name, factory);
    }

    private static void unary(String name, DoubleUnaryOperator op) {
        add(new Function(name, 1, 1, false, true, name + "(x)", args -> {
            Eval a = args.get(0);
            return (v, s) -> op.applyAsDouble(a.at(v, s));
        }));
    }

    private static void binary(String name, DoubleBinaryOperator op) {
        add(new Function(name, 2, 2, false, true, name + "(a, b)", args -> {
            Eval a = args.get(0), b = args.get(1);
            return (v, s) -> op.applyAsDouble(a.at(v, s), b.at(v, s));
        }));
    }

    private static void aggregate(String name, java.util.function.ToDoubleFunction<double[]> op) {
        add(new Function(name, 1, Integer.MAX_VALUE, false, true, name + "(array) or " + name + "(a, b, ...)", args -> {
            Eval[] all = args.toArray(Eval[]::new);
            return (v, s) -> {
                double[] values = new double[all.length];
                for (int i = 0; i < all.length; i++) values[i] = all[i].at(v, s);
                return op.applyAsDouble(values);
            };
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
