package lstm.nn;

import static lstm.linalg.Activations.sigmoid;
import static lstm.linalg.Activations.tanh;

import java.util.Arrays;
import lstm.linalg.Rng;

/**
 * Long short-term memory with a forget gate (Hochreiter and Schmidhuber 1997; forget gate by
 * Gers, Schmidhuber and Cummins 2000). Gate columns in the order i, f, g, o, as PyTorch's nn.LSTM:
 * <pre>
 *   i = σ(a_i)   f = σ(a_f)   g = tanh(a_g)   o = σ(a_o)       a = x·Wx + h[t-1]·Wh + b
 *   c[t] = f ⊙ c[t-1] + i ⊙ g
 *   h[t] = o ⊙ tanh(c[t])
 * </pre>
 * The forget-gate bias starts at 1 so that a fresh cell keeps its state by default.
 */
public final class LstmCell extends RecurrentLayer {
    // gate columns i f g o, each `hidden` wide; after forward, gatesIn holds their activations and
    // acts holds tanh(c), one `hidden`-wide row per position
    private static final int I = 0, F = 1, G = 2, O = 3;

    public LstmCell(String prefix, int inputSize, int hidden, boolean oneHotInput) {
        super(prefix, inputSize, hidden, 4, oneHotInput);
    }

    @Override
    public void initialize(Rng rng) {
        super.initialize(rng);
        Arrays.fill(bias.value, F * hidden, (F + 1) * hidden, 1f);
    }

    @Override
    protected int activationWidth() {
        return hidden;
    }

    @Override
    protected boolean hasCellState() {
        return true;
    }

    /** The backward step reads each gate's activation just before it writes that gate's gradient in its place. */
    @Override
    protected boolean backwardReadsGates() {
        return false;
    }

    @Override
    protected void forwardStep(LayerBuffers buf, int t, int from, int to) {
        int n = hidden, units = to - from;
        float[] gates = buf.gatesIn, cell = buf.cell, tanhC = buf.acts;
        for (int b = 0; b < buf.batch; b++) {
            int row = t * buf.batch + b;
            int a = row * gateWidth + from, act = row * n + from;
            int prev = t * buf.batch * n + b * n + from, next = prev + buf.batch * n;
            int i = a + I * n, f = a + F * n, g = a + G * n, o = a + O * n;
            // the gates' activations replace their pre-activations, which backward does not need
            sigmoid(gates, i, gates, i, units);
            sigmoid(gates, f, gates, f, units);
            tanh(gates, g, gates, g, units);
            sigmoid(gates, o, gates, o, units);
            for (int j = 0; j < units; j++) cell[next + j] = gates[f + j] * cell[prev + j] + gates[i + j] * gates[g + j];
            tanh(cell, next, tanhC, act, units);
            for (int j = 0; j < units; j++) buf.hidden[next + j] = gates[o + j] * tanhC[act + j];
        }
    }

    @Override
    protected void backwardStep(LayerBuffers buf, int t, int from, int to) {
        int n = hidden;
        for (int b = 0; b < buf.batch; b++) {
            int row = t * buf.batch + b;
            int da = row * gateWidth, act = row * n;
            int prev = t * buf.batch * n + b * n, next = prev + buf.batch * n, carry = b * n;
            for (int j = from; j < to; j++) {
                // forward left the activations in gatesIn; their gradients overwrite them (same array)
                float i = buf.gatesIn[da + I * n + j];
                float f = buf.gatesIn[da + F * n + j];
                float g = buf.gatesIn[da + G * n + j];
                float o = buf.gatesIn[da + O * n + j];
                float tanhC = buf.acts[act + j];
                float dh = buf.dHidden[next + j];
                float dc = buf.dCell[carry + j] + dh * o * (1f - tanhC * tanhC);
                buf.dGatesIn[da + I * n + j] = dc * g * i * (1f - i);
                buf.dGatesIn[da + F * n + j] = dc * buf.cell[prev + j] * f * (1f - f);
                buf.dGatesIn[da + G * n + j] = dc * i * (1f - g * g);
                buf.dGatesIn[da + O * n + j] = dh * tanhC * o * (1f - o);
                buf.dCell[carry + j] = dc * f;
            }
        }
    }
}
