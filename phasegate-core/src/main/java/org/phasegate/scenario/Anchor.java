package org.phasegate.scenario;

import org.phasegate.problem.Valid;
import java.time.Instant;
import org.phasegate.problem.Position;

/** A named fixed moment that deadlines and time conditions can refer to. */
public record Anchor(String id, String name, Instant time, Position at) implements Element {
    public Anchor {
        Valid.idOrMissing(id, "anchor id");
    }

}
