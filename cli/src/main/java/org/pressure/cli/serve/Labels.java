package org.pressure.cli.serve;

import java.util.List;
import org.pressure.cli.chart.Theme;
import org.pressure.engine.scenario.Node;

/** Plain words for a scenario path on the what-if page: "Prevention: share that cannot be cut". */
final class Labels {
    private Labels() {}

    static String label(String path, Node tree) {
        List<String> k = List.of(path.split("\\."));
        String last = k.get(k.size() - 1);
        String owner = k.size() >= 2 ? given(tree, k.get(0), k.get(1)) : Theme.label(last);
        return switch (k.get(0)) {
            case "drivers", "income" -> k.size() == 2 ? owner
                    : last.equals("growth") ? owner + ": growth a year" : owner + ": " + words(k.subList(2, k.size()));
            case "services" -> {
                if (k.size() == 3 && last.equals("floor")) yield owner + ": share of planned spend that cannot be cut";
                if (k.size() == 4 && last.equals("growth")) {
                    yield owner + ": " + (k.get(2).equals("unit_cost") ? "unit cost" : "cost") + " growth a year";
                }
                yield owner + ": " + words(k.subList(2, k.size()));
            }
            case "failure_demand" -> link(k, tree);
            case "budget" -> switch (String.join(".", k)) {
                case "budget.reserves.opening" -> "Usable reserves at the start";
                case "budget.reserves.minimum" -> "Minimum reserves the council holds";
                default -> "Budget: " + words(k.subList(1, k.size()));
            };
            default -> Theme.label(words(k));
        };
    }

    /** The {@code label:} the file gives a driver, income stream or service, or its name in words. */
    private static String given(Node tree, String section, String name) {
        if (tree instanceof Node.MapNode root && root.get(section) instanceof Node.MapNode part
                && part.get(name) instanceof Node.MapNode entity && entity.get("label") instanceof Node.ScalarNode s
                && !s.text().isBlank()) {
            return Theme.cut(s.text().strip());
        }
        return Theme.label(name);
    }

    private static String link(List<String> k, Node tree) {
        String from = "", to = "";
        if (k.size() >= 2 && tree instanceof Node.MapNode root && root.get("failure_demand") instanceof Node.ListNode l) {
            try {
                if (l.items().get(Integer.parseInt(k.get(1))) instanceof Node.MapNode link) {
                    from = link.get("from") instanceof Node.ScalarNode s ? lower(given(tree, "services", s.text())) : "";
                    to = link.get("to") instanceof Node.ScalarNode s ? lower(given(tree, "services", s.text())) : "";
                }
            } catch (RuntimeException e) {
                // an index that is not a number or not there: the generic label below
            }
        }
        String what = switch (k.get(k.size() - 1)) {
            case "clients_per_m" -> "clients per £1m shortfall";
            case "cost_per_m" -> "cost per £1m shortfall";
            default -> words(k.subList(2, k.size()));
        };
        String which = "Failure demand" + (from.isEmpty() ? " link " + k.get(1) : " from " + from + " to " + to);
        return which + ": " + what;
    }

    static String unit(String path, String units, boolean percent) {
        String last = path.substring(path.lastIndexOf('.') + 1);
        if (last.equals("growth")) return percent ? "% a year" : "a year, as a share (0.01 is 1%)";
        if (last.equals("floor")) return percent ? "% of planned spend" : "of planned spend, as a share (0.25 is 25%)";
        if (last.equals("clients_per_m")) return "clients per £1m";
        if (last.equals("cost_per_m")) return units + " per £1m";
        if (path.startsWith("budget.reserves.")) return units;
        return percent ? "%" : "";
    }

    /** A name in the middle of a sentence: "adult social care", but "NHS" and "Children's social care" as given. */
    private static String lower(String label) {
        return label.length() > 1 && Character.isUpperCase(label.charAt(0)) && Character.isLowerCase(label.charAt(1))
                ? Character.toLowerCase(label.charAt(0)) + label.substring(1) : label;
    }

    private static String words(List<String> keys) {
        return String.join(" ", keys).replace('_', ' ');
    }
}
