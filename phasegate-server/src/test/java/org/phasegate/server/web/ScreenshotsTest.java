package org.phasegate.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The blank check of screenshots: one colour everywhere is blank; a drawn half is not. */
class ScreenshotsTest {
    @Test
    void a_one_colour_image_is_blank_and_a_half_drawn_one_is_not() throws IOException {
        var white = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        fill(white, Color.WHITE, 40);
        assertThat(Screenshots.dominantShare(png(white))).isEqualTo(1.0);
        var half = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        fill(half, Color.WHITE, 40);
        fill(half, Color.BLACK, 20);
        assertThat(Screenshots.dominantShare(png(half))).isEqualTo(0.5);
        var nearlyBlank = new BufferedImage(100, 100, BufferedImage.TYPE_INT_RGB);
        fill(nearlyBlank, Color.WHITE, 100);
        nearlyBlank.setRGB(0, 0, Color.BLACK.getRGB());
        assertThat(Screenshots.dominantShare(png(nearlyBlank))).isEqualTo(0.9999).isGreaterThan(Screenshots.BLANK);
    }

    private static void fill(BufferedImage image, Color colour, int columns) {
        for (int x = 0; x < columns; x++) for (int y = 0; y < image.getHeight(); y++) image.setRGB(x, y, colour.getRGB());
    }

    private static byte[] png(BufferedImage image) throws IOException {
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
