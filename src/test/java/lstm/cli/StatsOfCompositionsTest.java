package lstm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import lstm.io.Json;
import lstm.stats.StatsMidi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The test of the comparison: a trained model's compositions score nearer its training music than random notes do. */
class StatsOfCompositionsTest {
    @TempDir
    Path tmp;

    @Test
    void compositionsOfATrainedModelAreNearerTheirMusicThanRandomNotes() throws Exception {
        Random random = new Random(5);
        Path tunes = tmp.resolve("tunes"), gen = tmp.resolve("gen"), noise = tmp.resolve("noise");
        for (int i = 0; i < 16; i++) StatsMidi.write(tunes.resolve("tune" + i + ".mid"), StatsMidi.tonalMelody(random, 64), 120);
        for (int i = 0; i < 8; i++) StatsMidi.write(noise.resolve("noise" + i + ".mid"), StatsMidi.randomNotes(random, 40), 120);
        java.nio.file.Files.createDirectories(gen);
        Path model = tmp.resolve("tunes.lstm");
        CliRun train = CliRun.run("train", tunes.toString(), "-o", model.toString(), "--hidden", "64", "--layers", "1", "--no-velocity",
                "--batch-size", "8", "--seq-length", "48", "--steps", "300", "--lr", "0.01", "--eval-every", "300", "--threads", "1");
        assertEquals(0, train.code(), train.err());
        for (int seed = 1; seed <= 8; seed++) {
            CliRun c = CliRun.run("compose", model.toString(), "-o", gen.resolve("gen" + seed + ".mid").toString(), "--seconds", "12",
                    "--seed", "" + seed, "--max-hold", "1s");
            assertEquals(0, c.code(), c.err());
        }
        Map<String, Object> compositions = compare(tunes, gen), randomNotes = compare(tunes, noise);
        double composed = ((Number) compositions.get("mean_overlap")).doubleValue();
        double random0 = ((Number) randomNotes.get("mean_overlap")).doubleValue();
        assertEquals("far", randomNotes.get("verdict"), randomNotes.get("summary").toString());
        assertTrue(composed > random0 + 0.15, "compositions " + compositions.get("summary") + "; random notes " + randomNotes.get("summary"));
    }

    private static Map<String, Object> compare(Path reference, Path samples) throws Exception {
        CliRun r = CliRun.run("stats", "--compare", reference.toString(), samples.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        return Json.readObject(r.text());
    }
}
