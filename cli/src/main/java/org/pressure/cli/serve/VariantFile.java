package org.pressure.cli.serve;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.pressure.engine.scenario.Node;

/**
 * A scenario file that {@code extends} another with only the values a what-if page changed.
 * Where a changed value sits inside a series or a list, the whole series or list is written,
 * because {@code extends} replaces those as a whole (docs/model.md section 1).
 */
final class VariantFile {
    private static final Set<String> SERVICE_SERIES = Set.of("cost", "unit_cost", "floor", "variance", "clients");
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*|[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?%");
    private static final Set<String> YAML_WORDS =
            Set.of("true", "false", "yes", "no", "on", "off", "y", "n", "null", "nan", "inf");

    private VariantFile() {}

    /**
     * @param base    the scenario extended
     * @param tree    its tree (after its own {@code extends})
     * @param variant the tree with the changes applied
     * @param sets    the changes as {@code PATH=VALUE}
     */
    static String render(Path base, Node tree, Node variant, List<String> sets) {
        StringBuilder out = new StringBuilder();
        String name = base.getFileName().toString();
        out.append("# A variant of ").append(name).append(", saved from the what-if page of `pressure serve`.\n");
        out.append("# Keep it in the same folder as ").append(name).append(". It changes only:\n");
        if (sets.isEmpty()) out.append("#   nothing (the scenario as written)\n");
        for (String s : sets) {
            int eq = s.indexOf('=');
            String path = s.substring(0, eq);
            out.append("#   ").append(path).append(": ").append(Levers.find(tree, path,
                    org.pressure.engine.diagnostics.Location.ofFile(path)).value().text()).append(" -> ")
                    .append(s.substring(eq + 1)).append('\n');
        }
        out.append("extends: ").append(scalar(name, Node.ScalarKind.STRING)).append('\n');
        // the parts to write, as a nested mapping of path segment to subtree
        Map<String, Object> parts = new LinkedHashMap<>();
        for (String s : sets) {
            List<String> unit = unit(List.of(s.substring(0, s.indexOf('=')).split("\\.")), variant);
            Map<String, Object> at = parts;
            for (int i = 0; i < unit.size() - 1; i++) {
                @SuppressWarnings("unchecked")
                Map<String, Object> next = (Map<String, Object>) at.computeIfAbsent(unit.get(i), k -> new LinkedHashMap<>());
                at = next;
            }
            at.put(unit.get(unit.size() - 1), get(variant, unit));
        }
        write(parts, 0, out);
        return out.toString();
    }

    /** The part of a path that {@code extends} merges as a whole: a series, a list, or the value itself. */
    private static List<String> unit(List<String> path, Node tree) {
        // a list on the way is replaced as a whole
        Node n = tree;
        for (int i = 0; i < path.size(); i++) {
            if (n instanceof Node.ListNode) return path.subList(0, i);
            n = n instanceof Node.MapNode m ? m.get(path.get(i)) : null;
            if (n == null) break;
        }
        // the series positions of docs/model.md section 1, or a whole part holding them (a
        // complete subtree written over its base merges to itself)
        String top = path.get(0);
        if ((top.equals("drivers") || top.equals("income")) && path.size() > 2) return path.subList(0, 2);
        if (top.equals("services") && path.size() > 3 && SERVICE_SERIES.contains(path.get(2))) return path.subList(0, 3);
        if ((top.equals("savings") || top.equals("cohorts")) && path.size() > 3) return path.subList(0, 3);
        if ((top.equals("capital") || top.equals("dsg")) && path.size() > 2) return path.subList(0, 2);
        if (path.size() > 3 && path.subList(0, 3).equals(List.of("budget", "reserves", "minimum"))) return path.subList(0, 3);
        return path;
    }

    private static Node get(Node tree, List<String> path) {
        Node n = tree;
        for (String k : path) n = n instanceof Node.MapNode m ? m.get(k) : ((Node.ListNode) n).items().get(Integer.parseInt(k));
        return n;
    }

    private static void write(Map<String, Object> parts, int indent, StringBuilder out) {
        for (var e : parts.entrySet()) {
            out.append(" ".repeat(indent)).append(e.getKey()).append(':');
            if (e.getValue() instanceof Map<?, ?> m) {
                out.append('\n');
                @SuppressWarnings("unchecked")
                Map<String, Object> child = (Map<String, Object>) m;
                write(child, indent + 2, out);
            } else {
                out.append(' ').append(flow((Node) e.getValue())).append('\n');
            }
        }
    }

    /** A subtree in YAML flow style, scalars as written. */
    static String flow(Node n) {
        if (n instanceof Node.ScalarNode s) return scalar(s.text(), s.kind());
        if (n instanceof Node.ListNode l) {
            List<String> items = new ArrayList<>();
            for (Node i : l.items()) items.add(flow(i));
            return "[" + String.join(", ", items) + "]";
        }
        Node.MapNode m = (Node.MapNode) n;
        List<String> entries = new ArrayList<>();
        m.entries().forEach((k, e) -> entries.add(scalar(k, Node.ScalarKind.STRING) + ": " + flow(e.value())));
        return "{" + String.join(", ", entries) + "}";
    }

    static String scalar(String text, Node.ScalarKind kind) {
        if (kind == Node.ScalarKind.NULL) return "null";
        if (kind != Node.ScalarKind.STRING) return text;
        if (PLAIN.matcher(text).matches() && !YAML_WORDS.contains(text.toLowerCase(java.util.Locale.ROOT))) return text;
        StringBuilder q = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                case '\t' -> q.append("\\t");
                default -> {
                    if (c < 0x20) q.append(String.format("\\x%02x", (int) c));
                    else q.append(c);
                }
            }
        }
        return q.append('"').toString();
    }
}
