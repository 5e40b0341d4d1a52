package lstm.nn;

import lstm.linalg.MatrixEngine.RangeWork;
import lstm.linalg.PreparedMatrix;

/**
 * Every buffer one recurrent layer needs for a chunk of {@code steps} time steps over
 * {@code batch} streams, allocated once. Rows are time-major: step t, stream b is row t·batch + b.
 *
 * <p>{@code hidden}, {@code cell} and {@code dHidden} have steps + 1 slots of batch × hidden
 * values: slot 0 holds the state carried in from the previous chunk (and, after backward, the
 * gradient with respect to it); slot t + 1 holds step t.
 */
public final class LayerBuffers {
    public final int steps;
    public final int batch;

    /** Dense input (layers above the first, or an embedding); row r starts at inputOffset + r·inputSize. */
    float[] input;
    int inputOffset;
    /** Token ids when the first layer reads one-hot input (its input weights act as a lookup table). */
    int[] tokens;

    /** x·Wx + b for all steps; for cells without separate recurrent gates also + h·Wh. */
    public final float[] gatesIn;
    /** h·Wh per step, kept apart only for cells that need it (GRU); else the same array as gatesIn. */
    public final float[] gatesRec;
    /** Whatever the cell saves in forward for its backward (gate activations, tanh of the cell). */
    public final float[] acts;
    public final float[] hidden;
    /** Cell state, for cells that have one (else an empty array). */
    public final float[] cell;

    public final float[] dHidden;
    /** dL/dc for the step being processed, carried backwards through time. */
    public final float[] dCell;
    /** dL/d(pre-activation); the same array as gatesIn when the cell's backward does not read the gates. */
    public final float[] dGatesIn;
    public final float[] dGatesRec;
    /**
     * Wh (forward) or Whᵀ (backward) as the engine wants them for the chunk's per-step products,
     * prepared at the start of each pass. The layers of a training workspace run one after the
     * other, so they share one holder (and its packed copy); a generation workspace keeps one per layer.
     */
    final PreparedMatrix recurrentWeights;
    /**
     * True for a generation workspace: the weights do not change while it is in use, so Wh (and a
     * dense input's Wx) are prepared at the first step and kept, and each step is a matrix × vector
     * product over weights laid out for it.
     */
    final boolean fixedWeights;
    boolean weightsPrepared;
    final PreparedMatrix inputWeights = new PreparedMatrix();

    /** The time step that {@link #forwardUnits} and {@link #backwardUnits} work on. */
    int step;
    /** The cell's forward step at {@link #step} over a range of hidden units (work the engine may spread over threads). */
    final RangeWork forwardUnits;
    /** Its backward step, likewise. */
    final RangeWork backwardUnits;
    /** gatesIn = x·Wx + b over a range of rows: the lookup for one-hot input, else adding b to the product. */
    final RangeWork inputGates;
    /** The bias gradient, and a one-hot input's Wx gradient, over a range of gate columns. */
    final RangeWork inputGradients;

    LayerBuffers(RecurrentLayer layer, int steps, int batch, boolean fixedWeights, PreparedMatrix shared) {
        this.fixedWeights = fixedWeights;
        this.recurrentWeights = shared != null ? shared : new PreparedMatrix();
        this.steps = steps;
        this.batch = batch;
        int rows = steps * batch;
        int g = layer.gateWidth;
        int h = layer.hidden;
        gatesIn = new float[rows * g];
        gatesRec = layer.separateRecurrentGates() ? new float[rows * g] : gatesIn;
        acts = new float[rows * layer.activationWidth()];
        hidden = new float[(steps + 1) * batch * h];
        cell = layer.hasCellState() ? new float[(steps + 1) * batch * h] : new float[0];
        dHidden = new float[(steps + 1) * batch * h];
        dCell = layer.hasCellState() ? new float[batch * h] : new float[0];
        dGatesIn = layer.backwardReadsGates() || fixedWeights ? new float[fixedWeights ? 0 : rows * g] : gatesIn;
        dGatesRec = layer.separateRecurrentGates() ? new float[rows * g] : dGatesIn;
        forwardUnits = (from, to) -> layer.forwardStep(this, step, from, to);
        backwardUnits = (from, to) -> layer.backwardStep(this, step, from, to);
        inputGates = (from, to) -> layer.inputGates(this, from, to);
        inputGradients = (from, to) -> layer.inputGradients(this, from, to);
    }

    /** Points the layer at a dense input: row r (r = t·batch + b) starts at offset + r·inputSize. */
    public void setInput(float[] input, int offset) {
        this.input = input;
        this.inputOffset = offset;
    }

    /** Offset of slot {@code t + 1} (step t) in hidden, cell and dHidden. */
    public int stateOffset(int t, int hiddenSize) {
        return (t + 1) * batch * hiddenSize;
    }

    /** Moves the state after the last step into slot 0, ready for the next chunk. */
    void carryState(int hiddenSize) {
        int n = batch * hiddenSize;
        System.arraycopy(hidden, steps * n, hidden, 0, n);
        if (cell.length > 0) System.arraycopy(cell, steps * n, cell, 0, n);
    }

    void resetState(int hiddenSize) {
        int n = batch * hiddenSize;
        java.util.Arrays.fill(hidden, 0, n, 0f);
        if (cell.length > 0) java.util.Arrays.fill(cell, 0, n, 0f);
    }
}
