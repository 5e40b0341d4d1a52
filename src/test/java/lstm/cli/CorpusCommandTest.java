package lstm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import lstm.io.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusCommandTest {
    private static final String TEXT = "To be or not\n";
    /** From {@code printf 'To be or not\n' | sha256sum}. */
    private static final String TEXT_SHA = "4be7a32a921fff3edf12ba2c5d60b6118fd54d4cfd57d421de7d6152ac1ce606";

    @TempDir
    Path tmp;
    Path manifest;
    Path out;
    String stdout;
    String stderr;

    @BeforeEach
    void writeManifest() throws IOException {
        Path source = tmp.resolve("upstream.txt");
        Files.writeString(source, TEXT);
        manifest = tmp.resolve("manifest.csv");
        Files.writeString(manifest, "name,file,url,bytes,sha256,license,description\n"
                + "hamlet,hamlet.txt," + source.toUri() + ",13," + TEXT_SHA + ",public domain,\"One line, of a play\"\n"
                + "broken,broken.txt," + source.toUri() + ",13," + "0".repeat(64) + ",public domain,Wrong checksum\n");
        out = tmp.resolve("out");
    }

    private int run(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream(), e = new ByteArrayOutputStream();
        int code = Main.run(args, new ByteArrayInputStream(new byte[0]), o, new PrintStream(e, true, StandardCharsets.UTF_8));
        stdout = o.toString(StandardCharsets.UTF_8);
        stderr = e.toString(StandardCharsets.UTF_8);
        return code;
    }

    @Test
    void fetchPrintsThePathOnStdoutAndProgressOnStderr() throws IOException {
        assertEquals(0, run("corpus", "fetch", "hamlet", "--manifest", manifest.toString(), "-o", out.toString()));
        assertEquals(out.resolve("hamlet.txt") + "\n", stdout);
        assertEquals(TEXT, Files.readString(out.resolve("hamlet.txt")));
        assertTrue(stderr.startsWith("lstm: fetching hamlet (13 B) from " + tmp.resolve("upstream.txt").toUri() + "\n"), stderr);
        assertTrue(stderr.endsWith("lstm: verified size and sha256 of " + out.resolve("hamlet.txt") + "\n"), stderr);

        // --manifest also works before the subcommand; the verified copy is not fetched again
        assertEquals(0, run("corpus", "--manifest", manifest.toString(), "fetch", "hamlet", "-o", out.toString()));
        assertEquals(out.resolve("hamlet.txt") + "\n", stdout);
        assertEquals("lstm: " + out.resolve("hamlet.txt") + " is already there and verified\n", stderr);
    }

    @Test
    void wrongChecksumFailsWithOneLineAndLeavesNoFile() throws IOException {
        Files.createDirectories(out);
        assertEquals(1, run("corpus", "fetch", "broken", "--manifest", manifest.toString(), "-o", out.toString()));
        assertEquals("", stdout);
        String[] lines = stderr.split("\n");
        assertEquals("lstm: download of 'broken' from " + tmp.resolve("upstream.txt").toUri() + " has sha256 " + TEXT_SHA
                + ", expected " + "0".repeat(64) + " (the file there is not the one the manifest describes; nothing was written)",
                lines[lines.length - 1]);
        assertFalse(stderr.contains("Exception"), stderr);
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(0, files.count(), "neither the file nor a temporary file is left");
        }
    }

    @Test
    void unknownNameListsTheKnownNames() {
        assertEquals(1, run("corpus", "fetch", "macbeth", "--manifest", manifest.toString(), "-o", out.toString()));
        assertEquals("lstm: unknown corpus 'macbeth' (known: hamlet, broken)\n", stderr);
        assertFalse(Files.exists(out));
    }

    @Test
    void listJsonIsOneObjectOnOneLine() throws IOException {
        assertEquals(0, run("corpus", "list", "--json", "--manifest", manifest.toString()));
        assertTrue(stdout.endsWith("\n"));
        assertEquals(1, stdout.split("\n").length, stdout);
        Map<String, Object> json = Json.readObject(stdout);
        List<?> corpora = (List<?>) json.get("corpora");
        assertEquals(2, corpora.size());
        Map<?, ?> hamlet = (Map<?, ?>) corpora.get(0);
        assertEquals("hamlet", hamlet.get("name"));
        assertEquals("hamlet.txt", hamlet.get("file"));
        assertEquals(13, ((Number) hamlet.get("bytes")).intValue());
        assertEquals(TEXT_SHA, hamlet.get("sha256"));
        assertEquals("One line, of a play", hamlet.get("description"));
        assertEquals(tmp.resolve("upstream.txt").toUri().toString(), hamlet.get("url"));
    }

    @Test
    void listPrintsATable() {
        assertEquals(0, run("corpus", "list", "--manifest", manifest.toString()));
        assertEquals("NAME    SIZE  LICENSE        DESCRIPTION\n"
                + "hamlet  13 B  public domain  One line, of a play\n"
                + "broken  13 B  public domain  Wrong checksum\n", stdout);
    }

    @Test
    void builtInListNamesTinyShakespeare() {
        assertEquals(0, run("corpus", "list"));
        assertTrue(stdout.lines().anyMatch(l -> l.startsWith("tinyshakespeare ") && l.contains("1.1 MB")), stdout);
    }

    @Test
    void missingManifestSubcommandOrName() {
        assertEquals(1, run("corpus", "list", "--manifest", tmp.resolve("none.csv").toString()));
        assertEquals("lstm: manifest " + tmp.resolve("none.csv") + " does not exist (check the --manifest path)\n", stderr);
        assertEquals(2, run("corpus"));
        assertEquals("lstm: Missing subcommand: list or fetch (see 'lstm corpus --help')\n", stderr);
        assertEquals(2, run("corpus", "fetch"));
        assertEquals("lstm: Missing required parameter: 'NAME' (see 'lstm corpus fetch --help')\n", stderr);
    }

    @Test
    void humanSizes() {
        assertEquals("999 B", CorpusCommand.humanSize(999));
        assertEquals("12.6 kB", CorpusCommand.humanSize(12625));
        assertEquals("1.1 MB", CorpusCommand.humanSize(1115394));
        assertEquals("3.4 MB", CorpusCommand.humanSize(3382026));
    }
}
