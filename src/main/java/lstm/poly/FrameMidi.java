package lstm.poly;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import lstm.music.MidiFormatException;
import lstm.music.MidiReader;
import lstm.music.MidiWriter;
import lstm.music.Note;
import lstm.music.NoteSequence;
import lstm.music.TempoMap;
import lstm.music.TempoUse;

/**
 * MIDI files to frames and back, through the {@code lstm.music} reader and writer.
 *
 * <p>Reading puts the notes on a grid of 16th notes (or as many steps a quarter as asked) counted in the file's own beats (ticks per
 * quarter, so tempo changes do not bend the grid; an SMPTE-timed file counts a quarter as 0.5 s).
 * A note sounds from the step nearest its start to the step nearest its end, at least one step,
 * and is struck at its first step. Notes off the 88-key keyboard are dropped.
 *
 * <p>Writing: a key starts where it is struck (or starts to sound, struck or not) and stops
 * where it stops sounding or is struck again; one grid step lasts {@code stepSeconds}. So the
 * notes written are not the keys struck: a key may sound without being struck after a rest.
 */
public final class FrameMidi {
    /** Grid steps per quarter note for MIDI input: 16th notes. */
    public static final int STEPS_PER_QUARTER = 4;
    /** The velocity of written notes unless asked otherwise. */
    public static final int VELOCITY = 80;

    /** A file's frames and the time it spends at each tempo. */
    public record Timed(Piece piece, TempoUse tempo) {}

    private FrameMidi() {}

    /** The frames of one MIDI file; the reason when it cannot be read or has no notes on the keyboard. */
    public static Piece read(String name, byte[] bytes) throws MidiFormatException {
        return read(name, bytes, STEPS_PER_QUARTER).piece();
    }

    /** The frames of one MIDI file on a grid of {@code stepsPerQuarter} steps a quarter note, and its tempi. */
    public static Timed read(String name, byte[] bytes, int stepsPerQuarter) throws MidiFormatException {
        if (stepsPerQuarter < 1) throw new IllegalArgumentException("steps per quarter " + stepsPerQuarter);
        NoteSequence notes = new MidiReader(MidiReader.Options.DEFAULT).read(bytes);
        Sequence sequence;
        try {
            sequence = MidiSystem.getSequence(new ByteArrayInputStream(bytes));
        } catch (InvalidMidiDataException | IOException e) {
            throw new MidiFormatException("javax.sound.midi cannot read it: " + e, e);
        }
        Beats beats = new Beats(sequence);
        List<int[]> spans = new ArrayList<>();   // {key, first step, end step (exclusive)}
        int length = 0;
        for (Note n : notes.notes()) {
            if (n.pitch() < Keyboard.LOWEST || n.pitch() > Keyboard.HIGHEST) continue;
            int from = (int) Math.round(beats.of(n.start()) * stepsPerQuarter);
            int to = Math.max(from + 1, (int) Math.round(beats.of(n.end()) * stepsPerQuarter));
            spans.add(new int[] {Keyboard.key(n.pitch()), from, to});
            length = Math.max(length, to);
        }
        if (spans.isEmpty()) throw new MidiFormatException("no notes on the piano keyboard (MIDI 21-108)");
        boolean[][] play = new boolean[length][Keyboard.KEYS];
        boolean[][] articulate = new boolean[length][Keyboard.KEYS];
        for (int[] s : spans) {
            for (int t = s[1]; t < s[2]; t++) play[t][s[0]] = true;
            articulate[s[1]][s[0]] = true;
        }
        return new Timed(new Piece(name, play, articulate), TempoUse.of(sequence));
    }

    /** Seconds back to quarter notes: the inverse of the file's tempo map, found by bisection on ticks. */
    private static final class Beats {
        private final TempoMap tempo;
        private final double ticksPerQuarter;
        private final long lastTick;

        Beats(Sequence sequence) {
            boolean ppq = sequence.getDivisionType() == Sequence.PPQ;
            this.tempo = TempoMap.of(sequence);
            // SMPTE: the map is linear; count a quarter as 0.5 s (120 BPM)
            this.ticksPerQuarter = ppq ? sequence.getResolution() : 0.5 / tempo.seconds(1);
            this.lastTick = Math.max(1, sequence.getTickLength());
        }

        double of(double seconds) {
            long low = 0, high = lastTick;
            while (tempo.seconds(high) < seconds) high *= 2;
            while (high - low > 1) {
                long mid = (low + high) >>> 1;
                if (tempo.seconds(mid) <= seconds) low = mid;
                else high = mid;
            }
            // between two ticks the map is linear: interpolate
            double a = tempo.seconds(low), b = tempo.seconds(high);
            double tick = b > a ? low + (seconds - a) / (b - a) : low;
            return tick / ticksPerQuarter;
        }
    }

    /** The file's bytes (SMF type 1 through the music package's writer), at 120 quarter notes a minute. */
    public static byte[] write(Piece piece, double stepSeconds) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            MidiWriter.write(notes(piece, stepSeconds, VELOCITY), MidiWriter.Options.DEFAULT, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The notes of a piece (see the class comment), a step lasting {@code stepSeconds}, every note at {@code velocity}. */
    public static NoteSequence notes(Piece piece, double stepSeconds, int velocity) {
        List<Note> notes = new ArrayList<>();
        for (int k = 0; k < Keyboard.KEYS; k++) {
            int start = -1;
            for (int t = 0; t <= piece.steps(); t++) {
                boolean plays = t < piece.steps() && piece.play()[t][k];
                boolean struck = plays && (start < 0 || piece.articulate()[t][k]);
                if (start >= 0 && (!plays || struck)) {
                    notes.add(new Note(Keyboard.midiNote(k), velocity, start * stepSeconds, t * stepSeconds));
                    start = -1;
                }
                if (struck) start = t;
            }
        }
        return new NoteSequence(notes);
    }
}
