package org.pressure.engine.scenario;

import java.util.ArrayList;
import java.util.List;
import org.pressure.engine.diagnostics.Location;

/**
 * Every value a scenario file sets, as a flat list of path, value as written, where it was
 * written and the comment beside it: the "show me every assumption and its source" view that
 * reports print.
 */
public final class Assumptions {
    private Assumptions() {}

    /** One value of a scenario file. */
    public record Assumption(String path, String value, Location location, String comment) {}

    /** The values under the given top-level keys, in file order (all keys when none are given). */
    public static List<Assumption> list(Node root, List<String> sections) {
        List<Assumption> out = new ArrayList<>();
        if (!(root instanceof Node.MapNode m)) return out;
        for (var e : m.entries().entrySet()) {
            if (!sections.isEmpty() && !sections.contains(e.getKey())) continue;
            walk(e.getKey(), e.getValue().value(), e.getValue().comment(), out);
        }
        return out;
    }

    private static void walk(String path, Node n, String comment, List<Assumption> out) {
        if (n instanceof Node.ScalarNode s) {
            out.add(new Assumption(path, s.text(), s.location(), comment));
        } else if (n instanceof Node.ListNode l) {
            if (l.items().stream().allMatch(i -> i instanceof Node.ScalarNode)) {
                out.add(new Assumption(path, "[" + String.join(", ", l.items().stream()
                        .map(i -> ((Node.ScalarNode) i).text()).toList()) + "]", l.location(), comment));
                return;
            }
            for (int i = 0; i < l.items().size(); i++) walk(path + "." + i, l.items().get(i), i == 0 ? comment : "", out);
        } else if (n instanceof Node.MapNode m) {
            // a small mapping of scalars reads best on one line, e.g. {start: 120, growth: 4.99%}
            boolean flat = m.entries().size() <= 3 && m.entries().values().stream()
                    .allMatch(e -> e.value() instanceof Node.ScalarNode && e.comment().isEmpty());
            if (flat && !m.entries().isEmpty()) {
                List<String> parts = new ArrayList<>();
                m.entries().forEach((k, e) -> parts.add(k + ": " + ((Node.ScalarNode) e.value()).text()));
                out.add(new Assumption(path, "{" + String.join(", ", parts) + "}", m.location(), comment));
                return;
            }
            boolean first = true;
            for (var e : m.entries().entrySet()) {
                String c = e.getValue().comment();
                if (first && !comment.isEmpty()) c = c.isEmpty() ? comment : comment + " " + c;
                walk(path + "." + e.getKey(), e.getValue().value(), c, out);
                first = false;
            }
        }
    }
}
