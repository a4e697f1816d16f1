package org.phasegate.score;

import java.util.Arrays;

/**
 * Probability forecasts of yes/no questions and what happened: {@code p[i]} is the forecast probability that
 * question i resolves yes, {@code outcome[i]} is 1 if it did and 0 if it did not. At least one question; every
 * probability finite and in [0, 1]. The arrays are copied in and out, so the record stays immutable.
 */
public record BinaryForecasts(double[] p, int[] outcome) {

    public BinaryForecasts {
        if (p.length != outcome.length) {
            throw new IllegalArgumentException(p.length + " forecasts but " + outcome.length + " outcomes: each forecast needs its outcome");
        }
        if (p.length == 0) throw new IllegalArgumentException("no forecasts to score");
        for (int i = 0; i < p.length; i++) {
            if (!(p[i] >= 0 && p[i] <= 1)) {
                throw new IllegalArgumentException("forecast " + i + " is " + p[i] + ", not a probability in [0, 1]");
            }
            if (outcome[i] != 0 && outcome[i] != 1) {
                throw new IllegalArgumentException("outcome " + i + " is " + outcome[i] + ", not 0 or 1");
            }
        }
        p = p.clone();
        for (int i = 0; i < p.length; i++) p[i] += 0.0;   // -0.0 becomes 0.0, so equal forecasts group together
        outcome = outcome.clone();
    }

    public static BinaryForecasts of(double[] p, int[] outcome) {
        return new BinaryForecasts(p, outcome);
    }

    @Override
    public double[] p() {
        return p.clone();
    }

    @Override
    public int[] outcome() {
        return outcome.clone();
    }

    public int size() {
        return p.length;
    }

    double p(int i) {
        return p[i];
    }

    int outcome(int i) {
        return outcome[i];
    }

    /** The share of questions that resolved yes (the climatological base rate of this sample). */
    public double baseRate() {
        return (double) Arrays.stream(outcome).sum() / outcome.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BinaryForecasts b && Arrays.equals(p, b.p) && Arrays.equals(outcome, b.outcome);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(p) + Arrays.hashCode(outcome);
    }

    @Override
    public String toString() {
        return "BinaryForecasts[p=" + Arrays.toString(p) + ", outcome=" + Arrays.toString(outcome) + "]";
    }
}
