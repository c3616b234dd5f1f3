package org.pressure.cli.serve;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pressure.engine.diagnostics.Location;
import org.pressure.engine.diagnostics.ScenarioException;
import org.pressure.engine.diagnostics.Suggest;
import org.pressure.engine.scenario.Node;
import org.pressure.engine.scenario.Numbers;

/**
 * The levers of a what-if page: those given as {@code --lever PATH=LOW..HIGH[:STEP]}, or by
 * default the scenario's growth rates, percentage drivers, floors, reserves and failure-demand
 * coefficients that are written as plain numbers, each with a range around its value.
 */
public final class Levers {
    /** More levers than this would not fit on a page anyone could use. */
    public static final int MAX_LEVERS = 40;
    /** Positions a lever gets when its step is not given. */
    static final int DEFAULT_STEPS = 20;

    private static final Pattern SPEC = Pattern.compile("([^=]+)=([^.:]+(?:\\.[^.:]+)?)\\.\\.([^:]+)(?::(.+))?");

    private Levers() {}

    /**
     * Parses {@code --lever} options against the scenario tree.
     *
     * @param requireStep whether each lever must give its step ({@code publish} does)
     * @param units       the scenario's units, for labels
     */
    public static List<Lever> parse(List<String> specs, Node tree, String units, boolean requireStep) {
        List<Lever> out = new ArrayList<>();
        for (String spec : specs) {
            Location at = Location.ofOption("--lever " + spec);
            Matcher m = SPEC.matcher(spec.strip());
            if (!m.matches()) {
                throw new ScenarioException(at, "expected PATH=LOW..HIGH or PATH=LOW..HIGH:STEP, for example "
                        + "services.prevention.floor=0%..100%:10%");
            }
            String path = m.group(1).strip();
            Found found = find(tree, path, at);
            String written = found.value().text();
            boolean percent = written.strip().endsWith("%");
            BigDecimal low = number(m.group(2), "LOW", at, percent);
            BigDecimal high = number(m.group(3), "HIGH", at, percent);
            if (low.compareTo(high) >= 0) throw new ScenarioException(at, "LOW must be below HIGH");
            BigDecimal step;
            if (m.group(4) == null) {
                if (requireStep) {
                    throw new ScenarioException(at, "give the step, e.g. " + path + "=" + m.group(2).strip() + ".."
                            + m.group(3).strip() + ":" + Lever.text(niceStep(high.subtract(low), 4), percent)
                            + "; every combination of the levers' steps is computed ahead");
                }
                step = niceStep(high.subtract(low), DEFAULT_STEPS);
            } else {
                step = number(m.group(4), "STEP", at, percent);
                if (step.signum() <= 0) throw new ScenarioException(at, "STEP must be above zero");
            }
            BigDecimal count = high.subtract(low).divide(step, 0, RoundingMode.FLOOR).add(BigDecimal.ONE);
            if (count.compareTo(BigDecimal.valueOf(Lever.MAX_POSITIONS - 1)) > 0) {
                throw new ScenarioException(at, "that is " + count + " positions; a lever takes at most "
                        + (Lever.MAX_POSITIONS - 1) + " (a larger STEP)");
            }
            BigDecimal base = display(written, percent);
            if (base.compareTo(low) < 0 || base.compareTo(high) > 0) {
                throw new ScenarioException(at, "the range should include the scenario's own value, " + written.strip());
            }
            if (out.stream().anyMatch(l -> l.path().equals(path))) {
                throw new ScenarioException(at, "`" + path + "` is given twice");
            }
            out.add(lever(path, found, units, low, high, step, base, percent));
        }
        if (out.size() > MAX_LEVERS) {
            throw new ScenarioException(Location.ofOption("--lever"), out.size() + " levers; the page takes at most " + MAX_LEVERS);
        }
        return out;
    }

    /** The default levers (all of them: the caller keeps at most {@link #MAX_LEVERS}): each number the scenario writes for a growth rate, rate driver, floor, reserves or coefficient. */
    public static List<Lever> defaults(Node tree, String units) {
        List<Lever> out = new ArrayList<>();
        if (!(tree instanceof Node.MapNode root)) return out;
        for (String section : List.of("drivers", "income")) {
            if (!(root.get(section) instanceof Node.MapNode m)) continue;
            for (var e : m.entries().entrySet()) {
                String path = section + "." + e.getKey();
                if (section.equals("drivers") && isPercent(e.getValue().value())) {
                    rate(out, tree, path, units);
                }
                growth(out, tree, path, e.getValue().value(), units);
            }
        }
        if (root.get("services") instanceof Node.MapNode services) {
            for (var e : services.entries().entrySet()) {
                String path = "services." + e.getKey();
                if (!(e.getValue().value() instanceof Node.MapNode s)) continue;
                for (String key : List.of("cost", "unit_cost")) {
                    if (s.get(key) != null) growth(out, tree, path + "." + key, s.get(key), units);
                }
                if (isNumber(s.get("floor"))) {
                    add(out, tree, path + ".floor", units, BigDecimal.ZERO, BigDecimal.valueOf(100), BigDecimal.valueOf(5));
                }
            }
        }
        if (root.get("failure_demand") instanceof Node.ListNode links) {
            for (int i = 0; i < links.items().size(); i++) {
                if (!(links.items().get(i) instanceof Node.MapNode link)) continue;
                for (String key : List.of("clients_per_m", "cost_per_m")) {
                    if (isNumber(link.get(key))) around(out, tree, "failure_demand." + i + "." + key, units, link.get(key));
                }
            }
        }
        if (root.get("budget") instanceof Node.MapNode budget && budget.get("reserves") instanceof Node.MapNode reserves) {
            for (String key : List.of("opening", "minimum")) {
                if (isNumber(reserves.get(key))) around(out, tree, "budget.reserves." + key, units, reserves.get(key));
            }
        }
        return out;
    }

    private static void growth(List<Lever> out, Node tree, String path, Node series, String units) {
        if (series instanceof Node.MapNode m && isNumber(m.get("growth"))) rate(out, tree, path + ".growth", units);
    }

    /** A rate: two percentage points either side, by tenths of a point. */
    private static void rate(List<Lever> out, Node tree, String path, String units) {
        Found f = find(tree, path, Location.ofFile(path));
        BigDecimal base = display(f.value().text(), true);
        BigDecimal step = new BigDecimal("0.1");
        add(out, tree, path, units, base.subtract(BigDecimal.valueOf(2)), base.add(BigDecimal.valueOf(2)), step, true, true);
    }

    /** An amount or coefficient: from zero to twice its value, in about twenty steps. */
    private static void around(List<Lever> out, Node tree, String path, String units, Node value) {
        boolean percent = isPercent(value);
        BigDecimal base = display(((Node.ScalarNode) value).text(), percent);
        BigDecimal top = base.signum() == 0 ? BigDecimal.TEN : base.abs().multiply(BigDecimal.valueOf(2));
        BigDecimal step = niceStep(top, DEFAULT_STEPS);
        BigDecimal low = base.signum() < 0 ? base.multiply(BigDecimal.valueOf(2)) : BigDecimal.ZERO;
        BigDecimal high = base.signum() < 0 ? BigDecimal.ZERO : top;
        add(out, tree, path, units, low, high, step, percent, false);
    }

    private static void add(List<Lever> out, Node tree, String path, String units, BigDecimal low, BigDecimal high,
                            BigDecimal step) {
        add(out, tree, path, units, low, high, step, true, false);
    }

    private static void add(List<Lever> out, Node tree, String path, String units, BigDecimal low, BigDecimal high,
                            BigDecimal step, boolean percent, boolean centred) {
        Found f = find(tree, path, Location.ofFile(path));
        boolean writtenPercent = isPercent(f.value());
        if (percent && !writtenPercent) {
            // a floor written as 0.25: keep the slider in the file's own form
            low = low.movePointLeft(2);
            high = high.movePointLeft(2);
            step = step.movePointLeft(2);
        }
        BigDecimal base = display(f.value().text(), writtenPercent);
        if (centred) {
            // a rate: steps counted from the scenario's own value, so every position is as round as it is
            BigDecimal below = base.subtract(low).divide(step, 0, RoundingMode.FLOOR);
            BigDecimal above = high.subtract(base).divide(step, 0, RoundingMode.FLOOR);
            low = base.subtract(step.multiply(below.max(BigDecimal.ZERO)));
            high = base.add(step.multiply(above.max(BigDecimal.ZERO)));
        }
        out.add(lever(path, f, units, low, high, step, base, writtenPercent));
    }

    private static Lever lever(String path, Found f, String units, BigDecimal low, BigDecimal high, BigDecimal step,
                               BigDecimal base, boolean percent) {
        List<String> values = Lever.positions(low, high, step, base, percent);
        String baseText = Lever.text(base, percent);
        return new Lever(path, Labels.label(path, f.tree()), Labels.unit(path, units, percent), f.comment(),
                f.value().text(), values, values.indexOf(baseText));
    }

    /** A round step (1, 2 or 5 times a power of ten) that cuts {@code span} into about {@code n} pieces. */
    static BigDecimal niceStep(BigDecimal span, int n) {
        double raw = span.doubleValue() / n;
        if (!(raw > 0)) return BigDecimal.ONE;
        int exp = (int) Math.floor(Math.log10(raw));
        double f = raw / Math.pow(10, exp);
        int m = f < 1.5 ? 1 : f < 3.5 ? 2 : f < 7.5 ? 5 : 10;
        return BigDecimal.valueOf(m).scaleByPowerOfTen(exp).stripTrailingZeros();
    }

    /** A value written in the file, in the slider's display units (percentage points where it is a percentage). */
    static BigDecimal display(String written, boolean percent) {
        String t = written.strip();
        if (t.endsWith("%")) return new BigDecimal(t.substring(0, t.length() - 1).strip());
        BigDecimal v = new BigDecimal(t.replaceAll("(?<=\\d)_(?=\\d)", ""));
        return percent ? v.movePointRight(2) : v;
    }

    private static BigDecimal number(String text, String what, Location at, boolean percent) {
        String t = text.strip();
        if (Numbers.parse(t) == null) {
            throw new ScenarioException(at, what + ": " + Numbers.badNumber(t));
        }
        try {
            if (percent != t.endsWith("%")) {
                // 2% against a value written 0.02, or the other way round: convert to the file's form
                BigDecimal v = t.endsWith("%") ? new BigDecimal(t.substring(0, t.length() - 1)).movePointLeft(2)
                        : new BigDecimal(t).movePointRight(2);
                return v.round(MathContext.DECIMAL64);
            }
            return display(t, percent);
        } catch (NumberFormatException e) {
            throw new ScenarioException(at, what + ": " + Numbers.badNumber(t));
        }
    }

    static boolean isNumber(Node n) {
        return n instanceof Node.ScalarNode s && (s.kind() == Node.ScalarKind.NUMBER
                || s.kind() == Node.ScalarKind.STRING && Numbers.parse(s.text()) != null);
    }

    static boolean isPercent(Node n) {
        return isNumber(n) && ((Node.ScalarNode) n).text().strip().endsWith("%");
    }

    /** A number in the tree, the comment written with it (or with the nearest key above it), and the tree. */
    record Found(Node.ScalarNode value, String comment, Node tree) {}

    /** The number at {@code path}, or a message naming what is there instead. */
    static Found find(Node tree, String path, Location at) {
        List<String> keys = List.of(path.split("\\.", -1));
        Node n = tree;
        String comment = "";
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            String soFar = String.join(".", keys.subList(0, i + 1));
            if (n instanceof Node.MapNode m) {
                Node.Entry e = m.entries().get(key);
                if (e == null) {
                    throw new ScenarioException(at, "the scenario has no `" + soFar + "`"
                            + Suggest.didYouMean(key, m.entries().keySet()));
                }
                if (!e.comment().isBlank() && !e.comment().startsWith("set by ")) comment = e.comment();
                n = e.value();
            } else if (n instanceof Node.ListNode l) {
                int index;
                try {
                    index = Integer.parseInt(key);
                } catch (NumberFormatException ex) {
                    throw new ScenarioException(at, "`" + String.join(".", keys.subList(0, i)) + "` is a list: pick an "
                            + "item by its index (0, 1, ...), not `" + key + "`");
                }
                if (index < 0 || index >= l.items().size()) {
                    throw new ScenarioException(at, "`" + String.join(".", keys.subList(0, i)) + "` has "
                            + l.items().size() + " item(s), numbered from 0");
                }
                n = l.items().get(index);
            } else {
                throw new ScenarioException(at, "`" + String.join(".", keys.subList(0, i)) + "` is " + n.kindName()
                        + ", which has no `" + key + "`");
            }
        }
        if (!isNumber(n)) {
            String hint = n instanceof Node.MapNode m && m.get("growth") != null ? "; try `" + path + ".growth`" : "";
            throw new ScenarioException(at, "`" + path + "` is " + n.kindName() + "; a lever moves a value written as "
                    + "a plain number or percentage" + hint);
        }
        return new Found((Node.ScalarNode) n, comment, tree);
    }

    /** The levers by path. */
    static Map<String, Lever> byPath(List<Lever> levers) {
        Map<String, Lever> m = new java.util.LinkedHashMap<>();
        for (Lever l : levers) m.put(l.path(), l);
        return m;
    }
}
