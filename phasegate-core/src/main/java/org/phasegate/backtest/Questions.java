package org.phasegate.backtest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.phasegate.gate.GateState;
import org.phasegate.gate.ObligationState;
import org.phasegate.gate.StatusReport;
import org.phasegate.scenario.Condition;
import org.phasegate.scenario.Gate;
import org.phasegate.scenario.Obligation;
import org.phasegate.scenario.Phase;
import org.phasegate.scenario.Scenario;
import org.phasegate.scenario.TimeRef;
import org.phasegate.score.Question;
import org.phasegate.score.Resolution;

/**
 * The questions a backtest asks at an as-of date D: for each horizon h, "does gate G open by D + h?" for every gate,
 * "is phase P complete by D + h?" for every phase, "does gate G open by its due date?" where the obligations it
 * reads have deadlines ({@link #due}), and "does the ceasefire collapse by D + h?" where the scenario
 * models a collapse ({@link #holdingGate}) and the ceasefire holds at D. A question already settled at D is not
 * asked (nothing is left to forecast), nor is the opening of a gate that only the calendar decides at D (its
 * condition reads only dates that are already fixed): the calendar answers it for any forecaster. See docs/scoring.md.
 */
public final class Questions {
    private Questions() {
    }

    /** The questions still open at {@code atAsOf}'s time, by kind, subject and horizon. */
    public static List<Question> open(Scenario s, StatusReport atAsOf, List<Integer> horizonDays) {
        Instant asOf = atAsOf.asOf();
        var out = new ArrayList<Question>();
        for (Gate g : s.gates()) {
            if (calendarOnly(g.when(), s, atAsOf)) continue;
            for (int h : horizonDays) out.add(new Question.GateOpenBy(g.id(), by(asOf, h)));
            due(g, atAsOf).filter(t -> t.isAfter(asOf)).ifPresent(t -> out.add(new Question.GateOpenBy(g.id(), t)));
        }
        for (Phase p : s.phases()) {
            for (int h : horizonDays) out.add(new Question.PhaseCompleteBy(p.id(), by(asOf, h)));
        }
        holdingGate(s).filter(g -> atAsOf.gate(g).map(st -> st.open()).orElse(false)).ifPresent(g -> {
            for (int h : horizonDays) out.add(new Question.CollapseBy(g, by(asOf, h)));
        });
        return out.stream().distinct().filter(q -> Resolution.of(q, atAsOf).state() == Resolution.State.UNRESOLVED).toList();
    }

    /**
     * When a gate is due: the latest deadline in force at the report's time among the obligations its condition
     * reads, when it reads any and each has one, taken to the end of its day (UTC) because the forecast counts whole
     * days. "Is the gate open by its due date?" asks whether the parties kept the timetable.
     */
    static Optional<Instant> due(Gate g, StatusReport at) {
        var ids = new ArrayList<String>();
        obligations(g.when(), ids);
        if (ids.isEmpty()) return Optional.empty();
        var deadlines = ids.stream().map(id -> at.obligation(id).flatMap(ObligationState::deadline)).toList();
        if (deadlines.stream().anyMatch(Optional::isEmpty)) return Optional.empty();
        Instant latest = deadlines.stream().map(Optional::orElseThrow).max(Instant::compareTo).orElseThrow();
        return Optional.of(latest.atZone(java.time.ZoneOffset.UTC).toLocalDate().plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
    }

    private static void obligations(Condition c, List<String> out) {
        switch (c) {
            case Condition.ObligationStatus o -> out.add(o.obligation());
            case Condition.AllOf a -> a.parts().forEach(p -> obligations(p, out));
            case Condition.AnyOf a -> a.parts().forEach(p -> obligations(p, out));
            case Condition.AtLeast a -> a.parts().forEach(p -> obligations(p, out));
            case Condition.Not n -> obligations(n.part(), out);
            case Condition.GateOpen g -> { }
            case Condition.Reaches r -> { }
            case Condition.StageMet st -> { }
            case Condition.Quiet q -> { }
            case Condition.After a -> { }
            case Condition.Before b -> { }
        }
    }

    static Instant by(Instant asOf, int days) {
        return asOf.plus(Duration.ofDays(days));
    }

    /**
     * The gate that stays open while the ceasefire holds, when the scenario models a collapse: a gate that is not
     * latched (it can close again), requires the opening of a gate that unlocks a cessation obligation, and closes
     * on some verified evidence (a {@code not:} part). In gaza-ceasefire-2025-01.yaml, {@code ceasefire-holding}.
     */
    public static Optional<String> holdingGate(Scenario s) {
        return s.gates().stream().filter(g -> !g.latch() && g.when() instanceof Condition.AllOf all
                        && all.parts().stream().anyMatch(p -> p instanceof Condition.Not)
                        && all.parts().stream().anyMatch(p -> p instanceof Condition.GateOpen o && unlocksCessation(s, o.gate())))
                .map(Gate::id).findFirst();
    }

    private static boolean unlocksCessation(Scenario s, String gate) {
        return s.gate(gate).stream().flatMap(g -> g.unlocks().stream()).flatMap(id -> s.obligation(id).stream())
                .anyMatch(o -> o.type() == Obligation.Type.CESSATION);
    }

    /**
     * True when, as of the report's time, the condition reads only the calendar: after/before a moment that is
     * already fixed (a date, an anchor, or a gate or obligation that has already opened or completed), so no
     * evidence can move it any more.
     */
    static boolean calendarOnly(Condition c, Scenario s, StatusReport at) {
        return switch (c) {
            case Condition.After a -> fixed(a.time(), s, at);
            case Condition.Before b -> fixed(b.time(), s, at);
            case Condition.AllOf a -> a.parts().stream().allMatch(p -> calendarOnly(p, s, at));
            case Condition.AnyOf a -> a.parts().stream().allMatch(p -> calendarOnly(p, s, at));
            case Condition.AtLeast a -> a.parts().stream().allMatch(p -> calendarOnly(p, s, at));
            case Condition.Not n -> calendarOnly(n.part(), s, at);
            case Condition.GateOpen g -> false;
            case Condition.ObligationStatus o -> false;
            case Condition.Reaches r -> false;
            case Condition.StageMet st -> false;
            case Condition.Quiet q -> false;
        };
    }

    private static boolean fixed(TimeRef t, Scenario s, StatusReport at) {
        return switch (t) {
            case TimeRef.Absolute a -> true;
            case TimeRef.Relative r -> s.anchors().stream().anyMatch(a -> a.id().equals(r.anchor()))
                    || at.gate(r.anchor()).flatMap(GateState::openedAt).isPresent()
                    || at.obligation(r.anchor()).map(ObligationState::complete).orElse(false);
        };
    }
}
