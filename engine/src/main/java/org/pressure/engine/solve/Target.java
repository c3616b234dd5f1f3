package org.pressure.engine.solve;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pressure.engine.council.CompiledScenario;
import org.pressure.engine.council.Scenario;
import org.pressure.engine.diagnostics.Location;
import org.pressure.engine.diagnostics.ScenarioException;
import org.pressure.engine.scenario.Numbers;
import org.pressure.engine.sweep.OutputSpec;

/**
 * A condition a goal seek must meet: an output (an indicator or {@code COLUMN@YEAR}, as in sweep
 * files) compared with a number, a year, or {@code never}. A year output that never happens
 * counts as later than every year, so {@code failure_year > 2035} is met by "never".
 *
 * @param value the number or year compared with; NaN for {@code never}
 */
public record Target(String text, OutputSpec output, Op op, double value) {

    private static final Pattern FORM = Pattern.compile("\\s*([^<>=!\\s]+)\\s*(<=|>=|==|!=|=|<|>)\\s*(\\S.*?)\\s*");

    /** The comparisons a target may make. */
    public enum Op {
        LE("<="), LT("<"), GE(">="), GT(">"), EQ("="), NE("!=");

        public final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        static Op of(String s) {
            if (s.equals("==")) return EQ;
            for (Op o : values()) if (o.symbol.equals(s)) return o;
            throw new IllegalArgumentException(s);
        }

        boolean holds(double x, double t) {
            return switch (this) {
                case LE -> x <= t;
                case LT -> x < t;
                case GE -> x >= t;
                case GT -> x > t;
                case EQ -> x == t;
                case NE -> x != t;
            };
        }
    }

    public Location location() {
        return Location.ofOption("--target " + text);
    }

    public boolean isYear() {
        return output.isYear();
    }

    /** Whether the target compares with {@code never}. */
    public boolean isNever() {
        return Double.isNaN(value);
    }

    /**
     * Reads {@code OUTPUT OP VALUE} and checks it against the scenario: the output must exist,
     * {@code never} and {@code =} / {@code !=} need a year output.
     */
    public static Target parse(String text, CompiledScenario compiled) {
        Location at = Location.ofOption("--target " + text);
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw new ScenarioException(at, "write a target as OUTPUT OP VALUE with OP one of <, <=, >, >=, =, !=, "
                    + "e.g. 'reserves@2030 >= 20', 'crossover_year = never' or 'crossover_year > 2035' (quote it)");
        }
        OutputSpec output = OutputSpec.parse(m.group(1));
        String problem = output.problem(compiled);
        if (problem != null) throw new ScenarioException(at, problem);
        Op op = Op.of(m.group(2));
        String valueText = m.group(3);
        double value;
        if (valueText.equalsIgnoreCase("never")) {
            if (!output.isYear()) {
                throw new ScenarioException(at, "`never` compares a year indicator (" + String.join(", ", yearNames())
                        + "); `" + output.name() + "` is an amount: compare it with a number");
            }
            if (op != Op.EQ && op != Op.NE) {
                throw new ScenarioException(at, "compare with `never` using = or != (never counts as later than every year, "
                        + "so `" + output.name() + " > 2040` also holds when it never happens)");
            }
            value = Double.NaN;
        } else {
            Double v = output.isYear() ? year(valueText) : Numbers.parse(valueText);
            if (v == null) {
                throw new ScenarioException(at, output.isYear() ? "`" + valueText + "` is not a year; write 2030, 2030/31 "
                        + "or never" : Numbers.badNumber(valueText));
            }
            value = v;
        }
        if (!output.isYear() && (op == Op.EQ || op == Op.NE)) {
            throw new ScenarioException(at, "an amount is never exactly equal to a number; give a side instead, e.g. `"
                    + output.name() + " <= " + valueText + "` (the goal seek finds where it is first reached)");
        }
        return new Target(text.strip(), output, op, value);
    }

    private static List<String> yearNames() {
        return org.pressure.engine.council.Indicators.NAMES.stream()
                .filter(org.pressure.engine.council.Indicators.YEAR_INDICATORS::contains).toList();
    }

    /** {@code 2030} or {@code 2030/31} as the year 2030; null if neither. */
    private static Double year(String text) {
        Matcher m = Pattern.compile("(\\d{4})(?:/(\\d{2}))?").matcher(text);
        if (!m.matches()) return null;
        int y = Integer.parseInt(m.group(1));
        if (m.group(2) != null && Integer.parseInt(m.group(2)) != (y + 1) % 100) return null;
        return (double) y;
    }

    /** Whether an output value (NaN: never, or no value) meets the target. */
    public boolean met(double x) {
        if (isYear()) {
            double a = Double.isNaN(x) ? Double.POSITIVE_INFINITY : x;
            double t = isNever() ? Double.POSITIVE_INFINITY : value;
            return op.holds(a, t);
        }
        return !Double.isNaN(x) && op.holds(x, value);
    }

    /**
     * How far a value is from meeting the target, 0 when it does: in years for years (never
     * counting as the year after the horizon ends), relative to the threshold for amounts.
     */
    public double violation(double x, int endYear) {
        if (met(x)) return 0;
        if (isYear()) {
            double a = Double.isNaN(x) ? endYear + 1 : x;
            double t = isNever() ? endYear + 1 : value;
            return switch (op) {
                case GE -> t - a;
                case GT -> t + 1 - a;
                case LE -> a - t;
                case LT -> a - t + 1;
                case EQ -> Math.abs(a - t);
                case NE -> 1;
            };
        }
        if (Double.isNaN(x)) return 1e6;
        double scale = Math.max(1, Math.abs(value));
        return (Math.abs(x - value) + 1e-12) / scale;
    }

    /** An output value for people: a financial year or never for years, a number otherwise. */
    public String show(double x) {
        if (isYear()) return Double.isNaN(x) ? "never" : Scenario.financialYear((int) x);
        if (Double.isNaN(x)) return "n/a";
        return String.format(Locale.ROOT, Math.abs(x) < 100 ? "%,.4f" : "%,.1f", x);
    }
}
