package org.phasegate.gate;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.phasegate.scenario.Scenario;

/**
 * Everything the gate engine knows at one time, and the history of changes that led there; {@code context}: the
 * scenario's context series at that time (shown beside the status, never read by it).
 */
public record StatusReport(Scenario scenario, Instant asOf, List<ObligationState> obligations, List<GateState> gates,
                           List<PhaseState> phases, List<PartyView> parties, List<Transition> history, List<ContextState> context) {

    public StatusReport {
        obligations = List.copyOf(obligations);
        gates = List.copyOf(gates);
        phases = List.copyOf(phases);
        parties = List.copyOf(parties);
        history = List.copyOf(history);
        context = List.copyOf(context);
    }

    public Optional<GateState> gate(String id) {
        return gates.stream().filter(g -> g.gate().id().equals(id)).findFirst();
    }

    public Optional<ObligationState> obligation(String id) {
        return obligations.stream().filter(o -> o.obligation().id().equals(id)).findFirst();
    }

    public Optional<PhaseState> phase(String id) {
        return phases.stream().filter(p -> p.phase().id().equals(id)).findFirst();
    }

    public boolean allOpen() {
        return gates.stream().allMatch(GateState::open);
    }
}
