package org.phasegate.gate;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.phasegate.scenario.Scenario;
import org.phasegate.scenario.TimeRef;

/** When each named moment happened during a replay: anchors are fixed, gates open, obligations complete. */
final class Moments {
    private final Map<String, Long> fixed = new HashMap<>();
    private final Map<String, Long> reached = new HashMap<>();

    Moments(Scenario s) {
        s.anchors().forEach(a -> fixed.put(a.id(), a.time().getEpochSecond()));
    }

    /** Records the first time {@code id} happened; later calls keep the first. Returns true if new. */
    boolean reach(String id, long at) {
        return reached.putIfAbsent(id, at) == null;
    }

    OptionalLong of(String id) {
        Long t = fixed.containsKey(id) ? fixed.get(id) : reached.get(id);
        return t == null ? OptionalLong.empty() : OptionalLong.of(t);
    }

    OptionalLong resolve(TimeRef ref) {
        return switch (ref) {
            case TimeRef.Absolute a -> OptionalLong.of(a.time().getEpochSecond());
            case TimeRef.Relative r -> {
                var base = of(r.anchor());
                yield base.isPresent() ? OptionalLong.of(base.getAsLong() + r.offset().toSeconds()) : OptionalLong.empty();
            }
        };
    }
}
