package org.pressure.engine.solve;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.solvers.AllowedSolution;
import org.apache.commons.math3.analysis.solvers.BracketingNthOrderBrentSolver;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.CMAESOptimizer;
import org.apache.commons.math3.random.MersenneTwister;
import org.pressure.engine.council.CouncilResult;
import org.pressure.engine.sweep.OutputSpec;

/**
 * Goal seek: the lever values at which a scenario meets every target. With one lever and no
 * objective it finds the smallest (or largest) value in the range that does, to a stated
 * tolerance: a scan of the range finds the first change, then Brent's method (Commons Math's
 * bracketing solver) closes in on an amount crossing its threshold, or bisection on the
 * condition itself where a year or several targets change together. With several levers or an
 * objective, a seeded CMA-ES minimises the objective with the targets as a penalty that ranks
 * every point that misses a target below every point that meets them all.
 */
public final class GoalSeek {
    /** Points of the first scan of a single lever's range; also the points of the chart. */
    public static final int SCAN_POINTS = 51;
    /** Most runs a CMA-ES search may use. */
    public static final int MAX_OPTIMISER_RUNS = 4000;

    /** What to make as small (or large) as possible, within the targets. */
    public record Objective(OutputSpec output, boolean maximise) {
        public String describe() {
            return (maximise ? "maximise " : "minimise ") + output.name();
        }
    }

    /**
     * The question.
     *
     * @param largest with one lever: the largest value that meets the targets rather than the smallest;
     *                with several and no objective: the point furthest up the ranges rather than nearest their low ends
     * @param tolerance with one lever: how close to the boundary the answer must be, in the lever's units; null for
     *                  a millionth of the range
     */
    public record Question(List<Target> targets, Objective objective, boolean largest, Double tolerance, long seed) {
        public Question {
            targets = List.copyOf(targets);
        }
    }

    public enum Outcome {
        /** Values were found that meet every target. */
        FOUND,
        /** No value tried meets every target. */
        NONE,
        /** Every value tried meets every target: the question does not constrain the lever. */
        EVERY
    }

    /** One run: the lever values, the run, each target's output value, and whether all are met. */
    public record Evaluation(double[] x, CouncilResult run, double[] values, boolean met) {}

    /** An output across one lever's range, the other levers at the answer: what the chart draws. */
    public record Profile(int lever, OutputSpec output, Target target, double[] x, double[] y, boolean[] met) {}

    /**
     * The answer.
     *
     * @param tolerance the largest distance of {@code values} from the true boundary (one lever, no objective);
     *                  NaN where the method gives no such bound (the optimiser)
     * @param at the run at the answer (for NONE: the run closest to meeting the targets)
     */
    public record Result(Outcome outcome, double[] values, double tolerance, String method, int iterations, int runs,
                         Evaluation at, Double objectiveValue, Profile profile) {}

    private final LeverModel model;
    private final Question question;
    private final int endYear;
    private int runs;
    /** The objective at the centre of the ranges: its scale, for scoring. */
    private double objectiveAtCentre;

    private GoalSeek(LeverModel model, Question question) {
        this.model = model;
        this.question = question;
        this.endYear = model.base().scenario().end();
    }

    public static Result solve(LeverModel model, Question question) {
        if (question.targets().isEmpty() && question.objective() == null) {
            throw new IllegalArgumentException("a goal seek needs a target or an objective");
        }
        GoalSeek g = new GoalSeek(model, question);
        return model.levers().size() == 1 && question.objective() == null ? g.bracket() : g.optimise();
    }

    /** Runs the scenario at {@code x}. */
    public Evaluation evaluate(double[] x) {
        runs++;
        CouncilResult r = model.run(x);
        List<Target> targets = question.targets();
        double[] v = new double[targets.size()];
        boolean met = true;
        for (int k = 0; k < v.length; k++) {
            v[k] = targets.get(k).output().of(r);
            met &= targets.get(k).met(v[k]);
        }
        return new Evaluation(x.clone(), r, v, met);
    }

    /** Sum of the targets' violations (0 when all are met). */
    private double violation(Evaluation e) {
        double total = 0;
        for (int k = 0; k < e.values().length; k++) total += question.targets().get(k).violation(e.values()[k], endYear);
        return total;
    }

    // ---- one lever, no objective ----------------------------------------------------------

    private Result bracket() {
        Lever l = model.levers().get(0);
        double tol = question.tolerance() != null ? question.tolerance() : (l.high() - l.low()) * 1e-6;
        tol = Math.max(tol, 4 * Math.ulp(Math.max(Math.abs(l.low()), Math.abs(l.high()))));
        Evaluation[] scan = new Evaluation[SCAN_POINTS];
        int metCount = 0;
        for (int i = 0; i < SCAN_POINTS; i++) {
            double x = i == SCAN_POINTS - 1 ? l.high() : l.low() + i * (l.high() - l.low()) / (SCAN_POINTS - 1);
            scan[i] = evaluate(new double[] {x});
            if (scan[i].met()) metCount++;
        }
        if (metCount == 0) {
            Evaluation closest = scan[0];
            for (Evaluation e : scan) if (violation(e) < violation(closest)) closest = e;
            return new Result(Outcome.NONE, closest.x(), Double.NaN, "scan of " + SCAN_POINTS + " points", 0, runs,
                    closest, null, profile(scan, chartTarget(scan, -1)));
        }
        if (metCount == SCAN_POINTS) {
            Evaluation end = question.largest() ? scan[SCAN_POINTS - 1] : scan[0];
            return new Result(Outcome.EVERY, end.x(), 0, "scan of " + SCAN_POINTS + " points", 0, runs, end, null,
                    profile(scan, 0));
        }
        int i = -1;
        for (int j = 0; j < SCAN_POINTS; j++) {
            if (scan[j].met() && (i < 0 || question.largest())) i = j;
        }
        if ((!question.largest() && i == 0) || (question.largest() && i == SCAN_POINTS - 1)) {
            return new Result(Outcome.FOUND, scan[i].x(), 0, (question.largest() ? "the high" : "the low")
                    + " end of the range meets every target", 0, runs, scan[i], null, profile(scan, chartTarget(scan, i)));
        }
        Evaluation a = scan[question.largest() ? i + 1 : i - 1], b = scan[i];
        int chart = chartTarget(scan, i);
        List<Integer> changing = changing(a, b);
        String method;
        int iterations = 0;
        double bound = tol;
        if (changing.size() == 1 && !question.targets().get(changing.get(0)).isYear()
                && !Double.isNaN(a.values()[changing.get(0)]) && !Double.isNaN(b.values()[changing.get(0)])) {
            int k = changing.get(0);
            Target t = question.targets().get(k);
            Evaluation[] last = new Evaluation[1];
            UnivariateFunction g = x -> {
                last[0] = evaluate(new double[] {x});
                return last[0].values()[k] - t.value();
            };
            boolean above = t.op() == Target.Op.GE || t.op() == Target.Op.GT;
            double relative = 1e-15;
            BracketingNthOrderBrentSolver solver = new BracketingNthOrderBrentSolver(relative, tol, 0, 5);
            double lo = Math.min(a.x()[0], b.x()[0]), hi = Math.max(a.x()[0], b.x()[0]);
            double root = solver.solve(500, g, lo, hi, above ? AllowedSolution.ABOVE_SIDE : AllowedSolution.BELOW_SIDE);
            iterations = solver.getEvaluations();
            Evaluation e = last[0] != null && last[0].x()[0] == root ? last[0] : evaluate(new double[] {root});
            bound = tol + relative * Math.max(Math.abs(lo), Math.abs(hi));
            method = "Brent's method (Commons Math BracketingNthOrderBrentSolver) on " + t.output().name();
            if (e.met()) {
                // Brent stops at any zero, and an amount can sit at its threshold over a whole stretch
                // (a gap clamped at 0): check that one bound nearer the unmet side the targets fail
                b = e;
                double towards = Math.signum(a.x()[0] - e.x()[0]);
                double near = e.x()[0] + towards * bound;
                if ((near - a.x()[0]) * towards < 0) {
                    Evaluation check = evaluate(new double[] {near});
                    if (!check.met()) {
                        return new Result(Outcome.FOUND, e.x(), bound, method, iterations + 1, runs, e, null,
                                profile(scan, chart));
                    }
                    b = check;
                }
                method += ", then bisection on every target";
            } else {
                // another target changes between the same scan points: settle it on the whole condition
                a = e;
                method += ", then bisection on every target";
            }
        } else {
            method = "bisection on every target";
        }
        while (Math.abs(b.x()[0] - a.x()[0]) > tol) {
            double m = (a.x()[0] + b.x()[0]) / 2;
            if (m == a.x()[0] || m == b.x()[0]) break;
            Evaluation e = evaluate(new double[] {m});
            if (e.met()) b = e;
            else a = e;
            iterations++;
        }
        return new Result(Outcome.FOUND, b.x(), bound, method, iterations, runs, b, null, profile(scan, chart));
    }

    /** The targets met at {@code b} and not at {@code a}. */
    private List<Integer> changing(Evaluation a, Evaluation b) {
        List<Integer> out = new ArrayList<>();
        for (int k = 0; k < question.targets().size(); k++) {
            Target t = question.targets().get(k);
            if (!t.met(a.values()[k]) && t.met(b.values()[k])) out.add(k);
        }
        return out;
    }

    /** The target to draw: the one that changes at the answer (scan index {@code i}), else the first one missed. */
    private int chartTarget(Evaluation[] scan, int i) {
        int n = question.targets().size();
        if (i >= 0) {
            int j = question.largest() ? i + 1 : i - 1;
            if (j >= 0 && j < scan.length) {
                List<Integer> c = changing(scan[j], scan[i]);
                if (!c.isEmpty()) return c.get(0);
            }
        }
        for (int k = 0; k < n; k++) {
            for (Evaluation e : scan) if (!question.targets().get(k).met(e.values()[k])) return k;
        }
        return 0;
    }

    private Profile profile(Evaluation[] scan, int k) {
        Target t = question.targets().get(k);
        double[] x = new double[scan.length], y = new double[scan.length];
        boolean[] met = new boolean[scan.length];
        for (int i = 0; i < scan.length; i++) {
            x[i] = scan[i].x()[0];
            y[i] = scan[i].values()[k];
            met[i] = scan[i].met();
        }
        return new Profile(0, t.output(), t, x, y, met);
    }

    // ---- several levers, or an objective ----------------------------------------------------

    private Result optimise() {
        List<Lever> levers = model.levers();
        int n = levers.size();
        double[] lo = levers.stream().mapToDouble(Lever::low).toArray();
        double[] hi = levers.stream().mapToDouble(Lever::high).toArray();
        double[] start = new double[n], sigma = new double[n];
        for (int j = 0; j < n; j++) {
            start[j] = (lo[j] + hi[j]) / 2;
            sigma[j] = 0.3 * (hi[j] - lo[j]);
        }
        if (question.objective() != null) {
            double centre = objective(evaluate(start));
            objectiveAtCentre = Double.isNaN(centre) ? 0 : centre;
        }
        Evaluation[] best = new Evaluation[1];
        double[] bestScore = {Double.POSITIVE_INFINITY};
        org.apache.commons.math3.analysis.MultivariateFunction f = x -> {
            double[] clipped = x.clone();
            for (int j = 0; j < n; j++) clipped[j] = Math.min(hi[j], Math.max(lo[j], x[j]));
            Evaluation e = evaluate(clipped);
            double s = score(e, lo, hi);
            if (s < bestScore[0]) {
                bestScore[0] = s;
                best[0] = e;
            }
            return s;
        };
        int lambda = 4 + (int) (3 * Math.log(n)) + 4; // a little above CMA-ES's default: the penalty makes plateaus
        CMAESOptimizer cmaes = new CMAESOptimizer(1000, Double.NEGATIVE_INFINITY, true, 0, 0,
                new MersenneTwister(question.seed()), false, null);
        int iterations;
        try {
            cmaes.optimize(new MaxEval(MAX_OPTIMISER_RUNS), new ObjectiveFunction(f), GoalType.MINIMIZE,
                    new InitialGuess(start), new SimpleBounds(lo, hi), new CMAESOptimizer.Sigma(sigma),
                    new CMAESOptimizer.PopulationSize(lambda));
            iterations = cmaes.getIterations();
        } catch (MathIllegalStateException tooMany) {
            iterations = cmaes.getIterations(); // the best point so far stands
        }
        Evaluation at = best[0];
        String method = String.format(Locale.ROOT, "CMA-ES (Commons Math CMAESOptimizer, seed %d, population %d)",
                question.seed(), lambda);
        Double objectiveValue = question.objective() == null ? null : question.objective().output().of(at.run());
        Profile profile = optimiserProfile(at);
        Outcome outcome = at.met() ? Outcome.FOUND : Outcome.NONE;
        return new Result(outcome, at.x(), Double.NaN, method, iterations, runs, at, objectiveValue, profile);
    }

    /**
     * Lower is better. A point that misses a target scores above 2, more the further it misses;
     * a point that meets them all scores its objective, relative to the objective at the centre
     * of the ranges and squeezed into (-1, 1), plus a tie-break far too small to outweigh any real
     * difference (a millionth, relative to the objective): nearness to the low ends of the ranges (high ends with {@code largest}), which
     * is also the whole score when there is no objective. CMA-ES only ranks, so squeezing loses
     * nothing, and a flat objective still has one answer.
     */
    private double score(Evaluation e, double[] lo, double[] hi) {
        double v = violation(e);
        if (v > 0) return 2 + v;
        double position = 0;
        for (int j = 0; j < lo.length; j++) position += (e.x()[j] - lo[j]) / (hi[j] - lo[j]);
        position /= lo.length;
        if (question.largest()) position = 1 - position;
        if (question.objective() == null) return position - 1;
        double value = objective(e);
        if (Double.isNaN(value)) return 2;
        double s = (value - objectiveAtCentre) / (Math.abs(objectiveAtCentre) + 1);
        if (question.objective().maximise()) s = -s;
        return s / (1 + Math.abs(s)) + 1e-6 * position;
    }

    /** The objective's value in a run; for a year output, never counts as the year after the horizon. */
    private double objective(Evaluation e) {
        OutputSpec o = question.objective().output();
        double value = o.of(e.run());
        return Double.isNaN(value) && o.isYear() ? endYear + 1 : value;
    }

    /** The objective (or first target) across the first lever's range, the others at the answer. */
    private Profile optimiserProfile(Evaluation at) {
        Lever l = model.levers().get(0);
        OutputSpec output = question.objective() != null ? question.objective().output() : question.targets().get(0).output();
        Target target = null;
        for (Target t : question.targets()) if (t.output().name().equals(output.name()) && target == null) target = t;
        double[] x = new double[SCAN_POINTS], y = new double[SCAN_POINTS];
        boolean[] met = new boolean[SCAN_POINTS];
        for (int i = 0; i < SCAN_POINTS; i++) {
            double[] p = at.x().clone();
            p[0] = i == SCAN_POINTS - 1 ? l.high() : l.low() + i * (l.high() - l.low()) / (SCAN_POINTS - 1);
            Evaluation e = evaluate(p);
            x[i] = p[0];
            y[i] = output.of(e.run());
            met[i] = e.met();
        }
        return new Profile(0, output, target, x, y, met);
    }
}
