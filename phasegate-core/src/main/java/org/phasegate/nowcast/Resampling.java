package org.phasegate.nowcast;

/**
 * Weights and systematic resampling for sequential importance resampling (Kitagawa 1996, J. Comput. Graph. Stat.
 * 5:1; Douc, Cappé and Moulines 2005 compare the schemes). Pure functions over arrays; the caller supplies the one
 * uniform draw, so a seeded caller resamples the same way on any number of threads.
 */
public final class Resampling {
    private Resampling() {
    }

    /** Normalised weights from log-weights (the largest subtracted first, so a run of tiny likelihoods cannot underflow). */
    public static double[] normalise(double[] logWeights) {
        if (logWeights.length == 0) throw new IllegalArgumentException("no weights");
        double max = Double.NEGATIVE_INFINITY;
        for (double l : logWeights) {
            if (Double.isNaN(l) || l == Double.POSITIVE_INFINITY) throw new IllegalArgumentException("a log-weight is " + l);
            max = Math.max(max, l);
        }
        if (max == Double.NEGATIVE_INFINITY) throw new IllegalArgumentException("every weight is zero");
        double[] w = new double[logWeights.length];
        double sum = 0;
        for (int i = 0; i < w.length; i++) sum += w[i] = Math.exp(logWeights[i] - max);
        for (int i = 0; i < w.length; i++) w[i] /= sum;
        return w;
    }

    /** Kong's effective sample size of normalised weights, 1 / Σ w²: N when all are equal, 1 when one holds all. */
    public static double effectiveSampleSize(double[] weights) {
        double s = 0;
        for (double w : weights) s += w * w;
        return Math.min(weights.length, 1 / s);   // rounding can put 1/s a hair above N
    }

    /**
     * Systematic resampling: N points (u + i) / N, u in (0, 1], each taking the first run whose cumulative weight
     * reaches it. Run i is chosen floor(N w_i) or ceil(N w_i) times; equal weights choose every run once, in order.
     */
    public static int[] systematic(double[] weights, double u) {
        if (!(u > 0 && u <= 1)) throw new IllegalArgumentException("u must lie in (0, 1], got " + u);
        int n = weights.length;
        int[] ancestor = new int[n];
        double cumulative = weights[0];
        int j = 0;
        for (int i = 0; i < n; i++) {
            double point = (u + i) / n;
            while (point > cumulative && j < n - 1) cumulative += weights[++j];
            ancestor[i] = j;
        }
        return ancestor;
    }
}
