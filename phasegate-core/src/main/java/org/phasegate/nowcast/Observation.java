package org.phasegate.nowcast;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.phasegate.gate.StatusReport;
import org.phasegate.gate.Transition;
import org.phasegate.problem.Valid;

/**
 * One verified fact a nowcast conditions on: a gate's first opening, a deliverable's completion or the ceasefire's
 * collapse (its holding gate closing after it opened, as {@link org.phasegate.score.Question.CollapseBy} reads it),
 * at the moment the gate engine verified it ({@code at}), or its absence up to the as-of date ({@code at} empty). Read from a status
 * report at the as-of date, whose history holds only records dated at or before it: no hindsight.
 */
public record Observation(Kind kind, String id, Optional<Instant> at) {
    public enum Kind { GATE, OBLIGATION, COLLAPSE }

    public Observation {
        Valid.id(id, "an observation's subject");
        if (kind == null || at == null) throw new IllegalArgumentException("an observation needs its kind and its moment (or none)");
    }

    /**
     * Every gate's first opening and every deliverable's completion in (origin, asOf] as verified at {@code asOf},
     * and every gate and deliverable not opened or completed by then; those already so at the origin (the same in
     * every run) are left out. With a holding gate, the collapse too, unless it had collapsed by the origin.
     */
    public static List<Observation> of(StatusReport asOf, StatusReport origin, Optional<String> holdingGate) {
        var out = new ArrayList<Observation>();
        holdingGate.filter(g -> asOf.gate(g).isEmpty()).ifPresent(g -> {
            throw new IllegalArgumentException("scenario " + asOf.scenario().id() + " has no gate '" + g + "' to hold the ceasefire");
        });
        holdingGate.filter(g -> first(origin, Transition.Kind.GATE, g, "closed").isEmpty())
                .ifPresent(g -> out.add(new Observation(Kind.COLLAPSE, g, first(asOf, Transition.Kind.GATE, g, "closed"))));
        for (var g : asOf.gates()) {
            String id = g.gate().id();
            if (origin.gate(id).map(o -> o.open() || first(origin, Transition.Kind.GATE, id, "open").isPresent()).orElse(false)) continue;
            out.add(new Observation(Kind.GATE, id, first(asOf, Transition.Kind.GATE, id, "open")));
        }
        for (var o : asOf.obligations()) {
            if (o.obligation().isStanding()) continue;
            String id = o.obligation().id();
            if (origin.obligation(id).map(x -> x.complete()).orElse(false)) continue;
            out.add(new Observation(Kind.OBLIGATION, id, o.complete() ? o.completedAt() : Optional.empty()));
        }
        return List.copyOf(out);
    }

    private static Optional<Instant> first(StatusReport r, Transition.Kind kind, String id, String to) {
        return r.history().stream().filter(t -> t.kind() == kind && t.id().equals(id) && t.to().equals(to))
                .map(Transition::time).min(Instant::compareTo);
    }
}
