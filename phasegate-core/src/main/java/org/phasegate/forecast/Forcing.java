package org.phasegate.forecast;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.phasegate.evidence.EvidenceRecord;
import org.phasegate.scenario.Condition;
import org.phasegate.scenario.Measure;
import org.phasegate.scenario.Scenario;

/**
 * The verified values over time of the leaf conditions a run cannot move (a statement of acceptance, a declared
 * resumption of hostilities: a threshold no obligation targets and no proxy covers), for a run that starts before
 * the as-of date. Each leaf holds from one verified change to the next as the gate engine saw it at each record's
 * time, up to the as-of date; after it, it keeps its value there (nothing later is known). No forcing: each held
 * leaf keeps its value at the run's start, as in a forecast.
 */
record Forcing(double[] days, Map<Condition, boolean[]> values) {
    static final Forcing NONE = new Forcing(new double[0], Map.of());

    Forcing {
        days = days.clone();
        values = Map.copyOf(values);
        for (boolean[] v : values.values()) if (v.length != days.length) throw new IllegalArgumentException("one value per day");
    }

    /**
     * The leaves' values at the origin and at every moment in (origin, asOf] at which a held leaf can change (the time
     * of a record it may count, and when a quiet period after one runs out), read from the gate engine's "why" trees on
     * the records dated up to each moment; days count from {@code origin}.
     */
    static Forcing of(Scenario s, List<EvidenceRecord> records, Instant origin, Instant asOf) {
        return of(s, records, List.of(), origin, asOf);
    }

    /** As above, with the imported series' rows: a held leaf over an import measure changes when a row's period ends. */
    static Forcing of(Scenario s, List<EvidenceRecord> records, List<EvidenceRecord> imported, Instant origin, Instant asOf) {
        var types = leafRecordTypes(s);
        var quiet = quietDays(s);
        var times = new TreeSet<Instant>();
        times.add(origin);
        for (var r : java.util.stream.Stream.concat(records.stream(), imported.stream()).toList()) {
            if (!types.contains(r.type().wireName())) continue;
            times.add(r.time());
            for (var d : quiet) times.add(r.time().plus(d));   // a quiet period may run out then
        }
        times.removeIf(t -> t.isBefore(origin) || t.isAfter(asOf));
        var day = new double[times.size()];
        var values = new HashMap<Condition, boolean[]>();
        int i = 0;
        for (Instant t : times) {
            day[i] = (t.getEpochSecond() - origin.getEpochSecond()) / 86400.0;
            for (var e : StartingState.of(s, records, imported, t).leafMet().entrySet()) {
                values.computeIfAbsent(e.getKey(), k -> new boolean[times.size()])[i] = e.getValue();
            }
            i++;
        }
        return new Forcing(day, values);
    }

    /**
     * The record types a threshold or quiet leaf of a gate counts, for measures no obligation targets (those a run moves
     * itself): only records of these types can change a held leaf, so the gate engine is asked only at their times.
     */
    private static Set<String> leafRecordTypes(Scenario s) {
        var targeted = s.obligations().stream().flatMap(o -> o.target().stream()).map(t -> t.measure()).collect(Collectors.toSet());
        var measures = s.gates().stream().flatMap(g -> g.when().walk()).map(c -> switch (c) {
            case Condition.Reaches r -> r.threshold().measure();
            case Condition.Quiet q -> q.measure();
            default -> null;
        }).filter(m -> m != null && !targeted.contains(m)).collect(Collectors.toSet());
        return s.measures().stream().filter(m -> measures.contains(m.id())).map(Measure::recordType).collect(Collectors.toSet());
    }

    private static Set<java.time.Duration> quietDays(Scenario s) {
        return s.gates().stream().flatMap(g -> g.when().walk()).filter(c -> c instanceof Condition.Quiet)
                .map(c -> java.time.Duration.ofDays(((Condition.Quiet) c).days())).collect(Collectors.toSet());
    }

    boolean covers(Condition leaf) {
        return values.containsKey(leaf);
    }

    /** The leaf as a condition on the run's clock: true in each interval in which the evidence had it met. */
    Expr expr(Condition leaf) {
        boolean[] v = values.get(leaf);
        var intervals = new ArrayList<Expr>();
        for (int i = 0; i < v.length; i++) {
            if (!v[i] || i > 0 && v[i - 1]) continue;
            int end = i;
            while (end + 1 < v.length && v[end + 1]) end++;
            var parts = new ArrayList<Expr>();
            if (i > 0) parts.add(new Expr.Time(new Expr.Moment.Fixed(days[i]), true));
            if (end + 1 < v.length) parts.add(new Expr.Time(new Expr.Moment.Fixed(days[end + 1]), false));
            intervals.add(parts.isEmpty() ? new Expr.Const(true) : parts.size() == 1 ? parts.get(0) : new Expr.All(parts.toArray(Expr[]::new)));
        }
        if (intervals.isEmpty()) return new Expr.Const(false);
        return intervals.size() == 1 ? intervals.get(0) : new Expr.Any(intervals.toArray(Expr[]::new));
    }

}
