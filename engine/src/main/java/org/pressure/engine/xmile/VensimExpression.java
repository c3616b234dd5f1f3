package org.pressure.engine.xmile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Rewrites one Vensim expression into the expression syntax the XMILE compiler reads: names
 * (which may hold spaces) in double quotes, {@code :AND:} as {@code and}, and each Vensim
 * function as the engine's own ({@code SMOOTH} as {@code smth1}, {@code DELAY FIXED} as
 * {@code delay}, a lookup call as {@code lookup("table", x)} ...), arguments reordered where
 * the two disagree. A function the engine does not have is refused at its character.
 */
final class VensimExpression {

    /** A problem at a character of the expression. */
    static final class Problem extends RuntimeException {
        final int offset;

        Problem(int offset, String message) {
            super(message);
            this.offset = offset;
        }
    }

    /** Vensim functions that are the engine's under another name, with the same arguments. */
    private static final Map<String, String> SAME = Map.ofEntries(
            Map.entry("abs", "abs"), Map.entry("exp", "exp"), Map.entry("ln", "ln"), Map.entry("sqrt", "sqrt"),
            Map.entry("sin", "sin"), Map.entry("cos", "cos"), Map.entry("tan", "tan"), Map.entry("arcsin", "arcsin"),
            Map.entry("arccos", "arccos"), Map.entry("arctan", "arctan"), Map.entry("sinh", "sinh"),
            Map.entry("cosh", "cosh"), Map.entry("tanh", "tanh"), Map.entry("min", "min"), Map.entry("max", "max"),
            Map.entry("xidz", "xidz"), Map.entry("zidz", "zidz"), Map.entry("power", "power"),
            Map.entry("integer", "integer"), Map.entry("modulo", "modulo"), Map.entry("step", "step"),
            Map.entry("ramp", "ramp"), Map.entry("sum", "sum"), Map.entry("prod", "prod"), Map.entry("vmin", "min"),
            Map.entry("vmax", "max"), Map.entry("elmcount", "size"), Map.entry("if then else", "if"),
            Map.entry("smooth", "smth1"), Map.entry("smoothi", "smth1"), Map.entry("smooth3", "smth3"),
            Map.entry("smooth3i", "smth3"), Map.entry("delay1", "delay1"), Map.entry("delay1i", "delay1"),
            Map.entry("delay3", "delay3"), Map.entry("delay3i", "delay3"),
            Map.entry("trend", "trend"), Map.entry("initial", "init"), Map.entry("sign", "sign"));

    /** Vensim functions with no counterpart here, and what they would need. */
    private static final Set<String> DATA = Set.of("get xls data", "get direct data", "get data at time", "get time value",
            "get xls constants", "get direct constants", "get xls lookups", "get direct lookups", "get direct subscript",
            "get xls subscript", "get data between times", "get 123 data", "get vdf data");

    private final String src;
    private final Set<String> lookups;
    private final Set<String> macros;

    VensimExpression(String src, Set<String> lookups, Set<String> macros) {
        this.src = src;
        this.lookups = lookups;
        this.macros = macros;
    }

    String translate() {
        if (src.strip().isEmpty()) throw new Problem(0, "the equation is empty");
        return translate(0, src.length());
    }

    private static boolean nameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '\'' || c == '&' || c == '%' || c == '.'
                || c == '#' || c == '@' || c == '?' || c > 127;
    }

    private String translate(int from, int to) {
        StringBuilder out = new StringBuilder();
        int i = from;
        while (i < to) {
            char c = src.charAt(i);
            if (c == '\\' && i + 1 < to && src.charAt(i + 1) == '\n') { // a line continued
                i += 2;
                continue;
            }
            if (Character.isWhitespace(c)) {
                out.append(' ');
                i++;
                continue;
            }
            if (Character.isDigit(c) || c == '.' && i + 1 < to && Character.isDigit(src.charAt(i + 1))) {
                int start = i;
                while (i < to && (Character.isDigit(src.charAt(i)) || src.charAt(i) == '.')) i++;
                if (i < to && (src.charAt(i) == 'e' || src.charAt(i) == 'E')) {
                    int save = i++;
                    if (i < to && (src.charAt(i) == '+' || src.charAt(i) == '-')) i++;
                    if (i < to && Character.isDigit(src.charAt(i))) {
                        while (i < to && Character.isDigit(src.charAt(i))) i++;
                    } else {
                        i = save;
                    }
                }
                out.append(src, start, i);
                continue;
            }
            if (c == ':') {
                int close = src.indexOf(':', i + 1);
                String word = close < 0 ? "" : src.substring(i + 1, close).strip().toUpperCase(Locale.ROOT);
                switch (word) {
                    case "AND" -> out.append(" and ");
                    case "OR" -> out.append(" or ");
                    case "NOT" -> out.append(" not ");
                    case "NA" -> out.append("(-1e38)");
                    default -> throw new Problem(i, "unexpected `:`" + (word.isEmpty() ? "" : " (`:" + word + ":` is not supported)"));
                }
                i = close + 1;
                continue;
            }
            if (c == '"' || nameChar(c)) {
                int start = i;
                String name;
                if (c == '"') {
                    int close = i + 1;
                    while (close < to && src.charAt(close) != '"') close += src.charAt(close) == '\\' ? 2 : 1;
                    if (close >= to) throw new Problem(i, "the quoted name starting here has no closing `\"`");
                    name = src.substring(i + 1, close).replace("\\n", " ").replace("\\\"", "\"");
                    i = close + 1;
                } else {
                    while (i < to) {
                        if (nameChar(src.charAt(i))) {
                            i++;
                        } else if (Character.isWhitespace(src.charAt(i)) || src.charAt(i) == '_') {
                            int next = i;
                            while (next < to && (Character.isWhitespace(src.charAt(next)) || src.charAt(next) == '_')) next++;
                            if (next < to && nameChar(src.charAt(next))) {
                                i = next;
                            } else {
                                break;
                            }
                        } else {
                            break;
                        }
                    }
                    name = src.substring(start, i);
                }
                int after = i;
                while (after < to && Character.isWhitespace(src.charAt(after))) after++;
                if (c != '"' || true) {
                    if (after < to && src.charAt(after) == '(') {
                        int close = matching(after, to);
                        out.append(call(name, start, after, close));
                        i = close + 1;
                        continue;
                    }
                }
                String key = XmileNames.canonical(name);
                if (c != '"' && key.equals("time")) {
                    out.append("time");
                } else {
                    out.append(quoted(name));
                }
                if (after < to && src.charAt(after) == '[') {
                    int close = src.indexOf(']', after);
                    if (close < 0 || close >= to) throw new Problem(after, "the subscript has no closing `]`");
                    out.append(src, after, close + 1);
                    i = close + 1;
                }
                continue;
            }
            if (c == '(') {
                int close = matching(i, to);
                out.append('(').append(translate(i + 1, close)).append(')');
                i = close + 1;
                continue;
            }
            if ("+-*/^<>=,".indexOf(c) >= 0) {
                out.append(c);
                i++;
                continue;
            }
            throw new Problem(i, "unexpected `" + c + "` in a Vensim equation");
        }
        return out.toString();
    }

    /** A name in double quotes, as the expression parser reads it. */
    static String quoted(String name) {
        return "\"" + name.strip().replaceAll("\\s+", " ").replace("\\", "\\\\").replace("\"", "\"\"") + "\"";
    }

    private int matching(int open, int to) {
        int depth = 0;
        boolean q = false;
        for (int i = open; i < to; i++) {
            char c = src.charAt(i);
            if (c == '"') q = !q;
            if (q) continue;
            if (c == '(') depth++;
            if (c == ')' && --depth == 0) return i;
        }
        throw new Problem(open, "this `(` is never closed");
    }

    private String call(String name, int at, int open, int close) {
        List<String> args = new ArrayList<>();
        int depth = 0, start = open + 1;
        boolean q = false;
        for (int i = open + 1; i < close; i++) {
            char c = src.charAt(i);
            if (c == '"') q = !q;
            if (q) continue;
            if (c == '(' || c == '[') depth++;
            if (c == ')' || c == ']') depth--;
            if (c == ',' && depth == 0) {
                args.add(translate(start, i));
                start = i + 1;
            }
        }
        if (!src.substring(start, close).isBlank() || !args.isEmpty()) args.add(translate(start, close));
        String key = XmileNames.canonical(name);
        if (lookups.contains(key)) {
            if (args.size() != 1) throw new Problem(at, "lookup `" + name + "` takes one argument, not " + args.size());
            return "lookup(" + quoted(name) + ", " + args.get(0) + ")";
        }
        if (macros.contains(key)) return key.replaceAll("[^a-z0-9]+", "_") + "(" + String.join(", ", args) + ")";
        String mapped = SAME.get(key);
        if (mapped != null) return mapped + "(" + String.join(", ", args) + ")";
        switch (key) {
            case "log":
                need(name, at, args, 2);
                return "(ln(" + args.get(0) + ") / ln(" + args.get(1) + "))";
            case "delay fixed":
                // Vensim fixes the delay time at its initial value
                need(name, at, args, 3);
                return "delay(" + args.get(0) + ", init(" + args.get(1) + "), " + args.get(2) + ")";
            case "delay n":
                need(name, at, args, 4);
                return "delayn(" + args.get(0) + ", " + args.get(1) + ", " + args.get(3) + ", " + args.get(2) + ")";
            case "smooth n":
                need(name, at, args, 4);
                return "smthn(" + args.get(0) + ", " + args.get(1) + ", " + args.get(3) + ", " + args.get(2) + ")";
            case "pulse":
                // 1 from the start for the width (at least one step), 0 otherwise
                need(name, at, args, 2);
                return "if(time >= (" + args.get(0) + ") - dt / 2 and time < (" + args.get(0) + ") + max(dt, " + args.get(1)
                        + ") - dt / 2, 1, 0)";
            case "pulse train":
                need(name, at, args, 4);
                return "if(time >= (" + args.get(0) + ") - dt / 2 and time <= (" + args.get(3) + ") + dt / 2 and modulo(time - ("
                        + args.get(0) + ") + dt / 2, " + args.get(2) + ") < max(dt, " + args.get(1) + "), 1, 0)";
            case "quantum":
                need(name, at, args, 2);
                return "(" + args.get(1) + " * integer((" + args.get(0) + ") / (" + args.get(1) + ")))";
            case "game":
                need(name, at, args, 1);
                return "(" + args.get(0) + ")";
            case "active initial":
                need(name, at, args, 2);
                return "if(time = starttime, " + args.get(1) + ", " + args.get(0) + ")";
            case "lookup":
                return "lookup(" + String.join(", ", args) + ")";
            case "integ":
                need(name, at, args, 2);
                return "integ(" + args.get(0) + ", " + args.get(1) + ")";
            default:
                break;
        }
        if (DATA.contains(key)) {
            throw new Problem(at, "`" + name.strip() + "` reads data from another file, which is not supported");
        }
        if (key.startsWith("random")) {
            throw new Problem(at, "`" + name.strip() + "` is random; stochastic functions are not supported");
        }
        throw new Problem(at, "unknown function `" + name.strip() + "`; the Vensim functions read are listed in docs/interop.md");
    }

    private static void need(String name, int at, List<String> args, int n) {
        if (args.size() != n) throw new Problem(at, "`" + name.strip() + "` takes " + n + " arguments, not " + args.size());
    }
}
