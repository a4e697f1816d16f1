package org.phasegate.gate;

import java.time.Instant;

/** One change in a replay: a gate opened or closed, an obligation's status moved, one of its stages was met or a deadline was amended, a phase completed. */
public record Transition(Instant time, Kind kind, String id, String from, String to) {

    public enum Kind { GATE, OBLIGATION, STAGE, DEADLINE, PHASE }
}
