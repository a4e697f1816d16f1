package org.phasegate.gate;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.phasegate.scenario.Condition;
import org.phasegate.scenario.Measure;
import org.phasegate.scenario.Numbers;
import org.phasegate.scenario.Scenario;
import org.phasegate.scenario.Threshold;
import org.phasegate.scenario.TimeRef;

/**
 * Evaluates conditions and thresholds at one moment against the evidence index and the replay's state:
 * {@link #holds} answers yes or no as cheaply as possible for the replay loop; {@link #eval} builds the
 * "why not" tree in which every node says how far the evidence is from meeting it. The two must agree.
 */
final class Evaluator {
    private static final String[] STATUS = {"not initiated", "minimal", "intermediate", "complete"};
    private final EvidenceIndex index;
    private final Map<String, Measure> measures;
    private final Moments moments;
    private final Map<String, Boolean> gateOpen;
    private final Map<String, Integer> obligationStatus;

    Evaluator(Scenario s, EvidenceIndex index, Moments moments, Map<String, Boolean> gateOpen, Map<String, Integer> obligationStatus) {
        this.index = index;
        this.measures = s.measuresById();
        this.moments = moments;
        this.gateOpen = gateOpen;
        this.obligationStatus = obligationStatus;
    }

    static String statusLabel(int code) {
        return STATUS[code];
    }

    /** Whether the condition holds at t: the replay's fast path, which short-circuits and builds no explanation. */
    boolean holds(Condition c, long t) {
        return switch (c) {
            case Condition.AllOf a -> {
                for (Condition p : a.parts()) if (!holds(p, t)) yield false;
                yield true;
            }
            case Condition.AnyOf a -> {
                for (Condition p : a.parts()) if (holds(p, t)) yield true;
                yield false;
            }
            case Condition.AtLeast a -> {
                int met = 0;
                for (Condition p : a.parts()) if (holds(p, t) && ++met >= a.k()) yield true;
                yield false;
            }
            case Condition.Not n -> !holds(n.part(), t);
            case Condition.GateOpen g -> gateOpen.getOrDefault(g.gate(), false);
            case Condition.ObligationStatus o -> obligationStatus.getOrDefault(o.obligation(), 0) >= o.status();
            case Condition.Reaches r -> value(r.threshold(), t) >= r.threshold().level() - 1e-9;
            case Condition.StageMet st -> moments.of(st.stage()).isPresent();
            case Condition.Quiet q -> {
                long last = index.series(q.measure(), 0).lastUpTo(t);
                yield last == Long.MIN_VALUE || t - last >= q.days() * 86400L;
            }
            case Condition.After a -> {
                var at = moments.resolve(a.time());
                yield at.isPresent() && t >= at.getAsLong();
            }
            case Condition.Before b -> {
                var at = moments.resolve(b.time());
                yield at.isEmpty() || t < at.getAsLong();
            }
        };
    }

    Check eval(Condition c, long t) {
        return switch (c) {
            case Condition.AllOf a -> group("all of", a.parts(), a.parts().size(), t);
            case Condition.AnyOf a -> group("any of", a.parts(), 1, t);
            case Condition.AtLeast a -> group("at least " + a.k() + " of", a.parts(), a.k(), t);
            case Condition.Not n -> {
                var inner = eval(n.part(), t);
                yield new Check("not", !inner.met(), "must not hold: " + inner.condition(), inner.met() ? 0 : 1, List.of(inner));
            }
            case Condition.GateOpen g -> {
                boolean open = gateOpen.getOrDefault(g.gate(), false);
                yield Check.leaf("gate " + g.gate(), open, open ? "open" : "closed", 0);
            }
            case Condition.ObligationStatus o -> {
                int st = obligationStatus.getOrDefault(o.obligation(), 0);
                yield Check.leaf("obligation " + o.obligation(), st >= o.status(),
                        "status " + st + " (" + STATUS[st] + "), needs " + o.status() + " (" + STATUS[o.status()] + ")",
                        o.status() == 0 ? 1 : (double) st / o.status());
            }
            case Condition.Reaches r -> threshold(r.threshold(), t);
            case Condition.StageMet st -> {
                var met = moments.of(st.stage());
                yield Check.leaf("stage " + st.stage(), met.isPresent(), met.isPresent() ? "met on " + Series.instant(met.getAsLong()) : "not met", met.isPresent() ? 1 : 0);
            }
            case Condition.Quiet q -> quiet(q, t);
            case Condition.After a -> time("after " + a.time(), a.time(), t, true);
            case Condition.Before b -> time("before " + b.time(), b.time(), t, false);
        };
    }

    private Check group(String label, List<Condition> parts, int needed, long t) {
        var checks = parts.stream().map(p -> eval(p, t)).toList();
        long met = checks.stream().filter(Check::met).count();
        double progress = checks.stream().mapToDouble(Check::progress).sorted().skip(Math.max(0, checks.size() - needed))
                .sum() / needed;
        return new Check(label + " " + parts.size(), met >= needed, met + " of " + parts.size() + " met, " + needed + " needed",
                met >= needed ? 1 : progress, checks);
    }

    Check threshold(Threshold th, long t) {
        double value = value(th, t);
        boolean met = value >= th.level() - 1e-9;
        double progress = Double.isNaN(value) ? 0 : th.level() == 0 ? 1 : value / th.level();
        String detail = Double.isNaN(value) ? unknown(th, t) : describeValue(th, value) + " of " + th.describe() + " required";
        if (th.attestations() > 0) {
            int best = index.series(th.measure(), 0).bestAttestationsUpTo(t);
            detail += "; best record has " + Math.min(best, th.attestations()) + " of " + th.attestations() + " independent attestations";
        }
        return Check.leaf("threshold " + th.measure(), met, detail, progress);
    }

    /** The threshold's measured value now: a count, a total, a rate per day/week, or a fraction. */
    double value(Threshold th, long t) {
        var series = index.series(th.measure(), th.attestations());
        boolean windowed = th.window().isPresent();
        long from = windowed ? t - th.window().get().toSeconds() : Long.MIN_VALUE;
        double total = th.aggregate() == Threshold.Aggregate.COUNT
                ? (windowed ? series.countBetween(from, t) : series.countUpTo(t))
                : (windowed ? series.totalBetween(from, t) : series.totalUpTo(t));
        return switch (th.aggregate()) {
            case COUNT, SUM -> total;
            case RATE -> total / perUnit(th);
            case FRACTION -> fraction(th, series, total, windowed, t);
        };
    }

    /**
     * The share of the denominator reached: a stated percentage (plus what was added since, over the denominator), or
     * the total over the denominator. NaN, "unknown", when it needs a denominator that has no verified positive total.
     */
    private double fraction(Threshold th, Series series, double total, boolean windowed, long t) {
        double of = denominator(th, t);
        double pct = windowed ? Double.NaN : series.percentUpTo(t);
        if (!Double.isNaN(pct)) {
            double added = series.addedSincePercentUpTo(t);
            return added == 0 ? pct / 100 : of > 0 ? pct / 100 + added / of : Double.NaN;
        }
        return of > 0 ? total / of : Double.NaN;
    }

    /** The denominator at t: a fixed number, or the measure's total (its latest cumulative restatement counts). */
    double denominator(Threshold th, long t) {
        if (th.ofValue().isPresent()) return th.ofValue().get();
        var of = index.series(th.ofMeasure().orElseThrow(), 0);
        return of.countUpTo(t) == 0 ? Double.NaN : of.totalUpTo(t);
    }

    private static double perUnit(Threshold th) {
        double days = th.window().orElse(Duration.ofDays(1)).toSeconds() / 86400.0;
        return th.unit().endsWith("/week") ? days / 7 : days;
    }

    /** "unknown: 12 items, but heavy-weapons-declared has no verified total yet" — never 0%. */
    private String unknown(Threshold th, long t) {
        double total = index.series(th.measure(), th.attestations()).totalUpTo(t);
        String of = th.ofMeasure().orElse("the denominator");
        String unit = measures.containsKey(th.measure()) ? measures.get(th.measure()).unit() : "";
        return "unknown share of " + th.describe() + ": " + Numbers.format(total) + " " + unit + " verified, but " + of
                + (Double.isNaN(denominator(th, t)) ? " has no verified total yet" : " is 0");
    }

    private String describeValue(Threshold th, double value) {
        return switch (th.aggregate()) {
            case COUNT -> Numbers.format(value) + " records";
            case SUM -> Numbers.format(value) + " " + th.unit();
            case RATE -> Numbers.format(value) + " " + th.unit();
            case FRACTION -> Numbers.format(Math.round(value * 1000) / 10.0) + "%";
        };
    }

    private Check quiet(Condition.Quiet q, long t) {
        long last = index.series(q.measure(), 0).lastUpTo(t);
        long need = q.days() * 86400L;
        boolean met = last == Long.MIN_VALUE || t - last >= need;
        String detail = last == Long.MIN_VALUE ? "no record of " + q.measure() + " so far"
                : "last " + q.measure() + " at " + Series.instant(last) + ": quiet for "
                + Numbers.format(Math.floor((t - last) / 864.0) / 100) + " of " + q.days() + " days";
        return Check.leaf("quiet " + q.measure() + " " + q.days() + "d", met, detail,
                last == Long.MIN_VALUE ? 1 : (double) (t - last) / need);
    }

    private Check time(String label, TimeRef ref, long t, boolean after) {
        var at = moments.resolve(ref);
        if (at.isEmpty()) {
            return Check.leaf(label, !after, "'" + ((TimeRef.Relative) ref).anchor() + "' has not happened yet", 0);
        }
        boolean met = after ? t >= at.getAsLong() : t < at.getAsLong();
        String detail = (after ? "not before " : "only before ") + Series.instant(at.getAsLong());
        return Check.leaf(label, met, detail, 0);
    }
}
