package org.phasegate.gate;

import java.time.Instant;
import java.util.Optional;
import org.phasegate.scenario.Numbers;
import org.phasegate.scenario.Stage;
import org.phasegate.scenario.Threshold;

/**
 * One stage of a staged obligation at the status time: when it was first verified met (it latches), and its
 * deadline as agreed and as amended. {@code number} counts from 1; {@code of} is the number of stages.
 */
public record StageState(Stage stage, int number, int of, String level, Optional<Instant> metAt, Deadline schedule, boolean overdue) {

    public boolean met() {
        return metAt.isPresent();
    }

    /** e.g. "stage 2 of 3 (60% of hw-declared) met on 2026-03-01; late against the original (...), on time against the amended (...)". */
    public String describe() {
        var text = new StringBuilder("stage ").append(number).append(" of ").append(of).append(" (").append(level).append(")");
        text.append(metAt.map(t -> " met on " + day(t)).orElse(" not met"));
        String amended = schedule.describe(met());
        if (!amended.isEmpty()) text.append("; ").append(amended);
        else schedule.inForce().ifPresent(d -> text.append(met() ? (metAt.get().isAfter(d) ? "; late" : "; on time") : overdue ? "; overdue" : "; due")
                .append(" (").append(day(d)).append(")"));
        return text.toString();
    }

    /** A stage's level in its target's terms: "60% of hw-declared", "3 records", "250 persons". */
    public static String level(Stage s, Threshold target) {
        return switch (target.aggregate()) {
            case FRACTION -> Numbers.format(Math.round(s.level() * 1000) / 10.0) + "% of "
                    + target.ofMeasure().orElseGet(() -> target.ofValue().map(Numbers::format).orElse("?"));
            case COUNT -> Numbers.format(s.level()) + " records of " + target.measure();
            default -> Numbers.format(s.level()) + " " + target.unit() + " of " + target.measure();
        };
    }

    private static String day(Instant t) {
        return t.toString().substring(0, 10);
    }
}
