package lstm.music;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;

/**
 * Writes a note sequence as a standard MIDI file, type 1: a conductor track (time signature 4/4
 * and tempo) and one track on channel 1 with a program change and every note, each closed by a
 * note-off. Times in seconds are kept to the millisecond: the resolution is chosen so that one
 * tick is exactly 1 ms at the written tempo (e.g. 500 ticks per quarter at 120 BPM).
 */
public final class MidiWriter {
    /** bpm: the tempo written in the file (10-400, rounded so a tick is 1 ms); program: the General MIDI instrument 0-127. */
    public record Options(double bpm, int program) {
        public static final Options DEFAULT = new Options(120, 0);

        public Options {
            if (!(bpm >= 10 && bpm <= 400)) throw new IllegalArgumentException("tempo " + bpm + " BPM outside 10..400");
            if (program < 0 || program > 127) throw new IllegalArgumentException("program " + program + " outside 0..127");
        }

        /** Ticks per quarter note: a quarter lasts 60000/bpm ms, one tick per ms. */
        int resolution() {
            return (int) Math.round(60_000 / bpm);
        }
    }

    private MidiWriter() {}

    public static void write(NoteSequence notes, Options options, OutputStream out) throws IOException {
        MidiSystem.write(sequence(notes, options), 1, out);
    }

    /** The javax.sound.midi sequence that {@link #write} writes. */
    public static Sequence sequence(NoteSequence notes, Options options) {
        try {
            int resolution = options.resolution();
            Sequence sequence = new Sequence(Sequence.PPQ, resolution);
            Track conductor = sequence.createTrack();
            conductor.add(meta(0x58, 4, 2, 24, 8)); // 4/4, metronome every quarter, 8 32nds per quarter
            int tempo = resolution * 1000;           // microseconds per quarter note
            conductor.add(meta(SmfEvent.TEMPO, tempo >> 16, (tempo >> 8) & 0xFF, tempo & 0xFF));

            Track track = sequence.createTrack();
            track.add(new MidiEvent(new ShortMessage(ShortMessage.PROGRAM_CHANGE, 0, options.program(), 0), 0));
            List<long[]> events = new ArrayList<>(); // {tick, on (0 or 1), pitch, velocity}
            for (Note n : notes.onGrid(1000).notes()) { // one tick per millisecond
                events.add(new long[] {Math.round(n.start() * 1000), 1, n.pitch(), n.velocity()});
                events.add(new long[] {Math.round(n.end() * 1000), 0, n.pitch(), 0});
            }
            // at one tick the note-offs first, so a note struck again is not cut by its own end
            events.sort(Comparator.<long[]>comparingLong(e -> e[0]).thenComparingLong(e -> e[1]).thenComparingLong(e -> e[2]));
            for (long[] e : events) {
                int command = e[1] == 1 ? ShortMessage.NOTE_ON : ShortMessage.NOTE_OFF;
                track.add(new MidiEvent(new ShortMessage(command, 0, (int) e[2], (int) e[3]), e[0]));
            }
            return sequence;
        } catch (InvalidMidiDataException e) {
            throw new IllegalStateException("a valid note made an invalid MIDI message", e);
        }
    }

    private static MidiEvent meta(int type, int... data) throws InvalidMidiDataException {
        byte[] bytes = new byte[data.length];
        for (int i = 0; i < data.length; i++) bytes[i] = (byte) data[i];
        return new MidiEvent(new MetaMessage(type, bytes, bytes.length), 0);
    }
}
