package org.phasegate.gate;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.phasegate.evidence.Amendment;
import org.phasegate.evidence.EvidenceRecord;
import org.phasegate.scenario.Obligation;
import org.phasegate.scenario.Phase;
import org.phasegate.scenario.Scenario;

/** An obligation's status from evidence: its quantity target and monitors' assessments, the higher code winning. */
final class Obligations {
    private final Scenario scenario;
    private final EvidenceIndex index;
    private final Evaluator evaluator;

    Obligations(Scenario scenario, EvidenceIndex index, Evaluator evaluator) {
        this.scenario = scenario;
        this.index = index;
        this.evaluator = evaluator;
    }

    record Reading(int status, double progress) {
    }

    Reading read(Obligation o, long t) {
        double progress = o.target().map(th -> th.level() == 0 ? 1.0 : evaluator.value(th, t) / th.level()).orElse(0.0);
        int fromTarget = progress >= 1 - 1e-9 ? 3 : progress >= scenario.intermediateFrom() ? 2 : progress > 0 ? 1 : 0;
        return new Reading(Math.max(fromTarget, assessed(o, t)), Math.min(progress, 1));
    }

    /** The latest verified assessment's progress code at or before t, 0 if none. */
    private int assessed(Obligation o, long t) {
        int code = 0;
        long latest = Long.MIN_VALUE;
        for (EvidenceRecord r : index.about(o.id())) {
            long rt = r.time().getEpochSecond();
            if (rt <= t && rt >= latest && r.progress().isPresent()) {
                latest = rt;
                code = r.progress().get();
            }
        }
        return code;
    }

    boolean phaseComplete(Phase p, Map<String, Integer> status) {
        var in = scenario.obligationsIn(p.id()).stream().filter(o -> !o.optional()).toList();
        return !in.isEmpty() && in.stream().allMatch(o -> status.getOrDefault(o.id(), 0) == 3);
    }

    ObligationState state(Obligation o, long asOf, int status, Moments moments, Map<String, Boolean> gateOpen) {
        var unlocking = scenario.gatesUnlocking(o.id());
        boolean locked = !unlocking.isEmpty() && unlocking.stream().noneMatch(g -> gateOpen.getOrDefault(g.id(), false));
        var completed = GateEngine.instant(moments.of(o.id()));
        var schedule = Deadline.of(o.deadline().map(moments::resolve).flatMap(GateEngine::instant), amendment(o, asOf),
                completed, Instant.ofEpochSecond(asOf));
        var deadline = schedule.inForce();
        // A locked obligation is not yet due (docs/scenario-format.md), so it cannot be overdue.
        boolean overdue = !locked && status < 3 && deadline.map(d -> d.getEpochSecond() < asOf).orElse(false);
        boolean contested = index.about(o.id()).stream().anyMatch(r -> r.disputed() && r.time().getEpochSecond() <= asOf);
        return new ObligationState(o, status, progressText(o, asOf), locked, overdue, contested, deadline,
                completed, index.pending(o.id()), schedule);
    }

    /** The latest verified, agreed amendment of the obligation's deadline at or before t. */
    Optional<Amendment> amendment(Obligation o, long t) {
        return index.about(o.id()).stream().filter(r -> r.time().getEpochSecond() <= t)
                .flatMap(r -> Amendment.of(r).stream()).reduce((a, b) -> b);
    }

    private String progressText(Obligation o, long t) {
        return o.target().map(th -> evaluator.threshold(th, t).detail()).orElseGet(() -> assessedText(o, t));
    }

    private String assessedText(Obligation o, long t) {
        Optional<EvidenceRecord> latest = index.about(o.id()).stream()
                .filter(r -> r.progress().isPresent() && r.time().getEpochSecond() <= t)
                .max(java.util.Comparator.comparing(EvidenceRecord::time));
        return latest.map(r -> "assessed " + Evaluator.statusLabel(r.progress().get()) + " on " + r.time())
                .orElse("no verified assessment yet");
    }
}
