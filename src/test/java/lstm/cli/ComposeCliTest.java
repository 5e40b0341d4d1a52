package lstm.cli;

import static lstm.cli.CliRun.assertOneLineError;
import static lstm.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import lstm.io.Json;
import lstm.linalg.JavaEngine;
import lstm.music.DebianTools;
import lstm.poly.PolyModels;
import lstm.train.Model;
import lstm.train.ModelFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One compose surface for the three model kinds, and models that know their time grid: each kind
 * trained for a few steps on 16th-note MIDI at 100 BPM, then composed with the shared options.
 */
class ComposeCliTest {
    static final int RESOLUTION = 480, SIXTEENTH = RESOLUTION / 4, TEMPO_MICROS = 600_000;   // 100 BPM
    static final Pattern SUMMARY = Pattern.compile("wrote (.+?): (\\d+) notes, (\\d+\\.\\d) s, ([\\d.]+) BPM, (.+?) \\((.+)\\)");

    @TempDir
    static Path dir;
    static Path midi, roll, biaxial, events;

    /** A two-voice figure in 16th notes at 100 BPM, starting on {@code root}: 64 steps, 16 quarter notes. */
    static byte[] sixteenthsAt100(int root) throws Exception {
        Sequence s = new Sequence(Sequence.PPQ, RESOLUTION);
        Track t = s.createTrack();
        t.add(new MidiEvent(new MetaMessage(0x51, new byte[] {(byte) (TEMPO_MICROS >> 16), (byte) (TEMPO_MICROS >> 8), (byte) TEMPO_MICROS}, 3), 0));
        int[] figure = {0, 4, 7, 12, 7, 4};
        for (int step = 0; step < 64; step++) {
            note(t, root + figure[step % figure.length], step * SIXTEENTH, (step + 1) * SIXTEENTH);
            if (step % 4 == 0) note(t, root - 12, step * SIXTEENTH, (step + 4) * SIXTEENTH);   // a bass quarter note
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        MidiSystem.write(s, 1, out);
        return out.toByteArray();
    }

    private static void note(Track t, int pitch, long from, long to) throws Exception {
        t.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, 0, pitch, 90), from));
        t.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_OFF, 0, pitch, 0), to));
    }

    @BeforeAll
    static void trainEachKind() throws Exception {
        midi = Files.createDirectories(dir.resolve("sixteenths"));
        for (int i = 0; i < 4; i++) Files.write(midi.resolve("figure" + i + ".mid"), sixteenthsAt100(60 + 2 * i));
        roll = dir.resolve("roll.lstm");
        biaxial = dir.resolve("biaxial.lstm");
        events = dir.resolve("events.lstm");
        String m = midi.toString();
        CliRun r = run("train", "--model", "roll", m, "--valid", m, "-o", roll.toString(), "--hidden", "16", "--batch-size", "2",
                "--seq-length", "16", "--lr", "0.02", "--steps", "30", "--threads", "1", "-q");
        assertEquals(0, r.code(), r.err());
        r = run("train", "--model", "biaxial", m, "--valid", m, "-o", biaxial.toString(), "--time-hidden", "8", "--note-hidden", "8",
                "--batch-size", "2", "--seq-length", "16", "--lr", "0.02", "--steps", "10", "--threads", "1", "-q");
        assertEquals(0, r.code(), r.err());
        r = run("train", m, "-o", events.toString(), "--valid", m, "--hidden", "16", "--layers", "1", "--batch-size", "4",
                "--seq-length", "16", "--steps", "20", "--threads", "1", "-q");
        assertEquals(0, r.code(), r.err());
    }

    static Map<String, Object> info(Path model) throws Exception {
        CliRun r = run("info", model.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        assertEquals(1, r.text().lines().count(), r.text());
        return Json.readObject(r.text());
    }

    @Test
    void modelsRecordTheirGridTempoAndKeysAndInfoShowsThem() throws Exception {
        for (Path model : List.of(roll, biaxial)) {
            Map<String, Object> m = info(model);
            assertEquals(4, m.get("steps_per_quarter"), model.toString());
            assertEquals(100.0, ((Number) m.get("tempo_bpm")).doubleValue(), model.toString());
            assertEquals(21, m.get("lowest_note"));
            assertEquals(108, m.get("highest_note"));
            assertFalse(m.containsKey("step_seconds"));
            assertTrue(run("info", model.toString()).text().contains("time grid      16th-note grid, learned at 100 BPM, notes 21-108"));
        }
        Map<String, Object> m = info(events);
        assertEquals(0.01, ((Number) m.get("step_seconds")).doubleValue());
        assertEquals(100.0, ((Number) m.get("tempo_bpm")).doubleValue());
        assertEquals(0, m.get("lowest_note"));
        assertEquals(127, m.get("highest_note"));
        assertTrue(run("info", events.toString()).text().contains("time grid    10 ms steps, learned at 100 BPM, notes 0-127"));
    }

    /** Every note-on and note-off tick of a file, with the file's resolution and tempo. */
    record Written(int resolution, List<Integer> tempi, List<long[]> notes) {
        static Written of(byte[] bytes) throws Exception {
            Sequence s = MidiSystem.getSequence(new ByteArrayInputStream(bytes));
            List<Integer> tempi = new ArrayList<>();
            List<long[]> notes = new ArrayList<>();   // {tick, on (1) or off (0), pitch, velocity}
            for (Track t : s.getTracks()) {
                for (int i = 0; i < t.size(); i++) {
                    MidiEvent e = t.get(i);
                    if (e.getMessage() instanceof MetaMessage meta && meta.getType() == 0x51) {
                        byte[] d = meta.getData();
                        tempi.add(((d[0] & 0xFF) << 16) | ((d[1] & 0xFF) << 8) | (d[2] & 0xFF));
                    } else if (e.getMessage() instanceof ShortMessage sm
                            && (sm.getCommand() == ShortMessage.NOTE_ON || sm.getCommand() == ShortMessage.NOTE_OFF)) {
                        boolean on = sm.getCommand() == ShortMessage.NOTE_ON && sm.getData2() > 0;
                        notes.add(new long[] {e.getTick(), on ? 1 : 0, sm.getData1(), sm.getData2()});
                    }
                }
            }
            return new Written(s.getResolution(), tempi, notes);
        }

        long noteOns() {
            return notes.stream().filter(n -> n[1] == 1).count();
        }
    }

    static Matcher summary(String line) {
        Matcher m = SUMMARY.matcher(line);
        assertTrue(m.matches(), line);
        return m;
    }

    @Test
    void frameModelsComposeOnTheirSixteenthGridAtTheLearnedTempo() throws Exception {
        for (Path model : List.of(roll, biaxial)) {
            Path out = dir.resolve(model.getFileName() + ".mid");
            CliRun r = run("compose", model.toString(), "-o", out.toString(), "--seconds", "6", "--seed", "5");
            assertEquals(0, r.code(), r.err());
            assertEquals(1, r.err().lines().count(), "no tempo message for a model that knows its tempo: " + r.err());
            Matcher m = summary(r.err().strip());
            assertEquals("100", m.group(4));
            assertEquals("16th-note grid", m.group(5));
            assertEquals("40 steps", m.group(6));   // 6 s of 16ths at 100 BPM: 150 ms each

            Written w = Written.of(Files.readAllBytes(out));
            assertEquals(600, w.resolution(), "one tick a millisecond at 100 BPM");
            assertEquals(List.of(TEMPO_MICROS), w.tempi());
            assertTrue(w.noteOns() > 0, model + " composed no notes");
            for (long[] n : w.notes()) assertEquals(0, n[0] % 150, "off the 16th grid: tick " + n[0]);
            assertEquals(w.noteOns(), Long.parseLong(m.group(2)), "the summary counts the notes in the file");
            if (DebianTools.installed("midicsv")) {
                String csv = new String(DebianTools.midicsv(out), StandardCharsets.US_ASCII);
                assertTrue(csv.startsWith("0, 0, Header, 1, 2, 600\n"), csv);
                assertTrue(csv.contains("1, 0, Tempo, 600000\n"), csv);
                long ons = csv.lines().filter(l -> l.contains("Note_on_c") && !l.endsWith(", 0")).count();
                assertEquals(ons, Long.parseLong(m.group(2)), "midicsv counts the notes the summary does");
                for (String line : csv.lines().filter(l -> l.contains("Note_")).toList()) {
                    assertEquals(0, Long.parseLong(line.split(", ")[1]) % 150, line);
                }
            }
        }
    }

    @Test
    void tempoProgramAndVelocityApplyToFrameModels() throws Exception {
        Path out = dir.resolve("fast.mid");
        CliRun r = run("compose", roll.toString(), "-o", out.toString(), "--steps", "32", "--tempo", "150", "--program", "40", "--velocity", "100");
        assertEquals(0, r.code(), r.err());
        Matcher m = summary(r.err().strip());
        assertEquals("150", m.group(4));
        Written w = Written.of(Files.readAllBytes(out));
        assertEquals(400, w.resolution());   // a 16th at 150 BPM: 100 ms
        assertEquals(List.of(400_000), w.tempi());
        for (long[] n : w.notes()) {
            assertEquals(0, n[0] % 100, "tick " + n[0]);
            if (n[1] == 1) assertEquals(100, n[3], "velocity");
        }
        Sequence s = MidiSystem.getSequence(out.toFile());
        assertTrue(programs(s).contains(40), "violin");
        // a tempo whose 16th is not a whole millisecond is moved to one that is: 90 BPM -> 167 ms steps
        r = run("compose", roll.toString(), "-o", out.toString(), "--steps", "8", "--tempo", "90");
        assertEquals("89.82", summary(r.err().strip()).group(4));
        assertEquals(668, Written.of(Files.readAllBytes(out)).resolution());
    }

    static List<Integer> programs(Sequence s) {
        List<Integer> out = new ArrayList<>();
        for (Track t : s.getTracks()) {
            for (int i = 0; i < t.size(); i++) {
                if (t.get(i).getMessage() instanceof ShortMessage sm && sm.getCommand() == ShortMessage.PROGRAM_CHANGE) out.add(sm.getData1());
            }
        }
        return out;
    }

    @Test
    void eventsModelsWriteTheLearnedTempoAndTakeTheSameOptions() throws Exception {
        Path out = dir.resolve("events.mid");
        CliRun r = run("compose", events.toString(), "-o", out.toString(), "--steps", "400", "--seed", "3", "--program", "73", "--velocity", "64");
        assertEquals(0, r.code(), r.err());
        Matcher m = summary(r.err().strip());
        assertEquals("100", m.group(4));
        assertEquals("10 ms steps", m.group(5));
        Written w = Written.of(Files.readAllBytes(out));
        assertEquals(600, w.resolution());
        assertEquals(List.of(TEMPO_MICROS), w.tempi());
        assertEquals(w.noteOns(), Long.parseLong(m.group(2)));
        for (long[] n : w.notes()) {
            assertTrue(n[0] <= 4000, "past --steps 400 (4 s, a tick a millisecond): tick " + n[0]);
            if (n[1] == 1) assertEquals(64, n[3], "--velocity overrides the learned velocities");
        }
        assertTrue(programs(MidiSystem.getSequence(out.toFile())).contains(73));
        // without --velocity the model plays its own velocities (the training notes were all 90: bin 23, velocity 90)
        r = run("compose", events.toString(), "-o", out.toString(), "--steps", "400", "--seed", "3");
        assertEquals(0, r.code(), r.err());
        assertTrue(Written.of(Files.readAllBytes(out)).notes().stream().filter(n -> n[1] == 1).anyMatch(n -> n[3] != 64));
    }

    @Test
    void countWritesNumberedFilesWithConsecutiveSeeds() throws Exception {
        for (Path model : List.of(biaxial, events)) {
            String name = model.getFileName().toString().replace(".lstm", "");
            Path base = dir.resolve(name + "-set.mid"), wav = dir.resolve(name + "-set.wav");
            CliRun r = run("compose", model.toString(), "-o", base.toString(), "--seconds", "2", "--seed", "10", "--count", "3", "--wav", wav.toString());
            assertEquals(0, r.code(), r.err());
            List<String> lines = r.err().lines().toList();
            assertEquals(3, lines.size(), r.err());
            for (int i = 1; i <= 3; i++) {
                Path file = dir.resolve(name + "-set-" + i + ".mid");
                assertEquals(file + " and " + dir.resolve(name + "-set-" + i + ".wav"), summary(lines.get(i - 1)).group(1));
                assertTrue(lines.get(i - 1).endsWith(", seed " + (9 + i) + ")"), lines.get(i - 1));
                assertTrue(Files.size(dir.resolve(name + "-set-" + i + ".wav")) > 44_100 * 4, "a WAV of 2 s and more");
                // the same seed alone: the same bytes
                CliRun alone = run("compose", model.toString(), "-o", "-", "--seconds", "2", "--seed", Integer.toString(9 + i));
                assertEquals(0, alone.code(), alone.err());
                assertArrayEquals(Files.readAllBytes(file), alone.out(), file.toString());
            }
            assertFalse(Files.exists(base), "--count 3 writes numbered files only");
            assertFalse(java.util.Arrays.equals(Files.readAllBytes(dir.resolve(name + "-set-1.mid")), Files.readAllBytes(dir.resolve(name + "-set-2.mid"))));
        }
        assertEquals("x/tune-2.mid", ComposeOptions.numbered("x/tune.mid", 2));
        assertEquals("x.y/tune-2", ComposeOptions.numbered("x.y/tune", 2));
    }

    /** A model file as lstm wrote it before the grid was recorded: the same model without the new codec fields. */
    static Path oldFormat(Path model, String name) {
        ModelFile.Loaded loaded = ModelFile.load(model, new JavaEngine(), PolyModels.ARCHITECTURES);
        Model m = loaded.model();
        Map<String, Object> codec = new LinkedHashMap<>(m.codec);
        for (String key : List.of("steps_per_quarter", "tempo_bpm", "highest_note")) codec.remove(key);
        if (m.network != null) codec.remove("lowest_note");
        else codec.put("grid", "csv");
        Model old = m.network != null ? new Model(m.kind, m.network, codec, m.options, m.state) : new Model(m.kind, m.net, codec, m.options, m.state);
        Path out = dir.resolve(name);
        ModelFile.save(out, old, loaded.resumeTensors());
        return out;
    }

    @Test
    void oldModelFilesComposeWithTheDefaultsAndSaySoForTheTempo() throws Exception {
        Path oldRoll = oldFormat(roll, "old-roll.lstm"), oldEvents = oldFormat(events, "old-events.lstm");
        Map<String, Object> m = info(oldRoll);
        assertEquals(1, m.get("steps_per_quarter"));
        assertTrue(m.containsKey("tempo_bpm"));
        assertNull(m.get("tempo_bpm"));
        assertEquals(108, m.get("highest_note"));
        assertNull(info(oldEvents).get("tempo_bpm"));

        Path out = dir.resolve("old-roll.mid");
        CliRun r = run("compose", oldRoll.toString(), "-o", out.toString(), "--steps", "12", "--seed", "4");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.err().lines().toList();
        assertEquals(2, lines.size(), r.err());
        assertEquals(oldRoll + " records no tempo (trained on piano-roll CSV, or by an older lstm): composing at 120 BPM (choose one with --tempo)",
                lines.get(0));
        Matcher s = summary(lines.get(1));
        assertEquals("120", s.group(4));
        assertEquals("quarter-note grid", s.group(5));
        Written w = Written.of(Files.readAllBytes(out));
        assertEquals(500, w.resolution());
        for (long[] n : w.notes()) assertEquals(0, n[0] % 500, "a step is a quarter note, 0.5 s at 120 BPM: tick " + n[0]);

        r = run("compose", oldEvents.toString(), "-o", "-", "--seconds", "2");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().startsWith(oldEvents + " records no tempo"), r.err());
        assertEquals(500, MidiSystem.getSequence(new ByteArrayInputStream(r.out())).getResolution());
        r = run("compose", oldEvents.toString(), "-o", "-", "--seconds", "2", "--tempo", "100");
        assertEquals(1, r.err().lines().count(), "--tempo given: nothing to say: " + r.err());
    }

    @Test
    void badOptionsAreOneLineUsageErrorsForEveryKind() {
        for (Path model : List.of(roll, biaxial, events)) {
            String m = model.toString(), o = dir.resolve("bad.mid").toString();
            assertOneLineError(run("compose", m, "-o", o, "--tempo", "0"), 2, "--tempo must be from 10 to 400 BPM, got 0");
            assertOneLineError(run("compose", m, "-o", o, "--tempo", "-90"), 2, "--tempo");
            assertOneLineError(run("compose", m, "-o", o, "--program", "200"), 2, "--program must be a General MIDI instrument 0-127, got 200");
            assertOneLineError(run("compose", m, "-o", o, "--count", "0"), 2, "--count must be at least 1, got 0");
            assertOneLineError(run("compose", m, "-o", "-", "--count", "2"), 2, "--count 2 needs files");
            assertOneLineError(run("compose", m, "-o", o, "--seconds", "3", "--steps", "4"), 2, "--seconds and --steps cannot be used together");
            assertOneLineError(run("compose", m, "-o", o, "--temperature", "0"), 2, "--temperature must be a positive number, got 0.0");
            assertOneLineError(run("compose", m, "-o", o, "--temperature", "-1"), 2, "--temperature");
            assertOneLineError(run("compose", m, "-o", o, "--temperature", "NaN"), 2, "--temperature");
            assertOneLineError(run("compose", m, "-o", o, "--temperature", "Infinity"), 2, "--temperature");
            assertOneLineError(run("compose", m, "-o", o, "--velocity", "0"), 2, "--velocity must be from 1 to 127, got 0");
            assertOneLineError(run("compose", m, "-o", o, "--primer-seconds", "2"), 2, "--primer-seconds needs --primer");
            assertOneLineError(run("compose", m, "-o", o, "--soundfont", "x.sf2"), 2, "--soundfont needs --wav");
            assertFalse(Files.exists(dir.resolve("bad.mid")), model.toString());
        }
        assertOneLineError(run("compose", roll.toString(), "-o", "x.mid", "--top-k", "3"), 2, "--top-k does not apply for roll and biaxial models");
        assertOneLineError(run("compose", events.toString(), "-o", "x.mid", "--min-notes", "3"), 2, "--min-notes does not apply for events models");
    }

    @Test
    void aFramePrimerInSecondsIsReadOnTheModelsGrid() throws Exception {
        Path primer = midi.resolve("figure0.mid");
        // 1.2 s of the primer at 100 BPM: 8 sixteenths
        CliRun r = run("compose", roll.toString(), "-o", dir.resolve("primed.mid").toString(), "--steps", "8", "--primer", primer.toString(),
                "--primer-seconds", "1.2s");
        assertEquals(0, r.code(), r.err());
        assertEquals("8 steps after 8 primer steps", summary(r.err().strip()).group(6));
        Written w = Written.of(Files.readAllBytes(dir.resolve("primed.mid")));
        // the primer opens the file: its first 16th (C4 over C3) at tick 0, its second (E4) at 150
        List<Long> first = w.notes().stream().filter(n -> n[1] == 1 && n[0] < 300).map(n -> n[0] * 1000 + n[2]).sorted().toList();
        assertEquals(List.of(48L, 60L, 150_064L), first);
        r = run("compose", roll.toString(), "-o", "-", "--steps", "8", "--primer", primer.toString(), "--primer-seconds", "1.2s", "--drop-primer");
        assertEquals(0, r.code(), r.err());
        assertEquals("8 steps, 8 primer steps left out", summary(r.err().strip()).group(6));
        assertOneLineError(run("compose", roll.toString(), "-o", "-", "--primer", primer.toString(), "--primer-seconds", "1", "--primer-steps", "4"),
                2, "--primer-steps and --primer-seconds cannot be used together");
    }
}
