package org.phasegate.scenario;

import org.phasegate.problem.Valid;
import java.util.List;
import org.phasegate.problem.Position;

/** A step that opens when its condition holds over verified evidence, unlocking obligations. */
public record Gate(String id, String name, String description, String phase, Condition when,
                   List<String> unlocks, boolean latch, List<Citation> sources, Position at) implements Element {

    public Gate {
        Valid.idOrMissing(id, "gate id");
        unlocks = List.copyOf(unlocks);
        sources = List.copyOf(sources);
    }
}
