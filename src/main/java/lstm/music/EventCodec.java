package lstm.music;

import java.util.ArrayList;
import java.util.List;

/**
 * Performance events as in Magenta's Performance RNN: a vocabulary of NOTE_ON (128 pitches),
 * NOTE_OFF (128), TIME_SHIFT (1 to 100 steps of 10 ms, so up to 1 s) and VELOCITY (32 bins),
 * 388 tokens; 356 without velocity. Token ids, in that order: NOTE_ON p = p, NOTE_OFF p = 128 + p,
 * TIME_SHIFT of s steps = 255 + s, VELOCITY bin b (1-32) = 355 + b.
 *
 * <p>Encoding quantizes times to 10 ms (a note lasts at least one step), keeps one pitch from
 * sounding twice at once ({@link NoteSequence#withoutSamePitchOverlaps}) and cuts notes at the
 * hold limit; at one time step note-offs come before note-ons, and a VELOCITY token precedes a
 * NOTE_ON only when the velocity bin changes. Decoding accepts any token sequence: a NOTE_OFF of
 * a pitch not sounding is ignored, a NOTE_ON of a sounding pitch ends it and starts it again,
 * zero-length notes are dropped, notes still sounding at the end stop there, and a note held
 * longer than the hold limit is released at the limit. So decode(encode(s)) keeps every note's
 * pitch, start and end to 10 ms, except that a note longer than the limit is cut to the limit
 * and same-pitch overlaps are resolved as above.
 */
public final class EventCodec {
    public static final int PITCHES = 128, TIME_SHIFT_STEPS = 100, VELOCITY_BINS = 32;
    public static final int NOTE_ON = 0, NOTE_OFF = PITCHES, TIME_SHIFT = 2 * PITCHES, VELOCITY = TIME_SHIFT + TIME_SHIFT_STEPS;
    public static final int STEPS_PER_SECOND = 100;
    public static final double STEP_SECONDS = 1.0 / STEPS_PER_SECOND;

    /**
     * velocity: use VELOCITY tokens; maxHoldSeconds: the longest a note may sound;
     * defaultVelocity: the velocity of decoded notes when velocity is off (or before any VELOCITY token).
     */
    public record Options(boolean velocity, double maxHoldSeconds, int defaultVelocity) {
        public static final Options DEFAULT = new Options(true, 5.0, 80);

        public Options {
            if (!(maxHoldSeconds >= STEP_SECONDS)) throw new IllegalArgumentException("hold limit " + maxHoldSeconds + " s");
            if (defaultVelocity < 1 || defaultVelocity > 127) throw new IllegalArgumentException("velocity " + defaultVelocity);
        }
    }

    private final Options options;
    private final int maxHoldSteps;

    public EventCodec(Options options) {
        this.options = options;
        this.maxHoldSteps = (int) Math.round(options.maxHoldSeconds() * STEPS_PER_SECOND);
    }

    public Options options() {
        return options;
    }

    /** 388 with velocity tokens, 356 without. */
    public int vocabularySize() {
        return options.velocity() ? VELOCITY + VELOCITY_BINS : VELOCITY;
    }

    // ---------------------------------------------------------------- encoding

    /** The tokens of a sequence, from time 0 (leading silence becomes time shifts: see {@link NoteSequence#startingAtZero}). */
    public int[] encode(NoteSequence sequence) {
        List<Boundary> boundaries = new ArrayList<>();
        for (Note n : quantized(sequence).notes()) {
            boundaries.add(new Boundary(steps(n.start()), true, n.pitch(), n.velocity()));
            boundaries.add(new Boundary(steps(n.end()), false, n.pitch(), 0));
        }
        boundaries.sort(Boundary.ORDER);
        List<Integer> tokens = new ArrayList<>(2 * boundaries.size());
        long step = 0;
        int bin = -1;
        for (Boundary b : boundaries) {
            for (long shift = b.step() - step; shift > 0; shift -= TIME_SHIFT_STEPS) {
                tokens.add(timeShift((int) Math.min(shift, TIME_SHIFT_STEPS)));
            }
            step = b.step();
            if (b.on() && options.velocity() && velocityBin(b.velocity()) != bin) {
                bin = velocityBin(b.velocity());
                tokens.add(velocity(bin));
            }
            tokens.add(b.on() ? noteOn(b.pitch()) : noteOff(b.pitch()));
        }
        return tokens.stream().mapToInt(Integer::intValue).toArray();
    }

    /** A note's start or end on the step grid; at one step, ends come first, then by pitch. */
    private record Boundary(long step, boolean on, int pitch, int velocity) {
        static final java.util.Comparator<Boundary> ORDER = java.util.Comparator.comparingLong(Boundary::step)
                .thenComparing(Boundary::on).thenComparingInt(Boundary::pitch);
    }

    /**
     * The notes exactly as decode(encode(sequence)) returns them (velocity aside): times on the
     * 10 ms grid, at least one step long, at most the hold limit, no same-pitch overlaps.
     */
    public NoteSequence quantized(NoteSequence sequence) {
        List<Note> notes = new ArrayList<>(sequence.size());
        for (Note n : sequence.onGrid(STEPS_PER_SECOND).notes()) {
            long start = steps(n.start());
            long end = Math.min(steps(n.end()), start + maxHoldSteps);
            notes.add(new Note(n.pitch(), n.velocity(), n.start(), seconds(end)));
        }
        return new NoteSequence(notes);
    }

    private static long steps(double seconds) {
        return Math.round(seconds * STEPS_PER_SECOND);
    }

    private static double seconds(long steps) {
        return steps / (double) STEPS_PER_SECOND;
    }

    // ---------------------------------------------------------------- decoding

    /** The notes of any token sequence (see the class comment); an id outside the vocabulary is a bug: IllegalArgumentException. */
    public NoteSequence decode(int[] tokens) {
        Decoder d = new Decoder();
        for (int token : tokens) {
            checkToken(token);
            if (token < NOTE_OFF) d.noteOn(token - NOTE_ON);
            else if (token < TIME_SHIFT) d.noteOff(token - NOTE_OFF);
            else if (token < VELOCITY) d.advance(token - TIME_SHIFT + 1);
            else d.velocity = binVelocity(token - VELOCITY + 1);
        }
        return d.finish();
    }

    private final class Decoder {
        final long[] start = new long[PITCHES];
        final int[] sounding = new int[PITCHES]; // velocity of the sounding note, 0 when silent
        final List<Note> notes = new ArrayList<>();
        long step;
        int velocity = options.defaultVelocity();

        void noteOn(int pitch) {
            if (sounding[pitch] > 0) end(pitch, step);
            start[pitch] = step;
            sounding[pitch] = velocity;
        }

        void noteOff(int pitch) {
            if (sounding[pitch] > 0) end(pitch, step);
        }

        void advance(int steps) {
            step += steps;
            for (int pitch = 0; pitch < PITCHES; pitch++) {
                if (sounding[pitch] > 0 && step - start[pitch] >= maxHoldSteps) end(pitch, start[pitch] + maxHoldSteps);
            }
        }

        void end(int pitch, long at) {
            if (at > start[pitch]) notes.add(new Note(pitch, sounding[pitch], seconds(start[pitch]), seconds(at)));
            sounding[pitch] = 0;
        }

        NoteSequence finish() {
            for (int pitch = 0; pitch < PITCHES; pitch++) if (sounding[pitch] > 0) end(pitch, step);
            return new NoteSequence(notes);
        }
    }

    // ---------------------------------------------------------------- tokens

    public int noteOn(int pitch) {
        return NOTE_ON + checkRange(pitch, 0, PITCHES - 1, "pitch");
    }

    public int noteOff(int pitch) {
        return NOTE_OFF + checkRange(pitch, 0, PITCHES - 1, "pitch");
    }

    /** A shift of 1 to 100 steps of 10 ms. */
    public int timeShift(int steps) {
        return TIME_SHIFT - 1 + checkRange(steps, 1, TIME_SHIFT_STEPS, "time shift");
    }

    /** The token of velocity bin 1 to 32 (only when velocity tokens are on). */
    public int velocity(int bin) {
        if (!options.velocity()) throw new IllegalStateException("this codec has no velocity tokens");
        return VELOCITY - 1 + checkRange(bin, 1, VELOCITY_BINS, "velocity bin");
    }

    /** A readable name: NOTE_ON_60, NOTE_OFF_60, TIME_SHIFT_10 (milliseconds), VELOCITY_16 (bin). */
    public String tokenName(int token) {
        checkToken(token);
        if (token < NOTE_OFF) return "NOTE_ON_" + (token - NOTE_ON);
        if (token < TIME_SHIFT) return "NOTE_OFF_" + (token - NOTE_OFF);
        if (token < VELOCITY) return "TIME_SHIFT_" + (token - TIME_SHIFT + 1) * 10;
        return "VELOCITY_" + (token - VELOCITY + 1);
    }

    /** Bin 1-32 of a MIDI velocity 1-127 (bins of about 4 velocities). */
    public static int velocityBin(int velocity) {
        return 1 + (checkRange(velocity, 1, 127, "velocity") - 1) * VELOCITY_BINS / 127;
    }

    /** The middle velocity of a bin (so that velocityBin(binVelocity(b)) == b). */
    public static int binVelocity(int bin) {
        checkRange(bin, 1, VELOCITY_BINS, "velocity bin");
        int low = 1 + ((bin - 1) * 127 + VELOCITY_BINS - 1) / VELOCITY_BINS;
        int high = 1 + (bin * 127 + VELOCITY_BINS - 1) / VELOCITY_BINS - 1;
        return (low + high) / 2;
    }

    private void checkToken(int token) {
        if (token < 0 || token >= vocabularySize()) {
            throw new IllegalArgumentException("token " + token + " outside the vocabulary of " + vocabularySize());
        }
    }

    private static int checkRange(int value, int min, int max, String what) {
        if (value < min || value > max) throw new IllegalArgumentException(what + " " + value + " outside " + min + ".." + max);
        return value;
    }
}
