package lstm.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The shipped corpus corpora/tiny-plays.txt is exactly what corpora/TinyPlays.java writes. */
class TinyPlaysCorpusTest {
    private static final Path GENERATOR = Path.of("corpora/TinyPlays.java");
    private static final Path CORPUS = Path.of("corpora/tiny-plays.txt");

    @Test
    void generatorReproducesTheCommittedCorpusByteForByte() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), GENERATOR.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        byte[] generated;
        try (InputStream in = process.getInputStream()) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            in.transferTo(buffer);
            generated = buffer.toByteArray();
        }
        assertEquals(0, process.waitFor(), "java " + GENERATOR + " failed");
        byte[] committed = Files.readAllBytes(CORPUS);
        assertEquals(sha256(committed), sha256(generated),
                "regenerate with: java " + GENERATOR + " > " + CORPUS);
        assertEquals(committed.length, generated.length);
    }

    @Test
    void corpusIsAsciiPlayScriptOfTheAdvertisedSize() throws IOException {
        String text = Files.readString(CORPUS);
        assertTrue(text.length() >= 300_000 && text.length() <= 600_000, "size " + text.length());
        assertTrue(text.chars().allMatch(c -> c == '\n' || (c >= 32 && c < 127)), "printable ASCII and LF only");
        assertTrue(text.startsWith("THE "), "starts with a play title");
        // every speech starts with a speaker label in capitals on a line of its own
        long labels = text.lines().filter(l -> l.matches("[A-Z][A-Z ]*:")).count();
        assertTrue(labels > 3000, "speeches: " + labels);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
