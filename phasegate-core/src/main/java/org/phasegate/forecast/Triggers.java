package org.phasegate.forecast;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The moments at which a gate's condition can change in a run, read off the compiled conditions once: the progress
 * levels each obligation's leaves compare with, the offsets after a gate opens or an obligation completes, the
 * quiet periods per party and the fixed days. The simulation visits exactly these moments, so when something happens
 * does not depend on the length of the step.
 */
record Triggers(double[][] levels, double[][] afterGate, double[][] afterDone, double[][] quietDays, double[] fixedDays) {

    /** {@code extra}: levels the model itself reads for an obligation, besides those of the gates. */
    static Triggers of(Expr[] gates, int obligations, int gateCount, int parties, java.util.function.IntFunction<double[]> extra) {
        var b = new Builder(obligations, gateCount, parties);
        for (Expr e : gates) b.walk(e);
        for (int o = 0; o < obligations; o++) for (double l : extra.apply(o)) b.levels.get(o).add(l);
        return b.build();
    }

    private static final class Builder {
        final List<TreeSet<Double>> levels = new ArrayList<>();
        final List<TreeSet<Double>> afterGate = new ArrayList<>();
        final List<TreeSet<Double>> afterDone = new ArrayList<>();
        final List<TreeSet<Double>> quiet = new ArrayList<>();
        final TreeSet<Double> fixed = new TreeSet<>();

        Builder(int obligations, int gates, int parties) {
            for (int o = 0; o < obligations; o++) {
                levels.add(new TreeSet<>(List.of(1.0)));
                afterDone.add(new TreeSet<>());
            }
            for (int g = 0; g < gates; g++) afterGate.add(new TreeSet<>());
            for (int p = 0; p < parties; p++) quiet.add(new TreeSet<>());
        }

        void walk(Expr e) {
            switch (e) {
                case Expr.All a -> walk(a.parts());
                case Expr.Any a -> walk(a.parts());
                case Expr.AtLeast a -> walk(a.parts());
                case Expr.Not n -> walk(n.part());
                case Expr.Progress p -> levels.get(p.obligation()).add(Math.min(1, p.level()));
                case Expr.Quiet q -> quiet.get(q.party()).add(q.days());
                case Expr.Time t -> moment(t.moment());
                case Expr.Const c -> { }
                case Expr.GateOpen g -> { }
            }
        }

        private void walk(Expr[] parts) {
            for (Expr p : parts) walk(p);
        }

        private void moment(Expr.Moment m) {
            switch (m) {
                case Expr.Moment.Fixed f -> {
                    if (Double.isFinite(f.day())) fixed.add(f.day());
                }
                case Expr.Moment.GateOpened g -> afterGate.get(g.gate()).add(g.offset());
                case Expr.Moment.Completed c -> afterDone.get(c.obligation()).add(c.offset());
            }
        }

        Triggers build() {
            return new Triggers(arrays(levels), arrays(afterGate), arrays(afterDone), arrays(quiet),
                    fixed.stream().mapToDouble(Double::doubleValue).toArray());
        }

        private static double[][] arrays(List<TreeSet<Double>> sets) {
            return sets.stream().map(s -> s.stream().mapToDouble(Double::doubleValue).toArray()).toArray(double[][]::new);
        }
    }
}
