package org.phasegate.forecast;

import java.util.Optional;

/**
 * What a lever of an assumption set moves (docs/forecast.md, "Levers"): a latent condition's probability, or a
 * number the model reads (a duration, a rate). Defined in the set, so the engine knows no lever by name.
 */
public sealed interface LeverShift {

    /**
     * Shifts a condition's threshold (probit, standard-normal units) by {@code effect} × g(lever), g the lever's
     * value or log₂(1 + value / {@code reference}); {@code lowers} makes it a fall. Measured from the lever's stated
     * value, so at that value the condition holds with its stated probability.
     */
    record Condition(String condition, String effect, boolean lowers, Optional<String> reference) implements LeverShift {
        public Condition {
            if (condition.isBlank() || effect.isBlank()) throw new IllegalArgumentException("a condition shift needs a condition and an effect");
        }

        /** The shift at lever value {@code x}, given the effect size and the reference (for log₂). */
        double at(double x, double effectSize, double referenceValue) {
            double g = reference.isPresent() ? Math.log1p(x / referenceValue) / Math.log(2) : x;
            return (lowers ? -effectSize : effectSize) * g;
        }
    }

    /** Multiplies a number the model reads by {@code intercept} + {@code slope} × lever (e.g. 0.5 + mandate strength). */
    record Multiplies(String name, double intercept, double slope) implements LeverShift {
        public Multiplies {
            if (name.isBlank()) throw new IllegalArgumentException("a multiplier names what it multiplies");
            if (!Double.isFinite(intercept) || !Double.isFinite(slope)) throw new IllegalArgumentException("intercept and slope must be finite");
        }

        double factor(double x) {
            return Math.max(0, intercept + slope * x);
        }
    }
}
