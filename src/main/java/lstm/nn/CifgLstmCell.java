package lstm.nn;

import static lstm.linalg.Activations.sigmoid;
import static lstm.linalg.Activations.tanh;

import java.util.Arrays;
import lstm.linalg.Rng;

/**
 * LSTM with coupled input and forget gates, CIFG (Greff et al. 2017, "LSTM: A Search Space
 * Odyssey"): the cell lets in exactly as much as it forgets, i = 1 − f, so there are no
 * input-gate weights at all, three gate blocks in the order f, g, o:
 * <pre>
 *   f = σ(a_f)   g = tanh(a_g)   o = σ(a_o)       a = x·Wx + h[t-1]·Wh + b
 *   c[t] = f ⊙ c[t-1] + (1 − f) ⊙ g
 *   h[t] = o ⊙ tanh(c[t])
 * </pre>
 * A quarter fewer weights than {@link LstmCell}; Greff et al. found coupling the gates costs little
 * accuracy. The forget-gate bias starts at 1, as in LstmCell.
 */
public final class CifgLstmCell extends RecurrentLayer {
    // acts row: f g o tanh(c), each `hidden` wide; gate blocks f g o
    private static final int F = 0, G = 1, O = 2, TANH_C = 3;

    public CifgLstmCell(String prefix, int inputSize, int hidden, boolean oneHotInput) {
        super(prefix, inputSize, hidden, 3, oneHotInput);
    }

    @Override
    public void initialize(Rng rng) {
        super.initialize(rng);
        Arrays.fill(bias.value, F * hidden, (F + 1) * hidden, 1f);
    }

    @Override
    protected int activationWidth() {
        return 4 * hidden;
    }

    @Override
    protected boolean hasCellState() {
        return true;
    }

    @Override
    protected void forwardStep(LayerBuffers buf, int t, int from, int to) {
        int n = hidden, units = to - from;
        float[] gates = buf.gatesIn, acts = buf.acts, cell = buf.cell;
        for (int b = 0; b < buf.batch; b++) {
            int row = t * buf.batch + b;
            int a = row * gateWidth + from, act = row * 4 * n + from;
            int prev = t * buf.batch * n + b * n + from, next = prev + buf.batch * n;
            int f = act + F * n, g = act + G * n, o = act + O * n, tanhC = act + TANH_C * n;
            sigmoid(gates, a + F * n, acts, f, units);
            tanh(gates, a + G * n, acts, g, units);
            sigmoid(gates, a + O * n, acts, o, units);
            for (int j = 0; j < units; j++) cell[next + j] = acts[f + j] * cell[prev + j] + (1f - acts[f + j]) * acts[g + j];
            tanh(cell, next, acts, tanhC, units);
            for (int j = 0; j < units; j++) buf.hidden[next + j] = acts[o + j] * acts[tanhC + j];
        }
    }

    @Override
    protected void backwardStep(LayerBuffers buf, int t, int from, int to) {
        int n = hidden;
        for (int b = 0; b < buf.batch; b++) {
            int row = t * buf.batch + b;
            int da = row * gateWidth, act = row * 4 * n;
            int prev = t * buf.batch * n + b * n, next = prev + buf.batch * n, carry = b * n;
            for (int j = from; j < to; j++) {
                float f = buf.acts[act + F * n + j];
                float g = buf.acts[act + G * n + j];
                float o = buf.acts[act + O * n + j];
                float tanhC = buf.acts[act + TANH_C * n + j];
                float dh = buf.dHidden[next + j];
                float dc = buf.dCell[carry + j] + dh * o * (1f - tanhC * tanhC);
                buf.dGatesIn[da + F * n + j] = dc * (buf.cell[prev + j] - g) * f * (1f - f);
                buf.dGatesIn[da + G * n + j] = dc * (1f - f) * (1f - g * g);
                buf.dGatesIn[da + O * n + j] = dh * tanhC * o * (1f - o);
                buf.dCell[carry + j] = dc * f;
            }
        }
    }
}
