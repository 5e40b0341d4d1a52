package lstm.train;

/**
 * Cuts the training stream into {@code batch} contiguous streams and serves chunks of
 * {@code steps} positions from each, time-major, so that the hidden state carried from one
 * chunk to the next continues the same text. The cursor is the chunk index within the epoch.
 */
public final class Batcher {
    private final int[] tokens;
    private final int steps;
    private final int batch;
    private final int streamLength;
    public final int chunksPerEpoch;

    public Batcher(int[] tokens, int steps, int batch) {
        this.tokens = tokens;
        this.steps = steps;
        this.batch = batch;
        this.streamLength = (tokens.length - 1) / batch;
        this.chunksPerEpoch = streamLength / steps;
        if (chunksPerEpoch < 1) {
            throw new IllegalArgumentException("the training text has " + tokens.length + " tokens, fewer than batch size × sequence length + 1 = "
                    + ((long) batch * steps + 1));
        }
    }

    /** Fills inputs and targets (length steps·batch) with chunk {@code cursor}. */
    public void fill(int cursor, int[] inputs, int[] targets) {
        for (int b = 0; b < batch; b++) {
            int start = b * streamLength + cursor * steps;
            for (int t = 0; t < steps; t++) {
                inputs[t * batch + b] = tokens[start + t];
                targets[t * batch + b] = tokens[start + t + 1];
            }
        }
    }
}
