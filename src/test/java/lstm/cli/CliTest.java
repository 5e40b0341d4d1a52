package lstm.cli;

import static lstm.cli.CliRun.assertOneLineError;
import static lstm.cli.CliRun.run;
import static lstm.cli.CliRun.runWithInput;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import lstm.io.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line end to end, through the same entry point as bin/lstm. */
class CliTest {
    @TempDir
    static Path dir;
    static Path corpus;
    static Path model;

    /** A small text with structure a tiny model learns in seconds. */
    static String tinyCorpus() {
        StringBuilder sb = new StringBuilder();
        String[] names = {"ANNA", "BORIS", "CLARA"};
        String[] lines = {"the sea is calm tonight.", "we sail at dawn.", "bring the lamp here.", "who knocks at the door?"};
        for (int i = 0; i < 400; i++) sb.append(names[i % 3]).append(":\n").append(lines[(i * 7) % 4]).append("\n\n");
        return sb.toString();
    }

    @BeforeAll
    static void trainTinyModel() throws Exception {
        corpus = dir.resolve("tiny.txt");
        Files.writeString(corpus, tinyCorpus());
        model = dir.resolve("tiny.lstm");
        CliRun r = run("train", corpus.toString(), "-o", model.toString(), "--hidden", "32", "--batch-size", "8",
                "--seq-length", "25", "--steps", "300", "--lr", "0.01", "--eval-every", "100", "-q");
        assertEquals(0, r.code(), r.err());
    }

    @Test
    void tinyModelLearnsTheCorpus() throws Exception {
        CliRun r = run("eval", model.toString(), corpus.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        assertEquals(1, r.text().lines().count());
        Map<String, Object> m = Json.readObject(r.text());
        assertTrue(((Number) m.get("loss_nats")).doubleValue() < 0.6, r.text());
        assertEquals(tinyCorpus().length() - 1, ((Number) m.get("chars")).intValue());
        double bits = ((Number) m.get("bits_per_char")).doubleValue();
        assertEquals(((Number) m.get("loss_nats")).doubleValue() / Math.log(2), bits, 1e-12);
    }

    @Test
    void sampleIsDeterministicAndStartsWithThePrime() {
        CliRun a = run("sample", model.toString(), "--prime", "ANNA:\n", "-n", "200", "--seed", "5");
        CliRun b = run("sample", model.toString(), "--prime", "ANNA:\n", "-n", "200", "--seed", "5");
        assertEquals(0, a.code(), a.err());
        assertEquals(a.text(), b.text());
        assertTrue(a.text().startsWith("ANNA:\n"));
        assertEquals(206, a.text().codePointCount(0, a.text().length()));
        CliRun c = run("sample", model.toString(), "-n", "200", "--seed", "6");
        assertTrue(!c.text().equals(a.text().substring(6)));
    }

    @Test
    void greedySampleReproducesTheCorpusLines() {
        CliRun r = run("sample", model.toString(), "--prime", "BORIS:\n", "-n", "60", "--temperature", "0");
        assertTrue(r.text().contains("we sail at dawn.") || r.text().contains("the sea is calm tonight.")
                || r.text().contains("bring the lamp here.") || r.text().contains("who knocks at the door?"), r.text());
    }

    @Test
    void infoJsonHasTheContractKeys() throws Exception {
        CliRun r = run("info", model.toString(), "--json");
        assertEquals(0, r.code());
        assertEquals(1, r.text().lines().count());
        Map<String, Object> m = Json.readObject(r.text());
        assertEquals("char", m.get("kind"));
        assertEquals("lstm", m.get("cell"));
        assertEquals(2, m.get("layers"));
        assertEquals(32, m.get("hidden"));
        assertEquals(300, ((Number) m.get("steps")).intValue());
        assertTrue(((Number) m.get("parameters")).intValue() > 10000);
        assertTrue(((Number) m.get("vocab_size")).intValue() > 20);
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertOneLineError(run("train", corpus.toString(), "--bogus"), 2, "Unknown option");
        assertOneLineError(run("train", corpus.toString(), "--hidden", "0"), 2, "--hidden must be at least 1");
        assertOneLineError(run("train", corpus.toString(), "--time", "soon"), 2, "not a duration");
        assertOneLineError(run("sample", model.toString(), "--temperature", "-1"), 2, "--temperature");
        assertOneLineError(run("sample", model.toString(), "--top-p", "2"), 2, "--top-p");
        assertOneLineError(run("frobnicate"), 2, "frobnicate");
    }

    @Test
    void failuresExitWithOne() throws Exception {
        assertOneLineError(run("train", dir.resolve("missing.txt").toString(), "-o", dir.resolve("x.lstm").toString()), 1, "no such file");
        Path empty = dir.resolve("empty.txt");
        Files.writeString(empty, "");
        assertOneLineError(run("train", empty.toString(), "-o", dir.resolve("x.lstm").toString()), 1, "corpus is empty");
        assertOneLineError(run("sample", dir.resolve("missing.lstm").toString()), 1, "no such model file");
        byte[] bytes = Files.readAllBytes(model);
        Path truncated = dir.resolve("truncated.lstm");
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertOneLineError(run("sample", truncated.toString()), 1, "not a valid model file");
        Path text = dir.resolve("not-a-model.lstm");
        Files.writeString(text, "hello there, I am not a model at all");
        assertOneLineError(run("info", text.toString()), 1, "not a valid model file");
        assertOneLineError(run("sample", model.toString(), "--prime", "xyz§"), 1, "never seen: 'x', 'y', 'z', '§'");
        Path latin1 = dir.resolve("latin1.txt");
        Files.write(latin1, new byte[] {'c', 'a', 'f', (byte) 0xE9});
        assertOneLineError(run("train", latin1.toString()), 1, "not valid UTF-8 at byte offset 3");
    }

    @Test
    void foreignSafetensorsFileIsRefused() {
        Path foreign = dir.resolve("foreign.safetensors");
        lstm.io.SafeTensors.write(foreign, Map.of("w", new lstm.io.SafeTensors.Tensor(new int[] {1}, new float[] {1})), Map.of());
        assertOneLineError(run("info", foreign.toString()), 1, "not an lstm model");
    }

    @Test
    void tooSmallCorpusSaysWhatToChange() throws Exception {
        Path small = dir.resolve("small.txt");
        Files.writeString(small, "just a few words");
        assertOneLineError(run("train", small.toString(), "-o", dir.resolve("s.lstm").toString()), 1, "lower --batch-size");
    }

    @Test
    void trainsFromStandardInput() {
        Path out = dir.resolve("stdin.lstm");
        CliRun r = runWithInput(tinyCorpus(), "train", "-", "-o", out.toString(), "--hidden", "8", "--batch-size", "4", "--seq-length", "10",
                "--steps", "3", "-q");
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.exists(out));
    }

    @Test
    void resumeRejectsAChangedShape() {
        assertOneLineError(run("train", corpus.toString(), "-o", model.toString(), "--resume", "--hidden", "64", "--steps", "301"),
                2, "--hidden 64 differs from the model's 32");
    }

    @Test
    void helpAndVersion() {
        CliRun v = run("--version");
        assertEquals(0, v.code());
        assertTrue(v.text().startsWith("lstm "));
        for (String cmd : new String[] {"train", "sample", "eval", "info", "gradients"}) {
            CliRun h = run(cmd, "--help");
            assertEquals(0, h.code());
            assertTrue(h.text().contains("Examples:"), cmd);
        }
    }

    @Test
    void metricsLogHasOneRowPerLoggedStep() throws Exception {
        Path log = dir.resolve("metrics.csv");
        CliRun r = run("train", corpus.toString(), "-o", dir.resolve("log.lstm").toString(), "--hidden", "8", "--batch-size", "4",
                "--seq-length", "10", "--steps", "20", "--eval-every", "10", "--log-every", "5", "--log", log.toString(), "-q");
        assertEquals(0, r.code(), r.err());
        java.util.List<String> lines = Files.readAllLines(log);
        assertEquals("step,epoch,train_loss,val_loss,lr,grad_norm,chars_per_s,elapsed_s", lines.get(0));
        assertEquals(java.util.List.of("5", "10", "15", "20"), lines.subList(1, lines.size()).stream().map(l -> l.split(",")[0]).toList());
        assertEquals("", lines.get(1).split(",", -1)[3], "no validation at step 5");
        assertFalse(lines.get(2).split(",", -1)[3].isEmpty(), "validation at step 10 in the same row");
    }

    @Test
    void infoJsonKeepsKeysWithoutAValue() throws Exception {
        Path m = dir.resolve("noval.lstm");
        CliRun t = run("train", corpus.toString(), "-o", m.toString(), "--hidden", "8", "--batch-size", "4", "--seq-length", "10",
                "--steps", "2", "--eval-every", "0", "-q");
        assertEquals(0, t.code(), t.err());
        Map<String, Object> info = Json.readObject(run("info", m.toString(), "--json").text());
        assertTrue(info.containsKey("best_val_loss"));
        assertEquals(null, info.get("best_val_loss"));
    }
}
