package lstm.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Looks at a PNG the way a test can: decode it, check its size, count pixels near a colour. */
final class Pixels {
    private Pixels() {}

    static BufferedImage decode(byte[] png, int width, int height) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            assertNotNull(image, "not a decodable image");
            assertEquals(width, image.getWidth());
            assertEquals(height, image.getHeight());
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Pixels within {@code tolerance} (per channel) of the colour. */
    static int near(BufferedImage image, Color color, int tolerance) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                if (Math.abs(((rgb >> 16) & 0xFF) - color.getRed()) <= tolerance
                        && Math.abs(((rgb >> 8) & 0xFF) - color.getGreen()) <= tolerance
                        && Math.abs((rgb & 0xFF) - color.getBlue()) <= tolerance) count++;
            }
        }
        return count;
    }

    /** Pixels that are not (nearly) white: ink. */
    static int ink(BufferedImage image) {
        return image.getWidth() * image.getHeight() - near(image, Color.WHITE, 8);
    }
}
