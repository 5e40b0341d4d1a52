package lstm.music;

import static lstm.music.TestMidi.off;
import static lstm.music.TestMidi.on;
import static lstm.music.TestMidi.track;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MidiCsvTest {
    /** One event of every kind midicsv knows, with text that needs every kind of quoting. */
    static final SmfFile EVERY_KIND = new SmfFile(1, 0xE728, List.of(
            track(SmfEvent.meta(0, 0x00, 0xFA, 0x00),
                    SmfEvent.meta(0, 0x03, text("Tune \"one\", \\ caf\u00e9\n\u007f\u00a0")),
                    SmfEvent.meta(0, 0x02, text("(c)")),
                    SmfEvent.meta(0, 0x01, text("")),
                    SmfEvent.meta(0, 0x54, 96, 0, 0, 0, 0),
                    SmfEvent.meta(0, 0x58, 6, 3, 36, 8),
                    SmfEvent.meta(0, 0x59, 0xFD, 1),
                    TestMidi.tempo(0, 428_571),
                    SmfEvent.meta(10, 0x06, text("A")),
                    SmfEvent.meta(10, 0x07, text("B")),
                    SmfEvent.meta(10, 0x05, text("la")),
                    SmfEvent.meta(10, 0x04, text("Organ")),
                    SmfEvent.meta(10, 0x20, 3),
                    SmfEvent.meta(10, 0x21, 1),
                    SmfEvent.meta(11, 0x7F, 0, 33, 7),
                    SmfEvent.meta(12, 0x60, 9, 8, 7)),
            track(SmfEvent.channel(0, 0xC2, 19),
                    on(0, 2, 60, 100),
                    SmfEvent.channel(5, 0xA2, 60, 30),
                    SmfEvent.channel(6, 0xD2, 40),
                    SmfEvent.channel(7, 0xE2, 0x00, 0x40),
                    SmfEvent.channel(8, 0xB2, 64, 127),
                    new SmfEvent(9, SmfEvent.SYSEX, -1, new int[] {0x7E, 0x7F, 0x09, 0x01, 0xF7}),
                    new SmfEvent(9, SmfEvent.SYSEX_PACKET, -1, new int[] {0x43}),
                    on(96, 2, 60, 0),
                    off(100, 2, 61))));

    static final String EVERY_KIND_CSV = """
            0, 0, Header, 1, 2, -6360
            1, 0, Start_track
            1, 0, Sequence_number, 64000
            1, 0, Title_t, "Tune ""one"", \\\\ caf\u00e9\\012\\177\\240"
            1, 0, Copyright_t, "(c)"
            1, 0, Text_t, ""
            1, 0, SMPTE_offset, 96, 0, 0, 0, 0
            1, 0, Time_signature, 6, 3, 36, 8
            1, 0, Key_signature, -3, "minor"
            1, 0, Tempo, 428571
            1, 10, Marker_t, "A"
            1, 10, Cue_point_t, "B"
            1, 10, Lyric_t, "la"
            1, 10, Instrument_name_t, "Organ"
            1, 10, Channel_prefix, 3
            1, 10, MIDI_port, 1
            1, 11, Sequencer_specific, 3, 0, 33, 7
            1, 12, Unknown_meta_event, 96, 3, 9, 8, 7
            1, 12, End_track
            2, 0, Start_track
            2, 0, Program_c, 2, 19
            2, 0, Note_on_c, 2, 60, 100
            2, 5, Poly_aftertouch_c, 2, 60, 30
            2, 6, Channel_aftertouch_c, 2, 40
            2, 7, Pitch_bend_c, 2, 8192
            2, 8, Control_c, 2, 64, 127
            2, 9, System_exclusive, 5, 126, 127, 9, 1, 247
            2, 9, System_exclusive_packet, 1, 67
            2, 96, Note_on_c, 2, 60, 0
            2, 100, Note_off_c, 2, 61, 0
            2, 100, End_track
            0, 0, End_of_file
            """;

    private static int[] text(String s) {
        return s.chars().toArray();
    }

    private static byte[] csv(SmfFile file) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MidiCsv.write(file, out);
        return out.toByteArray();
    }

    private static String latin1(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private static String readError(String text) {
        return assertThrows(MidiFormatException.class, () -> MidiCsv.read(text.getBytes(StandardCharsets.ISO_8859_1))).getMessage();
    }

    @Test
    void writesEveryEventKindAsMidicsvDoes() throws Exception {
        assertEquals(EVERY_KIND_CSV, latin1(csv(EVERY_KIND)));
    }

    @Test
    void readsItsOwnTextBackLosslessly() throws Exception {
        byte[] midi = SmfWriter.write(EVERY_KIND);
        byte[] again = SmfWriter.write(MidiCsv.read(csv(SmfParser.parse(midi))));
        assertArrayEquals(midi, again);
    }

    @Test
    void readsTheLooserFormsCsvmidiAccepts() throws Exception {
        String loose = "# a comment\r\n"
                + "  ; another\r\n"
                + "\r\n"
                + "0,0,HEADER,0,1,96\r\n"
                + "1, 0, start_track\r\n"
                + "1 ,0 , title_T ,  \"a, \"\"b\"\" \\101\\\\\"  , extra\r\n"
                + "1,\t0,\tNote_On_C,\t0,\t60,\t90, 12\r\n"
                + "1, 5, Key_signature, 2, Major\r\n"
                + "1, 10, end_track\r\n"
                + "0, 0, end_of_file";
        String expected = """
                0, 0, Header, 0, 1, 96
                1, 0, Start_track
                1, 0, Title_t, "a, ""b"" A\\\\"
                1, 0, Note_on_c, 0, 60, 90
                1, 5, Key_signature, 2, "major"
                1, 10, End_track
                0, 0, End_of_file
                """;
        assertEquals(expected, latin1(csv(MidiCsv.read(loose.getBytes(StandardCharsets.ISO_8859_1)))));
    }

    @Test
    void badRecordsFailWithLineNumberAndReason() {
        String head = "0, 0, Header, 0, 1, 96\n1, 0, Start_track\n";
        String tail = "1, 0, End_track\n0, 0, End_of_file\n";
        assertEquals("line 3: unknown record type \"Note_onn_c\"", readError(head + "1, 0, Note_onn_c, 0, 60, 90\n" + tail));
        assertEquals("line 5: unknown record type \"Note_onn_c\"", readError("# comment\n\n" + head + "1, 0, Note_onn_c, 0, 60, 90\n" + tail));
        assertEquals("line 5: not a CSV record (Invalid character between encapsulated token and delimiter at character 19)",
                readError("; comment\r\n   \r\n" + head.replace("\n", "\r\n") + "1, 0, Text_t, \"ab\"cd\n" + tail));
        assertEquals("line 3: note or controller (field 5) is 128, outside 0..127", readError(head + "1, 0, Note_on_c, 0, 128, 90\n" + tail));
        assertEquals("line 3: missing value (field 6)", readError(head + "1, 0, Note_on_c, 0, 60\n" + tail));
        assertEquals("line 3: channel (field 4) is \"x\", not a number", readError(head + "1, 0, Note_on_c, x, 60, 9\n" + tail));
        assertEquals("line 4: time 5 is before the previous event's",
                readError(head + "1, 10, Note_on_c, 0, 60, 9\n1, 5, Note_on_c, 0, 60, 0\n" + tail));
        assertEquals("line 3: length 3 but only 2 data bytes", readError(head + "1, 0, System_exclusive, 3, 1, 2\n" + tail));
        assertEquals("line 3: track number 2 inside track 1", readError(head + "2, 0, Note_on_c, 0, 60, 9\n" + tail));
        assertEquals("line 3: not a CSV record (Invalid character between encapsulated token and delimiter at character 19)",
                readError(head + "1, 0, Text_t, \"ab\"cd\n" + tail));
        assertEquals("no End_of_file record", readError(head + "1, 0, End_track\n"));
        assertEquals("track 1 has no End_track", readError(head));
        assertEquals("line 1: event outside Start_track ... End_track", readError("1, 0, Note_on_c, 0, 60, 9\n"));
        assertEquals("line 1: Start_track before the Header record", readError("1, 0, Start_track\n"));
        assertEquals("the Header announces 1 tracks, the file holds 0", readError("0, 0, Header, 0, 1, 96\n0, 0, End_of_file\n"));
        assertEquals("line 3: record after End_of_file", readError("0, 0, Header, 0, 0, 96\n0, 0, End_of_file\n1, 0, Start_track\n"));
        assertEquals("line 1: a record needs track, time and type", readError("garbage\n"));
    }

    /** Files to compare with Debian's tools: planetblupi's music and a sample of the shared corpora. */
    private static List<Path> realFiles() throws Exception {
        List<Path> files = new ArrayList<>(TestMidi.sample(TestMidi.PLANETBLUPI, 1));
        files.addAll(TestMidi.corpusSample("piano", 1));
        files.addAll(TestMidi.corpusSample("nottingham", 40));
        files.addAll(TestMidi.corpusSample("nottingham_melody", 40));
        return files;
    }

    @Test
    void agreesWithDebianMidicsvAndCsvmidiOnRealFiles(@TempDir Path scratch) throws Exception {
        assumeTrue(DebianTools.installed("midicsv") && DebianTools.installed("csvmidi"), "Debian package midicsv not installed");
        List<Path> files = realFiles();
        assumeTrue(!files.isEmpty(), "no real MIDI files (planetblupi-music-midi, ../shared/corpora/midi)");
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            byte[] expected = DebianTools.midicsv(file);
            byte[] ours = csv(SmfParser.parse(Files.readAllBytes(file)));
            assertEquals(latin1(expected), latin1(ours), file.toString());
            // csvmidi on every third file: the big ones are slow to read back and alike
            if (i % 3 == 0) assertArrayEquals(DebianTools.csvmidi(expected, scratch), SmfWriter.write(MidiCsv.read(expected)), file.toString());
        }
        // the hand-made file too, whose every kind of event a real file may lack
        Path everyKind = scratch.resolve("every-kind.mid");
        Files.write(everyKind, SmfWriter.write(EVERY_KIND));
        assertEquals(EVERY_KIND_CSV, latin1(DebianTools.midicsv(everyKind)));
        // csvmidi refuses the negative (SMPTE) division midicsv prints: we accept it, so compare at 96 ticks
        byte[] ppq96 = EVERY_KIND_CSV.replace("-6360", "96").getBytes(StandardCharsets.ISO_8859_1);
        assertArrayEquals(SmfWriter.write(new SmfFile(1, 96, EVERY_KIND.tracks())), DebianTools.csvmidi(ppq96, scratch));
    }

    @Test
    void midiToCsvToMidiIsLosslessOnRealFiles() throws Exception {
        List<Path> files = new ArrayList<>(TestMidi.sample(TestMidi.PLANETBLUPI, 5));
        files.addAll(TestMidi.corpusSample("piano", 1));
        files.addAll(TestMidi.corpusSample("nottingham", 40));
        assumeTrue(!files.isEmpty(), "no real MIDI files (planetblupi-music-midi, ../shared/corpora/midi)");
        for (Path file : files) {
            byte[] original = Files.readAllBytes(file);
            byte[] text = csv(SmfParser.parse(original));
            byte[] midi = SmfWriter.write(MidiCsv.read(text));
            assertArrayEquals(text, csv(SmfParser.parse(midi)), file.toString());
        }
    }
}
