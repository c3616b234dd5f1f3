package org.pressure.engine.council;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.pressure.engine.diagnostics.Location;
import org.pressure.engine.diagnostics.Warnings;
import org.pressure.engine.scenario.Node;
import org.pressure.engine.scenario.Numbers;

/**
 * Checks a valid scenario for values that are allowed but almost certainly slips of units: a
 * growth rate of 5 written for 5%, a unit cost in pounds in a scenario in £m, a client rate of
 * 320%, negative reserves, a discretionary service left out of the cut order. Each becomes a
 * warning at the value. It reads the scenario tree (after {@code extends} and {@code --set}),
 * so it sees where each value was written; values given by expressions are not judged.
 * docs/scenario-format.md ("Warnings") lists every check; keep the two in step.
 */
public final class Plausibility {
    /** A growth rate beyond this a year, either way, is taken for a slip (5 for 5%). */
    public static final double MAX_GROWTH = 0.30;
    /** A unit cost above this many pounds per client a year is taken for a slip of units. */
    public static final double MAX_UNIT_COST_POUNDS = 1_000_000;
    /** Drivers followed through names ({@code growth: cpi}, {@code cpi: pay}) before giving up. */
    private static final int MAX_NAME_HOPS = 8;

    private final Node.MapNode root;
    private final Warnings warnings;

    private Plausibility(Node.MapNode root, Warnings warnings) {
        this.root = root;
        this.warnings = warnings;
    }

    /** Adds a warning to {@code warnings} for every implausible value of a valid scenario tree. */
    public static void check(Node tree, Warnings warnings) {
        if (!(tree instanceof Node.MapNode root)) return;
        new Plausibility(root, warnings).run();
    }

    /** A value known before the model runs, with where it was written. */
    private record Known(double value, Location at, String via) {}

    private void run() {
        for (String section : List.of("drivers", "income")) {
            for (var e : entries(root.get(section))) {
                String path = section + "." + e.getKey();
                Node series = e.getValue().value();
                growth(series, path);
                if (section.equals("income")) councilTax(series, path);
            }
        }
        double poundsPerUnit = poundsPerUnit();
        for (var e : entries(root.get("services"))) {
            String path = "services." + e.getKey();
            if (!(e.getValue().value() instanceof Node.MapNode service)) continue;
            for (String key : List.of("cost", "unit_cost", "clients")) growth(service.get(key), path + "." + key);
            if (service.get("clients") instanceof Node.MapNode clients && clients.get("rate") != null) {
                for (Known k : known(clients.get("rate"), 0)) {
                    if (k.value() > 1 || k.value() < 0) {
                        warnings.add(k.at(), "`" + path + ".clients.rate` is " + percent(k.value()) + via(k)
                                + ": " + (k.value() > 1 ? "more clients than `" + text(clients.get("per")) + "`" : "fewer than no clients")
                                + "; a rate is a share of `per`" + meant(k.value()));
                    }
                }
            }
            if (poundsPerUnit > 0) unitCost(service.get("unit_cost"), path + ".unit_cost", poundsPerUnit);
        }
        for (var e : entries(root.get("savings"))) {
            if (e.getValue().value() instanceof Node.MapNode saving) {
                share(saving.get("delivery"), "savings." + e.getKey() + ".delivery");
                growth(saving.get("amount"), "savings." + e.getKey() + ".amount");
            }
        }
        if (root.get("capital") instanceof Node.MapNode capital) {
            for (String key : List.of("mrp_rate", "interest_rate")) rate(capital.get(key), "capital." + key);
        }
        budget();
    }

    /** A {@code {start, growth}} series whose growth is a known value beyond the sane range. */
    private void growth(Node series, String path) {
        if (!(series instanceof Node.MapNode m) || m.get("growth") == null) return;
        rate(m.get("growth"), path + ".growth");
    }

    /** A yearly rate (growth, interest) beyond {@link #MAX_GROWTH} either way. */
    private void rate(Node series, String path) {
        if (series == null) return;
        for (Known k : known(series, 0)) {
            if (Math.abs(k.value()) > MAX_GROWTH) {
                warnings.add(k.at(), "`" + path + "` is " + percent(k.value()) + " a year" + via(k)
                        + ", beyond the " + percent(MAX_GROWTH) + " either way that a yearly rate plausibly takes"
                        + meant(k.value()));
            }
        }
    }

    /** A share (of delivery, of collection) outside 0% to 100%. */
    private void share(Node series, String path) {
        if (series == null) return;
        for (Known k : known(series, 0)) {
            if (k.value() > 1 || k.value() < 0) {
                warnings.add(k.at(), "`" + path + "` is " + percent(k.value()) + via(k) + "; a share is from 0% to 100%"
                        + meant(k.value()));
            }
        }
    }

    private void councilTax(Node series, String path) {
        if (!(series instanceof Node.MapNode m) || m.get("band_d") == null) return;
        for (String key : List.of("rise", "precept", "referendum_limit")) rate(m.get(key), path + "." + key);
        growth(m.get("tax_base"), path + ".tax_base");
        share(m.get("collection_rate"), path + ".collection_rate");
    }

    private void unitCost(Node series, String path, double poundsPerUnit) {
        if (series == null) return;
        List<Known> values = new ArrayList<>();
        if (series instanceof Node.MapNode m && m.get("start") != null) values.addAll(known(m.get("start"), 0));
        else values.addAll(known(series, 0));
        String units = units();
        for (Known k : values) {
            double pounds = k.value() * poundsPerUnit;
            if (pounds > MAX_UNIT_COST_POUNDS) {
                warnings.add(k.at(), "`" + path + "` is " + fmt(k.value()) + " " + units
                        + " per client a year" + via(k) + ", that is £" + String.format(Locale.ROOT, "%,.0f", pounds)
                        + " a client; unit costs are in the scenario's units (" + units + "), so £"
                        + String.format(Locale.ROOT, "%,.0f", k.value()) + " a client is "
                        + fmt(k.value() / poundsPerUnit));
            } else if (k.value() < 0) {
                warnings.add(k.at(), "`" + path + "` is negative (" + fmt(k.value()) + ")" + via(k)
                        + ": a client would bring money in");
            }
        }
    }

    private void budget() {
        if (!(root.get("budget") instanceof Node.MapNode budget)) return;
        if (budget.get("reserves") instanceof Node.MapNode reserves) {
            for (String key : List.of("opening", "minimum")) {
                for (Known k : known(reserves.get(key), 0)) {
                    if (k.value() < 0) {
                        warnings.add(k.at(), "`budget.reserves." + key + "` is negative (" + fmt(k.value())
                                + ")" + via(k) + (key.equals("opening")
                                ? ": the council would start with a deficit, not reserves"
                                : ": the council would plan to spend below zero reserves")
                                + "; reserves are written as positive amounts");
                    }
                }
            }
        }
        if (!(budget.get("cuts") instanceof Node.ScalarNode cuts) || !cuts.text().equals("in_order")) return;
        if (!(budget.get("order") instanceof Node.ListNode order)) return;
        Set<String> listed = new java.util.HashSet<>();
        for (Node item : order.items()) if (item instanceof Node.ScalarNode s) listed.add(s.text());
        List<String> left = new ArrayList<>();
        for (var e : entries(root.get("services"))) {
            if (!(e.getValue().value() instanceof Node.MapNode service)) continue;
            boolean statutory = !(service.get("statutory") instanceof Node.ScalarNode st && st.text().equalsIgnoreCase("false"));
            if (statutory || listed.contains(e.getKey()) || service.get("agency") != null) continue;
            boolean floorAll = known(service.get("floor"), 0).stream().anyMatch(k -> k.value() >= 1)
                    && service.get("floor") instanceof Node.ScalarNode;
            if (!floorAll) left.add(e.getKey());
        }
        if (!left.isEmpty()) {
            warnings.add(order.location(), "`budget.order` leaves out the discretionary service"
                    + (left.size() == 1 ? " `" : "s `") + String.join("`, `", left) + "`, which "
                    + (left.size() == 1 ? "is" : "are") + " then never cut; add "
                    + (left.size() == 1 ? "it" : "them") + " to the order, or give floor: 100% to protect "
                    + (left.size() == 1 ? "it" : "them") + " on purpose");
        }
    }

    // ---------------------------------------------------------------- reading values

    /**
     * The values of a series known without running the model: a number, each year of a
     * {@code values} table, or a driver or income stream named, followed to its own value.
     */
    private List<Known> known(Node series, int hops) {
        List<Known> out = new ArrayList<>();
        if (series == null || hops > MAX_NAME_HOPS) return out;
        if (series instanceof Node.ScalarNode s) {
            if (s.kind() != Node.ScalarKind.NUMBER && s.kind() != Node.ScalarKind.STRING) return out;
            Double v = Numbers.parse(s.text().strip());
            if (v != null) {
                out.add(new Known(v, s.location(), null));
            } else if (s.kind() == Node.ScalarKind.STRING && s.text().strip().matches("[A-Za-z_][A-Za-z0-9_]*")) {
                String name = s.text().strip();
                Node named = root.get("drivers") instanceof Node.MapNode d ? d.get(name) : null;
                for (Known k : known(named, hops + 1)) {
                    out.add(new Known(k.value(), k.at(), k.via() == null ? name : k.via()));
                }
            }
        } else if (series instanceof Node.MapNode m && m.get("values") instanceof Node.MapNode table
                && m.get("start") == null) {
            for (var e : table.entries().values()) out.addAll(known(e.value(), hops + 1).stream()
                    .filter(k -> k.via() == null).toList());
        }
        return out;
    }

    /** How many pounds one unit of the scenario's money is, or 0 if its units are not recognised. */
    private double poundsPerUnit() {
        return poundsPerUnit(units());
    }

    /** How many pounds one unit named by {@code units} ("£m") is, or 0 if it is not recognised. */
    static double poundsPerUnit(String units) {
        String u = units.toLowerCase(Locale.ROOT).replace(" ", "").replace("'", "");
        return switch (u) {
            case "£m", "£million", "£millions", "£mn" -> 1e6;
            case "£bn", "£billion", "£billions", "£b" -> 1e9;
            case "£k", "£000", "£thousand", "£thousands" -> 1e3;
            case "£", "gbp", "£s", "pounds" -> 1;
            default -> 0;
        };
    }

    private String units() {
        return root.get("units") instanceof Node.ScalarNode s ? s.text() : "£m";
    }

    private static List<java.util.Map.Entry<String, Node.Entry>> entries(Node n) {
        return n instanceof Node.MapNode m ? List.copyOf(m.entries().entrySet()) : List.of();
    }

    private static String text(Node n) {
        return n instanceof Node.ScalarNode s ? s.text() : "per";
    }

    /** At most 6 significant digits, no trailing zeros, no exponent for everyday sizes. */
    static String fmt(double x) {
        if (!Double.isFinite(x)) return Double.toString(x);
        String t = new java.math.BigDecimal(x).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
        return t.length() > 20 ? String.format(Locale.ROOT, "%.5g", x) : t;
    }

    private static String via(Known k) {
        return k.via() == null ? "" : " (through `" + k.via() + "`)";
    }

    private static String percent(double share) {
        return fmt(share * 100) + "%";
    }

    /** "; if you meant 5%, write 5%" for a plain 5 that was meant as a percentage. */
    private static String meant(double value) {
        double abs = Math.abs(value);
        if (abs < 1 || abs > 100) return "";
        String v = fmt(value);
        return "; if you meant " + v + "%, write `" + v + "%` (a plain " + v + " means " + percent(value) + ")";
    }
}
