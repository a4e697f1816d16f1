package org.phasegate.gate;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.phasegate.scenario.Obligation;

/**
 * An obligation's state at one time on the Peace Accords Matrix scale (0 not initiated .. 3 complete), with how far
 * its target is met and its flags. {@code fraction} is the share of its target the verified evidence reaches (NaN
 * without a target); {@code closed} says that a verified record declared its measure's total final while the
 * target is unmet, so it cannot complete. {@code stages} are a staged obligation's stages, in order. A standing obligation uses 0 for "not in force", 1 for "breached" and 3
 * for "in force".
 */
public record ObligationState(Obligation obligation, int status, String progress, boolean locked, boolean overdue,
                              boolean contested, Optional<Instant> deadline, Optional<Instant> completedAt,
                              int pendingRecords, double fraction, boolean closed, Deadline schedule, List<StageState> stages) {

    public ObligationState {
        stages = List.copyOf(stages);
    }

    public String statusLabel() {
        return label(obligation, status);
    }

    public boolean complete() {
        return status == 3;
    }

    /** A deliverable's share of its target cannot be known yet: its denominator has no verified total. */
    public boolean fractionUnknown() {
        return obligation.target().isPresent() && Double.isNaN(fraction);
    }

    static String label(Obligation o, int status) {
        if (!o.isStanding()) return Evaluator.statusLabel(status);
        return switch (status) {
            case 3 -> "in force";
            case 0 -> "not in force";
            default -> "breached";
        };
    }
}
