package lstm.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import lstm.io.UserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextReaderTest {
    private final TextReader reader = new TextReader(false);

    private static int[] cps(String s) {
        return s.codePoints().toArray();
    }

    @Test
    void dropsBomAndReadsCrlfAsLf() {
        byte[] bytes = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a', '\r', '\n', 'b', '\r', 'c'};
        assertArrayEquals(cps("a\nb\rc"), reader.decode("x", bytes).codePoints());
        assertArrayEquals(cps("a\r\nb\rc"), new TextReader(true).decode("x", bytes).codePoints());
    }

    @Test
    void astralCharacterIsOneSymbol() {
        String text = "詩𧽼。";
        int[] got = reader.decode("x", text.getBytes(StandardCharsets.UTF_8)).codePoints();
        assertEquals(3, got.length);
        assertEquals(0x27F7C, got[1]);
    }

    @Test
    void invalidUtf8NamesFileAndOffset() {
        byte[] bytes = {'a', 'b', 'c', (byte) 0xC3, 'x'};
        UserException e = assertThrows(UserException.class, () -> reader.decode("bad.txt", bytes));
        assertEquals("bad.txt is not valid UTF-8 at byte offset 3", e.getMessage());
        byte[] afterBom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a', (byte) 0xFF};
        assertTrue(assertThrows(UserException.class, () -> reader.decode("b", afterBom)).getMessage().endsWith("offset 4"));
    }

    @Test
    void foldersAreReadRecursivelyInSortedOrderSkippingHidden(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("b/c"));
        Files.createDirectories(dir.resolve(".git"));
        Files.writeString(dir.resolve("b/c/z.txt"), "3");
        Files.writeString(dir.resolve("b/a.txt"), "2");
        Files.writeString(dir.resolve("a.txt"), "1");
        Files.writeString(dir.resolve(".hidden"), "no");
        Files.writeString(dir.resolve(".git/config"), "no");
        List<Document> docs = reader.read(List.of(dir.toString()), java.io.InputStream.nullInputStream());
        assertEquals(List.of("1", "2", "3"), docs.stream().map(d -> new String(d.codePoints(), 0, 1)).toList());
    }

    @Test
    void dashReadsStandardInput() {
        List<Document> docs = reader.read(List.of("-"), new ByteArrayInputStream("héllo".getBytes(StandardCharsets.UTF_8)));
        assertArrayEquals(cps("héllo"), docs.get(0).codePoints());
    }

    @Test
    void missingFileIsAUserError() {
        UserException e = assertThrows(UserException.class, () -> reader.read(List.of("/no/such/file.txt"), java.io.InputStream.nullInputStream()));
        assertEquals("no such file: /no/such/file.txt (check the path)", e.userMessage());
    }

    @Test
    void vocabularyListsUnknownCharacters() {
        Vocabulary v = new Vocabulary(cps("abc"));
        assertArrayEquals(new int[] {0, 2, 1}, v.encode(cps("acb")));
        Vocabulary.UnknownCharactersException e = assertThrows(Vocabulary.UnknownCharactersException.class, () -> v.encode(cps("axy\n")));
        assertEquals("U+000A, 'x', 'y'", e.getMessage());
    }
}
