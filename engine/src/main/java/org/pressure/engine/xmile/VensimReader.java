package org.pressure.engine.xmile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.pressure.engine.diagnostics.Location;
import org.pressure.engine.diagnostics.Problems;
import org.pressure.engine.diagnostics.ScenarioException;

/**
 * Reads a Vensim text model ({@code .mdl}) into the same {@link XmileModel} an XMILE file
 * becomes, so that it compiles into the one engine: each equation's Vensim syntax (names with
 * spaces, {@code :AND:}, {@code IF THEN ELSE}, {@code INTEG}, {@code SMOOTH}, lookups ...) is
 * rewritten into the expression syntax the XMILE compiler reads, with names in double quotes.
 * Units, comments and the sketch are ignored. The simulation runs from {@code INITIAL TIME} to
 * {@code FINAL TIME} by {@code TIME STEP}, saving every {@code SAVEPER}, with Euler's method
 * (Vensim's default). What Vensim has and the engine does not (macros, {@code :EXCEPT:},
 * subscript mappings, data and random functions) is refused at its line, naming it.
 */
public final class VensimReader {

    /** Largest file read. */
    public static final long MAX_FILE_BYTES = 32L * 1024 * 1024;

    private final String file;
    private String text;
    private final int[] lineStarts;
    private final Problems problems = new Problems();
    private final List<String> warnings = new ArrayList<>();
    private final Map<String, List<String>> dimensions = new LinkedHashMap<>();
    private final Set<String> lookups = new HashSet<>();
    private final Set<String> macroNames = new HashSet<>();
    private final Map<String, String> mappings = new LinkedHashMap<>();

    /** One equation of the file, as written. */
    private record Entry(String lhs, String op, String rhs, int lhsAt, int rhsAt, List<List<String>> except) {
        Entry(String lhs, String op, String rhs, int lhsAt, int rhsAt) {
            this(lhs, op, rhs, lhsAt, rhsAt, List.of());
        }
    }

    /** Everything said about one variable; Vensim may define an array one element at a time. */
    private static final class Definition {
        String name;
        Location location;
        XmileModel.Kind kind = XmileModel.Kind.AUX;
        final List<List<String>> subscripts = new ArrayList<>();
        final List<XmileModel.Equation> equations = new ArrayList<>();
        final List<XmileModel.Equation> rates = new ArrayList<>();
        final List<List<List<String>>> excepts = new ArrayList<>();
        GraphicalFunction graphical;
    }

    private VensimReader(String file, String text) {
        this.file = file;
        // a backslash ending a line continues it: a space in its place keeps every offset
        this.text = text.replaceAll("\\\\(?=[ \\t]*\\n)", " ");
        List<Integer> starts = new ArrayList<>(List.of(0));
        for (int i = 0; i < text.length(); i++) if (text.charAt(i) == '\n') starts.add(i + 1);
        this.lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Whether {@code file} is a Vensim text model, by its extension. */
    public static boolean isModelFile(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".mdl");
    }

    /** Reads {@code path}, or throws {@link ScenarioException} naming the file, line and column of every problem. */
    public static XmileModel read(Path path) {
        byte[] bytes = org.pressure.engine.scenario.TreeReader.readBytes(path, MAX_FILE_BYTES);
        String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).replace("\r\n", "\n").replace('\r', '\n');
        return new VensimReader(path.toString(), text).read();
    }

    /** Reads a model from its text; {@code file} names it in messages. */
    public static XmileModel read(String text, String file) {
        return new VensimReader(file, text.replace("\r\n", "\n").replace('\r', '\n')).read();
    }

    private Location at(int offset) {
        int line = java.util.Arrays.binarySearch(lineStarts, offset);
        if (line < 0) line = -line - 2;
        return new Location(file, line + 1, offset - lineStarts[line] + 1);
    }

    // ------------------------------------------------------------ the file's equations

    private XmileModel read() {
        int end = text.indexOf("\\\\\\---///");
        if (end < 0) end = text.length();
        int from = text.startsWith("{UTF-8}") ? 7 : 0;
        // macros first: their blocks are read, then blanked (offsets kept) so the model's own equations are the rest
        List<Object[]> blocks = new ArrayList<>();
        for (int m = indexOfIgnoreCase(text, ":MACRO:", from); m >= 0 && m < end; m = indexOfIgnoreCase(text, ":MACRO:", m + 1)) {
            int close = indexOfIgnoreCase(text, ":END OF MACRO:", m);
            if (close < 0) throw new ScenarioException(at(m), "this :MACRO: has no :END OF MACRO:");
            int lineEnd = text.indexOf('\n', m);
            if (lineEnd < 0 || lineEnd > close) lineEnd = close;
            String header = text.substring(m + 7, lineEnd).strip();
            int open = header.indexOf('('), shut = header.lastIndexOf(')');
            if (open <= 0 || shut < open || header.substring(open, shut).contains(":")) {
                throw new ScenarioException(at(m), "macro `" + header + "`: only macros written `NAME(input, ...)` with one"
                        + " output, the macro's own name, are supported");
            }
            String name = header.substring(0, open).strip();
            List<String> parameters = new ArrayList<>();
            for (String p : header.substring(open + 1, shut).split(",")) parameters.add(p.strip());
            macroNames.add(XmileNames.canonical(name));
            blocks.add(new Object[] {name, parameters, entries(lineEnd, close), at(m)});
            StringBuilder blank = new StringBuilder(text);
            for (int i = m; i < close + 14; i++) if (blank.charAt(i) != '\n') blank.setCharAt(i, ' ');
            text = blank.toString();
            m = close;
        }
        List<Entry> entries = entries(from, end);
        // lookups and dimensions first: equations before them may call or use them
        for (int pass = 0; pass < 6; pass++) {
            // again and again: a dimension may be defined by subranges, or an equivalent dimension, given later
            for (Entry e : entries) {
                if (e.op().equals(":")) dimension(e);
                if (e.op().equals("(")) lookups.add(XmileNames.canonical(baseName(e.lhs())));
            }
        }
        problems.throwIfAny();
        List<XmileModel.Macro> macros = new ArrayList<>();
        for (Object[] block : blocks) {
            XmileModel.Macro m = macro(block);
            if (m != null) macros.add(m);
        }
        Map<String, Definition> definitions = new LinkedHashMap<>();
        for (Entry e : entries) {
            if (e.op().equals(":")) continue;
            define(e, definitions);
        }
        problems.throwIfAny();
        XmileModel.SimSpecs specs = specs(definitions);
        List<XmileModel.Variable> variables = new ArrayList<>();
        for (Definition d : definitions.values()) {
            XmileModel.Variable v = variable(d);
            if (v != null) variables.add(v);
        }
        problems.throwIfAny();
        return new XmileModel(file, specs, variables, dimensions, true, warnings, macros, Map.of(), mappings);
    }

    /** The equations between {@code from} and {@code end}, each ended by a `|` outside quotes. */
    private List<Entry> entries(int from, int end) {
        List<Entry> entries = new ArrayList<>();
        int start = from;
        boolean quoted = false;
        for (int i = from; i < end; i++) {
            char c = text.charAt(i);
            if (c == '"') quoted = !quoted;
            if (c == '|' && !quoted) {
                Entry e = entry(start, i);
                if (e != null) entries.add(e);
                start = i + 1;
            }
        }
        return entries;
    }

    /**
     * A Vensim macro as an expression macro: the equation named as the macro is its body, with
     * the macro's other equations written into it where it names them.
     */
    @SuppressWarnings("unchecked")
    private XmileModel.Macro macro(Object[] block) {
        String name = (String) block[0];
        Map<String, String> locals = new LinkedHashMap<>();
        XmileModel.Equation body = null;
        for (Entry e : (List<Entry>) block[2]) {
            if (!e.op().equals("=")) {
                problems.add(at(e.lhsAt()), "macro `" + name + "`: only equations `name = ...` are supported inside a macro");
                continue;
            }
            XmileModel.Equation eq = equation(e.rhs(), e.rhsAt());
            if (XmileNames.canonical(e.lhs()).equals(XmileNames.canonical(name))) body = eq;
            else locals.put(VensimExpression.quoted(e.lhs()), eq.text());
        }
        if (body == null) {
            problems.add((Location) block[3], "macro `" + name + "` has no equation named `" + name + "`, its output");
            return null;
        }
        String text = body.text();
        for (int round = 0; round < 20; round++) {
            String before = text;
            for (var local : locals.entrySet()) {
                text = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(local.getKey()),
                        java.util.regex.Pattern.CASE_INSENSITIVE).matcher(text).replaceAll(
                        java.util.regex.Matcher.quoteReplacement("(" + local.getValue() + ")"));
            }
            if (text.equals(before)) break;
        }
        return new XmileModel.Macro(name.replaceAll("\\s+", " "), (List<String>) block[1],
                new XmileModel.Equation(text, body.location()), (Location) block[3]);
    }

    private static int indexOfIgnoreCase(String s, String what, int from) {
        return s.toUpperCase(Locale.ROOT).indexOf(what, from);
    }

    /** The equation between {@code start} and the {@code |} at {@code end}: left side, operator, right side. */
    private Entry entry(int start, int end) {
        int tilde = start;
        boolean quoted = false;
        while (tilde < end && (text.charAt(tilde) != '~' || quoted)) {
            if (text.charAt(tilde) == '"') quoted = !quoted;
            tilde++;
        }
        String eq = text.substring(start, tilde);
        String stripped = eq.strip();
        if (stripped.isEmpty() || stripped.startsWith("*")) return null; // a group heading
        int lead = start + eq.indexOf(stripped.charAt(0));
        // the operator: the first = (or ==, :=), or a : naming a dimension, or ( opening a lookup
        int depth = 0;
        quoted = false;
        for (int i = 0; i < stripped.length(); i++) {
            char c = stripped.charAt(i);
            if (c == '"') quoted = !quoted;
            if (quoted) continue;
            if (c == '[') depth++;
            if (c == ']') depth--;
            if (depth > 0) continue;
            if (c == '(') return new Entry(stripped.substring(0, i).strip(), "(", stripped.substring(i), lead, lead + i);
            if (c == '=') {
                String op = i + 1 < stripped.length() && stripped.charAt(i + 1) == '=' ? "==" : "=";
                return new Entry(stripped.substring(0, i).strip(), op, stripped.substring(i + op.length()), lead, lead + i + op.length());
            }
            if (c == ':') {
                if (i + 1 < stripped.length() && stripped.charAt(i + 1) == '=') {
                    problems.add(at(lead), "`" + stripped.substring(0, i).strip() + "`: Vensim data equations (:=) are not supported");
                    return null;
                }
                String rest = stripped.substring(i).toUpperCase(Locale.ROOT);
                if (rest.startsWith(":EXCEPT:")) {
                    // name[dims] :EXCEPT: [a, b], [c, d] = ...: every element but those listed
                    int eqAt = stripped.indexOf('=', i);
                    if (eqAt < 0) {
                        problems.add(at(lead + i), "`" + stripped.substring(0, i).strip() + "`: :EXCEPT: with no `=` after it");
                        return null;
                    }
                    List<List<String>> except = new ArrayList<>();
                    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\[([^\\]]*)\\]").matcher(stripped.substring(i + 8, eqAt));
                    while (m.find()) {
                        List<String> one = new ArrayList<>();
                        for (String x : m.group(1).split(",")) one.add(x.strip());
                        except.add(one);
                    }
                    return new Entry(stripped.substring(0, i).strip(), "=", stripped.substring(eqAt + 1), lead, lead + eqAt + 1, except);
                }
                return new Entry(stripped.substring(0, i).strip(), ":", stripped.substring(i + 1), lead, lead + i + 1);
            }
            if (c == '<' && stripped.startsWith("<->", i)) {
                return new Entry(stripped.substring(0, i).strip(), ":", stripped.substring(i + 3), lead, lead + i + 3);
            }
        }
        problems.add(at(lead), "this is not an equation: expected `name = ...`, `name: elements` or a lookup `name(...)`");
        return null;
    }

    /** {@code Dim: a, b, c}, {@code Dim: (a1-a5)}, {@code Dim: a, Sub} (a subrange's elements), {@code Dim <-> Other}. */
    private void dimension(Entry e) {
        String rhs = e.rhs();
        int arrow = rhs.indexOf("->");
        if (arrow >= 0) {
            String target = rhs.substring(arrow + 2).strip();
            if (target.startsWith("(") || target.contains(",")) {
                problems.add(at(e.rhsAt() + arrow), "`" + e.lhs().strip() + "`: a mapping that lists its elements"
                        + " (`-> (Dim: a, b)`) is not supported; map to a dimension by position (`-> Dim`)");
            } else {
                mappings.put(e.lhs().strip(), target);
            }
            rhs = rhs.substring(0, arrow);
        }
        List<String> elements = new ArrayList<>();
        for (String part : rhs.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) continue;
            java.util.regex.Matcher range = java.util.regex.Pattern.compile("\\((\\D*?)(\\d+)\\s*-\\s*(\\D*?)(\\d+)\\)").matcher(p);
            if (range.matches()) {
                int a = Integer.parseInt(range.group(2)), b = Integer.parseInt(range.group(4));
                for (int n = a; n <= b && elements.size() < 100_000; n++) elements.add(range.group(1) + n);
                continue;
            }
            List<String> sub = dimensionNamed(p);
            if (sub != null) elements.addAll(sub);
            else elements.add(p);
        }
        if (elements.isEmpty()) {
            problems.add(at(e.lhsAt()), "dimension `" + e.lhs() + "` has no elements");
            return;
        }
        dimensions.put(e.lhs().strip(), elements);
    }

    private List<String> dimensionNamed(String name) {
        String key = XmileNames.canonical(name);
        for (var d : dimensions.entrySet()) if (XmileNames.canonical(d.getKey()).equals(key)) return d.getValue();
        return null;
    }

    private static String baseName(String lhs) {
        int open = lhs.indexOf('[');
        return (open < 0 ? lhs : lhs.substring(0, open)).strip();
    }

    private void define(Entry e, Map<String, Definition> definitions) {
        String name = baseName(e.lhs());
        List<String> subscripts = new ArrayList<>();
        int open = e.lhs().indexOf('[');
        if (open >= 0) {
            int close = e.lhs().indexOf(']', open);
            if (close < 0) {
                problems.add(at(e.lhsAt() + open), "`" + name + "`: the subscript has no closing `]`");
                return;
            }
            for (String s : e.lhs().substring(open + 1, close).split(",")) subscripts.add(s.strip());
            for (String s : subscripts) {
                if (s.endsWith("!")) {
                    problems.add(at(e.lhsAt() + open), "`" + name + "`: a `!` subscript on the left of `=` is not supported");
                    return;
                }
            }
        }
        Definition d = definitions.computeIfAbsent(XmileNames.canonical(name), k -> {
            Definition n = new Definition();
            n.name = name;
            n.location = at(e.lhsAt());
            return n;
        });
        if (e.op().equals("(")) {
            d.kind = XmileModel.Kind.GF;
            d.graphical = table(e.rhs(), e.rhsAt(), name);
            if (!subscripts.isEmpty()) {
                problems.add(at(e.lhsAt()), "`" + name + "`: subscripted lookups are not supported");
            }
            return;
        }
        String rhs = e.rhs();
        String head = rhs.strip().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
        int lead = e.rhsAt() + (rhs.length() - rhs.stripLeading().length());
        if (head.startsWith("INTEG") && rhs.strip().substring(5).strip().startsWith("(")) {
            int paren = rhs.indexOf('(');
            List<int[]> args = arguments(rhs, paren);
            if (args == null || args.size() != 2) {
                problems.add(at(lead), "`" + name + "`: INTEG takes two arguments (rate, initial value)");
                return;
            }
            d.kind = XmileModel.Kind.STOCK;
            d.subscripts.add(subscripts);
            d.excepts.add(e.except());
            d.rates.add(equation(rhs.substring(args.get(0)[0], args.get(0)[1]), e.rhsAt() + args.get(0)[0]));
            d.equations.add(equation(rhs.substring(args.get(1)[0], args.get(1)[1]), e.rhsAt() + args.get(1)[0]));
            return;
        }
        if (head.startsWith("WITH LOOKUP")) {
            int paren = rhs.indexOf('(');
            List<int[]> args = arguments(rhs, paren);
            if (args == null || args.size() != 2) {
                problems.add(at(lead), "`" + name + "`: WITH LOOKUP takes an input and a table");
                return;
            }
            d.graphical = table(rhs.substring(args.get(1)[0], args.get(1)[1]), e.rhsAt() + args.get(1)[0], name);
            d.subscripts.add(subscripts);
            d.excepts.add(e.except());
            d.equations.add(equation(rhs.substring(args.get(0)[0], args.get(0)[1]), e.rhsAt() + args.get(0)[0]));
            return;
        }
        if (head.startsWith("A FUNCTION OF")) {
            problems.add(at(lead), "`" + name + "` is `A FUNCTION OF` other variables, with no equation written yet");
            return;
        }
        if (!subscripts.isEmpty() && isNumberList(rhs)) {
            // a list of constants, one per element (rows of a two-dimensional array end with `;`)
            List<List<String>> lists = new ArrayList<>();
            for (String s : subscripts) {
                List<String> elements = dimensionNamed(s);
                lists.add(elements != null ? elements : List.of(s));
            }
            List<String> tuples = XmileReader.product(lists);
            String[] numbers = rhs.strip().replaceAll("[;,\\s]+$", "").split("\\s*[,;]\\s*");
            if (numbers.length != tuples.size()) {
                problems.add(at(lead), "`" + name + "`: " + numbers.length + " numbers for " + tuples.size() + " elements");
                return;
            }
            for (int i = 0; i < numbers.length; i++) {
                d.subscripts.add(java.util.Arrays.stream(tuples.get(i).split(",")).map(String::strip).toList());
                d.excepts.add(List.of());
                d.equations.add(new XmileModel.Equation(numbers[i].strip(), at(lead)));
            }
            return;
        }
        d.subscripts.add(subscripts);
        d.excepts.add(e.except());
        d.equations.add(equation(rhs, e.rhsAt()));
    }

    /** Whether {@code tuple} is one of the exceptions: each position its element or a dimension holding it. */
    private boolean excepted(String tuple, List<List<String>> except) {
        List<String> element = java.util.Arrays.stream(tuple.split(",")).map(String::strip).toList();
        for (List<String> x : except) {
            if (x.size() != element.size()) continue;
            boolean all = true;
            for (int p = 0; p < x.size() && all; p++) {
                List<String> of = dimensionNamed(x.get(p));
                String want = XmileNames.canonical(element.get(p));
                all = of != null ? of.stream().anyMatch(y -> XmileNames.canonical(y).equals(want))
                        : XmileNames.canonical(x.get(p)).equals(want);
            }
            if (all) return true;
        }
        return false;
    }

    private static boolean isNumberList(String rhs) {
        String s = rhs.strip();
        return (s.contains(",") || s.contains(";")) && s.matches("[-+0-9.eE,;\\s]+");
    }

    /** The spans of the arguments of the call whose {@code (} is at {@code paren}, or null when unbalanced. */
    private static List<int[]> arguments(String s, int paren) {
        List<int[]> out = new ArrayList<>();
        int depth = 0, start = paren + 1;
        boolean quoted = false;
        for (int i = paren; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') quoted = !quoted;
            if (quoted) continue;
            if (c == '(' || c == '[') depth++;
            if (c == ')' || c == ']') depth--;
            if (depth == 1 && c == ',') {
                out.add(new int[] {start, i});
                start = i + 1;
            }
            if (depth == 0) {
                out.add(new int[] {start, i});
                return out;
            }
        }
        return null;
    }

    /** A lookup's points: {@code ([(x0,y0)-(x1,y1)], (x,y), ...)}, or its xs then its ys. */
    private GraphicalFunction table(String body, int offset, String owner) {
        String s = body.strip();
        if (s.startsWith("(")) s = s.substring(1);
        if (s.endsWith(")")) s = s.substring(0, s.length() - 1);
        s = s.replaceAll("\\[[^\\]]*\\]", " ").strip();
        List<Double> xs = new ArrayList<>(), ys = new ArrayList<>();
        try {
            if (s.contains("(")) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\(\\s*([^,()]+?)\\s*,\\s*([^,()]+?)\\s*\\)").matcher(s);
                while (m.find()) {
                    xs.add(Double.parseDouble(m.group(1).replaceAll("\\s+", "")));
                    ys.add(Double.parseDouble(m.group(2).replaceAll("\\s+", "")));
                }
            } else {
                String[] numbers = s.replaceAll("^,", "").split("\\s*,\\s*");
                for (int i = 0; i < numbers.length / 2; i++) {
                    xs.add(Double.parseDouble(numbers[i].replaceAll("\\s+", "")));
                    ys.add(Double.parseDouble(numbers[i + numbers.length / 2].replaceAll("\\s+", "")));
                }
            }
        } catch (NumberFormatException e) {
            problems.add(at(offset), "lookup `" + owner + "`: its points are not numbers (" + e.getMessage() + ")");
            return null;
        }
        if (xs.isEmpty()) {
            problems.add(at(offset), "lookup `" + owner + "` has no points");
            return null;
        }
        return new GraphicalFunction(xs.stream().mapToDouble(Double::doubleValue).toArray(),
                ys.stream().mapToDouble(Double::doubleValue).toArray(), GraphicalFunction.Type.CONTINUOUS);
    }

    private XmileModel.Equation equation(String vensim, int offset) {
        int lead = offset + (vensim.length() - vensim.stripLeading().length());
        try {
            return new XmileModel.Equation(new VensimExpression(vensim, lookups, macroNames).translate(), at(lead));
        } catch (VensimExpression.Problem p) {
            problems.add(at(offset + p.offset), p.getMessage());
            return new XmileModel.Equation("0", at(lead));
        }
    }

    // ------------------------------------------------------------ variables and specs

    private XmileModel.Variable variable(Definition d) {
        if (d.kind == XmileModel.Kind.GF) {
            return d.graphical == null ? null : new XmileModel.Variable(XmileModel.Kind.GF, d.name, d.location, null,
                    List.of(), List.of(), null, d.graphical, List.of(), Map.of(), Map.of());
        }
        List<String> dims = new ArrayList<>();
        Map<String, XmileModel.Equation> elements = new LinkedHashMap<>();
        Map<String, XmileModel.Equation> rates = new LinkedHashMap<>();
        XmileModel.Equation equation = null;
        int n = d.subscripts.isEmpty() ? 0 : d.subscripts.get(0).size();
        for (List<String> s : d.subscripts) {
            if (s.size() != n) {
                problems.add(d.location, "`" + d.name + "` is defined with " + n + " and with " + s.size() + " subscripts");
                return null;
            }
        }
        boolean whole = d.subscripts.size() == 1 && d.excepts.get(0).isEmpty() && d.subscripts.get(0).stream().allMatch(s -> dimensionNamed(s) != null);
        if (n == 0 || whole) {
            if (d.equations.size() > 1) {
                problems.add(d.location, "`" + d.name + "` is defined " + d.equations.size() + " times");
                return null;
            }
            dims.addAll(n == 0 ? List.of() : d.subscripts.get(0));
            equation = d.equations.get(0);
            if (!d.rates.isEmpty()) rates.put("", d.rates.get(0));
        } else {
            // defined element by element (or subrange by subrange): each position takes the
            // smallest dimension holding every element given there
            for (int p = 0; p < n; p++) {
                Set<String> used = new HashSet<>();
                for (List<String> s : d.subscripts) {
                    List<String> of = dimensionNamed(s.get(p));
                    if (of != null) of.forEach(x -> used.add(XmileNames.canonical(x)));
                    else used.add(XmileNames.canonical(s.get(p)));
                }
                String best = null;
                for (var dim : dimensions.entrySet()) {
                    Set<String> has = new HashSet<>();
                    dim.getValue().forEach(x -> has.add(XmileNames.canonical(x)));
                    if (has.containsAll(used) && (best == null || dim.getValue().size() < dimensions.get(best).size())) {
                        best = dim.getKey();
                    }
                }
                if (best == null) {
                    problems.add(d.location, "`" + d.name + "`: no dimension holds every element given at position " + (p + 1)
                            + " of its subscripts (" + String.join(", ", used) + ")");
                    return null;
                }
                dims.add(best);
            }
            for (int i = 0; i < d.subscripts.size(); i++) {
                List<List<String>> lists = new ArrayList<>();
                for (String s : d.subscripts.get(i)) {
                    List<String> of = dimensionNamed(s);
                    lists.add(of != null ? of : List.of(s));
                }
                for (String tuple : XmileReader.product(lists)) {
                    if (excepted(tuple, d.excepts.get(i))) continue;
                    elements.put(tuple, d.equations.get(i));
                    if (d.kind == XmileModel.Kind.STOCK) rates.put(tuple, d.rates.get(i));
                }
            }
        }
        return new XmileModel.Variable(d.kind, d.name, d.location, equation, List.of(), List.of(), null, d.graphical,
                dims, elements, rates);
    }

    /** INITIAL TIME, FINAL TIME, TIME STEP and SAVEPER: numbers, or one naming another. */
    private XmileModel.SimSpecs specs(Map<String, Definition> definitions) {
        double start = control(definitions, "initial time", 0);
        double stop = control(definitions, "final time", Double.NaN);
        double dt = control(definitions, "time step", 1);
        double save = control(definitions, "saveper", dt);
        Location where = Location.ofFile(file);
        problems.throwIfAny();
        if (Double.isNaN(stop)) throw new ScenarioException(where, "the model gives no FINAL TIME");
        if (!(dt > 0)) throw new ScenarioException(where, "TIME STEP must be above 0, not " + dt);
        if (stop < start) throw new ScenarioException(where, "FINAL TIME (" + stop + ") is before INITIAL TIME (" + start + ")");
        if ((stop - start) / dt > XmileReader.MAX_STEPS) {
            throw new ScenarioException(where, "the run would take " + (long) ((stop - start) / dt) + " steps; the limit is "
                    + XmileReader.MAX_STEPS);
        }
        return new XmileModel.SimSpecs(start, stop, dt, Math.max(save, dt), XmileModel.Method.EULER, where);
    }

    private double control(Map<String, Definition> definitions, String name, double otherwise) {
        Definition d = definitions.get(name);
        if (d == null || d.equations.isEmpty()) return otherwise;
        String t = d.equations.get(0).text().strip();
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            String other = XmileNames.canonical(t);
            if (!other.equals(name) && definitions.containsKey(other)) return control(definitions, other, otherwise);
            problems.add(d.location, "`" + d.name + "` must be a number, or name another of the time settings"
                    + " (time settings that are equations or change during the run are not supported)");
            return otherwise;
        }
    }
}
