package lstm.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EventCodecTest {
    private static final EventCodec CODEC = new EventCodec(EventCodec.Options.DEFAULT);
    private static final EventCodec NO_VELOCITY = new EventCodec(new EventCodec.Options(false, 5.0, 80));

    private static List<String> names(EventCodec codec, int[] tokens) {
        return Arrays.stream(tokens).mapToObj(codec::tokenName).toList();
    }

    private static int[] tokens(EventCodec codec, String... names) {
        int[] out = new int[names.length];
        for (int i = 0; i < names.length; i++) {
            for (int t = 0; t < codec.vocabularySize(); t++) if (codec.tokenName(t).equals(names[i])) out[i] = t;
        }
        return out;
    }

    private static NoteSequence notes(Note... notes) {
        return new NoteSequence(List.of(notes));
    }

    @Test
    void vocabularyIsMagentasPerformanceEvents() {
        assertEquals(388, CODEC.vocabularySize());
        assertEquals(356, NO_VELOCITY.vocabularySize());
        assertEquals("NOTE_ON_0", CODEC.tokenName(0));
        assertEquals("NOTE_ON_127", CODEC.tokenName(127));
        assertEquals("NOTE_OFF_0", CODEC.tokenName(128));
        assertEquals("NOTE_OFF_60", CODEC.tokenName(CODEC.noteOff(60)));
        assertEquals("TIME_SHIFT_10", CODEC.tokenName(256));
        assertEquals("TIME_SHIFT_1000", CODEC.tokenName(355));
        assertEquals("VELOCITY_1", CODEC.tokenName(356));
        assertEquals("VELOCITY_32", CODEC.tokenName(387));
        assertEquals(60, CODEC.noteOn(60));
        assertEquals(257, CODEC.timeShift(2));
        assertEquals(371, CODEC.velocity(16));
        assertThrows(IllegalArgumentException.class, () -> CODEC.tokenName(388));
        assertThrows(IllegalArgumentException.class, () -> NO_VELOCITY.tokenName(356));
        assertThrows(IllegalArgumentException.class, () -> NO_VELOCITY.decode(new int[] {360}));
        assertThrows(IllegalStateException.class, () -> NO_VELOCITY.velocity(3));
    }

    @Test
    void velocityBinsCoverEveryVelocityAndTheirMiddlesComeBack() {
        int[] count = new int[33];
        int previous = 1;
        for (int v = 1; v <= 127; v++) {
            int bin = EventCodec.velocityBin(v);
            assertTrue(bin == previous || bin == previous + 1, "bins rise one by one");
            previous = bin;
            count[bin]++;
        }
        for (int bin = 1; bin <= 32; bin++) {
            assertTrue(count[bin] == 3 || count[bin] == 4, "bin " + bin + " holds " + count[bin]);
            assertEquals(bin, EventCodec.velocityBin(EventCodec.binVelocity(bin)));
        }
        assertEquals(1, EventCodec.velocityBin(1));
        assertEquals(32, EventCodec.velocityBin(127));
    }

    @Test
    void encodesTimeShiftsVelocityChangesAndEndsBeforeStarts() {
        NoteSequence music = notes(
                new Note(60, 100, 0.5, 1.0),
                new Note(64, 100, 0.5, 2.73),
                new Note(60, 40, 1.0, 1.004));   // struck again as the first ends; under 10 ms: lasts one step
        assertEquals(List.of("TIME_SHIFT_500", "VELOCITY_25", "NOTE_ON_60", "NOTE_ON_64",
                        "TIME_SHIFT_500", "NOTE_OFF_60", "VELOCITY_10", "NOTE_ON_60",
                        "TIME_SHIFT_10", "NOTE_OFF_60",
                        "TIME_SHIFT_1000", "TIME_SHIFT_720", "NOTE_OFF_64"),
                names(CODEC, CODEC.encode(music)));
        assertEquals(List.of("TIME_SHIFT_500", "NOTE_ON_60", "NOTE_ON_64", "TIME_SHIFT_500", "NOTE_OFF_60", "NOTE_ON_60",
                        "TIME_SHIFT_10", "NOTE_OFF_60", "TIME_SHIFT_1000", "TIME_SHIFT_720", "NOTE_OFF_64"),
                names(NO_VELOCITY, NO_VELOCITY.encode(music)));
    }

    @Test
    void decodingAcceptsAnyTokenSequence() {
        NoteSequence decoded = CODEC.decode(tokens(CODEC,
                "NOTE_OFF_50",                         // nothing sounding: ignored
                "NOTE_ON_60", "TIME_SHIFT_100", "NOTE_OFF_60",
                "VELOCITY_32", "NOTE_ON_62", "NOTE_OFF_62", // zero length: dropped
                "NOTE_ON_64", "TIME_SHIFT_200", "NOTE_ON_64", // struck again: the first ends
                "TIME_SHIFT_50", "NOTE_ON_67"));      // still sounding at the end: ends there, unless it has not sounded
        assertEquals(List.of(new Note(60, 80, 0, 0.1), new Note(64, 126, 0.1, 0.3), new Note(64, 126, 0.3, 0.35)), decoded.notes());

        // a note held past the limit is released at the limit
        NoteSequence held = CODEC.decode(tokens(CODEC, "NOTE_ON_60", "TIME_SHIFT_1000", "TIME_SHIFT_1000", "TIME_SHIFT_1000",
                "NOTE_ON_62", "TIME_SHIFT_1000", "TIME_SHIFT_1000", "TIME_SHIFT_1000", "NOTE_OFF_60", "NOTE_OFF_62"));
        assertEquals(List.of(new Note(60, 80, 0, 5.0), new Note(62, 80, 3.0, 6.0)), held.notes());

        // random token soup: always a valid sequence
        SplittableRandom random = new SplittableRandom(1);
        for (int trial = 0; trial < 200; trial++) {
            int[] soup = random.ints(300, 0, CODEC.vocabularySize()).toArray();
            for (Note n : CODEC.decode(soup).notes()) assertTrue(n.end() > n.start() && n.duration() <= 5.0 + 1e-9);
        }
    }

    @Test
    void quantizedIsExactlyWhatComesBack() {
        NoteSequence music = notes(
                new Note(60, 90, 0.004, 0.5),     // starts on step 0
                new Note(60, 70, 0.006, 0.2),     // same pitch, next step: cuts the first
                new Note(62, 90, 1.0, 7.5),       // longer than the 5 s limit
                new Note(64, 90, 2.0, 2.0),       // zero length: one step
                new Note(65, 50, 3.0, 4.0),
                new Note(65, 60, 3.0, 3.5));      // same start and pitch: one note, later end, louder
        NoteSequence expected = notes(
                new Note(60, 90, 0.0, 0.01),
                new Note(60, 70, 0.01, 0.2),
                new Note(62, 90, 1.0, 6.0),
                new Note(64, 90, 2.0, 2.01),
                new Note(65, 60, 3.0, 4.0));
        assertEquals(expected, CODEC.quantized(music));
        NoteSequence back = CODEC.decode(CODEC.encode(music));
        assertEquals(expected.notes().stream().map(n -> new Note(n.pitch(), EventCodec.binVelocity(EventCodec.velocityBin(n.velocity())), n.start(), n.end())).toList(),
                back.notes());
    }

    @Test
    void augmentationTransposesAndStretches() {
        NoteSequence music = notes(new Note(2, 90, 0, 1), new Note(60, 90, 1, 2), new Note(126, 90, 2, 3));
        assertEquals(List.of(0, 58, 124), music.transposed(-2).notes().stream().map(Note::pitch).toList());
        assertEquals(List.of(5, 63), music.transposed(3).notes().stream().map(Note::pitch).toList());
        assertEquals(notes(new Note(2, 90, 0, 1.5), new Note(60, 90, 1.5, 3), new Note(126, 90, 3, 4.5)), music.stretched(1.5));
        assertEquals(notes(new Note(60, 90, 0, 1), new Note(126, 90, 1, 2)), notes(new Note(60, 90, 1, 2), new Note(126, 90, 2, 3)).startingAtZero());
        assertThrows(IllegalArgumentException.class, () -> music.stretched(0));
    }

    /**
     * MIDI -> events -> MIDI on real files: what comes back is exactly the codec's quantized form,
     * and that keeps every note's pitch, start and end to 10 ms, except that a note longer than the
     * hold limit ends at the limit, a note overlapping the next of its pitch ends where that starts
     * and a note lasts at least 10 ms;
     * notes of one pitch starting within 10 ms of each other may merge (not checked).
     */
    @Test
    void realFilesSurviveMidiToEventsToMidi() throws Exception {
        List<Path> files = new ArrayList<>(TestMidi.corpusSample("piano", 1));
        files.addAll(TestMidi.corpusSample("nottingham", 25));
        files.addAll(TestMidi.sample(TestMidi.PLANETBLUPI, 3));
        assumeTrue(!files.isEmpty(), "no real MIDI files");
        MidiReader reader = new MidiReader(MidiReader.Options.DEFAULT);
        int checked = 0, cut = 0;
        for (Path file : files) {
            NoteSequence original = reader.read(Files.readAllBytes(file));
            java.io.ByteArrayOutputStream midi = new java.io.ByteArrayOutputStream();
            MidiWriter.write(CODEC.decode(CODEC.encode(original)), MidiWriter.Options.DEFAULT, midi);
            NoteSequence back = reader.read(midi.toByteArray());

            NoteSequence expected = CODEC.quantized(original);
            assertEquals(expected.size(), back.size(), file.toString());
            java.util.Map<Long, Note> byPitchAndStep = new java.util.HashMap<>();
            for (int i = 0; i < back.size(); i++) {
                Note e = expected.notes().get(i), b = back.notes().get(i);
                assertEquals(e.pitch(), b.pitch(), file.toString());
                assertEquals(e.start(), b.start(), 1e-9, file.toString());
                assertEquals(e.end(), b.end(), 1e-9, file.toString());
                assertEquals(EventCodec.velocityBin(e.velocity()), EventCodec.velocityBin(b.velocity()), file.toString());
                byPitchAndStep.put(key(b.pitch(), b.start()), b);
            }

            List<Note> byPitch = new ArrayList<>(original.notes());
            byPitch.sort(java.util.Comparator.comparingInt(Note::pitch).thenComparingDouble(Note::start));
            for (int i = 0; i < byPitch.size(); i++) {
                Note n = byPitch.get(i);
                Note previous = i > 0 && byPitch.get(i - 1).pitch() == n.pitch() ? byPitch.get(i - 1) : null;
                Note next = i + 1 < byPitch.size() && byPitch.get(i + 1).pitch() == n.pitch() ? byPitch.get(i + 1) : null;
                if ((previous != null && n.start() - previous.start() < 0.01) || (next != null && next.start() - n.start() < 0.01)) continue;
                double end = Math.min(Math.max(n.end(), n.start() + 0.01), n.start() + 5.0);
                if (next != null && next.start() < end) end = next.start();
                if (end < n.end() - 0.01) cut++;
                Note b = byPitchAndStep.get(key(n.pitch(), n.start()));
                assertTrue(b != null, file + ": " + n + " lost");
                assertEquals(n.start(), b.start(), 0.005 + 1e-9, file + ": " + n);
                assertEquals(end, b.end(), 0.01 + 1e-9, file + ": " + n);
                checked++;
            }
        }
        assertTrue(checked > 10_000 && cut > 0, checked + " notes checked, " + cut + " cut");
    }

    private static long key(int pitch, double start) {
        return Math.round(start * 100) * 128 + pitch;
    }
}
