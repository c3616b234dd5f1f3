package org.pressure.engine.council;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pressure.engine.model.Formula;
import org.pressure.engine.model.ModelBuilder;

/**
 * Compiles what part 2 of the model adds (docs/model.md sections 8 to 14) for a file that uses
 * any part-2 key: savings, the budget set and spent as {@link OutturnBudget} says, agencies and
 * the public cost, and cohorts ({@link CohortFlows}). Every quantity gets a slot named as its
 * {@code results.csv} column.
 */
final class Part2Compiler {
    /** Columns every part-2 file adds after those of section 5. */

    private final CouncilCompiler compiler;
    private final ModelBuilder builder;
    private final Scenario sc;

    private Part2Compiler(CouncilCompiler compiler) {
        this.compiler = compiler;
        this.builder = compiler.builder();
        this.sc = compiler.scenario();
    }

    static void compile(CouncilCompiler compiler, int surplusIn) {
        new Part2Compiler(compiler).compile(surplusIn);
    }

    /** The part-2 columns of {@code results.csv}, in the order of section 14. */
    /** The council first, then every listed agency. */
    static List<String> agencies(Scenario sc) {
        List<String> a = new ArrayList<>();
        a.add(Service.COUNCIL);
        a.addAll(sc.part2().agencies());
        return a;
    }

    /** A council service shows its budget and outturn when it has savings or a variance. */
    static boolean hasOutturnColumns(Scenario sc, Service s) {
        return s.council() && (s.variance() != null
                || sc.part2().savings().stream().anyMatch(x -> x.service().equals(s.name())));
    }

    private void compile(int surplusIn) {
        Map<String, Integer> lineOf = new LinkedHashMap<>();
        List<Service> council = sc.services().values().stream().filter(Service::council).toList();
        for (Service s : council) lineOf.put(s.name(), lineOf.size());

        // savings: planned from `from` on, delivered at the delivery rate
        List<OutturnBudget.Saving> savings = new ArrayList<>();
        for (Scenario.Saving s : sc.part2().savings()) {
            String p = "savings." + s.name();
            int planned = builder.slot(Columns.saving(s.name(), "planned"));
            int delivered = builder.slot(Columns.saving(s.name(), "delivered"));
            int amount = compiler.seriesSlot(s.amount(), p + ".amount");
            int delivery = compiler.seriesSlot(s.delivery(), p + ".delivery");
            int fromStep = s.from() - sc.start();
            savings.add(new OutturnBudget.Saving(lineOf.get(s.service()), planned, delivered, amount, delivery, fromStep,
                    s.oneOffCost()));
        }

        OutturnBudget.Line[] lines = new OutturnBudget.Line[council.size()];
        for (int i = 0; i < lines.length; i++) {
            Service s = council.get(i);
            int cost = builder.find(Columns.cost(s.name()));
            boolean shown = hasOutturnColumns(sc, s);
            int budget = builder.slot(Columns.service(s.name(), "budget"));
            int outturn = shown ? builder.slot(Columns.service(s.name(), "outturn")) : -1;
            int variance = s.variance() == null ? -1 : compiler.seriesSlot(s.variance(), s.name() + ".variance");
            int funded = builder.find(Columns.funded(s.name()));
            int planned = -1, cut = -1, floor = -1, retained = -1;
            if (!s.statutory()) {
                planned = builder.slot(Columns.service(s.name(), "planned"));
                cut = builder.find(Columns.cut(s.name()));
                floor = compiler.seriesSlot(s.floor() == null ? new Series.Constant(0, s.location()) : s.floor(),
                        s.name() + ".floor");
                if (sc.budget().persistentCuts()) retained = builder.slot(Columns.service(s.name(), "retained"));
            }
            lines[i] = new OutturnBudget.Line(s.statutory(), cost, budget, planned, funded, cut, outturn, floor, variance,
                    retained);
        }
        List<OutturnBudget.RingFence> fences = new ArrayList<>();
        for (var e : sc.budget().ringFenced().entrySet()) {
            int stream = builder.find(Columns.income(e.getKey()));
            fences.add(new OutturnBudget.RingFence(stream, lineOf.get(e.getValue())));
        }
        int[] cutOrder = sc.budget().order().stream().mapToInt(n -> lineOf.getOrDefault(n, -1)).filter(i -> i >= 0).toArray();

        int minimum = builder.slot("minimum_reserves");
        Series min = sc.budget().minimumSeries() != null ? sc.budget().minimumSeries()
                : new Series.Constant(sc.budget().minimumReserves(), sc.location());
        int minimumSource = compiler.seriesSlot(min, "budget.reserves.minimum");
        builder.assign("budget.reserves.minimum", sc.location(), minimum, Formula.slot(minimumSource));

        Scenario.Capital capital = sc.part2().capital();
        Series zero = new Series.Constant(0, sc.location());
        int borrowing = compiler.seriesSlot(capital == null ? zero : capital.borrowing(), "capital.borrowing");
        int mrp = compiler.seriesSlot(capital == null ? zero : capital.mrpRate(), "capital.mrp_rate");
        int interest = compiler.seriesSlot(capital == null ? zero : capital.interestRate(), "capital.interest_rate");
        Scenario.Dsg dsg = sc.part2().dsg();
        int dsgInYear = dsg == null ? -1 : compiler.seriesSlot(dsg.inYear(), "dsg.in_year");
        int income = builder.find("income");

        OutturnBudget.Out out = new OutturnBudget.Out(builder.find("statutory_spend"), builder.find("discretionary_planned"),
                builder.find("discretionary_funded"), builder.find("budget_gap"), builder.find("cuts"),
                builder.find("reserves_draw"), surplusIn, builder.find("reserves"), builder.slot("committed_spend"),
                builder.slot("overspend"), builder.slot("efs"), minimum, builder.slot("earmarked_reserves"),
                builder.slot("income_available"), builder.slot("budget_failed"), builder.slot("capital_financing"),
                builder.slot("cfr"), builder.slot("dsg_deficit"), builder.slot("dsg_charge"));
        OutturnBudget year = new OutturnBudget(sc.budget(), income, lines, savings.toArray(OutturnBudget.Saving[]::new),
                fences.toArray(OutturnBudget.RingFence[]::new), cutOrder, out, capital == null ? -1 : borrowing, mrp, interest,
                capital == null ? 0 : capital.cfr(), dsgInYear, dsg == null ? Integer.MIN_VALUE
                : (int) Math.min(Integer.MAX_VALUE, (long) dsg.overrideUntil() - sc.start()),
                dsg == null ? 0 : dsg.deficit());
        year.addTo(builder, sc.location(), compiler::guard, compiler.openingReserves());

        agencies();
        cohorts();
    }

    /** Cost and failure cost by agency, and the public cost (section 12): sums, with their Java form. */
    private void agencies() {
        List<String> all = agencies(sc);
        List<String> costs = new ArrayList<>();
        for (String agency : all) {
            List<Service> own = sc.services().values().stream().filter(s -> s.agency().equals(agency)).toList();
            String cost = Columns.agency(agency, "cost"), failure = Columns.agency(agency, "failure_cost");
            builder.slot(cost);
            builder.slot(failure);
            costs.add(cost);
            compiler.sum(failure, own.stream().map(s -> Columns.failureCost(s.name())).toList());
            compiler.sum(cost, agency.equals(Service.COUNCIL)
                    ? List.of("statutory_spend", "committed_spend", "discretionary_funded")
                    : own.stream().map(s -> Columns.cost(s.name())).toList());
        }
        builder.slot("public_cost");
        compiler.sum("public_cost", costs);
    }

    /** Each cohort's people by state, and the rates that move them (section 13). */
    private void cohorts() {
        int index = 0;
        for (Scenario.Cohort c : sc.part2().cohorts().values()) {
            String p = "cohort." + c.name();
            List<String> states = new ArrayList<>(c.states().keySet());
            int n = states.size();
            double[] initial = new double[n];
            int[] people = new int[n], inflow = new int[n], exit = new int[n];
            for (int s = 0; s < n; s++) {
                String st = states.get(s);
                initial[s] = c.states().get(st);
                people[s] = builder.find(Columns.cohort(c.name(), st));
                Series in = c.inflow().get(st), ex = c.exit().get(st);
                inflow[s] = in == null ? -1 : compiler.seriesSlot(in, p + ".inflow." + st);
                exit[s] = ex == null ? -1 : compiler.seriesSlot(ex, p + ".exit." + st);
            }
            Set<Integer> rateReads = new HashSet<>();
            for (int e : exit) if (e >= 0) rateReads.add(e);
            List<CohortFlows.Flow> flows = new ArrayList<>();
            for (Scenario.Transition t : c.transitions()) {
                String label = p + ".transitions." + t.from() + "->" + t.to();
                int base = compiler.seriesSlot(t.rate(), label);
                int rate = builder.slot(p + ".rate." + t.from() + "." + t.to());
                rateReads.add(base);
                int perM = -1, funded = -1, reference = -1;
                double max = Double.NaN;
                Scenario.Response r = t.response();
                if (r != null) {
                    perM = compiler.seriesSlot(r.perM(), label + ".response.per_m");
                    funded = builder.find(Columns.funded(r.service()));
                    if (funded < 0) funded = builder.find(Columns.cost(r.service()));
                    reference = r.reference() == null ? builder.find(Columns.cost(r.service()))
                            : compiler.seriesSlot(r.reference(), label + ".response.reference");
                    max = r.max();
                    rateReads.addAll(List.of(perM, funded, reference));
                }
                flows.add(new CohortFlows.Flow(states.indexOf(t.from()), states.indexOf(t.to()), base, rate, perM, funded,
                        reference, max));
            }
            int total = builder.find(Columns.cohort(c.name(), "total"));
            CohortFlows model = new CohortFlows(index++, initial, people, total, inflow, exit,
                    flows.toArray(CohortFlows.Flow[]::new));
            int[] stateOutputs = new int[n + 1];
            System.arraycopy(people, 0, stateOutputs, 0, n);
            stateOutputs[n] = total;
            builder.add(p + " (people by state)", c.location(), stateOutputs, Set.of(), model.states());
            builder.add(p + " (transition rates)", c.location(),
                    flows.stream().mapToInt(CohortFlows.Flow::rate).toArray(), rateReads, model.rates());
        }
    }
}
