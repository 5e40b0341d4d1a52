package lstm.plot;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import lstm.io.UserException;
import lstm.plot.PianoRoll.Note;

/**
 * The notes of a standard MIDI file, with times in seconds through the file's tempo map.
 * A small stand-in: once the music package's MIDI reader is merged, the piano roll should take
 * its notes from there instead.
 */
final class MidiNotes {
    private static final int TEMPO = 0x51, DEFAULT_TEMPO_US = 500_000;   // 120 quarter notes a minute

    private MidiNotes() {}

    static List<Note> read(Path file) {
        Sequence sequence;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {   // the MIDI reader needs mark/reset
            sequence = MidiSystem.getSequence(in);
        } catch (NoSuchFileException e) {
            throw new UserException("no such file: " + file, "check the path");
        } catch (InvalidMidiDataException e) {
            throw new UserException(file + " is not a standard MIDI file: " + e.getMessage(), null, e);
        } catch (IOException e) {
            throw new UserException("cannot read " + file + ": " + e.getMessage(), null, e);
        }
        Clock clock = new Clock(sequence);
        List<Note> notes = new ArrayList<>();
        for (Track track : sequence.getTracks()) notes.addAll(notesOf(track, clock, sequence.getTickLength()));
        notes.sort(Comparator.comparingDouble(Note::start).thenComparingInt(Note::pitch));
        return notes;
    }

    /** Pairs each note-on with the next note-off of the same channel and key (first on, first off). */
    private static List<Note> notesOf(Track track, Clock clock, long endTick) {
        @SuppressWarnings("unchecked")
        ArrayDeque<long[]>[] sounding = new ArrayDeque[16 * 128];   // per channel and key: {tick, velocity}
        List<Note> notes = new ArrayList<>();
        for (int i = 0; i < track.size(); i++) {
            MidiEvent event = track.get(i);
            if (!(event.getMessage() instanceof ShortMessage m)) continue;
            int key = m.getChannel() * 128 + m.getData1();
            boolean on = m.getCommand() == ShortMessage.NOTE_ON && m.getData2() > 0;
            boolean off = m.getCommand() == ShortMessage.NOTE_OFF || (m.getCommand() == ShortMessage.NOTE_ON && m.getData2() == 0);
            if (on) {
                if (sounding[key] == null) sounding[key] = new ArrayDeque<>();
                sounding[key].add(new long[] {event.getTick(), m.getData2()});
            } else if (off && sounding[key] != null && !sounding[key].isEmpty()) {
                long[] start = sounding[key].poll();
                notes.add(note(clock, start, event.getTick(), m.getData1()));
            }
        }
        for (int key = 0; key < sounding.length; key++) {   // never released: held to the end
            if (sounding[key] == null) continue;
            for (long[] start : sounding[key]) notes.add(note(clock, start, endTick, key % 128));
        }
        return notes;
    }

    private static Note note(Clock clock, long[] start, long endTick, int pitch) {
        return new Note(clock.seconds(start[0]), clock.seconds(endTick), pitch, (int) start[1]);
    }

    /** Ticks to seconds: through the tempo changes for beat-based files, directly for SMPTE-timed ones. */
    private static final class Clock {
        private final Sequence sequence;
        /** Tempo change tick to {seconds at that tick, microseconds per quarter note from there}. */
        private final TreeMap<Long, double[]> tempoMap = new TreeMap<>();

        Clock(Sequence sequence) {
            this.sequence = sequence;
            TreeMap<Long, Integer> changes = new TreeMap<>();
            changes.put(0L, DEFAULT_TEMPO_US);
            for (Track track : sequence.getTracks()) {
                for (int i = 0; i < track.size(); i++) {
                    if (track.get(i).getMessage() instanceof MetaMessage m && m.getType() == TEMPO && m.getData().length == 3) {
                        byte[] d = m.getData();
                        changes.put(track.get(i).getTick(), ((d[0] & 0xFF) << 16) | ((d[1] & 0xFF) << 8) | (d[2] & 0xFF));
                    }
                }
            }
            long tick = 0;
            double seconds = 0, usPerQuarter = DEFAULT_TEMPO_US;
            for (var change : changes.entrySet()) {
                seconds += (change.getKey() - tick) * usPerQuarter / 1e6 / sequence.getResolution();
                tick = change.getKey();
                usPerQuarter = change.getValue();
                tempoMap.put(tick, new double[] {seconds, usPerQuarter});
            }
        }

        double seconds(long tick) {
            if (sequence.getDivisionType() != Sequence.PPQ) {
                return tick / (sequence.getDivisionType() * sequence.getResolution());
            }
            var segment = tempoMap.floorEntry(tick);
            double[] at = segment.getValue();
            return at[0] + (tick - segment.getKey()) * at[1] / 1e6 / sequence.getResolution();
        }
    }
}
