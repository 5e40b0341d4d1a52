package lstm.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shared public corpora read as SOURCES.md describes them (skipped where ../shared is absent). */
class SharedCorporaTest {
    private static Path shared(String name) {
        Path p = Path.of("..", "shared", "corpora", "text", name);
        assumeTrue(Files.isRegularFile(p), "needs " + p);
        return p;
    }

    @Test
    void tangPoemsHaveAstralCharactersAsSingleSymbols() {
        Document doc = new TextReader(false).readFile(shared("tang_poems.txt"));
        assertEquals(853_293, doc.codePoints().length);
        Vocabulary vocab = Vocabulary.of(List.of(doc));
        assertEquals(6_114, vocab.size());
        long astral = java.util.Arrays.stream(vocab.codePoints()).filter(cp -> cp > 0xFFFF).count();
        assertEquals(30, astral);
    }

    @Test
    void tinyShakespeareHas65Symbols() {
        Document doc = new TextReader(false).readFile(shared("tinyshakespeare.txt"));
        assertEquals(1_115_394, doc.codePoints().length);
        assertEquals(65, Vocabulary.of(List.of(doc)).size());
    }
}
