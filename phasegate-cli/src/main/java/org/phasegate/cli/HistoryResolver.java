package org.phasegate.cli;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.phasegate.evidence.EvidenceRecord;
import org.phasegate.gate.GateEngine;
import org.phasegate.gate.StatusReport;
import org.phasegate.score.Question;
import org.phasegate.score.Resolution;
import org.phasegate.scenario.Scenario;
import org.phasegate.store.forecasts.SavedForecast;

/**
 * Resolves saved questions on read: the gate engine over the verified records dated at or before the question's date
 * (and before now), and the imported series the scenario's measures read cut the same way (a row counts once its period
 * has ended), so no record or row dated after the date ever decides it. A question about another scenario, or about
 * a gate or phase this scenario lacks, stays unresolved.
 */
final class HistoryResolver {
    private final Scenario scenario;
    private final List<EvidenceRecord> records;
    private final List<EvidenceRecord> imported;
    private final Instant now;
    private final Map<Instant, StatusReport> reports = new HashMap<>();

    HistoryResolver(Scenario scenario, List<EvidenceRecord> records, Instant now) {
        this(scenario, records, List.of(), now);
    }

    HistoryResolver(Scenario scenario, List<EvidenceRecord> records, List<EvidenceRecord> imported, Instant now) {
        this.scenario = scenario;
        this.records = List.copyOf(records);
        this.imported = List.copyOf(imported);
        this.now = now;
    }

    Optional<Resolution> resolve(SavedForecast f, SavedForecast.SavedQuestion q) {
        if (!f.scenario().equals(scenario.id()) || !known(q)) return Optional.empty();
        var question = switch (q.kind()) {
            case "gate-open" -> (Question) new Question.GateOpenBy(q.subject(), q.by());
            case "phase-complete" -> new Question.PhaseCompleteBy(q.subject(), q.by());
            default -> new Question.CollapseBy(q.subject(), q.by());
        };
        Instant at = q.by().isBefore(now) ? q.by() : now;
        var report = reports.computeIfAbsent(at, t -> new GateEngine(scenario).status(records.stream().filter(r -> !r.time().isAfter(t)).toList(),
                imported.stream().filter(r -> !r.time().isAfter(t)).toList(), t));
        return Optional.of(Resolution.of(question, report));
    }

    /** The scenario may have changed since the forecast: a gate or phase it no longer has cannot be resolved. */
    private boolean known(SavedForecast.SavedQuestion q) {
        return q.kind().equals("phase-complete") ? scenario.phases().stream().anyMatch(p -> p.id().equals(q.subject()))
                : scenario.gate(q.subject()).isPresent();
    }

    String scenarioId() {
        return scenario.id();
    }
}
