package org.phasegate.score;

/** The standard normal density and distribution function, accurate to about 1e-15 (for the CRPS closed forms). */
final class StandardNormal {
    private static final double LOG_SQRT_2PI = 0.91893853320467274178;

    private StandardNormal() {
    }

    static double pdf(double z) {
        return Math.exp(-0.5 * z * z - LOG_SQRT_2PI);
    }

    /**
     * Φ(z) by Marsaglia's series (G. Marsaglia 2004, "Evaluating the normal distribution", J. Stat. Software 11(4)):
     * Φ(z) = 1/2 + φ(z) (z + z³/3 + z⁵/(3·5) + ...). Every term has the sign of z, so nothing cancels; the terms are
     * summed until they no longer change the total. Beyond |z| = 38, φ underflows and Φ is 0 or 1 in doubles.
     */
    static double cdf(double z) {
        if (Double.isNaN(z)) throw new IllegalArgumentException("Φ of NaN");
        if (z < -38) return 0;
        if (z > 38) return 1;
        double sum = z, term = z, previous = 0, z2 = z * z;
        for (int i = 1; sum != previous; ) {
            previous = sum;
            i += 2;
            term *= z2 / i;
            sum += term;
        }
        return Math.min(1, Math.max(0, 0.5 + sum * pdf(z)));
    }
}
