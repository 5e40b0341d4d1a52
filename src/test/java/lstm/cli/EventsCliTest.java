package lstm.cli;

import static lstm.cli.CliRun.assertOneLineError;
import static lstm.cli.CliRun.run;
import static lstm.cli.CliRun.runWithInput;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import lstm.io.Json;
import lstm.music.MidiReader;
import lstm.music.MidiWriter;
import lstm.music.Note;
import lstm.music.NoteSequence;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** lstm train / eval / info / compose with an events model, end to end through the entry point. */
class EventsCliTest {
    @TempDir
    static Path dir;
    static Path tunes, valid, model;

    /** A little tune: a rising and falling figure from {@code root}, eighth notes at 120 BPM. */
    static NoteSequence tune(int root, int bars) {
        int[] figure = {0, 2, 4, 5, 7, 5, 4, 2};
        List<Note> notes = new ArrayList<>();
        for (int i = 0; i < bars * 8; i++) {
            double start = 0.25 * i;
            notes.add(new Note(root + figure[i % 8] + (i / 8 % 2) * 12, 70 + 5 * (i % 4), start, start + 0.2));
        }
        return new NoteSequence(notes);
    }

    static void writeMidi(Path file, NoteSequence notes) throws Exception {
        try (var out = Files.newOutputStream(file)) {
            MidiWriter.write(notes, MidiWriter.Options.DEFAULT, out);
        }
    }

    @BeforeAll
    static void trainSmallModel() throws Exception {
        tunes = Files.createDirectories(dir.resolve("tunes/nested"));
        for (int i = 0; i < 8; i++) writeMidi(tunes.resolve("tune" + i + (i % 2 == 0 ? ".mid" : ".midi")), tune(55 + i, 8));
        tunes = tunes.getParent();
        valid = dir.resolve("valid.mid");
        writeMidi(valid, tune(58, 6));
        model = dir.resolve("tunes.lstm");
        // no --model: a folder of MIDI files trains an events model
        CliRun r = run("train", tunes.toString(), "-o", model.toString(), "--valid", valid.toString(), "--hidden", "32", "--layers", "1",
                "--batch-size", "4", "--seq-length", "32", "--steps", "60", "--lr", "0.01", "--eval-every", "30", "--threads", "1");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("training files: 8 files read, 0 skipped, 512 notes, 0:02:08"), r.err());
        assertTrue(r.err().contains("validation files: 1 files read, 0 skipped, 48 notes"), r.err());
        assertTrue(r.err().contains("(events)") && r.err().contains("vocabulary 388"), r.err());
    }

    @Test
    void infoShowsTheKindAndItsSettings() throws Exception {
        CliRun r = run("info", model.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        assertEquals(1, r.text().lines().count());
        Map<String, Object> m = Json.readObject(r.text());
        assertEquals("events", m.get("kind"));
        assertEquals(388, m.get("vocab_size"));
        @SuppressWarnings("unchecked")
        Map<String, Object> events = (Map<String, Object>) m.get("events");
        assertEquals(true, events.get("velocity"));
        assertEquals("drop", events.get("drums"));
        assertEquals(100, events.get("steps_per_second"));
        CliRun text = run("info", model.toString());
        assertTrue(text.text().contains("events       32 velocity bins, 10 ms steps"), text.text());
    }

    @Test
    void evalEqualsTheTrainingValidationLoss() throws Exception {
        Map<String, Object> info = Json.readObject(run("info", model.toString(), "--json").text());
        CliRun r = run("eval", model.toString(), valid.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        assertEquals(1, r.text().lines().count());
        Map<String, Object> m = Json.readObject(r.text());
        double loss = ((Number) m.get("loss_nats")).doubleValue();
        assertEquals(((Number) info.get("last_val_loss")).doubleValue(), loss, 1e-9);
        assertEquals(loss / Math.log(2), ((Number) m.get("bits_per_event")).doubleValue(), 1e-12);
        assertEquals(1, m.get("files"));
        assertTrue(loss < Math.log(388), "learned something: " + loss);
        CliRun piped = runWithInput(Files.readAllBytes(valid), "eval", model.toString(), "-", "--json");
        assertEquals(loss, ((Number) Json.readObject(piped.text()).get("loss_nats")).doubleValue(), 0, piped.err());
        assertOneLineError(runWithInput("not midi".getBytes(StandardCharsets.UTF_8), "eval", model.toString(), "-"), 1,
                "standard input is not a usable MIDI file");
        CliRun plain = run("eval", model.toString(), valid.toString());
        assertTrue(plain.text().matches("loss \\d+\\.\\d{4} nats/event, \\d+\\.\\d{4} bits/event over [\\d,]+ events in 1 files\\n"), plain.text());
    }

    @Test
    void composeIsDeterministicBySeedAndClosesEveryNote() throws Exception {
        Path a = dir.resolve("a.mid"), b = dir.resolve("b.mid"), c = dir.resolve("c.mid");
        CliRun ra = run("compose", model.toString(), "-o", a.toString(), "--seconds", "12", "--seed", "7", "--max-hold", "1s");
        assertEquals(0, ra.code(), ra.err());
        assertTrue(ra.err().startsWith("wrote " + a + ": "), ra.err());
        assertEquals(0, run("compose", model.toString(), "-o", b.toString(), "--seconds", "12", "--seed", "7", "--max-hold", "1s").code());
        assertEquals(0, run("compose", model.toString(), "-o", c.toString(), "--seconds", "12", "--seed", "8", "--max-hold", "1s").code());
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(c)));
        CliRun toStdout = run("compose", model.toString(), "-o", "-", "--seconds", "12", "--seed", "7", "--max-hold", "1s");
        assertArrayEquals(Files.readAllBytes(a), toStdout.out());

        for (Path file : List.of(a, c)) {
            Sequence s = MidiSystem.getSequence(file.toFile());
            assertEquals(1, Files.readAllBytes(file)[9]);   // SMF type 1
            assertEquals(2, s.getTracks().length);   // type 1: conductor track and notes
            boolean tempo = false, timeSignature = false;
            int[] open = new int[128];
            int notes = 0;
            for (Track t : s.getTracks()) {
                for (int i = 0; i < t.size(); i++) {
                    MidiEvent e = t.get(i);
                    if (e.getMessage() instanceof MetaMessage m) {
                        tempo |= m.getType() == 0x51;
                        timeSignature |= m.getType() == 0x58;
                    } else if (e.getMessage() instanceof ShortMessage m && (m.getCommand() == ShortMessage.NOTE_ON || m.getCommand() == ShortMessage.NOTE_OFF)) {
                        boolean on = m.getCommand() == ShortMessage.NOTE_ON && m.getData2() > 0;
                        open[m.getData1()] += on ? 1 : -1;
                        assertTrue(open[m.getData1()] >= 0 && open[m.getData1()] <= 1, "pitch " + m.getData1() + " at tick " + e.getTick());
                        if (on) notes++;
                    }
                }
            }
            assertTrue(tempo && timeSignature);
            assertTrue(notes > 0);
            for (int pitch = 0; pitch < 128; pitch++) assertEquals(0, open[pitch], "pitch " + pitch + " left hanging");
            for (Note n : new MidiReader(MidiReader.Options.DEFAULT).read(Files.readAllBytes(file)).notes()) {
                assertTrue(n.duration() <= 1.0 + 1e-3, "held past --max-hold: " + n);
                assertTrue(n.end() <= 12.0 + 1e-3, "past --seconds: " + n);
            }
        }
    }

    @Test
    void composeWithPrimerTempoProgramAndWav() throws Exception {
        Path out = dir.resolve("primed.mid"), wav = dir.resolve("primed.wav");
        CliRun r = run("compose", model.toString(), "-o", out.toString(), "--seconds", "4", "--primer", valid.toString(),
                "--primer-seconds", "2s", "--tempo", "90", "--program", "73", "--top-k", "20", "--top-p", "0.95",
                "--temperature", "0.9", "--wav", wav.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("after 2.0 s of primer") && r.err().contains(wav.toString()), r.err());
        NoteSequence composed = new MidiReader(MidiReader.Options.DEFAULT).read(Files.readAllBytes(out));
        NoteSequence primer = tune(58, 6);
        for (int i = 0; i < 8; i++) {   // the primer's first 2 s open the output
            assertEquals(primer.notes().get(i).pitch(), composed.notes().get(i).pitch());
            assertEquals(primer.notes().get(i).start(), composed.notes().get(i).start(), 0.01);
        }
        Sequence s = MidiSystem.getSequence(out.toFile());
        assertEquals(667, s.getResolution());   // 1 ms ticks at 90 BPM
        boolean flute = false;
        for (int i = 0; i < s.getTracks()[1].size(); i++) {
            if (s.getTracks()[1].get(i).getMessage() instanceof ShortMessage m && m.getCommand() == ShortMessage.PROGRAM_CHANGE) flute = m.getData1() == 73;
        }
        assertTrue(flute);

        AudioInputStream audio = AudioSystem.getAudioInputStream(wav.toFile());
        byte[] pcm = audio.readAllBytes();
        long sum = 0;
        for (int i = 0; i + 1 < pcm.length; i += 2) sum += Math.abs((short) ((pcm[i] & 0xFF) | (pcm[i + 1] << 8)));
        double meanAbs = sum / (pcm.length / 2.0);
        assertTrue(pcm.length > 4 * 44_100 * 4 && meanAbs > 50, "a silent WAV: mean |sample| " + meanAbs);

        CliRun dropped = run("compose", model.toString(), "-o", "-", "--seconds", "4", "--primer", valid.toString(), "--primer-seconds", "2", "--drop-primer");
        assertEquals(0, dropped.code(), dropped.err());
        assertTrue(new MidiReader(MidiReader.Options.DEFAULT).read(dropped.out()).duration() <= 4.0 + 1e-3);
    }

    @Test
    void corruptFilesAreSkippedWithOneLineOrFailUnderStrict() throws Exception {
        Path mixed = Files.createDirectories(dir.resolve("mixed"));
        for (int i = 0; i < 3; i++) writeMidi(mixed.resolve("good" + i + ".mid"), tune(60 + i, 8));
        byte[] good = Files.readAllBytes(mixed.resolve("good0.mid"));
        Files.write(mixed.resolve("cut.mid"), java.util.Arrays.copyOf(good, good.length / 2));
        Files.write(mixed.resolve("empty.mid"), new byte[0]);
        List<lstm.music.SmfEvent> track = List.of(lstm.music.SmfEvent.channel(0, 0x90, 60, 90), lstm.music.SmfEvent.channel(480, 0x80, 60, 0),
                lstm.music.SmfEvent.meta(480, lstm.music.SmfEvent.END_OF_TRACK));
        Files.write(mixed.resolve("type2.mid"), lstm.music.SmfWriter.write(new lstm.music.SmfFile(2, 480, List.of(track))));
        CliRun r = run("train", mixed.toString(), "-o", dir.resolve("mixed.lstm").toString(), "--hidden", "8", "--layers", "1",
                "--batch-size", "2", "--seq-length", "16", "--steps", "2", "--no-velocity", "-q");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.err().lines().toList();
        assertEquals(3, lines.size(), r.err());
        assertTrue(lines.get(0).startsWith("skipped " + mixed.resolve("cut.mid") + ": "), r.err());
        assertTrue(lines.get(1).startsWith("skipped " + mixed.resolve("empty.mid") + ": "), r.err());
        assertTrue(lines.get(2).startsWith("skipped " + mixed.resolve("type2.mid") + ": SMF type 2"), r.err());
        assertEquals(356, ((Number) Json.readObject(run("info", dir.resolve("mixed.lstm").toString(), "--json").text()).get("vocab_size")).intValue());

        CliRun summary = run("train", mixed.toString(), "-o", dir.resolve("mixed2.lstm").toString(), "--hidden", "8", "--layers", "1",
                "--batch-size", "2", "--seq-length", "16", "--steps", "1");
        assertTrue(summary.err().contains("training files: 3 files read, 3 skipped, 192 notes, 0:00:48"), summary.err());

        CliRun strict = run("train", mixed.toString(), "-o", dir.resolve("strict.lstm").toString(), "--strict", "--steps", "1");
        assertOneLineError(strict, 1, "cut.mid");
        assertFalse(Files.exists(dir.resolve("strict.lstm")));
    }

    @Test
    void wrongModelKindAndBadOptions() throws Exception {
        Path text = dir.resolve("text.txt");
        Files.writeString(text, "abcabcabc ".repeat(300));
        Path textModel = dir.resolve("text.lstm");
        assertEquals(0, run("train", text.toString(), "-o", textModel.toString(), "--hidden", "8", "--batch-size", "2", "--steps", "1", "-q").code());
        assertOneLineError(run("compose", textModel.toString(), "-o", dir.resolve("x.mid").toString()), 1, "is a 'char' model");
        CliRun notMidi = run("eval", model.toString(), text.toString());
        assertEquals(1, notMidi.code(), notMidi.err());
        assertTrue(notMidi.err().startsWith("skipped " + text + ": ") && notMidi.err().contains("lstm: nothing to evaluate"), notMidi.err());

        String m = model.toString(), o = dir.resolve("bad.mid").toString();
        assertOneLineError(run("compose", m, "-o", o, "--tempo", "0"), 2, "--tempo");
        assertOneLineError(run("compose", m, "-o", o, "--program", "128"), 2, "--program");
        assertOneLineError(run("compose", m, "-o", o, "--top-p", "0"), 2, "--top-p");
        assertOneLineError(run("compose", m, "-o", o, "--top-k", "-1"), 2, "--top-k");
        assertOneLineError(run("compose", m, "-o", o, "--max-hold", "soon"), 2, "--max-hold");
        assertOneLineError(run("compose", m, "-o", o, "--min-notes", "1"), 2, "--min-notes");
        assertOneLineError(run("compose", m, "-o", o, "--drop-primer"), 2, "--primer");
        assertOneLineError(run("compose", m, "-o", o, "--seconds", "0"), 2, "--seconds");
        String t = tunes.toString(), out = dir.resolve("bad.lstm").toString();
        assertOneLineError(run("train", t, "-o", out, "--transpose", "3..-3"), 2, "--transpose");
        assertOneLineError(run("train", t, "-o", out, "--transpose", "two"), 2, "--transpose");
        assertOneLineError(run("train", t, "-o", out, "--stretch", "0.1..1.05"), 2, "--stretch");
        assertOneLineError(run("train", t, "-o", out, "--drums", "maybe"), 2, "--drums");
        assertOneLineError(run("train", t, "-o", out, "--model", "notes"), 2, "--model");
        assertFalse(Files.exists(dir.resolve("bad.lstm")));
        assertFalse(Files.exists(dir.resolve("bad.mid")));
    }

    @Test
    void augmentationAndResume() throws Exception {
        Path out = dir.resolve("augmented.lstm");
        CliRun r = run("train", tunes.toString(), "-o", out.toString(), "--hidden", "8", "--layers", "1", "--batch-size", "4",
                "--seq-length", "16", "--steps", "3", "--transpose", "-1..1", "--stretch", "0.95..1.05", "--no-velocity");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("augmentation: 15 versions of each training piece"), r.err());
        CliRun resumed = run("train", tunes.toString(), "-o", out.toString(), "--resume", "--steps", "5", "--transpose", "-1..1",
                "--stretch", "0.95..1.05", "-q");
        assertEquals(0, resumed.code(), resumed.err());
        assertEquals(5, ((Number) Json.readObject(run("info", out.toString(), "--json").text()).get("steps")).intValue());
        assertOneLineError(run("train", tunes.toString(), "-o", out.toString(), "--resume", "--steps", "6", "-q"), 1, "corpus differs");
        assertOneLineError(run("train", tunes.toString(), "-o", out.toString(), "--resume", "--steps", "6", "--drums", "keep",
                "--transpose", "-1..1", "--stretch", "0.95..1.05"), 2, "--drums");
    }
}
