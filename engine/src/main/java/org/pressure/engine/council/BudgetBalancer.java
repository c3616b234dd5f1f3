package org.pressure.engine.council;

import org.pressure.engine.model.Equation;
import org.pressure.engine.model.Eval;
import org.pressure.engine.model.Formula;

/**
 * Closes each year's budget gap (docs/model.md section 3, steps 4 to 6): cuts to
 * discretionary services above their floors and draws on reserves, in the order the strategy
 * says, then carries reserves forward. Reads reserves one year back, everything else in the
 * same year. Written once: generated code calls this same procedure.
 */
final class BudgetBalancer implements Equation {
    private final Budget.Strategy strategy;
    private final boolean inOrder;
    private final boolean surplusToReserves;
    private final double opening;
    private final double minimum;

    private final int income;
    private final int statutorySpend;
    private final int discretionaryPlanned;
    /** Per discretionary service, in scenario order. */
    private final int[] planned;
    private final Eval[] floors;
    private final int[] funded;
    private final int[] cut;
    /** Indices into the discretionary arrays, in the order cuts are made ({@code in_order} only). */
    private final int[] cutOrder;

    private final int cuts;
    private final int discretionaryFunded;
    private final int reservesDraw;
    private final int surplusIn;
    private final int reserves;

    /** The floors when every one is a constant (the usual case), read without a call; else null. */
    private final double[] constantFloors;
    /** Whether each discretionary service is listed in the cut order ({@code in_order} only). */
    private final boolean[] listed;

    BudgetBalancer(Budget budget, int income, int statutorySpend, int discretionaryPlanned, int[] planned, Formula[] floors,
                   int[] funded, int[] cut, int[] cutOrder, int cuts, int discretionaryFunded, int reservesDraw,
                   int surplusIn, int reserves) {
        this.strategy = budget.strategy();
        this.inOrder = budget.cuts() == Budget.CutMode.IN_ORDER;
        this.surplusToReserves = budget.surplusToReserves();
        this.opening = budget.openingReserves();
        this.minimum = budget.minimumReserves();
        this.income = income;
        this.statutorySpend = statutorySpend;
        this.discretionaryPlanned = discretionaryPlanned;
        this.planned = planned;
        this.floors = java.util.Arrays.stream(floors).map(Formula::eval).toArray(Eval[]::new);
        this.funded = funded;
        this.cut = cut;
        this.cutOrder = cutOrder;
        this.cuts = cuts;
        this.discretionaryFunded = discretionaryFunded;
        this.reservesDraw = reservesDraw;
        this.surplusIn = surplusIn;
        this.reserves = reserves;
        this.constantFloors = java.util.Arrays.stream(floors).allMatch(f -> f instanceof Formula.Const)
                ? java.util.Arrays.stream(floors).mapToDouble(f -> ((Formula.Const) f).value()).toArray() : null;
        this.listed = new boolean[planned.length];
        for (int i : cutOrder) listed[i] = true;
    }

    @Override
    public void compute(double[][] v, int step) {
        double previousReserves = step == 0 ? opening : v[reserves][step - 1];
        double g = v[statutorySpend][step] + v[discretionaryPlanned][step] - v[income][step];
        int n = planned.length;
        double totalCut = 0;
        double draw = 0;
        double surplus = 0;
        if (g <= 0) {
            for (int i = 0; i < n; i++) {
                v[cut[i]][step] = 0;
            }
            surplus = surplusToReserves ? -g : 0;
        } else {
            // the cut slots first hold what could be cut (cuttable_i), then what is cut
            double cuttableTotal = 0;
            for (int i = 0; i < n; i++) {
                double floor = constantFloors != null ? constantFloors[i] : floors[i].at(v, step);
                // NaN passes: it comes from an overflow upstream, which the finiteness check names
                if (floor < 0 || floor > 1) throw new FloorOutOfRangeException(i, step, floor);
                double c = (1 - floor) * v[planned[i]][step];
                v[cut[i]][step] = c;
                cuttableTotal += c;
            }
            double target = target(strategy, g, cuttableTotal, previousReserves, minimum);
            totalCut = allocate(v, step, cut, cuttableTotal, target, inOrder, cutOrder, listed);
            draw = g - totalCut;
        }
        double fundedTotal = 0;
        for (int i = 0; i < n; i++) {
            double f = v[planned[i]][step] - v[cut[i]][step];
            v[funded[i]][step] = f;
            fundedTotal += f;
        }
        v[cuts][step] = totalCut;
        v[discretionaryFunded][step] = fundedTotal;
        v[reservesDraw][step] = draw;
        v[surplusIn][step] = surplus;
        v[reserves][step] = previousReserves + surplus - draw;
    }

    /**
     * What cuts must close of a gap {@code g} (section 3, step 5): all of it up to what can be cut
     * ({@code cuts_first}), or what usable reserves above the minimum leave ({@code reserves_first}).
     * Both budgets, part 1's and part 2's, use it.
     */
    static double target(Budget.Strategy strategy, double g, double cuttableTotal, double reservesBefore, double minimum) {
        return strategy == Budget.Strategy.CUTS_FIRST
                ? Math.min(g, cuttableTotal)
                : Math.min(g - Math.min(g, Math.max(0, reservesBefore - minimum)), cuttableTotal);
    }

    /**
     * Shares {@code target} among the services whose cut slots hold, on entry, what each can lose:
     * in proportion to it, or in {@code order} until the target is met (services not listed are
     * never cut). Leaves each slot holding its cut and returns the total cut. Both budgets use it.
     */
    static double allocate(double[][] v, int t, int[] cuts, double cuttableTotal, double target, boolean inOrder,
                           int[] order, boolean[] listed) {
        if (inOrder) {
            double remaining = target;
            for (int i : order) {
                double x = Math.min(v[cuts[i]][t], remaining);
                v[cuts[i]][t] = x;
                remaining -= x;
            }
            for (int i = 0; i < cuts.length; i++) if (!listed[i]) v[cuts[i]][t] = 0;
        } else {
            for (int c : cuts) v[c][t] = cuttableTotal == 0 ? 0 : v[c][t] * target / cuttableTotal;
        }
        double total = 0;
        for (int c : cuts) total += v[c][t];
        return total;
    }

    /** A floor (the share of planned spend that cannot be cut) outside 0 to 100% in some year. */
    static final class FloorOutOfRangeException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int service;
        final int step;
        final double value;

        FloorOutOfRangeException(int service, int step, double value) {
            super("floor " + value + " of discretionary service " + service + " at step " + step, null, false, false);
            this.service = service;
            this.step = step;
            this.value = value;
        }
    }
}
