package org.pressure.cli.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pressure.engine.council.Comparison;
import org.pressure.engine.council.Service;

/**
 * Who saves and who pays, in words: "the council saves £12.0m; nhs pays £9.1m more and police
 * £3.4m; the public purse is £0.5m worse off". Agencies are named as the scenario file writes
 * them, by their {@code label:} where it gives one ("NHS"); amounts to one decimal place in the scenario's units, and an amount that rounds to
 * nothing is no change.
 */
public final class WhoPaysText {
    private WhoPaysText() {}

    /** The sentence (without a capital or a full stop, to be placed after a colon). */
    public static String sentence(Comparison.WhoPays w, String units) {
        return sentence(w, units, null);
    }

    /** As {@link #sentence(Comparison.WhoPays, String)}, agencies named by the labels of {@code sc} (null: their names). */
    public static String sentence(Comparison.WhoPays w, String units, org.pressure.engine.council.Scenario sc) {
        java.util.function.UnaryOperator<String> name = a -> a.equals(Service.COUNCIL) ? "the council"
                : sc == null ? a : sc.label("agency", a);
        // one clause for each kind of change, in the order its first agency comes
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int a = 0; a < w.agencies().size(); a++) groups.computeIfAbsent(kind(w.difference(a)), k -> new ArrayList<>())
                .add(a);
        List<String> clauses = new ArrayList<>();
        for (var g : groups.entrySet()) {
            List<Integer> members = g.getValue();
            switch (g.getKey()) {
                case "saves", "pays" -> {
                    List<String> parts = new ArrayList<>();
                    for (int k = 0; k < members.size(); k++) {
                        int a = members.get(k);
                        String amount = Wording.money(Math.abs(w.difference(a)), units, 1);
                        parts.add(k == 0 ? name.apply(w.agencies().get(a)) + " " + g.getKey() + " " + amount
                                + (g.getKey().equals("pays") ? " more" : "") : name.apply(w.agencies().get(a)) + " " + amount);
                    }
                    clauses.add(list(parts));
                }
                default -> {
                    List<String> names = members.stream().map(a -> name.apply(w.agencies().get(a))).toList();
                    clauses.add(names.size() == 1 ? "the cost to " + names.get(0) + " does not change"
                            : "the costs to " + list(names) + " do not change");
                }
            }
        }
        double d = w.publicDifference();
        String kind = kind(d);
        clauses.add(kind.equals("same") ? "the public purse is no better and no worse off"
                : "the public purse is " + Wording.money(Math.abs(d), units, 1) + (kind.equals("pays") ? " worse off" : " better off"));
        return String.join("; ", clauses);
    }

    /** "pays" (costs more), "saves" (costs less) or "same" (rounds to no change). */
    static String kind(double difference) {
        if (Math.abs(difference) < 0.05) return "same"; // shown as 0.0
        return difference > 0 ? "pays" : "saves";
    }

    /** "the council"; any other agency as the file writes it. */
    static String name(String agency) {
        return agency.equals(Service.COUNCIL) ? "the council" : agency;
    }

    /** "a", "a and b", "a, b and c". */
    static String list(List<String> items) {
        if (items.size() == 1) return items.get(0);
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }
}
