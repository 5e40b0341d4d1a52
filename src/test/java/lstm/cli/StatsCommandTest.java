package lstm.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import lstm.io.Json;
import lstm.stats.StatsMidi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatsCommandTest {
    @TempDir
    Path tmp;
    Path scale;
    Path chord;

    @BeforeEach
    void writeMidi() throws IOException {
        scale = StatsMidi.write(tmp.resolve("set/scale.mid"), StatsMidi.melody(0.5, StatsMidi.C_MAJOR_SCALE), 120);
        chord = StatsMidi.write(tmp.resolve("set/chord.mid"), StatsMidi.chord(2.0, 60, 64, 67), 120);
    }

    @Test
    void aTableWithARowPerPieceAndOneForTheSet() {
        CliRun r = CliRun.run("stats", tmp.resolve("set").toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        List<String> lines = r.text().lines().toList();
        assertTrue(lines.get(0).matches("piece +notes +seconds +range +pcs +poly +notes/s +notes/beat +IOI s +velocity +key +in key"), lines.get(0));
        assertTrue(lines.get(1).startsWith(chord.toString()), lines.get(1));
        assertEquals(List.of("3", "2.0", "60-67", "(7)", "3", "3.00", "1.50", "0.75", "0.000", "100.0", "C", "major", "100.0%"),
                Arrays.asList(lines.get(1).substring(chord.toString().length()).trim().split(" +")));
        assertEquals(List.of("8", "4.0", "60-72", "(12)", "7", "1.00", "2.00", "1.00", "0.500", "80.0", "C", "major", "100.0%"),
                Arrays.asList(lines.get(2).substring(scale.toString().length()).trim().split(" +")));
        assertTrue(lines.get(3).startsWith("all (2 pieces)"), lines.get(3));
        assertEquals("pitch classes  C 27.3% C# 0.0% D 9.1% Eb 0.0% E 18.2% F 9.1% F# 0.0% G 18.2% Ab 0.0% A 9.1% Bb 0.0% B 9.1%", lines.get(5));
        assertEquals("note lengths   1 27.3% 1/4 72.7%  (of a whole note; . dotted, t triplet)", lines.get(6));
    }

    @Test
    void jsonIsOneObjectOnOneLine() throws IOException {
        CliRun r = CliRun.run("stats", scale.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        assertEquals(1, r.text().lines().count());
        Map<String, Object> m = Json.readObject(r.text());
        @SuppressWarnings("unchecked")
        Map<String, Object> piece = ((List<Map<String, Object>>) m.get("pieces")).get(0);
        assertEquals(scale.toString(), piece.get("name"));
        assertEquals(12, ((Number) piece.get("pitch_range")).intValue());
        assertEquals(7, ((Number) piece.get("pitch_classes_used")).intValue());
        assertEquals("C major", piece.get("key"));
        assertEquals(1.0, ((Number) piece.get("in_key")).doubleValue());
        assertEquals(1.0, ((Number) piece.get("polyphony")).doubleValue());
        assertEquals(12, ((List<?>) piece.get("pitch_class_histogram")).size());
        assertEquals(12, ((List<?>) piece.get("pitch_class_transitions")).size());
        assertEquals(List.of(), m.get("skipped"));
        assertTrue(m.containsKey("set"));
    }

    @Test
    void aFileThatIsNotMidiIsSkippedWithOneLineAndTheRestIsUsed() throws IOException {
        Path text = Files.writeString(tmp.resolve("readme.mid"), "not music\n");
        CliRun r = CliRun.run("stats", text.toString(), scale.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("lstm: skipped " + text + ": not a MIDI file (no MThd header)\n", r.err());
        assertTrue(r.text().contains("C major"));
    }

    @Test
    void nothingUsableIsAFailure() throws IOException {
        Path text = Files.writeString(tmp.resolve("readme.mid"), "not music\n");
        CliRun r = CliRun.run("stats", text.toString());
        assertEquals(1, r.code());
        assertEquals("lstm: skipped " + text + ": not a MIDI file (no MThd header)\n"
                + "lstm: no usable MIDI in the inputs (1 skipped) (give standard MIDI files (.mid) with notes)\n", r.err());
        assertEquals("", r.text());
    }

    @Test
    void usageErrors() {
        CliRun.assertOneLineError(CliRun.run("stats", scale.toString(), "--plot", tmp.resolve("x.png").toString()), 2,
                "--plot draws a comparison; add --compare REFERENCE SAMPLES");
        CliRun.assertOneLineError(CliRun.run("stats", "--compare", scale.toString()), 2, "--compare takes two inputs, REFERENCE and SAMPLES, got 1");
        CliRun.assertOneLineError(CliRun.run("stats", "--compare", scale.toString(), tmp.resolve("set").toString()), 1,
                "has 1 usable piece; the comparison needs at least 2");
        CliRun.assertOneLineError(CliRun.run("stats", tmp.resolve("none.mid").toString()), 1, "no such file or folder");
    }

    @Test
    void aSetComparedWithItselfIsAMatchAndThePlotIsWritten() throws IOException {
        Path png = tmp.resolve("compare.png");
        CliRun r = CliRun.run("stats", "--compare", tmp.resolve("set").toString(), tmp.resolve("set").toString(), "--plot", png.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        assertEquals("lstm: wrote " + png + "\n", r.err());
        Map<String, Object> m = Json.readObject(r.text());
        assertEquals("close", m.get("verdict"));
        assertEquals(1.0, ((Number) m.get("mean_overlap")).doubleValue(), 1e-4);
        assertEquals(12, ((List<?>) m.get("features")).size());
        byte[] magic = Arrays.copyOf(Files.readAllBytes(png), 8);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, magic);

        CliRun table = CliRun.run("stats", "--compare", tmp.resolve("set").toString(), tmp.resolve("set").toString());
        List<String> lines = table.text().lines().toList();
        assertEquals("reference " + tmp.resolve("set") + ": 2 pieces; samples " + tmp.resolve("set") + ": 2 pieces", lines.get(0));
        assertTrue(lines.get(2).matches("pitch_count +1\\.000 +0\\.000 +1 +1"), lines.get(2));
        assertTrue(lines.get(lines.size() - 1).startsWith("samples are close to the reference"), lines.get(lines.size() - 1));
        assertFalse(table.err().contains("Exception"));
    }
}
