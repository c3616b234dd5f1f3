package org.pressure.engine.discover;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pressure.engine.diagnostics.Location;
import org.pressure.engine.diagnostics.ScenarioException;
import org.pressure.engine.diagnostics.Suggest;
import org.pressure.engine.scenario.Numbers;

/**
 * Which runs are of interest: comparisons on columns of a run table joined by {@code and}, e.g.
 * {@code crossover_year <= 2030} or {@code reserves@end < 0 and crossover_year != never}. An
 * empty cell is a year that never happens: later than every year, and equal to {@code never}.
 */
public record Where(String text, List<Comparison> comparisons) {

    private static final Pattern FORM = Pattern.compile("\\s*([^<>=!\\s]+)\\s*(<=|>=|==|!=|=|<|>)\\s*(\\S+)\\s*");

    /** One comparison; {@code value} NaN means never. */
    public record Comparison(String column, String op, double value) {
        boolean holds(double x) {
            if (Double.isNaN(value)) return op.equals("=") == Double.isNaN(x);
            double a = Double.isNaN(x) ? Double.POSITIVE_INFINITY : x;
            return switch (op) {
                case "<=" -> a <= value;
                case "<" -> a < value;
                case ">=" -> a >= value;
                case ">" -> a > value;
                case "=" -> a == value;
                default -> a != value;
            };
        }
    }

    public static Where parse(String text, RunTable table) {
        Location at = Location.ofOption("--where " + text);
        List<Comparison> out = new ArrayList<>();
        for (String part : text.split("(?i)\\s+and\\s+")) {
            Matcher m = FORM.matcher(part);
            if (!m.matches()) {
                throw new ScenarioException(at, "write COLUMN OP VALUE (OP one of < <= > >= = !=), joined by `and`, e.g. "
                        + "'crossover_year <= 2030' or 'reserves@end < 0 and gap_year != never' (quote it)");
            }
            String column = m.group(1);
            if (!table.has(column)) {
                throw new ScenarioException(at, "`" + column + "` is not a column of " + table.file()
                        + Suggest.didYouMean(column, table.names()) + "; its columns are " + String.join(", ", table.names()));
            }
            table.column(column); // refuses a column of text, naming its first such cell
            String op = m.group(2).equals("==") ? "=" : m.group(2);
            String v = m.group(3);
            double value;
            if (v.equalsIgnoreCase("never")) {
                if (!op.equals("=") && !op.equals("!=")) {
                    throw new ScenarioException(at, "compare with `never` using = or != (an empty cell, never, already "
                            + "counts as later than every year)");
                }
                value = Double.NaN;
            } else {
                Matcher y = Pattern.compile("(\\d{4})/\\d{2}").matcher(v);
                Double d = y.matches() ? Double.valueOf(y.group(1)) : Numbers.parse(v);
                if (d == null) throw new ScenarioException(at, "`" + v + "` is not a number, a year or never");
                value = d;
            }
            out.add(new Comparison(column, op, value));
        }
        return new Where(text.strip(), out);
    }

    /** Whether each row of the table is a case of interest. */
    public boolean[] cases(RunTable table) {
        boolean[] y = new boolean[table.rows()];
        java.util.Arrays.fill(y, true);
        for (Comparison c : comparisons) {
            double[] col = table.column(c.column());
            for (int i = 0; i < y.length; i++) y[i] &= c.holds(col[i]);
        }
        return y;
    }
}
