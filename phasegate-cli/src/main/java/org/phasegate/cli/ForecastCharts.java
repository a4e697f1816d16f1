package org.phasegate.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.phasegate.forecast.Forecast;

/**
 * Writes the forecast into a directory: forecast.txt, forecast.json, and two charts as SVG and PNG —
 * curves.* (P(each phase complete by date) with a band of two standard errors, and P(ceasefire collapse by date))
 * and tornado.* (the change in P(focus phase complete) between each assumption's low and high).
 */
final class ForecastCharts {
    private static final String[] COLOURS = {"#1f77b4", "#2ca02c", "#9467bd", "#8c564b", "#17becf"};
    private static final String COLLAPSE = "#d62728";
    private static final int W = 760;
    private static final int H = 380;
    private static final int LEFT = 60;
    private static final int TOP = 40;
    private static final int PW = 520;
    private static final int PH = 280;

    private ForecastCharts() {
    }

    static void write(Forecast f, Path dir, String text, String json) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("forecast.txt"), text, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("forecast.json"), json, StandardCharsets.UTF_8);
        var svg = new Canvas.Svg(W, H);
        curves(f, svg);
        Files.writeString(dir.resolve("curves.svg"), svg.render(), StandardCharsets.UTF_8);
        var png = new Canvas.Png(W, H);
        curves(f, png);
        png.write(dir.resolve("curves.png"));
        int rows = Math.min(12, f.sensitivity().size());
        int height = TOP + 30 + rows * 22 + 30;
        var tsvg = new Canvas.Svg(W, height);
        tornado(f, tsvg, rows);
        Files.writeString(dir.resolve("tornado.svg"), tsvg.render(), StandardCharsets.UTF_8);
        var tpng = new Canvas.Png(W, height);
        tornado(f, tpng, rows);
        tpng.write(dir.resolve("tornado.png"));
    }

    static void curves(Forecast f, Canvas c) {
        c.text(LEFT, 14, "P(phase complete by date), two standard errors either side, and P(ceasefire collapse by date)", "start");
        c.text(LEFT, 28, String.format(Locale.ROOT, "%s, assumption set '%s', %,d runs, seed %d", f.scenario(), f.assumptionSet(),
                f.runs(), f.seed()), "start");
        axes(c, f.asOf().toString().substring(0, 10), f.horizon().toString());
        LocalDate first = f.collapse().curve().getFirst().date();
        LocalDate last = f.horizon();
        for (int i = 0; i < f.phases().size(); i++) {
            var p = f.phases().get(i);
            String colour = COLOURS[i % COLOURS.length];
            band(c, p.complete().curve(), first, last, colour);
            line(c, p.complete().curve(), first, last, colour, 0);
            legend(c, i, colour, p.phase() + " complete");
        }
        line(c, f.collapse().curve(), first, last, COLLAPSE, 0);
        legend(c, f.phases().size(), COLLAPSE, "ceasefire collapsed");
    }

    private static void axes(Canvas c, String from, String to) {
        c.polyline(new double[] {LEFT, LEFT, LEFT + PW}, new double[] {TOP, TOP + PH, TOP + PH}, "#555555", 1);
        for (int v = 0; v <= 100; v += 25) {
            double y = TOP + PH * (1 - v / 100.0);
            c.polyline(new double[] {LEFT, LEFT + PW}, new double[] {y, y}, "#dddddd", 0.5);
            c.text(LEFT - 6, y + 4, v + "%", "end");
        }
        c.text(LEFT, TOP + PH + 16, from, "start");
        c.text(LEFT + PW, TOP + PH + 16, to, "end");
    }

    private static void line(Canvas c, List<Forecast.Estimate> curve, LocalDate first, LocalDate last, String colour, double shift) {
        double[] xs = new double[curve.size()];
        double[] ys = new double[curve.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = x(curve.get(i).date(), first, last);
            ys[i] = TOP + PH * (1 - Math.min(1, Math.max(0, curve.get(i).p() + shift)));
        }
        c.polyline(xs, ys, colour, 1.8);
    }

    /** Two standard errors either side, drawn as thin lines (the band is narrow at these run counts). */
    private static void band(Canvas c, List<Forecast.Estimate> curve, LocalDate first, LocalDate last, String colour) {
        for (int sign = -1; sign <= 1; sign += 2) {
            double[] xs = new double[curve.size()];
            double[] ys = new double[curve.size()];
            for (int i = 0; i < xs.length; i++) {
                var e = curve.get(i);
                xs[i] = x(e.date(), first, last);
                ys[i] = TOP + PH * (1 - Math.min(1, Math.max(0, e.p() + sign * 2 * e.se())));
            }
            c.polyline(xs, ys, colour, 0.5);
        }
    }

    private static void legend(Canvas c, int i, String colour, String label) {
        c.rect(LEFT + PW + 15, TOP + 6 + i * 16, 14, 4, colour);
        c.text(LEFT + PW + 34, TOP + 12 + i * 16, label, "start");
    }

    private static double x(LocalDate d, LocalDate first, LocalDate last) {
        double span = Math.max(1, last.toEpochDay() - first.toEpochDay());
        return LEFT + PW * (d.toEpochDay() - first.toEpochDay()) / span;
    }

    static void tornado(Forecast f, Canvas c, int rows) {
        c.text(20, 20, String.format(Locale.ROOT, "Change in P(%s complete by %s) from each assumption's low to its high, others fixed (%s)",
                f.focusPhase(), f.sensitivityDate(), f.assumptionSet()), "start");
        double max = f.sensitivity().stream().limit(rows).mapToDouble(s -> Math.abs(s.delta())).max().orElse(0);
        double scale = max == 0 ? 0 : 140 / max;
        double mid = 420;
        c.polyline(new double[] {mid, mid}, new double[] {TOP, TOP + rows * 22 + 10}, "#555555", 1);
        for (int i = 0; i < rows; i++) {
            var s = f.sensitivity().get(i);
            double y = TOP + 10 + i * 22;
            double w = Math.abs(s.delta()) * scale;
            c.rect(s.delta() >= 0 ? mid : mid - w, y, Math.max(w, 0.5), 14, s.delta() >= 0 ? "#2ca02c" : COLLAPSE);
            c.text(mid - 150, y + 11, s.id() + (s.kind() == org.phasegate.forecast.Assumed.Kind.LEVER ? " (lever)" : ""), "end");
            c.text(mid + 320, y + 11, String.format(Locale.ROOT, "%+.1f pts (%.1f%% -> %.1f%%)", 100 * s.delta(), 100 * s.pLow(), 100 * s.pHigh()), "end");
        }
    }
}
