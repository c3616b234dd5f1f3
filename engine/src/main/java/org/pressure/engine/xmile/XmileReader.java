package org.pressure.engine.xmile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.pressure.engine.diagnostics.Location;
import org.pressure.engine.diagnostics.Problems;
import org.pressure.engine.diagnostics.ScenarioException;

/**
 * Reads an XMILE file (the OASIS standard, as written by Stella, Vensim and others) into an
 * {@link XmileModel}. Lenient where real files are sloppy: element prefixes are ignored, so an
 * undeclared {@code isee:} prefix and either XMILE namespace are fine, and case does not
 * matter. Refuses, with the file and line, what is not well-formed XML. No DTD or external
 * entity is ever loaded.
 */
public final class XmileReader {
    /** Most time steps a model may ask for: every variable keeps a value per step in memory. */
    public static final int MAX_STEPS = 5_000_000;
    /** Largest XMILE file read, in bytes (models with their diagrams stay far below it). */
    public static final long MAX_FILE_BYTES = 32L * 1024 * 1024;

    /** An element with its attributes, text and children, and where its content starts. */
    private record Node(String name, Map<String, String> attributes, StringBuilder text, List<Node> children,
                        Location location) {
        Node child(String n) {
            for (Node c : children) if (c.name.equals(n)) return c;
            return null;
        }

        List<Node> all(String n) {
            return children.stream().filter(c -> c.name.equals(n)).toList();
        }

        String attribute(String n) {
            return attributes.get(n);
        }

        String trimmed() {
            return text.toString().strip();
        }
    }

    private final String file;
    private final Problems problems = new Problems();
    private final List<String> warnings = new ArrayList<>();

    private XmileReader(String file) {
        this.file = file;
    }

    /** Reads {@code path}, or throws {@link ScenarioException} naming the file and line of every problem. */
    public static XmileModel read(Path path) {
        byte[] bytes = org.pressure.engine.scenario.TreeReader.readBytes(path, MAX_FILE_BYTES);
        XmileReader reader = new XmileReader(path.toString());
        if (!declaresUtf8(bytes)) return reader.read(new java.io.ByteArrayInputStream(bytes));
        // decoded here, so that a bad byte is reported at its line (the XML parser would also print "[Fatal Error]")
        String text = org.pressure.engine.scenario.TreeReader.decodeUtf8(bytes, path.toString());
        return reader.read(new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** Whether an XML document is UTF-8: no UTF-16 byte-order mark, and no other encoding declared. */
    private static boolean declaresUtf8(byte[] bytes) {
        if (bytes.length >= 2 && ((bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xff) == 0xff
                || (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xfe)) return false;
        String head = new String(bytes, 0, Math.min(200, bytes.length), java.nio.charset.StandardCharsets.ISO_8859_1);
        if (!head.startsWith("<?xml") && !head.startsWith("\u00ef\u00bb\u00bf<?xml")) return true;
        int end = head.indexOf("?>");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("encoding\\s*=\\s*[\"']([^\"']+)")
                .matcher(end < 0 ? head : head.substring(0, end));
        return !m.find() || m.group(1).strip().replace("-", "").equalsIgnoreCase("utf8");
    }

    /** Reads a model from a stream; {@code file} names it in messages. */
    public static XmileModel read(InputStream in, String file) {
        return new XmileReader(file).read(in);
    }

    private XmileModel read(InputStream in) {
        Node root = parse(in);
        if (!root.name.equals("xmile")) {
            throw new ScenarioException(root.location, "this is not an XMILE model: the outermost element is <"
                    + root.name + ">, not <xmile>");
        }
        boolean vensim = false;
        Node header = root.child("header");
        if (header != null) {
            for (String part : List.of("vendor", "product")) {
                Node n = header.child(part);
                if (n != null) {
                    String t = n.trimmed().toLowerCase(Locale.ROOT);
                    vensim |= t.contains("vensim") || t.contains("ventana");
                }
            }
        }
        XmileModel.SimSpecs specs = simSpecs(root);
        Map<String, List<String>> dimensions = dimensions(root.child("dimensions"));
        Behaviour behaviour = behaviour(root.child("behavior"));
        List<Node> models = root.all("model");
        if (models.isEmpty()) throw new ScenarioException(root.location, "the file has no <model>");
        Node model = models.stream().filter(m -> m.attribute("name") == null || "default".equalsIgnoreCase(m.attribute("name")))
                .findFirst().orElse(models.get(0));
        Map<String, Node> byName = new LinkedHashMap<>();
        for (Node m : models) {
            if (m != model && m.attribute("name") != null) byName.put(XmileNames.canonical(m.attribute("name")), m);
        }
        List<XmileModel.Macro> macros = new ArrayList<>();
        for (Node m : root.all("macro")) {
            XmileModel.Macro macro = macro(m);
            if (macro != null) macros.add(macro);
        }
        List<XmileModel.Variable> variables = new ArrayList<>();
        flatten(model, "", "", Map.of(), byName, new ArrayList<>(), behaviour, dimensions, variables);
        problems.throwIfAny();
        return new XmileModel(file, specs, variables, dimensions, vensim, warnings, macros, scopes);
    }

    /** Each module's variable's scope: the canonical prefix (`hares.`) its equation's names are read in. */
    private final Map<String, String> scopes = new LinkedHashMap<>();

    /**
     * Reads the variables of {@code model} into {@code out}, each named {@code prefix + name},
     * and, for each {@code <module>} in it, the variables of the model it instantiates under
     * the module's name. A module's input named by a {@code <connect>} becomes the variable it
     * is connected from, read in the enclosing model's scope.
     *
     * @param inputs the enclosing module's connections: input (canonical, local) to the name it comes from
     * @param path   the modules being read, outermost first, to refuse a model that contains itself
     */
    private void flatten(Node model, String prefix, String parentPrefix, Map<String, String> inputs, Map<String, Node> models,
                         List<String> path, Behaviour behaviour, Map<String, List<String>> dimensions,
                         List<XmileModel.Variable> out) {
        // XMILE 1.0 puts variables under <variables>; earlier drafts (Stella 10) put them straight under <model>
        List<Node> found = new ArrayList<>();
        for (Node n : model.children) {
            if (n.name.equals("variables")) {
                found.addAll(n.children);
            } else {
                found.add(n);
            }
        }
        for (Node v : found) {
            if (v.name.equals("module")) {
                String name = v.attribute("name");
                if (name == null) {
                    problems.add(v.location, "a <module> has no name");
                    continue;
                }
                String modelName = v.attribute("model") != null ? v.attribute("model") : name;
                Node child = models.get(XmileNames.canonical(modelName));
                if (child == null) {
                    problems.add(v.location, "module `" + name + "`: the file has no <model name=\"" + modelName + "\">"
                            + (models.isEmpty() ? "" : "; it has " + String.join(", ", models.keySet())));
                    continue;
                }
                if (path.contains(XmileNames.canonical(modelName))) {
                    problems.add(v.location, "module `" + name + "`: models contain each other in a cycle ("
                            + String.join(" -> ", path) + " -> " + XmileNames.canonical(modelName) + ")");
                    continue;
                }
                Map<String, String> connections = new LinkedHashMap<>();
                for (Node c : v.all("connect")) {
                    String to = c.attribute("to"), from = c.attribute("from");
                    if (to == null || from == null) {
                        problems.add(c.location, "a <connect> of module `" + name + "` needs both to= and from=");
                        continue;
                    }
                    String local = XmileNames.canonical(to);
                    String own = XmileNames.canonical(name) + ".";
                    if (local.startsWith(own)) local = local.substring(own.length());
                    connections.put(local, from.startsWith(".") ? from.substring(1) : from);
                }
                List<String> deeper = new ArrayList<>(path);
                deeper.add(XmileNames.canonical(modelName));
                flatten(child, prefix + XmileNames.canonical(name) + ".", prefix, connections, models, deeper, behaviour,
                        dimensions, out);
                continue;
            }
            XmileModel.Variable variable = variable(v, behaviour, dimensions);
            if (variable == null) continue;
            String local = XmileNames.canonical(variable.name());
            String from = inputs.get(local);
            if (prefix.isEmpty()) {
                out.add(variable);
                continue;
            }
            String full = prefix + XmileNames.display(variable.name()).replace('\n', ' ');
            if (from != null) {
                // an input: the value of what it is connected to, named in the enclosing model
                XmileModel.Equation eq = new XmileModel.Equation("\"" + from.replace("\"", "\"\"") + "\"", variable.location());
                variable = new XmileModel.Variable(XmileModel.Kind.AUX, full, variable.location(), eq, List.of(), List.of(),
                        null, null, variable.dimensions(), Map.of(), Map.of());
                scopes.put(XmileNames.canonical(full), parentPrefix);
            } else {
                variable = new XmileModel.Variable(variable.kind(), full, variable.location(), variable.equation(),
                        variable.inflows(), variable.outflows(), variable.nonNegative(), variable.graphical(),
                        variable.dimensions(), variable.elements(), variable.rates());
                scopes.put(XmileNames.canonical(full), prefix);
            }
            out.add(variable);
        }
    }

    /** An expression macro; macros with variables of their own (stocks, say) are refused. */
    private XmileModel.Macro macro(Node m) {
        String name = m.attribute("name");
        if (name == null || name.isBlank()) {
            problems.add(m.location, "a <macro> has no name");
            return null;
        }
        Node body = m.child("eqn");
        Node vars = m.child("variables");
        if (vars != null && !vars.children.isEmpty()) {
            problems.add(m.location, "macro `" + name + "` has variables of its own; only expression macros"
                    + " (<parm>s and one <eqn>) are supported");
            return null;
        }
        if (body == null || body.trimmed().isEmpty()) {
            problems.add(m.location, "macro `" + name + "` has no <eqn>");
            return null;
        }
        List<String> parameters = m.all("parm").stream().map(Node::trimmed).toList();
        return new XmileModel.Macro(name.strip(), parameters, equation(body), m.location);
    }

    // ------------------------------------------------------------ sim_specs, dimensions, behaviour

    private XmileModel.SimSpecs simSpecs(Node root) {
        Node specs = root.child("sim_specs");
        if (specs == null) throw new ScenarioException(root.location, "the model has no <sim_specs> (start, stop and dt)");
        double start = number(specs, "start", Double.NaN);
        double stop = number(specs, "stop", Double.NaN);
        double dt = number(specs, "dt", 1);
        Node dtNode = specs.child("dt");
        if (dtNode != null && "true".equalsIgnoreCase(String.valueOf(dtNode.attribute("reciprocal")).strip())) dt = 1 / dt;
        double save = number(specs, "save_step", Double.NaN);
        for (String attribute : List.of("save_step", "save_interval")) {
            if (Double.isNaN(save) && specs.attribute(attribute) != null) {
                save = parseNumber(specs.attribute(attribute), specs, attribute);
            }
        }
        if (Double.isNaN(save)) save = dt;
        String method = specs.attribute("method") == null ? "euler" : specs.attribute("method").strip().toLowerCase(Locale.ROOT);
        XmileModel.Method m = switch (method) {
            case "euler", "" -> XmileModel.Method.EULER;
            case "rk4" -> XmileModel.Method.RK4;
            case "rk2" -> XmileModel.Method.RK2;
            default -> {
                problems.add(specs.location, "integration method `" + specs.attribute("method")
                        + "` is not supported; use Euler, RK2 or RK4");
                yield XmileModel.Method.EULER;
            }
        };
        if (Double.isNaN(start)) problems.add(specs.location, "<sim_specs> has no <start>");
        if (Double.isNaN(stop)) problems.add(specs.location, "<sim_specs> has no <stop>");
        if (!(dt > 0) || Double.isInfinite(dt)) problems.add(specs.location, "dt must be a positive number, not " + dt);
        if (!(save > 0)) problems.add(specs.location, "the save step must be a positive number, not " + save);
        if (stop < start) problems.add(specs.location, "<stop> (" + stop + ") comes before <start> (" + start + ")");
        problems.throwIfAny();
        if ((stop - start) / dt > MAX_STEPS) {
            throw new ScenarioException(specs.location, "the run would take " + (long) ((stop - start) / dt)
                    + " steps; the limit is " + MAX_STEPS + " (is dt meant to be " + dt + "?)");
        }
        return new XmileModel.SimSpecs(start, stop, dt, save, m, specs.location);
    }

    private double number(Node parent, String child, double otherwise) {
        Node n = parent.child(child);
        if (n == null || n.trimmed().isEmpty()) return otherwise;
        return parseNumber(n.trimmed(), n, child);
    }

    private static String shortText(String t) {
        return t.length() <= 60 ? t : t.substring(0, 60) + "...";
    }

    private double parseNumber(String text, Node where, String what) {
        try {
            double v = Double.parseDouble(text.strip());
            if (Double.isFinite(v)) return v;
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(where.location, "<" + what + "> must be a finite number, not `" + shortText(text.strip()) + "`");
        return Double.NaN;
    }

    private static Map<String, List<String>> dimensions(Node dims) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (dims == null) return out;
        for (Node d : dims.all("dim")) {
            List<String> elements = new ArrayList<>();
            if (d.attribute("name") == null) throw new ScenarioException(d.location, "a <dim> needs a name attribute");
            for (Node e : d.all("elem")) {
                if (e.attribute("name") == null) {
                    throw new ScenarioException(e.location, "an <elem> of dimension `" + d.attribute("name")
                            + "` needs a name attribute");
                }
                elements.add(e.attribute("name"));
            }
            if (elements.isEmpty() && d.attribute("size") != null) {
                int size;
                try {
                    size = Integer.parseInt(d.attribute("size").strip());
                } catch (NumberFormatException e) {
                    throw new ScenarioException(d.location, "<dim name=\"" + d.attribute("name") + "\"> has size=\""
                            + d.attribute("size") + "\"; the size is a whole number of elements");
                }
                if (size < 1 || size > 100_000) {
                    throw new ScenarioException(d.location, "<dim> size " + size + " is not between 1 and 100000");
                }
                for (int i = 1; i <= size; i++) elements.add(Integer.toString(i));
            }
            out.put(d.attribute("name"), elements);
        }
        return out;
    }

    /** The {@code <behavior>} defaults for non-negative stocks and flows. */
    private record Behaviour(boolean stocks, boolean flows) {}

    private Behaviour behaviour(Node b) {
        if (b == null) return new Behaviour(false, false);
        Boolean all = nonNegative(b);
        Node stock = b.child("stock"), flow = b.child("flow");
        Boolean stocks = stock == null ? null : nonNegative(stock);
        Boolean flows = flow == null ? null : nonNegative(flow);
        boolean base = all != null && all;
        return new Behaviour(stocks != null ? stocks : base, flows != null ? flows : base);
    }

    /** {@code <non_negative/>} (true), {@code <non_negative>false</non_negative>}, or null when absent. */
    private Boolean nonNegative(Node parent) {
        Node n = parent.child("non_negative");
        if (n == null) return null;
        String t = n.trimmed().toLowerCase(Locale.ROOT);
        if (t.isEmpty() || t.equals("true")) return true;
        if (t.equals("false")) return false;
        problems.add(n.location, "<non_negative> must be empty, true or false, not `" + n.trimmed() + "`");
        return null;
    }

    // ------------------------------------------------------------ variables

    private XmileModel.Variable variable(Node v, Behaviour behaviour, Map<String, List<String>> dimensions) {
        XmileModel.Kind kind = switch (v.name) {
            case "stock" -> XmileModel.Kind.STOCK;
            case "flow" -> XmileModel.Kind.FLOW;
            case "aux" -> XmileModel.Kind.AUX;
            case "gf" -> XmileModel.Kind.GF;
            default -> null; // groups, documentation and vendor extras carry no equations
        };
        if (kind == null) return null;
        String name = v.attribute("name");
        if (name == null || name.isBlank()) {
            problems.add(v.location, "a <" + v.name + "> has no name");
            return null;
        }
        List<Node> eqns = v.all("eqn");
        XmileModel.Equation equation = eqns.isEmpty() ? null : equation(eqns.get(0));
        Map<String, XmileModel.Equation> elements = new LinkedHashMap<>();
        List<String> dimensionNames = new ArrayList<>();
        Node dims = v.child("dimensions");
        if (dims != null && !dims.all("dim").isEmpty()) {
            List<List<String>> lists = new ArrayList<>();
            for (Node d : dims.all("dim")) {
                String dimension = d.attribute("name");
                List<String> elems = dimension == null ? null : dimensions.get(dimension);
                if (elems == null) {
                    problems.add(d.location, "`" + name + "` uses dimension `" + dimension
                            + "`, which is not declared under <dimensions>");
                    return null;
                }
                dimensionNames.add(dimension);
                lists.add(elems);
            }
            List<String> tuples = product(lists);
            if (eqns.size() == 1 && v.all("element").isEmpty()) {
                // a list of numbers, one per element, as Vensim writes constant arrays (`1, 2, 3`)
                String[] parts = eqns.get(0).trimmed().split("[,;]");
                if (parts.length == tuples.size() && parts.length > 1 && java.util.Arrays.stream(parts).allMatch(XmileReader::isNumber)) {
                    for (int i = 0; i < parts.length; i++) {
                        elements.put(tuples.get(i), new XmileModel.Equation(parts[i].strip(), eqns.get(0).location));
                    }
                    equation = null;
                }
            }
            for (Node e : v.all("element")) {
                Node eq = e.child("eqn");
                if (eq != null && e.attribute("subscript") == null) {
                    problems.add(e.location, "an <element> of `" + name + "` needs a subscript attribute naming its element");
                    return null;
                }
                if (eq != null) elements.put(e.attribute("subscript"), equation(eq));
                else if (e.child("gf") != null && kind != XmileModel.Kind.GF) {
                    problems.add(e.location, "`" + name + "[" + e.attribute("subscript") + "]`: a graphical function for one"
                            + " element of an array is not supported; give the array one graphical function");
                    return null;
                }
            }
            if (eqns.size() > 1) {
                // one equation per element, in the dimensions' order (as some converters write them)
                for (int i = 0; i < eqns.size() && i < tuples.size(); i++) elements.put(tuples.get(i), equation(eqns.get(i)));
                equation = null;
            }
        }
        List<String> inflows = v.all("inflow").stream().map(Node::trimmed).toList();
        List<String> outflows = v.all("outflow").stream().map(Node::trimmed).toList();
        Boolean nonNegative = nonNegative(v);
        if (nonNegative == null && kind == XmileModel.Kind.STOCK) nonNegative = behaviour.stocks();
        if (nonNegative == null && kind == XmileModel.Kind.FLOW) nonNegative = behaviour.flows();
        GraphicalFunction gf = null;
        if (kind == XmileModel.Kind.GF) {
            gf = graphical(v, name);
        } else if (v.child("gf") != null) {
            gf = graphical(v.child("gf"), name);
        }
        return new XmileModel.Variable(kind, name, v.location, equation, inflows, outflows, nonNegative, gf,
                dimensionNames, elements, Map.of());
    }

    /** Every combination of one element from each list, in order, the last varying fastest, as {@code "a, b"}. */
    static List<String> product(List<List<String>> lists) {
        List<String> out = new ArrayList<>(List.of(""));
        for (List<String> list : lists) {
            List<String> next = new ArrayList<>();
            for (String prefix : out) {
                for (String e : list) next.add(prefix.isEmpty() ? e : prefix + ", " + e);
            }
            out = next;
        }
        return out;
    }

    private static boolean isNumber(String text) {
        try {
            Double.parseDouble(text.strip());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private XmileModel.Equation equation(Node eqn) {
        return new XmileModel.Equation(eqn.text.toString(), eqn.location);
    }

    private GraphicalFunction graphical(Node gf, String owner) {
        String type = gf.attribute("type") == null ? "continuous" : gf.attribute("type").strip().toLowerCase(Locale.ROOT);
        if ("true".equalsIgnoreCase(String.valueOf(gf.attribute("discrete")).strip())) type = "discrete";
        GraphicalFunction.Type t = switch (type) {
            case "continuous" -> GraphicalFunction.Type.CONTINUOUS;
            case "extrapolate" -> GraphicalFunction.Type.EXTRAPOLATE;
            case "discrete" -> GraphicalFunction.Type.DISCRETE;
            default -> {
                problems.add(gf.location, "graphical function of `" + owner + "`: type `" + type
                        + "` is not one of continuous, extrapolate, discrete");
                yield GraphicalFunction.Type.CONTINUOUS;
            }
        };
        Node ypts = gf.child("ypts");
        if (ypts == null) {
            problems.add(gf.location, "graphical function of `" + owner + "` has no <ypts>");
            return null;
        }
        double[] ys = points(ypts, owner);
        double[] xs;
        Node xpts = gf.child("xpts"), xscale = gf.child("xscale");
        if (xpts != null) {
            xs = points(xpts, owner);
        } else if (xscale != null) {
            double min = parseNumber(String.valueOf(xscale.attribute("min")), xscale, "xscale min");
            double max = parseNumber(String.valueOf(xscale.attribute("max")), xscale, "xscale max");
            xs = new double[ys.length];
            for (int i = 0; i < xs.length; i++) xs[i] = ys.length == 1 ? min : min + (max - min) * i / (ys.length - 1);
        } else {
            problems.add(gf.location, "graphical function of `" + owner + "` has neither <xpts> nor <xscale>");
            return null;
        }
        if (xs == null || ys == null) return null;
        for (double x : xs) {
            if (!Double.isFinite(x)) {
                problems.add(gf.location, "graphical function of `" + owner + "`: its x points must be finite numbers");
                return null;
            }
        }
        if (xs.length != ys.length) {
            problems.add(gf.location, "graphical function of `" + owner + "` has " + xs.length + " x points but "
                    + ys.length + " y points");
            return null;
        }
        for (int i = 1; i < xs.length; i++) {
            if (xs[i] < xs[i - 1]) {
                problems.add(gf.location, "graphical function of `" + owner + "`: x points must not decrease ("
                        + xs[i - 1] + " then " + xs[i] + ")");
                return null;
            }
        }
        return new GraphicalFunction(xs, ys, t);
    }

    private double[] points(Node pts, String owner) {
        String sep = pts.attribute("sep") == null ? "," : pts.attribute("sep");
        String text = pts.trimmed();
        if (text.isEmpty()) {
            problems.add(pts.location, "graphical function of `" + owner + "`: <" + pts.name + "> is empty");
            return null;
        }
        String[] parts = text.split(java.util.regex.Pattern.quote(sep));
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Double.parseDouble(parts[i].strip());
                if (!Double.isFinite(out[i])) throw new NumberFormatException("not finite");
            } catch (NumberFormatException e) {
                problems.add(pts.location, "graphical function of `" + owner + "`: `" + parts[i].strip()
                        + "` in <" + pts.name + "> is not a number");
                return null;
            }
        }
        return out;
    }

    // ------------------------------------------------------------ XML

    private Node parse(InputStream in) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        // prefixes are stripped by hand, so that an undeclared isee: prefix is no error
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        XMLStreamReader r = null;
        try {
            r = factory.createXMLStreamReader(in);
            Deque<Node> open = new ArrayDeque<>();
            Node root = null;
            while (r.hasNext()) {
                int event = r.next();
                switch (event) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        Map<String, String> attributes = new LinkedHashMap<>();
                        for (int i = 0; i < r.getAttributeCount(); i++) {
                            attributes.put(local(r.getAttributeLocalName(i)), r.getAttributeValue(i));
                        }
                        javax.xml.stream.Location at = r.getLocation();
                        Node n = new Node(local(r.getLocalName()), attributes, new StringBuilder(), new ArrayList<>(),
                                new Location(file, at.getLineNumber(), Math.max(1, at.getColumnNumber())));
                        if (open.isEmpty()) {
                            root = n;
                        } else {
                            open.peek().children.add(n);
                        }
                        open.push(n);
                    }
                    case XMLStreamConstants.END_ELEMENT -> open.pop();
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (!open.isEmpty()) open.peek().text.append(r.getText());
                    }
                    default -> { }
                }
            }
            if (root == null) throw new ScenarioException(Location.ofFile(file), "the file is empty");
            return root;
        } catch (XMLStreamException e) {
            javax.xml.stream.Location at = e.getLocation();
            String message = e.getMessage();
            // the JDK prefixes its message with "ParseError at [row,col]:[l,c]\nMessage: "
            int m = message == null ? -1 : message.indexOf("Message: ");
            if (m >= 0) message = message.substring(m + "Message: ".length());
            Location where = at == null ? Location.ofFile(file) : new Location(file, at.getLineNumber(), Math.max(1, at.getColumnNumber()));
            throw new ScenarioException(where, "this is not well-formed XML, so the model cannot be read: " + message);
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // nothing more to read
                }
            }
        }
    }

    /** The element or attribute name without any prefix, in lower case. */
    private static String local(String name) {
        int colon = name.indexOf(':');
        return (colon >= 0 ? name.substring(colon + 1) : name).toLowerCase(Locale.ROOT);
    }
}
