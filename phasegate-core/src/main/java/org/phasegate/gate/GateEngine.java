package org.phasegate.gate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.phasegate.evidence.EvidenceRecord;
import org.phasegate.scenario.Condition;
import org.phasegate.scenario.Gate;
import org.phasegate.scenario.GateGraph;
import org.phasegate.scenario.Obligation;
import org.phasegate.scenario.Phase;
import org.phasegate.scenario.Scenario;
import org.phasegate.scenario.Threshold;
import org.phasegate.scenario.TimeRef;

/**
 * The gate engine: scenario + evidence records + time -> the status of every obligation, gate, phase and party.
 *
 * <p>Design note. Status at time t is a pure function of its inputs, but it is path dependent: gates latch once
 * open, and deadlines such as {@code acceptance + 72h} run from the moment another gate opened. So the engine
 * replays history rather than evaluating t alone. Between two records nothing changes except what time itself
 * changes: a record leaving a rate window, a quiet period running out, a relative date arriving. The replay
 * therefore visits exactly those instants (record times, window and quiet-period expiries, absolute dates, and
 * relative dates as soon as their anchor is known), evaluating obligations first (they depend on evidence only)
 * and then gates in dependency order. Evidence is indexed per measure once, so each threshold is a binary search.
 */
public final class GateEngine {
    private final Scenario scenario;
    private final List<String> gateOrder;

    public GateEngine(Scenario scenario) {
        this.scenario = scenario;
        this.gateOrder = GateGraph.of(scenario).topologicalOrder();
    }

    /** Status at {@code asOf}, counting only records verified under the scenario's attestation rule. */
    public StatusReport status(List<EvidenceRecord> records, Instant asOf) {
        return new Replay(records, asOf.getEpochSecond()).run();
    }

    /** One replay: the mutable state lives here and dies with it. */
    private final class Replay {
        private final EvidenceIndex index;
        private final long asOf;
        private final Moments moments = new Moments(scenario);
        private final Map<String, Boolean> gateOpen = new HashMap<>();
        private final Map<String, Integer> status = new HashMap<>();
        private final Map<String, Double> progress = new HashMap<>();
        private final Evaluator evaluator;
        private final Obligations obligations;
        private final TreeSet<Long> agenda = new TreeSet<>();
        private final Map<String, List<Long>> offsetsByAnchor = new HashMap<>();
        private final List<Transition> history = new ArrayList<>();

        Replay(List<EvidenceRecord> records, long asOf) {
            this.index = new EvidenceIndex(scenario, records);
            this.asOf = asOf;
            this.evaluator = new Evaluator(scenario, index, moments, gateOpen, status);
            this.obligations = new Obligations(scenario, index, evaluator);
            plan();
        }

        /** Every instant at which something can change, as far as known before the replay starts. */
        private void plan() {
            agenda.add(scenario.start().getEpochSecond());
            agenda.addAll(index.recordTimes());
            for (Gate g : scenario.gates()) {
                Conditions.flatten(g.when()).forEach(this::planFor);
            }
            scenario.obligations().forEach(o -> o.target().ifPresent(this::planWindow));
            scenario.obligations().forEach(o -> o.deadline().ifPresent(this::planTime));
            agenda.add(asOf);
            agenda.tailSet(asOf, false).clear();
        }

        private void planFor(Condition c) {
            switch (c) {
                case Condition.Reaches r -> planWindow(r.threshold());
                case Condition.Quiet q -> {
                    for (long t : index.series(q.measure(), 0).times()) agenda.add(t + q.days() * 86400L);
                }
                case Condition.After a -> planTime(a.time());
                case Condition.Before b -> planTime(b.time());
                default -> { }
            }
        }

        private void planWindow(Threshold th) {
            th.window().ifPresent(w -> {
                for (long t : index.series(th.measure(), th.attestations()).times()) agenda.add(t + w.toSeconds());
            });
        }

        private void planTime(TimeRef ref) {
            switch (ref) {
                case TimeRef.Absolute a -> agenda.add(a.time().getEpochSecond());
                case TimeRef.Relative r -> {
                    var fixed = moments.of(r.anchor());   // anchors are known up front; gates and obligations later
                    if (fixed.isPresent()) agenda.add(fixed.getAsLong() + r.offset().toSeconds());
                    else offsetsByAnchor.computeIfAbsent(r.anchor(), k -> new ArrayList<>()).add(r.offset().toSeconds());
                }
            }
        }

        StatusReport run() {
            Long t = agenda.pollFirst();
            while (t != null && t <= asOf) {
                step(t);
                t = agenda.pollFirst();
            }
            return report();
        }

        private void step(long t) {
            for (Obligation o : scenario.obligations()) {
                var reading = obligations.read(o, t);
                progress.put(o.id(), reading.progress());
                int before = status.getOrDefault(o.id(), 0);
                if (reading.status() != before) {
                    status.put(o.id(), reading.status());
                    history.add(new Transition(Instant.ofEpochSecond(t), Transition.Kind.OBLIGATION, o.id(),
                            Evaluator.statusLabel(before), Evaluator.statusLabel(reading.status())));
                }
                if (reading.status() == 3) reached(o.id(), t);
            }
            for (String id : gateOrder) {
                Gate g = scenario.gate(id).orElseThrow();
                boolean open = gateOpen.getOrDefault(id, false);
                if (open && g.latch()) continue;
                boolean now = evaluator.eval(g.when(), t, false).met();
                if (now != open) {
                    gateOpen.put(id, now);
                    history.add(new Transition(Instant.ofEpochSecond(t), Transition.Kind.GATE, id,
                            open ? "open" : "closed", now ? "open" : "closed"));
                    if (now) reached(id, t);
                }
            }
            for (Phase p : scenario.phases()) {
                if (moments.of(p.id()).isEmpty() && obligations.phaseComplete(p, status)) {
                    moments.reach(p.id(), t);
                    history.add(new Transition(Instant.ofEpochSecond(t), Transition.Kind.PHASE, p.id(), "incomplete", "complete"));
                }
            }
        }

        private void reached(String id, long t) {
            if (!moments.reach(id, t)) return;
            for (long offset : offsetsByAnchor.getOrDefault(id, List.of())) {
                if (t + offset > t && t + offset <= asOf) agenda.add(t + offset);
            }
        }

        private StatusReport report() {
            var obligationStates = scenario.obligations().stream()
                    .map(o -> obligations.state(o, asOf, status.getOrDefault(o.id(), 0), moments, gateOpen)).toList();
            var gateStates = scenario.gates().stream().map(g -> new GateState(g, gateOpen.getOrDefault(g.id(), false),
                    instant(moments.of(g.id())), evaluator.eval(g.when(), asOf, true))).toList();
            var paths = new CriticalPaths(scenario, obligationStates, gateStates);
            var phaseStates = scenario.phases().stream().map(p -> {
                var in = obligationStates.stream().filter(o -> o.obligation().phase().equals(p.id()) && !o.obligation().optional()).toList();
                int done = (int) in.stream().filter(ObligationState::complete).count();
                return new PhaseState(p, done == in.size() && !in.isEmpty(), instant(moments.of(p.id())), done, in.size(), paths.forPhase(p.id()));
            }).toList();
            var parties = new Reciprocity(scenario, obligationStates).views();
            return new StatusReport(scenario, Instant.ofEpochSecond(asOf), obligationStates, gateStates, phaseStates, parties, history);
        }
    }

    static Optional<Instant> instant(java.util.OptionalLong t) {
        return t.isPresent() ? Optional.of(Instant.ofEpochSecond(t.getAsLong())) : Optional.empty();
    }
}
