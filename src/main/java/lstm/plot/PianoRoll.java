package lstm.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import lstm.music.MidiReader;
import lstm.music.Note;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A piano roll: time in seconds across, pitch up, each note a bar whose shade is its velocity
 * (darker is louder, in eight steps of 16 velocities).
 */
public final class PianoRoll {
    static {
        Png.useHeadlessAwt();
    }

    /** Soft to loud, pale green to dark blue (a ColorBrewer YlGnBu ramp): more hues tell neighbours apart than one. */
    private static final int[] SHADES_RGB = {0xC7E9B4, 0x7FCDBB, 0x41B6C4, 0x1D91C0, 0x225EA8, 0x253494, 0x172A6E, 0x081D58};
    private static final int SHADES = SHADES_RGB.length;
    private static final String[] NAMES = {"C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"};
    /** Room the title, axis titles and tick labels take; the rest is the plot area (close enough to size the bars). */
    private static final int MARGIN_Y = 110, MARGIN_X = 230;

    private PianoRoll() {}

    /** Every note of a standard MIDI file as written (drums kept, no sustain applied), times in seconds. */
    public static List<Note> readMidi(Path file) {
        MidiReader.Result read = new MidiReader(new MidiReader.Options(true, false, true)).read(List.of(file));
        return read.pieces().get(0).notes().notes();
    }

    public static byte[] png(String name, List<Note> notes, Frame frame) {
        return Png.encode(chart(name, notes, frame));
    }

    public static void write(String name, List<Note> notes, Frame frame, Path target) {
        Png.write(chart(name, notes, frame), target);
    }

    static XYChart chart(String name, List<Note> notes, Frame frame) {
        if (notes.isEmpty()) throw new IllegalArgumentException("no notes to draw");
        int low = notes.stream().mapToInt(Note::pitch).min().getAsInt() - 1;
        int high = notes.stream().mapToInt(Note::pitch).max().getAsInt() + 1;
        double end = notes.stream().mapToDouble(Note::end).max().getAsDouble();
        double secondsPerPixel = end / Math.max(1, frame.width() - MARGIN_X);
        float rowPixels = (frame.height() - MARGIN_Y) / (float) (high - low + 1);

        XYChart chart = new XYChartBuilder().width(frame.width()).height(frame.height())
                .title(frame.titleOr("Piano roll: " + name)).xAxisTitle("time (s)").yAxisTitle("pitch").build();
        XYStyler styler = chart.getStyler();
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotGridLinesColor(new Color(0xE8E8E8));
        styler.setLegendPosition(Styler.LegendPosition.OutsideE);
        styler.setXAxisMin(0.0).setXAxisMax(Math.max(end, 1e-3)).setYAxisMin((double) low).setYAxisMax((double) high);
        chart.setCustomYAxisTickLabelsFormatter(PianoRoll::pitchLabel);

        // One series per shade; each note is a line segment (start, end) followed by a NaN that breaks the line.
        for (int shade = SHADES - 1; shade >= 0; shade--) {   // loud first in the legend
            List<Double> xs = new ArrayList<>(), ys = new ArrayList<>();
            for (Note n : notes) {
                if (shadeOf(n.velocity()) != shade) continue;
                double stop = Math.max(n.end(), n.start() + secondsPerPixel);   // even a grace note shows
                xs.add(n.start());
                xs.add(stop);
                xs.add(stop);
                ys.add((double) n.pitch());
                ys.add((double) n.pitch());
                ys.add(Double.NaN);
            }
            if (xs.isEmpty()) continue;
            int lowVelocity = shade * 128 / SHADES, highVelocity = (shade + 1) * 128 / SHADES - 1;
            XYSeries s = chart.addSeries("velocity " + Math.max(1, lowVelocity) + "-" + highVelocity, xs, ys);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(shadeColor(shade));
            s.setLineStyle(new BasicStroke(Math.max(1f, rowPixels * 0.8f), BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
        }
        return chart;
    }

    static int shadeOf(int velocity) {
        return Math.min(SHADES - 1, Math.max(0, velocity) * SHADES / 128);
    }

    static Color shadeColor(int shade) {
        return new Color(SHADES_RGB[shade]);
    }

    /** MIDI pitch 60 is middle C, C4. */
    static String pitchLabel(double value) {
        long pitch = Math.round(value);
        if (Math.abs(value - pitch) > 1e-6) return "";
        return NAMES[(int) Math.floorMod(pitch, 12)] + (Math.floorDiv(pitch, 12) - 1) + " " + pitch;
    }
}
