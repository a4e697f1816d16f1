package org.phasegate.bargain;

/** KTAB's spatial utility: salience-weighted distance and risk-adjusted utility. */
final class Utility {
    private Utility() {
    }

    /** Utility of a normalised distance {@code sd} to an actor with risk attitude {@code r} in [-1, 1]. */
    static double ofDistance(double sd, double r) {
        if (sd <= 1) {
            return (1 - sd) * (1 + sd * r);
        }
        // round-off can push a distance slightly past 1
        return (1 - sd) * (1 + r);
    }

    /** Salience-weighted distance between {@code a} and {@code b}: sqrt(sum (d s)^2 / sum s^2). */
    static double distance(double[] a, double[] b, double[] sal) {
        double dsSqr = 0;
        double ssSqr = 0;
        for (int k = 0; k < a.length; k++) {
            double ds = (a[k] - b[k]) * sal[k];
            dsSqr = dsSqr + (ds * ds);
            ssSqr = ssSqr + (sal[k] * sal[k]);
        }
        return Math.sqrt(dsSqr / ssSqr);
    }

    /** Risk attitudes from each position's probability of prevailing (KTAB's big R). */
    static double[] riskAttitudes(double[] p, ModelParameters.BigRRange rr) {
        double pMin = 1.0;
        double pMax = 0.0;
        for (double pi : p) {
            pMin = Math.min(pi, pMin);
            pMax = Math.max(pi, pMax);
        }
        double[] r = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            r[i] = switch (rr) {
                case MIN -> (p[i] - pMin) / (pMax - pMin);
                case MID -> (3 * p[i] - (pMax + 2 * pMin)) / (2 * (pMax - pMin));
                case MAX -> (2 * p[i] - (pMax + pMin)) / (pMax - pMin);
            };
        }
        return r;
    }

    /** Euclidean distance, used by the stop rule. */
    static double euclid(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            double d = a[k] - b[k];
            s += d * d;
        }
        return Math.sqrt(s);
    }
}
