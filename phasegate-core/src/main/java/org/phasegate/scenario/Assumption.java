package org.phasegate.scenario;

import org.phasegate.problem.Valid;
import java.util.Optional;
import org.phasegate.problem.Position;

/** A named parameter with its plausible range and its source, for the forecast. */
public record Assumption(String id, double value, double low, double high, String unit, String description,
                         Optional<Citation> source, Position at) implements Element {
    public Assumption {
        Valid.idOrMissing(id, "assumption id");
        Valid.finite(value, "assumption value");
        Valid.finite(low, "assumption range low");
        Valid.finite(high, "assumption range high");
    }

}
