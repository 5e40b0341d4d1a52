package lstm.music;

import java.util.TreeMap;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.Sequence;
import javax.sound.midi.Track;

/**
 * Converts ticks to seconds through every tempo change of a sequence (all tracks), starting at
 * the MIDI default of 120 quarter notes per minute; SMPTE-timed files have a fixed rate instead.
 */
public final class TempoMap {
    private static final int DEFAULT_TEMPO = 500_000; // microseconds per quarter note
    private final long[] ticks;        // where each constant-tempo segment starts
    private final int[] tempi;         // microseconds per quarter note in each segment (0: SMPTE, no tempo)
    private final double[] seconds;    // the time at that tick
    private final double[] secondsPerTick;

    private TempoMap(long[] ticks, int[] tempi, double[] seconds, double[] secondsPerTick) {
        this.ticks = ticks;
        this.tempi = tempi;
        this.seconds = seconds;
        this.secondsPerTick = secondsPerTick;
    }

    public static TempoMap of(Sequence sequence) {
        if (sequence.getDivisionType() != Sequence.PPQ) {
            double ticksPerSecond = sequence.getDivisionType() * sequence.getResolution();
            return new TempoMap(new long[] {0}, new int[] {0}, new double[] {0}, new double[] {1 / ticksPerSecond});
        }
        // the last tempo event at a tick wins, wherever its track
        TreeMap<Long, Integer> changes = new TreeMap<>();
        changes.put(0L, DEFAULT_TEMPO);
        for (Track track : sequence.getTracks()) {
            for (int i = 0; i < track.size(); i++) {
                MidiEvent event = track.get(i);
                if (event.getMessage() instanceof MetaMessage meta && meta.getType() == SmfEvent.TEMPO && meta.getData().length >= 3) {
                    byte[] d = meta.getData();
                    int tempo = ((d[0] & 0xFF) << 16) | ((d[1] & 0xFF) << 8) | (d[2] & 0xFF);
                    if (tempo > 0) changes.put(event.getTick(), tempo);
                }
            }
        }
        double resolution = sequence.getResolution();
        long[] ticks = new long[changes.size()];
        int[] tempi = new int[changes.size()];
        double[] seconds = new double[changes.size()], perTick = new double[changes.size()];
        int i = 0;
        for (var change : changes.entrySet()) {
            ticks[i] = change.getKey();
            tempi[i] = change.getValue();
            perTick[i] = change.getValue() / 1e6 / resolution;
            if (i > 0) seconds[i] = seconds[i - 1] + (ticks[i] - ticks[i - 1]) * perTick[i - 1];
            i++;
        }
        return new TempoMap(ticks, tempi, seconds, perTick);
    }

    /** The seconds spent at each tempo from tick 0 to {@code endTick}; nothing for an SMPTE-timed map. */
    public TempoUse use(long endTick) {
        java.util.Map<Integer, Double> seconds = new TreeMap<>();
        for (int i = 0; i < ticks.length && ticks[i] < endTick; i++) {
            if (tempi[i] == 0) continue;
            long end = i + 1 < ticks.length ? Math.min(ticks[i + 1], endTick) : endTick;
            seconds.merge(tempi[i], (end - ticks[i]) * secondsPerTick[i], Double::sum);
        }
        return new TempoUse(seconds);
    }

    public double seconds(long tick) {
        int segment = java.util.Arrays.binarySearch(ticks, tick);
        if (segment < 0) segment = -segment - 2;
        return seconds[segment] + (tick - ticks[segment]) * secondsPerTick[segment];
    }
}
