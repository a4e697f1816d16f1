package org.phasegate.cli;

import java.util.Locale;
import org.phasegate.score.ReliabilityDiagram;

/**
 * The reliability diagram: observed frequency against mean forecast in each bin that holds a forecast, for the model
 * and the base rate, with the diagonal a calibrated forecaster lies on and each point's count beside it.
 */
final class ReliabilityChart {
    static final int W = 700;
    static final int H = 440;
    private static final int LEFT = 60;
    private static final int TOP = 50;
    private static final int SIDE = 340;
    private static final String MODEL = "#1f77b4";
    private static final String BASE = "#ff7f0e";

    private ReliabilityChart() {
    }

    static void draw(Canvas c, String title, ReliabilityDiagram model, ReliabilityDiagram base) {
        c.text(LEFT, 14, "Reliability: share resolved yes against mean forecast per bin of 0.1; count beside each point", "start");
        c.text(LEFT, 28, title, "start");
        c.polyline(new double[] {LEFT, LEFT, LEFT + SIDE}, new double[] {TOP, TOP + SIDE, TOP + SIDE}, "#555555", 1);
        c.polyline(new double[] {LEFT, LEFT + SIDE}, new double[] {TOP + SIDE, TOP}, "#aaaaaa", 1);
        for (int v = 0; v <= 100; v += 25) {
            c.text(LEFT - 6, y(v / 100.0) + 4, v + "%", "end");
            c.text(x(v / 100.0), TOP + SIDE + 16, v + "%", "middle");
        }
        c.text(LEFT, TOP + SIDE + 32, "x: mean forecast in the bin; grey: the diagonal of a calibrated forecaster", "start");
        c.text(LEFT + SIDE + 20, TOP + 10, "y: share that resolved yes", "start");
        points(c, model, MODEL, 0);
        points(c, base, BASE, 1);
        c.rect(LEFT + SIDE + 20, TOP + 30, 10, 10, MODEL);
        c.text(LEFT + SIDE + 36, TOP + 39, "model (" + model.count() + " questions)", "start");
        c.rect(LEFT + SIDE + 20, TOP + 48, 10, 10, BASE);
        c.text(LEFT + SIDE + 36, TOP + 57, "base rate (" + base.count() + ")", "start");
    }

    private static void points(Canvas c, ReliabilityDiagram d, String colour, int row) {
        double[] xs = d.bins().stream().mapToDouble(b -> x(b.meanForecast())).toArray();
        double[] ys = d.bins().stream().mapToDouble(b -> y(b.observedFrequency())).toArray();
        if (xs.length > 1) c.polyline(xs, ys, colour, 1);
        for (int i = 0; i < xs.length; i++) {
            c.rect(xs[i] - 4, ys[i] - 4, 8, 8, colour);
            c.text(xs[i] + 6, ys[i] - 4 + 12 * row, String.format(Locale.ROOT, "%d", d.bins().get(i).count()), "start");
        }
    }

    private static double x(double p) {
        return LEFT + SIDE * p;
    }

    private static double y(double p) {
        return TOP + SIDE * (1 - p);
    }
}
