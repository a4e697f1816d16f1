package org.phasegate.scenario;

import java.util.Optional;
import org.phasegate.problem.Position;

/** A named parameter with its plausible range and its source, for the forecast. */
public record Assumption(String id, double value, double low, double high, String unit, String description,
                         Optional<Citation> source, Position at) implements Element {
}
