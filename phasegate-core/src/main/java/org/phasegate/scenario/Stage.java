package org.phasegate.scenario;

import java.util.Optional;
import org.phasegate.problem.Position;
import org.phasegate.problem.Valid;

/**
 * A dated milestone on an obligation's one target quantity, e.g. 60% of the declared heavy weapons by
 * {@code isf-deployed + 120d}. {@code level} is in the target's own terms (a count, a sum, or a fraction for a
 * fraction target). Stages are reached in order and latch: once verified, a later record cannot undo them.
 */
public record Stage(String id, double level, Optional<TimeRef> deadline, Position at) implements Element {

    public Stage {
        Valid.idOrMissing(id, "stage id");
        if (!Double.isFinite(level) || level <= 0) throw new IllegalArgumentException("stage " + id + ": level must be above 0, not " + level);
    }
}
