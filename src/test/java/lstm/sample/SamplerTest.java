package lstm.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SamplerTest {
    // softmax of these: token 3 most likely, then 1, then 0, 2, 4 least
    private static final float[] LOGITS = {1.0f, 2.0f, 0.5f, 3.0f, -1.0f};

    private static Set<Integer> drawn(Sampler s, int n) {
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < n; i++) seen.add(s.pick(LOGITS, 0));
        return seen;
    }

    @Test
    void temperatureZeroIsArgmax() {
        assertEquals(Set.of(3), drawn(new Sampler(5, 0f, 0, 1f, 1), 50));
    }

    @Test
    void topKNeverEmitsAnExcludedToken() {
        assertEquals(Set.of(3, 1), drawn(new Sampler(5, 2f, 2, 1f, 1), 5000));
    }

    @Test
    void topPKeepsTheSmallestNucleus() {
        // probabilities ≈ 0.084, 0.229, 0.051, 0.624, 0.011: 0.624 < 0.8 ≤ 0.624 + 0.229
        assertEquals(Set.of(3, 1), drawn(new Sampler(5, 1f, 0, 0.8f, 1), 5000));
        assertEquals(Set.of(3), drawn(new Sampler(5, 1f, 0, 0.5f, 1), 2000));
    }

    @Test
    void withoutTruncationEveryTokenAppearsInProportion() {
        Sampler s = new Sampler(5, 1f, 0, 1f, 7);
        int[] counts = new int[5];
        for (int i = 0; i < 100_000; i++) counts[s.pick(LOGITS, 0)]++;
        assertEquals(0.6236, counts[3] / 100_000.0, 0.01);
        assertTrue(counts[4] > 0);
    }

    @Test
    void sameSeedSameDraws() {
        Sampler a = new Sampler(5, 1f, 0, 0.95f, 9), b = new Sampler(5, 1f, 0, 0.95f, 9);
        for (int i = 0; i < 1000; i++) assertEquals(a.pick(LOGITS, 0), b.pick(LOGITS, 0));
    }
}
