package org.phasegate.score;

import java.util.OptionalDouble;

/**
 * What happened to a forecast completion, in days after the forecast's date: it was observed until
 * {@code observedUntilDays} (the evaluation date) and it completed on {@code completedDay}, or had not completed by
 * then (right-censored: it may complete later, or never).
 */
public record DateOutcome(OptionalDouble completedDay, double observedUntilDays) {

    public DateOutcome {
        if (!(observedUntilDays >= 0) || Double.isInfinite(observedUntilDays)) {
            throw new IllegalArgumentException("observed until must be a day on or after the forecast's date, not " + observedUntilDays);
        }
        if (completedDay.isPresent()) {
            double d = completedDay.getAsDouble();
            if (!(d >= 0 && d <= observedUntilDays)) {
                throw new IllegalArgumentException("completed on day " + d + ", outside 0.." + observedUntilDays + " (when it was observed)");
            }
        }
    }

    public static DateOutcome completed(double day, double observedUntilDays) {
        return new DateOutcome(OptionalDouble.of(day), observedUntilDays);
    }

    public static DateOutcome notCompletedBy(double observedUntilDays) {
        return new DateOutcome(OptionalDouble.empty(), observedUntilDays);
    }
}
