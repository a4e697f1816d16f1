package org.phasegate.forecast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * The gates of one run whose inputs changed since they were last evaluated. A gate's condition reads only some
 * inputs — obligations' progress and completion days, other gates, parties' last violations, the clock (fixed and
 * relative dates) — and between two changes of those inputs it keeps its value, so a run re-evaluates only the gates
 * marked here. The clock is an input only at the moments a date arrives ({@link Triggers} lists them), and a quiet
 * period only when a violation restarts it or it runs out: those are the moments its value can change.
 */
final class StaleGates {
    /** Per input (see {@link Inputs}): the gates whose conditions read it. Shared by every run of a model. */
    private final int[][] readers;
    private final int obligations;
    private final int gates;
    private final boolean[] stale;

    StaleGates(Inputs inputs) {
        this.readers = inputs.readers;
        this.obligations = inputs.obligations;
        this.gates = inputs.gates;
        this.stale = new boolean[gates];
    }

    void obligation(int o) {
        mark(readers[o]);
    }

    void gate(int g) {
        mark(readers[obligations + g]);
    }

    void party(int p) {
        mark(readers[obligations + gates + p]);
    }

    void clock() {
        mark(readers[readers.length - 1]);
    }

    void all() {
        Arrays.fill(stale, true);
    }

    /** Whether gate g must be evaluated; it is then no longer stale. */
    boolean take(int g) {
        boolean was = stale[g];
        stale[g] = false;
        return was;
    }

    private void mark(int[] gateList) {
        for (int g : gateList) stale[g] = true;
    }

    /**
     * Which gates read which input, from the compiled conditions: inputs are numbered obligations first, then gates,
     * parties, and last the clock. Immutable.
     */
    record Inputs(int[][] readers, int obligations, int gates) {
        static Inputs of(Expr[] conditions, int obligations, int parties) {
            int gates = conditions.length;
            var read = new ArrayList<TreeSet<Integer>>();
            for (int i = 0; i < obligations + gates + parties + 1; i++) read.add(new TreeSet<>());
            for (int g = 0; g < gates; g++) {
                var found = new TreeSet<Integer>();
                walk(conditions[g], obligations, gates, found);
                for (int input : found) read.get(input < 0 ? read.size() - 1 : input).add(g);
            }
            return new Inputs(read.stream().map(s -> s.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new),
                    obligations, gates);
        }

        /** Adds the inputs an expression reads; -1 stands for the clock. */
        private static void walk(Expr e, int obligations, int gates, TreeSet<Integer> found) {
            switch (e) {
                case Expr.All a -> walk(List.of(a.parts()), obligations, gates, found);
                case Expr.Any a -> walk(List.of(a.parts()), obligations, gates, found);
                case Expr.AtLeast a -> walk(List.of(a.parts()), obligations, gates, found);
                case Expr.Not n -> walk(n.part(), obligations, gates, found);
                case Expr.Const c -> { }
                case Expr.GateOpen g -> found.add(obligations + g.gate());
                case Expr.Progress p -> found.add(p.obligation());
                case Expr.Quiet q -> found.add(obligations + gates + q.party());
                case Expr.Time t -> {
                    found.add(-1);
                    switch (t.moment()) {
                        case Expr.Moment.Fixed f -> { }
                        case Expr.Moment.GateOpened g -> found.add(obligations + g.gate());
                        case Expr.Moment.Completed c -> found.add(c.obligation());
                    }
                }
            }
        }

        private static void walk(List<Expr> parts, int obligations, int gates, TreeSet<Integer> found) {
            for (Expr p : parts) walk(p, obligations, gates, found);
        }
    }
}
