package lstm.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MusicStatsTest {
    private static final double EPS = 1e-12;

    @TempDir
    Path tmp;

    private MusicStats readOne(Path file) {
        MidiSet set = MidiSet.read(List.of(file));
        assertEquals(1, set.pieces().size(), set.skipped().toString());
        MidiSet.Piece p = set.pieces().get(0);
        return MusicStats.of(file.toString(), p.notes(), p.beatSeconds());
    }

    @Test
    void aCMajorScaleOfQuartersAt120Bpm() throws IOException {
        MusicStats s = readOne(StatsMidi.write(tmp.resolve("scale.mid"), StatsMidi.melody(0.5, StatsMidi.C_MAJOR_SCALE), 120));
        assertEquals(8, s.notes());
        assertEquals(60, s.lowest());
        assertEquals(72, s.highest());
        assertEquals(12, s.pitchRange());
        assertEquals(8, s.pitchCount());
        assertEquals(7, s.pitchClassesUsed());
        assertArrayEquals(new double[] {2 / 8.0, 0, 1 / 8.0, 0, 1 / 8.0, 1 / 8.0, 0, 1 / 8.0, 0, 1 / 8.0, 0, 1 / 8.0},
                s.pitchClassHistogram(), EPS);
        double[][] transitions = new double[12][12];
        int[] pcs = {0, 2, 4, 5, 7, 9, 11, 0};
        for (int i = 1; i < pcs.length; i++) transitions[pcs[i - 1]][pcs[i]] = 1 / 7.0;
        for (int i = 0; i < 12; i++) assertArrayEquals(transitions[i], s.pitchClassTransitions()[i], EPS, "row " + i);
        assertEquals(12 / 7.0, s.pitchInterval(), EPS);   // 2+2+1+2+2+2+1 semitones over 7 steps
        assertEquals(4.0, s.seconds(), EPS);
        assertEquals(8.0, s.beats(), EPS);
        assertEquals(1.0, s.polyphony(), EPS);
        assertEquals(0.5, s.interOnset(), EPS);
        assertEquals(2.0, s.notesPerSecond(), EPS);
        assertEquals(1.0, s.notesPerBeat(), EPS);
        double[] quarters = new double[NoteLength.CLASSES];
        quarters[2] = 1;
        assertArrayEquals(quarters, s.noteLengthHistogram(), EPS);
        assertEquals(1.0, s.noteLengthTransitions()[2][2], EPS);
        assertEquals(80.0, s.velocity(), EPS);
        assertEquals("C major", s.key().name());
        assertEquals(1.0, s.inKey(), EPS);
    }

    @Test
    void aChordSoundsThreeNotesAtOnce() throws IOException {
        MusicStats s = readOne(StatsMidi.write(tmp.resolve("chord.mid"), StatsMidi.chord(2.0, 60, 64, 67), 120));
        assertEquals(3, s.notes());
        assertEquals(3.0, s.polyphony(), EPS);
        assertEquals(0.0, s.interOnset(), EPS, "one onset: no interval between onsets");
        assertEquals(1.5, s.notesPerSecond(), EPS);
        assertEquals(0.75, s.notesPerBeat(), EPS);
        assertEquals(3.5, s.pitchInterval(), EPS);   // C-E 4, E-G 3 in onset order
        assertEquals(1.0, s.noteLengthHistogram()[0], EPS, "two seconds at 120 BPM: a whole note");
        assertEquals(100.0, s.velocity(), EPS);
        assertEquals(1.0, s.inKey(), EPS);
        assertEquals(7, s.pitchRange());
    }

    @Test
    void theBeatComesFromTheFilesTempo() throws IOException {
        // 100 BPM: a quarter note lasts 0.6 s; notes of 0.3 s are eighths
        MusicStats s = readOne(StatsMidi.write(tmp.resolve("slow.mid"), StatsMidi.melody(0.3, 67, 69, 71, 72), 100));
        assertEquals(2.0, s.notesPerBeat(), 1e-9);
        assertEquals(1.0, s.noteLengthHistogram()[3], EPS);
        assertEquals(0.3, s.interOnset(), 1e-9);
    }

    @Test
    void aSetPoolsItsPieces() throws IOException {
        Path scale = StatsMidi.write(tmp.resolve("set/a-scale.mid"), StatsMidi.melody(0.5, StatsMidi.C_MAJOR_SCALE), 120);
        StatsMidi.write(tmp.resolve("set/b-chord.mid"), StatsMidi.chord(2.0, 60, 64, 67), 120);
        MidiSet set = MidiSet.read(List.of(tmp.resolve("set")));
        assertEquals(List.of(scale, tmp.resolve("set/b-chord.mid")), set.pieces().stream().map(MidiSet.Piece::path).toList());
        MusicStats all = MusicStats.ofSet("all", set.notes(), set.beatSeconds());
        assertEquals(2, all.pieces());
        assertEquals(11, all.notes());
        assertEquals(6.0, all.seconds(), EPS);
        assertEquals(11 / 6.0, all.notesPerSecond(), EPS);
        assertEquals((4.0 + 6.0) / (4.0 + 2.0), all.polyphony(), EPS);   // note-seconds over sounding seconds
        assertEquals((12 + 7) / 9.0, all.pitchInterval(), EPS);          // 7 steps in the scale, 2 in the chord
        assertEquals(3 / 11.0, all.pitchClassHistogram()[0], EPS);       // C twice in the scale, once in the chord
        assertEquals("C major", all.key().name());
    }

    @Test
    void aFileThatIsNotMidiIsSkippedWithItsReason() throws IOException {
        Path text = tmp.resolve("notes.mid");
        Files.writeString(text, "C D E F G\n");
        Path good = StatsMidi.write(tmp.resolve("good.mid"), StatsMidi.melody(0.5, 60, 62), 120);
        MidiSet set = MidiSet.read(List.of(text, good));
        assertEquals(1, set.pieces().size());
        assertEquals(1, set.skipped().size());
        assertEquals("skipped " + text + ": not a MIDI file (no MThd header)", set.skipped().get(0).line());
    }

    @Test
    void noteLengthClassesAreNearestOnALogScale() {
        assertEquals(2, NoteLength.classOf(1.0));
        assertEquals(3, NoteLength.classOf(0.5));
        assertEquals(3, NoteLength.classOf(0.45), "a slightly detached eighth");
        assertEquals(6, NoteLength.classOf(1.5));
        assertEquals(10, NoteLength.classOf(2.0 / 3));
        assertEquals(11, NoteLength.classOf(1.0 / 3));
        assertEquals(0, NoteLength.classOf(16), "longer than a whole note counts as whole");
        assertEquals(4, NoteLength.classOf(0.05), "shorter than a 16th counts as 16th");
    }

    @Test
    void theKeyOfEveryMajorAndMinorProfileIsFoundInEveryTransposition() {
        double[] major = {6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.70, 2.29, 2.88};
        double[] minor = {6.33, 2.68, 3.52, 5.38, 2.60, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17};
        for (int tonic = 0; tonic < 12; tonic++) {
            double[] maj = new double[12], min = new double[12];
            for (int pc = 0; pc < 12; pc++) {
                maj[(pc + tonic) % 12] = major[pc];
                min[(pc + tonic) % 12] = minor[pc];
            }
            KeyFinder.Key k = KeyFinder.find(maj);
            assertEquals(tonic, k.tonic());
            assertEquals(false, k.minor());
            assertEquals(1.0, k.correlation(), 1e-12);
            KeyFinder.Key m = KeyFinder.find(min);
            assertEquals(tonic, m.tonic());
            assertTrue(m.minor());
        }
        assertEquals("A minor", new KeyFinder.Key(9, true, 1).name());
        assertEquals("Eb major", new KeyFinder.Key(3, false, 1).name());
        assertEquals("C major", KeyFinder.find(new double[12]).name(), "no notes: C major by convention");
        // G major's scale has F#, not F
        KeyFinder.Key g = new KeyFinder.Key(7, false, 1);
        assertTrue(g.contains(6));
        assertTrue(!g.contains(5));
    }
}
