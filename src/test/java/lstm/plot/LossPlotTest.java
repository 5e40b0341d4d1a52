package lstm.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import lstm.io.MetricsLog;
import lstm.io.UserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LossPlotTest {
    @TempDir
    Path dir;

    /** A log as training writes it: a row every 10 steps, and an evaluation row every 50. */
    private Path log(String name, double start, int steps) {
        Path csv = dir.resolve(name + ".csv");
        try (MetricsLog log = new MetricsLog(csv)) {
            for (int step = 10; step <= steps; step += 10) {
                double loss = start / Math.sqrt(step);
                log.append(step, step / 100.0, loss, Double.NaN, 2e-3, 1.0, 5000, step * 0.1);
                if (step % 50 == 0) log.append(step, step / 100.0, loss * 0.9, loss * 1.1, 2e-3, 1.0, 5000, step * 0.1);
            }
        }
        return csv;
    }

    @Test
    void readsTheMetricsLog() {
        LossCurve curve = LossCurve.read(log("run", 20, 200));
        assertEquals("run", curve.name());
        assertEquals(20, curve.train().size(), "one training point a step; the evaluation row's repeat is dropped");
        assertEquals(4, curve.validation().size());
        LossCurve.Point val = curve.validation().get(1);
        assertEquals(100, val.step());
        assertEquals(10.0, val.seconds(), 1e-9);
        assertEquals(1.1 * 20 / 10, val.loss(), 1e-5);
        assertEquals(20 / Math.sqrt(100), curve.train().get(9).loss(), 1e-5);
    }

    @Test
    void resumedRunsKeepTheClockRunning() {
        LossCurve curve = new LossCurve("r");
        curve.add(10, 5.0, 3.0, Double.NaN);
        curve.add(20, 10.0, 2.5, 2.6);
        curve.add(30, 4.0, 2.4, Double.NaN);   // resumed: its clock starts again
        curve.add(40, 8.0, 2.3, Double.NaN);
        assertEquals(List.of(5.0, 10.0, 14.0, 18.0), curve.train().stream().map(LossCurve.Point::seconds).toList());
    }

    @Test
    void plotOfOneRunHasTheStatedSizeAndBothCurves() {
        byte[] png = LossPlot.png(List.of(LossCurve.read(log("run", 20, 500))), LossPlot.XAxis.STEP, new Frame(640, 400, null));
        BufferedImage image = Pixels.decode(png, 640, 400);
        assertTrue(Pixels.ink(image) > 640 * 400 / 50, "axes, labels and curves leave ink");
        assertTrue(Pixels.near(image, Palette.color(0), 10) > 200, "the validation curve in the first colour");
    }

    @Test
    void severalRunsGetTheirOwnColours() {
        List<LossCurve> runs = List.of(LossCurve.read(log("small", 20, 300)), LossCurve.read(log("big", 15, 600)));
        for (LossPlot.XAxis x : LossPlot.XAxis.values()) {
            BufferedImage image = Pixels.decode(LossPlot.png(runs, x, new Frame(800, 500, "compare")), 800, 500);
            assertTrue(Pixels.near(image, Palette.color(0), 10) > 100, x + ": first run drawn");
            assertTrue(Pixels.near(image, Palette.color(1), 10) > 100, x + ": second run drawn");
            assertEquals(0, Pixels.near(image, Palette.color(2), 10), x + ": no third colour");
        }
    }

    @Test
    void writesTheFileAtomically() throws Exception {
        Path png = dir.resolve("loss.png");
        LossPlot.write(List.of(LossCurve.read(log("run", 20, 100))), LossPlot.XAxis.TIME, new Frame(300, 200, null), png);
        Pixels.decode(Files.readAllBytes(png), 300, 200);
        try (var files = Files.list(dir)) {
            assertEquals(0, files.filter(f -> f.getFileName().toString().contains(".tmp")).count());
        }
    }

    @Test
    void aCsvThatIsNotAMetricsLogIsAUserError() throws Exception {
        Path other = dir.resolve("other.csv");
        Files.writeString(other, "a,b\n1,2\n");
        UserException e = assertThrows(UserException.class, () -> LossCurve.read(other));
        assertTrue(e.getMessage().contains("no 'step' column"), e.getMessage());
        Path broken = dir.resolve("broken.csv");
        Files.writeString(broken, String.join(",", MetricsLog.COLUMNS) + "\n10,0.1,x,,0.002,1,1,1\n");
        e = assertThrows(UserException.class, () -> LossCurve.read(broken));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }
}
