package lstm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import lstm.linalg.JavaEngine;
import lstm.train.ModelFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C (SIGINT), SIGTERM and SIGHUP save a checkpoint and exit with 130; the model then resumes. */
class InterruptTest {
    @TempDir
    Path dir;

    @Test
    void signalSavesAndExits130() throws Exception {
        Path corpus = dir.resolve("c.txt");
        Files.writeString(corpus, CliTest.tinyCorpus());
        Path model = dir.resolve("m.lstm");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (String signal : List.of("INT", "TERM", "HUP")) {
            Files.deleteIfExists(model);
            Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "lstm.cli.Main", "train",
                    corpus.toString(), "-o", model.toString(), "--hidden", "16", "--batch-size", "4", "--seq-length", "10",
                    "--steps", "100000000", "--checkpoint-every", "0", "--eval-every", "0")
                    .redirectErrorStream(true).start();
            // wait until training has started (its first progress line)
            var reader = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line;
            do {
                line = reader.readLine();
            } while (line != null && !line.startsWith("step "));
            new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "exits after " + signal);
            String rest = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(130, p.exitValue(), rest);
            assertTrue(rest.contains("saved " + model), rest);
            long steps = ModelFile.load(model, new JavaEngine()).model().state.step;
            assertTrue(steps > 0);
        }
        CliRun r = CliRun.run("train", corpus.toString(), "-o", model.toString(), "--resume", "--steps",
                Long.toString(ModelFile.load(model, new JavaEngine()).model().state.step + 5), "-q");
        assertEquals(0, r.code(), r.err());
    }
}
