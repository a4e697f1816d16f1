package org.phasegate.scenario;

import org.phasegate.problem.Quote;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.phasegate.evidence.RecordType;
import org.phasegate.problem.Hints;
import org.phasegate.problem.Position;
import org.phasegate.problem.Problems;

/** Cross-checks a read scenario: ids, references, cycles, units, thresholds and dates. */
final class ScenarioValidator {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private final Scenario s;
    private final Problems problems;
    private final Map<String, String> kindOf = new LinkedHashMap<>();

    private ScenarioValidator(Scenario s, Problems problems) {
        this.s = s;
        this.problems = problems;
    }

    static void validate(Scenario scenario, Problems problems) {
        var v = new ScenarioValidator(scenario, problems);
        v.ids();
        v.references();
        new Units(scenario, problems).check();
        v.dates();
        GateGraph.of(scenario).cycles().forEach(cycle -> problems.add(scenario.gate(cycle.getFirst()).orElseThrow().at(),
                "dependency cycle among gates: " + String.join(" -> ", cycle), "a gate cannot wait for itself; break the loop"));
    }

    private void ids() {
        var positions = new HashMap<String, Position>();
        Stream.of(idsOf(s.sources(), "source"), idsOf(s.parties(), "party"), idsOf(s.phases(), "phase"),
                idsOf(s.measures(), "measure"), idsOf(s.anchors(), "anchor"), idsOf(s.obligations(), "obligation"),
                idsOf(s.obligations().stream().flatMap(o -> o.stages().stream()).toList(), "stage"),
                idsOf(s.gates(), "gate"), idsOf(s.levers(), "lever"), idsOf(s.assumptions(), "assumption"),
                idsOf(s.forecast().fallbacks(), "fallback"), idsOf(s.context(), "context"))
                .flatMap(List::stream).forEach(e -> {
                    if (e.id().isEmpty()) return;
                    if (!ID.matcher(e.id()).matches()) {
                        problems.add(e.at(), e.kind() + " id " + Quote.of(e.id()) + " is not lower-case a-z, 0-9 and '-'", "e.g. " + e.id().toLowerCase().replaceAll("[^a-z0-9-]", "-"));
                    }
                    var first = positions.putIfAbsent(e.id(), e.at());
                    if (first != null) {
                        problems.add(e.at(), "duplicate id " + Quote.of(e.id()) + " (" + e.kind() + ")", "already used by a " + kindOf.get(e.id()) + " at line " + first.line());
                    } else {
                        kindOf.put(e.id(), e.kind());
                    }
                });
    }

    private record Entry(String id, String kind, Position at) {
    }

    private static List<Entry> idsOf(List<? extends Element> items, String kind) {
        return items.stream().map(i -> new Entry(i.id(), kind, i.at())).toList();
    }

    private void references() {
        s.measures().forEach(m -> {
            if (RecordType.fromWire(m.recordType()).isEmpty() && !m.recordType().isEmpty()) {
                problems.add(m.at(), "measure " + Quote.of(m.id()) + " counts unknown record type " + Quote.of(m.recordType()) + "",
                        Hints.didYouMean(m.recordType(), RecordType.wireNames()));
            }
            m.party().ifPresent(p -> ref(p, "party", m.at(), "measure " + Quote.of(m.id()) + ""));
        });
        s.phases().forEach(p -> p.starts().ifPresent(t -> time(t, p.at(), "phase " + Quote.of(p.id()) + "")));
        requires();
        s.obligations().forEach(o -> {
            String what = "obligation " + Quote.of(o.id()) + "";
            ref(o.phase(), "phase", o.at(), what);
            o.owedBy().forEach(p -> ref(p, "party", o.at(), what));
            o.owedTo().forEach(p -> ref(p, "party", o.at(), what));
            o.target().ifPresent(t -> threshold(t, o.at(), what));
            o.deadline().ifPresent(t -> time(t, o.at(), what));
            o.stages().forEach(st -> st.deadline().ifPresent(t -> time(t, st.at(), what + " stage " + Quote.of(st.id()))));
            o.standing().ifPresent(st -> {
                st.watch().ifPresent(w -> ref(w, "measure", o.at(), what + " watch"));
                st.breachedWhen().ifPresent(t -> threshold(t, o.at(), what + " breached-when"));
            });
            citations(o.sources(), o.at(), what);
        });
        s.gates().forEach(g -> {
            String what = "gate " + Quote.of(g.id()) + "";
            ref(g.phase(), "phase", g.at(), what);
            g.unlocks().forEach(u -> ref(u, "obligation", g.at(), what));
            g.when().walk().forEach(c -> condition(c, what));
            citations(g.sources(), g.at(), what);
        });
        s.forecast().fallbacks().forEach(f -> {
            String what = "fallback " + Quote.of(f.id());
            if (f.trigger() instanceof ForecastModules.Trigger.When w) w.condition().walk().forEach(c -> condition(c, what));
            citations(f.source().stream().toList(), f.at(), what);
        });
        s.forecast().peacekeeping().ifPresent(p -> citations(p.source().stream().toList(), p.at(), "forecast.peacekeeping"));
        s.forecast().withdrawal().ifPresent(w -> citations(w.source().stream().toList(), w.at(), "forecast.contributor-withdrawal"));
        s.levers().forEach(l -> {
            l.heldBy().forEach(p -> ref(p, "party", l.at(), "lever " + Quote.of(l.id()) + ""));
            l.gates().forEach(g -> ref(g, "gate", l.at(), "lever " + Quote.of(l.id()) + ""));
            l.source().ifPresent(c -> citations(List.of(c), l.at(), "lever " + Quote.of(l.id()) + ""));
        });
        s.context().forEach(c -> {
            String what = "context " + Quote.of(c.id());
            ref(c.measure(), "measure", c.measureAt(), what);
            c.beside().forEach(o -> ref(o, "obligation", c.besideAt(), what + " beside"));
        });
        s.provisions().ifPresent(ps -> ps.provisions().forEach(p ->
                citations(List.of(p.source()), p.at(), "provision '" + p.code() + "'")));
        s.assumptions().forEach(a -> {
            a.source().ifPresent(c -> citations(List.of(c), a.at(), "assumption " + Quote.of(a.id()) + ""));
            if (a.low() > a.high()) problems.add(a.at(), "assumption " + Quote.of(a.id()) + " has range low " + Numbers.format(a.low()) + " above high " + Numbers.format(a.high()), "write [low, high]");
            else if (a.value() < a.low() || a.value() > a.high()) problems.add(a.at(), "assumption " + Quote.of(a.id()) + " value " + Numbers.format(a.value()) + " lies outside its range [" + Numbers.format(a.low()) + ", " + Numbers.format(a.high()) + "]", "widen the range or fix the value");
        });
    }

    /** A phase may require only phases listed above it, so requirements never form a cycle. */
    private void requires() {
        var above = new java.util.HashSet<String>();
        for (Phase p : s.phases()) {
            for (String r : p.requires()) {
                if (!kindOf.containsKey(r) || !"phase".equals(kindOf.get(r))) ref(r, "phase", p.at(), "phase '" + p.id() + "' requires");
                else if (!above.contains(r)) problems.add(p.at(), "phase '" + p.id() + "' requires '" + r + "', which is not listed above it",
                        "list phases in the order they complete; a phase can require only earlier ones");
            }
            above.add(p.id());
        }
    }

    /** Checks the references of one node; {@link Condition#walk} visits the nodes inside it. */
    private void condition(Condition c, String what) {
        switch (c) {
            case Condition.AllOf a -> { }
            case Condition.AnyOf a -> { }
            case Condition.AtLeast a -> { }
            case Condition.Not n -> { }
            case Condition.GateOpen g -> ref(g.gate(), "gate", g.at(), what);
            case Condition.ObligationStatus o -> ref(o.obligation(), "obligation", o.at(), what);
            case Condition.Reaches r -> threshold(r.threshold(), r.at(), what);
            case Condition.StageMet st -> ref(st.stage(), "stage", st.at(), what);
            case Condition.Quiet q -> ref(q.measure(), "measure", q.at(), what);
            case Condition.After a -> time(a.time(), a.at(), what);
            case Condition.Before b -> time(b.time(), b.at(), what);
        }
    }

    private void threshold(Threshold t, Position at, String what) {
        ref(t.measure(), "measure", at, what);
        t.ofMeasure().ifPresent(m -> ref(m, "measure", at, what));
    }

    private void time(TimeRef t, Position at, String what) {
        if (t instanceof TimeRef.Relative r && !Set.of("anchor", "gate", "obligation").contains(kindOf.getOrDefault(r.anchor(), ""))) {
            String hint = kindOf.containsKey(r.anchor()) ? "" + Quote.of(r.anchor()) + " is a " + kindOf.get(r.anchor()) + "; use an anchor, gate or obligation"
                    : Hints.didYouMean(r.anchor(), kindOf.entrySet().stream().filter(e -> Set.of("anchor", "gate", "obligation").contains(e.getValue())).map(Map.Entry::getKey).toList());
            problems.add(at, what + " refers to unknown moment " + Quote.of(r.anchor()) + "", hint);
        }
    }

    private void ref(String id, String kind, Position at, String what) {
        if (id.isEmpty() || kind.equals(kindOf.get(id))) return;
        var known = kindOf.entrySet().stream().filter(e -> e.getValue().equals(kind)).map(Map.Entry::getKey).toList();
        String hint = kindOf.containsKey(id) ? "" + Quote.of(id) + " is a " + kindOf.get(id) + ", not a " + kind : Hints.didYouMean(id, known);
        problems.add(at, what + " refers to unknown " + kind + " " + Quote.of(id) + "", hint);
    }

    private void citations(List<Citation> cites, Position at, String what) {
        if (cites.isEmpty()) problems.add(at, what + " cites no source", "add source: SOURCE-ID#locator (e.g. plan-2025#point-4)");
        cites.forEach(c -> ref(c.sourceId(), "source", at, what));
    }

    private void dates() {
        s.anchors().forEach(a -> before(a.time(), a.at(), "anchor " + Quote.of(a.id()) + ""));
        s.obligations().forEach(o -> o.deadline().ifPresent(d -> absolute(d).ifPresent(t -> before(t, o.at(), "deadline of obligation " + Quote.of(o.id()) + ""))));
        s.obligations().forEach(o -> o.stages().forEach(st -> st.deadline().flatMap(ScenarioValidator::absolute)
                .ifPresent(t -> before(t, st.at(), "deadline of stage " + Quote.of(st.id()) + ""))));
        Instant previous = null;
        for (Phase p : s.phases()) {
            var start = p.starts().flatMap(ScenarioValidator::absolute);
            if (start.isPresent() && previous != null && start.get().isBefore(previous)) {
                problems.add(p.at(), "phase " + Quote.of(p.id()) + " starts " + start.get() + ", before the phase listed above it (" + previous + ")", "list phases in order or fix the date");
            }
            if (start.isPresent()) previous = start.get();
        }
        s.gates().forEach(g -> window(g.when(), "gate " + Quote.of(g.id()) + ""));
    }

    private void before(Instant t, Position at, String what) {
        if (t.isBefore(s.start())) problems.add(at, what + " is " + t + ", before the scenario starts (" + s.start() + ")", "dates out of order: fix the date or scenario.start");
    }

    /** after X and before Y side by side in an all: Y must come later than X. */
    private void window(Condition c, String what) {
        if (c instanceof Condition.AllOf all) {
            var after = all.parts().stream().filter(Condition.After.class::isInstance).map(p -> absolute(((Condition.After) p).time())).flatMap(Optional::stream).max(Instant::compareTo);
            var beforeC = all.parts().stream().filter(Condition.Before.class::isInstance).map(p -> (Condition.Before) p).toList();
            for (var b : beforeC) {
                var until = absolute(b.time());
                if (after.isPresent() && until.isPresent() && !until.get().isAfter(after.get())) {
                    problems.add(b.at(), what + " can never open: 'before " + until.get() + "' is not later than 'after " + after.get() + "'", "dates out of order");
                }
            }
            all.parts().forEach(p -> window(p, what));
        }
    }

    static Optional<Instant> absolute(TimeRef t) {
        return t instanceof TimeRef.Absolute a ? Optional.of(a.time()) : Optional.empty();
    }
}
