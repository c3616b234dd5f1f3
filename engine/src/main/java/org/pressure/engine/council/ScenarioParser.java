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
import org.pressure.engine.diagnostics.Location;
import org.pressure.engine.diagnostics.Problems;
import org.pressure.engine.diagnostics.ScenarioException;
import org.pressure.engine.diagnostics.Suggest;
import org.pressure.engine.diagnostics.Warnings;
import org.pressure.engine.expr.ExpressionException;
import org.pressure.engine.expr.Parser;
import org.pressure.engine.scenario.MapReader;
import org.pressure.engine.scenario.Node;
import org.pressure.engine.scenario.Numbers;

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
            "drivers", "income", "services", "failure_demand", "budget", "agencies", "savings", "cohorts", "capital", "dsg");
    public static final List<String> SERVICE_KEYS =
            List.of("statutory", "cost", "clients", "unit_cost", "floor", "agency", "variance", "label");
    public static final List<String> LINK_KEYS =
            List.of("from", "to", "clients_per_m", "cost_per_m", "delay", "delay_type", "reference", "max");
    public static final List<String> BUDGET_KEYS = List.of("strategy", "cuts", "order", "reserves", "surplus_to_reserves",
            "ring_fenced", "persistent_cuts", "on_failure");
    public static final List<String> COUNCIL_TAX_KEYS =
            List.of("band_d", "tax_base", "rise", "referendum_limit", "precept", "collection_rate");
    public static final List<String> SAVING_KEYS = List.of("service", "amount", "from", "delivery", "one_off_cost");
    public static final List<String> CAPITAL_KEYS = List.of("cfr", "borrowing", "mrp_rate", "interest_rate");
    public static final List<String> DSG_KEYS = List.of("deficit", "in_year", "override_until");
    public static final List<String> COHORT_KEYS = List.of("states", "inflow", "exit", "transitions");
    public static final List<String> TRANSITION_KEYS = List.of("rate", "response");
    public static final List<String> RESPONSE_KEYS = List.of("service", "per_m", "max", "reference");
    /** Keys of part 2 of the model (sections 7 to 13): a file that uses any of them is set and run as section 10 says. */
    static final List<String> PART2_TOP_KEYS = List.of("agencies", "savings", "cohorts", "capital", "dsg");
    public static final List<String> RESERVES_KEYS = List.of("opening", "minimum");
    public static final List<String> TIME_KEYS = List.of("start", "end");
    /** Names of the whole-council totals; no entity may take one. */
    public static final List<String> TOTALS = Columns.TOTALS;
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

    /** Whether the file uses any key of part 2 of the model. */
    private boolean part2;
    private List<String> agencies = List.of();
    /** Each {@code label:} given, by kind and name as results.csv prefixes them ({@code service.adult_social_care}). */
    private final Map<String, String> labels = new LinkedHashMap<>();

    /** Longest label kept: a label is a name for a chart legend or a slider, not a description. */
    static final int MAX_LABEL = 80;

    /** Records {@code n} as the label of {@code kind.name}; a label is one line of text. */
    private void label(String kind, String name, Node n, String path) {
        if (n == null) return;
        if (!(n instanceof Node.ScalarNode s) || s.kind() == Node.ScalarKind.NULL || s.text().isBlank()) {
            problems.add(n.location(), "`" + path + ".label` should be the name people read, e.g. \"Children's social care\"");
            return;
        }
        String text = s.text().strip();
        if (text.length() > MAX_LABEL || text.contains("\n")) {
            problems.add(n.location(), "`" + path + ".label` is a name for legends and sliders: one line of at most "
                    + MAX_LABEL + " characters");
            return;
        }
        labels.put(kind + "." + name, text);
    }

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

        for (String k : PART2_TOP_KEYS) if (top.has(k)) part2 = true;
        agencies = agencies(top.get("agencies"));
        Map<String, Series> drivers = namedSeries(top.get("drivers"), "drivers");
        Map<String, Series> income = namedSeries(top.get("income"), "income");
        Map<String, Scenario.Cohort> cohorts = cohorts(top.get("cohorts"));
        Map<String, Service> services = services(top.get("services"));
        List<FailureDemandLink> links = links(top.get("failure_demand"), services);
        Budget budget = budget(top.get("budget"), services, income);
        List<Scenario.Saving> savings = savings(top.get("savings"), services, start);
        responses(cohorts, services);
        Scenario.Capital capital = capital(top.get("capital"));
        Scenario.Dsg dsg = dsg(top.get("dsg"));

        problems.throwIfAny();
        Scenario.Part2 p2 = part2 ? new Scenario.Part2(true, agencies, savings, cohorts, capital, dsg) : Scenario.Part2.NONE;
        return new Scenario(name, description, sources, start, end, units, drivers, income, services, links,
                budget, file, top.location(), p2, labels);
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
            Node value = e.getValue().value();
            // a driver or income stream written as a mapping may carry a `label:` beside its series
            if (value instanceof Node.MapNode m && m.entries().containsKey("label")) {
                label(section.equals("drivers") ? "driver" : "income", e.getKey(), m.get("label"), section + "." + e.getKey());
                Map<String, Node.Entry> rest = new LinkedHashMap<>(m.entries());
                rest.remove("label");
                value = new Node.MapNode(m.location(), rest);
            }
            Series s = series(value, section + "." + e.getKey(), false);
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
            label("service", name, r.get("label"), path);
            Series cost = r.has("cost") ? series(r.get("cost"), path + ".cost", false) : null;
            Series clients = r.has("clients") ? series(r.get("clients"), path + ".clients", true) : null;
            Series unitCost = r.has("unit_cost") ? series(r.get("unit_cost"), path + ".unit_cost", false) : null;
            Series floor = r.has("floor") ? series(r.get("floor"), path + ".floor", false) : null;
            Series variance = r.has("variance") ? series(r.get("variance"), path + ".variance", false) : null;
            String agency = Service.COUNCIL;
            if (r.has("agency") || r.has("variance")) part2 = true;
            if (r.has("agency")) {
                agency = r.text("agency", Service.COUNCIL);
                if (!agency.equals(Service.COUNCIL) && !agencies.contains(agency)) {
                    problems.add(r.get("agency").location(), "`" + path + ".agency` names `" + agency + "`, which is not "
                            + "listed in `agencies` (the public bodies other than the council)"
                            + Suggest.didYouMean(agency, agencies));
                    agency = Service.COUNCIL;
                }
            }
            boolean ok = validName;
            if (!agency.equals(Service.COUNCIL)) {
                for (String k : List.of("floor", "variance")) {
                    if (r.has(k)) {
                        problems.add(r.node().keyLocation(k), "`" + path + "." + k + "`: `" + name + "` belongs to `"
                                + agency + "`, not the council; only council services are budgeted, so it takes no " + k);
                        ok = false;
                    }
                }
                if (r.has("statutory") && !statutory) {
                    problems.add(r.node().keyLocation("statutory"), "`" + path + ".statutory: false`: `" + name
                            + "` belongs to `" + agency + "`, whose services the council never cuts; remove `statutory`");
                    ok = false;
                }
            }
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
            if (r.has("floor") && agency.equals(Service.COUNCIL)) {
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
                out.put(name, new Service(name, statutory, cost, clients, unitCost, floor, r.location(), agency, variance));
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
            double max = Double.NaN;
            if (r.has("max")) {
                part2 = true;
                max = MapReader.number(r.get("max"), path + ".max", problems, Double.NaN);
                if (Double.isNaN(max)) {
                    ok = false;
                } else if (!(max > 0) || Double.isInfinite(max)) {
                    problems.add(r.get("max").location(), "`" + path + ".max` is the most the link can add, in its own "
                            + "units (clients, or £m for cost_per_m), and must be above 0, not " + ((Node.ScalarNode) r.get("max")).text());
                    ok = false;
                }
            }
            // a coefficient that did not read (a bad expression) has been reported already
            if (ok && (perM != null) != (costPerM != null)) {
                out.add(new FailureDemandLink(from, to, perM, costPerM, delay, type, reference, r.location(), max));
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

    private Budget budget(Node n, Map<String, Service> services, Map<String, Series> income) {
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
        Series minimumSeries = null, openingSeries = null;
        Node res = r.get("reserves");
        if (res != null) {
            MapReader rr = MapReader.of(res, "`budget.reserves`", RESERVES_KEYS, problems);
            if (rr != null) {
                if (rr.get("opening") instanceof Node.InputNode in) {
                    // a sweep's parameter (or a lever): the first year's balance each run gives, else the number written
                    opening = MapReader.number(in.replaced(), "budget.reserves.opening", problems, 0);
                    openingSeries = new Series.Input(in.input(), new Series.Constant(opening, in.replaced().location()),
                            in.location());
                } else {
                    opening = rr.number("opening", 0);
                }
                Node m = rr.get("minimum");
                if (m != null) {
                    Series ms = series(m, "budget.reserves.minimum", false);
                    if (ms instanceof Series.Constant mc) {
                        minimum = mc.value();
                    } else if (ms instanceof Series.Input in && in.original() instanceof Series.Constant mc) {
                        // a sweep's parameter (or a lever) in place of a fixed minimum: still part 1
                        minimum = mc.value();
                        minimumSeries = ms;
                    } else if (ms != null) {
                        minimumSeries = ms;
                        part2 = true;
                    }
                }
            }
        }
        boolean surplus = r.bool("surplus_to_reserves", true);
        for (String k : List.of("ring_fenced", "persistent_cuts", "on_failure")) if (r.has(k)) part2 = true;
        boolean persistent = r.bool("persistent_cuts", false);
        Budget.OnFailure onFailure = Budget.OnFailure.DEFAULT;
        String f = r.text("on_failure", "deficit");
        switch (f) {
            case "deficit" -> onFailure = Budget.OnFailure.DEFICIT;
            case "efs" -> onFailure = Budget.OnFailure.EFS;
            default -> problems.add(r.get("on_failure").location(), "`budget.on_failure` is `deficit` (reserves may go "
                    + "below the minimum) or `efs` (exceptional financial support restores them), not `" + f + "`"
                    + Suggest.didYouMean(f, List.of("deficit", "efs")));
        }
        Map<String, String> ringFenced = new LinkedHashMap<>();
        Node rf = r.get("ring_fenced");
        if (rf != null) {
            if (!(rf instanceof Node.MapNode rfm)) {
                problems.add(rf.location(), "`budget.ring_fenced` should map income streams to the statutory service each "
                        + "may fund, e.g. {public_health_grant: public_health}, not " + rf.kindName());
            } else {
                for (var e : rfm.entries().entrySet()) {
                    String stream = e.getKey();
                    Node target = e.getValue().value();
                    if (!income.containsKey(stream)) {
                        problems.add(e.getValue().keyLocation(), "`budget.ring_fenced` names `" + stream
                                + "`, which is not an income stream" + Suggest.didYouMean(stream, income.keySet()));
                        continue;
                    }
                    if (!(target instanceof Node.ScalarNode ts) || ts.kind() != Node.ScalarKind.STRING) {
                        problems.add(target.location(), "`budget.ring_fenced." + stream + "` should name the service it "
                                + "funds, not " + target.kindName());
                        continue;
                    }
                    String svc = ts.text();
                    Service service = services.get(svc);
                    if (service == null) {
                        if (!declaredServices.contains(svc)) {
                            problems.add(target.location(), "`budget.ring_fenced." + stream + "` names `" + svc
                                    + "`, which is not a service" + Suggest.didYouMean(svc, declaredServices));
                        }
                    } else if (!service.council()) {
                        problems.add(target.location(), "`budget.ring_fenced." + stream + "` names `" + svc + "`, a service of `"
                                + service.agency() + "`; a council grant can be ring-fenced only to a council service");
                    } else if (!service.statutory() && !statutoryUnsure.contains(svc)) {
                        problems.add(target.location(), "`budget.ring_fenced." + stream + "` names `" + svc
                                + "`, a discretionary service; a ring-fenced grant funds a statutory service, which is "
                                + "never cut (make `" + svc + "` statutory, or leave the grant un-ring-fenced)");
                    } else {
                        ringFenced.put(stream, svc);
                    }
                }
            }
        }
        return new Budget(strategy, mode, order, opening, minimum, surplus, minimumSeries, ringFenced, persistent, onFailure,
                openingSeries);
    }

    // ---------------------------------------------------------------- part 2

    private List<String> agencies(Node n) {
        List<String> out = new ArrayList<>();
        if (n == null || n instanceof Node.ScalarNode s && s.kind() == Node.ScalarKind.NULL) return out;
        if (!(n instanceof Node.ListNode list)) {
            problems.add(n.location(), "`agencies` should be a list of the public bodies other than the council, e.g. "
                    + "[nhs, police], not " + n.kindName());
            return out;
        }
        for (Node item : list.items()) {
            // an agency with a label: {name: nhs, label: NHS}
            if (item instanceof Node.MapNode m) {
                MapReader r = MapReader.of(m, "an agency", List.of("name", "label"), problems);
                Node nameNode = m.get("name");
                if (r == null || nameNode == null) {
                    if (nameNode == null) problems.add(m.location(), "an agency written as a mapping needs `name:` (and "
                            + "`label:`), e.g. {name: nhs, label: NHS}");
                    continue;
                }
                label("agency", nameNode instanceof Node.ScalarNode ns ? ns.text() : "", m.get("label"),
                        "agencies." + (nameNode instanceof Node.ScalarNode ns2 ? ns2.text() : "?"));
                item = nameNode;
            }
            if (!(item instanceof Node.ScalarNode s) || s.kind() != Node.ScalarKind.STRING
                    || !IDENTIFIER.matcher(s.text()).matches()) {
                problems.add(item.location(), "each of `agencies` is a name of letters, digits and _ (e.g. `nhs`), not "
                        + (item instanceof Node.ScalarNode s2 ? "`" + s2.text() + "`" : item.kindName()));
            } else if (s.text().equals(Service.COUNCIL)) {
                problems.add(item.location(), "`council` is always an agency and is not listed under `agencies`");
            } else if (out.contains(s.text())) {
                problems.add(item.location(), "`agencies` lists `" + s.text() + "` twice");
            } else {
                out.add(s.text());
            }
        }
        return out;
    }

    private List<Scenario.Saving> savings(Node n, Map<String, Service> services, int start) {
        List<Scenario.Saving> out = new ArrayList<>();
        if (n == null || n instanceof Node.ScalarNode s && s.kind() == Node.ScalarKind.NULL) return out;
        if (!(n instanceof Node.MapNode map)) {
            problems.add(n.location(), "`savings` should map programme names to {service, amount, from, delivery, "
                    + "one_off_cost}, not " + n.kindName());
            return out;
        }
        Set<String> names = new java.util.HashSet<>();
        for (var e : map.entries().entrySet()) {
            String name = e.getKey();
            String path = "savings." + name;
            if (!IDENTIFIER.matcher(name).matches()) {
                problems.add(e.getValue().keyLocation(), "`" + name + "` in `savings` is not a valid name: use letters, "
                        + "digits and _, starting with a letter or _");
                continue;
            }
            names.add(name);
            MapReader r = MapReader.of(e.getValue().value(), "`" + path + "`", SAVING_KEYS, problems);
            if (r == null) continue;
            Node svcNode = r.require("service", "`" + path + "`");
            Node amountNode = required(r, "amount", path, "the saving, £m a year");
            String svc = null;
            if (svcNode != null) {
                String text = svcNode instanceof Node.ScalarNode sn ? sn.text() : null;
                Service service = text == null ? null : services.get(text);
                if (text == null || !declaredServices.contains(text)) {
                    problems.add(svcNode.location(), "`" + path + ".service` names `" + text + "`, which is not a service"
                            + (text == null ? "" : Suggest.didYouMean(text, declaredServices)));
                } else if (service != null && !service.council()) {
                    problems.add(svcNode.location(), "`" + path + ".service` names `" + text + "`, a service of `"
                            + service.agency() + "`; savings programmes are the council's, on council services");
                } else if (service != null) {
                    svc = text;
                }
            }
            Series amount = amountNode == null ? null : series(amountNode, path + ".amount", false);
            Series delivery = r.has("delivery") ? series(r.get("delivery"), path + ".delivery", false)
                    : new Series.Constant(1, r.location());
            int from = r.integer("from", start);
            double oneOff = r.number("one_off_cost", 0);
            if (amount instanceof Series.Constant c && c.value() < 0) {
                problems.add(c.location(), "`" + path + ".amount` is a saving, a positive sum of £m a year, not "
                        + ResultsWriter.number(c.value()) + "; to add spending, raise the service's cost");
                continue;
            }
            if (delivery instanceof Series.Constant c && (c.value() < 0 || c.value() > 1)) {
                problems.add(c.location(), "`" + path + ".delivery` is the share of the saving delivered, from 0% to "
                        + "100%, not " + ResultsWriter.number(c.value() * 100) + "%");
                continue;
            }
            if (svc != null && amount != null && delivery != null) {
                out.add(new Scenario.Saving(name, svc, amount, from, delivery, oneOff, r.location()));
            }
        }
        return out;
    }

    private Scenario.Capital capital(Node n) {
        if (n == null) return null;
        MapReader r = MapReader.of(n, "`capital`", CAPITAL_KEYS, problems);
        if (r == null) return null;
        Node cfrNode = required(r, "cfr", "capital", "the capital financing requirement at the start, £m");
        double cfr = cfrNode == null ? 0 : r.number("cfr", 0);
        Series borrowing = optionalSeries(r, "borrowing", "capital.borrowing");
        Series mrp = optionalSeries(r, "mrp_rate", "capital.mrp_rate");
        Series interest = optionalSeries(r, "interest_rate", "capital.interest_rate");
        if (cfrNode == null || borrowing == null || mrp == null || interest == null) return null;
        return new Scenario.Capital(cfr, borrowing, mrp, interest, r.location());
    }

    private Scenario.Dsg dsg(Node n) {
        if (n == null) return null;
        MapReader r = MapReader.of(n, "`dsg`", DSG_KEYS, problems);
        if (r == null) return null;
        double deficit = r.number("deficit", 0);
        Series inYear = optionalSeries(r, "in_year", "dsg.in_year");
        int overrideUntil = r.integer("override_until", Integer.MAX_VALUE);
        if (!r.has("override_until")) {
            // legal, but the national override has an end: say what the file means
            warnings.add(r.location(), "`dsg` gives no `override_until`, so the schools deficit is held apart for the "
                    + "whole projection and never falls on reserves; the national override runs to 2027/28 (write 2027)");
        }
        if (inYear == null) return null;
        return new Scenario.Dsg(deficit, inYear, overrideUntil, r.location());
    }

    /** A required key, or null after saying what it is for. */
    private Node required(MapReader r, String key, String path, String meaning) {
        Node n = r.get(key);
        if (n == null) problems.add(r.location(), "`" + path + "` needs `" + key + "`, " + meaning);
        return n;
    }

    /** A series that defaults to 0; null only after a problem is reported. */
    private Series optionalSeries(MapReader r, String key, String path) {
        return r.has(key) ? series(r.get(key), path, false) : new Series.Constant(0, r.location());
    }

    private Map<String, Scenario.Cohort> cohorts(Node n) {
        Map<String, Scenario.Cohort> out = new LinkedHashMap<>();
        if (n == null || n instanceof Node.ScalarNode s && s.kind() == Node.ScalarKind.NULL) return out;
        if (!(n instanceof Node.MapNode map)) {
            problems.add(n.location(), "`cohorts` should map cohort names to {states, inflow, exit, transitions}, not "
                    + n.kindName());
            return out;
        }
        for (var e : map.entries().entrySet()) {
            String name = e.getKey();
            String path = "cohorts." + name;
            if (!entityName(name, e.getValue().keyLocation(), "`cohorts`")) continue;
            MapReader r = MapReader.of(e.getValue().value(), "`" + path + "`", COHORT_KEYS, problems);
            if (r == null) continue;
            int before = problems.size();
            Map<String, Double> states = new LinkedHashMap<>();
            Node statesNode = required(r, "states", path, "each state's number of people at the start");
            if (statesNode != null && !(statesNode instanceof Node.MapNode)) {
                problems.add(statesNode.location(), "`" + path + ".states` should map state names to people at the start, "
                        + "e.g. {homeless: 900, stable: 300}");
            } else if (statesNode instanceof Node.MapNode sm) {
                for (var st : sm.entries().entrySet()) {
                    if (!IDENTIFIER.matcher(st.getKey()).matches() || st.getKey().equals("total")) {
                        problems.add(st.getValue().keyLocation(), "`" + st.getKey() + "` in `" + path + ".states` is not a "
                                + "valid state name: use letters, digits and _ (`total` is reserved for the cohort's sum)");
                        continue;
                    }
                    double v = MapReader.number(st.getValue().value(), path + ".states." + st.getKey(), problems, Double.NaN);
                    if (v < 0) {
                        problems.add(st.getValue().value().location(), "`" + path + ".states." + st.getKey()
                                + "` is a number of people, at least 0, not " + ResultsWriter.number(v));
                    } else if (!Double.isNaN(v)) {
                        states.put(st.getKey(), v);
                    }
                }
                if (sm.entries().isEmpty()) problems.add(sm.location(), "`" + path + ".states` needs at least one state");
            }
            Map<String, Series> inflow = stateSeries(r, "inflow", path, states.keySet());
            Map<String, Series> exit = stateSeries(r, "exit", path, states.keySet());
            List<Scenario.Transition> transitions = new ArrayList<>();
            Node tn = r.get("transitions");
            if (tn != null && !(tn instanceof Node.MapNode)) {
                problems.add(tn.location(), "`" + path + ".transitions` should map `FROM->TO` to a yearly rate, e.g. "
                        + "{homeless->stable: 10%}");
            } else if (tn instanceof Node.MapNode tm) {
                for (var t : tm.entries().entrySet()) {
                    String key = t.getKey();
                    String tpath = path + ".transitions." + key;
                    String[] ends = key.split("->", -1);
                    if (ends.length != 2) {
                        problems.add(t.getValue().keyLocation(), "`" + tpath + "`: a transition is written `FROM->TO`, "
                                + "e.g. `homeless->stable`");
                        continue;
                    }
                    String from = ends[0].strip(), to = ends[1].strip();
                    boolean known = true;
                    for (String st : List.of(from, to)) {
                        if (!states.containsKey(st)) {
                            problems.add(t.getValue().keyLocation(), "`" + tpath + "` names `" + st + "`, which is not a "
                                    + "state of `" + name + "`" + Suggest.didYouMean(st, states.keySet()));
                            known = false;
                        }
                    }
                    if (known && from.equals(to)) {
                        problems.add(t.getValue().keyLocation(), "`" + tpath + "` goes from a state to itself; people who "
                                + "stay are what is left after every transition and exit");
                        known = false;
                    }
                    Node v = t.getValue().value();
                    Series rate;
                    Scenario.Response response = null;
                    if (v instanceof Node.MapNode vm && (vm.entries().containsKey("rate") || vm.entries().containsKey("response"))) {
                        MapReader tr = MapReader.of(vm, "`" + tpath + "`", TRANSITION_KEYS, problems);
                        Node rn = tr.require("rate", "`" + tpath + "`");
                        rate = rn == null ? null : series(rn, tpath + ".rate", false);
                        if (tr.has("response")) response = response(tr.get("response"), tpath + ".response");
                        if (tr.has("response") && response == null) known = false;
                    } else {
                        rate = series(v, tpath, false);
                    }
                    if (known && rate != null) {
                        transitions.add(new Scenario.Transition(from, to, rate, response, t.getValue().keyLocation()));
                    }
                }
            }
            if (problems.size() == before) {
                out.put(name, new Scenario.Cohort(name, states, inflow, exit, transitions, r.location()));
            }
        }
        return out;
    }

    private Map<String, Series> stateSeries(MapReader r, String key, String path, Set<String> states) {
        Map<String, Series> out = new LinkedHashMap<>();
        Node n = r.get(key);
        if (n == null) return out;
        if (!(n instanceof Node.MapNode m)) {
            problems.add(n.location(), "`" + path + "." + key + "` should map state names to series, e.g. {homeless: 200}");
            return out;
        }
        for (var e : m.entries().entrySet()) {
            if (!states.contains(e.getKey())) {
                problems.add(e.getValue().keyLocation(), "`" + path + "." + key + "` names `" + e.getKey()
                        + "`, which is not a state" + Suggest.didYouMean(e.getKey(), states));
                continue;
            }
            Series s = series(e.getValue().value(), path + "." + key + "." + e.getKey(), false);
            if (s != null) out.put(e.getKey(), s);
        }
        return out;
    }

    /** A transition's response, with its service checked later (services are read after cohorts). */
    private Scenario.Response response(Node n, String path) {
        MapReader r = MapReader.of(n, "`" + path + "`", RESPONSE_KEYS, problems);
        if (r == null) return null;
        Node svc = required(r, "service", path, "the service whose funding moves the rate");
        Node perM = required(r, "per_m", path, "the change in the yearly rate per £1m above the reference");
        Series k = perM == null ? null : series(perM, path + ".per_m", false);
        double max = Double.NaN;
        if (r.has("max")) {
            max = MapReader.number(r.get("max"), path + ".max", problems, Double.NaN);
            if (!(max > 0)) {
                problems.add(r.get("max").location(), "`" + path + ".max` is the most the response moves the rate, above 0");
                return null;
            }
        }
        Series reference = r.has("reference") ? series(r.get("reference"), path + ".reference", false) : null;
        if (svc == null || k == null || r.has("reference") && reference == null) return null;
        String name = svc instanceof Node.ScalarNode s ? s.text() : "";
        return new Scenario.Response(name, k, max, reference, svc.location());
    }

    /** Checks that each cohort response names a service, now that services are read. */
    private void responses(Map<String, Scenario.Cohort> cohorts, Map<String, Service> services) {
        for (Scenario.Cohort c : cohorts.values()) {
            for (Scenario.Transition t : c.transitions()) {
                Scenario.Response r = t.response();
                if (r != null && !services.containsKey(r.service()) && !declaredServices.contains(r.service())) {
                    problems.add(r.location(), "`cohorts." + c.name() + ".transitions." + t.from() + "->" + t.to()
                            + ".response.service` names `" + r.service() + "`, which is not a service"
                            + Suggest.didYouMean(r.service(), declaredServices));
                }
            }
        }
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
        if (n instanceof Node.InputNode in) {
            Series original = series(in.replaced(), path, clients);
            return original == null ? null : new Series.Input(in.input(), original, in.location());
        }
        if (n instanceof Node.ScalarNode s) return scalarSeries(s, path);
        if (n instanceof Node.ListNode) {
            problems.add(n.location(), "`" + path + "` should be a series (a number, a name, an =expression, "
                    + "{start, growth}, {values} or {csv, column}), not a list");
            return null;
        }
        Node.MapNode map = (Node.MapNode) n;
        Set<String> keys = map.entries().keySet();
        if (keys.contains("band_d")) {
            if (!path.startsWith("income.") || path.indexOf('.', 7) >= 0) {
                problems.add(map.location(), "`" + path + "`: council tax as `band_d` times `tax_base` is an income "
                        + "stream, written directly under `income`");
                return null;
            }
            part2 = true;
            MapReader r = MapReader.of(map, "`" + path + "`", COUNCIL_TAX_KEYS, problems);
            double bandD = r.number("band_d", Double.NaN);
            Node base = required(r, "tax_base", path, "Band D equivalent homes");
            Node rise = required(r, "rise", path, "the council's chosen yearly rise, e.g. 4.99%");
            Series taxBase = base == null ? null : series(base, path + ".tax_base", false);
            Series riseS = rise == null ? null : series(rise, path + ".rise", false);
            Series limit = r.has("referendum_limit") ? series(r.get("referendum_limit"), path + ".referendum_limit", false) : null;
            Series precept = r.has("precept") ? series(r.get("precept"), path + ".precept", false) : null;
            Series collection = r.has("collection_rate") ? series(r.get("collection_rate"), path + ".collection_rate", false)
                    : new Series.Constant(1, map.location());
            if (Double.isNaN(bandD) || taxBase == null || riseS == null || collection == null
                    || r.has("referendum_limit") && limit == null || r.has("precept") && precept == null) {
                return null;
            }
            return new Series.CouncilTax(bandD, taxBase, riseS, limit, precept, collection, map.location());
        }
        if (keys.contains("start") || keys.contains("growth")) {
            MapReader r = MapReader.of(map, "`" + path + "`", List.of("start", "growth"), problems);
            Node startNode = r.require("start", "`" + path + "` ({start, growth})");
            Node growthNode = r.require("growth", "`" + path + "` ({start, growth})");
            Series start = null;
            if (startNode instanceof Node.InputNode in) {
                // a sweep's parameter: the first year's value each run gives, else the number written
                double written = MapReader.number(in.replaced(), path + ".start", problems, 0);
                start = new Series.Input(in.input(), new Series.Constant(written, in.replaced().location()), in.location());
            } else if (startNode != null) {
                start = new Series.Constant(MapReader.number(startNode, path + ".start", problems, 0), startNode.location());
            }
            Series growth = growthNode == null ? null : series(growthNode, path + ".growth", false);
            return growth == null || start == null ? null : new Series.Growth(start, growth, map.location());
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
            csv = fileAt.isOption() ? Path.of(file)
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
