package org.phasegate.gate;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.phasegate.scenario.Condition;
import org.phasegate.scenario.Gate;
import org.phasegate.scenario.Obligation;
import org.phasegate.scenario.Scenario;
import org.phasegate.scenario.Threshold;
import org.phasegate.scenario.TimeRef;

/** Who reads what: which obligations and gates must be looked at again when a measure, gate or obligation changes. */
final class Dependencies {
    private final Map<String, Set<Obligation>> obligationsByMeasure = new HashMap<>();
    private final Map<String, Set<String>> gatesByInput = new HashMap<>();

    Dependencies(Scenario s) {
        for (Obligation o : s.obligations()) {
            o.target().ifPresent(t -> measuresOf(t).forEach(m -> obligationsByMeasure.computeIfAbsent(m, k -> new LinkedHashSet<>()).add(o)));
            o.standing().flatMap(st -> st.breachedWhen()).ifPresent(t -> measuresOf(t).forEach(m -> obligationsByMeasure.computeIfAbsent(m, k -> new LinkedHashSet<>()).add(o)));
        }
        for (Gate g : s.gates()) g.when().walk().forEach(c -> inputsOf(c).forEach(i ->
                gatesByInput.computeIfAbsent(i, k -> new LinkedHashSet<>()).add(g.id())));
    }

    Set<Obligation> obligationsReading(String measure) {
        return obligationsByMeasure.getOrDefault(measure, Set.of());
    }

    /** Gates whose condition names this measure, gate, obligation or stage. */
    Set<String> gatesReading(String input) {
        return gatesByInput.getOrDefault(input, Set.of());
    }

    private static List<String> anchorOf(TimeRef t) {
        return t instanceof TimeRef.Relative r ? List.of(r.anchor()) : List.of();
    }

    private static List<String> measuresOf(Threshold t) {
        return t.ofMeasure().map(of -> List.of(t.measure(), of)).orElse(List.of(t.measure()));
    }

    private static List<String> inputsOf(Condition c) {
        return switch (c) {
            case Condition.Reaches r -> measuresOf(r.threshold());
            case Condition.Quiet q -> List.of(q.measure());
            case Condition.GateOpen g -> List.of(g.gate());
            case Condition.ObligationStatus o -> List.of(o.obligation());
            case Condition.StageMet st -> List.of(st.stage());
            case Condition.After a -> anchorOf(a.time());
            case Condition.Before b -> anchorOf(b.time());
            default -> List.of();
        };
    }
}
