package org.phasegate.forecast;

import java.util.List;
import java.util.Optional;
import org.phasegate.problem.Position;

/**
 * One named number of a forecast: its value, its plausible low and high, its unit and its source.
 * A latent condition also says which parties' obligations (of which types) it gates, and whether, when it fails,
 * it vetoes them (they cannot progress) or slows them (by {@code condition-failure-factor}). A lever may switch a
 * scenario lever ({@code switches}): at 0 the gates that scenario lever names lose their conditions; and it
 * {@code shifts} conditions or multiplies numbers the model reads ({@link LeverShift}). {@code stated}
 * is the value the set states; {@code value} may differ from it in a sensitivity arm or after {@code --set}.
 */
public record Assumed(String id, Kind kind, double value, double stated, double low, double high, String unit,
                      String description, AssumptionSource source, List<String> parties, List<String> types,
                      IfFailed ifFailed, Optional<String> switches, Position at, List<LeverShift> shifts) {

    /** Levers are choices someone can make; conditions are latent states of the world; the rest are parameters. */
    public enum Kind { ASSUMPTION, LEVER, CONDITION }

    /** What a failed condition does to the obligations it governs. */
    public enum IfFailed { SLOW, VETO }

    public Assumed {
        parties = List.copyOf(parties);
        types = List.copyOf(types);
        shifts = List.copyOf(shifts);
        if (switches.isPresent() && kind != Kind.LEVER) throw new IllegalArgumentException(id + ": only a lever switches a scenario lever");
        if (!shifts.isEmpty() && kind != Kind.LEVER) throw new IllegalArgumentException(id + ": only a lever shifts something");
    }

    /** An entry that shifts nothing (a parameter, a condition, or a lever that only switches). */
    public Assumed(String id, Kind kind, double value, double stated, double low, double high, String unit,
                   String description, AssumptionSource source, List<String> parties, List<String> types,
                   IfFailed ifFailed, Optional<String> switches, Position at) {
        this(id, kind, value, stated, low, high, unit, description, source, parties, types, ifFailed, switches, at, List.of());
    }

    /** An entry that slows what it governs when it fails and switches nothing. */
    public Assumed(String id, Kind kind, double value, double low, double high, String unit, String description,
                   AssumptionSource source, List<String> parties, List<String> types, Position at) {
        this(id, kind, value, value, low, high, unit, description, source, parties, types, IfFailed.SLOW, Optional.empty(), at);
    }

    public Assumed withValue(double v) {
        return new Assumed(id, kind, v, stated, low, high, unit, description, source, parties, types, ifFailed, switches, at, shifts);
    }

    /**
     * The only values a discrete lever takes, else empty. The set format has no "discrete" key: a lever that
     * {@code switches} a scenario lever is discrete, since the engine reads it as off at 0 and on at any other value;
     * so its values are the two ends of its range (the Gaza sets' {@code reconstruction-conditional}: 0 or 1).
     */
    public List<Double> discreteValues() {
        return switches.isPresent() ? List.of(low, high) : List.of();
    }

    /** Whether this entry may take the value: inside its range and, for a discrete lever, one of its values. */
    public boolean allows(double v) {
        return inRange(v) && (discreteValues().isEmpty() || discreteValues().contains(v));
    }

    public boolean inRange(double v) {
        return v >= Math.min(low, value) - 1e-12 && v <= Math.max(high, value) + 1e-12;
    }
}
