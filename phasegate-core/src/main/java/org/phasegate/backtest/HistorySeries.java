package org.phasegate.backtest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.phasegate.score.Question;

/**
 * The key questions of a backtest followed over its as-of dates: "ceasefire collapsed" and "phase P complete" within
 * the middle horizon (the median of the horizons), one point per as-of date at which the question was still open.
 * A move between two consecutive points larger than two standard errors of the difference (and than 0.05) is
 * credited to the records that arrived between them: the forecast saw nothing else new. The CLI draws them
 * ({@code backtest --out}, {@code forecast --out}); the server serves them to the forecast page.
 */
public record HistorySeries(String label, List<Point> points, List<Move> moves) {

    public HistorySeries {
        points = List.copyOf(points);
        moves = List.copyOf(moves);
    }

    public record Point(Instant asOf, double p, double se, double baseRate, Integer outcome) {
    }

    public record Move(Instant from, Instant to, double pFrom, double pTo, List<BacktestResult.Arrival> records) {
        public Move {
            records = List.copyOf(records);
        }
    }

    public static int keyHorizon(BacktestResult r) {
        var h = r.plan().horizonDays().stream().sorted().toList();
        return h.get(h.size() / 2);
    }

    public static List<HistorySeries> of(BacktestResult r) {
        int horizon = keyHorizon(r);
        var bySubject = new LinkedHashMap<String, List<Asked>>();
        for (Asked a : r.asked()) {
            if (a.horizonDays() != horizon || a.question() instanceof Question.GateOpenBy) continue;
            bySubject.computeIfAbsent(label(a.question(), horizon), k -> new ArrayList<>()).add(a);
        }
        var out = new ArrayList<HistorySeries>();
        bySubject.forEach((label, asked) -> out.add(series(label, asked, r)));
        return out;
    }

    private static String label(Question q, int horizon) {
        return switch (q) {
            case Question.CollapseBy c -> "ceasefire collapsed within " + horizon + "d";
            case Question.PhaseCompleteBy p -> p.phase() + " complete within " + horizon + "d";
            case Question.GateOpenBy g -> "gate " + g.gate() + " open within " + horizon + "d";
        };
    }

    private static HistorySeries series(String label, List<Asked> asked, BacktestResult r) {
        var points = asked.stream().map(a -> new Point(a.asOf(), a.model().p(), a.model().se(), a.baseRate().p(),
                a.resolved() ? a.resolution().outcome() : null)).toList();
        var moves = new ArrayList<Move>();
        for (int i = 1; i < points.size(); i++) {
            Point a = points.get(i - 1), b = points.get(i);
            double noise = 2 * Math.sqrt(a.se() * a.se() + b.se() * b.se());
            if (Math.abs(b.p() - a.p()) <= Math.max(0.05, noise)) continue;
            var records = r.steps().stream().flatMap(s -> s.arrived().stream())
                    .filter(x -> x.time().isAfter(a.asOf()) && !x.time().isAfter(b.asOf())).toList();
            moves.add(new Move(a.asOf(), b.asOf(), a.p(), b.p(), records));
        }
        return new HistorySeries(label, points, moves);
    }
}
