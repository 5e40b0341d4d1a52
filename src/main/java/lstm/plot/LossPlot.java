package lstm.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Training and validation loss against steps or training time, one colour per run: the training
 * loss a thin pale line, the validation loss a bold line with dots.
 */
public final class LossPlot {
    static {
        Png.useHeadlessAwt();
    }

    /** What runs across: optimizer steps, or training time (in s, min or h, whichever reads best). */
    public enum XAxis { STEP, TIME }

    private LossPlot() {}

    /** The plot as PNG bytes. */
    public static byte[] png(List<LossCurve> curves, XAxis x, Frame frame) {
        return Png.encode(chart(curves, x, frame));
    }

    /** Writes the plot to a PNG file, atomically. */
    public static void write(List<LossCurve> curves, XAxis x, Frame frame, Path target) {
        Png.write(chart(curves, x, frame), target);
    }

    static XYChart chart(List<LossCurve> curves, XAxis x, Frame frame) {
        if (curves.isEmpty()) throw new IllegalArgumentException("no curves to plot");
        TimeUnit unit = TimeUnit.fitting(curves);
        boolean one = curves.size() == 1;
        XYChart chart = new XYChartBuilder().width(frame.width()).height(frame.height())
                .title(frame.titleOr(one ? "Loss: " + curves.get(0).name() : "Loss"))
                .xAxisTitle(x == XAxis.STEP ? "step" : "training time (" + unit.label + ")")
                .yAxisTitle("loss (nats per token)")
                .build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridLinesColor(new Color(0xE0E0E0));
        chart.getStyler().setXAxisMin(0.0);   // runs start at zero; round ticks follow
        chart.getStyler().setXAxisDecimalPattern(x == XAxis.STEP ? "#,###" : "#,##0.#");
        chart.getStyler().setYAxisDecimalPattern("0.00");
        Set<String> names = new HashSet<>();
        for (int i = 0; i < curves.size(); i++) {
            LossCurve curve = curves.get(i);
            Color color = Palette.color(i);
            String name = curve.name();
            for (int k = 2; !names.add(name); k++) name = curve.name() + " (" + k + ")";   // runs/a/log.csv, runs/b/log.csv
            String prefix = one ? "" : name + " ";
            if (!curve.train().isEmpty()) {
                XYSeries s = chart.addSeries(prefix + (one ? "training" : "train"), xs(curve.train(), x, unit), ys(curve.train()));
                s.setMarker(SeriesMarkers.NONE);
                s.setLineColor(Palette.withAlpha(color, 140));
                s.setLineStyle(new BasicStroke(1.2f));
            }
            if (!curve.validation().isEmpty()) {
                XYSeries s = chart.addSeries(prefix + (one ? "validation" : "val"), xs(curve.validation(), x, unit), ys(curve.validation()));
                s.setMarker(SeriesMarkers.CIRCLE);
                s.setMarkerColor(color);
                s.setLineColor(color);
                s.setLineStyle(new BasicStroke(2.5f));
            }
        }
        if (chart.getSeriesMap().isEmpty()) throw new IllegalArgumentException("the curves have no points");
        chart.getStyler().setMarkerSize(6);
        return chart;
    }

    private static double[] xs(List<LossCurve.Point> points, XAxis x, TimeUnit unit) {
        double[] v = new double[points.size()];
        for (int i = 0; i < v.length; i++) v[i] = x == XAxis.STEP ? points.get(i).step() : points.get(i).seconds() / unit.seconds;
        return v;
    }

    private static double[] ys(List<LossCurve.Point> points) {
        return points.stream().mapToDouble(LossCurve.Point::loss).toArray();
    }

    /** Seconds for short runs, minutes up to two hours, hours beyond. */
    enum TimeUnit {
        SECONDS("s", 1), MINUTES("min", 60), HOURS("h", 3600);

        final String label;
        final double seconds;

        TimeUnit(String label, double seconds) {
            this.label = label;
            this.seconds = seconds;
        }

        static TimeUnit fitting(List<LossCurve> curves) {
            double longest = 0;
            for (LossCurve c : curves) {
                for (LossCurve.Point p : c.train()) longest = Math.max(longest, p.seconds());
                for (LossCurve.Point p : c.validation()) longest = Math.max(longest, p.seconds());
            }
            return longest < 120 ? SECONDS : longest < 7200 ? MINUTES : HOURS;
        }
    }
}
