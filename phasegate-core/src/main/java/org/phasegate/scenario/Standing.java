package org.phasegate.scenario;

import java.time.Duration;
import java.util.Optional;

/**
 * What makes an obligation standing (a ceasefire, holding a line, not interfering with aid) rather than a
 * deliverable: it is not done once but kept over time. It is in force once unlocked unless breached: by its
 * {@code breachedWhen} threshold being reached (when the agreement defines one) or by the latest verified
 * assessment coding it minimal or not initiated. {@code watch} names a measure whose verified records over
 * {@code window} are shown beside its status ("in force; 3 verified violations in the last 90 days").
 */
public record Standing(Optional<String> watch, Duration window, Optional<Threshold> breachedWhen) {

    public static final Duration DEFAULT_WINDOW = Duration.ofDays(90);

    public Standing {
        if (window.isNegative() || window.isZero()) throw new IllegalArgumentException("the watch window must be positive, got " + window);
    }
}
