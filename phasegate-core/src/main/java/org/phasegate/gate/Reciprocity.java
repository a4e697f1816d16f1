package org.phasegate.gate;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.phasegate.scenario.Gate;
import org.phasegate.scenario.Party;
import org.phasegate.scenario.Scenario;

/** Per party: what it owes next, what it waits for, and which gates it can hold up. */
final class Reciprocity {
    private static final Comparator<ObligationState> BY_DEADLINE = Comparator.comparing(
            (ObligationState o) -> o.deadline().orElse(java.time.Instant.MAX));
    private final Scenario scenario;
    private final List<ObligationState> obligations;

    Reciprocity(Scenario scenario, List<ObligationState> obligations) {
        this.scenario = scenario;
        this.obligations = obligations;
    }

    List<PartyView> views() {
        return scenario.parties().stream().map(this::view).toList();
    }

    private PartyView view(Party p) {
        var open = obligations.stream().filter(o -> !o.complete()).toList();
        var owes = open.stream().filter(o -> o.obligation().owedBy().contains(p.id())).toList();
        var owedToIt = open.stream().filter(o -> o.obligation().owedTo().contains(p.id())).toList();
        var waiting = new LinkedHashSet<String>();
        owedToIt.stream().filter(ObligationState::locked).forEach(o -> scenario.gatesUnlocking(o.obligation().id())
                .forEach(g -> waiting.add(g.id())));
        return new PartyView(p, owes.stream().filter(o -> !o.locked()).sorted(BY_DEADLINE).toList(),
                owes.stream().filter(ObligationState::locked).sorted(BY_DEADLINE).toList(),
                owedToIt.stream().sorted(BY_DEADLINE).toList(), List.copyOf(waiting), levers(p));
    }

    /** Gates that need something this party owes, directly or through a measure of its records, plus declared levers. */
    private List<String> levers(Party p) {
        var out = new LinkedHashSet<String>();
        for (Gate g : scenario.gates()) {
            if (needs(g, p)) out.add(g.id());
        }
        scenario.levers().stream().filter(l -> l.heldBy().contains(p.id())).forEach(l -> out.addAll(l.gates()));
        return List.copyOf(out);
    }

    private boolean needs(Gate g, Party p) {
        Set<String> owed = new LinkedHashSet<>();
        scenario.obligations().stream().filter(o -> o.owedBy().contains(p.id())).forEach(o -> owed.add(o.id()));
        return g.when().walk().anyMatch(c -> switch (c) {
            case org.phasegate.scenario.Condition.ObligationStatus o -> owed.contains(o.obligation());
            case org.phasegate.scenario.Condition.StageMet st -> scenario.obligationWithStage(st.stage()).map(o -> owed.contains(o.id())).orElse(false);
            case org.phasegate.scenario.Condition.Reaches r -> scenario.obligations().stream()
                    .anyMatch(o -> owed.contains(o.id()) && o.target().map(t -> t.measure().equals(r.threshold().measure())).orElse(false))
                    || scenario.measure(r.threshold().measure()).flatMap(m -> m.party()).map(p.id()::equals).orElse(false);
            default -> false;
        });
    }
}
