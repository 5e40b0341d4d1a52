package lstm.nn;

import static lstm.linalg.Activations.sigmoid;
import static lstm.linalg.Activations.tanh;

import java.util.Arrays;
import java.util.List;
import lstm.linalg.Rng;

/**
 * Gated recurrent unit (Cho et al. 2014, "Learning Phrase Representations using RNN
 * Encoder-Decoder for Statistical Machine Translation") in the form cuDNN and PyTorch's nn.GRU
 * compute. Gate columns in the order r, z, n:
 * <pre>
 *   r = σ(x·Wx_r + b_r + h[t-1]·Wh_r)
 *   z = σ(x·Wx_z + b_z + h[t-1]·Wh_z)
 *   n = tanh(x·Wx_n + b_n + r ⊙ (h[t-1]·Wh_n + b_hn))
 *   h[t] = (1 − z) ⊙ n + z ⊙ h[t-1]
 * </pre>
 * Cho et al. reset the state before the product, n = tanh(x·W_n + (r ⊙ h[t-1])·U_n); that
 * product waits for r, itself the result of a product of the same step, so each step would need
 * two recurrent products. Resetting after the product keeps one fused product h[t-1]·Wh for all
 * three gates per step, at the price of keeping it apart from the input product
 * ({@link #separateRecurrentGates}) and of a recurrent bias b_hn ({@code PREFIX.bias_hn}) inside the
 * reset. Recurrent biases of r and z would only repeat b_r and b_z, so there are none (to load
 * PyTorch weights, add its b_hr and b_hz to b_r and b_z).
 */
public final class GruCell extends RecurrentLayer {
    // gate blocks r z n; acts row: r z n hn, each `hidden` wide, where hn = h[t-1]·Wh_n + b_hn
    private static final int R = 0, Z = 1, N = 2, HN = 3;

    public final Param biasHn;

    public GruCell(String prefix, int inputSize, int hidden, boolean oneHotInput) {
        super(prefix, inputSize, hidden, 3, oneHotInput);
        biasHn = new Param(prefix + ".bias_hn", hidden);
    }

    @Override
    public void initialize(Rng rng) {
        super.initialize(rng);
        Arrays.fill(biasHn.value, 0f);
    }

    @Override
    protected boolean separateRecurrentGates() {
        return true;
    }

    @Override
    protected List<Param> extraParams() {
        return List.of(biasHn);
    }

    @Override
    protected int activationWidth() {
        return 4 * hidden;
    }

    @Override
    protected boolean hasCellState() {
        return false;
    }

    @Override
    protected void forwardStep(LayerBuffers buf, int t, int from, int to) {
        int n = hidden, units = to - from;
        float[] in = buf.gatesIn, rec = buf.gatesRec, acts = buf.acts, bhn = biasHn.value;
        for (int b = 0; b < buf.batch; b++) {
            int row = t * buf.batch + b;
            int a = row * gateWidth + from, act = row * 4 * n + from;
            int prev = t * buf.batch * n + b * n + from, next = prev + buf.batch * n;
            int r = act + R * n, z = act + Z * n, cand = act + N * n, hn = act + HN * n;
            for (int j = 0; j < units; j++) {
                acts[r + j] = in[a + R * n + j] + rec[a + R * n + j];
                acts[z + j] = in[a + Z * n + j] + rec[a + Z * n + j];
                acts[hn + j] = rec[a + N * n + j] + bhn[from + j];
            }
            sigmoid(acts, r, acts, r, units);
            sigmoid(acts, z, acts, z, units);
            for (int j = 0; j < units; j++) acts[cand + j] = in[a + N * n + j] + acts[r + j] * acts[hn + j];
            tanh(acts, cand, acts, cand, units);
            for (int j = 0; j < units; j++) {
                buf.hidden[next + j] = (1f - acts[z + j]) * acts[cand + j] + acts[z + j] * buf.hidden[prev + j];
            }
        }
    }

    @Override
    protected void backwardStep(LayerBuffers buf, int t, int from, int to) {
        int n = hidden;
        for (int b = 0; b < buf.batch; b++) {
            int row = t * buf.batch + b;
            int da = row * gateWidth, act = row * 4 * n;
            int prev = t * buf.batch * n + b * n, next = prev + buf.batch * n;
            for (int j = from; j < to; j++) {
                float r = buf.acts[act + R * n + j];
                float z = buf.acts[act + Z * n + j];
                float cand = buf.acts[act + N * n + j];
                float hn = buf.acts[act + HN * n + j];
                float dh = buf.dHidden[next + j];
                float daN = dh * (1f - z) * (1f - cand * cand);
                float daZ = dh * (buf.hidden[prev + j] - cand) * z * (1f - z);
                float daR = daN * hn * r * (1f - r);
                buf.dGatesIn[da + R * n + j] = daR;
                buf.dGatesRec[da + R * n + j] = daR;
                buf.dGatesIn[da + Z * n + j] = daZ;
                buf.dGatesRec[da + Z * n + j] = daZ;
                buf.dGatesIn[da + N * n + j] = daN;
                buf.dGatesRec[da + N * n + j] = daN * r;
                biasHn.grad[j] += daN * r;
                buf.dHidden[prev + j] += dh * z;   // h[t-1] also reaches h[t] directly, through z
            }
        }
    }
}
