package lstm.plot;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import lstm.io.AtomicFile;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/** Renders a chart off screen and writes it as PNG: to a file atomically (a viewer never sees half a picture) or to a stream. */
final class Png {
    static {
        // No display here or on servers; must be set before AWT first looks at the environment.
        System.setProperty("java.awt.headless", "true");
    }

    private Png() {}

    /** Call from a static initializer of every class that touches AWT, so the setting above comes first. */
    static void useHeadlessAwt() {
        // loading this class is the point
    }

    static byte[] encode(Chart<?, ?> chart) {
        BufferedImage image = BitmapEncoder.getBufferedImage(chart);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);   // writing to memory cannot fail
        }
        return bytes.toByteArray();
    }

    static void write(Chart<?, ?> chart, Path target) {
        AtomicFile.write(target, ByteBuffer.wrap(encode(chart)));
    }

    static void write(Chart<?, ?> chart, OutputStream out) throws IOException {
        out.write(encode(chart));
        out.flush();
    }
}
