package org.pressure.engine.council;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.pressure.engine.expr.ExpressionException;
import org.pressure.engine.expr.Parser;
import org.pressure.engine.scenario.Location;
import org.pressure.engine.scenario.MapReader;
import org.pressure.engine.scenario.Node;
import org.pressure.engine.scenario.Numbers;
import org.pressure.engine.scenario.Problems;
import org.pressure.engine.scenario.ScenarioException;
import org.pressure.engine.scenario.Suggest;
import org.pressure.engine.scenario.Warnings;

/**
 * Turns a scenario tree (after {@code extends} and overrides) into a typed {@link Scenario},
 * checking structure and cross-references: every problem found is reported together.
 * Names inside expressions are checked when the scenario is compiled.
 */
public final class ScenarioParser {
    /** Longest horizon accepted, in years. */
    public static final int MAX_YEARS = 1000;
    /** Most entities (drivers, income streams and services) accepted in one scenario. */
    public static final int MAX_ENTITIES = 10_000;
    /** Longest name of a driver, income stream or service. */
    public static final int MAX_NAME = 64;

    public static final List<String> TOP_KEYS = List.of("name", "description", "sources", "extends", "time", "units",
            "drivers", "income", "services", "failure_demand", "budget");
    public static final List<String> SERVICE_KEYS = List.of("statutory", "cost", "clients", "unit_cost", "floor");
    public static final List<String> LINK_KEYS =
            List.of("from", "to", "clients_per_m", "cost_per_m", "delay", "delay_type", "reference");
    public static final List<String> BUDGET_KEYS = List.of("strategy", "cuts", "order", "reserves", "surplus_to_reserves");
    public static final List<String> RESERVES_KEYS = List.of("opening", "minimum");
    public static final List<String> TIME_KEYS = List.of("start", "end");
    /** Names of the whole-council totals; no entity may take one. */
    public static final List<String> TOTALS = List.of("income", "statutory_spend", "discretionary_planned",
            "discretionary_funded", "budget_gap", "cuts", "reserves_draw", "reserves");
    /** Names that expressions reserve: time, pi, and the words of the expression language. */
    static final List<String> TIME_NAMES = List.of("year", "start_year", "end_year", "pi",
            "and", "or", "not", "mod", "if", "then", "else");

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern NAME_REF = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

    private final Problems problems = new Problems();
    /** Where parsing reports values that are allowed but probably not meant. */
    private final Warnings warnings;
    private final Map<String, Location> entityNames = new HashMap<>();
    /** Every name declared under `services`, valid or not, so one bad service does not cascade. */
    private final Set<String> declaredServices = new java.util.LinkedHashSet<>();
    /**
     * Services whose `statutory` may be misspelt (the mapping has an unknown key and no
     * `statutory`): checks that depend on it would only repeat the unknown-key problem.
     */
    private final Set<String> statutoryUnsure = new java.util.HashSet<>();

    private ScenarioParser(Warnings warnings) {
        this.warnings = warnings;
    }

    /** Validates and types a tree; throws {@link ScenarioException} listing every problem. */
    public static Scenario parse(Node root, String file) {
        return parse(root, file, Warnings.ignored());
    }

    /** As {@link #parse(Node, String)}, adding to {@code warnings} what is allowed but probably not meant. */
    public static Scenario parse(Node root, String file, Warnings warnings) {
        return new ScenarioParser(warnings).scenario(root, file);
    }

    private Scenario scenario(Node root, String file) {
        MapReader top = MapReader.of(root, "the scenario", TOP_KEYS, problems);
        if (top == null) {
            problems.throwIfAny();
        }
        String name = top.text("name", null);
        if (name == null) problems.add(top.location(), "the scenario needs a `name`");
        String description = top.text("description", "");
        List<String> sources = sources(top.get("sources"));
        String units = top.text("units", "£m");

        int start = 0, end = -1;
        Node timeNode = top.require("time", "the scenario");
        if (timeNode != null) {
            MapReader time = MapReader.of(timeNode, "`time`", TIME_KEYS, problems);
            if (time != null) {
                int before = problems.size();
                start = time.integer("start", Integer.MIN_VALUE);
                end = time.integer("end", Integer.MIN_VALUE);
                if (!time.has("start")) problems.add(time.location(), "`time` needs `start` (the first financial year, e.g. 2025 for 2025/26)");
                if (!time.has("end")) problems.add(time.location(), "`time` needs `end` (the last financial year, inclusive)");
                if (problems.size() == before) {
                    if (end < start) {
                        problems.add(time.node().keyLocation("end"), "`time.end` (" + end + ") is before `time.start` ("
                                + start + "); end is the last year, inclusive, and must be at least start");
                    } else if ((long) end - start + 1 > MAX_YEARS) {
                        problems.add(time.node().keyLocation("end"), "the horizon is " + ((long) end - start + 1)
                                + " years; the limit is " + MAX_YEARS);
                    }
                }
            }
        }

        Map<String, Series> drivers = namedSeries(top.get("drivers"), "drivers");
        Map<String, Series> income = namedSeries(top.get("income"), "income");
        Map<String, Service> services = services(top.get("services"));
        List<FailureDemandLink> links = links(top.get("failure_demand"), services);
        Budget budget = budget(top.get("budget"), services);

        problems.throwIfAny();
        return new Scenario(name, description, sources, start, end, units, drivers, income, services, links,
                budget, file, top.location());
    }

    private List<String> sources(Node n) {
        List<String> out = new ArrayList<>();
        if (n == null || n instanceof Node.ScalarNode s && s.kind() == Node.ScalarKind.NULL) return out;
        if (n instanceof Node.ScalarNode s) {
            out.add(s.text());
        } else if (n instanceof Node.ListNode list) {
            for (Node item : list.items()) {
                if (item instanceof Node.ScalarNode s) out.add(s.text());
                else problems.add(item.location(), "each of `sources` should be text, not " + item.kindName());
            }
        } else {
            problems.add(n.location(), "`sources` should be a list of text");
        }
        return out;
    }

    private boolean entityName(String name, Location at, String section) {
        if (name.length() > MAX_NAME) {
            problems.add(at, "a name in " + section + " is " + name.length() + " characters long; names are at most "
                    + MAX_NAME + " characters (they head columns and label charts)");
            return false;
        }
        if (!IDENTIFIER.matcher(name).matches()) {
            problems.add(at, "`" + name + "` in " + section + " is not a valid name: use letters, digits and _, "
                    + "starting with a letter or _ (e.g. `adult_social_care`)");
            return false;
        }
        if (TOTALS.contains(name) || TIME_NAMES.contains(name)) {
            problems.add(at, "`" + name + "` in " + section + " is a name the model reserves; choose another");
            return false;
        }
        Location first = entityNames.putIfAbsent(name, at);
        if (first != null) {
            problems.add(at, "`" + name + "` is already used at " + first + "; drivers, income streams and services "
                    + "share one set of names");
            return false;
        }
        if (entityNames.size() > MAX_ENTITIES) {
            problems.add(at, "more than " + MAX_ENTITIES + " named entities");
            problems.throwIfAny();
        }
        return true;
    }

    private Map<String, Series> namedSeries(Node n, String section) {
        Map<String, Series> out = new LinkedHashMap<>();
        if (n == null || n instanceof Node.ScalarNode s && s.kind() == Node.ScalarKind.NULL) return out;
        if (!(n instanceof Node.MapNode map)) {
            problems.add(n.location(), "`" + section + "` should be a mapping of names to series, not " + n.kindName());
            return out;
        }
        for (var e : map.entries().entrySet()) {
            if (!entityName(e.getKey(), e.getValue().keyLocation(), "`" + section + "`")) continue;
            Series s = series(e.getValue().value(), section + "." + e.getKey(), false);
            if (s != null) out.put(e.getKey(), s);
        }
        return out;
    }

    private Map<String, Service> services(Node n) {
        Map<String, Service> out = new LinkedHashMap<>();
        if (n == null || n instanceof Node.ScalarNode s && s.kind() == Node.ScalarKind.NULL) return out;
        if (!(n instanceof Node.MapNode map)) {
            problems.add(n.location(), "`services` should be a mapping of service names to services, not " + n.kindName());
            return out;
        }
        for (var e : map.entries().entrySet()) {
            String name = e.getKey();
            String path = "services." + name;
            declaredServices.add(name);
            boolean validName = entityName(name, e.getValue().keyLocation(), "`services`");
            MapReader r = MapReader.of(e.getValue().value(), "`" + path + "`", SERVICE_KEYS, problems);
            if (r == null) continue;
            boolean statutory = r.bool("statutory", true);
            if (r.hasUnknownKeys() && !r.has("statutory")) statutoryUnsure.add(name);
            Series cost = r.has("cost") ? series(r.get("cost"), path + ".cost", false) : null;
            Series clients = r.has("clients") ? series(r.get("clients"), path + ".clients", true) : null;
            Series unitCost = r.has("unit_cost") ? series(r.get("unit_cost"), path + ".unit_cost", false) : null;
            Series floor = r.has("floor") ? series(r.get("floor"), path + ".floor", false) : null;
            boolean ok = validName;
            if (r.has("cost") && r.has("clients")) {
                problems.add(r.location(), "`" + path + "` has both `cost` and `clients`; give one: `cost` for a "
                        + "spend series, or `clients` with `unit_cost`");
                ok = false;
            } else if (!r.has("cost") && !r.has("clients")) {
                problems.add(r.location(), "`" + path + "` needs `cost` (a spend series) or `clients` with `unit_cost`");
                ok = false;
            }
            if (r.has("clients") && !r.has("unit_cost")) {
                problems.add(r.node().keyLocation("clients"), "`" + path + "` has `clients` but no `unit_cost` "
                        + "(the cost per client per year, in the scenario's units)");
                ok = false;
            }
            if (r.has("unit_cost") && !r.has("clients")) {
                problems.add(r.node().keyLocation("unit_cost"), "`" + path + "` has `unit_cost` but no `clients`; "
                        + "a service costed by `cost` takes no unit cost");
                ok = false;
            }
            if (r.has("floor")) {
                if (statutory && statutoryUnsure.contains(name)) {
                    ok = false;
                } else if (statutory) {
                    problems.add(r.node().keyLocation("floor"), "`" + path + ".floor` applies only to discretionary "
                            + "services (statutory: false); statutory services are always funded in full");
                } else if (floor instanceof Series.Constant c && (c.value() < 0 || c.value() > 1)) {
                    problems.add(c.location(), "`" + path + ".floor` is a share of planned spend between 0% and 100%, not "
                            + c.value() * 100 + "%");
                }
            }
            if (ok && (cost != null || clients != null && unitCost != null)) {
                out.put(name, new Service(name, statutory, cost, clients, unitCost, floor, r.location()));
            }
        }
        return out;
    }

    private List<FailureDemandLink> links(Node n, Map<String, Service> services) {
        List<FailureDemandLink> out = new ArrayList<>();
        if (n == null || n instanceof Node.ScalarNode s && s.kind() == Node.ScalarKind.NULL) return out;
        if (!(n instanceof Node.ListNode list)) {
            problems.add(n.location(), "`failure_demand` should be a list of links (- from: ..., to: ...), not " + n.kindName());
            return out;
        }
        for (int i = 0; i < list.items().size(); i++) {
            String path = "failure_demand." + i;
            MapReader r = MapReader.of(list.items().get(i), "`" + path + "`", LINK_KEYS, problems);
            if (r == null) continue;
            String from = serviceRef(r, "from", path, services);
            String to = serviceRef(r, "to", path, services);
            Series perM = r.has("clients_per_m") ? series(r.get("clients_per_m"), path + ".clients_per_m", false) : null;
            Series costPerM = r.has("cost_per_m") ? series(r.get("cost_per_m"), path + ".cost_per_m", false) : null;
            boolean ok = from != null && to != null;
            if (r.has("clients_per_m") == r.has("cost_per_m")) {
                problems.add(r.location(), "`" + path + "` needs one of `clients_per_m` (extra clients in `to` per £1m "
                        + "shortfall) or `cost_per_m` (extra cost per £1m shortfall)"
                        + (r.has("clients_per_m") ? ", not both" : ""));
                ok = false;
            }
            if (perM != null && to != null && services.containsKey(to) && !services.get(to).clientBased()) {
                problems.add(r.node().keyLocation("clients_per_m"), "`" + path + ".clients_per_m`: service `" + to
                        + "` has no clients (it is costed by `cost`); use `cost_per_m` instead");
                ok = false;
            }
            FailureDemandLink.DelayType type = FailureDemandLink.DelayType.FIXED;
            String typeText = r.text("delay_type", "fixed");
            switch (typeText) {
                case "fixed" -> type = FailureDemandLink.DelayType.FIXED;
                case "exponential" -> type = FailureDemandLink.DelayType.EXPONENTIAL;
                default -> {
                    problems.add(r.get("delay_type").location(), "`" + path + ".delay_type` is `fixed` or `exponential`, not `"
                            + typeText + "`" + Suggest.didYouMean(typeText, List.of("fixed", "exponential")));
                    ok = false;
                }
            }
            double delay = 1;
            if (r.has("delay")) {
                Node d = r.get("delay");
                delay = MapReader.number(d, path + ".delay", problems, Double.NaN);
                if (Double.isNaN(delay)) {
                    ok = false;
                } else if (delay < 1) {
                    problems.add(d.location(), "`" + path + ".delay` is " + ((Node.ScalarNode) d).text()
                            + "; failure demand returns at least 1 year later (delay >= 1), since a loop within one "
                            + "year through balancing cannot be solved");
                    ok = false;
                } else if (type == FailureDemandLink.DelayType.FIXED && delay != Math.rint(delay)) {
                    problems.add(d.location(), "`" + path + ".delay` is a whole number of years for a fixed delay, not "
                            + ((Node.ScalarNode) d).text() + " (use delay_type: exponential for a mean delay)");
                    ok = false;
                } else if (delay > MAX_YEARS) {
                    problems.add(d.location(), "`" + path + ".delay` is more than " + MAX_YEARS + " years");
                    ok = false;
                }
            }
            Series reference = r.has("reference") ? series(r.get("reference"), path + ".reference", false) : null;
            // a coefficient that did not read (a bad expression) has been reported already
            if (ok && (perM != null) != (costPerM != null)) {
                out.add(new FailureDemandLink(from, to, perM, costPerM, delay, type, reference, r.location()));
            }
        }
        return out;
    }

    private String serviceRef(MapReader r, String key, String path, Map<String, Service> services) {
        Node n = r.require(key, "`" + path + "`");
        if (n == null) return null;
        if (!(n instanceof Node.ScalarNode s) || s.kind() != Node.ScalarKind.STRING) {
            problems.add(n.location(), "`" + path + "." + key + "` should name a service, not " + n.kindName());
            return null;
        }
        if (!declaredServices.contains(s.text())) {
            problems.add(n.location(), "`" + path + "." + key + "` names `" + s.text() + "`, which is not a service"
                    + Suggest.didYouMean(s.text(), declaredServices));
            return null;
        }
        return services.containsKey(s.text()) ? s.text() : null;
    }

    private Budget budget(Node n, Map<String, Service> services) {
        if (n == null) return Budget.DEFAULT;
        MapReader r = MapReader.of(n, "`budget`", BUDGET_KEYS, problems);
        if (r == null) return Budget.DEFAULT;
        Budget.Strategy strategy = Budget.Strategy.CUTS_FIRST;
        String s = r.text("strategy", "cuts_first");
        switch (s) {
            case "cuts_first" -> strategy = Budget.Strategy.CUTS_FIRST;
            case "reserves_first" -> strategy = Budget.Strategy.RESERVES_FIRST;
            default -> problems.add(r.get("strategy").location(), "`budget.strategy` is `cuts_first` or `reserves_first`, not `"
                    + s + "`" + Suggest.didYouMean(s, List.of("cuts_first", "reserves_first")));
        }
        Budget.CutMode mode = Budget.CutMode.PROPORTIONAL;
        String c = r.text("cuts", "proportional");
        switch (c) {
            case "proportional" -> mode = Budget.CutMode.PROPORTIONAL;
            case "in_order" -> mode = Budget.CutMode.IN_ORDER;
            default -> problems.add(r.get("cuts").location(), "`budget.cuts` is `proportional` or `in_order`, not `"
                    + c + "`" + Suggest.didYouMean(c, List.of("proportional", "in_order")));
        }
        List<String> order = new ArrayList<>();
        Node o = r.get("order");
        if (o != null) {
            if (!(o instanceof Node.ListNode list)) {
                problems.add(o.location(), "`budget.order` should be a list of discretionary services, cut first to last");
            } else {
                List<String> discretionary = services.values().stream().filter(x -> !x.statutory()).map(Service::name).toList();
                for (Node item : list.items()) {
                    if (!(item instanceof Node.ScalarNode sc) || sc.kind() != Node.ScalarKind.STRING) {
                        problems.add(item.location(), "each of `budget.order` should name a service, not " + item.kindName());
                        continue;
                    }
                    String name = sc.text();
                    Service svc = services.get(name);
                    if (svc == null && declaredServices.contains(name)) {
                        continue;
                    } else if (svc == null) {
                        problems.add(item.location(), "`budget.order` names `" + name + "`, which is not a service"
                                + Suggest.didYouMean(name, discretionary.isEmpty() ? services.keySet() : discretionary));
                    } else if (svc.statutory() && statutoryUnsure.contains(name)) {
                        continue;
                    } else if (svc.statutory()) {
                        problems.add(item.location(), "`budget.order` names `" + name + "`, a statutory service; statutory "
                                + "services are always funded in full and cannot be cut (set `statutory: false` to allow it)");
                    } else if (order.contains(name)) {
                        problems.add(item.location(), "`budget.order` names `" + name + "` twice");
                    } else {
                        order.add(name);
                    }
                }
            }
        }
        if (mode == Budget.CutMode.IN_ORDER && o == null) {
            problems.add(r.node().keyLocation("cuts"), "`budget.cuts: in_order` needs `budget.order`, the discretionary "
                    + "services to cut, first to last");
        }
        double opening = 0, minimum = 0;
        Node res = r.get("reserves");
        if (res != null) {
            MapReader rr = MapReader.of(res, "`budget.reserves`", RESERVES_KEYS, problems);
            if (rr != null) {
                opening = rr.number("opening", 0);
                minimum = rr.number("minimum", 0);
            }
        }
        boolean surplus = r.bool("surplus_to_reserves", true);
        return new Budget(strategy, mode, order, opening, minimum, surplus);
    }

    // ---------------------------------------------------------------- series

    /**
     * Reads a series in any of its forms; {@code clients} also allows {@code {per, rate}}.
     * Returns null only after reporting why, so a broken series can never silently drop the
     * entity it belongs to.
     */
    Series series(Node n, String path, boolean clients) {
        int before = problems.size();
        Series s = seriesForm(n, path, clients);
        if (s == null && problems.size() == before) {
            problems.add(n.location(), "`" + path + "` is not a series this program can read");
        }
        return s;
    }

    private Series seriesForm(Node n, String path, boolean clients) {
        if (n instanceof Node.ScalarNode s) return scalarSeries(s, path);
        if (n instanceof Node.ListNode) {
            problems.add(n.location(), "`" + path + "` should be a series (a number, a name, an =expression, "
                    + "{start, growth}, {values} or {csv, column}), not a list");
            return null;
        }
        Node.MapNode map = (Node.MapNode) n;
        Set<String> keys = map.entries().keySet();
        if (keys.contains("start") || keys.contains("growth")) {
            MapReader r = MapReader.of(map, "`" + path + "`", List.of("start", "growth"), problems);
            Node startNode = r.require("start", "`" + path + "` ({start, growth})");
            Node growthNode = r.require("growth", "`" + path + "` ({start, growth})");
            double start = startNode == null ? 0 : MapReader.number(startNode, path + ".start", problems, 0);
            Series growth = growthNode == null ? null : series(growthNode, path + ".growth", false);
            return growth == null || startNode == null ? null : new Series.Growth(start, growth, map.location());
        }
        if (keys.contains("values")) {
            MapReader r = MapReader.of(map, "`" + path + "`", List.of("values", "interpolate"), problems);
            boolean step = interpolation(r, path);
            Node values = r.get("values");
            if (!(values instanceof Node.MapNode vm) || vm.entries().isEmpty()) {
                problems.add(values == null ? map.location() : values.location(), "`" + path + ".values` should map years to "
                        + "numbers, e.g. {2025: 4%, 2030: 2.5%}");
                return null;
            }
            TreeMap<Integer, Double> points = new TreeMap<>();
            int before = problems.size();
            for (var e : vm.entries().entrySet()) {
                Integer year = year(e.getKey());
                if (year == null) {
                    problems.add(e.getValue().keyLocation(), "`" + path + ".values`: `" + e.getKey() + "` is not a year");
                    continue;
                }
                if (points.containsKey(year)) {
                    problems.add(e.getValue().keyLocation(), "`" + path + ".values`: year " + year + " is given twice");
                    continue;
                }
                double v = MapReader.number(e.getValue().value(), path + ".values." + e.getKey(), problems, Double.NaN);
                if (!Double.isNaN(v)) points.put(year, v);
            }
            return problems.size() == before ? new Series.Values(points, step, map.location()) : null;
        }
        if (keys.contains("csv")) {
            MapReader r = MapReader.of(map, "`" + path + "`", List.of("csv", "column", "interpolate"), problems);
            boolean step = interpolation(r, path);
            Node file = r.require("csv", "`" + path + "`");
            Node column = r.require("column", "`" + path + "` ({csv, column})");
            if (file == null || column == null) return null;
            return csvSeries(r.text("csv", ""), r.text("column", ""), file.location(), column.location(), step, path);
        }
        if (clients && (keys.contains("per") || keys.contains("rate"))) {
            MapReader r = MapReader.of(map, "`" + path + "`", List.of("per", "rate"), problems);
            Node per = r.require("per", "`" + path + "` ({per, rate})");
            Node rate = r.require("rate", "`" + path + "` ({per, rate})");
            Series ps = per == null ? null : series(per, path + ".per", false);
            Series rs = rate == null ? null : series(rate, path + ".rate", false);
            return ps == null || rs == null ? null : new Series.Product(ps, rs, map.location());
        }
        List<String> forms = new ArrayList<>(List.of("start", "growth", "values", "interpolate", "csv", "column"));
        if (clients) forms.addAll(List.of("per", "rate"));
        for (var e : map.entries().entrySet()) {
            problems.add(e.getValue().keyLocation(), "unknown key `" + e.getKey() + "` in series `" + path + "`"
                    + Suggest.didYouMean(e.getKey(), forms) + "; a series is {start, growth}, {values, interpolate} or "
                    + "{csv, column}" + (clients ? " or {per, rate}" : ""));
        }
        if (map.entries().isEmpty()) problems.add(map.location(), "`" + path + "` is an empty mapping, not a series");
        return null;
    }

    private boolean interpolation(MapReader r, String path) {
        String how = r.text("interpolate", "linear");
        if (how.equals("linear")) return false;
        if (how.equals("step")) return true;
        problems.add(r.get("interpolate").location(), "`" + path + ".interpolate` is `linear` or `step`, not `" + how + "`"
                + Suggest.didYouMean(how, List.of("linear", "step")));
        return false;
    }

    private static Integer year(String text) {
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private Series scalarSeries(Node.ScalarNode s, String path) {
        switch (s.kind()) {
            case NULL -> {
                problems.add(s.location(), "`" + path + "` is empty; give a number, a name or an =expression");
                return null;
            }
            case BOOLEAN -> {
                problems.add(s.location(), "`" + path + "` is `" + s.text() + "`; a series is a number, a name or an =expression");
                return null;
            }
            default -> { }
        }
        String text = s.text().strip();
        Double number = Numbers.parse(text);
        if (number != null) return new Series.Constant(number, s.location());
        if (text.startsWith("=")) {
            String body = text.substring(1);
            int lead = s.text().indexOf('=') + 1;
            Location at = s.location().shift(lead);
            try {
                return new Series.Formula(body, Parser.parse(body), at);
            } catch (ExpressionException e) {
                boolean cut = body.chars().filter(ch -> ch == '(').count() > body.chars().filter(ch -> ch == ')').count();
                problems.add(at.shift(e.offset()), "`" + path + "`: " + e.getMessage() + (cut ? " (in a {...} mapping or "
                        + "[...] list a comma ends the value: put the expression in quotes, \"=max(0, a - b)\")" : ""));
                return null;
            }
        }
        if (NAME_REF.matcher(text).matches()) return new Series.Ref(text, s.location());
        if (Numbers.looksNumeric(text)) {
            problems.add(s.location(), "`" + path + "`: " + Numbers.badNumber(s.text()));
        } else {
            problems.add(s.location(), "`" + path + "`: `" + s.text() + "` is not a number, a name or an =expression "
                    + "(expressions start with `=`, e.g. \"=max(0, pay - cpi)\")");
        }
        return null;
    }

    private Series csvSeries(String file, String column, Location fileAt, Location columnAt, boolean step, String path) {
        // a CSV named in a file is relative to that file; one given on the command line (--set), to the current folder
        Path csv;
        try {
            csv = fileAt.line() == 0 && fileAt.file().startsWith("--set ") ? Path.of(file)
                    : org.pressure.engine.scenario.FileAccess.resolve(file, Path.of(fileAt.file()), fileAt, path + ".csv");
        } catch (ScenarioException | java.nio.file.InvalidPathException e) {
            problems.add(fileAt, e instanceof ScenarioException se ? se.problems().get(0).message()
                    : "`" + path + ".csv` is not a valid file path");
            return null;
        }
        if (!Files.exists(csv)) {
            problems.add(fileAt, "`" + path + ".csv`: no such file `" + file + "` (looked for " + csv.normalize() + ")");
            return null;
        }
        try {
            Map<Integer, Double> points = CsvSeriesReader.read(csv, column);
            if (points.isEmpty()) {
                problems.add(columnAt, "`" + path + "`: column `" + column + "` of " + file + " has no values");
                return null;
            }
            return new Series.Values(new TreeMap<>(points), step, fileAt);
        } catch (ScenarioException e) {
            // a problem with the CSV as a whole (not an ordinary file, not UTF-8...) is shown at the `csv:` that names it
            for (var p : e.problems()) {
                if (p.location().line() == 0) problems.add(fileAt, "`" + path + ".csv` (" + file + ") " + p.message());
                else problems.add(p.location(), p.message());
            }
            return null;
        } catch (IOException e) {
            problems.add(fileAt, "`" + path + ".csv`: cannot read " + file + ": " + e.getMessage());
            return null;
        }
    }
}
