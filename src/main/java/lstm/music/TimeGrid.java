package lstm.music;

import java.util.Locale;
import java.util.Map;

/**
 * A model's time grid as its model file records it (in the codec data): a frame model's steps
 * per quarter note, or an events model's time-shift step in seconds; the tempo it learned at, in
 * quarter notes a minute (none when it learned from piano-roll CSV, which has no tempo); and its
 * keyboard, the lowest to the highest MIDI note it can play.
 *
 * <p>A model file written before the grid was recorded reads as what composing assumed then: a
 * frame model steps in quarter notes, an events model in 10 ms, and neither knows its tempo.
 */
public record TimeGrid(int stepsPerQuarter, double stepSeconds, Double tempoBpm, int lowestNote, int highestNote) {
    /** The tempo when a model knows none: MIDI's own default. */
    public static final double DEFAULT_BPM = 120;
    static final String STEPS_PER_QUARTER = "steps_per_quarter", STEPS_PER_SECOND = "steps_per_second", TEMPO = "tempo_bpm",
            LOWEST = "lowest_note", HIGHEST = "highest_note";

    public TimeGrid {
        if ((stepsPerQuarter > 0) == (stepSeconds > 0)) throw new IllegalArgumentException("a grid in beats or in seconds, not both or neither");
        if (tempoBpm != null && !(tempoBpm > 0 && tempoBpm < Double.POSITIVE_INFINITY)) throw new IllegalArgumentException("tempo " + tempoBpm);
        if (lowestNote < 0 || highestNote > 127 || lowestNote > highestNote) throw new IllegalArgumentException("keys " + lowestNote + ".." + highestNote);
    }

    /** A frame model's grid: {@code stepsPerQuarter} steps to a quarter note. */
    public static TimeGrid beats(int stepsPerQuarter, Double tempoBpm, int lowestNote, int highestNote) {
        return new TimeGrid(stepsPerQuarter, 0, tempoBpm, lowestNote, highestNote);
    }

    /** An events model's grid: time moves in steps of {@code stepSeconds}. */
    public static TimeGrid seconds(double stepSeconds, Double tempoBpm, int lowestNote, int highestNote) {
        return new TimeGrid(0, stepSeconds, tempoBpm, lowestNote, highestNote);
    }

    /** Whether steps are fractions of a beat (frame models) rather than of a second (events models). */
    public boolean inBeats() {
        return stepsPerQuarter > 0;
    }

    /** Writes the grid into a model's codec data. */
    public void record(Map<String, Object> codec) {
        if (inBeats()) codec.put(STEPS_PER_QUARTER, stepsPerQuarter);
        else codec.put(STEPS_PER_SECOND, (int) Math.round(1 / stepSeconds));
        if (tempoBpm != null) codec.put(TEMPO, tempoBpm);
        codec.put(LOWEST, lowestNote);
        codec.put(HIGHEST, highestNote);
    }

    /** The grid a model's codec data records; fields an older model file lacks take the old defaults (see the class comment). */
    public static TimeGrid read(Map<String, Object> codec) {
        Number tempo = (Number) codec.get(TEMPO);
        Double bpm = tempo == null ? null : tempo.doubleValue();
        if (codec.get(STEPS_PER_SECOND) instanceof Number perSecond) {
            return seconds(1.0 / perSecond.intValue(), bpm, intOr(codec, LOWEST, 0), intOr(codec, HIGHEST, 127));
        }
        int lowest = intOr(codec, LOWEST, 21);
        int highest = intOr(codec, HIGHEST, codec.get("keys") instanceof Number keys ? lowest + keys.intValue() - 1 : 108);
        return beats(intOr(codec, STEPS_PER_QUARTER, 1), bpm, lowest, highest);
    }

    private static int intOr(Map<String, Object> codec, String key, int otherwise) {
        return codec.get(key) instanceof Number n ? n.intValue() : otherwise;
    }

    /**
     * The tempo a file at this grid is written at, near {@code bpm}: for a grid in beats, one where
     * a step lasts a whole number of milliseconds (the writer's tick), so that every note sits
     * exactly on the grid; for a grid in seconds, the writer's own rounding (a whole number of
     * milliseconds to a quarter note).
     */
    public double writtenBpm(double bpm) {
        if (!(bpm > 0)) throw new IllegalArgumentException("tempo " + bpm);
        int perQuarter = Math.max(1, stepsPerQuarter);
        long stepMillis = Math.max(1, Math.round(60_000 / bpm / perQuarter));
        return 60_000.0 / (stepMillis * perQuarter);
    }

    /** The length of one step at a tempo: a grid in beats follows the tempo (at {@link #writtenBpm}); a grid in seconds does not. */
    public double stepSeconds(double bpm) {
        if (!inBeats()) return stepSeconds;
        return Math.round(60_000 / writtenBpm(bpm) / stepsPerQuarter) / 1000.0;
    }

    /** "16th-note grid", "quarter-note grid", "3 steps a quarter", "10 ms steps". */
    public String describe() {
        if (!inBeats()) return String.format(Locale.ROOT, "%s ms steps", formatNumber(stepSeconds * 1000));
        return switch (stepsPerQuarter) {
            case 1 -> "quarter-note grid";
            case 2 -> "8th-note grid";
            case 4 -> "16th-note grid";
            case 8 -> "32nd-note grid";
            default -> stepsPerQuarter + " steps a quarter";
        };
    }

    /** A tempo or step length as people write it: 120, 117.19. */
    public static String formatNumber(double x) {
        String s = String.format(Locale.ROOT, "%.2f", x);
        return s.replaceFirst("\\.?0+$", "");
    }
}
