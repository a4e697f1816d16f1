package org.phasegate.forecast;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.phasegate.evidence.EvidenceRecord;
import org.phasegate.gate.Check;
import org.phasegate.gate.GateEngine;
import org.phasegate.gate.GateState;
import org.phasegate.gate.ObligationState;
import org.phasegate.gate.StageState;
import org.phasegate.gate.StatusReport;
import org.phasegate.scenario.Condition;
import org.phasegate.scenario.Measure;
import org.phasegate.scenario.Scenario;

/**
 * The verified state a forecast starts from: each obligation's progress (0..1), which gates are open and since
 * when, which leaf conditions already hold, when each measure last saw a verified record (for quiet periods),
 * since when each unfinished obligation without a measured target has been unlocked ({@code workingSince}: its
 * elapsed working time, which the simulation carries), and which obligations cannot complete because a verified
 * record declared their measure's total final ({@code closed}), and the deadlines a verified, agreed amendment
 * moved ({@code amendedDeadlines}: obligation id -> the deadline in force), which replace the scenario's.
 */
public record StartingState(Instant asOf, Map<String, Double> progress, Map<String, Instant> completedAt,
                            Map<String, Instant> gateOpenedAt, Map<Condition, Boolean> leafMet,
                            Map<String, Instant> lastRecord, Map<String, Instant> workingSince, Set<String> closed,
                            Map<String, Instant> amendedDeadlines) {

    public StartingState {
        progress = Map.copyOf(progress);
        completedAt = Map.copyOf(completedAt);
        gateOpenedAt = Map.copyOf(gateOpenedAt);
        leafMet = Map.copyOf(leafMet);
        lastRecord = Map.copyOf(lastRecord);
        workingSince = Map.copyOf(workingSince);
        closed = Set.copyOf(closed);
        amendedDeadlines = Map.copyOf(amendedDeadlines);
        for (var e : workingSince.entrySet()) {
            if (e.getValue().isAfter(asOf)) throw new IllegalArgumentException(e.getKey() + " is working since " + e.getValue() + ", after " + asOf);
        }
    }

    /** A state with no elapsed working time and nothing closed. */
    public StartingState(Instant asOf, Map<String, Double> progress, Map<String, Instant> completedAt,
                         Map<String, Instant> gateOpenedAt, Map<Condition, Boolean> leafMet, Map<String, Instant> lastRecord) {
        this(asOf, progress, completedAt, gateOpenedAt, leafMet, lastRecord, Map.of(), Set.of(), Map.of());
    }

    /** The state the gate engine verifies from {@code records} at {@code asOf}. */
    public static StartingState of(Scenario scenario, List<EvidenceRecord> records, Instant asOf) {
        return of(scenario, records, List.of(), asOf);
    }

    /**
     * As above, with rows of imported datasets the import policy admits (see {@link GateEngine#status(List, List, Instant)}):
     * measures that name a dataset ({@code import:}) count them, and their last row is when such a measure last saw data.
     */
    public static StartingState of(Scenario scenario, List<EvidenceRecord> records, List<EvidenceRecord> imported, Instant asOf) {
        return of(scenario, new GateEngine(scenario).status(records, imported, asOf), records, imported);
    }

    /** Nothing verified: every obligation at 0, only gates whose conditions need no evidence open. */
    public static StartingState empty(Scenario scenario, Instant asOf) {
        return of(scenario, List.of(), asOf);
    }

    static StartingState of(Scenario scenario, StatusReport report, List<EvidenceRecord> records) {
        return of(scenario, report, records, List.of());
    }

    static StartingState of(Scenario scenario, StatusReport report, List<EvidenceRecord> records, List<EvidenceRecord> imported) {
        var progress = new HashMap<String, Double>();
        var completed = new HashMap<String, Instant>();
        var closed = new HashSet<String>();
        var amended = new HashMap<String, Instant>();
        for (ObligationState o : report.obligations()) {
            o.schedule().amendment().ifPresent(a -> amended.put(o.obligation().id(), a.deadline()));
            progress.put(o.obligation().id(), progress(scenario, o));
            o.completedAt().filter(t -> o.complete()).ifPresent(t -> completed.put(o.obligation().id(), t));
            if (o.closed()) closed.add(o.obligation().id());
        }
        var opened = new HashMap<String, Instant>();
        var leaves = new HashMap<Condition, Boolean>();
        for (GateState g : report.gates()) {
            if (g.open()) opened.put(g.gate().id(), g.openedAt().orElse(report.asOf()));
            leaves(g.gate().when(), g.why(), leaves);
        }
        var last = new HashMap<String, Instant>();
        for (Measure m : scenario.measures()) {
            var seen = m.imported().isPresent() ? lastImported(m, imported, report.asOf()) : lastVerified(scenario, m, records, report.asOf());
            seen.ifPresent(t -> last.put(m.id(), t));
        }
        return new StartingState(report.asOf(), progress, completed, opened, leaves, last,
                workingSince(scenario, report, opened), closed, amended);
    }

    /**
     * The verified share of the target when there is one (360 of 420 = 0.857), else the assessment's code on the
     * status scale (intermediate = {@code intermediate-from}, minimal = half of it); the higher of the two.
     */
    private static double progress(Scenario scenario, ObligationState o) {
        double coded = switch (o.status()) {
            case 3 -> 1.0;
            case 2 -> scenario.intermediateFrom();
            case 1 -> o.obligation().isStanding() ? 0.0 : scenario.intermediateFrom() / 2;
            default -> 0.0;
        };
        // a stage once met latches: a revised denominator cannot move the run back below it
        double latched = o.stages().stream().filter(StageState::met)
                .mapToDouble(st -> st.stage().level() / o.obligation().target().orElseThrow().level()).max().orElse(0);
        coded = Math.max(coded, o.status() == 3 ? 1.0 : Math.min(latched, 1 - 1e-9));
        if (o.obligation().isStanding() || Double.isNaN(o.fraction())) return coded;
        return o.status() == 3 ? 1.0 : Math.max(Math.min(o.fraction(), 1 - 1e-9), Math.min(coded, 1 - 1e-9));
    }

    /**
     * For unfinished deliverables with no measured target that are unlocked now: since when (the latest opening of
     * an open gate that unlocks them, or the scenario's start when no gate does).
     */
    private static Map<String, Instant> workingSince(Scenario scenario, StatusReport report, Map<String, Instant> opened) {
        var out = new HashMap<String, Instant>();
        for (ObligationState o : report.obligations()) {
            var ob = o.obligation();
            if (o.complete() || ob.isStanding() || ob.target().isPresent()) continue;
            var gates = scenario.gatesUnlocking(ob.id());
            Optional<Instant> since = gates.isEmpty() ? Optional.of(scenario.start())
                    : gates.stream().map(g -> opened.get(g.id())).filter(java.util.Objects::nonNull).max(Instant::compareTo);
            since.filter(t -> !t.isAfter(report.asOf())).ifPresent(t -> out.put(ob.id(), t));
        }
        return out;
    }

    /** The gate engine's "why" tree mirrors the condition tree part by part; its leaves say what holds now. */
    private static void leaves(Condition c, Check why, Map<Condition, Boolean> out) {
        var parts = switch (c) {
            case Condition.AllOf a -> a.parts();
            case Condition.AnyOf a -> a.parts();
            case Condition.AtLeast a -> a.parts();
            case Condition.Not n -> List.of(n.part());
            default -> List.<Condition>of();
        };
        if (parts.isEmpty()) {
            out.put(c, why.met());
        } else if (parts.size() == why.parts().size()) {
            for (int i = 0; i < parts.size(); i++) leaves(parts.get(i), why.parts().get(i), out);
        }
    }

    /** The last imported row of the measure's dataset and type that matches its filters, at or before {@code asOf}. */
    private static Optional<Instant> lastImported(Measure m, List<EvidenceRecord> imported, Instant asOf) {
        return imported.stream()
                .filter(r -> m.imported().get().equals(r.attributes().get(org.phasegate.importing.ImportedRow.DATASET_ATTRIBUTE)))
                .filter(r -> r.type().wireName().equals(m.recordType()) && !r.time().isAfter(asOf))
                .filter(r -> m.where().entrySet().stream().allMatch(w -> r.attributes().containsKey(w.getKey()) && w.getValue().contains(r.attributes().get(w.getKey()))))
                .map(EvidenceRecord::time).max(Instant::compareTo);
    }

    private static Optional<Instant> lastVerified(Scenario s, Measure m, List<EvidenceRecord> records, Instant asOf) {
        return records.stream()
                .filter(r -> r.type().wireName().equals(m.recordType()) && !r.time().isAfter(asOf))
                .filter(r -> s.verification().verifies(r))
                .filter(r -> m.party().isEmpty() || r.party().equals(m.party()))
                .filter(r -> m.where().entrySet().stream().allMatch(w -> r.attributes().containsKey(w.getKey()) && w.getValue().contains(r.attributes().get(w.getKey()))))
                .map(EvidenceRecord::time).max(Instant::compareTo);
    }
}
