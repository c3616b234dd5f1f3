package org.pressure.engine.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pressure.engine.diagnostics.Location;
import org.pressure.engine.diagnostics.ScenarioException;

/**
 * Loads a scenario tree with {@code extends} resolved: the file is deep-merged over the file it
 * extends (mappings merge key by key, a null value removes the key, anything else is replaced,
 * and so is a whole series: see {@link ScenarioShape}), recursively. Every value keeps the
 * location of the file it came from.
 */
public final class TreeLoader {
    /** Longest chain of {@code extends} followed. */
    public static final int MAX_EXTENDS = 16;

    private TreeLoader() {}

    public static Node load(Path file) {
        return load(file, new ArrayList<>());
    }

    private static Node load(Path file, List<Path> chain) {
        Path real = file.toAbsolutePath().normalize();
        if (chain.contains(real)) {
            List<String> names = new ArrayList<>();
            for (Path p : chain) names.add(p.getFileName().toString());
            names.add(real.getFileName().toString());
            throw new ScenarioException(Location.ofFile(file.toString()), "`extends` goes round in a circle: "
                    + String.join(" -> ", names));
        }
        if (chain.size() >= MAX_EXTENDS) {
            throw new ScenarioException(Location.ofFile(file.toString()), "`extends` chain is longer than " + MAX_EXTENDS);
        }
        Node tree = TreeReader.read(file);
        if (!(tree instanceof Node.MapNode map)) return tree;
        Node ext = map.get("extends");
        if (ext == null) return tree;
        if (!(ext instanceof Node.ScalarNode s) || s.kind() != Node.ScalarKind.STRING || s.text().isBlank()) {
            throw new ScenarioException(ext.location(), "`extends` should name one scenario file, relative to this one");
        }
        Path base = FileAccess.resolve(s.text(), file, s.location(), "extends");
        chain.add(real);
        Node baseTree;
        try {
            baseTree = load(base, chain);
        } catch (ScenarioException e) {
            if (e.problems().size() == 1 && e.problems().get(0).location().line() == 0
                    && e.problems().get(0).location().file().equals(base.toString())) {
                throw new ScenarioException(ext.location(), "`extends: " + s.text() + "`: " + e.problems().get(0).message());
            }
            throw e;
        }
        chain.remove(chain.size() - 1);
        if (!(baseTree instanceof Node.MapNode)) {
            // say nothing of what the file holds: it may not be a scenario at all (extends: /etc/shadow)
            throw new ScenarioException(ext.location(), "`extends: " + s.text() + "`: that file is not a scenario "
                    + "(it does not hold a mapping of keys such as name, time and services)");
        }
        Map<String, Node.Entry> own = new LinkedHashMap<>(map.entries());
        own.remove("extends");
        return merge(baseTree, new Node.MapNode(map.location(), own));
    }

    /** {@code over} deep-merged over {@code base}, both whole scenario trees. */
    public static Node merge(Node base, Node over) {
        return merge(base, over, new ArrayList<>());
    }

    private static Node merge(Node base, Node over, List<String> path) {
        if (!(base instanceof Node.MapNode b) || !(over instanceof Node.MapNode o)) return over;
        if (ScenarioShape.replacesWhole(path, base, over)) return over;
        Map<String, Node.Entry> out = new LinkedHashMap<>(b.entries());
        for (var e : o.entries().entrySet()) {
            Node value = e.getValue().value();
            if (value instanceof Node.ScalarNode s && s.kind() == Node.ScalarKind.NULL) {
                out.remove(e.getKey());
                continue;
            }
            Node.Entry old = out.get(e.getKey());
            path.add(e.getKey());
            Node merged = old == null ? value : merge(old.value(), value, path);
            path.remove(path.size() - 1);
            String comment = e.getValue().comment().isEmpty() && old != null ? old.comment() : e.getValue().comment();
            out.put(e.getKey(), new Node.Entry(e.getValue().keyLocation(), merged, comment));
        }
        return new Node.MapNode(o.location(), out);
    }
}
