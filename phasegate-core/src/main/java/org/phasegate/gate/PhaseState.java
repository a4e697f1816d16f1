package org.phasegate.gate;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.phasegate.scenario.Phase;

/**
 * A phase at one time: whether it has started (its {@code starts} moment has come; a phase without one starts
 * with the scenario) and when ({@code startedAt}: that moment, or the scenario's start; empty while not started),
 * how many of its obligations are complete, and the longest chain still in the way.
 */
public record PhaseState(Phase phase, boolean started, boolean complete, Optional<Instant> completedAt, int done, int total,
                         List<String> criticalPath, Optional<Instant> startedAt) {

    public PhaseState {
        criticalPath = List.copyOf(criticalPath);
        if (started != startedAt.isPresent()) throw new IllegalArgumentException("phase " + phase.id() + ": started is " + started + " but startedAt is " + startedAt);
    }
}
