package lstm.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import lstm.music.NoteSequence;
import org.junit.jupiter.api.Test;

class SetComparisonTest {
    private static List<SetComparison.Item> items(String prefix, List<NoteSequence> pieces) {
        List<SetComparison.Item> items = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            items.add(new SetComparison.Item(prefix + i, MusicStats.of(prefix + i, pieces.get(i), 0.5)));
        }
        return items;
    }

    private static List<NoteSequence> tonal(long seed, int count) {
        Random r = new Random(seed);
        List<NoteSequence> out = new ArrayList<>();
        for (int i = 0; i < count; i++) out.add(StatsMidi.tonalMelody(r, 40 + r.nextInt(60)));
        return out;
    }

    private static List<NoteSequence> random(long seed, int count) {
        Random r = new Random(seed);
        List<NoteSequence> out = new ArrayList<>();
        for (int i = 0; i < count; i++) out.add(StatsMidi.randomNotes(r, 40 + r.nextInt(60)));
        return out;
    }

    @Test
    void aSetComparedWithItselfOverlapsCompletely() {
        List<SetComparison.Item> set = items("tune", tonal(1, 12));
        SetComparison c = SetComparison.compare(set, set);
        assertEquals(Feature.values().length, c.results().size());
        for (SetComparison.Result r : c.results()) {
            assertEquals(66, r.intraPairs(), "12 pieces: 66 pairs");
            assertEquals(66, r.interPairs(), "no piece is paired with itself, and each pair counts once");
            assertEquals(1.0, r.overlap(), 1e-4, r.feature().key);
            assertEquals(0.0, r.kl(), 1e-12, r.feature().key);
        }
        assertEquals("close", c.verdict());
        assertTrue(c.summary().startsWith("samples are close to the reference"), c.summary());
    }

    @Test
    void tunesAreCloseToOtherTunesAndFarFromRandomNotes() {
        List<SetComparison.Item> reference = items("ref", tonal(1, 30));
        SetComparison alike = SetComparison.compare(reference, items("other", tonal(2, 30)));
        SetComparison noise = SetComparison.compare(reference, items("noise", random(3, 30)));
        assertEquals("close", alike.verdict(), alike.summary());
        assertEquals("far", noise.verdict(), noise.summary());
        assertTrue(alike.meanOverlap() > noise.meanOverlap() + 0.3, alike.meanOverlap() + " vs " + noise.meanOverlap());
        assertTrue(alike.meanKl() < noise.meanKl(), alike.meanKl() + " vs " + noise.meanKl());
    }

    @Test
    void aRealCorpusMatchesItselfAndNotRandomNotes() throws IOException {
        assumeTrue(Files.isDirectory(StatsMidi.NOTTINGHAM), "needs ../shared/corpora/midi/nottingham_melody");
        List<Path> files;
        try (Stream<Path> s = Files.list(StatsMidi.NOTTINGHAM)) {
            files = s.filter(p -> p.toString().endsWith(".mid")).sorted().toList();
        }
        List<Path> a = new ArrayList<>(), b = new ArrayList<>();
        for (int i = 0; i < files.size(); i += 10) (i / 10 % 2 == 0 ? a : b).add(files.get(i));
        List<SetComparison.Item> first = fromMidi(a), second = fromMidi(b);
        SetComparison halves = SetComparison.compare(first, second);
        SetComparison noise = SetComparison.compare(first, items("noise", random(3, 40)));
        assertEquals("close", halves.verdict(), halves.summary());
        assertTrue(halves.meanOverlap() > 0.85, halves.summary());
        assertEquals("far", noise.verdict(), noise.summary());
        assertTrue(noise.meanOverlap() < 0.5, noise.summary());
        assertEquals(1.0, SetComparison.compare(first, first).meanOverlap(), 1e-4);
    }

    private static List<SetComparison.Item> fromMidi(List<Path> files) {
        MidiSet set = MidiSet.read(files);
        List<SetComparison.Item> items = new ArrayList<>();
        for (MidiSet.Piece p : set.pieces()) items.add(new SetComparison.Item(p.path(), MusicStats.of(p.path().toString(), p.notes(), p.beatSeconds())));
        return items;
    }

    @Test
    void aReferenceOfOnePieceHasNoIntraSetDistances() {
        List<SetComparison.Item> one = items("solo", tonal(1, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SetComparison.compare(one, items("x", tonal(2, 3))));
        assertEquals("the reference needs at least 2 pieces to have intra-set distances, got 1", e.getMessage());
    }

    @Test
    void kdeUsesScottsBandwidthAndIntegratesToOne() {
        Kde k = new Kde(new double[] {1, 2, 3, 4, 5}, 0);
        // scipy.stats.gaussian_kde([1,2,3,4,5]): factor 5^(-1/5), sample sd sqrt(2.5)
        assertEquals(Math.sqrt(2.5) * Math.pow(5, -0.2), k.bandwidth(), 1e-12);
        double[] grid = Kde.grid(k);
        double[] binned = k.densities(grid);
        double area = 0;
        for (int i = 0; i < grid.length; i++) {
            assertEquals(k.density(grid[i]), binned[i], 1e-3, "linear binning stays close to the exact density at " + grid[i]);
        }
        double[] exact = new double[grid.length];
        for (int i = 0; i < grid.length; i++) exact[i] = k.density(grid[i]);
        assertEquals(1.0, Kde.overlap(grid, exact, exact), 1e-5, "∫ min(p, p) = ∫ p = 1");
        Kde far = new Kde(new double[] {100, 101, 102}, 0);
        double[] both = Kde.grid(k, far);
        assertEquals(0.0, Kde.overlap(both, k.densities(both), far.densities(both)), 1e-6);
        assertEquals(0.0, Kde.kl(exact, exact), 1e-15);
        assertTrue(Kde.kl(k.densities(both), far.densities(both)) > 10);
    }
}
