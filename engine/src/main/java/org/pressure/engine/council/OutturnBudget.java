package org.pressure.engine.council;

import org.pressure.engine.model.Equation;

/**
 * One year of a council's budget as part 2 of the model sets it and spends it (docs/model.md
 * sections 9 to 11): ring-fenced grants, savings, committed spend, persistent cuts, balancing
 * on planned figures, then outturn (undelivered savings and overspends), the schools deficit,
 * capital financing, reserves, failure and exceptional financial support. It replaces
 * {@link BudgetBalancer} for files that use any part-2 key. Reads its own outputs one year
 * back, everything else in the same year; every index below is a model slot.
 */
final class OutturnBudget implements Equation {
    /** Reserves below the minimum by more than this are below it; money compared to within rounding. */
    static final double TOLERANCE = 1e-9;

    /** A council service as the budget sees it. Slots are -1 where they do not apply. */
    record Line(boolean statutory, int cost, int budget, int planned, int funded, int cut, int outturn, int floor,
                int variance, int retained) {}

    /** A savings programme: its slots, the council line it belongs to, its first step and one-off cost. */
    record Saving(int line, int planned, int delivered, int fromStep, double oneOff) {}

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
    /** The cut slots of the discretionary lines, in line order, and the cut order as indices into them. */
    private final int[] cuts;
    private final int[] cutOrder;
    private final boolean[] listed;
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
        this.cuts = new int[d];
        for (int i = 0; i < lines.length; i++) if (!lines[i].statutory()) cuts[discretionary[i]] = lines[i].cut();
        this.cutOrder = java.util.Arrays.stream(cutOrder).map(i -> discretionary[i]).filter(i -> i >= 0).toArray();
        this.listed = new boolean[d];
        for (int i : this.cutOrder) listed[i] = true;
        this.out = out;
        this.borrowing = borrowing;
        this.mrpRate = mrpRate;
        this.interestRate = interestRate;
        this.openingCfr = openingCfr;
        this.dsgInYear = dsgInYear;
        this.dsgOverrideStep = dsgOverrideStep;
        this.openingDsg = openingDsg;
    }

    @Override
    public void compute(double[][] v, int t) {
        int n = lines.length;
        double reservesBefore = t == 0 ? budget.openingReserves() : v[out.reserves()][t - 1];
        double earmarkedBefore = t == 0 ? 0 : v[out.earmarked()][t - 1];
        double cfrBefore = t == 0 ? openingCfr : v[out.cfr()][t - 1];
        double dsgBefore = t == 0 ? openingDsg : v[out.dsgDeficit()][t - 1];

        // budgets after savings (section 10): B_i = cost_i - planned savings
        for (int i = 0; i < n; i++) v[lines[i].budget()][t] = v[lines[i].cost()][t];
        double oneOff = 0;
        for (Saving s : savings) {
            v[lines[s.line()].budget()][t] -= v[s.planned()][t];
            if (s.fromStep() == t) oneOff += s.oneOff();
        }
        // only savings can be too large: a cost series may itself go negative, as in part 1
        for (Saving s : savings) {
            double b = v[lines[s.line()].budget()][t];
            if (b < -TOLERANCE) throw new NegativeBudgetException(s.line(), t, b);
        }

        // ring-fenced income (section 9): what its service cannot use goes to the earmarked reserve
        double excess = 0;
        if (ringFences.length > 0) {
            double[] used = new double[n];
            for (RingFence rf : ringFences) {
                double stream = v[rf.income()][t];
                double u = Math.min(stream, v[lines[rf.line()].budget()][t] - used[rf.line()]);
                used[rf.line()] += u;
                excess += stream - u;
            }
        }
        double available = v[income][t] - excess;

        // committed spend (sections 10 and 11)
        double mrp = v[mrpRate][t] * cfrBefore;
        double financing = mrp + v[interestRate][t] * cfrBefore;
        double dsgCharge = 0, dsgSpend = 0, dsg = 0;
        if (dsgInYear >= 0) {
            double inYear = v[dsgInYear][t];
            if (t <= dsgOverrideStep) {
                dsg = dsgBefore + inYear;
            } else {
                dsgCharge = dsgBefore; // the whole deficit falls on reserves in the first year after the override
                dsgSpend = inYear;
            }
        }
        double committed = financing + oneOff + dsgSpend;

        // planned spend; persistent cuts carry the share of each discretionary service kept
        double statutory = 0, planned = 0;
        for (int i = 0; i < n; i++) {
            Line l = lines[i];
            if (l.statutory()) {
                statutory += v[l.budget()][t];
                continue;
            }
            double q = 1;
            if (l.retained() >= 0) {
                if (t > 0) {
                    double p = v[l.planned()][t - 1];
                    q = v[l.retained()][t - 1];
                    if (p != 0) q *= v[l.funded()][t - 1] / p;
                }
                v[l.retained()][t] = q;
            }
            double p = q * v[l.budget()][t];
            v[l.planned()][t] = p;
            planned += p;
        }
        double minimum = v[out.minimum()][t];
        double g = statutory + committed + planned - available;

        // balancing on the budget (section 10, as section 3 step 5)
        double totalCut = 0, draw = 0, surplus = 0;
        if (g <= 0) {
            for (Line l : lines) if (!l.statutory()) v[l.cut()][t] = 0;
            surplus = budget.surplusToReserves() ? -g : 0;
        } else {
            double cuttableTotal = 0;
            for (int i = 0; i < n; i++) {
                Line l = lines[i];
                if (l.statutory()) continue;
                double floor = v[l.floor()][t];
                if (floor < 0 || floor > 1) throw new BudgetBalancer.FloorOutOfRangeException(discretionaryIndex(i), t, floor);
                double c = Math.max(0, v[l.planned()][t] - floor * v[l.budget()][t]);
                v[l.cut()][t] = c;
                cuttableTotal += c;
            }
            double target = BudgetBalancer.target(budget.strategy(), g, cuttableTotal, reservesBefore, minimum);
            totalCut = BudgetBalancer.allocate(v, t, cuts, cuttableTotal, target,
                    budget.cuts() == Budget.CutMode.IN_ORDER, cutOrder, listed);
            draw = g - totalCut;
        }
        double fundedTotal = 0;
        for (Line l : lines) {
            if (l.statutory()) {
                v[l.funded()][t] = v[l.budget()][t];
            } else {
                double f = v[l.planned()][t] - v[l.cut()][t];
                v[l.funded()][t] = f;
                fundedTotal += f;
            }
        }

        // outturn: overspends and undelivered savings fall on reserves
        for (Line l : lines) {
            if (l.outturn() >= 0) {
                v[l.outturn()][t] = l.variance() >= 0 ? v[l.funded()][t] * (1 + v[l.variance()][t]) : v[l.funded()][t];
            }
        }
        double overspend = 0;
        for (Line l : lines) {
            if (l.variance() >= 0) overspend += v[l.funded()][t] * v[l.variance()][t];
        }
        for (Saving s : savings) {
            double undelivered = v[s.planned()][t] - v[s.delivered()][t];
            Line l = lines[s.line()];
            if (l.outturn() >= 0) v[l.outturn()][t] += undelivered;
            overspend += undelivered;
        }

        // reserves, failure and support (section 11)
        double before = reservesBefore + surplus - draw - overspend - dsgCharge;
        boolean failed = before < minimum - TOLERANCE && before < reservesBefore - TOLERANCE;
        double efs = failed && budget.onFailure() == Budget.OnFailure.EFS ? minimum - before : 0;

        v[out.statutorySpend()][t] = statutory;
        v[out.discretionaryPlanned()][t] = planned;
        v[out.discretionaryFunded()][t] = fundedTotal;
        v[out.budgetGap()][t] = Math.max(0, g);
        v[out.cuts()][t] = totalCut;
        v[out.reservesDraw()][t] = draw;
        v[out.surplusIn()][t] = surplus;
        v[out.reserves()][t] = before + efs;
        v[out.committed()][t] = committed;
        v[out.overspend()][t] = overspend;
        v[out.efs()][t] = efs;
        v[out.earmarked()][t] = earmarkedBefore + excess;
        v[out.incomeAvailable()][t] = available;
        v[out.failed()][t] = failed ? 1 : 0;
        v[out.capitalFinancing()][t] = financing;
        v[out.cfr()][t] = cfrBefore + (borrowing >= 0 ? v[borrowing][t] : 0) + efs - mrp;
        v[out.dsgDeficit()][t] = dsg;
        v[out.dsgCharge()][t] = dsgCharge;
    }

    /** The index of line {@code i} among the discretionary lines, as floor problems are reported. */
    private int discretionaryIndex(int i) {
        int k = 0;
        for (int j = 0; j < i; j++) if (!lines[j].statutory()) k++;
        return k;
    }

    /** Savings above a service's cost in some year: its budget would be negative. */
    static final class NegativeBudgetException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int line;
        final int step;
        final double value;

        NegativeBudgetException(int line, int step, double value) {
            super("budget of council line " + line + " is " + value + " at step " + step, null, false, false);
            this.line = line;
            this.step = step;
            this.value = value;
        }
    }
}
