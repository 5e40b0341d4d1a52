package lstm.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import lstm.linalg.MatrixEngine;
import lstm.linalg.Rng;

/**
 * A token-level language model: input (one-hot or embedding) → stacked recurrent layers
 * (dropout between them) → affine output → softmax over the vocabulary.
 *
 * <p>{@link #forward} runs a chunk of steps × batch positions and returns the summed
 * cross-entropy; {@link #backward} then adds the gradient of the mean loss to every Param.
 */
public final class Network {
    public final NetworkConfig config;
    private final MatrixEngine mm;
    private final Param embedding;
    private final RecurrentLayer[] layers;
    private final Param outWeight;
    private final Param outBias;
    private final List<Param> params = new ArrayList<>();

    public Network(NetworkConfig config, MatrixEngine mm) {
        this.config = config;
        this.mm = mm;
        int v = config.vocabSize(), h = config.hidden(), e = config.embedding();
        embedding = e > 0 ? new Param("embedding", v, e) : null;
        if (embedding != null) params.add(embedding);
        layers = new RecurrentLayer[config.layers()];
        for (int l = 0; l < layers.length; l++) {
            boolean oneHot = l == 0 && e == 0;
            int inputSize = l > 0 ? h : (e > 0 ? e : v);
            layers[l] = Cells.create(config.cell(), "layers." + l, inputSize, h, oneHot);
            params.addAll(layers[l].params());
        }
        outWeight = new Param("output.weight", h, v);
        outBias = new Param("output.bias", v);
        params.add(outWeight);
        params.add(outBias);
    }

    public List<Param> params() {
        return Collections.unmodifiableList(params);
    }

    public long parameterCount() {
        long n = 0;
        for (Param p : params) n += p.size();
        return n;
    }

    public RecurrentLayer layer(int l) {
        return layers[l];
    }

    public MatrixEngine engine() {
        return mm;
    }

    public void initialize(Rng rng) {
        if (embedding != null) {
            for (int i = 0; i < embedding.size(); i++) embedding.value[i] = (float) (rng.nextGaussian() * 0.1);
        }
        for (RecurrentLayer layer : layers) layer.initialize(rng);
        float bound = (float) Math.sqrt(6.0 / (config.hidden() + config.vocabSize()));
        for (int i = 0; i < outWeight.size(); i++) outWeight.value[i] = (2f * rng.nextFloat() - 1f) * bound;
        java.util.Arrays.fill(outBias.value, 0f);
    }

    public Workspace workspace(int steps, int batch) {
        return new Workspace(this, steps, batch, false);
    }

    /**
     * A workspace for generation, one step of {@code batch} streams at a time (forward only): the
     * engine prepares the weights at the first step and keeps them, so the weights must not change
     * while it is in use.
     */
    public Workspace generationWorkspace(int batch) {
        return new Workspace(this, 1, batch, true);
    }

    /**
     * Runs the chunk. {@code inputs} and {@code targets} are time-major (row t·batch + b); a
     * negative target marks a position without a prediction. Dropout is applied when
     * {@code dropoutRng} is not null. Returns the summed loss in nats over predicted positions.
     */
    public double forward(Workspace ws, int[] inputs, int[] targets, Rng dropoutRng) {
        int rows = ws.steps * ws.batch, h = config.hidden(), v = config.vocabSize();
        ws.inputs = inputs;
        ws.targets = targets;
        ws.dropoutApplied = dropoutRng != null && config.dropout() > 0f;
        LayerBuffers first = ws.layers[0];
        if (embedding != null) {
            int e = config.embedding();
            for (int r = 0; r < rows; r++) System.arraycopy(embedding.value, inputs[r] * e, ws.embedded, r * e, e);
            first.input = ws.embedded;
            first.inputOffset = 0;
        } else {
            first.tokens = inputs;
        }
        for (int l = 0; l < layers.length; l++) {
            LayerBuffers buf = ws.layers[l];
            if (l > 0) {
                LayerBuffers below = ws.layers[l - 1];
                int from = ws.batch * h;
                if (ws.dropoutApplied) {
                    applyDropout(below.hidden, from, ws.dropMask[l], ws.dropped[l], dropoutRng);
                    buf.input = ws.dropped[l];
                    buf.inputOffset = 0;
                } else {
                    buf.input = below.hidden;
                    buf.inputOffset = from;
                }
            }
            layers[l].forward(buf, mm);
        }
        LayerBuffers top = ws.layers[layers.length - 1];
        if (ws.fixedWeights) {
            if (!ws.outputPrepared) {
                mm.prepare(ws.outputWeights, outWeight.value, 0, h, v, false);
                ws.outputPrepared = true;
            }
            mm.mul(rows, top.hidden, ws.batch * h, ws.outputWeights, ws.logits, 0, false);
        } else {
            mm.mul(rows, v, h, top.hidden, ws.batch * h, outWeight.value, 0, ws.logits, 0, false);
        }
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < v; j++) ws.logits[r * v + j] += outBias.value[j];
        }
        double loss = 0;
        int predicted = 0;
        for (int r = 0; r < rows; r++) {
            if (targets[r] < 0) continue;
            loss += Softmax.crossEntropy(ws.logits, r * v, v, targets[r]);
            predicted++;
        }
        ws.predicted = predicted;
        return loss;
    }

    private void applyDropout(float[] src, int srcOffset, float[] mask, float[] out, Rng rng) {
        float keep = 1f - config.dropout();
        for (int i = 0; i < mask.length; i++) {
            mask[i] = rng.nextFloat() < keep ? 1f / keep : 0f;
            out[i] = src[srcOffset + i] * mask[i];
        }
    }

    /** Adds the gradient of the mean loss of the last {@link #forward} on ws to every Param. */
    public void backward(Workspace ws) {
        int rows = ws.steps * ws.batch, h = config.hidden(), v = config.vocabSize();
        float scale = ws.predicted == 0 ? 0f : 1f / ws.predicted;
        for (int r = 0; r < rows; r++) Softmax.gradient(ws.logits, r * v, v, ws.targets[r], scale);
        LayerBuffers top = ws.layers[layers.length - 1];
        int topOffset = ws.batch * h;
        mm.mulTransA(h, v, rows, top.hidden, topOffset, ws.logits, 0, outWeight.grad, 0, true);
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < v; j++) outBias.grad[j] += ws.logits[r * v + j];
        }
        mm.mulTransB(rows, h, v, ws.logits, 0, outWeight.value, 0, top.dHidden, topOffset, false);
        for (int l = layers.length - 1; l >= 0; l--) {
            LayerBuffers buf = ws.layers[l];
            if (l > 0) {
                LayerBuffers below = ws.layers[l - 1];
                layers[l].backward(buf, mm, below.dHidden, ws.batch * h);
                if (ws.dropoutApplied) {
                    float[] mask = ws.dropMask[l];
                    for (int i = 0; i < mask.length; i++) below.dHidden[topOffset + i] *= mask[i];
                }
            } else if (embedding != null) {
                layers[l].backward(buf, mm, ws.dEmbedded, 0);
                int e = config.embedding();
                for (int r = 0; r < rows; r++) {
                    int dst = ws.inputs[r] * e;
                    for (int j = 0; j < e; j++) embedding.grad[dst + j] += ws.dEmbedded[r * e + j];
                }
            } else {
                layers[l].backward(buf, mm, null, 0);
            }
        }
    }

    public void zeroGrad() {
        for (Param p : params) mm.forEachRange(p.size(), 1 << 16, (from, to) -> java.util.Arrays.fill(p.grad, from, to, 0f));
    }
}
