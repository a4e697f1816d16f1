package org.phasegate.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;

/** The few drawing operations the forecast charts need, so one layout can be written as SVG and as PNG. */
interface Canvas {
    void polyline(double[] xs, double[] ys, String colour, double width);

    void rect(double x, double y, double w, double h, String fill);

    /** {@code anchor}: "start", "middle" or "end", as in SVG. */
    void text(double x, double y, String text, String anchor);

    /** SVG text, built in memory. */
    final class Svg implements Canvas {
        private final StringBuilder b = new StringBuilder();

        Svg(int width, int height) {
            b.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                    + "font-family=\"sans-serif\" font-size=\"11\">%n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n", width, height, width, height));
        }

        @Override
        public void polyline(double[] xs, double[] ys, String colour, double width) {
            b.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"").append(width).append("\" points=\"");
            for (int i = 0; i < xs.length; i++) b.append(String.format(Locale.ROOT, "%.1f,%.1f ", xs[i], ys[i]));
            b.append("\"/>\n");
        }

        @Override
        public void rect(double x, double y, double w, double h, String fill) {
            b.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>%n", x, y, w, h, fill));
        }

        @Override
        public void text(double x, double y, String text, String anchor) {
            b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s</text>%n", x, y, anchor, escape(text)));
        }

        String render() {
            return b + "</svg>\n";
        }

        private static String escape(String s) {
            return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        }
    }

    /** A PNG drawn headless with java.awt. */
    final class Png implements Canvas {
        private final BufferedImage image;
        private final Graphics2D g;

        Png(int width, int height) {
            System.setProperty("java.awt.headless", "true");
            image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            g = image.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
        }

        @Override
        public void polyline(double[] xs, double[] ys, String colour, double width) {
            var path = new Path2D.Double();
            for (int i = 0; i < xs.length; i++) {
                if (i == 0) path.moveTo(xs[i], ys[i]);
                else path.lineTo(xs[i], ys[i]);
            }
            g.setColor(Color.decode(colour));
            g.setStroke(new BasicStroke((float) width));
            g.draw(path);
        }

        @Override
        public void rect(double x, double y, double w, double h, String fill) {
            g.setColor(Color.decode(fill));
            g.fill(new java.awt.geom.Rectangle2D.Double(x, y, w, h));
        }

        @Override
        public void text(double x, double y, String text, String anchor) {
            g.setColor(Color.BLACK);
            int w = g.getFontMetrics().stringWidth(text);
            double dx = switch (anchor) {
                case "middle" -> -w / 2.0;
                case "end" -> -w;
                default -> 0;
            };
            g.drawString(text, (float) (x + dx), (float) y);
        }

        void write(Path file) throws IOException {
            g.dispose();
            ImageIO.write(image, "png", file.toFile());
        }
    }
}
