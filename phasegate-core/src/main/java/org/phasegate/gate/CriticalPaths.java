package org.phasegate.gate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.phasegate.scenario.Scenario;

/**
 * The longest chain of unmet dependencies standing between a phase and its completion: an incomplete obligation,
 * the closed gate that locks it, the obligation that gate still waits for, and so on.
 */
final class CriticalPaths {
    private final Scenario scenario;
    private final Map<String, ObligationState> obligations;
    private final Map<String, GateState> gates;
    private final Map<String, List<String>> memo = new HashMap<>();

    CriticalPaths(Scenario scenario, List<ObligationState> obligations, List<GateState> gates) {
        this.scenario = scenario;
        this.obligations = obligations.stream().collect(Collectors.toMap(o -> o.obligation().id(), Function.identity()));
        this.gates = gates.stream().collect(Collectors.toMap(g -> g.gate().id(), Function.identity()));
    }

    List<String> forPhase(String phase) {
        return scenario.obligationsIn(phase).stream()
                .filter(o -> !o.optional() && !obligations.get(o.id()).complete())
                .map(o -> chain(o.id(), new HashSet<>()))
                .max((a, b) -> Integer.compare(a.size(), b.size()))
                .orElse(List.of());
    }

    private List<String> chain(String id, Set<String> visiting) {
        if (memo.containsKey(id)) return memo.get(id);
        if (!visiting.add(id)) return List.of();
        var longest = prerequisites(id).stream().map(p -> chain(p, visiting))
                .max((a, b) -> Integer.compare(a.size(), b.size())).orElse(List.of());
        var out = new ArrayList<String>();
        out.add(id);
        out.addAll(longest);
        visiting.remove(id);
        memo.put(id, List.copyOf(out));
        return out;
    }

    /** What must happen before {@code id} can: closed gates locking an obligation; unmet parts of a closed gate. */
    private List<String> prerequisites(String id) {
        var o = obligations.get(id);
        if (o != null) {
            if (!o.locked()) return List.of();
            return scenario.gatesUnlocking(id).stream().map(g -> g.id()).filter(g -> !gates.get(g).open()).toList();
        }
        var g = gates.get(id);
        if (g == null || g.open()) return List.of();
        var out = new ArrayList<String>();
        for (Check leaf : g.why().unmetLeaves()) {
            String[] words = leaf.condition().split(" ");
            switch (words[0]) {
                case "gate", "obligation" -> out.add(words[1]);
                case "threshold" -> scenario.obligations().stream()
                        .filter(x -> x.target().map(t -> t.measure().equals(words[1])).orElse(false))
                        .filter(x -> !obligations.get(x.id()).complete())
                        .forEach(x -> out.add(x.id()));
                default -> { }
            }
        }
        return out;
    }
}
