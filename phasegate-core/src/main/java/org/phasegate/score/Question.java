package org.phasegate.score;

import java.time.Instant;
import org.phasegate.problem.Valid;

/**
 * A yes/no question about an agreement that the verified evidence settles by itself: will this gate open by D, will
 * this phase be complete by D, will the ceasefire collapse by D. The ceasefire is named by the gate that stays open
 * while it holds (in `gaza-ceasefire-2025-01.yaml`, `ceasefire-holding`): it collapses when that gate closes again.
 * See {@link Resolution} for how each is resolved, and docs/scoring.md.
 */
public sealed interface Question {

    /** The deadline D: the question asks about what happens at or before it. */
    Instant by();

    /** The gate or phase the question is about. */
    String subject();

    /** A stable id, e.g. {@code gate-open:phase-1-exchanges-complete:by:2025-03-01T00:00:00Z}. */
    default String id() {
        String kind = switch (this) {
            case GateOpenBy g -> "gate-open";
            case PhaseCompleteBy p -> "phase-complete";
            case CollapseBy c -> "collapse";
        };
        return kind + ":" + subject() + ":by:" + by();
    }

    private static void checked(String subject, String what, Instant by) {
        Valid.id(subject, what);
        if (by == null) throw new IllegalArgumentException("a question needs its date");
    }

    /** Does gate {@code gate} open (at any moment) at or before {@code by}? */
    record GateOpenBy(String gate, Instant by) implements Question {
        public GateOpenBy {
            checked(gate, "the question's gate", by);
        }

        @Override
        public String subject() {
            return gate;
        }
    }

    /** Is phase {@code phase} complete at or before {@code by}? */
    record PhaseCompleteBy(String phase, Instant by) implements Question {
        public PhaseCompleteBy {
            checked(phase, "the question's phase", by);
        }

        @Override
        public String subject() {
            return phase;
        }
    }

    /** Does the ceasefire, held while gate {@code holdingGate} is open, collapse (that gate close after opening) by {@code by}? */
    record CollapseBy(String holdingGate, Instant by) implements Question {
        public CollapseBy {
            checked(holdingGate, "the question's holding gate", by);
        }

        @Override
        public String subject() {
            return holdingGate;
        }
    }
}
