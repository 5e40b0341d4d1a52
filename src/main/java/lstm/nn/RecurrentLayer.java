package lstm.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import lstm.linalg.MatrixEngine;
import lstm.linalg.PreparedMatrix;
import lstm.linalg.Rng;

/**
 * One layer of recurrent cells unrolled over a chunk of time steps. This class does the matrix
 * products every cell shares, all gates of a step in one product:
 * <pre>
 *   gatesIn[t]  = x[t]·Wx + b        (all steps at once, before the recurrence)
 *   gatesRec[t] = h[t-1]·Wh           (one product per step)
 * </pre>
 * and the matching weight gradients after the backward pass. A subclass supplies the element-wise
 * step, forward and backward side by side, in the words of its equations.
 */
public abstract class RecurrentLayer {
    public final int inputSize;
    public final int hidden;
    /** Columns of Wx and Wh: all gates of a unit side by side. */
    public final int gateWidth;
    /** True when the input is a token id (one-hot): Wx is then a lookup table of vocabulary rows. */
    public final boolean oneHotInput;

    /** From this many steps a chunk, Wh is prepared (packed) once for all its per-step products. */
    private static final int PREPARE_MIN_STEPS = 4;
    /** Element-wise work below about this many values stays on one thread: a hand-off costs a few µs. */
    private static final int PARALLEL_MIN_VALUES = 2048;

    public final Param wx;
    public final Param wh;
    public final Param bias;

    protected RecurrentLayer(String prefix, int inputSize, int hidden, int gates, boolean oneHotInput) {
        this.inputSize = inputSize;
        this.hidden = hidden;
        this.gateWidth = gates * hidden;
        this.oneHotInput = oneHotInput;
        this.wx = new Param(prefix + ".wx", inputSize, gateWidth);
        this.wh = new Param(prefix + ".wh", hidden, gateWidth);
        this.bias = new Param(prefix + ".bias", gateWidth);
    }

    /**
     * The cell's own element-wise step for time t over hidden units [from, to) of every stream
     * (reads gates, writes hidden/cell slot t + 1). Calls for disjoint unit ranges may run at once
     * on different threads: a unit's values must depend only on that unit's inputs.
     */
    protected abstract void forwardStep(LayerBuffers buf, int t, int from, int to);

    /**
     * The step's backward over hidden units [from, to): reads dHidden slot t + 1 (and dCell),
     * writes dGatesIn[t] (and dGatesRec[t]), adds any direct dependence on h[t-1] into dHidden
     * slot t, leaves dc[t-1] in dCell. Per-unit parameter gradients are summed over the streams
     * in order, so that any cut of the units gives the same bits.
     */
    protected abstract void backwardStep(LayerBuffers buf, int t, int from, int to);

    /** Values per row of {@link LayerBuffers#acts}. */
    protected abstract int activationWidth();

    protected abstract boolean hasCellState();

    /** True when the recurrent product must stay apart from the input product (GRU's reset gate). */
    protected boolean separateRecurrentGates() {
        return false;
    }

    /**
     * False when {@link #backwardStep} needs nothing from gatesIn except, at each position, what it
     * reads before writing that position's gradient: the gradients then overwrite gatesIn in place
     * (dGatesIn is the same array), which saves steps × batch × gates floats per layer.
     */
    protected boolean backwardReadsGates() {
        return true;
    }

    /** Parameters beyond Wx, Wh and b (peephole weights, say). */
    protected List<Param> extraParams() {
        return List.of();
    }

    public final List<Param> params() {
        List<Param> all = new ArrayList<>(List.of(wx, wh, bias));
        all.addAll(extraParams());
        return all;
    }

    /** Uniform in ±1/√hidden, as PyTorch does; subclasses then set their gate biases. */
    public void initialize(Rng rng) {
        float bound = (float) (1.0 / Math.sqrt(hidden));
        for (Param p : params()) {
            for (int i = 0; i < p.size(); i++) p.value[i] = (2f * rng.nextFloat() - 1f) * bound;
        }
        Arrays.fill(bias.value, 0f);
    }

    public final LayerBuffers buffers(int steps, int batch) {
        return new LayerBuffers(this, steps, batch, false, null);
    }

    /** Training buffers whose prepared recurrent weights live in {@code shared} (layers run one at a time). */
    final LayerBuffers buffers(int steps, int batch, PreparedMatrix shared) {
        return new LayerBuffers(this, steps, batch, false, shared);
    }

    /** Buffers for generation: the weights must not change while they are in use (see {@link LayerBuffers#fixedWeights}). */
    final LayerBuffers generationBuffers(int batch) {
        return new LayerBuffers(this, 1, batch, true, null);
    }

    public final void forward(LayerBuffers buf, MatrixEngine mm) {
        int steps = buf.steps, batch = buf.batch, rows = steps * batch;
        if (!oneHotInput && buf.fixedWeights) {
            prepareFixed(buf, mm);
            mm.mul(rows, buf.input, buf.inputOffset, buf.inputWeights, buf.gatesIn, 0, false);
        } else if (!oneHotInput) {
            mm.mul(rows, gateWidth, inputSize, buf.input, buf.inputOffset, wx.value, 0, buf.gatesIn, 0, false);
        }
        mm.forEachRange(rows, minRange(gateWidth), buf.inputGates);   // + b, or the one-hot lookup
        boolean accumulate = !separateRecurrentGates();
        boolean prepared = buf.fixedWeights || steps >= PREPARE_MIN_STEPS;
        if (buf.fixedWeights) {
            prepareFixed(buf, mm);
        } else if (prepared) {
            mm.prepare(buf.recurrentWeights, wh.value, 0, hidden, gateWidth, false);
        }
        for (int t = 0; t < steps; t++) {
            if (prepared) {
                mm.mul(batch, buf.hidden, t * batch * hidden, buf.recurrentWeights, buf.gatesRec, t * batch * gateWidth, accumulate);
            } else {
                mm.mul(batch, gateWidth, hidden, buf.hidden, t * batch * hidden, wh.value, 0,
                        buf.gatesRec, t * batch * gateWidth, accumulate);
            }
            buf.step = t;
            mm.forEachRange(hidden, minRange(batch), buf.forwardUnits);
        }
    }

    /** Indices per range worth handing to another thread, for work of {@code perIndex} values each. */
    private static int minRange(int perIndex) {
        return Math.max(1, PARALLEL_MIN_VALUES / Math.max(1, perIndex));
    }

    /** gatesIn = x·Wx + b for rows [from, to): Wx's row of each token, or the product already there. */
    final void inputGates(LayerBuffers buf, int from, int to) {
        float[] gates = buf.gatesIn, b = bias.value;
        for (int r = from; r < to; r++) {
            int row = r * gateWidth;
            if (oneHotInput) {
                int src = buf.tokens[r] * gateWidth;
                for (int j = 0; j < gateWidth; j++) gates[row + j] = wx.value[src + j] + b[j];
            } else {
                for (int j = 0; j < gateWidth; j++) gates[row + j] += b[j];
            }
        }
    }

    /** The bias gradient and a one-hot input's Wx gradient for gate columns [from, to), summed over rows in order. */
    final void inputGradients(LayerBuffers buf, int from, int to) {
        int rows = buf.steps * buf.batch;
        float[] dGates = buf.dGatesIn, db = bias.grad;
        for (int r = 0; r < rows; r++) {
            int src = r * gateWidth;
            if (oneHotInput) {
                int dst = buf.tokens[r] * gateWidth;
                for (int j = from; j < to; j++) wx.grad[dst + j] += dGates[src + j];
            }
            for (int j = from; j < to; j++) db[j] += dGates[src + j];
        }
    }

    /** Prepares the weights of a generation workspace once, at its first step. */
    private void prepareFixed(LayerBuffers buf, MatrixEngine mm) {
        if (buf.weightsPrepared) return;
        mm.prepare(buf.recurrentWeights, wh.value, 0, hidden, gateWidth, false);
        if (!oneHotInput) mm.prepare(buf.inputWeights, wx.value, 0, inputSize, gateWidth, false);
        buf.weightsPrepared = true;
    }

    /**
     * Back-propagates through the chunk. On entry dHidden slots 1..steps hold the gradient from
     * above; weight gradients are added to each Param's grad. When {@code dInput} is not null the
     * gradient with respect to the dense input is written there (overwriting), row-major from dInputOffset.
     */
    public final void backward(LayerBuffers buf, MatrixEngine mm, float[] dInput, int dInputOffset) {
        if (buf.fixedWeights) throw new IllegalStateException("a generation workspace runs forward only");
        int steps = buf.steps, batch = buf.batch, rows = steps * batch;
        Arrays.fill(buf.dHidden, 0, batch * hidden, 0f);
        Arrays.fill(buf.dCell, 0f);
        boolean prepared = steps >= PREPARE_MIN_STEPS;
        if (prepared) mm.prepare(buf.recurrentWeights, wh.value, 0, gateWidth, hidden, true);   // Whᵀ over forward's Wh
        for (int t = steps - 1; t >= 0; t--) {
            buf.step = t;
            mm.forEachRange(hidden, minRange(batch), buf.backwardUnits);
            if (prepared) {
                mm.mul(batch, buf.dGatesRec, t * batch * gateWidth, buf.recurrentWeights, buf.dHidden, t * batch * hidden, true);
            } else {
                mm.mulTransB(batch, hidden, gateWidth, buf.dGatesRec, t * batch * gateWidth, wh.value, 0,
                        buf.dHidden, t * batch * hidden, true);
            }
        }
        mm.mulTransA(hidden, gateWidth, rows, buf.hidden, 0, buf.dGatesRec, 0, wh.grad, 0, true);
        if (!oneHotInput) {
            mm.mulTransA(inputSize, gateWidth, rows, buf.input, buf.inputOffset, buf.dGatesIn, 0, wx.grad, 0, true);
        }
        mm.forEachRange(gateWidth, minRange(rows), buf.inputGradients);
        if (dInput != null) {
            mm.mulTransB(rows, inputSize, gateWidth, buf.dGatesIn, 0, wx.value, 0, dInput, dInputOffset, false);
        }
    }
}
