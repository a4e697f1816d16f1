package org.phasegate.scenario;

import java.time.Duration;
import java.time.Instant;

/** A moment in a scenario: absolute, or relative to an anchor, gate or obligation ({@code acceptance + 72h}). */
public sealed interface TimeRef {

    record Absolute(Instant time) implements TimeRef {
        @Override
        public String toString() {
            return time.toString();
        }
    }

    record Relative(String anchor, Duration offset) implements TimeRef {
        @Override
        public String toString() {
            if (offset.isZero()) return anchor;
            long hours = offset.abs().toHours();
            String amount = hours % 24 == 0 ? hours / 24 + "d" : hours + "h";
            return anchor + (offset.isNegative() ? " - " : " + ") + amount;
        }
    }
}
