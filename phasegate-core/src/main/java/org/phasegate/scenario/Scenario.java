package org.phasegate.scenario;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An agreement as executable rules: parties, phases, obligations, gates and the evidence they count, and the
 * context series shown beside the status.
 */
public record Scenario(String id, String title, String description, Instant start, String file,
                       Verification verification, double intermediateFrom,
                       List<Source> sources, List<Party> parties, List<Phase> phases, List<Measure> measures,
                       List<Anchor> anchors, List<Obligation> obligations, List<Gate> gates, List<Lever> levers,
                       List<Assumption> assumptions, Optional<AgreementProvisions> provisions,
                       ForecastModules forecast, ImportPolicy imports, List<Context> context) {

    public Scenario {
        sources = List.copyOf(sources);
        parties = List.copyOf(parties);
        phases = List.copyOf(phases);
        measures = List.copyOf(measures);
        anchors = List.copyOf(anchors);
        obligations = List.copyOf(obligations);
        gates = List.copyOf(gates);
        levers = List.copyOf(levers);
        assumptions = List.copyOf(assumptions);
        forecast = forecast == null ? ForecastModules.NONE : forecast;
        imports = imports == null ? ImportPolicy.NONE : imports;
        context = context == null ? List.of() : List.copyOf(context);
    }

    /** The context series shown beside this obligation (docs/scenario-format.md, "context"). */
    public List<Context> contextBeside(String obligationId) {
        return context.stream().filter(c -> c.beside().contains(obligationId)).toList();
    }

    public Optional<Party> party(String id) {
        return find(parties, Party::id, id);
    }

    public Optional<Obligation> obligation(String id) {
        return find(obligations, Obligation::id, id);
    }

    public Optional<Gate> gate(String id) {
        return find(gates, Gate::id, id);
    }

    public Optional<Measure> measure(String id) {
        return find(measures, Measure::id, id);
    }

    public Optional<Assumption> assumption(String id) {
        return find(assumptions, Assumption::id, id);
    }

    /** The obligation that has a stage with this id. */
    public Optional<Obligation> obligationWithStage(String stageId) {
        return obligations.stream().filter(o -> o.stage(stageId).isPresent()).findFirst();
    }

    public List<Obligation> obligationsIn(String phaseId) {
        return obligations.stream().filter(o -> o.phase().equals(phaseId)).toList();
    }

    /** The gates whose opening makes an obligation due (empty: due from the start). */
    public List<Gate> gatesUnlocking(String obligationId) {
        return gates.stream().filter(g -> g.unlocks().contains(obligationId)).toList();
    }

    public Map<String, Measure> measuresById() {
        // first wins: a duplicate id is the validator's located problem, not a crash here
        return measures.stream().collect(Collectors.toMap(Measure::id, Function.identity(), (first, later) -> first,
                java.util.LinkedHashMap::new));
    }

    /** A reader for evidence files about this scenario: it rejects records naming unknown parties or obligations. */
    public org.phasegate.evidence.EventsReader eventsReader() {
        return new org.phasegate.evidence.EventsReader(
                parties.stream().map(Party::id).collect(Collectors.toSet()),
                obligations.stream().map(Obligation::id).collect(Collectors.toSet()),
                obligations.stream().collect(Collectors.toMap(Obligation::id,
                        o -> o.stages().stream().map(Stage::id).collect(Collectors.toSet()), (a, b) -> a)));
    }

    private static <T> Optional<T> find(List<T> items, Function<T, String> id, String wanted) {
        return items.stream().filter(i -> id.apply(i).equals(wanted)).findFirst();
    }
}
