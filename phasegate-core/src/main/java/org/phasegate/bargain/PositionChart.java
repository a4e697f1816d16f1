package org.phasegate.bargain;


/** Charts of actor positions over turns, one panel per dimension: SVG and plain text. */
public final class PositionChart {
    static final int PANEL_WIDTH = 720;
    static final int PANEL_HEIGHT = 260;
    static final int MARGIN_LEFT = 50;
    static final int MARGIN_TOP = 30;
    static final int PLOT_WIDTH = 480;
    static final int PLOT_HEIGHT = 200;
    private static final String[] PALETTE = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b",
        "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};

    private PositionChart() {
    }

    /** Colour of actor {@code i}, shared by the SVG and PNG charts. */
    public static String colour(int i) {
        return PALETTE[i % PALETTE.length];
    }

    public static String svg(BargainResult r) {
        int dims = r.dimensions();
        int height = PANEL_HEIGHT * dims;
        StringBuilder sb = new StringBuilder();
        sb.append(Plain.format("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "font-family=\"sans-serif\" font-size=\"11\">%n", PANEL_WIDTH, height));
        sb.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        for (int k = 0; k < dims; k++) {
            panel(sb, r, k, k * PANEL_HEIGHT);
        }
        return sb.append("</svg>\n").toString();
    }

    private static void panel(StringBuilder sb, BargainResult r, int k, int top) {
        int x0 = MARGIN_LEFT;
        int y0 = top + MARGIN_TOP;
        sb.append(Plain.format("<text x=\"%d\" y=\"%d\" font-size=\"13\">%s</text>%n", x0, y0 - 10,
                escape(r.issue().dimensions().get(k))));
        sb.append(Plain.format("<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#999\"/>%n",
                x0, y0, PLOT_WIDTH, PLOT_HEIGHT));
        for (int v = 0; v <= 100; v += 25) {
            double y = y(top, v);
            sb.append(Plain.format("<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%d</text>%n", x0 - 5, y + 4, v));
        }
        sb.append(Plain.format("<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">turn (0..%d)</text>%n",
                x0 + PLOT_WIDTH / 2, y0 + PLOT_HEIGHT + 15, r.lastTurn()));
        for (int i = 0; i < r.actors(); i++) {
            StringBuilder pts = new StringBuilder();
            for (int t = 0; t <= r.lastTurn(); t++) {
                pts.append(Plain.format("%.1f,%.1f ", x(r, t), y(top, r.position(t, i, k))));
            }
            sb.append(Plain.format("<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\" points=\"%s\"><title>%s</title></polyline>%n",
                    colour(i), pts.toString().strip(), escape(r.issue().actors().get(i).name())));
        }
        int shown = Math.min(r.actors(), 16);
        for (int i = 0; i < shown; i++) {
            int ly = y0 + 4 + i * 12;
            sb.append(Plain.format("<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"3\" fill=\"%s\"/>"
                    + "<text x=\"%d\" y=\"%d\">%s</text>%n", x0 + PLOT_WIDTH + 15, ly, colour(i), x0 + PLOT_WIDTH + 30, ly + 4,
                    escape(r.issue().actors().get(i).name())));
        }
        if (r.actors() > shown) {
            sb.append(Plain.format("<text x=\"%d\" y=\"%d\">… and %d more</text>%n", x0 + PLOT_WIDTH + 30,
                    y0 + 8 + shown * 12, r.actors() - shown));
        }
    }

    static double x(BargainResult r, int turn) {
        return MARGIN_LEFT + (r.lastTurn() == 0 ? 0 : PLOT_WIDTH * (double) turn / r.lastTurn());
    }

    static double y(int top, double value) {
        return top + MARGIN_TOP + PLOT_HEIGHT * (1 - value / 100.0);
    }

    /**
     * A text chart per dimension: one row per actor, the 0–100 axis in
     * {@code width} columns, 'o' at the initial position, '#' at the final one.
     */
    public static String text(BargainResult r, int width) {
        StringBuilder sb = new StringBuilder();
        int last = r.lastTurn();
        for (int k = 0; k < r.dimensions(); k++) {
            sb.append(r.issue().dimensions().get(k)).append("  (o = turn 0, # = turn ").append(last).append(")\n");
            sb.append(Plain.format("%-16s0%s100%n", "", " ".repeat(Math.max(0, width - 3))));
            for (int i = 0; i < r.actors(); i++) {
                char[] line = " ".repeat(width + 1).toCharArray();
                int from = column(r.position(0, i, k), width);
                int to = column(r.position(last, i, k), width);
                for (int c = Math.min(from, to); c <= Math.max(from, to); c++) {
                    line[c] = '-';
                }
                line[from] = 'o';
                line[to] = '#';
                String name = r.issue().actors().get(i).name();
                sb.append(Plain.format("%-15.15s |%s| %6.2f%n", name, new String(line), r.position(last, i, k)));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static int column(double v, int width) {
        return (int) Math.round(Math.max(0, Math.min(100, v)) / 100.0 * width);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
