package org.phasegate.forecast;

import java.util.List;
import org.phasegate.problem.Position;

/**
 * One named number of a forecast: its value, its plausible low and high, its unit and its source.
 * A latent condition also says which parties' obligations (of which types) it gates.
 */
public record Assumed(String id, Kind kind, double value, double low, double high, String unit, String description,
                      AssumptionSource source, List<String> parties, List<String> types, Position at) {

    /** Levers are choices someone can make; conditions are latent states of the world; the rest are parameters. */
    public enum Kind { ASSUMPTION, LEVER, CONDITION }

    public Assumed {
        parties = List.copyOf(parties);
        types = List.copyOf(types);
    }

    public Assumed withValue(double v) {
        return new Assumed(id, kind, v, low, high, unit, description, source, parties, types, at);
    }

    public boolean inRange(double v) {
        return v >= Math.min(low, value) - 1e-12 && v <= Math.max(high, value) + 1e-12;
    }
}
