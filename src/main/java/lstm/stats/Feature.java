package lstm.stats;

import java.util.function.Function;

/**
 * The per-piece features compared by {@link SetComparison}: the nine of Yang &amp; Lerch (PC, PCH,
 * PCTM, PR, PI, NC, IOI, NLH, NLTM) and three more this tool reports (polyphony, notes per beat,
 * the share of notes in the key). Each is a vector; a scalar is a vector of one.
 */
public enum Feature {
    PITCH_COUNT("pitch_count", s -> one(s.pitchCount())),
    PITCH_CLASS_HISTOGRAM("pitch_class_histogram", MusicStats::pitchClassHistogram),
    PITCH_CLASS_TRANSITIONS("pitch_class_transitions", s -> flat(s.pitchClassTransitions())),
    PITCH_RANGE("pitch_range", s -> one(s.pitchRange())),
    PITCH_INTERVAL("pitch_interval", s -> one(s.pitchInterval())),
    NOTE_COUNT("note_count", s -> one(s.notes())),
    INTER_ONSET("inter_onset_interval", s -> one(s.interOnset())),
    NOTE_LENGTH_HISTOGRAM("note_length_histogram", MusicStats::noteLengthHistogram),
    NOTE_LENGTH_TRANSITIONS("note_length_transitions", s -> flat(s.noteLengthTransitions())),
    POLYPHONY("polyphony", s -> one(s.polyphony())),
    NOTES_PER_BEAT("notes_per_beat", s -> one(s.notesPerBeat())),
    IN_KEY("in_key", s -> one(s.inKey()));

    /** The name used in tables and JSON. */
    public final String key;
    private final Function<MusicStats, double[]> value;

    Feature(String key, Function<MusicStats, double[]> value) {
        this.key = key;
        this.value = value;
    }

    public double[] of(MusicStats stats) {
        return value.apply(stats);
    }

    /** Euclidean distance between two pieces' values of this feature. */
    public double distance(MusicStats a, MusicStats b) {
        double[] x = of(a), y = of(b);
        double sum = 0;
        for (int i = 0; i < x.length; i++) sum += (x[i] - y[i]) * (x[i] - y[i]);
        return Math.sqrt(sum);
    }

    private static double[] one(double v) {
        return new double[] {v};
    }

    private static double[] flat(double[][] m) {
        double[] out = new double[m.length * m[0].length];
        for (int i = 0; i < m.length; i++) System.arraycopy(m[i], 0, out, i * m[i].length, m[i].length);
        return out;
    }
}
