package lstm.music;

import static lstm.music.TestMidi.bytes;
import static lstm.music.TestMidi.control;
import static lstm.music.TestMidi.off;
import static lstm.music.TestMidi.on;
import static lstm.music.TestMidi.tempo;
import static lstm.music.TestMidi.track;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import lstm.io.UserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MidiReaderTest {
    private static final MidiReader DEFAULT = new MidiReader(MidiReader.Options.DEFAULT);

    private static List<Note> notes(MidiReader reader, byte[] file) throws MidiFormatException {
        return reader.read(file).notes();
    }

    private static List<Note> notes(byte[] file) throws MidiFormatException {
        return notes(DEFAULT, file);
    }

    private static String reason(MidiReader reader, byte[] file) {
        return assertThrows(MidiFormatException.class, () -> reader.read(file)).getMessage();
    }

    @Test
    void ticksBecomeSecondsThroughEveryTempoChange() throws Exception {
        // 480 ticks per quarter: 0.5 s per quarter, then from tick 960 (1.0 s) 0.25 s per quarter
        byte[] file = bytes(1, 480,
                track(tempo(0, 500_000), tempo(960, 250_000)),
                track(on(480, 0, 60, 100), off(1440, 0, 60), on(1920, 0, 62, 90), off(2400, 0, 62)));
        assertEquals(List.of(new Note(60, 100, 0.5, 1.25), new Note(62, 90, 1.5, 1.75)), notes(file));
    }

    @Test
    void tempoChangesInAnyTrackCountAndTheDefaultIs120Bpm() throws Exception {
        byte[] file = bytes(1, 96,
                track(on(96, 0, 60, 100), off(192, 0, 60)),
                track(tempo(192, 1_000_000), on(192, 1, 64, 100), off(288, 1, 64)));
        assertEquals(List.of(new Note(60, 100, 0.5, 1.0), new Note(64, 100, 1.0, 2.0)), notes(file));
    }

    @Test
    void smpteTimingIsFramesTimesTicks() throws Exception {
        // 25 frames per second, 40 ticks per frame: 1000 ticks per second; tempo events do not matter
        byte[] file = bytes(0, 0xE728, track(tempo(0, 1_000_000), on(500, 0, 60, 100), off(1500, 0, 60)));
        assertEquals(List.of(new Note(60, 100, 0.5, 1.5)), notes(file));
    }

    @Test
    void zeroTicksPerQuarterOrFrameIsRefused() {
        assertEquals("a time division of 0 ticks", reason(DEFAULT, bytes(0, 0, track(on(0, 0, 60, 80), off(96, 0, 60)))));
        assertEquals("a time division of 0 ticks", reason(DEFAULT, bytes(0, 0xE700, track(on(0, 0, 60, 80), off(96, 0, 60)))));
    }

    @Test
    void typeZeroMergesChannelsAndVelocityZeroEndsANote() throws Exception {
        byte[] file = bytes(0, 100, track(on(0, 0, 60, 80), on(0, 5, 60, 70), on(100, 0, 60, 0), off(200, 5, 60)));
        assertEquals(List.of(new Note(60, 80, 0, 0.5), new Note(60, 70, 0, 1.0)), notes(file));
    }

    @Test
    void typeTwoIsRefused() {
        byte[] file = bytes(2, 96, track(on(0, 0, 60, 80), off(96, 0, 60)));
        assertEquals("SMF type 2 (independent sequences) is not supported", reason(DEFAULT, file));
    }

    @Test
    void drumChannelIsDroppedUnlessKept() throws Exception {
        byte[] file = bytes(0, 100, track(on(0, 9, 36, 100), on(0, 0, 60, 80), off(100, 9, 36), off(100, 0, 60)));
        assertEquals(List.of(new Note(60, 80, 0, 0.5)), notes(file));
        MidiReader drums = new MidiReader(new MidiReader.Options(true, true, false));
        assertEquals(List.of(new Note(36, 100, 0, 0.5), new Note(60, 80, 0, 0.5)), notes(drums, file));
        byte[] onlyDrums = bytes(0, 100, track(on(0, 9, 36, 100), off(100, 9, 36)));
        assertEquals("no notes outside the drum channel 10 (keep drums to read them)", reason(DEFAULT, onlyDrums));
        assertEquals(1, notes(drums, onlyDrums).size());
    }

    @Test
    void sustainPedalHoldsReleasedNotesUntilLifted() throws Exception {
        byte[] file = bytes(0, 100, track(
                on(0, 0, 60, 80), on(0, 0, 64, 80), control(50, 0, 64, 127),
                off(100, 0, 60),                                         // 60 released under the pedal
                on(200, 0, 62, 80), off(250, 0, 62),                    // 62 too
                on(300, 0, 60, 90),                                      // 60 struck again: the held one stops
                control(400, 0, 64, 0),                                  // lifted: 62 stops, 64 and new 60 play on
                off(500, 0, 64), off(600, 0, 60)));
        assertEquals(List.of(new Note(60, 80, 0, 1.5), new Note(64, 80, 0, 2.5), new Note(62, 80, 1.0, 2.0), new Note(60, 90, 1.5, 3.0)),
                notes(file));
        MidiReader noPedal = new MidiReader(new MidiReader.Options(false, false, false));
        assertEquals(List.of(new Note(60, 80, 0, 0.5), new Note(64, 80, 0, 2.5), new Note(62, 80, 1.0, 1.25), new Note(60, 90, 1.5, 3.0)),
                notes(noPedal, file));
    }

    @Test
    void aNoteStruckAgainEndsAndUnendedNotesLastToTheEnd() throws Exception {
        byte[] file = bytes(0, 100, track(on(0, 0, 60, 80), on(100, 0, 60, 90), off(200, 0, 60), on(200, 0, 67, 70),
                SmfEvent.meta(400, 0x01, 'x')));
        assertEquals(List.of(new Note(60, 80, 0, 0.5), new Note(60, 90, 0.5, 1.0), new Note(67, 70, 1.0, 2.0)), notes(file));
    }

    @Test
    void readsFoldersRecursivelyInSortedOrderAndSkipsBadFilesWithAReason(@TempDir Path dir) throws Exception {
        byte[] good = bytes(0, 100, track(on(0, 0, 60, 80), off(100, 0, 60)));
        byte[] longer = bytes(0, 100, track(on(0, 0, 60, 80), on(0, 0, 64, 80), off(400, 0, 60), off(400, 0, 64)));
        Files.createDirectories(dir.resolve("b/c"));
        Files.write(dir.resolve("b/c/one.MID"), good);
        Files.write(dir.resolve("b/two.midi"), longer);
        Files.write(dir.resolve("a.mid"), new byte[0]);
        Files.write(dir.resolve("z.mid"), "not midi".getBytes());
        Files.write(dir.resolve("notes.txt"), good);
        Files.write(dir.resolve("b/cut.mid"), java.util.Arrays.copyOf(longer, longer.length - 5));

        MidiReader.Result result = DEFAULT.read(List.of(dir));
        assertEquals(List.of(dir.resolve("b/c/one.MID"), dir.resolve("b/two.midi")),
                result.pieces().stream().map(MidiReader.Piece::path).toList());
        assertEquals(List.of(
                new MidiReader.Skipped(dir.resolve("a.mid"), "empty file"),
                new MidiReader.Skipped(dir.resolve("b/cut.mid"), "truncated: track 1 announces 19 bytes, 14 remain"),
                new MidiReader.Skipped(dir.resolve("z.mid"), "not a MIDI file (no MThd header)")), result.skipped());
        assertEquals(3, result.noteCount());
        assertEquals(2.5, result.seconds(), 1e-12);
        assertEquals("2 files read, 3 skipped, 3 notes, 0:00:03", result.summary());
        assertEquals("skipped " + dir.resolve("a.mid") + ": empty file", result.skipped().get(0).line());

        // a file named directly is read whatever its name
        assertEquals(1, DEFAULT.read(List.of(dir.resolve("notes.txt"))).pieces().size());
    }

    @Test
    void strictModeStopsAtTheFirstBadFile(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("a.mid"), bytes(0, 100, track(on(0, 0, 60, 80), off(100, 0, 60))));
        Files.write(dir.resolve("b.mid"), new byte[] {'M', 'T', 'h', 'd'});
        MidiReader strict = new MidiReader(new MidiReader.Options(false, true, true));
        UserException e = assertThrows(UserException.class, () -> strict.read(List.of(dir)));
        assertEquals(dir.resolve("b.mid") + ": not a MIDI file (no MThd header) (without strict mode such files are skipped)", e.userMessage());
    }

    @Test
    void missingInputsAndEmptyFoldersAreUserErrors(@TempDir Path dir) {
        UserException missing = assertThrows(UserException.class, () -> DEFAULT.read(List.of(dir.resolve("nope"))));
        assertEquals("cannot read " + dir.resolve("nope") + ": no such file or folder (check the path)", missing.userMessage());
        UserException empty = assertThrows(UserException.class, () -> DEFAULT.read(List.of(dir)));
        assertEquals("no .mid or .midi files in " + dir + " (give a folder of MIDI files)", empty.userMessage());
    }

    @Test
    void readsTheNottinghamMelodiesWithoutLosingANote() throws Exception {
        Path folder = TestMidi.CORPORA.resolve("nottingham_melody");
        assumeTrue(Files.isDirectory(folder), "../shared/corpora/midi absent");
        MidiReader.Result result = DEFAULT.read(List.of(folder));
        // SOURCES.md: 1034 files, 196,961 note-ons
        assertEquals(1034, result.pieces().size());
        assertEquals(List.of(), result.skipped());
        assertEquals(196_961, result.noteCount());
    }
}
