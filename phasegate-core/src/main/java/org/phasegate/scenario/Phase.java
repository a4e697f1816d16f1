package org.phasegate.scenario;

import java.util.List;
import java.util.Optional;
import org.phasegate.problem.Position;
import org.phasegate.problem.Valid;

/**
 * A phase of the agreement; complete when all its non-optional deliverables are complete, its standing obligations
 * are in force, and every phase it {@code requires} (listed above it) is complete.
 */
public record Phase(String id, String name, Optional<TimeRef> starts, List<String> requires, Position at) implements Element {

    public Phase {
        Valid.idOrMissing(id, "phase id");
        Valid.text(name, "phase name", Valid.MAX_TEXT);
        requires = List.copyOf(requires);
    }
}
