package lstm.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import lstm.music.Note;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import lstm.io.UserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PianoRollTest {
    @TempDir
    Path dir;

    private static MidiEvent shortMessage(int command, int channel, int pitch, int velocity, long tick) throws Exception {
        return new MidiEvent(new ShortMessage(command, channel, pitch, velocity), tick);
    }

    private static MidiEvent tempo(int microsecondsPerQuarter, long tick) throws Exception {
        byte[] data = {(byte) (microsecondsPerQuarter >> 16), (byte) (microsecondsPerQuarter >> 8), (byte) microsecondsPerQuarter};
        return new MidiEvent(new MetaMessage(0x51, data, 3), tick);
    }

    /**
     * 480 ticks a quarter; 120 bpm (0.5 s a quarter) until tick 960, then 60 bpm (1 s a quarter).
     * C4 loud 0-1 s, E4 soft (note-on with velocity 0 as its end) 0.5-1.5 s, G4 from 2 s, never released.
     */
    private Path midi() throws Exception {
        Sequence seq = new Sequence(Sequence.PPQ, 480);
        Track conductor = seq.createTrack();
        conductor.add(tempo(500_000, 0));
        conductor.add(tempo(1_000_000, 960));
        Track t = seq.createTrack();
        t.add(shortMessage(ShortMessage.NOTE_ON, 0, 60, 120, 0));
        t.add(shortMessage(ShortMessage.NOTE_OFF, 0, 60, 0, 960));
        t.add(shortMessage(ShortMessage.NOTE_ON, 1, 64, 20, 480));
        t.add(shortMessage(ShortMessage.NOTE_ON, 1, 64, 0, 1200));
        t.add(shortMessage(ShortMessage.NOTE_ON, 0, 67, 70, 1440));
        t.add(shortMessage(ShortMessage.NOTE_OFF, 0, 0, 0, 1920));   // another key's off ends the track at 3 s
        Path file = dir.resolve("three.mid");
        MidiSystem.write(seq, 1, file.toFile());
        return file;
    }

    @Test
    void readsNotesWithTimesThroughTheTempoMap() throws Exception {
        List<Note> notes = PianoRoll.readMidi(midi());
        assertEquals(List.of(new Note(60, 120, 0.0, 1.0), new Note(64, 20, 0.5, 1.5),
                new Note(67, 70, 2.0, 3.0)), notes);
    }

    @Test
    void rollShowsEachVelocityInItsShade() throws Exception {
        byte[] png = PianoRoll.png("three.mid", PianoRoll.readMidi(midi()), new Frame(600, 300, null));
        BufferedImage image = Pixels.decode(png, 600, 300);
        for (int velocity : new int[] {120, 20, 70}) {
            int shade = PianoRoll.shadeOf(velocity);
            assertTrue(Pixels.near(image, PianoRoll.shadeColor(shade), 6) > 300, "a bar in shade " + shade + " for velocity " + velocity);
        }
        assertEquals(0, Pixels.near(image, PianoRoll.shadeColor(PianoRoll.shadeOf(100)), 3), "no shade without notes");
    }

    @Test
    void pitchLabelsNameTheNotes() {
        assertEquals("C4 60", PianoRoll.pitchLabel(60));
        assertEquals("A#-1 10", PianoRoll.pitchLabel(10));
        assertEquals("", PianoRoll.pitchLabel(62.5));
    }

    @Test
    void aFileThatIsNotMidiIsAUserError() throws Exception {
        Path text = dir.resolve("x.mid");
        Files.writeString(text, "MThd but not really");
        UserException e = assertThrows(UserException.class, () -> PianoRoll.readMidi(text));
        assertTrue(e.getMessage().contains("x.mid: truncated MIDI header"), e.getMessage());
    }

    @Test
    void corpusFileDrawsAsARoll() {
        Path file = Path.of("..", "shared", "corpora", "midi", "nottingham", "ashover1.mid");
        assumeTrue(Files.isRegularFile(file), "needs " + file);
        List<Note> notes = PianoRoll.readMidi(file);
        assertTrue(notes.size() > 50, "notes: " + notes.size());
        assertTrue(notes.stream().allMatch(n -> n.end() >= n.start() && n.pitch() >= 0 && n.pitch() < 128 && n.velocity() > 0));
        BufferedImage image = Pixels.decode(PianoRoll.png("ashover1.mid", notes, new Frame(900, 500, null)), 900, 500);
        assertTrue(Pixels.ink(image) > 900 * 500 / 40, "bars, axes and labels leave ink");
    }
}
