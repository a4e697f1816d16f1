package org.phasegate.score;

import java.util.Arrays;

/**
 * The continuous ranked probability score of a forecast distribution F against an outcome y:
 * CRPS(F, y) = ∫ (F(x) − 1{y ≤ x})² dx = E|X − y| − ½ E|X − X'| (Gneiting and Raftery 2007, JASA 102:359), in the
 * outcome's unit (days for completion dates). 0 for a certain, right forecast; for a point forecast it is the
 * absolute error. Lower is better. See docs/scoring.md.
 */
public final class Crps {
    private Crps() {
    }

    /** How the E|X − X'| term is estimated from an ensemble of m members. */
    public enum Estimator {
        /**
         * The ensemble's own empirical distribution: ΣΣ|x_i − x_j| / m². The CRPS of the step function F_m, exactly
         * (properscoring's crps_ensemble, scoringrules' "nrg" energy form).
         */
        STANDARD,
        /**
         * The fair (unbiased) estimator: ΣΣ|x_i − x_j| / (m(m − 1)) (Ferro 2014, QJRMS 140:1917; scoringrules' "fair").
         * Its expectation does not depend on m, so small and large ensembles compare fairly; needs m ≥ 2.
         */
        FAIR
    }

    /** CRPS of the ensemble {@code members} against {@code y}, in O(m log m). */
    public static double ensemble(double[] members, double y, Estimator estimator) {
        int m = members.length;
        if (m == 0) throw new IllegalArgumentException("an ensemble needs at least one member");
        if (estimator == Estimator.FAIR && m < 2) throw new IllegalArgumentException("the fair CRPS needs at least 2 members, not 1");
        finite("the outcome", y);
        double[] x = members.clone();
        for (double v : x) finite("an ensemble member", v);
        Arrays.sort(x);
        double absError = 0, pairs = 0;   // pairs = Σ_{i<j} (x_j − x_i), from each member's rank
        for (int i = 0; i < m; i++) {
            absError += Math.abs(x[i] - y);
            pairs += (2.0 * i - m + 1) * x[i];
        }
        double spread = estimator == Estimator.FAIR ? 2 * pairs / ((double) m * (m - 1)) : 2 * pairs / ((double) m * m);
        return absError / m - spread / 2;
    }

    /**
     * CRPS of the normal distribution N(mu, sigma²) against y, closed form (Gneiting, Raftery, Westveld and Goldman
     * 2005, Monthly Weather Review 133:1098, eq. 5): σ [z (2Φ(z) − 1) + 2φ(z) − 1/√π] with z = (y − μ)/σ.
     */
    public static double normal(double mu, double sigma, double y) {
        finite("mu", mu);
        finite("the outcome", y);
        if (!(sigma > 0) || Double.isInfinite(sigma)) throw new IllegalArgumentException("sigma must be positive and finite, not " + sigma);
        double z = (y - mu) / sigma;
        return sigma * (z * (2 * StandardNormal.cdf(z) - 1) + 2 * StandardNormal.pdf(z) - 1 / Math.sqrt(Math.PI));
    }

    /**
     * CRPS of the exponential distribution with {@code rate} λ against y, closed form: y + 2e^{−λy}/λ − 3/(2λ) for
     * y ≥ 0, and 1/(2λ) − y below 0 (from E|X − y| − ½E|X − X'| with E|X − X'| = 1/λ). The completion time under a
     * constant hazard.
     */
    public static double exponential(double rate, double y) {
        finite("the outcome", y);
        if (!(rate > 0) || Double.isInfinite(rate)) throw new IllegalArgumentException("rate must be positive and finite, not " + rate);
        if (y < 0) return 1 / (2 * rate) - y;
        return y + 2 * Math.exp(-rate * y) / rate - 3 / (2 * rate);
    }

    static void finite(String what, double v) {
        if (!Double.isFinite(v)) throw new IllegalArgumentException(what + " is " + v + ", not a finite number");
    }
}
