package org.pressure.engine.council;

import java.util.ArrayList;
import java.util.List;
import org.pressure.engine.diagnostics.Location;
import org.pressure.engine.model.Fn;
import org.pressure.engine.model.Formula;
import org.pressure.engine.model.ModelBuilder;

/**
 * One year of a council's budget as part 2 of the model sets it and spends it (docs/model.md
 * sections 9 to 11): ring-fenced grants, savings, committed spend, persistent cuts, balancing
 * on planned figures, then outturn (undelivered savings and overspends), the schools deficit,
 * capital financing, reserves, failure and exceptional financial support, for files that use
 * any part-2 key. Written as formulas ({@link #addTo}), its cuts by the same {@link Balancing}
 * as part 1's, so it is interpreted and generated like every other part. Reads its own outputs
 * one year back, everything else in the same year; every index below is a model slot.
 */
final class OutturnBudget {
    /** Reserves below the minimum by more than this are below it; money compared to within rounding. */
    static final double TOLERANCE = 1e-9;

    /** A council service as the budget sees it. Slots are -1 where they do not apply. */
    record Line(boolean statutory, int cost, int budget, int planned, int funded, int cut, int outturn, int floor,
                int variance, int retained) {}

    /** A savings programme: its slots, the council line it belongs to, its first step and one-off cost. */
    record Saving(int line, int planned, int delivered, int amount, int delivery, int fromStep, double oneOff) {}

    /** A ring-fenced income stream and the council line it funds. */
    record RingFence(int income, int line) {}

    /** The yearly outputs. */
    record Out(int statutorySpend, int discretionaryPlanned, int discretionaryFunded, int budgetGap, int cuts,
               int reservesDraw, int surplusIn, int reserves, int committed, int overspend, int efs, int minimum,
               int earmarked, int incomeAvailable, int failed, int capitalFinancing, int cfr, int dsgDeficit,
               int dsgCharge) {}

    private final Line[] lines;
    private final Saving[] savings;
    private final RingFence[] ringFences;
    /** The cut order as indices among the discretionary lines. */
    private final int[] cutOrder;
    private final Budget budget;
    private final int income;
    private final Out out;
    private final int borrowing, mrpRate, interestRate;
    private final double openingCfr;
    private final int dsgInYear;
    private final int dsgOverrideStep;
    private final double openingDsg;

    /**
     * @param cutOrder       indices into {@code lines}, in the order cuts are made ({@code in_order} only)
     * @param borrowing      slot of capital borrowing, or -1 without capital (then the CFR holds only EFS)
     * @param dsgInYear      slot of the in-year schools deficit, or -1 without one
     * @param dsgOverrideStep the step of the override's last year (may be negative)
     */
    OutturnBudget(Budget budget, int income, Line[] lines, Saving[] savings, RingFence[] ringFences, int[] cutOrder,
                  Out out, int borrowing, int mrpRate, int interestRate, double openingCfr, int dsgInYear,
                  int dsgOverrideStep, double openingDsg) {
        this.budget = budget;
        this.income = income;
        this.lines = lines;
        this.savings = savings;
        this.ringFences = ringFences;
        int[] discretionary = new int[lines.length];
        int d = 0;
        for (int i = 0; i < lines.length; i++) discretionary[i] = lines[i].statutory() ? -1 : d++;
        this.cutOrder = java.util.Arrays.stream(cutOrder).map(i -> discretionary[i]).filter(i -> i >= 0).toArray();
        this.out = out;
        this.borrowing = borrowing;
        this.mrpRate = mrpRate;
        this.interestRate = interestRate;
        this.openingCfr = openingCfr;
        this.dsgInYear = dsgInYear;
        this.dsgOverrideStep = dsgOverrideStep;
        this.openingDsg = openingDsg;
    }

    /**
     * Adds the year's budget to the model as formulas (section 10 and 11), in the order the
     * sections give; {@code guard} numbers the checks of floors and of savings above a cost.
     */
    void addTo(ModelBuilder builder, Location location, java.util.function.ToIntFunction<CompiledScenario.Guard> guard,
               Formula openingReserves) {
        Balancing b = new Balancing(builder, location, "the budget and its outturn (savings, cuts, reserves)");
        int n = lines.length;
        Formula zero = Formula.constant(0);
        Formula reservesBefore = new Formula.Lag(Formula.slot(out.reserves()), 1, openingReserves);
        Formula earmarkedBefore = before(out.earmarked(), 0);
        Formula cfrBefore = before(out.cfr(), openingCfr);
        Formula dsgBefore = before(out.dsgDeficit(), openingDsg);

        // savings, planned from their first year, delivered at their rate
        for (Saving s : savings) {
            Formula planned = new Formula.If(Formula.binary(Formula.BinaryOp.GE, new Formula.Step(), Formula.constant(s.fromStep())),
                    Formula.slot(s.amount()), zero);
            b.assign(s.planned(), planned);
            b.assign(s.delivered(), Formula.mul(Formula.slot(s.planned()), Formula.slot(s.delivery())));
        }

        // budgets after savings (section 10): B_i = cost_i - planned savings; only savings can make one
        // negative, checked in the order of the savings (a cost series may itself go negative, as in part 1)
        List<Integer> order = new ArrayList<>();
        for (Saving s : savings) if (!order.contains(s.line())) order.add(s.line());
        for (int i = 0; i < n; i++) if (!order.contains(i)) order.add(i);
        for (int i : order) {
            Formula budgetI = Formula.slot(lines[i].cost());
            for (Saving s : savings) if (s.line() == i) budgetI = Formula.sub(budgetI, Formula.slot(s.planned()));
            if (budgetI instanceof Formula.Slot == false) {
                Formula negative = Formula.binary(Formula.BinaryOp.LT, budgetI, Formula.constant(-TOLERANCE));
                budgetI = new Formula.Guard(budgetI, negative,
                        guard.applyAsInt(new CompiledScenario.Guard(CompiledScenario.Guard.Kind.NEGATIVE_BUDGET, i)));
            }
            b.assign(lines[i].budget(), budgetI);
        }

        // ring-fenced income (section 9): what its service cannot use goes to the earmarked reserve
        Formula excess = zero;
        if (ringFences.length > 0) {
            Formula[] used = new Formula[n];
            java.util.Arrays.fill(used, zero);
            List<Formula> unused = new ArrayList<>();
            for (int k = 0; k < ringFences.length; k++) {
                RingFence rf = ringFences[k];
                Formula stream = Formula.slot(rf.income());
                Formula u = b.slot("ring_fence." + k + ".used", Formula.call(Fn.MIN, stream,
                        Formula.sub(Formula.slot(lines[rf.line()].budget()), used[rf.line()])));
                used[rf.line()] = Formula.add(used[rf.line()], u);
                unused.add(Formula.sub(stream, u));
            }
            excess = b.slot("ring_fence.excess", Formula.sum(unused));
        }
        b.assign(out.incomeAvailable(), Formula.sub(Formula.slot(income), excess));
        Formula available = Formula.slot(out.incomeAvailable());

        // committed spend (sections 10 and 11)
        Formula mrp = b.slot("mrp", Formula.mul(Formula.slot(mrpRate), cfrBefore));
        b.assign(out.capitalFinancing(), Formula.add(mrp, Formula.mul(Formula.slot(interestRate), cfrBefore)));
        Formula dsgCharge = zero, dsgSpend = zero, dsg = zero;
        if (dsgInYear >= 0) {
            // until the override ends the deficit is held apart; the year after, it all falls on reserves
            Formula held = Formula.binary(Formula.BinaryOp.LE, new Formula.Step(), Formula.constant(dsgOverrideStep));
            Formula inYear = Formula.slot(dsgInYear);
            dsg = new Formula.If(held, Formula.add(dsgBefore, inYear), zero);
            dsgCharge = new Formula.If(held, zero, dsgBefore);
            dsgSpend = new Formula.If(held, zero, inYear);
        }
        b.assign(out.dsgDeficit(), dsg);
        b.assign(out.dsgCharge(), dsgCharge);
        double[] oneOff = new double[stepsOf(builder)];
        for (Saving s : savings) if (s.fromStep() >= 0 && s.fromStep() < oneOff.length) oneOff[s.fromStep()] += s.oneOff();
        b.assign(out.committed(), Formula.add(Formula.add(Formula.slot(out.capitalFinancing()), new Formula.Table(oneOff)),
                dsgSpend));

        // planned spend; persistent cuts carry the share of each discretionary service kept
        List<Formula> statutory = new ArrayList<>(), planned = new ArrayList<>();
        for (Line l : lines) {
            if (l.statutory()) {
                statutory.add(Formula.slot(l.budget()));
                continue;
            }
            Formula p = Formula.slot(l.budget());
            if (l.retained() >= 0) {
                Formula q = Formula.slot(l.retained()), lastPlanned = Formula.slot(l.planned());
                Formula kept = new Formula.If(Formula.binary(Formula.BinaryOp.NE, lastPlanned, zero),
                        Formula.mul(q, Formula.div(Formula.slot(l.funded()), lastPlanned)), q);
                b.assign(l.retained(), new Formula.Lag(kept, 1, Formula.constant(1)));
                p = Formula.mul(Formula.slot(l.retained()), p);
            }
            b.assign(l.planned(), p);
            planned.add(Formula.slot(l.planned()));
        }
        b.assign(out.statutorySpend(), Formula.sum(statutory));
        b.assign(out.discretionaryPlanned(), Formula.sum(planned));
        Formula g = b.slot("gap", Formula.sub(Formula.add(Formula.add(Formula.slot(out.statutorySpend()),
                Formula.slot(out.committed())), Formula.slot(out.discretionaryPlanned())), available));
        b.assign(out.budgetGap(), Formula.call(Fn.MAX, zero, g));

        // balancing on the budget (section 10, as section 3 step 5)
        List<String> names = new ArrayList<>();
        List<Formula> cuttable = new ArrayList<>();
        List<Integer> cutSlots = new ArrayList<>();
        int discretionary = 0;
        for (int i = 0; i < n; i++) {
            Line l = lines[i];
            if (l.statutory()) continue;
            Formula floor = Formula.slot(l.floor());
            Formula outside = Formula.binary(Formula.BinaryOp.OR, Formula.binary(Formula.BinaryOp.LT, floor, zero),
                    Formula.binary(Formula.BinaryOp.GT, floor, Formula.constant(1)));
            Formula checked = new Formula.Guard(floor, outside,
                    guard.applyAsInt(new CompiledScenario.Guard(CompiledScenario.Guard.Kind.FLOOR, discretionary++)));
            cuttable.add(Formula.call(Fn.MAX, zero, Formula.sub(Formula.slot(l.planned()),
                    Formula.mul(checked, Formula.slot(l.budget())))));
            cutSlots.add(l.cut());
            names.add("line" + i);
        }
        Formula totalCut = b.cuts(budget, g, names, cuttable.toArray(Formula[]::new),
                cutSlots.stream().mapToInt(Integer::intValue).toArray(), cutOrder, reservesBefore, Formula.slot(out.minimum()));
        b.assign(out.cuts(), totalCut);
        Formula gap = Balancing.positive(g);
        b.assign(out.reservesDraw(), new Formula.If(gap, Formula.sub(g, Formula.slot(out.cuts())), zero));
        b.assign(out.surplusIn(), new Formula.If(gap, zero,
                budget.surplusToReserves() ? new Formula.Unary(Formula.UnaryOp.NEG, g) : zero));
        List<Formula> funded = new ArrayList<>();
        for (Line l : lines) {
            if (l.statutory()) {
                b.assign(l.funded(), Formula.slot(l.budget()));
            } else {
                b.assign(l.funded(), Formula.sub(Formula.slot(l.planned()), Formula.slot(l.cut())));
                funded.add(Formula.slot(l.funded()));
            }
        }
        b.assign(out.discretionaryFunded(), Formula.sum(funded));

        // outturn: overspends and undelivered savings fall on reserves
        for (int i = 0; i < n; i++) {
            Line l = lines[i];
            if (l.outturn() < 0) continue;
            Formula o = Formula.slot(l.funded());
            if (l.variance() >= 0) o = Formula.mul(o, Formula.add(Formula.constant(1), Formula.slot(l.variance())));
            for (Saving s : savings) if (s.line() == i) o = Formula.add(o, undelivered(s));
            b.assign(l.outturn(), o);
        }
        List<Formula> over = new ArrayList<>();
        for (Line l : lines) if (l.variance() >= 0) over.add(Formula.mul(Formula.slot(l.funded()), Formula.slot(l.variance())));
        for (Saving s : savings) over.add(undelivered(s));
        b.assign(out.overspend(), Formula.sum(over));

        // reserves, failure and support (section 11)
        Formula before = b.slot("reserves_before_support", Formula.sub(Formula.sub(Formula.sub(
                Formula.add(reservesBefore, Formula.slot(out.surplusIn())), Formula.slot(out.reservesDraw())),
                Formula.slot(out.overspend())), Formula.slot(out.dsgCharge())));
        Formula minimum = Formula.slot(out.minimum());
        Formula tolerance = Formula.constant(TOLERANCE);
        b.assign(out.failed(), Formula.binary(Formula.BinaryOp.AND,
                Formula.binary(Formula.BinaryOp.LT, before, Formula.sub(minimum, tolerance)),
                Formula.binary(Formula.BinaryOp.LT, before, Formula.sub(reservesBefore, tolerance))));
        b.assign(out.efs(), budget.onFailure() == Budget.OnFailure.EFS
                ? new Formula.If(Formula.slot(out.failed()), Formula.sub(minimum, before), zero) : zero);
        b.assign(out.reserves(), Formula.add(before, Formula.slot(out.efs())));
        b.assign(out.earmarked(), Formula.add(earmarkedBefore, excess));
        b.assign(out.cfr(), Formula.sub(Formula.add(Formula.add(cfrBefore, borrowing >= 0 ? Formula.slot(borrowing) : zero),
                Formula.slot(out.efs())), mrp));
    }

    /** A slot's value a year back, or {@code opening} in the first year. */
    private static Formula before(int slot, double opening) {
        return new Formula.Lag(Formula.slot(slot), 1, Formula.constant(opening));
    }

    private static Formula undelivered(Saving s) {
        return Formula.sub(Formula.slot(s.planned()), Formula.slot(s.delivered()));
    }

    private static int stepsOf(ModelBuilder builder) {
        return builder.steps();
    }
}
