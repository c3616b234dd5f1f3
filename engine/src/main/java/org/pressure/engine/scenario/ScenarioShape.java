package org.pressure.engine.scenario;

import java.util.List;
import java.util.Set;

/**
 * Which positions of a scenario tree hold a series and which hold a table of names the author
 * chooses, as docs/model.md section 1 lists them. {@code extends} replaces a series as a
 * whole (never merging a variant's {@code values:} table year by year with its base's), and
 * {@code --set} may not invent a new name in a table of names. Positions are paths of keys from
 * the top of the file; a name the author chose matches any key.
 */
public final class ScenarioShape {

    /** Whether a parsed file is a sweep file (it has a top-level {@code sweep} key, or a scenario and parameters). */
    public static boolean isSweep(Node tree) {
        return tree instanceof Node.MapNode m && (m.entries().containsKey("sweep")
                || m.entries().containsKey("scenario") && m.entries().containsKey("parameters"));
    }

    /** Whether a tree that is not a sweep looks like a council scenario (so `sweep` was given the wrong file). */
    public static boolean isScenario(Node tree) {
        return tree instanceof Node.MapNode m && !isSweep(tree) && (m.entries().containsKey("services")
                || m.entries().containsKey("income") || m.entries().containsKey("extends")
                || m.entries().containsKey("time") && m.entries().containsKey("name"));
    }
    private ScenarioShape() {}

    private static final String ANY = "*";

    /** Positions whose value is one series. */
    private static final List<List<String>> SERIES = List.of(
            List.of("drivers", ANY),
            List.of("income", ANY),
            List.of("services", ANY, "cost"),
            List.of("services", ANY, "unit_cost"),
            List.of("services", ANY, "floor"),
            List.of("services", ANY, "variance"),
            List.of("services", ANY, "clients", "per"),
            List.of("services", ANY, "clients", "rate"),
            List.of("savings", ANY, "amount"),
            List.of("savings", ANY, "delivery"),
            List.of("cohorts", ANY, "inflow", ANY),
            List.of("cohorts", ANY, "exit", ANY),
            List.of("cohorts", ANY, "transitions", ANY, "rate"),
            List.of("cohorts", ANY, "transitions", ANY, "response", "reference"),
            List.of("capital", "borrowing"),
            List.of("capital", "mrp_rate"),
            List.of("capital", "interest_rate"),
            List.of("dsg", "in_year"),
            List.of("budget", "reserves", "minimum"));

    /**
     * Positions that are a series, except that a mapping of the given keys written over another
     * such mapping merges key by key: {@code clients: {per, rate}} and a transition
     * {@code {rate, response}}.
     */
    private static final List<List<String>> SERIES_OR_PARTS = List.of(
            List.of("services", ANY, "clients"),
            List.of("cohorts", ANY, "transitions", ANY));
    private static final List<Set<String>> PARTS = List.of(Set.of("per", "rate"), Set.of("rate", "response"));

    /** Mappings whose keys are names the author chooses (entities, states, years of a table). */
    private static final List<List<String>> NAME_TABLES = List.of(
            List.of("drivers"),
            List.of("income"),
            List.of("services"),
            List.of("savings"),
            List.of("cohorts"),
            List.of("cohorts", ANY, "states"),
            List.of("cohorts", ANY, "inflow"),
            List.of("cohorts", ANY, "exit"),
            List.of("cohorts", ANY, "transitions"),
            List.of("budget", "ring_fenced"));

    /**
     * Whether the value at {@code path} is a series that {@code over} replaces whole when written
     * over {@code base} in an extending file.
     */
    public static boolean replacesWhole(List<String> path, Node base, Node over) {
        if (matchesAny(SERIES, path)) return true;
        for (int i = 0; i < SERIES_OR_PARTS.size(); i++) {
            if (matches(SERIES_OR_PARTS.get(i), path)) {
                return !(isPartsMap(base, PARTS.get(i)) && isPartsMap(over, PARTS.get(i)));
            }
        }
        return false;
    }

    /**
     * Whether the mapping at {@code path} is a table of names the author chooses (drivers,
     * services, a cohort's states, ...), or a year table of a series ({@code ...values}).
     */
    public static boolean isNameTable(List<String> path) {
        if (!path.isEmpty() && path.get(path.size() - 1).equals("values") && path.size() >= 2) return true;
        return matchesAny(NAME_TABLES, path);
    }

    private static boolean isPartsMap(Node n, Set<String> parts) {
        return n instanceof Node.MapNode m && !m.entries().isEmpty() && parts.containsAll(m.entries().keySet());
    }

    private static boolean matchesAny(List<List<String>> patterns, List<String> path) {
        for (List<String> p : patterns) if (matches(p, path)) return true;
        return false;
    }

    private static boolean matches(List<String> pattern, List<String> path) {
        if (pattern.size() != path.size()) return false;
        for (int i = 0; i < pattern.size(); i++) {
            if (!pattern.get(i).equals(ANY) && !pattern.get(i).equals(path.get(i))) return false;
        }
        return true;
    }
}
