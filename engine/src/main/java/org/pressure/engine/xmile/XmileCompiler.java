package org.pressure.engine.xmile;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pressure.engine.diagnostics.Location;
import org.pressure.engine.diagnostics.Problems;
import org.pressure.engine.diagnostics.ScenarioException;
import org.pressure.engine.diagnostics.Suggest;
import org.pressure.engine.expr.Builtins;
import org.pressure.engine.expr.Compiler;
import org.pressure.engine.expr.Expr;
import org.pressure.engine.expr.ExpressionException;
import org.pressure.engine.expr.Parser;
import org.pressure.engine.model.Integration;
import org.pressure.engine.model.Model;
import org.pressure.engine.model.ModelBuilder;
import org.pressure.engine.model.Fn;
import org.pressure.engine.model.Formula;

/**
 * Compiles an {@link XmileModel} into the engine's one {@link Model}, wrapped as a
 * {@link CompiledXmile}: one slot per variable (one per
 * element of an array, and a module's variables under its name), equations compiled with the shared expression compiler
 * and built-in table, and the internal stocks that stateful built-ins (smth1, delay3, ...)
 * need. Every unknown name, unknown function and same-step cycle is reported with its line.
 */
public final class XmileCompiler implements Builtins.Context {

    /** A part computed each step: an auxiliary or flow, or a stock's initial value (first step only). */

    /**
     * One scalar variable of the model: an array variable has one per element, {@code element}
     * holding its element of each dimension in order (null for a scalar).
     */
    private record Scalar(XmileModel.Variable variable, List<String> element, int slot) {
        String display() {
            String base = XmileNames.display(variable.name());
            return element == null ? base : base + "[" + String.join(",", element) + "]";
        }
    }

    /** The key of one element of an array: its canonical name and canonical elements. */
    private static String elementKey(String base, List<String> element) {
        StringBuilder b = new StringBuilder(XmileNames.canonical(base)).append('[');
        for (int i = 0; i < element.size(); i++) b.append(i > 0 ? "," : "").append(XmileNames.canonical(element.get(i)));
        return b.append(']').toString();
    }

    /** Splits a subscript's text at its commas: {@code "a, b"} is a and b. */
    private static List<String> indices(String text) {
        List<String> out = new ArrayList<>();
        for (String part : text.split(",")) out.add(part.strip());
        return out;
    }

    private final XmileModel model;
    private final Problems problems = new Problems();
    private final ModelBuilder builder;
    private final Map<String, Integer> slots = new HashMap<>();
    private final Map<String, XmileModel.Variable> arrays = new HashMap<>();
    private final Map<String, GraphicalFunction> tables = new HashMap<>();
    private final Map<String, XmileModel.Macro> macros = new HashMap<>();
    private final Set<XmileModel.Equation> lost = new HashSet<>();
    private final List<Scalar> scalars = new ArrayList<>();
    private final int timeSlot;
    private final boolean fromVensim;
    private final List<String> warnings = new ArrayList<>();

    // what is being compiled, for the names of internal slots and for array references
    private Scalar current;
    private int internal;

    /** How a same-step cycle of an XMILE model is worded. */
    private static final ModelBuilder.Wording WORDING = new ModelBuilder.Wording("at the same time step", " <- ",
            "a loop must pass through a stock (or a delay or smooth)");

    private XmileCompiler(XmileModel model) {
        this.model = model;
        XmileModel.SimSpecs specs = model.specs();
        this.builder = new ModelBuilder(specs.start(), specs.dt(), CompiledXmile.steps(specs));
        builder.wording(WORDING);
        builder.requireFinite(false);
        builder.integration(switch (specs.method()) {
            case EULER -> Integration.EULER;
            case RK2 -> Integration.RK2;
            case RK4 -> Integration.RK4;
        });
        this.timeSlot = builder.clock("time");
        this.fromVensim = model.file().toLowerCase(java.util.Locale.ROOT).endsWith(".mdl");
        model.macros().forEach(m -> macros.put(XmileNames.canonical(m.name()), m));
        warnings.addAll(model.warnings());
    }

    /** Compiles {@code model}, or throws {@link ScenarioException} naming every problem. */
    public static CompiledXmile compile(XmileModel model) {
        return new XmileCompiler(model).compile();
    }

    /**
     * Compiles {@code model} with some of its constants as inputs of the model, in the order
     * given (a sweep's parameters, by variable name, each with where it was named): each run
     * gives their values, or NaN for the value in the file. A name that is not a constant of the
     * model (a number, or a stock's initial number) is refused, saying what it is.
     */
    public static CompiledXmile compile(XmileModel model, Map<String, org.pressure.engine.diagnostics.Location> parameters) {
        XmileCompiler c = new XmileCompiler(model);
        c.parameters.putAll(parameters);
        return c.compile();
    }

    /** The parameters to bind, by name as given; and, once declared, each bound slot's input slot. */
    private final Map<String, org.pressure.engine.diagnostics.Location> parameters = new java.util.LinkedHashMap<>();
    private final Map<Integer, Integer> inputOf = new HashMap<>();
    private final Map<Integer, String> parameterOf = new HashMap<>();

    private CompiledXmile compile() {
        declare();
        problems.throwIfAny();
        bindParameters();
        problems.throwIfAny();
        for (Scalar s : scalars) define(s);
        problems.throwIfAny();
        Model built = builder.build(problems);
        problems.throwIfAny();
        List<String> names = scalars.stream().map(Scalar::display).toList();
        int[] outputs = scalars.stream().mapToInt(Scalar::slot).toArray();
        return new CompiledXmile(model.file(), model.specs(), built, names, outputs, warnings);
    }

    // ------------------------------------------------------------ slots

    private int newSlot(String name) {
        return builder.slot(name);
    }

    private void declare() {
        for (XmileModel.Variable v : model.variables()) {
            String key = XmileNames.canonical(v.name());
            if (v.kind() == XmileModel.Kind.GF) {
                if (v.graphical() != null) tables.put(key, v.graphical());
                continue;
            }
            if (v.graphical() != null) tables.putIfAbsent(key, v.graphical());
            List<List<String>> elements = new ArrayList<>();
            if (!v.isArray()) {
                elements.add(null);
            } else {
                List<List<String>> lists = new ArrayList<>();
                for (String d : v.dimensions()) lists.add(dimension(d));
                for (String tuple : XmileReader.product(lists)) elements.add(indices(tuple));
                arrays.put(key, v);
            }
            for (List<String> element : elements) {
                String slotKey = element == null ? key : elementKey(v.name(), element);
                if (slots.containsKey(slotKey)) {
                    problems.add(v.location(), "`" + XmileNames.display(v.name()) + "` is defined twice"
                            + " (names are compared ignoring case, and spaces and underscores are the same)");
                    break;
                }
                Scalar s = new Scalar(v, element, newSlot(slotKey));
                slots.put(slotKey, s.slot());
                scalars.add(s);
            }
        }
    }

    /** The prefix of the module whose variable is being compiled (empty in the main model). */
    private String scope() {
        return current == null ? "" : model.scopeOf(current.variable().name());
    }

    /** A name as the variable being compiled means it: within its module. */
    private String scoped(String name) {
        return scope() + XmileNames.canonical(name);
    }

    /** The elements of a dimension, by its name compared as names are. */
    private List<String> dimension(String name) {
        String key = XmileNames.canonical(name.endsWith("!") ? name.substring(0, name.length() - 1) : name);
        for (var e : model.dimensions().entrySet()) {
            if (XmileNames.canonical(e.getKey()).equals(key)) return e.getValue();
        }
        return null;
    }

    /**
     * The largest dimension holding every element of {@code of}, the first defined of equals:
     * Vensim numbers the elements of a subrange (or of a reordered copy) by their places in it,
     * so that {@code sub = dim} compares like elements.
     */
    private List<String> family(List<String> of) {
        List<String> best = null;
        for (List<String> d : model.dimensions().values()) {
            if ((best == null || d.size() > best.size()) && of.stream().allMatch(e -> containsName(d, e))) best = d;
        }
        return best == null ? of : best;
    }

    private boolean mapped(String a, String b) {
        String ka = XmileNames.canonical(a), kb = XmileNames.canonical(b);
        for (var m : model.mappings().entrySet()) {
            String from = XmileNames.canonical(m.getKey()), to = XmileNames.canonical(m.getValue());
            if (from.equals(ka) && to.equals(kb) || from.equals(kb) && to.equals(ka)) return true;
        }
        return false;
    }

    private static int indexOfName(List<String> list, String name) {
        String key = XmileNames.canonical(name);
        for (int i = 0; i < list.size(); i++) if (XmileNames.canonical(list.get(i)).equals(key)) return i;
        return -1;
    }

    private static boolean containsName(List<String> list, String name) {
        String key = XmileNames.canonical(name);
        for (String e : list) if (XmileNames.canonical(e).equals(key)) return true;
        return false;
    }

    /** Gives each parameter an input slot, in the order given; an unknown name is refused with the nearest. */
    private void bindParameters() {
        for (var p : parameters.entrySet()) {
            Integer slot = slots.get(XmileNames.canonical(p.getKey()));
            if (slot == null) {
                problems.add(p.getValue(), "parameter `" + p.getKey() + "`: the model has no variable called that"
                        + Suggest.didYouMean(p.getKey(), displayNames()));
                continue;
            }
            if (parameterOf.containsKey(slot)) {
                problems.add(p.getValue(), "parameter `" + p.getKey() + "` names the same variable as parameter `"
                        + parameterOf.get(slot) + "` (names are compared ignoring case, and spaces and underscores are "
                        + "the same); give it once");
                continue;
            }
            inputOf.put(slot, builder.input("input." + p.getKey()));
            parameterOf.put(slot, p.getKey());
        }
    }

    /**
     * A bound constant: the run's value for its parameter, or the file's value where the run
     * gives none (NaN). Anything but a number is refused.
     */
    private Formula bound(Scalar s, Formula value, String what) {
        Integer input = inputOf.get(s.slot());
        if (input == null) return value;
        if (!(value instanceof Formula.Const)) {
            problems.add(parameters.get(parameterOf.get(s.slot())), "parameter `" + parameterOf.get(s.slot()) + "`: `"
                    + s.display() + "` is not a constant of the model (its " + what + " is a formula, not a number); "
                    + "a sweep varies the model's constants");
            return value;
        }
        Formula in = Formula.slot(input);
        return new Formula.If(Formula.binary(Formula.BinaryOp.NE, in, in), value, in);
    }

    // ------------------------------------------------------------ variables

    private void define(Scalar s) {
        current = s;
        XmileModel.Variable v = s.variable();
        XmileModel.Equation eq = v.equation();
        if (s.element() != null) {
            String wanted = elementKey("", s.element());
            for (var e : v.elements().entrySet()) {
                if (elementKey("", indices(e.getKey())).equals(wanted)) eq = e.getValue();
            }
        }
        String label = s.display();
        if (v.kind() == XmileModel.Kind.STOCK) {
            if (eq == null || eq.text().isBlank()) {
                problems.add(v.location(), "stock `" + label + "` has no initial value (<eqn>)");
                return;
            }
            builder.stock(label, v.location(), s.slot(), bound(s, formula(eq, label), "initial value"), netFlow(s),
                    Boolean.TRUE.equals(v.nonNegative()));
            return;
        }
        Formula value;
        if (eq == null || eq.text().isBlank()) {
            if (v.graphical() != null) {
                value = Formula.slot(timeSlot);
            } else {
                warnings.add(v.location() + ": `" + label + "` has no equation; it is taken as 0");
                value = Formula.constant(0);
            }
        } else {
            value = formula(eq, label);
        }
        if (v.graphical() != null) {
            value = new Formula.Native(label, v.graphical()::at, value);
            if (inputOf.containsKey(s.slot())) value = bound(s, value, "value");
        } else {
            value = bound(s, value, "equation");
        }
        if (v.kind() == XmileModel.Kind.FLOW && Boolean.TRUE.equals(v.nonNegative())) {
            value = Formula.call(Fn.MAX, Formula.constant(0), value);
        }
        builder.assign(label, v.location(), s.slot(), value);
    }

    /** Inflows minus outflows, each read at the step the rate is evaluated. */
    private Formula netFlow(Scalar stock) {
        XmileModel.Variable v = stock.variable();
        if (!v.rates().isEmpty()) {
            XmileModel.Equation rate = v.rates().get("");
            if (stock.element() != null) {
                String wanted = elementKey("", stock.element());
                for (var e : v.rates().entrySet()) {
                    if (!e.getKey().isEmpty() && elementKey("", indices(e.getKey())).equals(wanted)) rate = e.getValue();
                }
            }
            if (rate == null) {
                problems.add(v.location(), "stock `" + stock.display() + "` has no rate for this element");
                return Formula.constant(0);
            }
            return formula(rate, stock.display());
        }
        Formula r = Formula.constant(0);
        for (int f : flows(v.inflows(), stock)) r = new Formula.Binary(Formula.BinaryOp.ADD, r, Formula.slot(f));
        for (int f : flows(v.outflows(), stock)) r = new Formula.Binary(Formula.BinaryOp.SUB, r, Formula.slot(f));
        return r;
    }

    private int[] flows(List<String> names, Scalar stock) {
        List<Integer> found = new ArrayList<>();
        for (String name : names) {
            String key = scoped(name);
            Integer slot = null;
            if (stock.element() != null) slot = slots.get(elementKey(scope() + name, stock.element()));
            if (slot == null) slot = slots.get(key);
            if (slot == null) {
                problems.add(stock.variable().location(), "stock `" + stock.display() + "` names flow `" + name
                        + "`, which is not defined" + Suggest.didYouMean(name, displayNames()));
                continue;
            }
            found.add(slot);
        }
        return found.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Compiles an equation, reporting problems at their line and naming the variable. */
    private Formula formula(XmileModel.Equation eq, String owner) {
        String text = withoutComments(eq.text());
        if (text.strip().equals("???")) {
            // an array's one equation serves every element: say it once
            if (!lost.add(eq)) return Formula.constant(0);
            problems.add(eq.location(), "in `" + (current != null && current.element() != null ? XmileNames.display(current.variable().name()) : owner)
                    + "`: the equation is `???`, which the program that wrote this"
                    + " file leaves where it could not convert the original (a Vensim list of constants such as"
                    + " `1, 2, 3`, say); write the equation back in");
            return Formula.constant(0);
        }
        try {
            rewritten = 0;
            Expr e = rewrite(Parser.parse(text), 0);
            if (Parser.treeDepth(e) > Parser.MAX_TREE_DEPTH * 4) {
                // macros nested in macros deepen the tree past what the parser allows one equation
                throw new ExpressionException(0, "macros expand this equation to more than " + Parser.MAX_TREE_DEPTH * 4
                        + " levels deep; write it with fewer nested macro calls");
            }
            return Compiler.compile(e, names);
        } catch (ExpressionException e) {
            // a Vensim equation was rewritten before it was parsed, so offsets in it are not the
            // file's: point at the start of the equation instead
            Location where = fromVensim ? eq.location() : eq.location().shift(e.offset());
            problems.add(where, "in `" + owner + "`: " + e.getMessage());
            return Formula.constant(0);
        }
    }

    // ------------------------------------------------------------ macros and array arguments

    /** Most terms one equation may have once its macros are expanded: against macros that double at each level. */
    public static final int MAX_EXPANDED_TERMS = 200_000;
    /** Terms of the equation being expanded so far. */
    private int rewritten;

    /** Functions over all the elements of an array: {@code sum(a[*])} is {@code sum(a[1], a[2], ...)}. */
    private static final Set<String> OVER_ARRAYS = Set.of("sum", "prod", "mean", "size", "min", "max");

    /**
     * Expands calls of expression macros into their bodies, and whole arrays passed to the
     * array functions ({@code a[*]}, {@code a[Dim!]}, {@code a[Dim]} or plain {@code a} where no
     * element of Dim is being defined) into one argument per element.
     */
    private Expr rewrite(Expr e, int depth) {
        if (++rewritten > MAX_EXPANDED_TERMS) {
            throw new ExpressionException(e.offset(), "macros expand this equation to more than " + MAX_EXPANDED_TERMS
                    + " terms (a macro that calls another more than once, nested?)");
        }
        if (e instanceof Expr.Unary u) return new Expr.Unary(u.op(), rewrite(u.operand(), depth), u.offset());
        if (e instanceof Expr.Binary b) {
            return new Expr.Binary(b.op(), rewrite(b.left(), depth), rewrite(b.right(), depth), b.offset());
        }
        if (!(e instanceof Expr.Call c)) return e;
        List<Expr> args = new ArrayList<>();
        for (Expr a : c.args()) args.add(rewrite(a, depth));
        String key = XmileNames.canonical(c.function());
        XmileModel.Macro macro = macros.get(key);
        if (macro != null && !tables.containsKey(key)) {
            if (depth > 50) throw new ExpressionException(c.offset(), "macro `" + macro.name() + "` calls itself too deeply");
            if (args.size() != macro.parameters().size()) {
                throw new ExpressionException(c.offset(), "macro `" + macro.name() + "` takes " + macro.parameters().size()
                        + " argument(s) (" + String.join(", ", macro.parameters()) + "), not " + args.size());
            }
            Map<String, Expr> bound = new HashMap<>();
            for (int i = 0; i < args.size(); i++) bound.put(XmileNames.canonical(macro.parameters().get(i)), args.get(i));
            Expr body;
            try {
                body = Parser.parse(withoutComments(macro.body().text()));
            } catch (ExpressionException x) {
                throw new ExpressionException(c.offset(), "in macro `" + macro.name() + "`: " + x.getMessage());
            }
            return rewrite(substitute(body, bound, c.offset()), depth + 1);
        }
        if (OVER_ARRAYS.contains(key)) {
            List<Expr> expanded = new ArrayList<>();
            for (Expr a : args) expanded.addAll(expandMarked(a));
            args = expanded;
        }
        return new Expr.Call(c.function(), args, c.offset());
    }

    /** A macro body with its parameters replaced by the call's arguments; offsets point at the call. */
    private static Expr substitute(Expr e, Map<String, Expr> bound, int at) {
        if (e instanceof Expr.Num n) return new Expr.Num(n.value(), at);
        if (e instanceof Expr.Name n) {
            Expr arg = bound.get(XmileNames.canonical(n.name()));
            return arg != null ? arg : new Expr.Name(n.name(), at);
        }
        if (e instanceof Expr.Unary u) return new Expr.Unary(u.op(), substitute(u.operand(), bound, at), at);
        if (e instanceof Expr.Binary b) {
            return new Expr.Binary(b.op(), substitute(b.left(), bound, at), substitute(b.right(), bound, at), at);
        }
        Expr.Call c = (Expr.Call) e;
        List<Expr> args = new ArrayList<>();
        for (Expr a : c.args()) args.add(substitute(a, bound, at));
        return new Expr.Call(c.function(), args, at);
    }

    /**
     * An argument of an array function once each dimension marked {@code Dim!} in it is taken
     * over its elements: {@code sum(a[D!] * b[E, D!])} is the sum of one product per element
     * of D. An argument with no marked dimension is {@link #elementsOf}.
     */
    private List<Expr> expandMarked(Expr a) {
        String marked = firstMarked(a);
        if (marked == null || dimension(marked) == null) return elementsOf(a);
        List<Expr> out = new ArrayList<>();
        for (String element : dimension(marked)) out.addAll(expandMarked(replaceMarked(a, marked, element)));
        return out;
    }

    private static String firstMarked(Expr e) {
        if (e instanceof Expr.Name n) {
            int open = n.name().indexOf('[');
            if (open < 0 || !n.name().endsWith("]")) return null;
            for (String i : indices(n.name().substring(open + 1, n.name().length() - 1))) {
                if (i.endsWith("!")) return i;
            }
            return null;
        }
        if (e instanceof Expr.Unary u) return firstMarked(u.operand());
        if (e instanceof Expr.Binary b) {
            String l = firstMarked(b.left());
            return l != null ? l : firstMarked(b.right());
        }
        if (e instanceof Expr.Call c && !OVER_ARRAYS.contains(XmileNames.canonical(c.function()))) {
            for (Expr x : c.args()) {
                String m = firstMarked(x);
                if (m != null) return m;
            }
        }
        return null;
    }

    private static Expr replaceMarked(Expr e, String marked, String element) {
        if (e instanceof Expr.Name n) {
            int open = n.name().indexOf('[');
            if (open < 0 || !n.name().endsWith("]")) return e;
            List<String> out = new ArrayList<>();
            for (String i : indices(n.name().substring(open + 1, n.name().length() - 1))) {
                out.add(XmileNames.canonical(i).equals(XmileNames.canonical(marked)) ? element : i);
            }
            return new Expr.Name(n.name().substring(0, open) + "[" + String.join(", ", out) + "]", n.offset());
        }
        if (e instanceof Expr.Unary u) return new Expr.Unary(u.op(), replaceMarked(u.operand(), marked, element), u.offset());
        if (e instanceof Expr.Binary b) {
            return new Expr.Binary(b.op(), replaceMarked(b.left(), marked, element), replaceMarked(b.right(), marked, element),
                    b.offset());
        }
        if (e instanceof Expr.Call c && !OVER_ARRAYS.contains(XmileNames.canonical(c.function()))) {
            List<Expr> args = new ArrayList<>();
            for (Expr x : c.args()) args.add(replaceMarked(x, marked, element));
            return new Expr.Call(c.function(), args, c.offset());
        }
        return e;
    }

    /**
     * One name per element when {@code e} names a whole array or a slice of one, else {@code e}
     * itself. A position is taken whole when it is {@code *}, a dimension marked {@code Dim!},
     * or a dimension that the element being defined does not fix; the other positions are
     * kept as written and resolved when the names are compiled.
     */
    private List<Expr> elementsOf(Expr e) {
        if (!(e instanceof Expr.Name n)) return List.of(e);
        String raw = n.name(), base = raw, index = null;
        int open = raw.indexOf('[');
        if (open > 0 && raw.endsWith("]")) {
            base = raw.substring(0, open);
            index = raw.substring(open + 1, raw.length() - 1).strip();
        }
        XmileModel.Variable array = arrays.get(scoped(base));
        if (array == null && index == null && !slots.containsKey(scoped(base)) && dimension(base) != null) {
            // a dimension's name passed whole: its elements' positions (so SIZE(Dim) counts them)
            List<Expr> out = new ArrayList<>();
            for (int i = 1; i <= dimension(base).size(); i++) out.add(new Expr.Num(i, n.offset()));
            return out;
        }
        if (array == null) return List.of(e);
        List<String> idx = index == null ? array.dimensions() : indices(index);
        if (idx.size() != array.dimensions().size()) return List.of(e);
        List<List<String>> choices = new ArrayList<>();
        boolean anyWhole = false;
        for (int p = 0; p < idx.size(); p++) {
            String i = idx.get(p);
            List<String> whole = null;
            if (i.equals("*")) {
                whole = dimension(array.dimensions().get(p));
            } else if (dimension(i) != null && !containsName(dimension(array.dimensions().get(p)), i)) {
                if (i.endsWith("!")) {
                    whole = dimension(i);
                } else {
                    try {
                        fromCurrent(i, p, dimension(array.dimensions().get(p)), base);
                    } catch (ExpressionException notFixed) {
                        whole = dimension(i);
                    }
                }
            }
            anyWhole |= whole != null;
            choices.add(whole != null ? whole : List.of(i));
        }
        if (!anyWhole) return List.of(e);
        List<Expr> out = new ArrayList<>();
        for (String tuple : XmileReader.product(choices)) out.add(new Expr.Name(base + "[" + tuple + "]", n.offset()));
        return out;
    }

    /**
     * The element that dimension {@code dim}, at position {@code position} of a reference to
     * {@code base}, stands for in the element being defined: the element of the same dimension,
     * or of a dimension sharing that element (a subrange or its parent), preferring the same
     * position. It must be one of {@code target}, the elements of the referenced dimension.
     */
    private String fromCurrent(String dim, int position, List<String> target, String base) {
        List<String> of = dimension(dim);
        String name = dim.endsWith("!") ? dim.substring(0, dim.length() - 1) : dim;
        if (current == null || current.element() == null) {
            throw new ExpressionException(0, "`" + XmileNames.display(base) + "[" + name + "]` names every element of `"
                    + name + "`, but `" + (current == null ? "this" : current.display()) + "` is one number; take one element,"
                    + " or pass the array to SUM, MEAN, MIN, MAX or SIZE");
        }
        List<String> dims = current.variable().dimensions();
        List<String> element = current.element();
        String found = null;
        for (int q = 0; q < dims.size() && found == null; q++) {
            if (XmileNames.canonical(dims.get(q)).equals(XmileNames.canonical(name))) found = element.get(q);
        }
        for (int q = 0; q < dims.size() && found == null; q++) {
            // a Vensim mapping between this dimension and one of the element's: by position
            List<String> other = dimension(dims.get(q));
            if (!mapped(name, dims.get(q)) || other == null) continue;
            int at = indexOfName(other, element.get(q));
            if (at >= 0 && at < of.size()) found = of.get(at);
        }
        for (var m : model.mappings().entrySet()) {
            // ... or one the element belongs to (a subrange the array was defined over)
            if (found != null) break;
            // (only from the mapped dimension: the one mapped to stands for its own elements)
            String other = XmileNames.canonical(m.getKey()).equals(XmileNames.canonical(name)) ? m.getValue() : null;
            if (other == null || dimension(other) == null) continue;
            for (int q = 0; q < element.size() && found == null; q++) {
                int at = indexOfName(dimension(other), element.get(q));
                if (at >= 0 && at < of.size()) found = of.get(at);
            }
        }
        if (found == null && position < element.size() && containsName(of, element.get(position))) found = element.get(position);
        for (int q = 0; q < element.size() && found == null; q++) {
            if (containsName(of, element.get(q))) found = element.get(q);
        }
        if (found == null || !containsName(target, found)) {
            throw new ExpressionException(0, "mismatched subscripts: in `" + current.display() + "`, `"
                    + XmileNames.display(base) + "[" + name + "]` has no element for dimension `" + name + "` ("
                    + "`" + XmileNames.display(current.variable().name()) + "` is over "
                    + String.join(", ", dims) + ")");
        }
        return found;
    }

    /** The element that index {@code text} names at position {@code p} of array {@code array}. */
    private String resolveIndex(XmileModel.Variable array, int p, String text, String base) {
        List<String> elements = dimension(array.dimensions().get(p));
        String t = text.strip();
        if (containsName(elements, t)) return t;
        if (t.matches("\\d+")) {
            int at = Integer.parseInt(t);
            if (at >= 1 && at <= elements.size()) return elements.get(at - 1);
        }
        if (dimension(t) != null) return fromCurrent(t, p, elements, base);
        throw new ExpressionException(0, "`" + XmileNames.display(base) + "[" + text + "]`: `" + t
                + "` is neither an element of dimension `" + array.dimensions().get(p) + "` (" + String.join(", ", elements)
                + ") nor a dimension");
    }

    /** XMILE allows {comments} inside equations; they become spaces so that offsets still match. */
    private static String withoutComments(String text) {
        if (text.indexOf('{') < 0) return text;
        StringBuilder b = new StringBuilder(text);
        int depth = 0;
        for (int i = 0; i < b.length(); i++) {
            char c = b.charAt(i);
            if (c == '{') depth++;
            if (depth > 0) {
                if (c == '}') depth--;
                if (c != '\n') b.setCharAt(i, ' ');
            }
        }
        return b.toString();
    }

    private List<String> displayNames() {
        return scalars.stream().map(Scalar::display).toList();
    }

    private final Compiler.Names names = new Compiler.Names() {
        @Override
        public Formula lookup(String raw) {
            String base = raw, index = null;
            int open = raw.indexOf('[');
            if (open > 0 && raw.endsWith("]")) {
                base = raw.substring(0, open);
                index = raw.substring(open + 1, raw.length() - 1);
            }
            String key = scoped(base);
            XmileModel.Variable array = arrays.get(key);
            if (array == null) {
                if (index != null && slots.containsKey(key)) {
                    throw new ExpressionException(0, "`" + XmileNames.display(base) + "` is not an array, but is subscripted ["
                            + index + "]");
                }
                Integer slot = slots.get(key);
                if (slot == null && index == null && dimension(base) != null && current != null && current.element() != null) {
                    // Vensim: a dimension's name as a number is the position of this element in it
                    String element = fromCurrent(base, 0, dimension(base), base);
                    List<String> of = family(dimension(base));
                    for (int i = 0; i < of.size(); i++) {
                        if (XmileNames.canonical(of.get(i)).equals(XmileNames.canonical(element))) return Formula.constant(i + 1);
                    }
                }
                if (slot == null && index == null && model.vensim()) {
                    // Vensim: an element's name as a number is its position in its dimension
                    // (counted in the largest dimension holding it, the first defined of equals)
                    List<String> largest = null;
                    for (List<String> of : model.dimensions().values()) {
                        if (containsName(of, base) && (largest == null || of.size() > largest.size())) largest = of;
                    }
                    if (largest != null) return Formula.constant(indexOfName(largest, base) + 1);
                }
                return slot == null ? null : Formula.slot(slot);
            }
            List<String> idx = index == null ? array.dimensions() : indices(index);
            if (idx.size() != array.dimensions().size()) {
                throw new ExpressionException(0, "mismatched subscripts: `" + XmileNames.display(array.name()) + "` has "
                        + array.dimensions().size() + " dimension(s) (" + String.join(", ", array.dimensions())
                        + "), but `" + raw + "` gives " + idx.size());
            }
            List<String> element = new ArrayList<>();
            for (int p = 0; p < idx.size(); p++) element.add(resolveIndex(array, p, idx.get(p), base));
            Integer slot = slots.get(elementKey(scope() + base, element));
            return slot == null ? null : Formula.slot(slot);
        }

        @Override
        public Collection<String> known() {
            return displayNames();
        }

        @Override
        public Builtins.Context context() {
            return XmileCompiler.this;
        }

        @Override
        public Builtins.Function function(String name) {
            String key = XmileNames.canonical(name);
            GraphicalFunction gf = tables.get(scoped(name));
            if (gf != null) {
                return new Builtins.Function(key, 1, 1, false, name + "(x)",
                        args -> new Formula.Native(name, gf::at, args.get(0)));
            }
            // files exported from Vensim mean Vensim's truncating INTEGER and MODULO by INT and MOD
            if (model.vensim() && key.equals("int")) return Builtins.get("integer");
            if (model.vensim() && key.equals("mod")) return Builtins.get("modulo");
            return null;
        }
    };

    // ------------------------------------------------------------ the context of stateful built-ins

    @Override
    public Formula time() {
        return Formula.slot(timeSlot);
    }

    @Override
    public double dt() {
        return model.specs().dt();
    }

    @Override
    public double startTime() {
        return model.specs().start();
    }

    @Override
    public double stopTime() {
        return model.specs().stop();
    }

    @Override
    public int stock(String label, Formula initial, java.util.function.IntFunction<Formula> rate) {
        String name = current.display() + " (" + label + " " + (++internal) + ")";
        int slot = newSlot(name);
        builder.stock(name, current.variable().location(), slot, initial, rate.apply(slot), false);
        return slot;
    }

    @Override
    public int record(String label, Formula x) {
        String name = current.display() + " (" + label + " " + (++internal) + ")";
        int slot = newSlot(name);
        builder.assign(name, current.variable().location(), slot, x);
        return slot;
    }
}
