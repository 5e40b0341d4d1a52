package lstm.train;

import java.util.Arrays;
import lstm.linalg.Rng;
import lstm.nn.GradientFlow;
import lstm.nn.Network;

/**
 * The vanishing gradient of a model on a text: {@link GradientFlow} norms ‖∂L_t/∂h_l[t−k]‖ for
 * k = 1..K, averaged over many positions t of the text. Positions are drawn one from each of
 * {@code count} equal stretches of the text (a random place within each, from the seed), so they
 * cover the whole text. Before its K steps of history, each position reads at most
 * {@code warmup} earlier tokens, one at a time, to set up the recurrent state; a shorter warm-up
 * keeps the measurement fast at the price of a state that knows less of the past.
 */
public final class GradientReport {
    public static final int DEFAULT_MAX_LAG = 50;
    public static final int DEFAULT_POSITIONS = 100;
    public static final int DEFAULT_WARMUP = 200;

    private GradientReport() {}

    /**
     * Mean norms over the measured positions: {@code meanNorms[l][k − 1]} for layer l and
     * k = 1..maxLag.
     */
    public record Result(int maxLag, int positions, int warmup, double[][] meanNorms) {
        public int layers() {
            return meanNorms.length;
        }

        /** g(K) / g(1) of a layer: how much of the one-step gradient is left K steps back. */
        public double ratio(int layer) {
            return meanNorms[layer][maxLag - 1] / meanNorms[layer][0];
        }
    }

    /** The number of positions that have {@code maxLag} tokens of history and a next token. */
    public static int measurablePositions(int tokens, int maxLag) {
        return Math.max(0, tokens - 1 - maxLag);
    }

    /**
     * Measures at up to {@code count} positions (every measurable one when the text has fewer).
     * Clears every parameter's gradient.
     */
    public static Result measure(Network net, int[] tokens, int maxLag, int count, int warmup, long seed) {
        if (count < 1 || warmup < 0) throw new IllegalArgumentException("need count ≥ 1 and warmup ≥ 0, got " + count + ", " + warmup);
        int[] positions = positions(tokens.length, maxLag, count, seed);
        double[][] sums = new double[net.config.layers()][maxLag];
        for (int t : positions) {
            int from = Math.max(0, t - maxLag - warmup);
            int[] window = Arrays.copyOfRange(tokens, from, t + 2);
            double[][] norms = GradientFlow.norms(net, window, t - from, maxLag);
            for (int l = 0; l < sums.length; l++) {
                for (int k = 0; k < maxLag; k++) sums[l][k] += norms[l][k];
            }
        }
        for (double[] layer : sums) {
            for (int k = 0; k < maxLag; k++) layer[k] /= positions.length;
        }
        return new Result(maxLag, positions.length, warmup, sums);
    }

    /**
     * Positions t in maxLag .. tokens − 2, sorted: one random place in each of {@code count}
     * equal stretches of that range, or every position when there are no more than {@code count}.
     */
    static int[] positions(int tokens, int maxLag, int count, long seed) {
        int available = measurablePositions(tokens, maxLag);
        if (maxLag < 1 || available < 1) {
            throw new IllegalArgumentException("a text of " + tokens + " tokens has no position with " + maxLag + " tokens of history");
        }
        int n = Math.min(count, available);
        int[] positions = new int[n];
        Rng rng = new Rng(seed);
        for (int i = 0; i < n; i++) {
            long start = (long) i * available / n, end = (long) (i + 1) * available / n;
            positions[i] = maxLag + (int) (start + rng.nextInt((int) (end - start)));
        }
        return positions;
    }
}
