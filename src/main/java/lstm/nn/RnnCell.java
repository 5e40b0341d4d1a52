package lstm.nn;

import static lstm.linalg.Activations.tanh;

/**
 * The plain recurrent cell of Elman ("Finding Structure in Time", 1990) with a tanh unit:
 * <pre>
 *   h[t] = tanh(x·Wx + h[t-1]·Wh + b)
 * </pre>
 * The baseline the gated cells are measured against: its gradient through time shrinks
 * geometrically (see {@link GradientFlow}).
 */
public final class RnnCell extends RecurrentLayer {

    public RnnCell(String prefix, int inputSize, int hidden, boolean oneHotInput) {
        super(prefix, inputSize, hidden, 1, oneHotInput);
    }

    /** Nothing to save: backward reads h[t] itself. */
    @Override
    protected int activationWidth() {
        return 0;
    }

    @Override
    protected boolean hasCellState() {
        return false;
    }

    @Override
    protected void forwardStep(LayerBuffers buf, int t, int from, int to) {
        int n = hidden;
        for (int b = 0; b < buf.batch; b++) {
            int a = (t * buf.batch + b) * gateWidth + from;
            int next = (t + 1) * buf.batch * n + b * n + from;
            tanh(buf.gatesIn, a, buf.hidden, next, to - from);
        }
    }

    @Override
    protected void backwardStep(LayerBuffers buf, int t, int from, int to) {
        int n = hidden;
        for (int b = 0; b < buf.batch; b++) {
            int da = (t * buf.batch + b) * gateWidth;
            int next = (t + 1) * buf.batch * n + b * n;
            for (int j = from; j < to; j++) {
                float h = buf.hidden[next + j];
                buf.dGatesIn[da + j] = buf.dHidden[next + j] * (1f - h * h);
            }
        }
    }
}
