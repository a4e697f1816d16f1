package org.phasegate.cli;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.phasegate.backtest.HistorySeries;

/**
 * The forecast over time: for each key question, the model's probability at each as-of date with a band of two
 * Monte Carlo standard errors, the base rate as a thin grey line, the outcome as a square at 0% or 100% when
 * resolved, and a tick on the time axis for every record that arrived before a move (see {@link HistorySeries}).
 */
final class HistoryChart {
    static final int W = 900;
    static final int H = 420;
    private static final String[] COLOURS = {"#d62728", "#1f77b4", "#2ca02c", "#9467bd", "#8c564b", "#17becf"};
    private static final int LEFT = 60;
    private static final int TOP = 64;
    private static final int PW = 520;
    private static final int PH = 280;

    private HistoryChart() {
    }

    static void draw(Canvas c, String title, List<HistorySeries> series, Instant from, Instant to) {
        c.text(LEFT, 14, "Forecast over time: P(key question) at each as-of date, two standard errors either side", "start");
        c.text(LEFT, 28, title, "start");
        c.text(LEFT, 42, "grey: base rate; small bars at 0% / 100%: the outcome once resolved; ticks under the axis: records that arrived", "start");
        c.text(LEFT, 54, "between two as-of dates across which the forecast moved by more than two standard errors (and 0.05); see moves.csv", "start");
        axes(c, from, to);
        for (int i = 0; i < series.size(); i++) {
            var s = series.get(i);
            String colour = COLOURS[i % COLOURS.length];
            var pts = s.points();
            double[] xs = pts.stream().mapToDouble(p -> x(p.asOf(), from, to)).toArray();
            c.polyline(xs, pts.stream().mapToDouble(p -> y(p.baseRate())).toArray(), "#999999", 0.8);
            c.polyline(xs, pts.stream().mapToDouble(p -> y(p.p() + 2 * p.se())).toArray(), colour, 0.5);
            c.polyline(xs, pts.stream().mapToDouble(p -> y(p.p() - 2 * p.se())).toArray(), colour, 0.5);
            c.polyline(xs, pts.stream().mapToDouble(p -> y(p.p())).toArray(), colour, 1.8);
            for (int k = 0; k < pts.size(); k++) {
                c.rect(xs[k] - 2, y(pts.get(k).p()) - 2, 4, 4, colour);
                if (pts.get(k).outcome() != null) c.rect(xs[k] - 3, y(pts.get(k).outcome()) - 3 - 4 * i, 6, 3, colour);
            }
            for (var m : s.moves()) {
                for (var r : m.records()) c.rect(x(r.time(), from, to) - 0.5, TOP + PH + 4 + 5 * i, 1, 4, colour);
            }
            c.rect(LEFT + PW + 15, TOP + 6 + i * 16, 14, 4, colour);
            c.text(LEFT + PW + 34, TOP + 12 + i * 16, s.label(), "start");
        }
    }

    private static void axes(Canvas c, Instant from, Instant to) {
        c.polyline(new double[] {LEFT, LEFT, LEFT + PW}, new double[] {TOP, TOP + PH, TOP + PH}, "#555555", 1);
        for (int v = 0; v <= 100; v += 25) {
            double y = y(v / 100.0);
            c.polyline(new double[] {LEFT, LEFT + PW}, new double[] {y, y}, "#dddddd", 0.5);
            c.text(LEFT - 6, y + 4, v + "%", "end");
        }
        c.text(LEFT, TOP + PH + 40, from.toString().substring(0, 10), "start");
        c.text(LEFT + PW, TOP + PH + 40, to.toString().substring(0, 10), "end");
        c.text(LEFT + PW / 2.0, TOP + PH + 40, "as-of date", "middle");
    }

    private static double x(Instant t, Instant from, Instant to) {
        double span = Math.max(1, to.getEpochSecond() - from.getEpochSecond());
        return LEFT + PW * (t.getEpochSecond() - from.getEpochSecond()) / span;
    }

    private static double y(double p) {
        return TOP + PH * (1 - Math.min(1, Math.max(0, p)));
    }

    static String title(String scenario, String set, int runs, long seed) {
        return String.format(Locale.ROOT, "%s, assumption set '%s', %,d runs per date, seed %d", scenario, set, runs, seed);
    }
}
