package org.phasegate.scenario;

import org.phasegate.problem.Quote;
import java.util.Map;
import org.phasegate.problem.Position;
import org.phasegate.problem.Problems;

/** Checks that every threshold's unit and level make sense for the measure it reads. */
final class Units {
    private final Map<String, Measure> measures;
    private final Scenario s;
    private final Problems problems;

    Units(Scenario s, Problems problems) {
        this.s = s;
        this.measures = s.measuresById();
        this.problems = problems;
    }

    void check() {
        s.obligations().forEach(o -> o.target().ifPresent(t -> check(t, o.at(), "target of obligation " + Quote.of(o.id()) + "")));
        s.gates().forEach(g -> g.when().walk().forEach(c -> {
            if (c instanceof Condition.Reaches r) check(r.threshold(), r.at(), "gate " + Quote.of(g.id()) + "");
        }));
    }

    private void check(Threshold t, Position at, String what) {
        level(t, at, what);
        var m = measures.get(t.measure());
        if (m == null) return;
        String expected = switch (t.aggregate()) {
            case COUNT -> Measure.RECORDS;
            case SUM -> m.unit();
            case RATE -> t.unit().endsWith("/week") ? m.unit() + "/week" : m.unit() + "/day";
            case FRACTION -> "%";
        };
        if (!t.unit().equals(expected)) {
            problems.add(at, "unit mismatch in " + what + ": " + t.aggregate().name().toLowerCase() + " of measure '" + m.id()
                    + "' is in " + expected + ", not " + Quote.of(t.unit()) + "", "write unit: " + expected);
        }
        if (t.aggregate() == Threshold.Aggregate.RATE && t.window().isEmpty()) {
            problems.add(at, "rate in " + what + " needs a window", "e.g. window: 7d");
        }
        t.ofMeasure().map(measures::get).ifPresent(of -> {
            if (!of.unit().equals(m.unit())) {
                problems.add(at, "unit mismatch in " + what + ": fraction of " + m.unit() + " over measure '" + of.id()
                        + "' in " + of.unit(), "numerator and denominator must share a unit");
            }
        });
        if (t.aggregate() == Threshold.Aggregate.FRACTION && t.ofMeasure().isEmpty() && t.ofValue().isEmpty()) {
            problems.add(at, "fraction in " + what + " needs 'of' (a measure or a number)", "e.g. of: heavy-weapons-declared");
        }
    }

    private void level(Threshold t, Position at, String what) {
        String bad = null;
        if (t.level() < 0 || !Double.isFinite(t.level())) bad = "a negative level";
        else if (t.aggregate() == Threshold.Aggregate.FRACTION && t.level() > 1) bad = "a fraction above 100%";
        else if (t.aggregate() == Threshold.Aggregate.COUNT && t.level() != Math.rint(t.level())) bad = "a count that is not whole";
        else if (t.attestations() < 0) bad = "a negative number of attestations";
        else if (t.window().map(w -> w.isNegative() || w.isZero()).orElse(false)) bad = "an empty window";
        else if (t.ofValue().map(v -> v <= 0).orElse(false)) bad = "a denominator of zero or less";
        if (bad != null) {
            problems.add(at, "impossible threshold in " + what + ": " + bad + " (" + t.describe() + ")", "no evidence could ever meet it");
        }
    }
}
