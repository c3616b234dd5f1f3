package org.pressure.engine.council;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pressure.engine.diagnostics.Problems;
import org.pressure.engine.diagnostics.ScenarioException;
import org.pressure.engine.diagnostics.Suggest;
import org.pressure.engine.expr.Builtins;
import org.pressure.engine.expr.Compiler;
import org.pressure.engine.expr.ExpressionException;
import org.pressure.engine.model.Eval;
import org.pressure.engine.model.JavaCode;
import org.pressure.engine.model.Model;
import org.pressure.engine.model.ModelBuilder;

/**
 * Compiles a {@link Scenario} into a generic stock-and-flow {@link Model}: one slot per
 * quantity of docs/model.md (the {@code results.csv} column names), plus internal slots for
 * growth series, failure-demand shortfalls and the reserves balance. Balancing is one part,
 * {@link BudgetBalancer}; everything else is a formula.
 */
public final class CouncilCompiler {
    private final Scenario sc;
    private final ModelBuilder builder;
    private final Problems problems = new Problems();
    private final Map<String, Compiler.Ref> names = new LinkedHashMap<>();
    private final List<CompiledScenario.Column> columns = new ArrayList<>();
    private int anonymous;
    /** The Java form of formulas built here, for generated code (Constant and Read need none). */
    private final Map<Eval, JavaCode> javaOf = new java.util.IdentityHashMap<>();

    private CouncilCompiler(Scenario sc, List<String> inputs) {
        this.sc = sc;
        this.builder = new ModelBuilder(sc.start(), 1, sc.years());
        for (String input : inputs) names.put(input, Compiler.Ref.variable(builder.input("input." + input)));
    }

    /** Compiles, or throws {@link ScenarioException} naming every unknown name and same-year cycle. */
    public static CompiledScenario compile(Scenario scenario) {
        return new CouncilCompiler(scenario, List.of()).compile();
    }

    /**
     * Compiles with named inputs: expressions may read each name, and each run gives their
     * values ({@link CompiledScenario#run(double[])}). Sweeps put an input where a parameter goes.
     */
    public static CompiledScenario compile(Scenario scenario, List<String> inputs) {
        return new CouncilCompiler(scenario, inputs).compile();
    }

    private CompiledScenario compile() {
        // 1. every named quantity gets its slot, so formulas can refer to any of them
        for (String t : ScenarioParser.TOTALS) slot(t, t);
        int surplusIn = builder.slot("surplus_to_reserves");
        for (String d : sc.drivers().keySet()) slot("driver." + d, d);
        for (String i : sc.income().keySet()) slot("income." + i, i);
        boolean part2 = sc.part2().used();
        for (Scenario.Cohort c : sc.part2().cohorts().values()) {
            for (String st : c.states().keySet()) slot("cohort." + c.name() + "." + st, c.name() + "." + st);
            slot("cohort." + c.name() + ".total", c.name() + ".total");
        }
        for (Service s : sc.services().values()) {
            String p = "service." + s.name();
            slot(p + ".cost", s.name() + ".cost");
            if (s.clientBased()) {
                slot(p + ".clients", s.name() + ".clients");
                slot(p + ".unit_cost", s.name() + ".unit_cost");
                slot(p + ".failure_clients", s.name() + ".failure_clients");
            }
            if (s.statutory() && !(part2 && s.council())) {
                names.put(s.name() + ".funded", Compiler.Ref.variable(builder.find(p + ".cost")));
                names.put(s.name() + ".cut", Compiler.Ref.of(Eval.constant(0)));
            } else if (s.statutory()) {
                // part 2: a statutory service is funded at its budget, its cost less savings
                slot(p + ".funded", s.name() + ".funded");
                names.put(s.name() + ".cut", Compiler.Ref.of(Eval.constant(0)));
            } else {
                slot(p + ".funded", s.name() + ".funded");
                slot(p + ".cut", s.name() + ".cut");
            }
            builder.slot(p + ".failure_cost");
        }
        names.put("year", Compiler.Ref.of(withJava((v, step) -> sc.start() + step,
                step -> "((double) (" + sc.start() + " + " + step + "))")));
        names.put("start_year", Compiler.Ref.of(Eval.constant(sc.start())));
        names.put("end_year", Compiler.Ref.of(Eval.constant(sc.end())));

        // 2. the parts that compute them
        for (var d : sc.drivers().entrySet()) define(d.getKey(), d.getValue(), builder.find("driver." + d.getKey()));
        for (var i : sc.income().entrySet()) define(i.getKey(), i.getValue(), builder.find("income." + i.getKey()));
        sum("income", sc.income().keySet().stream().map(i -> "income." + i).toList());

        Map<String, List<LinkTerm>> termsInto = failureDemand();
        for (Service s : sc.services().values()) service(s, termsInto.getOrDefault(s.name(), List.of()));

        if (part2) {
            Part2Compiler.compile(this, surplusIn);
        } else {
            List<Service> statutory = sc.services().values().stream().filter(Service::statutory).toList();
            List<Service> discretionary = sc.services().values().stream().filter(s -> !s.statutory()).toList();
            sum("statutory_spend", statutory.stream().map(s -> "service." + s.name() + ".cost").toList());
            sum("discretionary_planned", discretionary.stream().map(s -> "service." + s.name() + ".cost").toList());
            int income = builder.find("income"), stat = builder.find("statutory_spend");
            int planned = builder.find("discretionary_planned"), gap = builder.find("budget_gap");
            builder.assign("budget_gap", sc.location(), gap, Set.of(income, stat, planned),
                    (v, step) -> Math.max(0, v[stat][step] + v[planned][step] - v[income][step]),
                    "Math.max(0, v[" + stat + "][t] + v[" + planned + "][t] - v[" + income + "][t])");
            balancer(discretionary, surplusIn);
        }

        problems.throwIfAny();
        Model model = builder.build(problems);
        problems.throwIfAny();
        columns();
        return new CompiledScenario(sc, model, columns, riseChecks);
    }

    private void slot(String slotName, String exprName) {
        names.put(exprName, Compiler.Ref.variable(builder.slot(slotName)));
    }

    void sum(String total, List<String> parts) {
        int target = builder.find(total);
        int[] slots = parts.stream().mapToInt(builder::find).toArray();
        Set<Integer> reads = new HashSet<>();
        for (int s : slots) reads.add(s);
        StringBuilder java = new StringBuilder("0.0");
        for (int s : slots) java.insert(0, "(").append(" + v[").append(s).append("][t])");
        builder.assign(total, sc.location(), target, reads, (v, step) -> {
            double x = 0;
            for (int s : slots) x += v[s][step];
            return x;
        }, java.toString());
    }

    // ------------------------------------------------------------ series

    /** Adds the part that computes {@code series} into {@code slot}. */
    private void define(String partName, Series series, int slot) {
        Set<Integer> reads = new HashSet<>();
        if (series instanceof Series.CouncilTax ct) {
            councilTax(partName, ct, slot);
        } else if (series instanceof Series.Growth g) {
            Eval growth = eval(g.growth(), partName, reads);
            double start = g.start();
            builder.add(partName, g.location(), new int[] {slot}, reads, growthEquation(slot, start, growth),
                    growthJava(slot, start, growth));
        } else {
            Eval e = eval(series, partName, reads);
            builder.assign(partName, series.location(), slot, reads, e, javaAt(e, "t"));
        }
    }

    /**
     * Council tax as Band D times tax base (section 8): the Band D charge is carried from year to
     * year, rising by the chosen rise capped at the referendum limit, plus the precept.
     */
    private void councilTax(String partName, Series.CouncilTax ct, int slot) {
        int base = seriesSlot(ct.taxBase(), partName + ".tax_base");
        int rise = seriesSlot(ct.rise(), partName + ".rise");
        int limit = ct.limit() == null ? -1 : seriesSlot(ct.limit(), partName + ".referendum_limit");
        int precept = ct.precept() == null ? -1 : seriesSlot(ct.precept(), partName + ".precept");
        int collection = seriesSlot(ct.collectionRate(), partName + ".collection_rate");
        int band = builder.slot("council_tax." + partName + ".band_d");
        double bandD = ct.bandD();
        Set<Integer> reads = new HashSet<>(Set.of(base, rise, collection));
        if (limit >= 0) reads.add(limit);
        if (precept >= 0) reads.add(precept);
        builder.add(partName, ct.location(), new int[] {band, slot}, reads, (v, t) -> {
            double b = bandD;
            if (t > 0) {
                double r = limit >= 0 ? Math.min(v[rise][t], v[limit][t]) : v[rise][t];
                b = v[band][t - 1] * (1 + r + (precept >= 0 ? v[precept][t] : 0));
            }
            v[band][t] = b;
            v[slot][t] = b * v[base][t] * v[collection][t] / 1_000_000;
        });
        if (limit >= 0) riseChecks.add(new CompiledScenario.RiseCheck(partName, ct.rise().location(), rise, limit));
    }

    /** Referendum limits to check after a run, for warnings. */
    private final List<CompiledScenario.RiseCheck> riseChecks = new ArrayList<>();

    /** The slot holding {@code series}: the slot it reads when it is a plain read, else a new one. */
    int seriesSlot(Series series, String owner) {
        Set<Integer> reads = new HashSet<>();
        Eval e = eval(series, owner, reads);
        if (e instanceof Eval.Read r) return r.slot();
        int slot = builder.slot("series." + (++anonymous) + "." + owner);
        builder.assign(owner, series.location(), slot, reads, e, javaAt(e, "t"));
        return slot;
    }

    ModelBuilder builder() {
        return builder;
    }

    Scenario scenario() {
        return sc;
    }

    Problems problems() {
        return problems;
    }

    /** The Java form of a formula built here, or null if it has none. */
    private JavaCode java(Eval e) {
        if (e instanceof Eval.Constant c) return JavaCode.constant(c.value());
        if (e instanceof Eval.Read r) return JavaCode.read(r.slot());
        return javaOf.get(e);
    }

    private String javaAt(Eval e, String step) {
        JavaCode j = java(e);
        return j == null ? null : j.at(step);
    }

    /** Records the Java form of a formula (if there is one) and returns the formula. */
    private Eval withJava(Eval e, JavaCode code) {
        if (code != null) javaOf.put(e, code);
        return e;
    }

    /** The growth equation below as a Java statement, or null. */
    private String growthJava(int slot, double start, Eval growth) {
        String previous = "v[" + slot + "][t - 1]";
        String next;
        if (growth instanceof Eval.Constant c) {
            next = previous + " * " + JavaCode.literal(1 + c.value());
        } else {
            String g = javaAt(growth, "t");
            if (g == null) return null;
            next = previous + " * (1 + " + g + ")";
        }
        return "v[" + slot + "][t] = t == 0 ? " + JavaCode.literal(start) + " : " + next + ";";
    }

    /** v(start) = start; v(t) = v(t-1) * (1 + growth(t)), without a call through the formula when it is a constant or a read. */
    private static org.pressure.engine.model.Equation growthEquation(int slot, double start, Eval growth) {
        if (growth instanceof Eval.Constant c) {
            double factor = 1 + c.value();
            return (v, step) -> v[slot][step] = step == 0 ? start : v[slot][step - 1] * factor;
        }
        if (growth instanceof Eval.Read r) {
            int g = r.slot();
            return (v, step) -> v[slot][step] = step == 0 ? start : v[slot][step - 1] * (1 + v[g][step]);
        }
        return (v, step) -> v[slot][step] = step == 0 ? start : v[slot][step - 1] * (1 + growth.at(v, step));
    }

    /** The formula of a series; records the slots it reads this year. */
    private Eval eval(Series series, String owner, Set<Integer> reads) {
        if (series instanceof Series.Constant c) return Eval.constant(c.value());
        if (series instanceof Series.Ref r) {
            Compiler.Ref ref = names.get(r.name());
            if (ref == null) {
                problems.add(r.location(), "`" + r.name() + "` (in " + owner + ") is not a driver, income stream or model "
                        + "variable" + Suggest.didYouMean(r.name(), names.keySet()));
                return Eval.constant(0);
            }
            for (int s : ref.reads()) reads.add(s);
            return ref.eval();
        }
        if (series instanceof Series.Formula f) {
            try {
                Eval compiled = Compiler.compile(f.expr(), exprNames, reads);
                JavaCode code = JavaFormula.of(f.expr(), name -> {
                    Compiler.Ref ref = names.get(name);
                    return ref == null ? null : java(ref.eval());
                });
                return withJava(compiled, code);
            } catch (ExpressionException e) {
                problems.add(f.location().shift(e.offset()), "in " + owner + ": " + e.getMessage());
                return Eval.constant(0);
            }
        }
        if (series instanceof Series.Values values) {
            double[] byStep = new double[sc.years()];
            for (int i = 0; i < byStep.length; i++) byStep[i] = values.at(sc.start() + i);
            int table = builder.table(byStep);
            return withJava((v, step) -> byStep[step], step -> "k[" + table + "][" + step + "]");
        }
        if (series instanceof Series.Product p) {
            Eval per = eval(p.per(), owner, reads), rate = eval(p.rate(), owner, reads);
            JavaCode a = java(per), b = java(rate);
            JavaCode code = a == null || b == null ? null : step -> "(" + a.at(step) + " * " + b.at(step) + ")";
            if (per instanceof Eval.Read r && rate instanceof Eval.Constant c) {
                int slot = r.slot();
                double k = c.value();
                return withJava((v, step) -> v[slot][step] * k, code);
            }
            return withJava((v, step) -> per.at(v, step) * rate.at(v, step), code);
        }
        int slot = builder.slot("series." + (++anonymous) + "." + owner);
        define(owner, series, slot);
        reads.add(slot);
        return Eval.read(slot);
    }

    private final Compiler.Names exprNames = new Compiler.Names() {
        @Override
        public Compiler.Ref lookup(String name) {
            return names.get(name);
        }

        @Override
        public Collection<String> known() {
            return names.keySet();
        }

        @Override
        public Builtins.Context context() {
            return timeAxis;
        }
    };

    /**
     * The yearly time axis for built-ins with state (smth1, delay1, trend, ...): each internal
     * stock is a slot that starts at its initial value and then moves by one year of its rate.
     */
    private final Builtins.Context timeAxis = new Builtins.Context() {
        @Override
        public Eval time() {
            return (v, step) -> sc.start() + step;
        }

        @Override
        public double dt() {
            return 1;
        }

        @Override
        public double startTime() {
            return sc.start();
        }

        @Override
        public double stopTime() {
            return sc.end();
        }

        @Override
        public int stock(String label, Eval initial, Set<Integer> initialReads, Eval rate) {
            int slot = builder.slot("state." + (++anonymous) + "." + label);
            builder.add(label, sc.location(), new int[] {slot}, initialReads,
                    (v, step) -> v[slot][step] = step == 0 ? initial.at(v, 0) : v[slot][step - 1] + rate.at(v, step - 1));
            return slot;
        }

        @Override
        public int record(String label, Eval x, Set<Integer> reads) {
            int slot = builder.slot("state." + (++anonymous) + "." + label);
            builder.assign(label, sc.location(), slot, reads, x);
            return slot;
        }
    };

    // ------------------------------------------------------------ failure demand

    /**
     * A link's contribution to its target: coefficient this year times shortfall delayed;
     * {@code reads} are the slots it reads in the same year.
     */
    private record LinkTerm(boolean clients, Eval term, Set<Integer> reads) {}

    private Map<String, List<LinkTerm>> failureDemand() {
        Map<String, List<LinkTerm>> into = new LinkedHashMap<>();
        for (int k = 0; k < sc.links().size(); k++) {
            FailureDemandLink link = sc.links().get(k);
            String name = "failure_demand." + k;
            Service from = sc.services().get(link.from());
            int shortfall = builder.slot(name + ".shortfall");
            int fromCost = builder.find("service." + from.name() + ".cost");
            int fromFunded = builder.find("service." + from.name() + ".funded");
            if (fromFunded < 0) fromFunded = fromCost;
            Set<Integer> reads = new HashSet<>();
            int funded = fromFunded;
            Eval reference = link.reference() == null ? Eval.read(fromCost) : eval(link.reference(), name + ".reference", reads);
            if (link.reference() == null) reads.add(fromCost);
            reads.add(fromFunded);
            String referenceJava = javaAt(reference, "t");
            builder.assign(name + " shortfall (" + from.name() + ")", link.location(), shortfall, reads,
                    (v, step) -> reference.at(v, step) - v[funded][step],
                    referenceJava == null ? null : "(" + referenceJava + " - v[" + fromFunded + "][t])");

            Set<Integer> termReads = new HashSet<>();
            boolean clients = link.clientsPerM() != null;
            Eval coefficient = eval(clients ? link.clientsPerM() : link.costPerM(), name, termReads);
            Eval term = link.saturates() ? saturatingTerm(link, name, shortfall, coefficient, termReads)
                    : linearTerm(link, name, shortfall, coefficient, termReads);
            into.computeIfAbsent(link.to(), x -> new ArrayList<>()).add(new LinkTerm(clients, term, termReads));
        }
        return into;
    }

    /** A linear link: coefficient this year times the shortfall delayed (section 3). */
    private Eval linearTerm(FailureDemandLink link, String name, int shortfall, Eval coefficient, Set<Integer> termReads) {
        Eval delayed;
        if (link.delayType() == FailureDemandLink.DelayType.FIXED) {
            int d = (int) link.delay();
            delayed = withJava((v, step) -> step < d ? 0 : v[shortfall][step - d],
                    step -> "(" + step + " < " + d + " ? 0.0 : v[" + shortfall + "][" + step + " - " + d + "])");
        } else {
            // first-order delay on the annual step: a stock filled by the shortfall, drained at 1/delay a year
            double d = link.delay();
            int pipeline = builder.slot(name + ".pipeline");
            String dj = JavaCode.literal(d);
            builder.add(name + " pipeline", link.location(), new int[] {pipeline}, Set.of(),
                    (v, step) -> v[pipeline][step] = step == 0 ? 0
                            : v[pipeline][step - 1] + v[shortfall][step - 1] - v[pipeline][step - 1] / d,
                    "v[" + pipeline + "][t] = t == 0 ? 0.0 : v[" + pipeline + "][t - 1] + v[" + shortfall
                            + "][t - 1] - v[" + pipeline + "][t - 1] / " + dj + ";");
            termReads.add(pipeline);
            delayed = withJava((v, step) -> v[pipeline][step] / d,
                    step -> "(v[" + pipeline + "][" + step + "] / " + dj + ")");
        }
        if (coefficient instanceof Eval.Constant c && link.delayType() == FailureDemandLink.DelayType.FIXED) {
            double perM = c.value();
            int d = (int) link.delay();
            return withJava((v, step) -> step < d ? 0 : perM * v[shortfall][step - d], step -> "(" + step + " < " + d
                    + " ? 0.0 : " + JavaCode.literal(perM) + " * v[" + shortfall + "][" + step + " - " + d + "])");
        }
        JavaCode cj = java(coefficient), dj = java(delayed);
        return withJava((v, step) -> coefficient.at(v, step) * delayed.at(v, step),
                cj == null || dj == null ? null : step -> "(" + cj.at(step) + " * " + dj.at(step) + ")");
    }

    /**
     * A saturating link (section 13): {@code k s / (1 + |k s| / max)} in place of {@code k s}. With a
     * fixed delay, {@code s} is the shortfall {@code delay} years back and {@code k} this year's
     * coefficient; with an exponential delay the saturated response of each year enters the delay.
     */
    private Eval saturatingTerm(FailureDemandLink link, String name, int shortfall, Eval coefficient,
                                Set<Integer> termReads) {
        double max = link.max();
        if (link.delayType() == FailureDemandLink.DelayType.FIXED) {
            int d = (int) link.delay();
            return (v, step) -> step < d ? 0 : saturate(coefficient.at(v, step) * v[shortfall][step - d], max);
        }
        double d = link.delay();
        int response = builder.slot(name + ".response");
        Set<Integer> reads = new HashSet<>(termReads);
        reads.add(shortfall);
        builder.assign(name + " response", link.location(), response, reads,
                (v, step) -> saturate(coefficient.at(v, step) * v[shortfall][step], max));
        int pipeline = builder.slot(name + ".pipeline");
        builder.add(name + " pipeline", link.location(), new int[] {pipeline}, Set.of(),
                (v, step) -> v[pipeline][step] = step == 0 ? 0
                        : v[pipeline][step - 1] + v[response][step - 1] - v[pipeline][step - 1] / d);
        termReads.clear();
        termReads.add(pipeline);
        return (v, step) -> v[pipeline][step] / d;
    }

    /** {@code x / (1 + |x| / max)}: the same slope as x near 0, never beyond max either way. */
    static double saturate(double x, double max) {
        return x / (1 + Math.abs(x) / max);
    }

    // ------------------------------------------------------------ services

    private void service(Service s, List<LinkTerm> terms) {
        String p = "service." + s.name();
        String label = s.name();
        int cost = builder.find(p + ".cost");
        int failureCost = builder.find(p + ".failure_cost");
        Set<Integer> termReads = new HashSet<>();
        terms.forEach(t -> termReads.addAll(t.reads()));
        Eval[] clientTerms = terms.stream().filter(LinkTerm::clients).map(LinkTerm::term).toArray(Eval[]::new);
        Eval[] costTerms = terms.stream().filter(t -> !t.clients()).map(LinkTerm::term).toArray(Eval[]::new);

        int base;
        if (s.clientBased()) {
            base = builder.slot(p + ".base_clients");
            define(label + ".clients (before failure demand)", s.clients(), base);
            int unitCost = builder.find(p + ".unit_cost");
            define(label + ".unit_cost", s.unitCost(), unitCost);
            int failureClients = builder.find(p + ".failure_clients");
            Eval fc = total(clientTerms);
            builder.assign(label + ".failure_clients", s.location(), failureClients, termReads, fc, javaAt(fc, "t"));
            int clients = builder.find(p + ".clients");
            builder.assign(label + ".clients", s.location(), clients, Set.of(base, failureClients),
                    (v, step) -> Math.max(0, v[base][step] + v[failureClients][step]),
                    "Math.max(0, v[" + base + "][t] + v[" + failureClients + "][t])");
            Eval extra = total(costTerms);
            Set<Integer> reads = new HashSet<>(termReads);
            reads.addAll(Set.of(clients, unitCost));
            String product = "v[" + clients + "][t] * v[" + unitCost + "][t]";
            String extraJava = javaAt(extra, "t");
            builder.assign(label + ".cost", s.location(), cost, reads, costTerms.length == 0
                    ? (v, step) -> v[clients][step] * v[unitCost][step]
                    : (v, step) -> Math.max(0, v[clients][step] * v[unitCost][step] + extra.at(v, step)),
                    costTerms.length == 0 ? product : extraJava == null ? null : "Math.max(0, " + product + " + " + extraJava + ")");
            builder.assign(label + ".failure_cost", s.location(), failureCost, Set.of(cost, base, unitCost),
                    (v, step) -> v[cost][step] - Math.max(0, v[base][step]) * v[unitCost][step],
                    "v[" + cost + "][t] - Math.max(0, v[" + base + "][t]) * v[" + unitCost + "][t]");
        } else if (costTerms.length > 0) {
            base = builder.slot(p + ".base_cost");
            define(label + ".cost (before failure demand)", s.cost(), base);
            Eval extra = total(costTerms);
            Set<Integer> reads = new HashSet<>(termReads);
            reads.add(base);
            String extraJava = javaAt(extra, "t");
            builder.assign(label + ".cost", s.location(), cost, reads,
                    (v, step) -> Math.max(0, v[base][step] + extra.at(v, step)),
                    extraJava == null ? null : "Math.max(0, v[" + base + "][t] + " + extraJava + ")");
            builder.assign(label + ".failure_cost", s.location(), failureCost, Set.of(cost, base),
                    (v, step) -> v[cost][step] - v[base][step], "v[" + cost + "][t] - v[" + base + "][t]");
        } else {
            define(label + ".cost", s.cost(), cost);
            builder.assign(label + ".failure_cost", s.location(), failureCost, Set.of(), Eval.constant(0), "0.0");
        }
    }

    private Eval total(Eval[] terms) {
        if (terms.length == 0) return Eval.constant(0);
        if (terms.length == 1) return terms[0];
        List<JavaCode> codes = new ArrayList<>();
        for (Eval t : terms) codes.add(java(t));
        JavaCode code = codes.contains(null) ? null : step -> {
            String x = "0.0";
            for (JavaCode c : codes) x = "(" + x + " + " + c.at(step) + ")";
            return x;
        };
        return withJava((v, step) -> {
            double x = 0;
            for (Eval t : terms) x += t.at(v, step);
            return x;
        }, code);
    }

    // ------------------------------------------------------------ balancing

    private void balancer(List<Service> discretionary, int surplusIn) {
        int n = discretionary.size();
        int[] planned = new int[n], funded = new int[n], cut = new int[n];
        Eval[] floors = new Eval[n];
        Set<Integer> reads = new HashSet<>(Set.of(builder.find("income"), builder.find("statutory_spend"),
                builder.find("discretionary_planned")));
        List<String> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Service s = discretionary.get(i);
            String p = "service." + s.name();
            planned[i] = builder.find(p + ".cost");
            funded[i] = builder.find(p + ".funded");
            cut[i] = builder.find(p + ".cut");
            floors[i] = s.floor() == null ? Eval.constant(0) : eval(s.floor(), s.name() + ".floor", reads);
            reads.add(planned[i]);
            order.add(s.name());
        }
        int[] cutOrder = sc.budget().order().stream().mapToInt(order::indexOf).filter(i -> i >= 0).toArray();
        int cuts = builder.find("cuts"), discFunded = builder.find("discretionary_funded");
        int draw = builder.find("reserves_draw"), reserves = builder.find("reserves");
        BudgetBalancer balancer = new BudgetBalancer(sc.budget(), builder.find("income"), builder.find("statutory_spend"),
                builder.find("discretionary_planned"), planned, floors, funded, cut, cutOrder, cuts, discFunded, draw,
                surplusIn, reserves);
        List<Integer> outputs = new ArrayList<>(List.of(cuts, discFunded, draw, surplusIn, reserves));
        for (int i = 0; i < n; i++) {
            outputs.add(funded[i]);
            outputs.add(cut[i]);
        }
        builder.add("balancing (cuts and reserves)", sc.location(), outputs.stream().mapToInt(Integer::intValue).toArray(),
                reads, balancer, balancer.java());
    }

    // ------------------------------------------------------------ columns

    private void columns() {
        List<String> headers = new ArrayList<>(List.of("income", "statutory_spend", "discretionary_planned",
                "discretionary_funded", "budget_gap", "cuts", "reserves_draw", "reserves"));
        sc.income().keySet().forEach(i -> headers.add("income." + i));
        sc.drivers().keySet().forEach(d -> headers.add("driver." + d));
        for (Service s : sc.services().values()) {
            String p = "service." + s.name();
            headers.add(p + ".cost");
            if (s.clientBased()) {
                headers.add(p + ".clients");
                headers.add(p + ".unit_cost");
                headers.add(p + ".failure_clients");
            }
            if (!s.statutory()) {
                headers.add(p + ".funded");
                headers.add(p + ".cut");
            }
            headers.add(p + ".failure_cost");
        }
        if (sc.part2().used()) headers.addAll(Part2Compiler.columns(sc));
        headers.add("surplus_to_reserves");
        for (int k = 0; k < sc.links().size(); k++) headers.add("failure_demand." + k + ".shortfall");
        for (String h : headers) columns.add(new CompiledScenario.Column(h, builder.find(h)));
    }
}
