package lstm.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MidiCsvCommandsTest {
    static final String CSV = """
            0, 0, Header, 1, 2, 480
            1, 0, Start_track
            1, 0, Title_t, "Close Encounters"
            1, 0, Time_signature, 4, 2, 24, 8
            1, 0, Tempo, 500000
            1, 0, End_track
            2, 0, Start_track
            2, 0, Program_c, 1, 19
            2, 0, Note_on_c, 1, 79, 81
            2, 960, Note_off_c, 1, 79, 0
            2, 960, Note_on_c, 1, 81, 81
            2, 1920, Note_off_c, 1, 81, 0
            2, 1920, End_track
            0, 0, End_of_file
            """;

    /** Exit code, standard output bytes and standard error text of one run. */
    record Run(int code, byte[] out, String err) {
        String text() {
            return new String(out, StandardCharsets.ISO_8859_1);
        }
    }

    static Run run(byte[] stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Main.run(args, new ByteArrayInputStream(stdin), out, new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void csvToMidiToCsvThroughFilesAndPipes(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("tune.csv"), midi = dir.resolve("tune.mid");
        Files.writeString(csv, CSV);
        Run toMidi = run(new byte[0], "csv2midi", csv.toString(), "-o", midi.toString());
        assertEquals(0, toMidi.code(), toMidi.err());
        assertEquals("", toMidi.err());
        assertEquals("MThd", new String(Files.readAllBytes(midi), 0, 4, StandardCharsets.ISO_8859_1));

        Run toCsv = run(new byte[0], "midi2csv", midi.toString());
        assertEquals(0, toCsv.code(), toCsv.err());
        assertEquals(CSV, toCsv.text());

        // '-' is standard input; without -o the MIDI goes to standard output
        Run piped = run(CSV.getBytes(StandardCharsets.ISO_8859_1), "csv2midi", "-");
        assertArrayEquals(Files.readAllBytes(midi), piped.out());
        assertEquals(CSV, run(piped.out(), "midi2csv", "-").text());
        assertArrayEquals(Files.readAllBytes(midi), run(CSV.getBytes(StandardCharsets.ISO_8859_1), "csv2midi", "-", "-o", "-").out());
    }

    @Test
    void aMissingFileIsOneLineAndExitCodeOne(@TempDir Path dir) {
        String missing = dir.resolve("missing.mid").toString();
        Run r = run(new byte[0], "midi2csv", missing);
        assertEquals(1, r.code());
        assertEquals("lstm: cannot read " + missing + ": no such file (check the path)\n", r.err());
        assertEquals(0, r.out().length);
        Run c = run(new byte[0], "csv2midi", dir.resolve("missing.csv").toString());
        assertEquals(1, c.code());
        assertEquals("lstm: cannot read " + dir.resolve("missing.csv") + ": no such file (check the path)\n", c.err());
    }

    @Test
    void corruptInputIsOneLineAndExitCodeOne(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, CSV.replace("Note_on_c, 1, 79, 81", "Note_on_c, 1, 79, 811"));
        Path out = dir.resolve("out.mid");
        Run r = run(new byte[0], "csv2midi", csv.toString(), "-o", out.toString());
        assertEquals(1, r.code());
        assertEquals("lstm: " + csv + " line 9: value (field 6) is 811, outside 0..127 (see 'man 5 midicsv' for the format)\n", r.err());
        assertTrue(!Files.exists(out), "nothing written");

        Path midi = dir.resolve("bad.mid");
        Files.write(midi, "MThd but no more".getBytes(StandardCharsets.ISO_8859_1));
        Run m = run(new byte[0], "midi2csv", midi.toString());
        assertEquals(1, m.code());
        assertEquals("lstm: " + midi + ": truncated MIDI header (is it a standard MIDI file?)\n", m.err());
    }

    @Test
    void usageErrorsAreExitCodeTwo() {
        Run r = run(new byte[0], "midi2csv");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("lstm: Missing required parameter: 'FILE|-'"), r.err());
    }
}
