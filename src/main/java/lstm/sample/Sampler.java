package lstm.sample;

import java.util.Arrays;
import lstm.linalg.Rng;
import lstm.nn.Softmax;

/**
 * Picks the next token from a row of logits: temperature (0 = argmax), then top-k and top-p
 * (nucleus) truncation, then a draw. Buffers are sized once for the vocabulary; picking
 * allocates nothing.
 */
public final class Sampler {
    private final float temperature;
    private final int topK;
    private final float topP;
    private final Rng rng;
    private final float[] probs;
    /** Probability bits (high word) and token id (low word), so one primitive sort orders both. */
    private final long[] ranked;

    /**
     * @param topK keep only the k most likely tokens (0 = all)
     * @param topP keep the smallest set of most likely tokens whose mass reaches p (1 = all)
     */
    public Sampler(int vocabSize, float temperature, int topK, float topP, long seed) {
        if (temperature < 0) throw new IllegalArgumentException("temperature must not be negative");
        if (topK < 0) throw new IllegalArgumentException("top-k must not be negative");
        if (!(topP > 0 && topP <= 1)) throw new IllegalArgumentException("top-p must be in (0, 1]");
        this.temperature = temperature;
        this.topK = topK;
        this.topP = topP;
        this.rng = new Rng(seed);
        this.probs = new float[vocabSize];
        this.ranked = new long[vocabSize];
    }

    public int pick(float[] logits, int offset) {
        int n = probs.length;
        if (temperature == 0f) {
            int best = 0;
            for (int j = 1; j < n; j++) if (logits[offset + j] > logits[offset + best]) best = j;
            return best;
        }
        System.arraycopy(logits, offset, probs, 0, n);
        Softmax.probabilities(probs, 0, n, temperature);
        if (topK == 0 && topP >= 1f) return draw(n);
        for (int j = 0; j < n; j++) ranked[j] = ((long) Float.floatToIntBits(probs[j]) << 32) | (n - 1 - j);
        Arrays.sort(ranked);   // ascending: most likely last; ties favour the lower id
        int keep = topK == 0 ? n : Math.min(topK, n);
        float mass = 0f;
        int kept = 0;
        for (int r = n - 1; r >= n - keep; r--) {
            mass += Float.intBitsToFloat((int) (ranked[r] >>> 32));
            kept++;
            if (mass >= topP) break;
        }
        Arrays.fill(probs, 0f);
        for (int r = n - 1; r >= n - kept; r--) {
            int id = n - 1 - (int) (ranked[r] & 0xFFFFFFFFL);
            probs[id] = Float.intBitsToFloat((int) (ranked[r] >>> 32));
        }
        return draw(n);
    }

    /** Draws from probs (which need not sum to 1). */
    private int draw(int n) {
        float total = 0f;
        for (int j = 0; j < n; j++) total += probs[j];
        float u = rng.nextFloat() * total;
        int last = 0;
        for (int j = 0; j < n; j++) {
            if (probs[j] <= 0f) continue;
            last = j;
            u -= probs[j];
            if (u < 0f) return j;
        }
        return last;   // rounding left a sliver: the last token with any mass
    }
}
