package org.pressure.benchmarks;

/**
 * scenarios/unitary-council-five-services.yaml written out by hand in plain Java: the
 * reference point for the engine's speed. Same arithmetic in the same order as
 * docs/model.md, so it agrees with the engine to the last bit (HandWrittenCouncilTest).
 * The three parameters are those of scenarios/unitary-council-throughput-sweep.yaml.
 */
public final class HandWrittenCouncil {
    static final int YEARS = 20;

    private HandWrittenCouncil() {}

    /** The two outputs of one run: cumulative budget gap and reserves in the last year. */
    public record Outputs(double cumulativeGap, double finalReserves) {}

    /**
     * @param popGrowth      drivers.pop_65.growth
     * @param childrenGrowth services.childrens_social_care.cost.growth
     * @param taxGrowth      income.council_tax.growth
     * @param shortfall      scratch, at least {@link #YEARS} long (the prevention shortfall by year)
     */
    public static Outputs run(double popGrowth, double childrenGrowth, double taxGrowth, double[] shortfall) {
        double pop = 50000, unitCost = 0.03, childrenBase = 50, waste = 25, prevention = 12, other = 80;
        double councilTax = 150, grants = 90;
        double reserves = 60, minimum = 15, cumulativeGap = 0;
        for (int t = 0; t < YEARS; t++) {
            if (t > 0) {
                pop = pop * (1 + popGrowth);
                unitCost = unitCost * (1 + 0.03);
                childrenBase = childrenBase * (1 + childrenGrowth);
                waste = waste * (1 + 0.02);
                prevention = prevention * (1 + 0.02);
                other = other * (1 + 0.02);
                councilTax = councilTax * (1 + taxGrowth);
                grants = grants * (1 + 0.0);
            }
            double income = councilTax + grants;
            double failureClients = 30 * (t < 2 ? 0 : shortfall[t - 2]);
            double clients = Math.max(0, pop * 0.05 + failureClients);
            double adultCare = clients * unitCost;
            double childrensCare = Math.max(0, childrenBase + 1.5 * (t < 1 ? 0 : shortfall[t - 1]));
            double statutory = adultCare + childrensCare + waste;
            double planned = prevention + other;
            double g = statutory + planned - income;
            cumulativeGap += Math.max(0, g);
            double cutOther = 0, cutPrevention = 0, draw = 0, surplus = 0;
            if (g <= 0) {
                surplus = -g;
            } else {
                double cuttablePrevention = (1 - 0.25) * prevention, cuttableOther = (1 - 0.3) * other;
                double cuttable = cuttablePrevention + cuttableOther;
                double target = Math.min(g - Math.min(g, Math.max(0, reserves - minimum)), cuttable);
                cutOther = Math.min(cuttableOther, target);
                cutPrevention = Math.min(cuttablePrevention, target - cutOther);
                draw = g - (cutPrevention + cutOther);
            }
            shortfall[t] = prevention - (prevention - cutPrevention);
            reserves = reserves + surplus - draw;
        }
        return new Outputs(cumulativeGap, reserves);
    }
}
