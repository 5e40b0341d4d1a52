package lstm.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import lstm.io.UserException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusFetcherTest {
    private static final String TEXT = "To be or not\n";
    /** From {@code printf 'To be or not\n' | sha256sum}. */
    private static final String TEXT_SHA = "4be7a32a921fff3edf12ba2c5d60b6118fd54d4cfd57d421de7d6152ac1ce606";

    @TempDir
    Path tmp;
    Path source;
    Path out;
    final List<String> events = new ArrayList<>();
    final CorpusFetcher fetcher = new CorpusFetcher(new CorpusFetcher.Listener() {
        @Override
        public void downloading(CorpusManifest.Entry entry) {
            events.add("downloading " + entry.name());
        }

        @Override
        public void progress(long done) {
            events.add("progress " + done);
        }

        @Override
        public void replacing(Path existing) {
            events.add("replacing " + existing.getFileName());
        }
    });

    @BeforeEach
    void writeSource() throws IOException {
        source = tmp.resolve("upstream.txt");
        Files.writeString(source, TEXT, StandardCharsets.US_ASCII);
        out = tmp.resolve("out");
    }

    private CorpusManifest.Entry entry(long bytes, String sha) {
        return new CorpusManifest.Entry("hamlet", "hamlet.txt", source.toUri(), bytes, sha, "public domain", "a line");
    }

    private CorpusManifest.Entry good() {
        return entry(TEXT.length(), TEXT_SHA);
    }

    @Test
    void sha256IsTheStandardOne() throws IOException {
        Path empty = tmp.resolve("empty");
        Files.createFile(empty);
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", CorpusFetcher.sha256(empty));
        Files.writeString(empty, "abc");
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", CorpusFetcher.sha256(empty));
    }

    @Test
    void fetchesAFileUrlIntoANewFolderAndVerifiesIt() throws IOException {
        CorpusFetcher.Result result = fetcher.fetch(good(), out);
        assertEquals(out.resolve("hamlet.txt"), result.path());
        assertTrue(result.downloaded());
        assertArrayEquals(Files.readAllBytes(source), Files.readAllBytes(result.path()));
        assertEquals(List.of("downloading hamlet", "progress 13"), events);
        assertEquals(List.of("hamlet.txt"), filesIn(out), "no temporary file is left");
    }

    @Test
    void keepsAVerifiedCopyWithoutDownloading() throws IOException {
        fetcher.fetch(good(), out);
        events.clear();
        Files.delete(source);   // a download would now fail
        CorpusFetcher.Result again = fetcher.fetch(good(), out);
        assertFalse(again.downloaded());
        assertEquals(List.of(), events);
    }

    @Test
    void replacesACopyThatDoesNotVerify() throws IOException {
        Files.createDirectories(out);
        Files.writeString(out.resolve("hamlet.txt"), "To be or NOT\n");
        CorpusFetcher.Result result = fetcher.fetch(good(), out);
        assertTrue(result.downloaded());
        assertEquals(TEXT, Files.readString(result.path()));
        assertEquals("replacing hamlet.txt", events.get(0));
    }

    @Test
    void wrongChecksumWritesNothing() throws IOException {
        String wrong = "0".repeat(64);
        UserException e = assertThrows(UserException.class, () -> fetcher.fetch(entry(TEXT.length(), wrong), out));
        assertEquals("download of 'hamlet' from " + source.toUri() + " has sha256 " + TEXT_SHA
                + ", expected " + wrong + " (the file there is not the one the manifest describes; nothing was written)",
                e.userMessage());
        assertFalse(Files.exists(out), "the folder it created is removed again");
    }

    @Test
    void wrongSizeWritesNothingAndKeepsTheFolder() throws IOException {
        Files.createDirectories(out);
        UserException shorter = assertThrows(UserException.class, () -> fetcher.fetch(entry(TEXT.length() + 1, TEXT_SHA), out));
        assertTrue(shorter.getMessage().endsWith("has 13 bytes, expected 14"), shorter.getMessage());
        UserException longer = assertThrows(UserException.class, () -> fetcher.fetch(entry(5, TEXT_SHA), out));
        assertTrue(longer.getMessage().endsWith("has more than 5 bytes"), longer.getMessage());
        assertEquals(List.of(), filesIn(out));
    }

    @Test
    void missingSourceIsAOneLineError() throws IOException {
        CorpusManifest.Entry entry = good();
        Files.delete(source);
        UserException e = assertThrows(UserException.class, () -> fetcher.fetch(entry, out));
        assertTrue(e.userMessage().startsWith("cannot download 'hamlet' from " + source.toUri() + ": "), e.userMessage());
        assertFalse(e.userMessage().contains("\n"));
        assertFalse(Files.exists(out));
    }

    private static List<String> filesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
