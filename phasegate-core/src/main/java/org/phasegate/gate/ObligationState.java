package org.phasegate.gate;

import java.time.Instant;
import java.util.Optional;
import org.phasegate.scenario.Obligation;

/**
 * An obligation's state at one time on the Peace Accords Matrix scale (0 not initiated .. 3 complete),
 * with how far its target is met and its flags.
 */
public record ObligationState(Obligation obligation, int status, String progress, boolean locked, boolean overdue,
                              boolean contested, Optional<Instant> deadline, Optional<Instant> completedAt,
                              int pendingRecords, Deadline schedule) {

    public String statusLabel() {
        return Evaluator.statusLabel(status);
    }

    public boolean complete() {
        return status == 3;
    }
}
