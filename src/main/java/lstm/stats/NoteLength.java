package lstm.stats;

/**
 * The twelve note-length classes of Yang &amp; Lerch's note length histogram, in beats (quarter
 * notes): whole, half, quarter, 8th and 16th notes, their dotted forms, and half, quarter and 8th
 * triplets. A note falls into the class nearest its length on a logarithmic scale (a ratio, as the
 * ear hears durations); longer than a whole note counts as whole, shorter than a 16th as 16th.
 */
public final class NoteLength {
    public static final String[] NAMES = {"1", "1/2", "1/4", "1/8", "1/16", "1/2.", "1/4.", "1/8.", "1/16.", "1/2t", "1/4t", "1/8t"};
    static final double[] BEATS = {4, 2, 1, 0.5, 0.25, 3, 1.5, 0.75, 0.375, 4.0 / 3, 2.0 / 3, 1.0 / 3};
    public static final int CLASSES = BEATS.length;

    private NoteLength() {}

    /** The class of a note {@code beats} quarter notes long. */
    public static int classOf(double beats) {
        if (!(beats > 0)) return 4;   // a zero-length note: the shortest class
        double log = Math.log(beats);
        int best = 0;
        for (int c = 1; c < CLASSES; c++) {
            if (Math.abs(Math.log(BEATS[c]) - log) < Math.abs(Math.log(BEATS[best]) - log)) best = c;
        }
        return best;
    }
}
