package org.phasegate.bargain;

/**
 * After each turn, {@code adjusting}'s ideal point moves toward {@code reference}'s
 * new position with this weight (KTAB's {@code iaPair}; actors are 0-based indices).
 */
public record IdealAdjustment(int adjusting, int reference, double weight) {
    public IdealAdjustment {
        if (adjusting < 0 || reference < 0) {
            throw new IllegalArgumentException("actor indices must not be negative");
        }
        if (!(weight >= 0 && weight <= 1)) {
            throw new IllegalArgumentException("adjustment weight must lie in [0, 1], was " + weight);
        }
    }
}
