package org.phasegate.scenario;

import org.phasegate.problem.Valid;
import java.util.List;
import java.util.Optional;
import org.phasegate.problem.Position;

/** A party's hold over gates: what it can grant or withhold. */
public record Lever(String id, List<String> heldBy, List<String> gates, String description,
                    Optional<Citation> source, Position at) implements Element {

    public Lever {
        Valid.idOrMissing(id, "lever id");
        heldBy = List.copyOf(heldBy);
        gates = List.copyOf(gates);
    }
}
