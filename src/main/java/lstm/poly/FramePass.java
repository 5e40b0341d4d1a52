package lstm.poly;

import lstm.linalg.Rng;

/**
 * One block of {@code batch} rows × {@code steps} time steps for a frame model, with the
 * network's buffers for it. Row b holds {@code length[b]} steps of a piece from step
 * {@code start[b]}: step t predicts frame start + t from the frames before it (the input at
 * step t is frame start + t − 1, silence before the first frame). Rows past their length are
 * padding and count for nothing.
 */
public abstract class FramePass {
    public final int steps;
    public final int batch;
    private final Piece[] piece;
    private final int[] start;
    private final int[] length;

    protected FramePass(int steps, int batch) {
        this.steps = steps;
        this.batch = batch;
        this.piece = new Piece[batch];
        this.start = new int[batch];
        this.length = new int[batch];
    }

    /** Makes every row padding. */
    public void clear() {
        java.util.Arrays.fill(piece, null);
        java.util.Arrays.fill(length, 0);
    }

    public void set(int row, Piece p, int from, int count) {
        if (count > steps || from + count > p.steps()) throw new IllegalArgumentException("segment does not fit");
        piece[row] = p;
        start[row] = from;
        length[row] = count;
    }

    /** Steps with a frame to predict. */
    public int realSteps() {
        int n = 0;
        for (int len : length) n += len;
        return n;
    }

    protected boolean real(int b, int t) {
        return t < length[b];
    }

    /** Step t's position in the piece (for the position in the bar). */
    protected int position(int b, int t) {
        return start[b] + t;
    }

    protected boolean target(int b, int t, int key) {
        return t < length[b] && piece[b].play()[start[b] + t][key];
    }

    protected boolean targetArticulated(int b, int t, int key) {
        return t < length[b] && piece[b].articulate()[start[b] + t][key];
    }

    /** The frame before step t (what the model saw last), or null for silence. */
    protected boolean[] previousPlay(int b, int t) {
        int at = start[b] + t - 1;
        return t < length[b] && at >= 0 ? piece[b].play()[at] : null;
    }

    protected boolean[] previousArticulated(int b, int t) {
        int at = start[b] + t - 1;
        return t < length[b] && at >= 0 ? piece[b].articulate()[at] : null;
    }

    /** Sum over real steps of −log p(frame) in nats; dropout when rng is not null. */
    public abstract double forward(Rng dropoutRng);

    /**
     * What training minimises for the last forward, summed in nats: the frame NLL, plus for the
     * biaxial model the articulation NLL of the keys that play.
     */
    public abstract double trainingNats();

    /** Adds the gradient of {@link #trainingNats} / realSteps to every parameter's grad. */
    public abstract void backward();

    /** After {@link #forward}: the probability that key k plays at step t of row b. */
    public abstract double playProbability(int b, int t, int key);

    /** Next forward starts every row from a zero state. */
    public abstract void resetState();

    /** Next forward continues every row from where the last one ended. */
    public abstract void carryState();

    /** −log p for a binary outcome with logit z, stable for large |z|. */
    static double bceNats(double z, boolean y) {
        // -log σ(z) = softplus(-z);  -log(1-σ(z)) = softplus(z)
        return y ? softplus(-z) : softplus(z);
    }

    static double softplus(double x) {
        return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}
