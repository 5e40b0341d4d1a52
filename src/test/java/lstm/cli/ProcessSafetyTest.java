package lstm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import lstm.io.LockFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit's cases that need a process of their own: signals outside training, the lock on a
 * model being trained, running out of heap, and a standard output on a full device.
 */
class ProcessSafetyTest {
    @TempDir
    static Path dir;
    static Path corpus, model;

    @BeforeAll
    static void trainAModel() throws Exception {
        corpus = dir.resolve("c.txt");
        Files.writeString(corpus, CliTest.tinyCorpus());
        model = dir.resolve("m.lstm");
        CliRun r = CliRun.run("train", corpus.toString(), "-o", model.toString(), "--hidden", "16", "--batch-size", "4", "--seq-length", "10",
                "--steps", "2", "-q");
        assertEquals(0, r.code(), r.err());
    }

    static ProcessBuilder lstm(List<String> jvm, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvm);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "lstm.cli.Main"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    static void signal(Process p, String name) throws Exception {
        new ProcessBuilder("kill", "-" + name, Long.toString(p.pid())).start().waitFor();
    }

    /** Reads lines until one starts with {@code prefix} (or contains it, when {@code anywhere}). */
    static void awaitLine(BufferedReader reader, String text, boolean anywhere) throws Exception {
        String line;
        do {
            line = reader.readLine();
        } while (line != null && !(anywhere ? line.contains(text) : line.startsWith(text)));
        assertTrue(line != null, "saw a line with " + text);
    }

    /** Case 7: SIGTERM during sample exits with 130 (not 143), after what was written. */
    @Test
    void termDuringSampleExits130() throws Exception {
        Process p = lstm(List.of(), "sample", model.toString(), "--length", "1000000000", "--seed", "1").start();
        byte[] some = p.getInputStream().readNBytes(200);
        assertEquals(200, some.length);
        signal(p, "TERM");
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        assertEquals(130, p.exitValue());
        assertEquals("", new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    /** Case 7: SIGTERM and SIGHUP before training starts (reading a corpus from a standard input that has not ended) exit with 130. */
    @Test
    void signalsBeforeTrainingExit130() throws Exception {
        for (String name : List.of("TERM", "HUP")) {
            // the class-loading log shows when the corpus is being read: the handlers are in place by then
            Process p = lstm(List.of("-verbose:class"), "train", "-", "-o", dir.resolve("never.lstm").toString()).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            awaitLine(out, "lstm.text.TextReader", true);
            signal(p, name);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertEquals(130, p.exitValue(), name);
            p.getOutputStream().close();
        }
        assertFalse(Files.exists(dir.resolve("never.lstm")));
    }

    /** Case 8: a second training of the same model fails at once naming the first run's process; the lock goes with the run. */
    @Test
    void secondTrainingOfTheSameModelIsRefused() throws Exception {
        Path busy = dir.resolve("busy.lstm");
        Process first = lstm(List.of(), "train", corpus.toString(), "-o", busy.toString(), "--hidden", "16", "--batch-size", "4",
                "--seq-length", "10", "--steps", "100000000", "--checkpoint-every", "0", "--eval-every", "0")
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(first.getInputStream(), StandardCharsets.UTF_8));
        awaitLine(out, "step ", false);
        CliRun second = CliRun.run("train", corpus.toString(), "-o", busy.toString(), "--hidden", "16", "--steps", "3");
        CliRun.assertOneLineError(second, 1, busy + " is being written by another run (process " + first.pid() + ", see "
                + LockFile.pathOf(busy) + ")");
        signal(first, "TERM");
        assertTrue(first.waitFor(60, TimeUnit.SECONDS));
        String rest = new String(first.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(130, first.exitValue(), rest);
        assertTrue(rest.contains("saved " + busy), rest);
        assertFalse(Files.exists(LockFile.pathOf(busy)));
        CliRun after = CliRun.run("train", corpus.toString(), "-o", busy.toString(), "--resume", "--steps", "1000000000", "--time", "1", "-q");
        assertEquals(0, after.code(), after.err());
    }

    /** Case 6: running out of heap is one line that says what to do, exit 1, no stack trace. */
    @Test
    void outOfMemoryIsOneLine() throws Exception {
        Process p = lstm(List.of("-Xmx48m"), "train", corpus.toString(), "-o", dir.resolve("huge.lstm").toString(), "--hidden", "1500",
                "--steps", "1").start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(1, p.exitValue(), err);
        assertEquals("lstm: out of memory (try a smaller --batch-size or model, or give Java more heap, e.g. LSTM_JAVA_OPTS=-Xmx8g)",
                err.strip());
        assertFalse(Files.exists(dir.resolve("huge.lstm")));
    }

    /** Case 9: 'lstm info > /dev/full' exits 1 with one line. */
    @Test
    void fullStandardOutputFails() throws Exception {
        Process p = lstm(List.of(), "info", model.toString()).redirectOutput(new File("/dev/full")).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(1, p.exitValue(), err);
        assertEquals("lstm: cannot write to standard output: No space left on device (check the disk or the file it goes to)", err.strip());
    }
}
