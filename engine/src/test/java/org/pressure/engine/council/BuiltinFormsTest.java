package org.pressure.engine.council;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.pressure.engine.expr.Builtins;
import org.pressure.engine.model.Fn;

/**
 * Every built-in function and operator has an interpreted and a generated form, derived from one
 * formula, and the two give the same numbers to the last bit. A function added to the table
 * without a case here fails the first test, so none can be added with only one form checked.
 */
class BuiltinFormsTest {

    /** A call of every function of the built-in table, on inputs that move from year to year. */
    private static final Map<String, String> CALLS = new TreeMap<>(Map.ofEntries(
            Map.entry("abs", "abs(x - 3.5)"), Map.entry("exp", "exp(x / 10)"), Map.entry("ln", "ln(x + 1)"),
            Map.entry("log10", "log10(x + 1)"), Map.entry("sqrt", "sqrt(x)"), Map.entry("sin", "sin(x)"),
            Map.entry("cos", "cos(x)"), Map.entry("tan", "tan(x)"), Map.entry("arcsin", "arcsin(x / 20)"),
            Map.entry("arccos", "arccos(x / 20)"), Map.entry("arctan", "arctan(x)"), Map.entry("floor", "floor(x / 3 - 1)"),
            Map.entry("int", "int(x / 3 - 1.5)"), Map.entry("integer", "integer(1.5 - x / 3)"),
            Map.entry("round", "round(x / 2 - 2.25)"), Map.entry("mod", "mod(x - 4, 3)"),
            Map.entry("modulo", "modulo(x - 4, 3)"), Map.entry("min", "min(x, 4, 10 - x)"),
            Map.entry("max", "max(x, 4, 10 - x)"), Map.entry("sinh", "sinh(x / 5)"), Map.entry("cosh", "cosh(x / 5)"),
            Map.entry("tanh", "tanh(x / 5)"), Map.entry("sign", "sign(x - 3)"), Map.entry("power", "power(x, 1.5)"),
            Map.entry("sum", "sum(x, 2, x * x)"), Map.entry("prod", "prod(x, 2, 0.5)"), Map.entry("mean", "mean(x, 1, 6)"),
            Map.entry("size", "size(x, x, x)"), Map.entry("pi", "pi * x"), Map.entry("inf", "min(inf, x)"),
            Map.entry("if", "if(x > 3, x, -x)"), Map.entry("if_then_else", "if_then_else(x >= 3, 1, 2)"),
            Map.entry("safediv", "safediv(10, x - 2, 7)"), Map.entry("xidz", "xidz(10, x - 3, 5)"),
            Map.entry("zidz", "zidz(10, x - 4)"), Map.entry("previous", "previous(x * 2, 9)"),
            Map.entry("time", "time - 2025"), Map.entry("dt", "dt * x"), Map.entry("starttime", "starttime"),
            Map.entry("stoptime", "stoptime"), Map.entry("step", "step(5, 2028)"), Map.entry("ramp", "ramp(2, 2026, 2030)"),
            Map.entry("pulse", "pulse(4, 2026, 3)"), Map.entry("sinwave", "sinwave(2, 4)"), Map.entry("coswave", "coswave(2, 4)"),
            Map.entry("history", "history(x * 3, time - 2)"), Map.entry("init", "init(x + 1)"),
            Map.entry("delay", "delay(x, 2, 1)"), Map.entry("delay1", "delay1(x, 2)"), Map.entry("delay3", "delay3(x, 3, 1)"),
            Map.entry("delayn", "delayn(x, 4, 2, 1)"), Map.entry("smth1", "smth1(x, 2)"), Map.entry("smth3", "smth3(x, 3, 2)"),
            Map.entry("smthn", "smthn(x, 4, 2)"), Map.entry("trend", "trend(x + 1, 2, 0.1)"),
            Map.entry("forcst", "forcst(x + 1, 2, 3)"), Map.entry("integ", "integ(x - 2, 5)")));

    @Test
    void every_built_in_has_a_case_here() {
        assertEquals(Builtins.names(), CALLS.keySet(), "each built-in needs a call here, checked in both forms");
    }

    @Test
    void every_built_in_gives_the_same_numbers_interpreted_and_generated() {
        StringBuilder drivers = new StringBuilder("  x: \"=2 + 1.5 * sin(year)\"\n");
        for (var e : CALLS.entrySet()) {
            drivers.append("  f_").append(e.getKey()).append(": \"=").append(e.getValue()).append("\"\n");
        }
        drivers.append("  ops: \"=(x + 1) - (x * 2) / (x ^ 0.5) + (x < 3) + (x <= 3) + (x > 3) + (x >= 3) + (x = 3)"
                + " + (x <> 3) + (x > 2 and x < 5) + (x < 2 or x > 5) + (not (x > 3)) + -x\"\n");
        String yaml = "name: Built-ins in both forms\ntime: {start: 2025, end: 2034}\ndrivers:\n" + drivers;
        CompiledScenario c = CouncilCompiler.compile(Scenarios4Test.parse(yaml));
        CouncilResult interpreted = c.run();
        assertTrue(c.model().generateCode(), c.model().generationFailure());
        int[] coverage = c.model().javaCoverage();
        CouncilResult generated = c.run();
        for (String name : CALLS.keySet()) {
            double[] a = interpreted.column("driver.f_" + name), b = generated.column("driver.f_" + name);
            for (int i = 0; i < a.length; i++) {
                assertEquals(Double.doubleToLongBits(a[i]), Double.doubleToLongBits(b[i]),
                        name + " in year " + (2025 + i) + ": " + a[i] + " interpreted, " + b[i] + " generated");
            }
        }
        double[] a = interpreted.column("driver.ops"), b = generated.column("driver.ops");
        for (int i = 0; i < a.length; i++) assertEquals(Double.doubleToLongBits(a[i]), Double.doubleToLongBits(b[i]), "operators");
        assertEquals(coverage[1], coverage[0], "every part, the balancing too, is written out as a formula");
    }

    @Test
    void every_function_of_numbers_names_a_java_method_that_computes_the_same() throws Exception {
        double[] samples = {-2.5, -1, -0.5, -0.0, 0, 0.5, 0.49999999999999994, 1, 2.5, 3, 1e300, Double.NaN,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        Map<String, Fn> all = new TreeMap<>(Builtins.pure());
        all.put(Fn.SATURATE.name(), Fn.SATURATE);
        for (Fn fn : all.values()) {
            int dot = fn.java().lastIndexOf('.');
            String owner = fn.java().substring(0, dot);
            Class<?> type = Class.forName(owner.equals("Math") ? "java.lang.Math" : owner);
            Class<?>[] params = fn.arity() == 1 ? new Class<?>[] {double.class} : new Class<?>[] {double.class, double.class};
            Method m = type.getMethod(fn.java().substring(dot + 1), params);
            assertTrue(java.lang.reflect.Modifier.isStatic(m.getModifiers()) && java.lang.reflect.Modifier.isPublic(m.getModifiers()),
                    fn.java() + " is public and static");
            for (double a : samples) {
                for (double b : fn.arity() == 1 ? new double[] {0} : samples) {
                    Object r = fn.arity() == 1 ? m.invoke(null, a) : m.invoke(null, a, b);
                    double expected = fn.arity() == 1 ? fn.apply(a) : fn.apply(a, b);
                    assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits((Double) r),
                            fn.name() + "(" + a + (fn.arity() == 2 ? ", " + b : "") + ")");
                }
            }
        }
    }
}
