package org.pressure.engine.council;

import java.util.ArrayList;
import java.util.List;
import org.pressure.engine.diagnostics.Location;
import org.pressure.engine.model.Fn;
import org.pressure.engine.model.Formula;
import org.pressure.engine.model.Formula.BinaryOp;
import org.pressure.engine.model.ModelBuilder;

/**
 * Closing a year's budget gap by cuts (docs/model.md section 3, steps 4 to 6, and section 10 for
 * part 2), written as formulas: what each discretionary service can lose, what cuts must close
 * ({@link #target}), and how that is shared among the services, in proportion or in order. Both
 * budgets build it, part 1's ({@link CouncilCompiler}) and part 2's ({@link Part2Compiler}), and
 * being formulas it is interpreted and generated like every other part of a model.
 */
final class Balancing {
    private final ModelBuilder builder;
    private final Location location;
    private final String label;

    Balancing(ModelBuilder builder, Location location, String label) {
        this.builder = builder;
        this.location = location;
        this.label = label;
    }

    /** Whether there is a gap to close: {@code !(g <= 0)}, so that a gap that is not a number is closed, and named, as any other. */
    static Formula positive(Formula g) {
        return Formula.foldIfConstant(new Formula.Unary(Formula.UnaryOp.NOT, Formula.binary(BinaryOp.LE, g, Formula.constant(0))));
    }

    /** A new scratch slot holding {@code f}, named for the balancing. */
    Formula slot(String name, Formula f) {
        int slot = builder.scratch("balancing." + name);
        builder.assign(label, location, slot, f);
        return Formula.slot(slot);
    }

    /** Sets an existing slot to {@code f}. */
    void assign(int slot, Formula f) {
        builder.assign(label, location, slot, f);
    }

    /**
     * What cuts must close of a gap {@code g} (section 3, step 5): all of it up to what can be cut
     * ({@code cuts_first}), or what usable reserves above the minimum leave ({@code reserves_first}).
     */
    static Formula target(Budget.Strategy strategy, Formula g, Formula cuttableTotal, Formula reservesBefore,
                          Formula minimum) {
        if (strategy == Budget.Strategy.CUTS_FIRST) return Formula.call(Fn.MIN, g, cuttableTotal);
        Formula usable = Formula.call(Fn.MAX, Formula.constant(0), Formula.sub(reservesBefore, minimum));
        return Formula.call(Fn.MIN, Formula.sub(g, Formula.call(Fn.MIN, g, usable)), cuttableTotal);
    }

    /**
     * Adds the parts that set each discretionary service's cut this year, and returns the total
     * cut. Where the gap {@code g} is not positive nothing is cut; else what each service can lose
     * ({@code cuttable}, worked out only then, so that its checks apply only then) is shared
     * out until the target is met: in proportion to what each can lose, or in {@code order}
     * (indices into the services; those not listed are never cut).
     *
     * @param names    each service's name, for its slots
     * @param cutSlots each service's cut slot, set here
     */
    Formula cuts(Budget budget, Formula g, List<String> names, Formula[] cuttable, int[] cutSlots, int[] order,
                 Formula reservesBefore, Formula minimum) {
        int n = cutSlots.length;
        Formula zero = Formula.constant(0);
        Formula gapToClose = positive(g);
        Formula[] canLose = new Formula[n];
        for (int i = 0; i < n; i++) {
            canLose[i] = slot("cuttable." + names.get(i), new Formula.If(gapToClose, cuttable[i], zero));
        }
        Formula total = slot("cuttable", Formula.sum(List.of(canLose)));
        Formula target = slot("target", new Formula.If(gapToClose,
                target(budget.strategy(), g, total, reservesBefore, minimum), zero));
        if (budget.cuts() == Budget.CutMode.IN_ORDER) {
            boolean[] listed = new boolean[n];
            Formula remaining = target;
            for (int k = 0; k < order.length; k++) {
                int i = order[k];
                listed[i] = true;
                assign(cutSlots[i], Formula.call(Fn.MIN, canLose[i], remaining));
                if (k < order.length - 1) {
                    remaining = slot("remaining." + names.get(i), Formula.sub(remaining, Formula.slot(cutSlots[i])));
                }
            }
            for (int i = 0; i < n; i++) if (!listed[i]) assign(cutSlots[i], zero);
        } else {
            Formula none = Formula.binary(BinaryOp.EQ, total, zero);
            for (int i = 0; i < n; i++) {
                assign(cutSlots[i], new Formula.If(none, zero, Formula.div(Formula.mul(canLose[i], target), total)));
            }
        }
        List<Formula> each = new ArrayList<>();
        for (int slot : cutSlots) each.add(Formula.slot(slot));
        return Formula.sum(each);
    }
}
