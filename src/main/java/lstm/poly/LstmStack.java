package lstm.poly;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import lstm.linalg.MatrixEngine;
import lstm.linalg.Rng;
import lstm.nn.Cells;
import lstm.nn.CellType;
import lstm.nn.LayerBuffers;
import lstm.nn.Param;
import lstm.nn.RecurrentLayer;

/**
 * Stacked LSTM layers over dense input, with (inverted) dropout on the output of every layer in
 * training, as in the biaxial demo. The sequences are the {@code batch} rows of a time-major
 * block: row t·batch + b is step t of sequence b. The roll model runs one stack over time; the
 * biaxial model runs one over time (a sequence per note) and one up the keyboard (a sequence per
 * time step).
 */
final class LstmStack {
    final int inputSize;
    final int[] hidden;
    final float dropout;
    private final RecurrentLayer[] layers;

    LstmStack(String prefix, int inputSize, int[] hidden, float dropout) {
        this.inputSize = inputSize;
        this.hidden = hidden.clone();
        this.dropout = dropout;
        layers = new RecurrentLayer[hidden.length];
        for (int l = 0; l < hidden.length; l++) {
            layers[l] = Cells.create(CellType.LSTM, prefix + "." + l, l == 0 ? inputSize : hidden[l - 1], hidden[l], false);
        }
    }

    int outputSize() {
        return hidden[hidden.length - 1];
    }

    List<Param> params() {
        List<Param> all = new ArrayList<>();
        for (RecurrentLayer layer : layers) all.addAll(layer.params());
        return all;
    }

    void initialize(Rng rng) {
        for (RecurrentLayer layer : layers) layer.initialize(rng);
    }

    Run run(int steps, int batch) {
        return new Run(steps, batch);
    }

    /** The buffers for one shape of block, allocated once. */
    final class Run {
        final int steps, batch, rows;
        private final LayerBuffers[] bufs = new LayerBuffers[layers.length];
        /** Dropout masks (already scaled by 1/keep) and masked outputs of each layer. */
        private final float[][] mask = new float[layers.length][];
        private final float[][] dropped = new float[layers.length][];
        private final float[] dTop;
        private boolean dropoutApplied;

        Run(int steps, int batch) {
            this.steps = steps;
            this.batch = batch;
            this.rows = steps * batch;
            for (int l = 0; l < layers.length; l++) {
                bufs[l] = layers[l].buffers(steps, batch);
                if (dropout > 0f) {
                    mask[l] = new float[rows * hidden[l]];
                    dropped[l] = new float[rows * hidden[l]];
                }
            }
            dTop = new float[rows * outputSize()];
        }

        /** Forward over input rows (rows × inputSize from inputOffset); dropout when rng is not null. */
        void forward(MatrixEngine mm, float[] input, int inputOffset, Rng dropoutRng) {
            dropoutApplied = dropoutRng != null && dropout > 0f;
            for (int l = 0; l < layers.length; l++) {
                if (l == 0) bufs[0].setInput(input, inputOffset);
                else bufs[l].setInput(output(l - 1), outputOffset(l - 1));
                layers[l].forward(bufs[l], mm);
                if (dropoutApplied) {
                    float keep = 1f - dropout;
                    float[] h = bufs[l].hidden;
                    int from = batch * hidden[l];
                    for (int i = 0; i < mask[l].length; i++) {
                        mask[l][i] = dropoutRng.nextFloat() < keep ? 1f / keep : 0f;
                        dropped[l][i] = h[from + i] * mask[l][i];
                    }
                }
            }
        }

        /** Output of layer l for all rows: the array and the offset of row 0. */
        private float[] output(int l) {
            return dropoutApplied ? dropped[l] : bufs[l].hidden;
        }

        private int outputOffset(int l) {
            return dropoutApplied ? 0 : batch * hidden[l];
        }

        float[] top() {
            return output(layers.length - 1);
        }

        int topOffset() {
            return outputOffset(layers.length - 1);
        }

        /** Where the caller writes dLoss/dTop (rows × outputSize) before {@link #backward}. */
        float[] dTop() {
            return dTop;
        }

        /**
         * Back-propagates dTop through the stack from a zero final-state gradient, adding weight
         * gradients; writes dLoss/dInput (rows × inputSize) into dInput when it is not null.
         */
        void backward(MatrixEngine mm, float[] dInput, int dInputOffset) {
            int top = layers.length - 1;
            System.arraycopy(dTop, 0, bufs[top].dHidden, batch * hidden[top], dTop.length);
            for (int l = top; l >= 0; l--) {
                LayerBuffers buf = bufs[l];
                if (dropoutApplied) {
                    int from = batch * hidden[l];
                    for (int i = 0; i < mask[l].length; i++) buf.dHidden[from + i] *= mask[l][i];
                }
                if (l > 0) layers[l].backward(buf, mm, bufs[l - 1].dHidden, batch * hidden[l - 1]);
                else layers[l].backward(buf, mm, dInput, dInputOffset);
            }
        }

        /** Starts every sequence from a zero state. */
        void resetState() {
            for (int l = 0; l < layers.length; l++) {
                int n = batch * hidden[l];
                Arrays.fill(bufs[l].hidden, 0, n, 0f);
                Arrays.fill(bufs[l].cell, 0, n, 0f);
            }
        }

        /** Continues every sequence from where the last forward ended (step by step generation). */
        void carryState() {
            for (int l = 0; l < layers.length; l++) {
                int n = batch * hidden[l];
                System.arraycopy(bufs[l].hidden, steps * n, bufs[l].hidden, 0, n);
                System.arraycopy(bufs[l].cell, steps * n, bufs[l].cell, 0, n);
            }
        }
    }
}
