package org.phasegate.gate;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.phasegate.evidence.Amendment;
import org.phasegate.evidence.EvidenceRecord;
import org.phasegate.scenario.Gate;
import org.phasegate.scenario.Obligation;
import org.phasegate.scenario.Phase;
import org.phasegate.scenario.Scenario;
import org.phasegate.scenario.Standing;

/**
 * An obligation's status from evidence. A deliverable: its quantity target and monitors' assessments, the higher
 * code winning. A standing obligation: not in force while locked; once unlocked, in force unless breached (its
 * breach threshold reached, or the latest verified assessment coding it minimal or not initiated).
 */
final class Obligations {
    private final Scenario scenario;
    private final EvidenceIndex index;
    private final Evaluator evaluator;
    private final Map<String, Boolean> gateOpen;

    Obligations(Scenario scenario, EvidenceIndex index, Evaluator evaluator, Map<String, Boolean> gateOpen) {
        this.scenario = scenario;
        this.index = index;
        this.evaluator = evaluator;
        this.gateOpen = gateOpen;
    }

    record Reading(int status, double progress) {
    }

    Reading read(Obligation o, long t) {
        if (o.isStanding()) return standing(o, o.standing().orElseThrow(), t);
        double progress = o.target().map(th -> th.level() == 0 ? 1.0 : evaluator.value(th, t) / th.level()).orElse(0.0);
        // a share that is unknown (no denominator yet) but has verified progress behind it is minimal, never 0%
        int fromTarget = progress >= 1 - 1e-9 ? 3 : progress >= scenario.intermediateFrom() ? 2 : progress > 0 || unknownButBegun(o, t) ? 1 : 0;
        return new Reading(Math.max(fromTarget, assessed(o, t).orElse(0)), Math.min(progress, 1));
    }

    private boolean unknownButBegun(Obligation o, long t) {
        return o.target().map(th -> Double.isNaN(evaluator.value(th, t)) && index.series(th.measure(), th.attestations()).countUpTo(t) > 0)
                .orElse(false);
    }

    private Reading standing(Obligation o, Standing st, long t) {
        if (locked(o)) return new Reading(0, 0);
        boolean overThreshold = st.breachedWhen().map(th -> evaluator.value(th, t) >= th.level() - 1e-9).orElse(false);
        boolean assessedBreached = assessed(o, t).map(code -> code <= 1).orElse(false);
        return overThreshold || assessedBreached ? new Reading(1, 0) : new Reading(3, 1);
    }

    boolean locked(Obligation o) {
        var unlocking = scenario.gatesUnlocking(o.id());
        return !unlocking.isEmpty() && unlocking.stream().map(Gate::id).noneMatch(g -> gateOpen.getOrDefault(g, false));
    }

    /** The latest verified assessment's progress code at or before t, if any. */
    private Optional<Integer> assessed(Obligation o, long t) {
        return latestAssessment(o, t).flatMap(EvidenceRecord::progress);
    }

    private Optional<EvidenceRecord> latestAssessment(Obligation o, long t) {
        EvidenceRecord latest = null;
        for (EvidenceRecord r : index.about(o.id())) {
            long rt = r.time().getEpochSecond();
            if (rt <= t && r.progress().isPresent() && (latest == null || rt >= latest.time().getEpochSecond())) latest = r;
        }
        return Optional.ofNullable(latest);
    }

    /** Deliverables complete, standing obligations in force: both have status 3. */
    boolean phaseComplete(Phase p, Map<String, Integer> status) {
        var in = scenario.obligationsIn(p.id()).stream().filter(o -> !o.optional()).toList();
        return !in.isEmpty() && in.stream().allMatch(o -> status.getOrDefault(o.id(), 0) == 3);
    }

    ObligationState state(Obligation o, long asOf, int status, Moments moments) {
        boolean locked = locked(o);
        var completed = GateEngine.instant(moments.of(o.id()));
        var schedule = Deadline.of(o.deadline().map(moments::resolve).flatMap(GateEngine::instant), amendment(o, Optional.empty(), asOf),
                completed, Instant.ofEpochSecond(asOf));
        var stages = stages(o, asOf, locked, moments);
        var deadline = schedule.inForce();
        // A locked obligation is not yet due (docs/scenario-format.md), so it cannot be overdue.
        boolean overdue = !locked && (status < 3 && deadline.map(d -> d.getEpochSecond() < asOf).orElse(false)
                || stages.stream().anyMatch(StageState::overdue));
        boolean contested = index.about(o.id()).stream().anyMatch(r -> r.disputed() && r.time().getEpochSecond() <= asOf);
        double fraction = o.target().map(th -> th.level() == 0 ? 1.0 : Math.min(1, evaluator.value(th, asOf) / th.level())).orElse(Double.NaN);
        boolean closed = status < 3 && o.target().map(th -> index.isFinal(th.measure(), asOf)).orElse(false);
        String text = progressText(o, status, asOf, closed);
        if (status == 3 && completed.isPresent() && o.target().map(th -> !(evaluator.value(th, asOf) >= th.level() - 1e-9)).orElse(false)) {
            text += "; complete since " + completed.get() + " (completion latches: later records do not undo it)";
        }
        return new ObligationState(o, status, text, locked, overdue, contested, deadline,
                completed, index.pending(o.id()), fraction, closed, schedule, stages);
    }

    private java.util.List<StageState> stages(Obligation o, long asOf, boolean locked, Moments moments) {
        var out = new java.util.ArrayList<StageState>();
        int n = o.stages().size();
        for (int i = 0; i < n; i++) {
            var st = o.stages().get(i);
            var met = GateEngine.instant(moments.of(st.id()));
            var schedule = Deadline.of(st.deadline().map(moments::resolve).flatMap(GateEngine::instant),
                    amendment(o, Optional.of(st.id()), asOf), met, Instant.ofEpochSecond(asOf));
            boolean overdue = !locked && met.isEmpty() && schedule.inForce().map(d -> d.getEpochSecond() < asOf).orElse(false);
            out.add(new StageState(st, i + 1, n, StageState.level(st, o.target().orElseThrow()), met, schedule, overdue));
        }
        return out;
    }

    /**
     * The latest verified, agreed amendment at or before t of the obligation's deadline (no stage) or of one stage's.
     * The obligation's deadline is its last stage's, so an amendment of either moves both.
     */
    Optional<Amendment> amendment(Obligation o, Optional<String> stage, long t) {
        var last = o.stages().isEmpty() ? Optional.<String>empty() : Optional.of(o.stages().getLast().id());
        var wanted = stage.equals(last) ? Optional.<String>empty() : stage;
        return index.about(o.id()).stream().filter(r -> r.time().getEpochSecond() <= t)
                .flatMap(r -> Amendment.of(r).stream())
                .filter(a -> (a.stage().equals(last) ? Optional.<String>empty() : a.stage()).equals(wanted)).reduce((a, b) -> b);
    }

    private String progressText(Obligation o, int status, long t, boolean closed) {
        if (o.isStanding()) return standingText(o, o.standing().orElseThrow(), status, t);
        String text = o.target().map(th -> evaluator.threshold(th, t).detail()).orElseGet(() -> assessedText(o, t));
        return closed ? text + "; final (declared by a verified record): cannot complete" : text;
    }

    /** "in force; 3 verified violations in the last 90 days", with the assessment behind a breach. */
    private String standingText(Obligation o, Standing st, int status, long t) {
        var text = new StringBuilder(ObligationState.label(o, status));
        if (status == 0) return text.append(locked(o) ? " (locked)" : "").toString();
        st.watch().ifPresent(w -> {
            long days = st.window().toDays();
            int n = index.series(w, 0).countBetween(t - st.window().toSeconds(), t);
            text.append("; ").append(n).append(" verified ").append(n == 1 ? "record" : "records").append(" of ").append(w)
                    .append(" in the last ").append(days).append(" days");
        });
        st.breachedWhen().ifPresent(th -> text.append(" (breached at ").append(th.describe()).append(")"));
        latestAssessment(o, t).ifPresent(r -> text.append("; assessed ").append(Evaluator.statusLabel(r.progress().orElseThrow()))
                .append(" on ").append(r.time()));
        return text.toString();
    }

    private String assessedText(Obligation o, long t) {
        return latestAssessment(o, t).map(r -> "assessed " + Evaluator.statusLabel(r.progress().get()) + " on " + r.time())
                .orElse("no verified assessment yet");
    }

}
