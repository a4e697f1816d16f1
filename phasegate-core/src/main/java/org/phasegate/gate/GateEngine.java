package org.phasegate.gate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * and then gates in dependency order. Each instant carries what can change then (a measure, an assessment, or
 * everything for a date), and only the obligations and gates that read it are evaluated again, so a replay of
 * n records costs about n small evaluations. Evidence is indexed per measure once: each threshold is a binary search.
 */
public final class GateEngine {
    private final Scenario scenario;
    private final List<Gate> gatesInOrder;
    private final Dependencies dependencies;
    private final Set<String> obligationIds;
    private final List<Obligation> standing;

    public GateEngine(Scenario scenario) {
        this.scenario = scenario;
        this.gatesInOrder = GateGraph.of(scenario).topologicalOrder().stream().map(id -> scenario.gate(id).orElseThrow()).toList();
        this.dependencies = new Dependencies(scenario);
        this.obligationIds = scenario.obligations().stream().map(Obligation::id).collect(java.util.stream.Collectors.toSet());
        this.standing = scenario.obligations().stream().filter(Obligation::isStanding).toList();
    }

    /** Status at {@code asOf}, counting only records verified under the scenario's attestation rule. */
    public StatusReport status(List<EvidenceRecord> records, Instant asOf) {
        return status(records, List.of(), asOf);
    }

    /**
     * As {@link #status(List, Instant)}, with rows of imported datasets that the scenario's import policy admits: only
     * measures that name their dataset ({@code import:}) count them.
     */
    public StatusReport status(List<EvidenceRecord> records, List<EvidenceRecord> imported, Instant asOf) {
        return new Replay(records, imported, asOf.getEpochSecond()).run();
    }

    /** One replay: the mutable state lives here and dies with it. */
    private final class Replay {
        private static final String EVERYTHING = "*";
        private final EvidenceIndex index;
        private final long asOf;
        private final Moments moments = new Moments(scenario);
        private final Map<String, Boolean> gateOpen = new HashMap<>();
        private final Map<String, Integer> status = new HashMap<>();
        private final Evaluator evaluator;
        private final Obligations obligations;
        /** Instant -> what may change then: measure ids, "obligation:ID" for assessments, or EVERYTHING. */
        private final Agenda agenda;
        private final Map<String, List<Long>> offsetsByAnchor = new HashMap<>();
        private final List<Transition> history = new ArrayList<>();
        private final Map<String, Long> lastOpened = new HashMap<>();

        Replay(List<EvidenceRecord> records, List<EvidenceRecord> imported, long asOf) {
            this.index = new EvidenceIndex(scenario, records, imported);
            this.asOf = asOf;
            this.agenda = new Agenda(asOf);
            this.evaluator = new Evaluator(scenario, index, moments, gateOpen, status);
            this.obligations = new Obligations(scenario, index, evaluator, gateOpen);
            plan();
        }

        private void on(long t, String what) {
            agenda.add(t, what);
        }

        /** Every instant at which something can change, as far as known before the replay starts. */
        private void plan() {
            on(scenario.start().getEpochSecond(), EVERYTHING);
            on(asOf, EVERYTHING);
            scenario.measures().forEach(m -> {
                for (long t : index.series(m.id(), 0).times()) on(t, m.id());
            });
            scenario.obligations().forEach(o -> index.about(o.id()).forEach(r -> on(r.time().getEpochSecond(), "obligation:" + o.id())));
            for (Gate g : scenario.gates()) g.when().walk().forEach(this::planFor);
            scenario.obligations().forEach(o -> o.target().ifPresent(this::planWindow));
            scenario.obligations().forEach(o -> o.standing().flatMap(st -> st.breachedWhen()).ifPresent(this::planWindow));
            scenario.obligations().forEach(o -> o.deadline().ifPresent(this::planTime));
            scenario.obligations().forEach(o -> o.stages().forEach(st -> st.deadline().ifPresent(this::planTime)));
            scenario.phases().forEach(p -> p.starts().ifPresent(this::planTime));
        }

        private void planFor(Condition c) {
            switch (c) {
                case Condition.Reaches r -> planWindow(r.threshold());
                case Condition.Quiet q -> {
                    for (long t : index.series(q.measure(), 0).times()) on(t + q.days() * 86400L, q.measure());
                }
                case Condition.After a -> planTime(a.time());
                case Condition.Before b -> planTime(b.time());
                default -> { }
            }
        }

        private void planWindow(Threshold th) {
            th.window().ifPresent(w -> {
                for (long t : index.series(th.measure(), th.attestations()).times()) on(t + w.toSeconds(), th.measure());
            });
        }

        private void planTime(TimeRef ref) {
            switch (ref) {
                case TimeRef.Absolute a -> on(a.time().getEpochSecond(), EVERYTHING);
                case TimeRef.Relative r -> {
                    var fixed = moments.of(r.anchor());   // anchors are known up front; gates and obligations later
                    if (fixed.isPresent()) on(fixed.getAsLong() + r.offset().toSeconds(), EVERYTHING);
                    else offsetsByAnchor.computeIfAbsent(r.anchor(), k -> new ArrayList<>()).add(r.offset().toSeconds());
                }
            }
        }

        StatusReport run() {
            var changed = Agenda.newTagSet();
            for (long t = agenda.next(changed); t != Long.MIN_VALUE; t = agenda.next(changed)) step(t, changed);
            amendmentsIntoHistory();
            return report();
        }

        /** Each agreed amendment as a replay line at its time, after what else happened then; the original is kept. */
        private void amendmentsIntoHistory() {
            for (Obligation o : scenario.obligations()) {
                String before = o.deadline().map(moments::resolve).flatMap(GateEngine::instant).map(Instant::toString).orElse("none");
                String last = o.stages().isEmpty() ? o.id() : o.stages().getLast().id();
                var stageBefore = new HashMap<String, String>();
                o.stages().forEach(st -> stageBefore.put(st.id(), st.deadline().map(moments::resolve).flatMap(GateEngine::instant)
                        .map(Instant::toString).orElse("none")));
                for (var r : index.about(o.id())) {
                    if (r.time().getEpochSecond() > asOf) continue;
                    var a = org.phasegate.evidence.Amendment.of(r);
                    if (a.isEmpty()) continue;
                    String after = a.get().deadline() + " (amended by " + a.get().recordId() + ")";
                    String stage = a.get().stage().orElse(last);
                    if (stage.equals(last)) {
                        history.add(new Transition(r.time(), Transition.Kind.DEADLINE, o.id(), before, after));
                        before = after;
                    } else {
                        history.add(new Transition(r.time(), Transition.Kind.DEADLINE, stage, stageBefore.get(stage), after));
                        stageBefore.put(stage, after);
                    }
                }
            }
            history.sort(java.util.Comparator.comparing(Transition::time));   // stable: same-time order is kept
        }

        private void step(long t, Set<String> changed) {
            boolean all = changed.contains(EVERYTHING);
            var touched = new HashSet<String>();
            for (Obligation o : obligationsToRead(changed, all)) readObligation(o, t, touched);
            touched.addAll(changed);
            // a gate that opens or closes puts the standing obligations it unlocks in or out of force, which other
            // gates may read: repeat until nothing changes (bounded: each round must change a standing obligation)
            boolean everything = all;
            for (int round = 0; round <= standing.size(); round++) {
                var opened = new HashSet<String>();
                for (Gate g : gatesInOrder) {
                    if (everything || dependsOnAny(g, touched)) {
                        if (evaluateGate(g, t)) {
                            opened.add(g.id());
                            touched.add(g.id());
                        }
                    }
                }
                everything = false;
                boolean again = false;
                for (Obligation o : standing) {
                    if ((all || scenario.gatesUnlocking(o.id()).stream().anyMatch(g -> opened.contains(g.id()))) && readObligation(o, t, touched)) {
                        again = true;
                    }
                }
                if (!again) break;
            }
            if (all || touched.stream().anyMatch(obligationIds::contains)) completePhases(t);
        }

        private Set<Obligation> obligationsToRead(Set<String> changed, boolean all) {
            if (all) return new LinkedHashSet<>(scenario.obligations());
            var out = new LinkedHashSet<Obligation>();
            for (String c : changed) {
                out.addAll(dependencies.obligationsReading(c));
                if (c.startsWith("obligation:")) scenario.obligation(c.substring(11)).ifPresent(out::add);
            }
            return out;
        }

        private boolean dependsOnAny(Gate g, Set<String> touched) {
            for (String id : touched) if (dependencies.gatesReading(id).contains(g.id())) return true;
            return false;
        }

        /**
         * Re-reads an obligation, adding it (and any stage it reached) to {@code touched}; true if its status changed.
         * A deliverable's completion latches: once complete, a later record (a revised total, a lower assessment)
         * cannot turn it back. Stages latch too, and are reached in order.
         */
        private boolean readObligation(Obligation o, long t, Set<String> touched) {
            int before = status.getOrDefault(o.id(), 0);
            if (before == 3 && !o.isStanding()) return false;
            var reading = obligations.read(o, t);
            reachStages(o, reading, t, touched);
            if (reading.status() == 3) reached(o.id(), t);
            if (reading.status() == before) return false;
            status.put(o.id(), reading.status());
            history.add(new Transition(Instant.ofEpochSecond(t), Transition.Kind.OBLIGATION, o.id(),
                    ObligationState.label(o, before), ObligationState.label(o, reading.status())));
            touched.add(o.id());
            return true;
        }

        /** Marks each next stage the progress has reached (all of them at completion), in order. */
        private void reachStages(Obligation o, Obligations.Reading reading, long t, Set<String> touched) {
            int n = o.stages().size();
            double target = o.target().map(th -> th.level()).orElse(1.0);
            for (int i = 0; i < n; i++) {
                var st = o.stages().get(i);
                if (moments.of(st.id()).isPresent()) continue;
                boolean met = reading.status() == 3 || reading.progress() >= st.level() / target - 1e-9;
                if (!met) return;
                reached(st.id(), t);
                touched.add(st.id());
                history.add(new Transition(Instant.ofEpochSecond(t), Transition.Kind.STAGE, st.id(),
                        i == 0 ? "no stage met" : "stage " + i + " of " + n + " met",
                        "stage " + (i + 1) + " of " + n + " (" + StageState.level(st, o.target().orElseThrow()) + ") of " + o.id() + " met"));
            }
        }

        /** Re-evaluates a gate; true if it opened or closed. */
        private boolean evaluateGate(Gate g, long t) {
            boolean open = gateOpen.getOrDefault(g.id(), false);
            if (open && g.latch()) return false;
            boolean now = evaluator.holds(g.when(), t);
            if (now == open) return false;
            gateOpen.put(g.id(), now);
            history.add(new Transition(Instant.ofEpochSecond(t), Transition.Kind.GATE, g.id(), open ? "open" : "closed", now ? "open" : "closed"));
            if (now) {
                reached(g.id(), t);
                lastOpened.put(g.id(), t);
            }
            return true;
        }

        private void completePhases(long t) {
            for (Phase p : scenario.phases()) {
                boolean required = p.requires().stream().allMatch(r -> moments.of(r).isPresent());
                if (moments.of(p.id()).isEmpty() && required && obligations.phaseComplete(p, status)) {
                    moments.reach(p.id(), t);
                    history.add(new Transition(Instant.ofEpochSecond(t), Transition.Kind.PHASE, p.id(), "incomplete", "complete"));
                }
            }
        }

        private void reached(String id, long t) {
            if (!moments.reach(id, t)) return;
            for (long offset : offsetsByAnchor.getOrDefault(id, List.of())) {
                if (offset > 0) on(t + offset, EVERYTHING);
            }
        }
        private StatusReport report() {
            var obligationStates = scenario.obligations().stream()
                    .map(o -> obligations.state(o, asOf, status.getOrDefault(o.id(), 0), moments)).toList();
            var gateStates = scenario.gates().stream().map(g -> new GateState(g, gateOpen.getOrDefault(g.id(), false),
                    Optional.ofNullable(lastOpened.get(g.id())).map(Instant::ofEpochSecond), evaluator.eval(g.when(), asOf))).toList();
            var paths = new CriticalPaths(scenario, obligationStates, gateStates);
            var phaseStates = scenario.phases().stream().map(p -> {
                var in = obligationStates.stream().filter(o -> o.obligation().phase().equals(p.id()) && !o.obligation().optional()).toList();
                int done = (int) in.stream().filter(ObligationState::complete).count();
                var startedAt = p.starts().map(st -> instant(moments.resolve(st)).filter(t -> t.getEpochSecond() <= asOf))
                        .orElse(Optional.of(scenario.start()));
                boolean required = p.requires().stream().allMatch(r -> moments.of(r).isPresent());
                return new PhaseState(p, startedAt.isPresent(), required && done == in.size() && !in.isEmpty(), instant(moments.of(p.id())), done, in.size(),
                        paths.forPhase(p.id()), startedAt);
            }).toList();
            var parties = new Reciprocity(scenario, obligationStates).views();
            return new StatusReport(scenario, Instant.ofEpochSecond(asOf), obligationStates, gateStates, phaseStates, parties, history, context());
        }

        /** Each context series over its window ending at the status date; read after the replay, so it can change nothing. */
        private List<ContextState> context() {
            var to = Instant.ofEpochSecond(asOf);
            return scenario.context().stream().map(c -> {
                var m = scenario.measure(c.measure()).orElseThrow();
                double total = index.series(m.id(), 0).totalBetween(asOf - c.window().toSeconds(), asOf);
                return ContextState.of(c, m, index.counted(m.id()), total, to);
            }).toList();
        }
    }

    static Optional<Instant> instant(java.util.OptionalLong t) {
        return t.isPresent() ? Optional.of(Instant.ofEpochSecond(t.getAsLong())) : Optional.empty();
    }
}
