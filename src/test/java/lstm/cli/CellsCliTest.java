package lstm.cli;

import static lstm.cli.CliRun.assertOneLineError;
import static lstm.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import lstm.io.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every cell through the command line: train, info, sample, eval, resume; and 'lstm gradients'. */
class CellsCliTest {
    @TempDir
    static Path dir;
    static Path corpus;

    @BeforeAll
    static void writeCorpus() throws Exception {
        corpus = dir.resolve("tiny.txt");
        Files.writeString(corpus, CliTest.tinyCorpus());
    }

    static CliRun train(String cell, Path model, int steps, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("train", corpus.toString(), "-o", model.toString(), "--cell", cell,
                "--layers", "2", "--hidden", "16", "--batch-size", "8", "--seq-length", "20", "--steps", Integer.toString(steps),
                "--lr", "0.01", "--eval-every", "25", "--checkpoint-every", "10", "-q"));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    static Map<String, Object> json(CliRun r) throws Exception {
        assertEquals(0, r.code(), r.err());
        assertEquals(1, r.text().lines().count(), r.text());
        return Json.readObject(r.text());
    }

    @ParameterizedTest
    @ValueSource(strings = {"gru", "rnn", "peephole", "cifg"})
    void everyCellTrainsSamplesEvaluatesAndResumesExactly(String cell) throws Exception {
        Path model = dir.resolve(cell + ".lstm");
        CliRun trained = train(cell, model, 100);
        assertEquals(0, trained.code(), trained.err());

        Map<String, Object> info = json(run("info", model.toString(), "--json"));
        assertEquals(cell, info.get("cell"));
        assertEquals(2, info.get("layers"));
        assertEquals(16, info.get("hidden"));
        assertEquals(100, ((Number) info.get("steps")).intValue());
        assertTrue(run("info", model.toString()).text().contains("2 × 16 " + cell), "text info names the cell");

        CliRun sample = run("sample", model.toString(), "-n", "80", "--seed", "3");
        assertEquals(0, sample.code(), sample.err());
        assertEquals(80, sample.text().codePointCount(0, sample.text().length()));
        assertTrue(sample.text().chars().allMatch(ch -> CliTest.tinyCorpus().indexOf(ch) >= 0), sample.text());

        Map<String, Object> eval = json(run("eval", model.toString(), corpus.toString(), "--json"));
        double loss = ((Number) eval.get("loss_nats")).doubleValue();
        // the text's character frequencies alone give 3.19 nats; 100 steps bring every cell below 2
        assertTrue(loss < 2.5, cell + " learned little in 100 steps: " + loss + " nats");

        // 60 steps, then resumed to 100, predicts exactly as 100 steps at once
        Path split = dir.resolve(cell + "-split.lstm");
        assertEquals(0, train(cell, split, 60).code());
        CliRun resumed = run("train", corpus.toString(), "-o", split.toString(), "--resume", "--steps", "100", "-q");
        assertEquals(0, resumed.code(), resumed.err());
        assertEquals(cell, json(run("info", split.toString(), "--json")).get("cell"));
        assertEquals(eval, json(run("eval", split.toString(), corpus.toString(), "--json")));
        assertEquals(run("sample", model.toString(), "-n", "200", "--seed", "9").text(),
                run("sample", split.toString(), "-n", "200", "--seed", "9").text());
    }

    @Test
    void resumeRejectsAnotherCell() {
        Path model = dir.resolve("cell-change.lstm");
        assertEquals(0, train("gru", model, 5).code());
        assertOneLineError(run("train", corpus.toString(), "-o", model.toString(), "--resume", "--cell", "lstm", "--steps", "10"),
                2, "--cell lstm differs from the model's gru");
        assertOneLineError(run("train", corpus.toString(), "--cell", "transformer"), 2, "unknown cell 'transformer'");
    }

    private static Map<String, Object> gradients(Path model, String... more) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("gradients", model.toString(), corpus.toString(), "--json"));
        args.addAll(List.of(more));
        return json(run(args.toArray(String[]::new)));
    }

    @Test
    @SuppressWarnings("unchecked")
    void gradientsJsonHasOneRowOfNormsPerLayer() throws Exception {
        Path model = dir.resolve("g-lstm.lstm");
        assertEquals(0, train("lstm", model, 10).code());
        Map<String, Object> g = gradients(model, "--max-lag", "20", "--positions", "12", "--warmup", "30");
        assertEquals(List.of("cell", "hidden", "max_lag", "positions", "warmup", "chars", "layers"), List.copyOf(g.keySet()));
        assertEquals("lstm", g.get("cell"));
        assertEquals(20, g.get("max_lag"));
        assertEquals(12, g.get("positions"));
        assertEquals(30, g.get("warmup"));
        assertEquals(CliTest.tinyCorpus().length(), g.get("chars"));
        List<Map<String, Object>> layers = (List<Map<String, Object>>) g.get("layers");
        assertEquals(2, layers.size());
        for (Map<String, Object> layer : layers) {
            List<Number> norms = (List<Number>) layer.get("norms");
            assertEquals(20, norms.size());
            for (Number n : norms) assertTrue(n.doubleValue() > 0 && Double.isFinite(n.doubleValue()), norms.toString());
            double ratio = ((Number) layer.get("ratio")).doubleValue();
            assertEquals(norms.get(19).doubleValue() / norms.get(0).doubleValue(), ratio, 1e-12 * ratio);
        }
        assertEquals(g, gradients(model, "--max-lag", "20", "--positions", "12", "--warmup", "30"), "same seed, same numbers");
        assertNotEquals(g, gradients(model, "--max-lag", "20", "--positions", "12", "--warmup", "30", "--seed", "7"));
    }

    @Test
    void gradientsTableShowsSelectedLagsOrAll() {
        Path model = dir.resolve("g-table.lstm");
        assertEquals(0, train("cifg", model, 5).code());
        CliRun r = run("gradients", model.toString(), corpus.toString(), "--positions", "5", "--warmup", "10");
        assertEquals(0, r.code(), r.err());
        List<String> rows = r.text().lines().filter(l -> l.matches("\\s+\\d+\\s+.*")).toList();
        assertEquals(List.of(1, 2, 5, 10, 20, 50), rows.stream().map(l -> Integer.parseInt(l.trim().split("\\s+")[0])).toList());
        assertTrue(r.text().contains("layer 1") && r.text().contains("layer 2") && r.text().contains("g(50)/g(1)"), r.text());
        CliRun all = run("gradients", model.toString(), corpus.toString(), "--positions", "5", "--warmup", "10", "--max-lag", "12", "--all");
        assertEquals(12, all.text().lines().filter(l -> l.matches("\\s+\\d+\\s+.*")).count(), all.text());
    }

    /**
     * The vanishing gradient on nearly fresh 2 × 16 networks (one training step): 50 steps back a
     * plain RNN keeps 1e-16 to 1e-8 of its one-step gradient, an LSTM 1e-4 to 1e-2 (seeds 1 to 6).
     * Asserted with wide margins. (After a few dozen steps at a high learning rate an RNN's bottom
     * layer can keep much more, so the models are fresh on purpose.)
     */
    @Test
    @SuppressWarnings("unchecked")
    void rnnGradientVanishesMuchFasterThanLstm() throws Exception {
        Path rnn = dir.resolve("v-rnn.lstm"), lstm = dir.resolve("v-lstm.lstm");
        assertEquals(0, train("rnn", rnn, 1).code());
        assertEquals(0, train("lstm", lstm, 1).code());
        List<Map<String, Object>> r = (List<Map<String, Object>>) gradients(rnn, "--positions", "20").get("layers");
        List<Map<String, Object>> l = (List<Map<String, Object>>) gradients(lstm, "--positions", "20").get("layers");
        for (int layer = 0; layer < 2; layer++) {
            double rnnRatio = ((Number) r.get(layer).get("ratio")).doubleValue();
            double lstmRatio = ((Number) l.get(layer).get("ratio")).doubleValue();
            assertTrue(rnnRatio < 1e-6 && rnnRatio * 1000 < lstmRatio, "layer " + layer + ": rnn " + rnnRatio + ", lstm " + lstmRatio);
        }
    }

    @Test
    void gradientsErrors() throws Exception {
        Path model = dir.resolve("g-err.lstm");
        assertEquals(0, train("rnn", model, 3).code());
        Path foreign = dir.resolve("foreign.txt");
        Files.writeString(foreign, "ANNA: ½ the sea\n");
        assertOneLineError(run("gradients", model.toString(), foreign.toString()), 1, "never seen: '½'");
        assertOneLineError(run("eval", model.toString(), foreign.toString()), 1, "never seen: '½'");
        Path shortText = dir.resolve("short.txt");
        Files.writeString(shortText, "the sea is calm tonight.");
        assertOneLineError(run("gradients", model.toString(), shortText.toString()), 1, "too short: 24 characters");
        assertEquals(0, run("gradients", model.toString(), shortText.toString(), "--max-lag", "22").code(), "22 + 2 characters are enough");
        assertOneLineError(run("gradients", model.toString(), corpus.toString(), "--max-lag", "0"), 2, "--max-lag must be at least 1");
        assertOneLineError(run("gradients", model.toString(), corpus.toString(), "--positions", "0"), 2, "--positions must be at least 1");
        assertOneLineError(run("gradients", model.toString(), corpus.toString(), "--warmup", "-1"), 2, "--warmup must not be negative");
        assertOneLineError(run("gradients", model.toString()), 2, "Missing required parameter");
        assertOneLineError(run("gradients", dir.resolve("missing.lstm").toString(), corpus.toString()), 1, "no such model file");
        assertTrue(run("gradients", "--help").text().contains("--warmup"));
    }
}
