package org.phasegate.forecast;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.phasegate.scenario.Condition;
import org.phasegate.scenario.ForecastModules;
import org.phasegate.scenario.Gate;
import org.phasegate.scenario.GateGraph;
import org.phasegate.scenario.Obligation;
import org.phasegate.scenario.Party;
import org.phasegate.scenario.Scenario;
import org.phasegate.scenario.Threshold;
import org.phasegate.scenario.TimeRef;

/**
 * A scenario, a starting state and an assumption set compiled into flat arrays for fast, repeated simulation.
 * Immutable once built; every run reads it and owns its own {@link RunState}.
 */
final class Model {
    final Scenario scenario;
    final String[] obligationIds;
    final String[] gateIds;
    final String[] partyIds;
    final String[] phaseIds;
    final int[][] phaseRequired;
    /** Per phase: the phases it requires (indices), which must be complete before it can be. */
    final int[][] phaseRequires;
    final Triggers triggers;
    final int[][] unlockers;
    final int[] gateOrder;
    final Expr[] gateWhen;
    final boolean[] gateLatch;
    final Program program;
    final double[] medianDays;
    final double spread;
    final double[] weeklyCompliance;
    final int[][] obligationConditions;
    /** Per latent condition: whether its failure vetoes what it governs (else it slows it). */
    final boolean[] conditionVetoes;
    final double[] conditionThreshold;
    final String[] conditionIds;
    final double correlation;
    final double failureFactor;
    /** Per declared fallback, the obligations it stops; fallbacks taken on a condition are evaluated as extra roots of the program. */
    final boolean[][] fallbackStops;
    /** The fallback taken on collapse (-1: none; a collapse then ends the run) and its chance. */
    final int collapseFallback;
    /** The fallbacks taken when their condition holds, and their roots in {@link #program} (after the gates). */
    final int[] conditionFallbacks;
    final boolean[] contributorDeployment;
    final double[] violationsPerDay;
    final double ceasefireAge;
    final String ceasefireFrom;
    final CollapseHazard collapse;
    /** Obligations with a deadline, and each deadline as a moment of the run (a missed one raises the collapse hazard). */
    final int[] deadlineObligations;
    final Expr.Moment[] deadlineMoments;
    final double fallbackShare;
    final String[] fallbackNames;
    final double casualtyShockPerWeek;
    final double withdrawalProbability;
    final double withdrawalDelay;
    final double withdrawalShare;
    final double intermediateFrom;
    final double[] startProgress;
    private final Set<String> frozen = new TreeSet<>();
    final double[] startCompleted;
    /** Days each unfinished obligation without a measured target has been unlocked at the start (0: none). */
    final double[] startElapsed;
    /** Obligations that cannot progress: a verified record declared their measure's total final. */
    final boolean[] closed;
    final boolean[] startOpen;
    final double[] startOpened;
    final double[] startLastViolation;
    /** Per gate: the obligations it unlocks that the focus phase needs (a closed gate with one unfinished blocks). */
    final int[][] focusUnlocks;
    final int focusPhase;
    private final Map<String, Integer> obligationIndex = new HashMap<>();
    private final Map<String, Integer> gateIndex = new HashMap<>();
    private final Map<String, Integer> partyIndex = new HashMap<>();
    private final Instant asOf;
    private final StartingState start;
    private final AssumptionSet set;
    private final Forcing forcing;

    Model(Scenario s, StartingState start, AssumptionSet set, String focus) {
        this(s, start, set, focus, Forcing.NONE);
    }

    /** {@code forcing}: the verified values over time of leaves no run can move (a nowcast from before the as-of date). */
    Model(Scenario s, StartingState start, AssumptionSet set, String focus, Forcing forcing) {
        Params.check(s, set);
        this.scenario = s;
        this.start = start;
        this.set = set;
        this.forcing = forcing;
        this.asOf = start.asOf();
        this.intermediateFrom = s.intermediateFrom();
        obligationIds = s.obligations().stream().map(Obligation::id).toArray(String[]::new);
        gateIds = s.gates().stream().map(Gate::id).toArray(String[]::new);
        partyIds = s.parties().stream().map(Party::id).toArray(String[]::new);
        phaseIds = s.phases().stream().map(p -> p.id()).toArray(String[]::new);
        for (int i = 0; i < obligationIds.length; i++) obligationIndex.put(obligationIds[i], i);
        for (int i = 0; i < gateIds.length; i++) gateIndex.put(gateIds[i], i);
        for (int i = 0; i < partyIds.length; i++) partyIndex.put(partyIds[i], i);
        focusPhase = Arrays.asList(phaseIds).indexOf(focus);
        if (focusPhase < 0) {
            throw new org.phasegate.problem.InvalidInputException(new org.phasegate.problem.Problem("--phase " + focus, 0, 0,
                    "scenario " + s.id() + " has no phase '" + focus + "'", org.phasegate.problem.Hints.didYouMean(focus, List.of(phaseIds))));
        }
        phaseRequired = new int[phaseIds.length][];
        for (int p = 0; p < phaseIds.length; p++) {
            String id = phaseIds[p];
            phaseRequired[p] = s.obligations().stream().filter(o -> o.phase().equals(id) && !o.optional())
                    .mapToInt(o -> obligationIndex.get(o.id())).toArray();
        }
        var phaseList = Arrays.asList(phaseIds);
        phaseRequires = s.phases().stream().map(p -> p.requires().stream().mapToInt(phaseList::indexOf).toArray()).toArray(int[][]::new);
        unlockers = new int[obligationIds.length][];
        for (int o = 0; o < obligationIds.length; o++) {
            unlockers[o] = s.gatesUnlocking(obligationIds[o]).stream().mapToInt(g -> gateIndex.get(g.id())).toArray();
        }
        gateOrder = GateGraph.of(s).topologicalOrder().stream().mapToInt(gateIndex::get).toArray();
        gateLatch = new boolean[gateIds.length];
        gateWhen = new Expr[gateIds.length];
        var unconditional = unconditionalGates(s, set);
        for (int g = 0; g < gateIds.length; g++) {
            gateLatch[g] = s.gates().get(g).latch();
            gateWhen[g] = unconditional.contains(gateIds[g]) ? new Expr.Const(true) : compile(s.gates().get(g).when());
        }
        var fallbacks = s.forecast().fallbacks();
        fallbackNames = fallbacks.stream().map(f -> f.name()).toArray(String[]::new);
        fallbackStops = new boolean[fallbacks.size()][];
        for (int f = 0; f < fallbacks.size(); f++) {
            fallbackStops[f] = new boolean[obligationIds.length];
            for (int o = 0; o < obligationIds.length; o++) fallbackStops[f][o] = fallbacks.get(f).stops().stops(s.obligations().get(o), s);
        }
        collapseFallback = java.util.stream.IntStream.range(0, fallbacks.size())
                .filter(f -> fallbacks.get(f).trigger() instanceof ForecastModules.Trigger.OnCollapse).findFirst().orElse(-1);
        fallbackShare = collapseFallback < 0 ? 0
                : set.value(((ForecastModules.Trigger.OnCollapse) fallbacks.get(collapseFallback).trigger()).chance(), 0);
        conditionFallbacks = java.util.stream.IntStream.range(0, fallbacks.size())
                .filter(f -> fallbacks.get(f).trigger() instanceof ForecastModules.Trigger.When).toArray();
        var roots = Arrays.copyOf(gateWhen, gateIds.length + conditionFallbacks.length);
        for (int i = 0; i < conditionFallbacks.length; i++) {
            roots[gateIds.length + i] = compile(((ForecastModules.Trigger.When) fallbacks.get(conditionFallbacks[i]).trigger()).condition());
        }
        program = new Program(roots);
        focusUnlocks = new int[gateIds.length][];
        for (int g = 0; g < gateIds.length; g++) {
            int gate = g;
            focusUnlocks[g] = Arrays.stream(phaseRequired[focusPhase]).filter(o -> Arrays.stream(unlockers[o]).anyMatch(u -> u == gate)).toArray();
        }

        spread = set.value(Params.SPREAD, 0);
        medianDays = new double[obligationIds.length];
        contributorDeployment = new boolean[obligationIds.length];
        var force = s.forecast().peacekeeping();
        for (int o = 0; o < obligationIds.length; o++) {
            var ob = s.obligations().get(o);
            String name = set.find(Params.DURATION + ob.id()).isPresent() ? Params.DURATION + ob.id() : Params.durationOf(ob.type());
            medianDays[o] = set.value(name, 1) * Shifts.factor(set, name);
            contributorDeployment[o] = force.isPresent() && (force.get().deployment().isEmpty()
                    ? ob.type() == Obligation.Type.DEPLOYMENT && ob.owedBy().stream().anyMatch(p -> kind(p) == Party.Kind.FORCE_CONTRIBUTOR)
                    : force.get().deployment().contains(ob.id()));
        }
        triggers = Triggers.of(roots, obligationIds.length, gateIds.length, partyIds.length,
                o -> contributorDeployment[o] ? new double[] {1e-6, intermediateFrom} : new double[0]);
        weeklyCompliance = compliance(s);
        var conditions = set.assumptions().stream().filter(a -> a.kind() == Assumed.Kind.CONDITION).toList();
        conditionIds = conditions.stream().map(Assumed::id).toArray(String[]::new);
        conditionThreshold = conditions.stream().mapToDouble(c -> Normal.quantile(c.value()) + Shifts.condition(set, c.id())).toArray();
        conditionVetoes = new boolean[conditions.size()];
        for (int c = 0; c < conditionVetoes.length; c++) conditionVetoes[c] = conditions.get(c).ifFailed() == Assumed.IfFailed.VETO;
        obligationConditions = new int[obligationIds.length][];
        for (int o = 0; o < obligationIds.length; o++) {
            var ob = s.obligations().get(o);
            var list = new ArrayList<Integer>();
            for (int c = 0; c < conditions.size(); c++) if (affects(conditions.get(c), ob)) list.add(c);
            obligationConditions[o] = list.stream().mapToInt(Integer::intValue).toArray();
        }
        correlation = set.value(Params.CORRELATION, 0);
        failureFactor = set.value(Params.FAILURE_FACTOR, 0);

        violationsPerDay = new double[partyIds.length];
        for (int p = 0; p < partyIds.length; p++) {
            String name = Params.VIOLATION_RATE + partyIds[p];
            violationsPerDay[p] = set.value(name, 0) * Shifts.factor(set, name) / 7;
        }
        var age = ceasefireAge(s);
        ceasefireAge = age.days();
        ceasefireFrom = age.from();
        collapse = new CollapseHazard(set.durability().orElseThrow().weibull(),
                s.provisions().map(p -> p.codes()).orElse(Map.of()), ceasefireAge, set, force.map(p -> p.mission()));
        deadlineObligations = java.util.stream.IntStream.range(0, obligationIds.length)
                .filter(o -> s.obligations().get(o).deadline().isPresent() || start.amendedDeadlines().containsKey(obligationIds[o])).toArray();
        deadlineMoments = Arrays.stream(deadlineObligations).mapToObj(this::deadlineMoment).toArray(Expr.Moment[]::new);
        boolean withdrawal = s.forecast().withdrawal().isPresent();
        casualtyShockPerWeek = withdrawal ? Math.min(1, set.value(Params.CASUALTY_SHOCK, 0) * Shifts.factor(set, Params.CASUALTY_SHOCK)) : 0;
        withdrawalProbability = withdrawal ? Math.min(1, set.value(Params.WITHDRAWAL_PROB, 0) * Shifts.factor(set, Params.WITHDRAWAL_PROB)) : 0;
        withdrawalDelay = set.value(Params.WITHDRAWAL_DELAY, 0);
        withdrawalShare = set.value(Params.WITHDRAWAL_SHARE, 0);

        startProgress = new double[obligationIds.length];
        startCompleted = new double[obligationIds.length];
        for (int o = 0; o < obligationIds.length; o++) {
            startProgress[o] = start.progress().getOrDefault(obligationIds[o], 0.0);
            var done = start.completedAt().get(obligationIds[o]);
            startCompleted[o] = startProgress[o] >= 1 ? (done == null ? 0 : day(done)) : Double.NaN;
        }
        startElapsed = new double[obligationIds.length];
        closed = new boolean[obligationIds.length];
        for (int o = 0; o < obligationIds.length; o++) {
            var since = start.workingSince().get(obligationIds[o]);
            startElapsed[o] = since == null ? 0 : Math.max(0, -day(since));
            closed[o] = start.closed().contains(obligationIds[o]);
        }
        startOpen = new boolean[gateIds.length];
        startOpened = new double[gateIds.length];
        for (int g = 0; g < gateIds.length; g++) {
            var opened = start.gateOpenedAt().get(gateIds[g]);
            startOpen[g] = opened != null;
            startOpened[g] = opened == null ? Double.NaN : day(opened);
        }
        startLastViolation = new double[partyIds.length];
        Arrays.fill(startLastViolation, Double.NEGATIVE_INFINITY);
        for (var m : s.measures()) {
            if (m.party().isEmpty() || !start.lastRecord().containsKey(m.id()) || !quietMeasures().contains(m.id())) continue;
            int p = partyIndex.get(m.party().get());
            startLastViolation[p] = Math.max(startLastViolation[p], day(start.lastRecord().get(m.id())));
        }
    }

    int obligations() {
        return obligationIds.length;
    }

    int gates() {
        return gateIds.length;
    }

    Instant asOf() {
        return asOf;
    }

    /**
     * Gates whose conditions a lever at 0 removes: a set lever that {@code switches} a scenario lever, at 0, opens the
     * gates that scenario lever names (e.g. reconstruction money released without waiting for security milestones).
     */
    private static Set<String> unconditionalGates(Scenario s, AssumptionSet set) {
        var out = new TreeSet<String>();
        for (Assumed a : set.assumptions()) {
            if (a.switches().isEmpty() || a.value() != 0) continue;
            s.levers().stream().filter(l -> l.id().equals(a.switches().get())).forEach(l -> out.addAll(l.gates()));
        }
        return out;
    }

    private Party.Kind kind(String party) {
        return scenario.party(party).map(Party::kind).orElse(Party.Kind.STATE);
    }

    private double day(Instant t) {
        return (t.getEpochSecond() - asOf.getEpochSecond()) / 86400.0;
    }

    private List<String> quietMeasures() {
        return scenario.gates().stream().flatMap(g -> g.when().walk())
                .filter(c -> c instanceof Condition.Quiet).map(c -> ((Condition.Quiet) c).measure()).toList();
    }

    /** Weekly probability that the owing parties make progress: base compliance, pressure (log-odds), a block factor. */
    private double[] compliance(Scenario s) {
        double base = set.value(Params.COMPLIANCE, 1);
        double logit = Math.log(base / (1 - base));
        var q = new double[obligationIds.length];
        for (int o = 0; o < q.length; o++) {
            var ob = s.obligations().get(o);
            double pressure = ob.owedBy().stream().mapToDouble(p -> set.value(Params.PRESSURE + p, 0)).average().orElse(0);
            double p = base >= 1 ? 1 : base <= 0 ? 0 : 1 / (1 + Math.exp(-(logit + pressure)));
            q[o] = p * set.value(Params.COMPLIANCE_FACTOR + ob.id(), 1);
        }
        return q;
    }

    private static boolean affects(Assumed condition, Obligation o) {
        boolean party = condition.parties().isEmpty() || o.owedBy().stream().anyMatch(condition.parties()::contains);
        boolean type = condition.types().isEmpty() || condition.types().contains(o.type().name().toLowerCase());
        return party && type;
    }

    /** The ceasefire's age at the start (days) and where it was read. */
    record Age(double days, String from) {
    }

    /**
     * Days the ceasefire has lasted at the start: since the verified opening of the first gate unlocking a cessation
     * obligation; else since the scenario's declared start, if that is before the as-of date; else none.
     */
    private Age ceasefireAge(Scenario s) {
        for (Gate g : s.gates()) {
            boolean cessation = g.unlocks().stream().flatMap(id -> s.obligation(id).stream())
                    .anyMatch(o -> o.type() == Obligation.Type.CESSATION);
            var opened = start.gateOpenedAt().get(g.id());
            if (cessation && opened != null) return new Age(Math.max(0, -day(opened)), "gate '" + g.id() + "' opened " + opened + " (verified)");
        }
        if (s.start().isBefore(asOf)) return new Age(-day(s.start()), "the scenario's start " + s.start());
        return new Age(0, "the forecast's start (nothing earlier)");
    }

    private Expr compile(Condition c) {
        return switch (c) {
            case Condition.AllOf a -> new Expr.All(a.parts().stream().map(this::compile).toArray(Expr[]::new));
            case Condition.AnyOf a -> new Expr.Any(a.parts().stream().map(this::compile).toArray(Expr[]::new));
            case Condition.AtLeast a -> new Expr.AtLeast(a.k(), a.parts().stream().map(this::compile).toArray(Expr[]::new));
            case Condition.Not n -> new Expr.Not(compile(n.part()));
            case Condition.GateOpen g -> new Expr.GateOpen(gateIndex.get(g.gate()));
            case Condition.ObligationStatus o -> new Expr.Progress(obligationIndex.get(o.obligation()), statusLevel(o.status()));
            case Condition.Reaches r -> threshold(r);
            case Condition.StageMet st -> stage(st.stage());
            case Condition.Quiet q -> quiet(q);
            case Condition.After a -> new Expr.Time(moment(a.time()), true);
            case Condition.Before b -> new Expr.Time(moment(b.time()), false);
        };
    }

    private double statusLevel(int status) {
        return switch (status) {
            case 0 -> 0;
            case 1 -> 1e-6;
            case 2 -> intermediateFrom;
            default -> 1;
        };
    }

    /** A stage is a share of its obligation's one task, so the stages of a run are reached in order. */
    private Expr stage(String stageId) {
        var o = scenario.obligationWithStage(stageId).orElseThrow();
        double share = o.stage(stageId).orElseThrow().level() / o.target().orElseThrow().level();
        return new Expr.Progress(obligationIndex.get(o.id()), Math.max(1e-6, Math.min(1, share)));
    }

    /** A threshold becomes a share of the progress of the obligation whose target counts the same measure. */
    private Expr threshold(Condition.Reaches r) {
        Threshold th = r.threshold();
        for (Obligation o : scenario.obligations()) {
            if (o.target().isPresent() && o.target().get().measure().equals(th.measure())) {
                return new Expr.Progress(obligationIndex.get(o.id()), share(th, o.target().get()));
            }
        }
        for (Proxy p : set.proxies()) {
            if (p.measure().equals(th.measure()) && obligationIndex.containsKey(p.obligation())) {
                return new Expr.Progress(obligationIndex.get(p.obligation()), Math.max(1e-6, p.shareAt(th.level())));
            }
        }
        if (forcing.covers(r)) return forcing.expr(r);
        boolean met = start.leafMet().getOrDefault(r, false);
        if (!met) frozen.add(th.measure());
        return new Expr.Const(met);
    }

    /** Measures with a threshold unmet at the start that no obligation or proxy can move: it stays unmet in every run. */
    Set<String> frozenMeasures() {
        return Set.copyOf(frozen);
    }

    /** The same measures, sorted, for the forecast result. */
    List<String> heldMeasures() {
        return List.copyOf(frozen);
    }

    static double share(Threshold th, Threshold target) {
        if (th.aggregate() == Threshold.Aggregate.RATE || target.aggregate() == Threshold.Aggregate.RATE) return 1;
        double s = switch (th.aggregate()) {
            case COUNT -> target.aggregate() == Threshold.Aggregate.COUNT ? th.level() / target.level() : 1e-6;
            case SUM -> target.aggregate() == Threshold.Aggregate.SUM ? th.level() / target.level() : 1;
            case FRACTION -> target.aggregate() == Threshold.Aggregate.FRACTION ? th.level() / target.level()
                    : target.aggregate() == Threshold.Aggregate.SUM && th.ofValue().isPresent()
                    ? th.level() * th.ofValue().get() / target.level() : th.level();
            case RATE -> 1;
        };
        return Math.max(1e-6, Math.min(1, s));
    }

    private Expr quiet(Condition.Quiet q) {
        var m = scenario.measure(q.measure());
        if (m.isPresent() && m.get().party().isPresent()) return new Expr.Quiet(partyIndex.get(m.get().party().get()), q.days());
        if (forcing.covers(q)) return forcing.expr(q);
        return new Expr.Const(start.leafMet().getOrDefault(q, false));
    }

    /** The deadline in force: a verified, agreed amendment's (at the start) replaces the scenario's. */
    private Expr.Moment deadlineMoment(int o) {
        var amended = start.amendedDeadlines().get(obligationIds[o]);
        return amended != null ? new Expr.Moment.Fixed(day(amended)) : moment(scenario.obligations().get(o).deadline().orElseThrow());
    }

    private Expr.Moment moment(TimeRef ref) {
        return switch (ref) {
            case TimeRef.Absolute a -> new Expr.Moment.Fixed(day(a.time()));
            case TimeRef.Relative r -> relative(r.anchor(), days(r.offset()));
        };
    }

    private Expr.Moment relative(String anchor, double offset) {
        if (gateIndex.containsKey(anchor)) return new Expr.Moment.GateOpened(gateIndex.get(anchor), offset);
        if (obligationIndex.containsKey(anchor)) return new Expr.Moment.Completed(obligationIndex.get(anchor), offset);
        return scenario.anchors().stream().filter(a -> a.id().equals(anchor)).findFirst()
                .<Expr.Moment>map(a -> new Expr.Moment.Fixed(day(a.time()) + offset + set.value(Params.ANCHOR_DELAY + anchor, 0)))
                .orElse(new Expr.Moment.Fixed(Double.NaN));
    }

    private static double days(Duration d) {
        return d.getSeconds() / 86400.0;
    }
}
