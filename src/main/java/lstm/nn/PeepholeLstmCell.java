package lstm.nn;

import static lstm.linalg.Activations.sigmoid;
import static lstm.linalg.Activations.tanh;

import java.util.Arrays;
import java.util.List;
import lstm.linalg.Rng;

/**
 * LSTM with peephole connections (Gers and Schmidhuber 2000, "Recurrent Nets that Time and
 * Count"): the gates also look at the cell state through diagonal weights p_i, p_f, p_o
 * ({@code PREFIX.peephole_i}, {@code _f}, {@code _o}, one value per unit). Gate columns i, f, g, o
 * as {@link LstmCell}:
 * <pre>
 *   a = x·Wx + h[t-1]·Wh + b
 *   i = σ(a_i + p_i ⊙ c[t-1])   f = σ(a_f + p_f ⊙ c[t-1])   g = tanh(a_g)
 *   c[t] = f ⊙ c[t-1] + i ⊙ g
 *   o = σ(a_o + p_o ⊙ c[t])      (the output gate sees the new cell state, so it comes after c)
 *   h[t] = o ⊙ tanh(c[t])
 * </pre>
 * The peepholes start at 0, so a fresh cell is a plain LSTM; the forget-gate bias starts at 1.
 */
public final class PeepholeLstmCell extends RecurrentLayer {
    // acts row: i f g o tanh(c), each `hidden` wide
    private static final int I = 0, F = 1, G = 2, O = 3, TANH_C = 4;

    public final Param peepholeI;
    public final Param peepholeF;
    public final Param peepholeO;

    public PeepholeLstmCell(String prefix, int inputSize, int hidden, boolean oneHotInput) {
        super(prefix, inputSize, hidden, 4, oneHotInput);
        peepholeI = new Param(prefix + ".peephole_i", hidden);
        peepholeF = new Param(prefix + ".peephole_f", hidden);
        peepholeO = new Param(prefix + ".peephole_o", hidden);
    }

    @Override
    public void initialize(Rng rng) {
        super.initialize(rng);
        Arrays.fill(bias.value, F * hidden, (F + 1) * hidden, 1f);
        for (Param p : extraParams()) Arrays.fill(p.value, 0f);
    }

    @Override
    protected List<Param> extraParams() {
        return List.of(peepholeI, peepholeF, peepholeO);
    }

    @Override
    protected int activationWidth() {
        return 5 * hidden;
    }

    @Override
    protected boolean hasCellState() {
        return true;
    }

    @Override
    protected void forwardStep(LayerBuffers buf, int t, int from, int to) {
        int n = hidden, units = to - from;
        float[] pi = peepholeI.value, pf = peepholeF.value, po = peepholeO.value;
        float[] gates = buf.gatesIn, acts = buf.acts, cell = buf.cell;
        for (int b = 0; b < buf.batch; b++) {
            int row = t * buf.batch + b;
            int a = row * gateWidth + from, act = row * 5 * n + from;
            int prev = t * buf.batch * n + b * n + from, next = prev + buf.batch * n;
            int i = act + I * n, f = act + F * n, g = act + G * n, o = act + O * n, tanhC = act + TANH_C * n;
            // i and f look at c[t-1], o at c[t]: pre-activations first, then the function in place
            for (int j = 0; j < units; j++) {
                acts[i + j] = gates[a + I * n + j] + pi[from + j] * cell[prev + j];
                acts[f + j] = gates[a + F * n + j] + pf[from + j] * cell[prev + j];
            }
            sigmoid(acts, i, acts, i, units);
            sigmoid(acts, f, acts, f, units);
            tanh(gates, a + G * n, acts, g, units);
            for (int j = 0; j < units; j++) cell[next + j] = acts[f + j] * cell[prev + j] + acts[i + j] * acts[g + j];
            for (int j = 0; j < units; j++) acts[o + j] = gates[a + O * n + j] + po[from + j] * cell[next + j];
            sigmoid(acts, o, acts, o, units);
            tanh(cell, next, acts, tanhC, units);
            for (int j = 0; j < units; j++) buf.hidden[next + j] = acts[o + j] * acts[tanhC + j];
        }
    }

    @Override
    protected void backwardStep(LayerBuffers buf, int t, int from, int to) {
        int n = hidden;
        float[] pi = peepholeI.value, pf = peepholeF.value, po = peepholeO.value;
        for (int b = 0; b < buf.batch; b++) {
            int row = t * buf.batch + b;
            int da = row * gateWidth, act = row * 5 * n;
            int prev = t * buf.batch * n + b * n, next = prev + buf.batch * n, carry = b * n;
            for (int j = from; j < to; j++) {
                float i = buf.acts[act + I * n + j];
                float f = buf.acts[act + F * n + j];
                float g = buf.acts[act + G * n + j];
                float o = buf.acts[act + O * n + j];
                float tanhC = buf.acts[act + TANH_C * n + j];
                float cPrev = buf.cell[prev + j];
                float dh = buf.dHidden[next + j];
                float daO = dh * tanhC * o * (1f - o);
                float dc = buf.dCell[carry + j] + dh * o * (1f - tanhC * tanhC) + daO * po[j];
                float daI = dc * g * i * (1f - i);
                float daF = dc * cPrev * f * (1f - f);
                buf.dGatesIn[da + I * n + j] = daI;
                buf.dGatesIn[da + F * n + j] = daF;
                buf.dGatesIn[da + G * n + j] = dc * i * (1f - g * g);
                buf.dGatesIn[da + O * n + j] = daO;
                peepholeI.grad[j] += daI * cPrev;
                peepholeF.grad[j] += daF * cPrev;
                peepholeO.grad[j] += daO * buf.cell[next + j];
                buf.dCell[carry + j] = dc * f + daI * pi[j] + daF * pf[j];
            }
        }
    }
}
