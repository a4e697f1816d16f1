package org.phasegate.scenario;

import org.phasegate.problem.Valid;
import java.util.Optional;
import org.phasegate.problem.Position;

/**
 * A sourced reference number the forecast shows beside what it compares: {@code compares} is {@code collapse} (a
 * share of ceasefires ended within {@code horizon} of their start, shown beside the collapse curve) or the name of
 * an assumption-set entry (shown beside that entry). An entry that compares nothing would be read by nothing, so the
 * loader refuses it (docs/scenario-format.md, "assumptions").
 */
public record Assumption(String id, double value, double low, double high, String unit, String description,
                         Optional<Citation> source, Position at, String compares, Optional<java.time.Duration> horizon) implements Element {

    public static final String COLLAPSE = "collapse";

    /** An entry as built before it names what it compares (tests of validation only). */
    public Assumption(String id, double value, double low, double high, String unit, String description,
                      Optional<Citation> source, Position at) {
        this(id, value, low, high, unit, description, source, at, COLLAPSE, Optional.of(java.time.Duration.ofDays(365)));
    }

    public Assumption {
        Valid.idOrMissing(id, "assumption id");
        Valid.finite(value, "assumption value");
        Valid.finite(low, "assumption range low");
        Valid.finite(high, "assumption range high");
    }

}
