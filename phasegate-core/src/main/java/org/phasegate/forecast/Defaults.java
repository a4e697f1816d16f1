package org.phasegate.forecast;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.phasegate.scenario.Obligation;
import org.phasegate.scenario.Phase;
import org.phasegate.scenario.Scenario;

/** The forecast's defaults, read off the scenario and the as-of date rather than fixed (docs/forecast.md). */
public final class Defaults {
    private Defaults() {
    }

    /**
     * The phase to focus on: the one the scenario names ({@code forecast: focus:}), else the first phase, in the scenario's order, that is not complete at the start (some
     * non-optional obligation of it has verified progress below 1); the last phase if all are.
     */
    public static String phase(Scenario s, StartingState start) {
        if (s.forecast().focus().isPresent()) return s.forecast().focus().get();
        for (Phase p : s.phases()) {
            boolean done = s.obligationsIn(p.id()).stream().filter(o -> !o.optional()).map(Obligation::id)
                    .allMatch(id -> start.progress().getOrDefault(id, 0.0) >= 1);
            if (!done) return p.id();
        }
        return s.phases().getLast().id();
    }

    /** The ends of the as-of date's year and of the next (UTC). */
    public static List<LocalDate> by(StartingState start) {
        int year = start.asOf().atZone(ZoneOffset.UTC).getYear();
        return List.of(LocalDate.of(year, 12, 31), LocalDate.of(year + 1, 12, 31));
    }
}
