package lstm.poly;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lstm.linalg.MatrixEngine;
import lstm.linalg.Rng;
import lstm.nn.Param;

/**
 * The piano-roll LSTM: the previous 88-key frame in, stacked LSTM layers, 88 independent sigmoid
 * outputs: p(frame t | frames before t) = Π_k p_k^y_k (1 − p_k)^(1 − y_k).
 */
public final class RollNetwork implements PolyNetwork {
    public static final String KIND = "roll";

    public final int[] hidden;
    public final float dropout;
    private final MatrixEngine mm;
    private final LstmStack stack;
    private final Param outWeight;
    private final Param outBias;
    private final List<Param> params = new ArrayList<>();

    public RollNetwork(int[] hidden, float dropout, MatrixEngine mm) {
        this.hidden = hidden.clone();
        this.dropout = dropout;
        this.mm = mm;
        stack = new LstmStack("layers", Keyboard.KEYS, hidden, dropout);
        outWeight = new Param("output.weight", stack.outputSize(), Keyboard.KEYS);
        outBias = new Param("output.bias", Keyboard.KEYS);
        params.addAll(stack.params());
        params.add(outWeight);
        params.add(outBias);
    }

    static RollNetwork fromConfig(Map<String, Object> m, MatrixEngine mm) {
        return new RollNetwork(PolyModels.ints(m.get("hidden")), ((Number) m.get("dropout")).floatValue(), mm);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public List<Param> params() {
        return params;
    }

    @Override
    public MatrixEngine engine() {
        return mm;
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cell", "lstm");
        m.put("keys", Keyboard.KEYS);
        m.put("lowest_note", Keyboard.LOWEST);
        m.put("hidden", PolyModels.list(hidden));
        m.put("dropout", Double.parseDouble(Float.toString(dropout)));  // 0.3, not 0.30000001192092896
        return m;
    }

    @Override
    public void initialize(Rng rng) {
        stack.initialize(rng);
        float bound = (float) Math.sqrt(6.0 / (stack.outputSize() + Keyboard.KEYS));
        for (int i = 0; i < outWeight.size(); i++) outWeight.value[i] = (2f * rng.nextFloat() - 1f) * bound;
        Arrays.fill(outBias.value, -3f);  // most keys are silent most of the time
    }

    /** logits[r·88 + k] = top[r]·W[:, k] + b[k] for rows × 88. */
    private void outputLogits(float[] top, int topOffset, int rows, float[] logits) {
        mm.mul(rows, Keyboard.KEYS, stack.outputSize(), top, topOffset, outWeight.value, 0, logits, 0, false);
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < Keyboard.KEYS; k++) logits[r * Keyboard.KEYS + k] += outBias.value[k];
        }
    }

    @Override
    public FramePass pass(int steps, int batch) {
        return new Pass(steps, batch);
    }

    private final class Pass extends FramePass {
        private final LstmStack.Run run;
        private final int rows;
        private final float[] input;
        /** Output logits; backward turns them into dLoss/dlogits. */
        private final float[] logits;
        private int real;
        private double nats;

        Pass(int steps, int batch) {
            super(steps, batch);
            run = stack.run(steps, batch);
            rows = steps * batch;
            input = new float[rows * Keyboard.KEYS];
            logits = new float[rows * Keyboard.KEYS];
        }

        @Override
        public double forward(Rng dropoutRng) {
            Arrays.fill(input, 0f);
            for (int t = 0; t < steps; t++) {
                for (int b = 0; b < batch; b++) {
                    boolean[] previous = previousPlay(b, t);
                    if (previous == null) continue;
                    int row = (t * batch + b) * Keyboard.KEYS;
                    for (int k = 0; k < Keyboard.KEYS; k++) input[row + k] = previous[k] ? 1f : 0f;
                }
            }
            run.forward(mm, input, 0, dropoutRng);
            outputLogits(run.top(), run.topOffset(), rows, logits);
            double nats = 0;
            for (int t = 0; t < steps; t++) {
                for (int b = 0; b < batch; b++) {
                    if (!real(b, t)) continue;
                    int row = (t * batch + b) * Keyboard.KEYS;
                    for (int k = 0; k < Keyboard.KEYS; k++) nats += bceNats(logits[row + k], target(b, t, k));
                }
            }
            real = realSteps();
            this.nats = nats;
            return nats;
        }

        @Override
        public double trainingNats() {
            return nats;
        }

        @Override
        public double playProbability(int b, int t, int key) {
            return sigmoid(logits[(t * batch + b) * Keyboard.KEYS + key]);
        }

        @Override
        public void backward() {
            float scale = real == 0 ? 0f : 1f / real;
            for (int t = 0; t < steps; t++) {
                for (int b = 0; b < batch; b++) {
                    int row = (t * batch + b) * Keyboard.KEYS;
                    for (int k = 0; k < Keyboard.KEYS; k++) {
                        // d(−log p)/dz = σ(z) − y
                        logits[row + k] = real(b, t) ? scale * (float) (sigmoid(logits[row + k]) - (target(b, t, k) ? 1 : 0)) : 0f;
                    }
                }
            }
            int h = stack.outputSize();
            mm.mulTransA(h, Keyboard.KEYS, rows, run.top(), run.topOffset(), logits, 0, outWeight.grad, 0, true);
            for (int r = 0; r < rows; r++) {
                for (int k = 0; k < Keyboard.KEYS; k++) outBias.grad[k] += logits[r * Keyboard.KEYS + k];
            }
            mm.mulTransB(rows, h, Keyboard.KEYS, logits, 0, outWeight.value, 0, run.dTop(), 0, false);
            run.backward(mm, null, 0);
        }

        @Override
        public void resetState() {
            run.resetState();
        }

        @Override
        public void carryState() {
            run.carryState();
        }
    }

    @Override
    public FrameGenerator generator() {
        LstmStack.Run run = stack.run(1, 1);
        float[] input = new float[Keyboard.KEYS];
        float[] logits = new float[Keyboard.KEYS];
        return (previous, previousArticulated, position, sampler, play, articulate) -> {
            for (int k = 0; k < Keyboard.KEYS; k++) input[k] = previous != null && previous[k] ? 1f : 0f;
            run.forward(mm, input, 0, null);
            run.carryState();
            outputLogits(run.top(), run.topOffset(), 1, logits);
            for (int k = 0; k < Keyboard.KEYS; k++) {
                play[k] = sampler.play(logits[k]);
                articulate[k] = play[k] && (previous == null || !previous[k]);
            }
        };
    }
}
