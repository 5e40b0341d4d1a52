package lstm.poly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shared JSB Chorales split reads as SOURCES.md describes it; skipped when ../shared is absent. */
class JsbCorpusTest {
    static final Path JSB = Path.of("..", "shared", "corpora", "jsb");

    @Test
    void trainAndValidHaveTheBenchmarkPiecesAndSteps() {
        assumeTrue(Files.isRegularFile(JSB.resolve("train.csv")) && Files.isRegularFile(JSB.resolve("valid.csv")),
                "no shared corpora at " + JSB.toAbsolutePath());
        List<Piece> train = FrameSource.read(List.of(JSB.resolve("train.csv").toString()));
        List<Piece> valid = FrameSource.read(List.of(JSB.resolve("valid.csv").toString()));
        assertEquals(229, train.size());
        assertEquals(76, valid.size());
        assertEquals(13_807, train.stream().mapToInt(Piece::steps).sum());
        assertEquals(4_602, valid.stream().mapToInt(Piece::steps).sum());
    }
}
