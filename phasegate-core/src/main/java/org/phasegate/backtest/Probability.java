package org.phasegate.backtest;

/**
 * A forecast probability of a question with its Monte Carlo standard error (0 when it is not sampled, as for a base
 * rate read off a curve).
 */
public record Probability(double p, double se) {
    public Probability {
        if (!(p >= 0 && p <= 1)) throw new IllegalArgumentException("probability " + p + " is outside [0, 1]");
        if (!(se >= 0) || Double.isInfinite(se)) throw new IllegalArgumentException("standard error " + se + " is not a finite non-negative number");
    }
}
