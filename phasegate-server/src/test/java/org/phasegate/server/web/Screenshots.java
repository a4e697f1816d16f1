package org.phasegate.server.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import javax.imageio.ImageIO;

/** What a screenshot shows: a blank one is one colour (white, or the page's background) nearly everywhere. */
final class Screenshots {
    /** Above this share of pixels in one colour a screenshot counts as blank; a drawn page has text, tables, a header. */
    static final double BLANK = 0.97;

    private Screenshots() {
    }

    /** The share of pixels in the most common colour, 0..1. */
    static double dominantShare(byte[] png) {
        try {
            var image = ImageIO.read(new ByteArrayInputStream(png));
            if (image == null) throw new IllegalArgumentException("not a PNG image");
            var counts = new HashMap<Integer, Integer>();
            int w = image.getWidth(), h = image.getHeight();
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) counts.merge(image.getRGB(x, y), 1, Integer::sum);
            }
            int top = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
            return (double) top / ((long) w * h);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
