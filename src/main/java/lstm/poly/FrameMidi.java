package lstm.poly;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;

/**
 * Writes frames as a standard MIDI file (format 1 if available, one track, piano): a key starts
 * where it is struck (or starts to sound) and stops where it stops sounding or is struck again.
 * A minimal writer on a fixed grid; TODO: use the writer of the {@code lstm.music} package once
 * it is merged.
 */
public final class FrameMidi {
    /** Ticks per quarter note. */
    public static final int RESOLUTION = 480;
    private static final int VELOCITY = 80;

    private FrameMidi() {}

    /** The file's bytes; one grid step lasts {@code stepSeconds}, at 120 quarter notes a minute. */
    public static byte[] write(Piece piece, double stepSeconds) {
        try {
            Sequence sequence = new Sequence(Sequence.PPQ, RESOLUTION);
            Track track = sequence.createTrack();
            int microsPerQuarter = 500_000;
            byte[] tempo = {(byte) (microsPerQuarter >> 16), (byte) (microsPerQuarter >> 8), (byte) microsPerQuarter};
            track.add(new MidiEvent(new MetaMessage(0x51, tempo, 3), 0));
            track.add(new MidiEvent(new ShortMessage(ShortMessage.PROGRAM_CHANGE, 0, 0, 0), 0));
            long ticksPerStep = Math.max(1, Math.round(stepSeconds * 2 * RESOLUTION));
            boolean[] sounding = new boolean[Keyboard.KEYS];
            for (int t = 0; t <= piece.steps(); t++) {
                long tick = t * ticksPerStep;
                for (int k = 0; k < Keyboard.KEYS; k++) {
                    boolean plays = t < piece.steps() && piece.play()[t][k];
                    boolean struck = plays && (piece.articulate()[t][k] || !sounding[k]);
                    if (sounding[k] && (!plays || struck)) {
                        track.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_OFF, 0, Keyboard.midiNote(k), 0), tick));
                        sounding[k] = false;
                    }
                    if (struck) {
                        track.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, 0, Keyboard.midiNote(k), VELOCITY), tick));
                        sounding[k] = true;
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int[] types = MidiSystem.getMidiFileTypes(sequence);
            MidiSystem.write(sequence, types.length > 1 ? types[1] : types[0], out);
            return out.toByteArray();
        } catch (InvalidMidiDataException | IOException e) {
            throw new IllegalStateException("cannot write MIDI", e);
        }
    }
}
