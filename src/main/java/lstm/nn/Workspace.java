package lstm.nn;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import lstm.linalg.PreparedMatrix;

/**
 * All buffers one {@link Network} needs to run a chunk of {@code steps} × {@code batch}
 * positions, allocated once: a training run, an evaluation and a sampler each own one.
 * It also carries the recurrent state from one chunk to the next.
 */
public final class Workspace {
    public final int steps;
    public final int batch;
    final LayerBuffers[] layers;
    /** Embedded input rows (steps·batch × embedding), or null for one-hot input. */
    final float[] embedded;
    final float[] dEmbedded;
    /** Inverted-dropout masks and masked inputs for the input of layer l (index l), l ≥ 1. */
    final float[][] dropMask;
    final float[][] dropped;
    /** Output logits (steps·batch × vocab); the backward pass overwrites them with dL/dlogits. */
    public final float[] logits;
    int[] inputs;
    int[] targets;
    int predicted;
    boolean dropoutApplied;

    /** For generation: one step at a time over weights that stay fixed (prepared once, see LayerBuffers). */
    final boolean fixedWeights;
    boolean outputPrepared;
    final PreparedMatrix outputWeights = new PreparedMatrix();

    Workspace(Network net, int steps, int batch, boolean fixedWeights) {
        NetworkConfig c = net.config;
        this.steps = steps;
        this.batch = batch;
        this.fixedWeights = fixedWeights;
        int rows = steps * batch;
        layers = new LayerBuffers[c.layers()];
        PreparedMatrix sharedRecurrent = new PreparedMatrix();
        for (int l = 0; l < layers.length; l++) {
            layers[l] = fixedWeights ? net.layer(l).generationBuffers(batch) : net.layer(l).buffers(steps, batch, sharedRecurrent);
        }
        embedded = c.embedding() > 0 ? new float[rows * c.embedding()] : null;
        dEmbedded = c.embedding() > 0 ? new float[rows * c.embedding()] : null;
        dropMask = new float[c.layers()][];
        dropped = new float[c.layers()][];
        if (c.dropout() > 0f) {
            for (int l = 1; l < c.layers(); l++) {
                dropMask[l] = new float[rows * c.hidden()];
                dropped[l] = new float[rows * c.hidden()];
            }
        }
        logits = new float[rows * c.vocabSize()];
    }

    /** Number of positions with a target in the last forward pass. */
    public int predicted() {
        return predicted;
    }

    /** Starts the next chunk from where the last one ended. */
    public void carryState() {
        for (LayerBuffers buf : layers) buf.carryState(hiddenSize(buf));
    }

    /** Starts the next chunk from a zero state. */
    public void resetState() {
        for (LayerBuffers buf : layers) buf.resetState(hiddenSize(buf));
    }

    private int hiddenSize(LayerBuffers buf) {
        return buf.hidden.length / ((steps + 1) * batch);
    }

    /** The carried state (slot 0 of every layer), named {@code state.L.h} and {@code state.L.c}. */
    public Map<String, float[]> state() {
        Map<String, float[]> out = new LinkedHashMap<>();
        for (int l = 0; l < layers.length; l++) {
            int n = batch * hiddenSize(layers[l]);
            out.put("state." + l + ".h", Arrays.copyOf(layers[l].hidden, n));
            if (layers[l].cell.length > 0) out.put("state." + l + ".c", Arrays.copyOf(layers[l].cell, n));
        }
        return out;
    }

    public void setState(Map<String, float[]> state) {
        for (int l = 0; l < layers.length; l++) {
            int n = batch * hiddenSize(layers[l]);
            copyInto(state.get("state." + l + ".h"), layers[l].hidden, n, "state." + l + ".h");
            if (layers[l].cell.length > 0) copyInto(state.get("state." + l + ".c"), layers[l].cell, n, "state." + l + ".c");
        }
    }

    private static void copyInto(float[] src, float[] dst, int n, String name) {
        if (src == null || src.length != n) {
            throw new IllegalArgumentException("saved state " + name + " is missing or has the wrong size");
        }
        System.arraycopy(src, 0, dst, 0, n);
    }

    /** Buffers of layer l, for analysis (gradients through time). */
    public LayerBuffers layer(int l) {
        return layers[l];
    }
}
