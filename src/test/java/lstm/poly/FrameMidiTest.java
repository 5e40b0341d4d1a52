package lstm.poly;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.util.List;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import lstm.music.MidiFormatException;
import lstm.music.Note;
import lstm.music.NoteSequence;
import lstm.music.TimeGrid;
import org.junit.jupiter.api.Test;

/** MIDI to frames on the 16th-note grid and back. */
class FrameMidiTest {
    @Test
    void framesWrittenAtSixteenthsReadBackTheSame() throws Exception {
        Piece piece = PolyFixtures.chordLoop(12, 1);
        // a repeated strike of a held key must survive: C4 struck at step 4 and again at step 5
        int c4 = Keyboard.key(60);
        piece.play()[4][c4] = piece.articulate()[4][c4] = true;
        piece.play()[5][c4] = piece.articulate()[5][c4] = true;
        byte[] midi = FrameMidi.write(piece, 0.125);   // a 16th note at 120 BPM
        Piece back = FrameMidi.read("back", midi);
        assertEquals(piece.steps(), back.steps());
        for (int t = 0; t < piece.steps(); t++) {
            assertArrayEquals(piece.play()[t], back.play()[t], "play at " + t);
            assertArrayEquals(piece.articulate()[t], back.articulate()[t], "articulate at " + t);
        }
    }

    /** The grid counts the file's beats: a quarter is four steps whatever the tempo, before and after a change. */
    @Test
    void theGridFollowsTheBeatsThroughTempoChanges() throws Exception {
        Sequence s = new Sequence(Sequence.PPQ, 96);
        Track t = s.createTrack();
        t.add(tempo(1_000_000, 0));     // 60 BPM
        t.add(tempo(250_000, 192));      // 240 BPM from beat 2
        note(t, 60, 0, 96);              // beat 0, a quarter: steps 0-3
        note(t, 64, 192, 216);           // beat 2, a 16th: step 8
        note(t, 10, 0, 96);              // below the keyboard: dropped
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MidiSystem.write(s, 1, out);
        Piece p = FrameMidi.read("tempo", out.toByteArray());
        assertEquals(9, p.steps());
        for (int step = 0; step < 9; step++) {
            assertEquals(step < 4, p.play()[step][Keyboard.key(60)], "C4 at " + step);
            assertEquals(step == 8, p.play()[step][Keyboard.key(64)], "E4 at " + step);
        }
        assertEquals(List.of(true, false), List.of(p.articulate()[0][Keyboard.key(60)], p.articulate()[1][Keyboard.key(60)]));
    }

    /**
     * Why compose once said "132 struck notes" for a file of 169: a biaxial model may sound a key
     * after a rest without striking it, and the writer starts a note there all the same. The notes
     * are what the writer makes, not the strikes.
     */
    @Test
    void aKeyThatStartsToSoundUnstruckIsANoteToo() {
        int c4 = Keyboard.key(60), e4 = Keyboard.key(64);
        boolean[][] play = new boolean[4][Keyboard.KEYS], articulate = new boolean[4][Keyboard.KEYS];
        play[0][c4] = articulate[0][c4] = true;   // struck
        play[1][c4] = true;                         // held
        play[3][c4] = true;                         // sounds again after a rest, unstruck
        play[2][e4] = articulate[2][e4] = true;
        play[3][e4] = articulate[3][e4] = true;     // struck again while held: a new note
        NoteSequence notes = FrameMidi.notes(new Piece("p", play, articulate), 0.25, 99);
        assertEquals(List.of(new Note(60, 99, 0, 0.5), new Note(64, 99, 0.5, 0.75), new Note(60, 99, 0.75, 1.0),
                new Note(64, 99, 0.75, 1.0)), notes.notes());
    }

    /** The pieces' grid: 16th notes at the tempo the MIDI files spend the most time at; piano-roll CSV has a step a quarter and no tempo. */
    @Test
    void theCorpusGridComesFromTheMidiTempoMap(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        Sequence s = new Sequence(Sequence.PPQ, 96);
        Track t = s.createTrack();
        t.add(tempo(600_000, 0));        // 100 BPM for 4 quarters
        t.add(tempo(500_000, 384));      // then 120 BPM for 2
        note(t, 60, 0, 576);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MidiSystem.write(s, 1, out);
        java.nio.file.Path midi = dir.resolve("a.mid"), csv = dir.resolve("a.csv");
        java.nio.file.Files.write(midi, out.toByteArray());
        java.nio.file.Files.writeString(csv, "piece_id,step,pitches\n0,0,60\n0,1,\n");
        FrameSource.Corpus corpus = FrameSource.readCorpus(List.of(midi.toString()));
        assertEquals(TimeGrid.beats(4, 100.0, 21, 108), corpus.grid());
        assertEquals(24, corpus.pieces().get(0).steps());
        assertEquals(true, corpus.fromMidi());
        corpus = FrameSource.readCorpus(List.of(csv.toString()));
        assertEquals(TimeGrid.beats(1, null, 21, 108), corpus.grid());
        assertEquals(false, corpus.fromMidi());
        // read on another grid (a primer for a model of 8th notes): 2 steps a quarter
        assertEquals(12, FrameSource.readCorpus(List.of(midi.toString()), 2).pieces().get(0).steps());
    }

    @Test
    void aFileWithoutKeyboardNotesIsRefused() throws Exception {
        Sequence s = new Sequence(Sequence.PPQ, 96);
        note(s.createTrack(), 12, 0, 96);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MidiSystem.write(s, 1, out);
        MidiFormatException e = assertThrows(MidiFormatException.class, () -> FrameMidi.read("low", out.toByteArray()));
        assertEquals("no notes on the piano keyboard (MIDI 21-108)", e.getMessage());
    }

    private static MidiEvent tempo(int microsPerQuarter, long tick) throws Exception {
        byte[] d = {(byte) (microsPerQuarter >> 16), (byte) (microsPerQuarter >> 8), (byte) microsPerQuarter};
        return new MidiEvent(new MetaMessage(0x51, d, 3), tick);
    }

    private static void note(Track t, int pitch, long on, long off) throws Exception {
        t.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, 0, pitch, 90), on));
        t.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_OFF, 0, pitch, 0), off));
    }
}
