package org.phasegate.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.phasegate.bargain.BargainResult;
import org.phasegate.bargain.PositionChart;

/** The position chart as PNG, drawn headless with java.awt in the SVG's layout. */
final class PngChart {
    private static final int W = 720;
    private static final int PANEL = 260;
    private static final int LEFT = 50;
    private static final int TOP = 30;
    private static final int PW = 480;
    private static final int PH = 200;

    private PngChart() {
    }

    static void write(BargainResult r, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        BufferedImage img = new BufferedImage(W, PANEL * r.dimensions(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, img.getWidth(), img.getHeight());
            for (int k = 0; k < r.dimensions(); k++) {
                panel(g, r, k, k * PANEL);
            }
        } finally {
            g.dispose();
        }
        ImageIO.write(img, "png", file.toFile());
    }

    private static void panel(Graphics2D g, BargainResult r, int k, int top) {
        g.setColor(Color.BLACK);
        g.drawString(r.issue().dimensions().get(k), LEFT, top + TOP - 10);
        g.setColor(Color.GRAY);
        g.drawRect(LEFT, top + TOP, PW, PH);
        for (int v = 0; v <= 100; v += 25) {
            g.drawString(Integer.toString(v), LEFT - 30, (int) y(top, v) + 4);
        }
        g.drawString("turn (0.." + r.lastTurn() + ")", LEFT + PW / 2 - 30, top + TOP + PH + 15);
        g.setStroke(new BasicStroke(1.5f));
        for (int i = 0; i < r.actors(); i++) {
            Path2D.Double path = new Path2D.Double();
            for (int t = 0; t <= r.lastTurn(); t++) {
                double x = LEFT + (r.lastTurn() == 0 ? 0 : PW * (double) t / r.lastTurn());
                double y = y(top, r.position(t, i, k));
                if (t == 0) {
                    path.moveTo(x, y);
                } else {
                    path.lineTo(x, y);
                }
            }
            g.setColor(Color.decode(PositionChart.colour(i)));
            g.draw(path);
            if (i < 16) {
                g.fillRect(LEFT + PW + 15, top + TOP + 4 + i * 12, 10, 3);
                g.setColor(Color.BLACK);
                g.drawString(r.issue().actors().get(i).name(), LEFT + PW + 30, top + TOP + 8 + i * 12);
            }
        }
    }

    private static double y(int top, double v) {
        return top + TOP + PH * (1 - v / 100.0);
    }
}
