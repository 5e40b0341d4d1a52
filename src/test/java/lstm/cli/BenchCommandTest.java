package lstm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import lstm.bench.Benchmark;
import lstm.io.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lstm bench}: one JSON line with the reference script's keys, a table, one-line errors. No speeds are checked. */
class BenchCommandTest {
    @TempDir
    Path dir;

    private Path corpus() throws Exception {
        Path text = dir.resolve("text.txt");
        Files.writeString(text, CliTest.tinyCorpus());
        return text;
    }

    @Test
    void jsonLineHasTheScriptsKeysAndTheMachine() throws Exception {
        CliRun r = CliRun.run("bench", "--config", "S", "--corpus", corpus().toString(), "--steps", "2",
                "--warmup", "1", "--sample", "20", "--threads", "1", "--json");
        assertEquals(0, r.code(), r.err());
        assertEquals(1, r.text().lines().count(), r.text());
        Map<?, ?> m = (Map<?, ?>) Json.read(r.text());
        for (String key : List.of("train_chars_per_s", "train_chars_per_s_best", "sample_chars_per_s", "peak_rss_mb",
                "cpu", "threads", "backend", "config", "step_median_s", "loss_first", "loss_last", "train_gflop_per_s")) {
            assertTrue(m.containsKey(key), key + " in " + r.text());
        }
        assertEquals("S", m.get("config"));
        assertEquals(1, ((Number) m.get("threads")).intValue());
        assertEquals("vector", m.get("backend"));
        assertEquals(2, ((Number) m.get("layers")).intValue());
        assertEquals(128, ((Number) m.get("hidden")).intValue());
        assertEquals(2, ((Number) m.get("timed_steps")).intValue());
        assertTrue(((Number) m.get("train_chars_per_s")).doubleValue() > 0);
        assertTrue(r.err().contains("bench: step 3/3"), "progress on stderr: " + r.err());
    }

    @Test
    void tableWithoutJson() throws Exception {
        CliRun r = CliRun.run("bench", "--corpus", corpus().toString(), "--steps", "1", "--warmup", "0",
                "--sample", "0", "--blas", "java");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.text().startsWith("lstm bench --config S: 2 x 128 LSTM, seq 50 x batch 50"), r.text());
        assertTrue(r.text().contains("back-end   java, 1 thread"), r.text());
        assertTrue(!r.text().contains("sample "), "no sampling asked: " + r.text());
    }

    @Test
    void errorsAreOneLine() throws Exception {
        CliRun.assertOneLineError(CliRun.run("bench", "--corpus", dir.resolve("missing.txt").toString()), 1, "no corpus at");
        Path small = dir.resolve("small.txt");
        Files.writeString(small, "too short");
        CliRun.assertOneLineError(CliRun.run("bench", "--corpus", small.toString()), 1, "fewer than seq × batch + 1");
        CliRun.assertOneLineError(CliRun.run("bench", "--steps", "0"), 2, "--steps must be at least 1");
        CliRun.assertOneLineError(CliRun.run("bench", "--config", "XL"), 2, "--config");
    }

    @Test
    void flopCountOfTheConfigs() {
        // S: 2·128·512·3 + 2·128·65 per character forward; M likewise at 512
        assertEquals(409_856, Benchmark.forwardFlopsPerChar(Benchmark.Config.S, 65));
        assertEquals(6_358_016, Benchmark.forwardFlopsPerChar(Benchmark.Config.M, 65));
    }

    @Test
    void defaultCorpusIsTheSharedOneNextToTheRepository() {
        Path p = BenchCommand.defaultCorpus();
        assertTrue(p.endsWith(Path.of("shared", "corpora", "text", "tinyshakespeare.txt")), p.toString());
    }
}
