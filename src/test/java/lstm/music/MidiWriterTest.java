package lstm.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.sound.midi.MidiSystem;
import org.junit.jupiter.api.Test;

class MidiWriterTest {
    private static byte[] write(NoteSequence notes, MidiWriter.Options options) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MidiWriter.write(notes, options, out);
        return out.toByteArray();
    }

    private static String csv(byte[] midi) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MidiCsv.write(SmfParser.parse(midi), out);
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    @Test
    void writesTypeOneWithTempoTimeSignatureProgramAndClosedNotes() throws Exception {
        NoteSequence notes = new NoteSequence(List.of(
                new Note(60, 100, 0.0, 0.5),
                new Note(64, 90, 0.25, 1.2345),
                new Note(60, 80, 0.4, 0.6)));     // overlaps the first 60: that one ends at 0.4
        assertEquals("""
                0, 0, Header, 1, 2, 500
                1, 0, Start_track
                1, 0, Time_signature, 4, 2, 24, 8
                1, 0, Tempo, 500000
                1, 0, End_track
                2, 0, Start_track
                2, 0, Program_c, 0, 40
                2, 0, Note_on_c, 0, 60, 100
                2, 250, Note_on_c, 0, 64, 90
                2, 400, Note_off_c, 0, 60, 0
                2, 400, Note_on_c, 0, 60, 80
                2, 600, Note_off_c, 0, 60, 0
                2, 1235, Note_off_c, 0, 64, 0
                2, 1235, End_track
                0, 0, End_of_file
                """, csv(write(notes, new MidiWriter.Options(120, 40))));
    }

    @Test
    void timesInSecondsComeBackToTheMillisecondAtAnyTempo() throws Exception {
        NoteSequence notes = new NoteSequence(List.of(new Note(60, 100, 0.001, 0.5), new Note(72, 50, 3.217, 9.999)));
        MidiReader reader = new MidiReader(MidiReader.Options.DEFAULT);
        for (double bpm : new double[] {10, 72.5, 90, 120, 400}) {
            byte[] midi = write(notes, new MidiWriter.Options(bpm, 0));
            NoteSequence back = reader.read(midi);
            assertEquals(2, back.size());
            for (int i = 0; i < 2; i++) {
                assertEquals(notes.notes().get(i).start(), back.notes().get(i).start(), 1e-9, "bpm " + bpm);
                assertEquals(notes.notes().get(i).end(), back.notes().get(i).end(), 1e-9, "bpm " + bpm);
                assertEquals(notes.notes().get(i).velocity(), back.notes().get(i).velocity());
            }
            // the tempo written is the one asked for, to the rounding of a 1 ms tick
            assertEquals(bpm, 60_000.0 / MidiSystem.getSequence(new ByteArrayInputStream(midi)).getResolution(), bpm * bpm / 60_000);
        }
    }

    @Test
    void badOptionsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new MidiWriter.Options(5, 0));
        assertThrows(IllegalArgumentException.class, () -> new MidiWriter.Options(120, 128));
    }
}
