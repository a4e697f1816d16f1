package org.phasegate.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which gates each gate waits for: directly ({@code gate: X}, a time relative to X) or through an obligation
 * that X unlocks. Used to reject cycles and to order evaluation.
 */
public final class GateGraph {
    private final Map<String, Set<String>> dependsOn;

    private GateGraph(Map<String, Set<String>> dependsOn) {
        this.dependsOn = dependsOn;
    }

    public static GateGraph of(Scenario s) {
        var deps = new LinkedHashMap<String, Set<String>>();
        for (Gate g : s.gates()) {
            var out = new LinkedHashSet<String>();
            g.when().walk().forEach(c -> collect(c, s, out));
            deps.put(g.id(), out);
        }
        return new GateGraph(deps);
    }

    public Set<String> dependencies(String gate) {
        return dependsOn.getOrDefault(gate, Set.of());
    }

    private static void collect(Condition c, Scenario s, Set<String> out) {
        switch (c) {
            case Condition.GateOpen g -> out.add(g.gate());
            case Condition.ObligationStatus o -> s.gatesUnlocking(o.obligation()).forEach(g -> out.add(g.id()));
            case Condition.StageMet st -> s.obligationWithStage(st.stage()).ifPresent(o -> s.gatesUnlocking(o.id()).forEach(g -> out.add(g.id())));
            case Condition.After a -> moment(a.time(), s, out);
            case Condition.Before b -> moment(b.time(), s, out);
            default -> { }
        }
    }

    private static void moment(TimeRef t, Scenario s, Set<String> out) {
        if (!(t instanceof TimeRef.Relative r)) return;
        if (s.gate(r.anchor()).isPresent()) out.add(r.anchor());
        s.gatesUnlocking(r.anchor()).forEach(g -> out.add(g.id()));
    }

    /** Every distinct cycle, each as a path that starts and ends at the same gate. */
    public List<List<String>> cycles() {
        var cycles = new ArrayList<List<String>>();
        var done = new LinkedHashSet<String>();
        for (String g : dependsOn.keySet()) visit(g, new ArrayList<>(), done, cycles);
        return cycles;
    }

    private void visit(String g, List<String> path, Set<String> done, List<List<String>> cycles) {
        int seen = path.indexOf(g);
        if (seen >= 0) {
            var cycle = new ArrayList<>(path.subList(seen, path.size()));
            cycle.add(g);
            cycles.add(cycle);
            return;
        }
        if (done.contains(g)) return;
        path.add(g);
        for (String d : dependencies(g)) visit(d, path, done, cycles);
        path.removeLast();
        done.add(g);
    }

    /** Gates in an order where each comes after those it waits for (cycles must have been rejected). */
    public List<String> topologicalOrder() {
        var order = new ArrayList<String>();
        var seen = new LinkedHashSet<String>();
        for (String g : dependsOn.keySet()) topo(g, seen, order);
        return order;
    }

    private void topo(String g, Set<String> seen, List<String> order) {
        if (!seen.add(g)) return;
        for (String d : dependencies(g)) topo(d, seen, order);
        if (dependsOn.containsKey(g)) order.add(g);
    }
}
