package org.phasegate.scenario;

import java.time.Duration;
import java.util.Optional;

/**
 * A level the evidence must reach: a count, a sum, a rate over a window, or a fraction of a denominator.
 * The denominator of a fraction is either a fixed number or another measure's total.
 */
public record Threshold(String measure, Aggregate aggregate, double level, String unit, Optional<Duration> window,
                        Optional<String> ofMeasure, Optional<Double> ofValue, int attestations) {

    public enum Aggregate { COUNT, SUM, RATE, FRACTION }

    public Threshold {
        java.util.Objects.requireNonNull(measure, "measure");
        java.util.Objects.requireNonNull(aggregate, "aggregate");
        if (!Double.isFinite(level)) throw new IllegalArgumentException("a threshold's level must be finite, not " + level);
        if (ofValue.isPresent() && !Double.isFinite(ofValue.get())) throw new IllegalArgumentException("a denominator must be finite");
        if (window.isPresent() && (window.get().isNegative() || window.get().isZero())) {
            throw new IllegalArgumentException("a window must be positive");
        }
        Verification.checkCount(attestations);
    }

    /** Human form of the required level, e.g. "600 trucks/day over 7d" or "100% of heavy-weapons-declared". */
    public String describe() {
        return switch (aggregate) {
            case COUNT -> Numbers.format(level) + " records";
            case SUM -> Numbers.format(level) + " " + unit;
            case RATE -> Numbers.format(level) + " " + unit + " over " + window.map(Numbers::format).orElse("?");
            case FRACTION -> Numbers.format(level * 100) + "% of "
                    + ofMeasure.orElseGet(() -> ofValue.map(Numbers::format).orElse("?"));
        };
    }
}
