package org.phasegate.forecast;

import java.util.ArrayList;
import java.util.List;

/**
 * The gates' compiled conditions flattened into arrays and evaluated by one switch. Gates are evaluated at every
 * step of every run; a tree of small objects called through an interface costs a megamorphic call per node, the
 * arrays a branch (this is where most of a run's time went).
 */
final class Program {
    private static final byte ALL = 0;
    private static final byte ANY = 1;
    private static final byte AT_LEAST = 2;
    private static final byte NOT = 3;
    private static final byte TRUE = 4;
    private static final byte FALSE = 5;
    private static final byte GATE = 6;
    private static final byte PROGRESS = 7;
    private static final byte QUIET = 8;
    private static final byte AFTER_FIXED = 9;
    private static final byte BEFORE_FIXED = 10;
    private static final byte AFTER_GATE = 11;
    private static final byte BEFORE_GATE = 12;
    private static final byte AFTER_DONE = 13;
    private static final byte BEFORE_DONE = 14;

    private final byte[] op;
    /** Index argument: gate, obligation or party; for groups, where the children start in {@link #children}. */
    private final int[] index;
    /** Count argument: number of children for groups, k for at-least. */
    private final int[] count;
    /** Number argument: progress level, quiet days, a fixed day or an offset in days. */
    private final double[] number;
    private final int[] children;
    private final int[] roots;

    Program(Expr[] gates) {
        var b = new Builder();
        roots = new int[gates.length];
        for (int g = 0; g < gates.length; g++) roots[g] = b.add(gates[g]);
        op = new byte[b.ops.size()];
        for (int i = 0; i < op.length; i++) op[i] = b.ops.get(i);
        index = b.index.stream().mapToInt(Integer::intValue).toArray();
        count = b.count.stream().mapToInt(Integer::intValue).toArray();
        number = b.number.stream().mapToDouble(Double::doubleValue).toArray();
        children = b.children.stream().mapToInt(Integer::intValue).toArray();
    }

    /** No part can stand guard for the gate: evaluate it whole next time. */
    static final int NO_GUARD = -1;

    boolean gate(int g, RunState s) {
        return eval(roots[g], s);
    }

    /**
     * Evaluates gate g and finds a guard: a part whose value alone decides the gate's (a false part of an
     * all-of, a true part of an any-of, or the gate's own condition if it is a single leaf). While the guard keeps
     * its value the gate keeps its own, so the caller need only re-evaluate the guard. Returns
     * {@code guard << 1 | holds}, guard being {@link #NO_GUARD} when there is none.
     */
    int decide(int g, RunState s) {
        int root = roots[g];
        if (op[root] == ALL || op[root] == ANY) {
            boolean all = op[root] == ALL;
            for (int i = index[root], end = i + count[root]; i < end; i++) {
                int child = children[i];
                if (eval(child, s) != all) return child << 1 | (all ? 0 : 1);
            }
            return NO_GUARD << 1 | (all ? 1 : 0);
        }
        boolean holds = eval(root, s);
        return (op[root] >= TRUE ? root : NO_GUARD) << 1 | (holds ? 1 : 0);
    }

    /** Evaluates one part (a guard returned by {@link #decide}). */
    boolean part(int n, RunState s) {
        return eval(n, s);
    }

    private boolean isLeaf(int n) {
        return op[n] >= TRUE;
    }

    private boolean eval(int n, RunState s) {
        switch (op[n]) {
            case ALL -> {
                for (int i = index[n], end = i + count[n]; i < end; i++) if (!eval(children[i], s)) return false;
                return true;
            }
            case ANY -> {
                for (int i = index[n], end = i + count[n]; i < end; i++) if (eval(children[i], s)) return true;
                return false;
            }
            case AT_LEAST -> {
                int need = (int) number[n];
                int met = 0;
                for (int i = index[n], end = i + count[n]; i < end && met < need; i++) if (eval(children[i], s)) met++;
                return met >= need;
            }
            case NOT -> {
                return !eval(children[index[n]], s);
            }
            case TRUE -> {
                return true;
            }
            case FALSE -> {
                return false;
            }
            case GATE -> {
                return s.gateOpen[index[n]];
            }
            case PROGRESS -> {
                return s.progress[index[n]] >= number[n] - 1e-9;
            }
            case QUIET -> {
                // the same sum as the quiet period's end the run visits, so the leaf holds exactly then
                return s.now >= s.lastViolation[index[n]] + number[n];
            }
            case AFTER_FIXED -> {
                return s.now >= number[n];
            }
            case BEFORE_FIXED -> {
                return s.now < number[n];
            }
            default -> {
                return relative(n, s);
            }
        }
    }

    /** Moments that depend on the run; one that has not happened yet satisfies neither after nor before. */
    private boolean relative(int n, RunState s) {
        boolean gate = op[n] == AFTER_GATE || op[n] == BEFORE_GATE;
        double at = (gate ? s.gateOpenedDay[index[n]] : s.completedDay[index[n]]) + number[n];
        if (Double.isNaN(at)) return false;
        return op[n] == AFTER_GATE || op[n] == AFTER_DONE ? s.now >= at : s.now < at;
    }

    private static final class Builder {
        final List<Byte> ops = new ArrayList<>();
        final List<Integer> index = new ArrayList<>();
        final List<Integer> count = new ArrayList<>();
        final List<Double> number = new ArrayList<>();
        final List<Integer> children = new ArrayList<>();

        int add(Expr e) {
            return switch (e) {
                case Expr.All a -> group(ALL, a.parts(), 0);
                case Expr.Any a -> group(ANY, a.parts(), 0);
                case Expr.AtLeast a -> group(AT_LEAST, a.parts(), a.k());
                case Expr.Not not -> group(NOT, new Expr[] {not.part()}, 0);
                case Expr.Const c -> node(c.value() ? TRUE : FALSE, 0, 0, 0);
                case Expr.GateOpen g -> node(GATE, g.gate(), 0, 0);
                case Expr.Progress p -> node(PROGRESS, p.obligation(), 0, p.level());
                case Expr.Quiet q -> node(QUIET, q.party(), 0, q.days());
                case Expr.Time t -> time(t);
            };
        }

        private int time(Expr.Time t) {
            return switch (t.moment()) {
                case Expr.Moment.Fixed f -> Double.isNaN(f.day()) ? node(FALSE, 0, 0, 0) : node(t.after() ? AFTER_FIXED : BEFORE_FIXED, 0, 0, f.day());
                case Expr.Moment.GateOpened g -> node(t.after() ? AFTER_GATE : BEFORE_GATE, g.gate(), 0, g.offset());
                case Expr.Moment.Completed c -> node(t.after() ? AFTER_DONE : BEFORE_DONE, c.obligation(), 0, c.offset());
            };
        }

        private int group(byte kind, Expr[] parts, int k) {
            int[] ids = new int[parts.length];
            for (int i = 0; i < parts.length; i++) ids[i] = add(parts[i]);
            int start = children.size();
            for (int id : ids) children.add(id);
            return node(kind, start, parts.length, k);
        }

        private int node(byte kind, int i, int c, double x) {
            ops.add(kind);
            index.add(i);
            count.add(c);
            number.add(x);
            return ops.size() - 1;
        }
    }
}
