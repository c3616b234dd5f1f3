package org.pressure.engine.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pressure.engine.diagnostics.Location;
import org.pressure.engine.diagnostics.ScenarioException;
import org.pressure.engine.diagnostics.Suggest;

/**
 * {@code --set PATH=VALUE}: replaces one value in a scenario tree before it is validated.
 * PATH is dotted keys with list items by index ({@code failure_demand.0.delay}); VALUE is read
 * as YAML, so it may be a number, a percentage, a name, an =expression or a flow mapping.
 * An override changes what the scenario has: a new name in a table of names (a driver, a
 * service, a year of a {@code values} table, ...) is refused with the nearest existing name,
 * since it would be a misspelling that silently changes nothing; an option the file leaves
 * at its default (a service's {@code floor}) may be set, and a misspelt option is refused when
 * the scenario is checked.
 */
public final class Overrides {
    private Overrides() {}

    /** One override, already split. */
    public record Override(List<String> path, String value, String source) {}

    /** The node at {@code path} (keys, and list items by index), or null if the tree has none there. */
    public static Node nodeAt(Node tree, List<String> path) {
        return missing(tree, path) == null ? walk(tree, path) : null;
    }

    private static Node walk(Node n, List<String> path) {
        for (String key : path) {
            n = n instanceof Node.MapNode m ? m.get(key) : ((Node.ListNode) n).items().get(Integer.parseInt(key));
        }
        return n;
    }

    /** Why {@code path} does not name a value of the tree, or null if it does. */
    public static String missing(Node tree, List<String> path) {
        Node n = tree;
        for (int i = 0; i < path.size(); i++) {
            String key = path.get(i);
            String soFar = String.join(".", path.subList(0, i + 1));
            if (n instanceof Node.MapNode m) {
                if (!m.entries().containsKey(key)) {
                    return "the scenario has no `" + soFar + "`" + Suggest.didYouMean(key, m.entries().keySet());
                }
                n = m.get(key);
            } else if (n instanceof Node.ListNode l) {
                int index;
                try {
                    index = Integer.parseInt(key);
                } catch (NumberFormatException e) {
                    return "`" + String.join(".", path.subList(0, i)) + "` is a list: pick an item by index, not `" + key + "`";
                }
                if (index < 0 || index >= l.items().size()) {
                    return "`" + String.join(".", path.subList(0, i)) + "` has " + l.items().size() + " item(s), numbered from 0";
                }
                n = l.items().get(index);
            } else {
                return "`" + String.join(".", path.subList(0, i)) + "` is " + n.kindName() + ", which has no `" + key + "`";
            }
        }
        return null;
    }

    /** Splits {@code PATH=VALUE}. */
    public static Override parse(String assignment) {
        int eq = assignment.indexOf('=');
        Location at = Location.ofOption("--set " + assignment);
        if (eq <= 0) {
            throw new ScenarioException(at, "expected PATH=VALUE, for example services.care.floor=30%");
        }
        String path = assignment.substring(0, eq).strip();
        List<String> segments = List.of(path.split("\\.", -1));
        if (segments.stream().anyMatch(String::isBlank)) {
            throw new ScenarioException(at, "`" + path + "` is not a path; write keys separated by dots, e.g. drivers.cpi");
        }
        return new Override(segments, assignment.substring(eq + 1), "--set " + assignment);
    }

    /** {@code root} with every override applied in turn. */
    public static Node apply(Node root, List<Override> overrides) {
        Node out = root;
        for (Override o : overrides) {
            Node value;
            try {
                value = TreeReader.parse(o.value().isEmpty() ? "''" : o.value(), o.source(), false);
            } catch (ScenarioException e) {
                String why = e.problems().get(0).message();
                throw new ScenarioException(at(o.source()), "the value is not valid YAML (" + why
                        + "); quote a value with spaces, brackets or braces as a whole, e.g. --set 'budget.order=[a, b]'");
            }
            out = set(out, o.path(), 0, relocate(value, o.source()), o);
        }
        return out;
    }

    /** Sets {@code value} at a path given as a parsed tree (used by sweeps, which set numbers). */
    public static Node set(Node root, Override o, Node value) {
        return set(root, o.path(), 0, value, o);
    }

    private static Node set(Node node, List<String> path, int i, Node value, Override o) {
        Location at = at(o.source());
        String key = path.get(i);
        String soFar = String.join(".", path.subList(0, i + 1));
        boolean last = i == path.size() - 1;
        if (node instanceof Node.MapNode map) {
            Map<String, Node.Entry> entries = new LinkedHashMap<>(map.entries());
            Node.Entry old = entries.get(key);
            if (old == null && ScenarioShape.isNameTable(path.subList(0, i))) {
                String table = String.join(".", path.subList(0, i));
                String near = Suggest.nearest(key, entries.keySet());
                throw new ScenarioException(at, "the scenario has no `" + soFar + "`"
                        + (near == null ? "" : " (did you mean `" + near + "`?)") + "; --set changes a value the "
                        + "scenario has (names in `" + table + "`: " + names(entries.keySet()) + "); to add one, "
                        + "write a file that `extends` the scenario");
            }
            Node child;
            if (last) {
                child = value;
            } else if (old == null) {
                child = set(new Node.MapNode(at, Map.of()), path, i + 1, value, o);
            } else {
                child = set(old.value(), path, i + 1, value, o);
            }
            entries.put(key, new Node.Entry(old == null ? at : old.keyLocation(), child,
                    last ? "set by " + o.source() : old == null ? "" : old.comment()));
            return new Node.MapNode(map.location(), entries);
        }
        if (node instanceof Node.ListNode list) {
            int index;
            try {
                index = Integer.parseInt(key);
            } catch (NumberFormatException e) {
                throw new ScenarioException(at, "`" + soFar + "`: `" + String.join(".", path.subList(0, i))
                        + "` is a list; pick an item by its index (0, 1, ...), not `" + key + "`");
            }
            if (index < 0 || index >= list.items().size()) {
                throw new ScenarioException(at, "`" + soFar + "`: the list has " + list.items().size()
                        + " item(s), numbered from 0");
            }
            List<Node> items = new ArrayList<>(list.items());
            items.set(index, last ? value : set(items.get(index), path, i + 1, value, o));
            return new Node.ListNode(list.location(), items);
        }
        throw new ScenarioException(at, "`" + String.join(".", path.subList(0, i)) + "` is " + node.kindName()
                + ", not a mapping, so it has no `" + key + "`; set `" + String.join(".", path.subList(0, i))
                + "` itself");
    }

    private static String names(java.util.Collection<String> keys) {
        if (keys.isEmpty()) return "none";
        List<String> list = new ArrayList<>(keys);
        return list.size() <= 12 ? String.join(", ", list)
                : String.join(", ", list.subList(0, 12)) + " and " + (list.size() - 12) + " more";
    }

    /** Locations of an override's value point at the override, not at a line of a file. */
    /** Where an override came from: the {@code --set} option, or a file and line. */
    private static Location at(String source) {
        return source.startsWith("--") ? Location.ofOption(source) : Location.ofFile(source);
    }

    private static Node relocate(Node n, String source) {
        Location at = at(source);
        if (n instanceof Node.MapNode m) {
            Map<String, Node.Entry> entries = new LinkedHashMap<>();
            m.entries().forEach((k, e) -> entries.put(k, new Node.Entry(at, relocate(e.value(), source))));
            return new Node.MapNode(at, entries);
        }
        if (n instanceof Node.ListNode l) {
            return new Node.ListNode(at, l.items().stream().map(x -> relocate(x, source)).toList());
        }
        Node.ScalarNode s = (Node.ScalarNode) n;
        return new Node.ScalarNode(at, s.text(), s.kind());
    }
}
