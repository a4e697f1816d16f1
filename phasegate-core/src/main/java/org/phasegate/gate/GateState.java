package org.phasegate.gate;

import java.time.Instant;
import java.util.Optional;
import org.phasegate.scenario.Gate;

/** A gate at one time: open or closed, when it last opened, and the tree of what is (not) met. */
public record GateState(Gate gate, boolean open, Optional<Instant> openedAt, Check why) {
}
