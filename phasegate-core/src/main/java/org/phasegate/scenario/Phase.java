package org.phasegate.scenario;

import org.phasegate.problem.Valid;
import java.util.Optional;
import org.phasegate.problem.Position;

/** A phase of the agreement; complete when all its non-optional obligations are. */
public record Phase(String id, String name, Optional<TimeRef> starts, Position at) implements Element {
    public Phase {
        Valid.idOrMissing(id, "phase id");
        Valid.text(name, "phase name", Valid.MAX_TEXT);
    }

}
