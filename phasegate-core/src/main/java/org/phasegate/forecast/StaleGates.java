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
 * period only when a violation restarts it or it runs out: those are the moments its value can change. Gates are
 * kept by their rank in the evaluation order, so the stale ones are found in that order from the set bits.
 */
final class StaleGates {
    /** Per input (see {@link Inputs}): the ranks of the gates whose conditions read it, as bits. Shared by every run. */
    private final long[][] readers;
    private final int obligations;
    private final int gates;
    /** Bit r of word r / 64: the gate of rank r is stale. */
    private final long[] stale;

    StaleGates(Inputs inputs) {
        this.readers = inputs.readers;
        this.obligations = inputs.obligations;
        this.gates = inputs.gates;
        this.stale = new long[(gates + 63) / 64];
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
        Arrays.fill(stale, -1L);
        if (gates % 64 != 0) stale[stale.length - 1] = (1L << gates) - 1;   // shifts count modulo 64
    }

    /** The lowest rank at or after {@code from} whose gate is stale, now no longer stale; -1 if none. */
    int next(int from) {
        for (int w = from >>> 6; w < stale.length; w++) {
            long bits = w == from >>> 6 ? stale[w] & (-1L << from) : stale[w];
            if (bits == 0) continue;
            int rank = w * 64 + Long.numberOfTrailingZeros(bits);
            stale[w] &= ~(1L << rank);
            return rank;
        }
        return -1;
    }

    private void mark(long[] gateBits) {
        for (int w = 0; w < gateBits.length; w++) stale[w] |= gateBits[w];
    }

    /**
     * Which gates read which input, from the compiled conditions: inputs are numbered obligations first, then gates,
     * parties, and last the clock; {@code order} lists the gates by rank. Immutable.
     */
    record Inputs(long[][] readers, int obligations, int gates) {
        static Inputs of(Expr[] conditions, int[] order, int obligations, int parties) {
            int gates = conditions.length;
            int[] rank = new int[gates];
            for (int r = 0; r < gates; r++) rank[order[r]] = r;
            var read = new ArrayList<TreeSet<Integer>>();
            for (int i = 0; i < obligations + gates + parties + 1; i++) read.add(new TreeSet<>());
            for (int g = 0; g < gates; g++) {
                var found = new TreeSet<Integer>();
                walk(conditions[g], obligations, gates, found);
                for (int input : found) read.get(input < 0 ? read.size() - 1 : input).add(rank[g]);
            }
            return new Inputs(read.stream().map(s -> bits(s, gates)).toArray(long[][]::new), obligations, gates);
        }

        private static long[] bits(TreeSet<Integer> ranks, int gates) {
            long[] words = new long[(gates + 63) / 64];
            for (int r : ranks) words[r >>> 6] |= 1L << r;
            return words;
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
