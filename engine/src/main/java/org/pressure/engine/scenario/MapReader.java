package org.pressure.engine.scenario;

import java.util.List;
import org.pressure.engine.diagnostics.Location;
import org.pressure.engine.diagnostics.Problems;
import org.pressure.engine.diagnostics.Suggest;

/**
 * Reads one mapping of a scenario tree against the keys it may hold: reports every unknown
 * key (with the nearest known one) and every value of the wrong kind, and keeps going so that
 * one pass finds every problem.
 */
public final class MapReader {
    private final Node.MapNode map;
    private final Problems problems;
    private boolean unknownKeys;

    private MapReader(Node.MapNode map, Problems problems) {
        this.map = map;
        this.problems = problems;
    }

    /**
     * A reader for {@code node}, which should be a mapping of the given keys; null (and a
     * problem) if it is not a mapping.
     *
     * @param what how to name the mapping in messages ("`services.care`")
     */
    public static MapReader of(Node node, String what, List<String> allowed, Problems problems) {
        if (!(node instanceof Node.MapNode m)) {
            problems.add(node.location(), what + " should be a mapping of " + keyList(allowed)
                    + ", not " + node.kindName());
            return null;
        }
        MapReader reader = new MapReader(m, problems);
        for (var e : m.entries().entrySet()) {
            if (!allowed.contains(e.getKey())) {
                reader.unknownKeys = true;
                problems.add(e.getValue().keyLocation(), "unknown key `" + shortKey(e.getKey()) + "` in " + what
                        + Suggest.didYouMean(e.getKey(), allowed) + " (allowed: " + keyList(allowed) + ")" + hint(e.getKey()));
            }
        }
        return reader;
    }

    /**
     * Why a key the author did not mean may appear: in a {@code {...}} mapping a comma ends a
     * value, so {@code {start: 170,000}} has a key {@code 000} and an unquoted expression
     * {@code {cost: =max(0, a)}} a key {@code a)}.
     */
    static String hint(String key) {
        if (key.matches("\\d{3}([.,]\\d+)?")) {
            return "; a number written with a comma for thousands (170,000) is split at the comma in a {...} "
                    + "mapping: write 170000";
        }
        if (key.contains(")")) {
            return "; an expression with a comma in a {...} mapping or [...] list must be quoted, e.g. "
                    + "\"=max(0, pay - cpi)\"";
        }
        return "";
    }

    private static String shortKey(String key) {
        return key.length() <= 60 ? key : key.substring(0, 60) + "...";
    }

    /** Whether the mapping held a key it should not (probably a misspelling of one it lacks). */
    public boolean hasUnknownKeys() {
        return unknownKeys;
    }

    static String keyList(List<String> keys) {
        return String.join(", ", keys);
    }

    public Node.MapNode node() {
        return map;
    }

    public Location location() {
        return map.location();
    }

    public Node get(String key) {
        Node n = map.get(key);
        return n instanceof Node.ScalarNode s && s.kind() == Node.ScalarKind.NULL ? null : n;
    }

    public boolean has(String key) {
        return get(key) != null;
    }


    /** A required value; reports its absence. */
    public Node require(String key, String what) {
        Node n = get(key);
        if (n == null) problems.add(map.location(), what + " needs `" + key + "`");
        return n;
    }

    /** Text (a string scalar, or any scalar read as text), or {@code fallback}. */
    public String text(String key, String fallback) {
        Node n = get(key);
        if (n == null) return fallback;
        if (n instanceof Node.InputNode in) {
            problems.add(in.location(), in.refusal(key, "setting", "a word"));
            return fallback;
        }
        if (n instanceof Node.ScalarNode s) return s.text();
        problems.add(n.location(), "`" + key + "` should be text, not " + n.kindName());
        return fallback;
    }

    /** A boolean, or {@code fallback}. */
    public boolean bool(String key, boolean fallback) {
        Node n = get(key);
        if (n == null) return fallback;
        if (n instanceof Node.InputNode in) {
            problems.add(in.location(), in.refusal(key, "setting", "true or false"));
            return fallback;
        }
        if (n instanceof Node.ScalarNode s && s.kind() != Node.ScalarKind.NULL) {
            switch (s.text().toLowerCase(java.util.Locale.ROOT)) {
                case "true": return true;
                case "false": return false;
                default: break;
            }
        }
        problems.add(n.location(), "`" + key + "` should be true or false, not " + n.kindName());
        return fallback;
    }

    /** A number (plain or percentage), or {@code fallback}. */
    public double number(String key, double fallback) {
        Node n = get(key);
        return n == null ? fallback : number(n, key, problems, fallback);
    }

    /** A number read from {@code n}; reports and returns {@code fallback} if it is not one. */
    public static double number(Node n, String key, Problems problems, double fallback) {
        if (n instanceof Node.InputNode in) {
            problems.add(in.location(), in.refusal(key));
            return fallback;
        }
        if (n instanceof Node.ScalarNode s && (s.kind() == Node.ScalarKind.NUMBER || s.kind() == Node.ScalarKind.STRING)) {
            Double v = Numbers.parse(s.text());
            if (v != null) return v;
            problems.add(n.location(), "`" + key + "`: " + Numbers.badNumber(s.text()));
            return fallback;
        }
        problems.add(n.location(), "`" + key + "` should be a number, not " + n.kindName());
        return fallback;
    }

    /** A whole number, or {@code fallback}. */
    public int integer(String key, int fallback) {
        Node n = get(key);
        if (n == null) return fallback;
        double v = number(n, key, problems, Double.NaN);
        if (Double.isNaN(v)) return fallback;
        if (v != Math.rint(v)) {
            problems.add(n.location(), "`" + key + "` should be a whole number, not " + ((Node.ScalarNode) n).shortText());
            return fallback;
        }
        if (Math.abs(v) > 1e9) {
            problems.add(n.location(), "`" + key + "` is " + ((Node.ScalarNode) n).shortText() + ", out of range: it "
                    + "should be between -1000000000 and 1000000000" + (key.equals("start") || key.equals("end")
                    ? " (a financial year, such as 2025 for 2025/26)" : ""));
            return fallback;
        }
        return (int) v;
    }
}
