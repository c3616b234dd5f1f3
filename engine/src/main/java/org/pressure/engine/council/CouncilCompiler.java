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
import org.pressure.engine.model.Fn;
import org.pressure.engine.model.Formula;
import org.pressure.engine.model.Model;
import org.pressure.engine.model.ModelBuilder;

/**
 * Compiles a {@link Scenario} into a generic stock-and-flow {@link Model}: one slot per
 * quantity of docs/model.md (the {@code results.csv} column names), plus internal slots for
 * growth series, failure-demand shortfalls and the reserves balance. Every quantity is a
 * {@link Formula}, from which the interpreter and generated code are both derived, balancing
 * ({@link Balancing}) and part 2's yearly budget ({@link OutturnBudget}) included; only cohorts
 * ({@link CohortFlows}) are a procedure, which both call.
 */
public final class CouncilCompiler {
    private final Scenario sc;
    private final ModelBuilder builder;
    private final Problems problems = new Problems();
    private final Map<String, Formula> names = new LinkedHashMap<>();
    private final List<CompiledScenario.Column> columns = new ArrayList<>();
    private int anonymous;
    /** Each input's slot, by name; and the inputs some series reads. */
    private final Map<String, Integer> inputs = new LinkedHashMap<>();
    private final Set<String> usedInputs = new HashSet<>();

    private CouncilCompiler(Scenario sc, List<String> inputs) {
        this.sc = sc;
        this.builder = new ModelBuilder(sc.start(), 1, sc.years());
        for (String input : inputs) this.inputs.put(input, builder.input("input." + input));
    }

    /** Compiles, or throws {@link ScenarioException} naming every unknown name and same-year cycle. */
    public static CompiledScenario compile(Scenario scenario) {
        return new CouncilCompiler(scenario, List.of()).compile();
    }

    /**
     * Compiles with named inputs, which the scenario's {@link Series.Input}s read: each run gives
     * their values, in this order ({@link CompiledScenario#run(double[])}). Sweeps and goal seeks
     * bind their parameters so ({@link Scenarios#compileWithInputs}).
     */
    public static CompiledScenario compile(Scenario scenario, List<String> inputs) {
        return new CouncilCompiler(scenario, inputs).compile();
    }

    private CompiledScenario compile() {
        // 1. every named quantity gets its slot, so formulas can refer to any of them
        for (String t : Columns.TOTALS) slot(t, t);
        int surplusIn = builder.slot("surplus_to_reserves");
        for (String d : sc.drivers().keySet()) slot(Columns.driver(d), d);
        for (String i : sc.income().keySet()) slot(Columns.income(i), i);
        boolean part2 = sc.part2().used();
        for (Scenario.Cohort c : sc.part2().cohorts().values()) {
            for (String st : c.states().keySet()) slot(Columns.cohort(c.name(), st), c.name() + "." + st);
            slot(Columns.cohort(c.name(), "total"), c.name() + ".total");
        }
        for (Service s : sc.services().values()) {
            slot(Columns.cost(s.name()), s.name() + ".cost");
            if (s.clientBased()) {
                slot(Columns.clients(s.name()), s.name() + ".clients");
                slot(Columns.unitCost(s.name()), s.name() + ".unit_cost");
                slot(Columns.failureClients(s.name()), s.name() + ".failure_clients");
            }
            if (s.statutory() && !(part2 && s.council())) {
                names.put(s.name() + ".funded", Formula.slot(builder.find(Columns.cost(s.name()))));
                names.put(s.name() + ".cut", Formula.constant(0));
            } else if (s.statutory()) {
                // part 2: a statutory service is funded at its budget, its cost less savings
                slot(Columns.funded(s.name()), s.name() + ".funded");
                names.put(s.name() + ".cut", Formula.constant(0));
            } else {
                slot(Columns.funded(s.name()), s.name() + ".funded");
                slot(Columns.cut(s.name()), s.name() + ".cut");
            }
            builder.slot(Columns.failureCost(s.name()));
        }
        names.put("year", year());
        names.put("start_year", Formula.constant(sc.start()));
        names.put("end_year", Formula.constant(sc.end()));

        // 2. the parts that compute them
        for (var d : sc.drivers().entrySet()) define(d.getKey(), d.getValue(), builder.find(Columns.driver(d.getKey())));
        for (var i : sc.income().entrySet()) define(i.getKey(), i.getValue(), builder.find(Columns.income(i.getKey())));
        sum("income", sc.income().keySet().stream().map(i -> Columns.income(i)).toList());

        Map<String, List<LinkTerm>> termsInto = failureDemand();
        for (Service s : sc.services().values()) service(s, termsInto.getOrDefault(s.name(), List.of()));

        if (part2) {
            Part2Compiler.compile(this, surplusIn);
        } else {
            List<Service> statutory = sc.services().values().stream().filter(Service::statutory).toList();
            List<Service> discretionary = sc.services().values().stream().filter(s -> !s.statutory()).toList();
            sum("statutory_spend", statutory.stream().map(s -> Columns.cost(s.name())).toList());
            sum("discretionary_planned", discretionary.stream().map(s -> Columns.cost(s.name())).toList());
            int income = builder.find("income"), stat = builder.find("statutory_spend");
            int planned = builder.find("discretionary_planned"), gap = builder.find("budget_gap");
            builder.assign("budget_gap", sc.location(), gap, Formula.call(Fn.MAX, Formula.constant(0),
                    Formula.sub(Formula.add(Formula.slot(stat), Formula.slot(planned)), Formula.slot(income))));
            balancer(discretionary, surplusIn);
        }

        problems.throwIfAny();
        Model model = builder.build(problems);
        problems.throwIfAny();
        columns();
        return new CompiledScenario(sc, model, columns, riseChecks, usedInputs, guards);
    }

    private void slot(String slotName, String exprName) {
        names.put(exprName, Formula.slot(builder.slot(slotName)));
    }

    /** The year being computed: the start year at the first step. */
    private Formula year() {
        return Formula.add(Formula.constant(sc.start()), new Formula.Step());
    }

    /** Sets the slot {@code total} to the sum of the slots {@code parts}. */
    void sum(String total, List<String> parts) {
        builder.assign(total, sc.location(), builder.find(total),
                Formula.sum(parts.stream().map(p -> Formula.slot(builder.find(p))).toList()));
    }

    // ------------------------------------------------------------ series

    /** Adds the part that computes {@code series} into {@code slot}. */
    private void define(String partName, Series series, int slot) {
        if (series instanceof Series.CouncilTax ct) {
            councilTax(partName, ct, slot);
        } else if (series instanceof Series.Growth g) {
            // v(start) = start; v(t) = v(t-1) * (1 + growth(t))
            Formula growth = formula(g.growth(), partName);
            builder.assign(partName, g.location(), slot, new Formula.Initially(formula(g.start(), partName + ".start"),
                    Formula.mul(lastYear(slot), Formula.add(Formula.constant(1), growth))));
        } else {
            builder.assign(partName, series.location(), slot, formula(series, partName));
        }
    }

    /** The slot's value a year back (0 before the first year). */
    private static Formula lastYear(int slot) {
        return new Formula.Lag(Formula.slot(slot), 1, Formula.constant(0));
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
        Formula r = limit >= 0 ? Formula.call(Fn.MIN, Formula.slot(rise), Formula.slot(limit)) : Formula.slot(rise);
        Formula factor = Formula.add(Formula.constant(1), r);
        if (precept >= 0) factor = Formula.add(factor, Formula.slot(precept));
        builder.assign(partName + " (Band D)", ct.location(), band,
                new Formula.Initially(Formula.constant(ct.bandD()), Formula.mul(lastYear(band), factor)));
        builder.assign(partName, ct.location(), slot, Formula.div(Formula.mul(Formula.mul(Formula.slot(band),
                Formula.slot(base)), Formula.slot(collection)), Formula.constant(1_000_000)));
        if (limit >= 0) riseChecks.add(new CompiledScenario.RiseCheck(partName, ct.rise().location(), rise, limit));
    }

    /** Referendum limits to check after a run, for warnings. */
    private final List<CompiledScenario.RiseCheck> riseChecks = new ArrayList<>();

    /** The slot holding {@code series}: the slot it reads when it is a plain read, else a new one. */
    int seriesSlot(Series series, String owner) {
        Formula e = formula(series, owner);
        // the slot is handed on by number (to a cohort's procedure, say), which may read it at any step: it stays in the store
        if (e instanceof Formula.Slot r) {
            builder.keep(r.slot());
            return r.slot();
        }
        int slot = builder.slot("series." + (++anonymous) + "." + owner);
        builder.assign(owner, series.location(), slot, e);
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

    /** The formula of a series. */
    Formula formula(Series series, String owner) {
        if (series instanceof Series.Constant c) return Formula.constant(c.value());
        if (series instanceof Series.Ref r) {
            Formula ref = names.get(r.name());
            if (ref == null) {
                problems.add(r.location(), "`" + r.name() + "` (in " + owner + ") is not a driver, income stream or model "
                        + "variable" + Suggest.didYouMean(r.name(), names.keySet()));
                return Formula.constant(0);
            }
            return ref;
        }
        if (series instanceof Series.Formula f) {
            try {
                return Compiler.compile(f.expr(), exprNames);
            } catch (ExpressionException e) {
                problems.add(f.location().shift(e.offset()), "in " + owner + ": " + e.getMessage());
                return Formula.constant(0);
            }
        }
        if (series instanceof Series.Values values) {
            double[] byStep = new double[sc.years()];
            for (int i = 0; i < byStep.length; i++) byStep[i] = values.at(sc.start() + i);
            return new Formula.Table(byStep);
        }
        if (series instanceof Series.Product p) return Formula.mul(formula(p.per(), owner), formula(p.rate(), owner));
        if (series instanceof Series.Input i) {
            // the run's value, or the series as written where the run gives none (NaN)
            Integer slot = inputs.get(i.input());
            if (slot == null) throw new IllegalStateException("input " + i.input() + " was not declared");
            usedInputs.add(i.input());
            Formula in = Formula.slot(slot);
            return new Formula.If(Formula.binary(Formula.BinaryOp.NE, in, in), formula(i.original(), owner), in);
        }
        int slot = builder.scratch("series." + (++anonymous) + "." + owner);
        define(owner, series, slot);
        return Formula.slot(slot);
    }

    private final Compiler.Names exprNames = new Compiler.Names() {
        @Override
        public Formula lookup(String name) {
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
        public Formula time() {
            return year();
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
        public int stock(String label, Formula initial, java.util.function.IntFunction<Formula> rate) {
            // Euler on the yearly step: last year's value plus last year's rate
            int slot = builder.slot("state." + (++anonymous) + "." + label);
            builder.assign(label, sc.location(), slot,
                    new Formula.Lag(Formula.add(Formula.slot(slot), rate.apply(slot)), 1, initial));
            return slot;
        }

        @Override
        public int record(String label, Formula x) {
            int slot = builder.slot("state." + (++anonymous) + "." + label);
            builder.assign(label, sc.location(), slot, x);
            return slot;
        }
    };

    // ------------------------------------------------------------ failure demand

    /** A link's contribution to its target: coefficient this year times shortfall delayed. */
    private record LinkTerm(boolean clients, Formula term) {}

    private Map<String, List<LinkTerm>> failureDemand() {
        Map<String, List<LinkTerm>> into = new LinkedHashMap<>();
        for (int k = 0; k < sc.links().size(); k++) {
            FailureDemandLink link = sc.links().get(k);
            String name = "failure_demand." + k;
            Service from = sc.services().get(link.from());
            int shortfall = builder.slot(name + ".shortfall");
            int fromCost = builder.find(Columns.cost(from.name()));
            int fromFunded = builder.find(Columns.funded(from.name()));
            if (fromFunded < 0) fromFunded = fromCost;
            Formula reference = link.reference() == null ? Formula.slot(fromCost) : formula(link.reference(), name + ".reference");
            builder.assign(name + " shortfall (" + from.name() + ")", link.location(), shortfall,
                    Formula.sub(reference, Formula.slot(fromFunded)));

            boolean clients = link.clientsPerM() != null;
            Formula coefficient = formula(clients ? link.clientsPerM() : link.costPerM(), name);
            Formula term = link.saturates() ? saturatingTerm(link, name, shortfall, coefficient)
                    : linearTerm(link, name, shortfall, coefficient);
            into.computeIfAbsent(link.to(), x -> new ArrayList<>()).add(new LinkTerm(clients, term));
        }
        return into;
    }

    /** A linear link: coefficient this year times the shortfall delayed (section 3). */
    private Formula linearTerm(FailureDemandLink link, String name, int shortfall, Formula coefficient) {
        if (link.delayType() == FailureDemandLink.DelayType.FIXED) {
            return Formula.mul(coefficient, delayed(shortfall, (int) link.delay()));
        }
        // first-order delay on the annual step: a stock filled by the shortfall, drained at 1/delay a year
        return Formula.mul(coefficient, exponentialDelay(link, name, shortfall));
    }

    /** The slot {@code years} back, 0 before then (or this year's value when there is no delay). */
    private static Formula delayed(int slot, int years) {
        return years == 0 ? Formula.slot(slot) : new Formula.Lag(Formula.slot(slot), years, Formula.constant(0));
    }

    /**
     * What comes out of a first-order delay of {@code input} this year: a pipeline stock, filled
     * by the input and drained at 1/delay a year, starting empty.
     */
    private Formula exponentialDelay(FailureDemandLink link, String name, int input) {
        Formula d = Formula.constant(link.delay());
        int pipeline = builder.slot(name + ".pipeline");
        Formula p = Formula.slot(pipeline);
        builder.assign(name + " pipeline", link.location(), pipeline, new Formula.Lag(
                Formula.sub(Formula.add(p, Formula.slot(input)), Formula.div(p, d)), 1, Formula.constant(0)));
        return Formula.div(p, d);
    }

    /**
     * A saturating link (section 13): {@code k s / (1 + |k s| / max)} in place of {@code k s}. With a
     * fixed delay, {@code s} is the shortfall {@code delay} years back and {@code k} this year's
     * coefficient; with an exponential delay the saturated response of each year enters the delay.
     */
    private Formula saturatingTerm(FailureDemandLink link, String name, int shortfall, Formula coefficient) {
        Formula max = Formula.constant(link.max());
        if (link.delayType() == FailureDemandLink.DelayType.FIXED) {
            return Formula.call(Fn.SATURATE, Formula.mul(coefficient, delayed(shortfall, (int) link.delay())), max);
        }
        int response = builder.slot(name + ".response");
        builder.assign(name + " response", link.location(), response,
                Formula.call(Fn.SATURATE, Formula.mul(coefficient, Formula.slot(shortfall)), max));
        return exponentialDelay(link, name, response);
    }

    // ------------------------------------------------------------ services

    private void service(Service s, List<LinkTerm> terms) {
        String label = s.name();
        int cost = builder.find(Columns.cost(s.name()));
        int failureCost = builder.find(Columns.failureCost(s.name()));
        List<Formula> clientTerms = terms.stream().filter(LinkTerm::clients).map(LinkTerm::term).toList();
        List<Formula> costTerms = terms.stream().filter(t -> !t.clients()).map(LinkTerm::term).toList();
        Formula zero = Formula.constant(0);

        if (s.clientBased()) {
            int base = builder.scratch(Columns.service(s.name(), "base_clients"));
            define(label + ".clients (before failure demand)", s.clients(), base);
            int unitCost = builder.find(Columns.unitCost(s.name()));
            define(label + ".unit_cost", s.unitCost(), unitCost);
            int failureClients = builder.find(Columns.failureClients(s.name()));
            builder.assign(label + ".failure_clients", s.location(), failureClients, total(clientTerms));
            int clients = builder.find(Columns.clients(s.name()));
            builder.assign(label + ".clients", s.location(), clients,
                    Formula.call(Fn.MAX, zero, Formula.add(Formula.slot(base), Formula.slot(failureClients))));
            Formula product = Formula.mul(Formula.slot(clients), Formula.slot(unitCost));
            builder.assign(label + ".cost", s.location(), cost, costTerms.isEmpty() ? product
                    : Formula.call(Fn.MAX, zero, Formula.add(product, total(costTerms))));
            builder.assign(label + ".failure_cost", s.location(), failureCost, Formula.sub(Formula.slot(cost),
                    Formula.mul(Formula.call(Fn.MAX, zero, Formula.slot(base)), Formula.slot(unitCost))));
        } else if (!costTerms.isEmpty()) {
            int base = builder.scratch(Columns.service(s.name(), "base_cost"));
            define(label + ".cost (before failure demand)", s.cost(), base);
            builder.assign(label + ".cost", s.location(), cost,
                    Formula.call(Fn.MAX, zero, Formula.add(Formula.slot(base), total(costTerms))));
            builder.assign(label + ".failure_cost", s.location(), failureCost,
                    Formula.sub(Formula.slot(cost), Formula.slot(base)));
        } else {
            define(label + ".cost", s.cost(), cost);
            builder.assign(label + ".failure_cost", s.location(), failureCost, zero);
        }
    }

    /** The sum of the terms: one term is itself, none is zero. */
    private static Formula total(List<Formula> terms) {
        return terms.size() == 1 ? terms.get(0) : Formula.sum(terms);
    }

    // ------------------------------------------------------------ balancing

    /**
     * Part 1's balancing (section 3, steps 4 to 6) as formulas: the gap before cuts, the cuts
     * ({@link Balancing}), the reserves drawn or topped up, and what each service is funded.
     */
    private void balancer(List<Service> discretionary, int surplusIn) {
        int n = discretionary.size();
        Budget budget = sc.budget();
        Balancing b = new Balancing(builder, sc.location(), "balancing (cuts and reserves)");
        int reserves = builder.find("reserves");
        Formula reservesBefore = new Formula.Lag(Formula.slot(reserves), 1, openingReserves());
        Formula g = b.slot("gap", Formula.sub(Formula.add(Formula.slot(builder.find("statutory_spend")),
                Formula.slot(builder.find("discretionary_planned"))), Formula.slot(builder.find("income"))));
        List<String> names = discretionary.stream().map(Service::name).toList();
        Formula[] cuttable = new Formula[n];
        int[] cutSlots = new int[n];
        for (int i = 0; i < n; i++) {
            Service s = discretionary.get(i);
            Formula floor = s.floor() == null ? Formula.constant(0) : formula(s.floor(), s.name() + ".floor");
            // a floor is a share of planned spend, from 0 to 100%, checked in the years when cuts are made
            Formula outside = Formula.binary(Formula.BinaryOp.OR, Formula.binary(Formula.BinaryOp.LT, floor, Formula.constant(0)),
                    Formula.binary(Formula.BinaryOp.GT, floor, Formula.constant(1)));
            Formula checked = new Formula.Guard(floor, outside, guard(new CompiledScenario.Guard(CompiledScenario.Guard.Kind.FLOOR, i)));
            cuttable[i] = Formula.mul(Formula.sub(Formula.constant(1), checked), Formula.slot(builder.find(Columns.cost(s.name()))));
            cutSlots[i] = builder.find(Columns.cut(s.name()));
        }
        List<String> order = names;
        int[] cutOrder = budget.order().stream().mapToInt(order::indexOf).filter(i -> i >= 0).toArray();
        Formula minimum = Formula.constant(budget.minimumReserves());
        if (budget.minimumSeries() != null) {
            // a sweep's parameter in place of the fixed minimum: a slot, which the indicators read too
            int slot = builder.slot("minimum_reserves");
            builder.assign("budget.reserves.minimum", sc.location(), slot, formula(budget.minimumSeries(), "budget.reserves.minimum"));
            minimum = Formula.slot(slot);
        }
        Formula totalCut = b.cuts(budget, g, names, cuttable, cutSlots, cutOrder, reservesBefore, minimum);
        b.assign(builder.find("cuts"), totalCut);
        Formula cuts = Formula.slot(builder.find("cuts"));
        Formula zero = Formula.constant(0);
        b.assign(builder.find("reserves_draw"), new Formula.If(Balancing.positive(g), Formula.sub(g, cuts), zero));
        b.assign(surplusIn, new Formula.If(Balancing.positive(g), zero,
                budget.surplusToReserves() ? new Formula.Unary(Formula.UnaryOp.NEG, g) : zero));
        List<Formula> funded = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String name = discretionary.get(i).name();
            int slot = builder.find(Columns.funded(name));
            b.assign(slot, Formula.sub(Formula.slot(builder.find(Columns.cost(name))), Formula.slot(cutSlots[i])));
            funded.add(Formula.slot(slot));
        }
        b.assign(builder.find("discretionary_funded"), Formula.sum(funded));
        b.assign(reserves, Formula.sub(Formula.add(reservesBefore, Formula.slot(surplusIn)),
                Formula.slot(builder.find("reserves_draw"))));
    }

    /**
     * The reserves before the first year: the number written, or, where a sweep varies it, a
     * slot holding the run's value (which the indicators read too).
     */
    Formula openingReserves() {
        Budget budget = sc.budget();
        if (budget.openingSeries() == null) return Formula.constant(budget.openingReserves());
        int slot = builder.find("opening_reserves");
        if (slot < 0) {
            slot = builder.slot("opening_reserves");
            builder.assign("budget.reserves.opening", sc.location(), slot, formula(budget.openingSeries(), "budget.reserves.opening"));
        }
        return Formula.slot(slot);
    }

    /** The guards of this scenario's formulas, numbered as their failures report them. */
    private final List<CompiledScenario.Guard> guards = new ArrayList<>();

    /** Numbers a guard; its code in the formula. */
    int guard(CompiledScenario.Guard g) {
        guards.add(g);
        return guards.size() - 1;
    }

    // ------------------------------------------------------------ columns

    private void columns() {
        for (String h : Columns.of(sc)) columns.add(new CompiledScenario.Column(h, builder.find(h)));
    }

}
