package org.pressure.engine.council;

import org.pressure.engine.model.Equation;

/**
 * A cohort of people moving between states (docs/model.md section 13), as two parts of the
 * model: {@link #rates()} works out each transition's rate in a year, after the budget (a
 * response reads a service's funding), and checks that no state loses more than all its people;
 * {@link #states()} counts the people at the start of each year from the year before, so a state
 * can feed a service's clients in the same year without a cycle.
 */
final class CohortFlows {
    /** Rates above 100% by no more than this are rounding. */
    static final double RATE_TOLERANCE = 1e-12;

    /**
     * A transition's slots: its base rate, the effective rate written each year, and for a
     * response the coefficient, the service's funding and its reference ({@code perM} -1 without).
     */
    record Flow(int from, int to, int baseRate, int rate, int perM, int funded, int reference, double max) {}

    private final int cohort;
    private final double[] initial;
    /** Slots of the people in each state, and of their total. */
    private final int[] people;
    private final int total;
    private final int[] inflow;
    private final int[] exit;
    private final Flow[] flows;

    /**
     * @param cohort index of the cohort in the scenario, for messages
     * @param inflow slot per state, -1 where none
     * @param exit   slot per state, -1 where none
     */
    CohortFlows(int cohort, double[] initial, int[] people, int total, int[] inflow, int[] exit, Flow[] flows) {
        this.cohort = cohort;
        this.initial = initial;
        this.people = people;
        this.total = total;
        this.inflow = inflow;
        this.exit = exit;
        this.flows = flows;
    }

    /** {@code N_s(t)} from year {@code t - 1}: stayers, arrivals from other states and inflow. */
    Equation states() {
        return (v, t) -> {
            double sum = 0;
            for (int s = 0; s < people.length; s++) {
                double n;
                if (t == 0) {
                    n = initial[s];
                } else {
                    double stay = 1 - (exit[s] >= 0 ? v[exit[s]][t - 1] : 0);
                    for (Flow f : flows) if (f.from() == s) stay -= v[f.rate()][t - 1];
                    n = v[people[s]][t - 1] * stay + (inflow[s] >= 0 ? v[inflow[s]][t - 1] : 0);
                    for (Flow f : flows) if (f.to() == s) n += v[people[f.from()]][t - 1] * v[f.rate()][t - 1];
                }
                v[people[s]][t] = n;
                sum += n;
            }
            v[total][t] = sum;
        };
    }

    /** Each transition's rate in year {@code t}, clamped to 0..1, and the check that no state loses over 100%. */
    Equation rates() {
        return (v, t) -> {
            for (Flow f : flows) {
                double r = v[f.baseRate()][t];
                if (f.perM() >= 0) {
                    double x = v[f.funded()][t] - v[f.reference()][t];
                    double kx = v[f.perM()][t] * x;
                    r += Double.isNaN(f.max()) ? kx : kx / (1 + Math.abs(kx) / f.max());
                }
                v[f.rate()][t] = Math.min(1, Math.max(0, r));
            }
            for (int s = 0; s < people.length; s++) {
                double out = exit[s] >= 0 ? v[exit[s]][t] : 0;
                for (Flow f : flows) if (f.from() == s) out += v[f.rate()][t];
                if (out > 1 + RATE_TOLERANCE) throw new RateAboveAllException(cohort, s, t, out);
            }
        };
    }

    /** A state that would lose more than all its people in a year. */
    static final class RateAboveAllException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int cohort;
        final int state;
        final int step;
        final double out;

        RateAboveAllException(int cohort, int state, int step, double out) {
            super("cohort " + cohort + " state " + state + " loses " + out + " at step " + step, null, false, false);
            this.cohort = cohort;
            this.state = state;
            this.step = step;
            this.out = out;
        }
    }
}
