package lstm.nn;

/** Softmax cross-entropy over one row of logits, computed stably (max subtracted). */
public final class Softmax {
    private Softmax() {}

    /** −log softmax(row)[target], in nats. */
    public static double crossEntropy(float[] logits, int offset, int n, int target) {
        float max = Float.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) max = Math.max(max, logits[offset + j]);
        double sum = 0;
        for (int j = 0; j < n; j++) sum += Math.exp(logits[offset + j] - max);
        return Math.log(sum) - (logits[offset + target] - max);
    }

    /** Overwrites the row with scale · (softmax − onehot(target)); zeros it when target < 0. */
    public static void gradient(float[] logits, int offset, int n, int target, float scale) {
        if (target < 0) {
            java.util.Arrays.fill(logits, offset, offset + n, 0f);
            return;
        }
        probabilities(logits, offset, n, 1f);
        for (int j = 0; j < n; j++) logits[offset + j] *= scale;
        logits[offset + target] -= scale;
    }

    /** Overwrites the row with softmax(row / temperature). */
    public static void probabilities(float[] logits, int offset, int n, float temperature) {
        float max = Float.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) max = Math.max(max, logits[offset + j]);
        float sum = 0f;
        for (int j = 0; j < n; j++) {
            float e = (float) Math.exp((logits[offset + j] - max) / temperature);
            logits[offset + j] = e;
            sum += e;
        }
        float inv = 1f / sum;
        for (int j = 0; j < n; j++) logits[offset + j] *= inv;
    }
}
