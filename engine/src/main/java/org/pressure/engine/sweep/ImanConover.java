package org.pressure.engine.sweep;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The Iman-Conover method (Iman and Conover, 1982): rank correlation between sampled
 * parameters by reordering each one's sample, never changing its values. Normal scores are
 * shuffled per parameter, made exactly uncorrelated (Cholesky of their own correlation), given
 * the target correlation (Cholesky of the target), and each parameter's values are then put in
 * the rank order of its scores. So every marginal, and every Latin hypercube stratum, is kept.
 */
public final class ImanConover {
    private ImanConover() {}

    /**
     * The Pearson correlation of normal scores that gives the Spearman rank correlation
     * {@code rank}: r = 2 sin(pi rank / 6).
     */
    public static double pearsonForRank(double rank) {
        return 2 * Math.sin(Math.PI * rank / 6);
    }

    /** Whether a matrix of rank correlations can be reached: its normal-score form is positive definite. */
    public static boolean feasible(double[][] rank) {
        try {
            new CholeskyDecomposition(new Array2DRowRealMatrix(scoreCorrelation(rank)));
            return true;
        } catch (MathIllegalArgumentException e) {
            return false;
        }
    }

    private static double[][] scoreCorrelation(double[][] rank) {
        int m = rank.length;
        double[][] c = new double[m][m];
        for (int i = 0; i < m; i++) for (int j = 0; j < m; j++) c[i][j] = i == j ? 1 : pearsonForRank(rank[i][j]);
        return c;
    }

    /**
     * For each of the m parameters, the rank (0 to n - 1) its value takes in each run, so that
     * the ranks have about the given rank correlations.
     *
     * @param rank m x m rank correlations, ones on the diagonal, positive definite (see {@link #feasible})
     */
    public static int[][] ranks(int n, double[][] rank, long seed) {
        int m = rank.length;
        NormalDistribution normal = new NormalDistribution(null, 0, 1);
        double[] scores = new double[n];
        double sumSquares = 0;
        for (int i = 0; i < n; i++) {
            scores[i] = normal.inverseCumulativeProbability((i + 1.0) / (n + 1));
            sumSquares += scores[i] * scores[i];
        }
        double[][] s = new double[m][];
        for (int j = 0; j < m; j++) {
            s[j] = scores.clone();
            SplittableRandom random = new SplittableRandom(Plan.mix(seed * 31 + 104_729L * (j + 1)));
            for (int i = n - 1; i > 0; i--) {
                int k = random.nextInt(i + 1);
                double t = s[j][i];
                s[j][i] = s[j][k];
                s[j][k] = t;
            }
        }
        // the scores' own correlation (their mean is zero by symmetry)
        double[][] e = new double[m][m];
        for (int a = 0; a < m; a++) {
            for (int b = a; b < m; b++) {
                double sum = 0;
                for (int i = 0; i < n; i++) sum += s[a][i] * s[b][i];
                e[a][b] = e[b][a] = sum / sumSquares;
            }
        }
        RealMatrix p = new CholeskyDecomposition(new Array2DRowRealMatrix(scoreCorrelation(rank))).getL();
        RealMatrix mix;
        try {
            RealMatrix q = new CholeskyDecomposition(new Array2DRowRealMatrix(e)).getL();
            mix = MatrixUtils.inverse(q).transpose().multiply(p.transpose());
        } catch (MathIllegalArgumentException tooFewRuns) {
            mix = p.transpose(); // scores too few to decorrelate first: the target is met less closely
        }
        int[][] out = new int[m][];
        double[] t = new double[n];
        for (int k = 0; k < m; k++) {
            for (int i = 0; i < n; i++) {
                double sum = 0;
                for (int j = 0; j < m; j++) sum += s[j][i] * mix.getEntry(j, k);
                t[i] = sum;
            }
            out[k] = rankOf(t);
        }
        return out;
    }

    /** The rank of each value (0 for the smallest); ties in run order. */
    private static int[] rankOf(double[] t) {
        Integer[] order = new Integer[t.length];
        for (int i = 0; i < t.length; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(t[a], t[b]));
        int[] rank = new int[t.length];
        for (int r = 0; r < t.length; r++) rank[order[r]] = r;
        return rank;
    }
}
