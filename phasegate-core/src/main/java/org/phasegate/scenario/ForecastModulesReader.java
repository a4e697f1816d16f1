package org.phasegate.scenario;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.phasegate.problem.Hints;
import org.phasegate.problem.Position;
import org.phasegate.problem.Problems;
import org.phasegate.problem.Quote;
import org.yaml.snakeyaml.nodes.Node;

/** Reads a scenario's {@code forecast:} section (docs/scenario-format.md) and checks what it names. */
final class ForecastModulesReader {
    private static final Set<String> TOP = Set.of("peacekeeping", "contributor-withdrawal", "fallbacks", "focus");
    private static final Set<String> FALLBACK = Set.of("id", "name", "description", "source", "on", "when", "chance", "stops");
    private static final Set<String> STOPS = Set.of("parties", "party-kinds", "obligations", "phases");
    private final Problems problems;
    private final ConditionReader conditions;

    ForecastModulesReader(Problems problems, ConditionReader conditions) {
        this.problems = problems;
        this.conditions = conditions;
    }

    ForecastModules read(Node node) {
        var m = YamlMap.of(node, "forecast", TOP, problems);
        var peacekeeping = m.node("peacekeeping").flatMap(this::peacekeeping);
        var withdrawal = m.node("contributor-withdrawal").map(n -> {
            var w = YamlMap.of(n, "forecast.contributor-withdrawal", Set.of("source", "description"), problems);
            return new ForecastModules.Withdrawal(w.text("source").map(Citation::parse), w.at());
        });
        if (withdrawal.isPresent() && peacekeeping.isEmpty()) {
            problems.add(m.at("contributor-withdrawal"), "contributor-withdrawal needs a peacekeeping presence to withdraw from",
                    "declare forecast.peacekeeping, or remove contributor-withdrawal");
            withdrawal = Optional.empty();
        }
        var fallbacks = new ArrayList<ForecastModules.Fallback>();
        for (Node n : m.list("fallbacks")) fallback(n).ifPresent(fallbacks::add);
        try {
            return new ForecastModules(peacekeeping, withdrawal, fallbacks, m.text("focus"), m.has("focus") ? m.at("focus") : m.at());
        } catch (IllegalArgumentException refused) {
            problems.add(m.at("fallbacks"), refused.getMessage(), "see docs/scenario-format.md, 'forecast'");
            return ForecastModules.NONE;
        }
    }

    private Optional<ForecastModules.Peacekeeping> peacekeeping(Node n) {
        var p = YamlMap.of(n, "forecast.peacekeeping", Set.of("mission", "deployment", "source", "description"), problems);
        String mission = p.requiredText("mission");
        var kind = switch (mission) {
            case "armed" -> ForecastModules.Mission.ARMED;
            case "observer" -> ForecastModules.Mission.OBSERVER;
            default -> null;
        };
        if (kind == null) {
            if (!mission.isEmpty()) problems.add(p.at("mission"), "forecast.peacekeeping.mission is " + Quote.of(mission),
                    "armed (a force: the durability model's pko hazard ratio) or observer (unarmed: the set's observer-mission-hazard-ratio)");
            return Optional.empty();
        }
        return Optional.of(new ForecastModules.Peacekeeping(kind, p.texts("deployment"), p.text("source").map(Citation::parse), p.at()));
    }

    private Optional<ForecastModules.Fallback> fallback(Node n) {
        var f = YamlMap.of(n, "fallback", FALLBACK, problems);
        String id = f.requiredText("id");
        String what = "fallback " + Quote.of(id);
        var trigger = trigger(f, what);
        var stops = f.required("stops").flatMap(s -> stops(s, what));
        if (trigger.isEmpty() || stops.isEmpty()) return Optional.empty();
        try {
            return Optional.of(new ForecastModules.Fallback(id, f.requiredText("name"), f.text("source").map(Citation::parse),
                    trigger.get(), stops.get(), f.at()));
        } catch (IllegalArgumentException refused) {
            problems.add(f.at(), refused.getMessage());
            return Optional.empty();
        }
    }

    /** {@code on: collapse} with {@code chance: ASSUMPTION}, or {@code when: CONDITION}: exactly one. */
    private Optional<ForecastModules.Trigger> trigger(YamlMap f, String what) {
        if (f.has("on") == f.has("when")) {
            problems.add(f.at(), what + " needs exactly one of 'on: collapse' and 'when: CONDITION'",
                    "on: collapse (with chance: ASSUMPTION-ID) or when: a condition such as {all: [...]}");
            return Optional.empty();
        }
        if (f.has("when")) {
            if (f.has("chance")) problems.add(f.at("chance"), what + " has a 'chance' but is taken when its condition holds", "remove 'chance'");
            return f.node("when").flatMap(w -> conditions.read(w, "fallback.when")).map(ForecastModules.Trigger.When::new);
        }
        String on = f.text("on").orElse("");
        if (!on.equals("collapse")) {
            problems.add(f.at("on"), what + " is taken on " + Quote.of(on), "the only event is 'collapse'; for anything else write 'when: CONDITION'");
            return Optional.empty();
        }
        var chance = f.text("chance");
        if (chance.isEmpty()) {
            problems.add(f.at(), what + " is taken on collapse but names no 'chance'",
                    "chance: ASSUMPTION-ID, the assumption giving the probability that a collapse leads to it");
            return Optional.empty();
        }
        return Optional.of(new ForecastModules.Trigger.OnCollapse(chance.get()));
    }

    private Optional<ForecastModules.Stops> stops(Node n, String what) {
        var s = YamlMap.of(n, what + " stops", STOPS, problems);
        var kinds = new ArrayList<Party.Kind>();
        var names = Arrays.stream(Party.Kind.values()).map(Party.Kind::yamlName).toList();
        for (String k : s.texts("party-kinds")) {
            var kind = Arrays.stream(Party.Kind.values()).filter(x -> x.yamlName().equals(k)).findFirst();
            if (kind.isEmpty()) problems.add(s.at("party-kinds"), what + " stops unknown party kind " + Quote.of(k), Hints.didYouMean(k, names));
            else kinds.add(kind.get());
        }
        try {
            return Optional.of(new ForecastModules.Stops(s.texts("parties"), kinds, s.texts("obligations"), s.texts("phases")));
        } catch (IllegalArgumentException refused) {
            problems.add(s.at(), refused.getMessage(), "list parties, party-kinds, obligations or phases");
            return Optional.empty();
        }
    }

    /** Every id the section names exists in the scenario. */
    static void check(Scenario s, Problems problems) {
        var f = s.forecast();
        var obligations = s.obligations().stream().map(Obligation::id).toList();
        f.peacekeeping().ifPresent(p -> names(p.deployment(), obligations, "obligation", p.at(), problems));
        var parties = s.parties().stream().map(Party::id).toList();
        var phases = s.phases().stream().map(Phase::id).toList();
        f.focus().ifPresent(p -> names(List.of(p), phases, "phase", f.at(), problems));
        for (var fb : f.fallbacks()) {
            names(fb.stops().parties(), parties, "party", fb.at(), problems);
            names(fb.stops().obligations(), obligations, "obligation", fb.at(), problems);
            names(fb.stops().phases(), phases, "phase", fb.at(), problems);
        }
    }

    private static void names(List<String> named, List<String> known, String what, Position at, Problems problems) {
        for (String n : named) {
            if (!known.contains(n)) problems.add(at, "forecast names unknown " + what + " " + Quote.of(n), Hints.didYouMean(n, known));
        }
    }
}
