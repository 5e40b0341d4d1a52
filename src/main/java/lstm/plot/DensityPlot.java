package lstm.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import lstm.io.AtomicFile;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Small charts of probability densities side by side, one panel per feature, as in Yang &amp;
 * Lerch's figures of intra-set and inter-set distance distributions ({@code lstm stats --compare --plot}).
 */
public final class DensityPlot {
    static {
        Png.useHeadlessAwt();
    }

    /** One curve: its legend name, its densities over the panel's x values, and whether it is drawn dashed. */
    public record Curve(String name, double[] y, boolean dashed) {}

    /** One chart: its title, the x values, the curves. */
    public record Panel(String title, double[] x, List<Curve> curves) {}

    public static final int PANEL_WIDTH = 420, PANEL_HEIGHT = 280, COLUMNS = 3;

    private DensityPlot() {}

    /** Writes the panels, three to a row, as one PNG file, atomically. */
    public static void write(List<Panel> panels, Path target) {
        AtomicFile.write(target, ByteBuffer.wrap(png(panels)));
    }

    public static byte[] png(List<Panel> panels) {
        if (panels.isEmpty()) throw new IllegalArgumentException("no panels to plot");
        int rows = (panels.size() + COLUMNS - 1) / COLUMNS;
        int columns = Math.min(COLUMNS, panels.size());
        BufferedImage image = new BufferedImage(columns * PANEL_WIDTH, rows * PANEL_HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        for (int i = 0; i < panels.size(); i++) {
            BufferedImage chart = BitmapEncoder.getBufferedImage(chart(panels.get(i), i == 0));
            g.drawImage(chart, (i % COLUMNS) * PANEL_WIDTH, (i / COLUMNS) * PANEL_HEIGHT, null);
        }
        g.dispose();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);   // writing to memory cannot fail
        }
        return bytes.toByteArray();
    }

    /** A panel; only the first shows the legend, as every panel has the same curves. */
    static XYChart chart(Panel panel, boolean legend) {
        XYChart chart = new XYChartBuilder().width(PANEL_WIDTH).height(PANEL_HEIGHT).title(panel.title()).build();
        var s = chart.getStyler();
        s.setLegendPosition(Styler.LegendPosition.InsideNE);
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotGridLinesColor(new Color(0xE0E0E0));
        s.setChartTitleFont(s.getChartTitleFont().deriveFont(13f));
        s.setLegendFont(s.getLegendFont().deriveFont(10f));
        s.setLegendVisible(legend);
        s.setXAxisDecimalPattern("#,##0.###");
        s.setYAxisDecimalPattern("#,##0.##");
        for (int c = 0; c < panel.curves().size(); c++) {
            Curve curve = panel.curves().get(c);
            XYSeries series = chart.addSeries(curve.name(), panel.x(), curve.y());
            series.setMarker(SeriesMarkers.NONE);
            series.setLineColor(Palette.color(c));
            series.setLineStyle(curve.dashed()
                    ? new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f)
                    : new BasicStroke(2f));
        }
        return chart;
    }
}
