package lstm.sample;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import lstm.music.EventCodec;
import lstm.music.Note;
import lstm.music.NoteSequence;
import lstm.nn.Network;

/**
 * Composes with an events model (Performance RNN): performance events drawn one at a time by a
 * {@link Sampler}, after an optional primer, until the music has lasted the asked time. Guards
 * keep the music going: a note held past the codec's hold limit is released (a NOTE_OFF is fed
 * to the model too), and a draw is made again from the other tokens when it would extend a
 * silence past {@code maxSilenceSeconds}, strike one pitch more than {@code maxRepeats} times in
 * a row, or end a note that is not sounding.
 */
public final class EventComposer {
    /** Events at one instant before time must move on (no music needs more; a stuck model might). */
    static final int MAX_EVENTS_PER_STEP = 64;
    /** The context fed before the first event: training pieces follow the previous piece's last note-off. */
    static final int START_PITCH = 60;

    /** maxRepeats: 0 = no limit on one pitch struck again and again. */
    public record Options(double seconds, float temperature, int topK, float topP, long seed,
                          double maxSilenceSeconds, int maxRepeats) {
        public Options {
            if (!(seconds >= EventCodec.STEP_SECONDS) || Double.isInfinite(seconds)) throw new IllegalArgumentException("length " + seconds + " s");
            if (!(maxSilenceSeconds >= EventCodec.STEP_SECONDS)) throw new IllegalArgumentException("silence limit " + maxSilenceSeconds + " s");
            if (maxRepeats < 0) throw new IllegalArgumentException("repeat limit " + maxRepeats);
        }
    }

    /**
     * The primer's events and the new ones; how many notes the hold limit released and how many
     * draws were made again. {@code primerSteps} and {@code steps} are the two parts' lengths in
     * codec steps (10 ms).
     */
    public record Result(int[] primer, int[] composed, long primerSteps, long steps, int releases, int redraws) {
        /** The notes of the new music (after the primer, or with it), nothing past the asked length. */
        public NoteSequence notes(EventCodec codec, boolean withPrimer) {
            int[] tokens = composed;
            long end = steps;
            if (withPrimer) {
                tokens = Arrays.copyOf(primer, primer.length + composed.length);
                System.arraycopy(composed, 0, tokens, primer.length, composed.length);
                end += primerSteps;
            }
            double endSeconds = end * EventCodec.STEP_SECONDS;
            List<Note> kept = new ArrayList<>();
            for (Note n : codec.decode(tokens).notes()) {
                if (n.start() < endSeconds) kept.add(new Note(n.pitch(), n.velocity(), n.start(), Math.min(n.end(), endSeconds)));
            }
            return new NoteSequence(kept);
        }
    }

    private final Network network;
    private final EventCodec codec;

    /** The codec must match the model's vocabulary; its hold limit is the composition's. */
    public EventComposer(Network network, EventCodec codec) {
        if (network.config.vocabSize() != codec.vocabularySize()) {
            throw new IllegalArgumentException("model vocabulary " + network.config.vocabSize() + " but codec " + codec.vocabularySize());
        }
        this.network = network;
        this.codec = codec;
    }

    /**
     * The first {@code seconds} of a piece as primer events: notes starting before then, cut
     * there, then time shifts up to that length if the piece is silent at the end.
     */
    public static int[] primer(EventCodec codec, NoteSequence piece, double seconds) {
        List<Note> kept = new ArrayList<>();
        for (Note n : piece.startingAtZero().notes()) {
            if (n.start() < seconds) kept.add(new Note(n.pitch(), n.velocity(), n.start(), Math.min(n.end(), seconds)));
        }
        int[] tokens = codec.encode(new NoteSequence(kept));
        long missing = Math.round(seconds * EventCodec.STEPS_PER_SECOND) - steps(tokens);
        List<Integer> shifts = new ArrayList<>();
        for (; missing > 0; missing -= EventCodec.TIME_SHIFT_STEPS) shifts.add(codec.timeShift((int) Math.min(missing, EventCodec.TIME_SHIFT_STEPS)));
        int[] out = Arrays.copyOf(tokens, tokens.length + shifts.size());
        for (int i = 0; i < shifts.size(); i++) out[tokens.length + i] = shifts.get(i);
        return out;
    }

    /** The time the events span, in codec steps. */
    static long steps(int[] tokens) {
        long steps = 0;
        for (int t : tokens) if (isTimeShift(t)) steps += shiftSteps(t);
        return steps;
    }

    public Result compose(int[] primer, Options o) {
        int vocab = codec.vocabularySize();
        Generator generator = new Generator(network, new Sampler(vocab, o.temperature(), o.topK(), o.topP(), o.seed()));
        generator.feed(codec.noteOff(START_PITCH));
        for (int token : primer) generator.feed(token);

        State s = new State();
        for (int token : primer) s.apply(token);
        s.lastSound = s.now;   // the primer's end counts as sound: the silence limit starts here
        long primerSteps = s.now;
        long end = primerSteps + Math.max(1, Math.round(o.seconds() * EventCodec.STEPS_PER_SECOND));
        long maxHold = Math.round(codec.options().maxHoldSeconds() * EventCodec.STEPS_PER_SECOND);
        long maxSilence = Math.round(o.maxSilenceSeconds() * EventCodec.STEPS_PER_SECOND);
        // a model that never moves time on stops here (each step admits at most MAX_EVENTS_PER_STEP events)
        long budget = (end - primerSteps) * (MAX_EVENTS_PER_STEP + 1) + 1;

        int[] out = new int[1024];
        int length = 0, releases = 0, redraws = 0;
        boolean[] allowed = new boolean[vocab];
        while (s.now < end && length < budget) {
            for (int pitch = 0; pitch < EventCodec.PITCHES; pitch++) {
                if (s.sounding[pitch] && s.now - s.start[pitch] >= maxHold) {
                    int off = codec.noteOff(pitch);
                    generator.feed(off);
                    s.apply(off);
                    if (length + 1 >= out.length) out = Arrays.copyOf(out, out.length * 2);
                    out[length++] = off;
                    releases++;
                }
            }
            allowedNow(s, allowed, maxSilence, o.maxRepeats());
            int token = generator.next(allowed);
            if (generator.redrawn()) redraws++;
            s.apply(token);
            if (length + 1 >= out.length) out = Arrays.copyOf(out, out.length * 2);
            out[length++] = token;
        }
        return new Result(primer.clone(), Arrays.copyOf(out, length), primerSteps, end - primerSteps, releases, redraws);
    }

    /** The tokens the guards admit in this state. */
    private void allowedNow(State s, boolean[] allowed, long maxSilence, int maxRepeats) {
        Arrays.fill(allowed, true);
        boolean anySounding = false;
        for (int pitch = 0; pitch < EventCodec.PITCHES; pitch++) {
            if (s.sounding[pitch]) anySounding = true;
            else allowed[codec.noteOff(pitch)] = false;   // would change nothing
        }
        boolean tooQuiet = !anySounding && s.now - s.lastSound >= maxSilence;
        boolean stuck = s.eventsThisStep >= MAX_EVENTS_PER_STEP;
        if (stuck) {
            for (int t = EventCodec.NOTE_ON; t < EventCodec.NOTE_OFF; t++) allowed[t] = false;
            for (int t = EventCodec.VELOCITY; t < allowed.length; t++) allowed[t] = false;
        } else if (tooQuiet) {
            for (int t = EventCodec.TIME_SHIFT; t < EventCodec.VELOCITY; t++) allowed[t] = false;
        }
        if (maxRepeats > 0 && s.repeats >= maxRepeats && !stuck) allowed[codec.noteOn(s.lastPitch)] = false;
    }

    private static boolean isTimeShift(int token) {
        return token >= EventCodec.TIME_SHIFT && token < EventCodec.VELOCITY;
    }

    private static int shiftSteps(int token) {
        return token - EventCodec.TIME_SHIFT + 1;
    }

    /** Where the music stands: the time, the sounding notes, the last sound, the run of one repeated pitch. */
    private static final class State {
        final boolean[] sounding = new boolean[EventCodec.PITCHES];
        final long[] start = new long[EventCodec.PITCHES];
        long now, lastSound;
        int lastPitch = -1, repeats, eventsThisStep;

        void apply(int token) {
            if (isTimeShift(token)) {
                boolean anySounding = false;
                for (boolean b : sounding) anySounding |= b;
                now += shiftSteps(token);
                if (anySounding) lastSound = now;
                eventsThisStep = 0;
                return;
            }
            eventsThisStep++;
            if (token < EventCodec.NOTE_OFF) {
                int pitch = token - EventCodec.NOTE_ON;
                sounding[pitch] = true;
                start[pitch] = now;
                repeats = pitch == lastPitch ? repeats + 1 : 1;
                lastPitch = pitch;
                lastSound = now;
            } else if (token < EventCodec.TIME_SHIFT) {
                int pitch = token - EventCodec.NOTE_OFF;
                if (sounding[pitch]) lastSound = now;
                sounding[pitch] = false;
            }
        }
    }
}
