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
 * The biaxial LSTM of Daniel Johnson's composition demo (hexahedria, 2015).
 *
 * <p><b>Time axis.</b> One LSTM stack runs over time for every key of the keyboard. Its weights
 * are tied across keys: the 88 keys of each piece are simply 88 more rows of the batch, so a
 * block of B pieces × T steps is a time-major run of T steps over B·88 sequences. Key n at step
 * t sees {@link #FEATURES} features of the frame before t (see {@link #features}).
 *
 * <p><b>Note axis.</b> Then at every (piece, step) a second LSTM stack runs up the keyboard, a
 * run of 88 steps over B·T sequences. Key n's input is the time axis's output for key n plus
 * whether key n − 1 plays and is struck in the frame being predicted (teacher-forced in
 * training, sampled when composing), so each key depends on the keys below it:
 * <pre>
 *   p(frame t) = Π_n p(play_n | play and strike of keys &lt; n, frames before t)
 * </pre>
 * Two sigmoid outputs per key: play and articulate (struck at this step). Training minimises
 * −log p(play) for every key plus −log p(articulate) for the keys that play; the frame NLL that
 * {@link FramePass#forward} returns is the play part alone.
 */
public final class BiaxialNetwork implements PolyNetwork {
    public static final String KIND = "biaxial";
    /** Time-axis input per key: position, pitch class, vicinity, context, beat. */
    public static final int FEATURES = 1 + 12 + 50 + 12 + 4;
    private static final int PITCH_CLASS = 1, VICINITY = 13, CONTEXT = 63, BEAT = 75;
    private static final int PLAY = 0, ARTICULATE = 1;

    public final int[] timeHidden;
    public final int[] noteHidden;
    public final float dropout;
    private final MatrixEngine mm;
    private final LstmStack timeStack;
    private final LstmStack noteStack;
    private final Param outWeight;
    private final Param outBias;
    private final List<Param> params = new ArrayList<>();

    public BiaxialNetwork(int[] timeHidden, int[] noteHidden, float dropout, MatrixEngine mm) {
        this.timeHidden = timeHidden.clone();
        this.noteHidden = noteHidden.clone();
        this.dropout = dropout;
        this.mm = mm;
        timeStack = new LstmStack("time", FEATURES, timeHidden, dropout);
        noteStack = new LstmStack("note", timeStack.outputSize() + 2, noteHidden, dropout);
        outWeight = new Param("output.weight", noteStack.outputSize(), 2);
        outBias = new Param("output.bias", 2);
        params.addAll(timeStack.params());
        params.addAll(noteStack.params());
        params.add(outWeight);
        params.add(outBias);
    }

    static BiaxialNetwork fromConfig(Map<String, Object> m, MatrixEngine mm) {
        return new BiaxialNetwork(PolyModels.ints(m.get("time_hidden")), PolyModels.ints(m.get("note_hidden")),
                ((Number) m.get("dropout")).floatValue(), mm);
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
        m.put("time_hidden", PolyModels.list(timeHidden));
        m.put("note_hidden", PolyModels.list(noteHidden));
        m.put("dropout", Double.parseDouble(Float.toString(dropout)));  // 0.3, not 0.30000001192092896
        return m;
    }

    @Override
    public void initialize(Rng rng) {
        timeStack.initialize(rng);
        noteStack.initialize(rng);
        float bound = (float) Math.sqrt(6.0 / (noteStack.outputSize() + 2));
        for (int i = 0; i < outWeight.size(); i++) outWeight.value[i] = (2f * rng.nextFloat() - 1f) * bound;
        outBias.value[PLAY] = -3f;  // most keys are silent most of the time
        outBias.value[ARTICULATE] = 0f;
    }

    /**
     * The time-axis input of key n for the step at {@code position}, from the frame before it
     * ({@code previous} null = silence), written to out[offset ..]:
     * <ul>
     * <li>position on the keyboard, n / 87;</li>
     * <li>pitch class of n, one-hot (12);</li>
     * <li>vicinity: for the keys n − 12 .. n + 12, whether each played and was struck (50);</li>
     * <li>context: how many keys of each pitch class played, counted from n's own pitch class (12);</li>
     * <li>position in the bar: the 4 low bits of the step number (4).</li>
     * </ul>
     * {@code classCounts} are the played keys per pitch class of {@code previous}.
     */
    static void features(boolean[] previous, boolean[] previousArticulated, int[] classCounts, int position, int n,
                         float[] out, int offset) {
        Arrays.fill(out, offset, offset + FEATURES, 0f);
        out[offset] = n / (float) (Keyboard.KEYS - 1);
        int pitchClass = Keyboard.pitchClass(n);
        out[offset + PITCH_CLASS + pitchClass] = 1f;
        if (previous != null) {
            for (int d = -12; d <= 12; d++) {
                int key = n + d;
                if (key < 0 || key >= Keyboard.KEYS) continue;
                out[offset + VICINITY + 2 * (d + 12)] = previous[key] ? 1f : 0f;
                out[offset + VICINITY + 2 * (d + 12) + 1] = previousArticulated[key] ? 1f : 0f;
            }
            for (int i = 0; i < 12; i++) out[offset + CONTEXT + i] = classCounts[(pitchClass + i) % 12];
        }
        for (int bit = 0; bit < 4; bit++) out[offset + BEAT + bit] = (position >> bit) & 1;
    }

    static void countClasses(boolean[] frame, int[] counts) {
        Arrays.fill(counts, 0);
        if (frame == null) return;
        for (int k = 0; k < Keyboard.KEYS; k++) if (frame[k]) counts[Keyboard.pitchClass(k)]++;
    }

    /** logits[r·2 + o] = top[r]·W[:, o] + b[o] for rows × 2. */
    private void outputLogits(float[] top, int topOffset, int rows, float[] logits) {
        mm.mul(rows, 2, noteStack.outputSize(), top, topOffset, outWeight.value, 0, logits, 0, false);
        for (int r = 0; r < rows; r++) {
            logits[2 * r + PLAY] += outBias.value[PLAY];
            logits[2 * r + ARTICULATE] += outBias.value[ARTICULATE];
        }
    }

    @Override
    public FramePass pass(int steps, int batch) {
        return new Pass(steps, batch);
    }

    private final class Pass extends FramePass {
        /** Time axis: T steps over B·88 sequences, row t·(B·88) + b·88 + n. */
        private final LstmStack.Run time;
        /** Note axis: 88 steps over B·T sequences, row n·(B·T) + b·T + t. */
        private final LstmStack.Run note;
        private final int timeWidth;
        private final int noteWidth;
        private final float[] timeInput;
        private final float[] noteInput;
        private final float[] dNoteInput;
        private final float[] logits;
        private final int[] classCounts = new int[12];
        private int real;
        private double playNats;

        Pass(int steps, int batch) {
            super(steps, batch);
            time = timeStack.run(steps, batch * Keyboard.KEYS);
            note = noteStack.run(Keyboard.KEYS, batch * steps);
            timeWidth = timeStack.outputSize();
            noteWidth = timeWidth + 2;
            timeInput = new float[time.rows * FEATURES];
            noteInput = new float[note.rows * noteWidth];
            dNoteInput = new float[note.rows * noteWidth];
            logits = new float[note.rows * 2];
        }

        private int timeRow(int t, int b, int n) {
            return (t * batch + b) * Keyboard.KEYS + n;
        }

        private int noteRow(int n, int b, int t) {
            return (n * batch + b) * steps + t;
        }

        @Override
        public double forward(Rng dropoutRng) {
            // time axis: every key of every piece is a sequence over time, all with the same weights
            Arrays.fill(timeInput, 0f);
            for (int t = 0; t < steps; t++) {
                for (int b = 0; b < batch; b++) {
                    if (!real(b, t)) continue;
                    boolean[] previous = previousPlay(b, t);
                    countClasses(previous, classCounts);
                    for (int n = 0; n < Keyboard.KEYS; n++) {
                        features(previous, previousArticulated(b, t), classCounts, position(b, t), n, timeInput, timeRow(t, b, n) * FEATURES);
                    }
                }
            }
            time.forward(mm, timeInput, 0, dropoutRng);

            // note axis: at every (piece, step), a sequence up the keyboard
            float[] timeOut = time.top();
            int timeOff = time.topOffset();
            for (int n = 0; n < Keyboard.KEYS; n++) {
                for (int b = 0; b < batch; b++) {
                    for (int t = 0; t < steps; t++) {
                        int dst = noteRow(n, b, t) * noteWidth;
                        System.arraycopy(timeOut, timeOff + timeRow(t, b, n) * timeWidth, noteInput, dst, timeWidth);
                        noteInput[dst + timeWidth] = n > 0 && target(b, t, n - 1) ? 1f : 0f;
                        noteInput[dst + timeWidth + 1] = n > 0 && targetArticulated(b, t, n - 1) ? 1f : 0f;
                    }
                }
            }
            note.forward(mm, noteInput, 0, dropoutRng);
            outputLogits(note.top(), note.topOffset(), note.rows, logits);

            double playNats = 0;
            for (int n = 0; n < Keyboard.KEYS; n++) {
                for (int b = 0; b < batch; b++) {
                    for (int t = 0; t < steps; t++) {
                        if (real(b, t)) playNats += bceNats(logits[2 * noteRow(n, b, t) + PLAY], target(b, t, n));
                    }
                }
            }
            real = realSteps();
            this.playNats = playNats;
            return playNats;
        }

        @Override
        public double trainingNats() {
            return playNats + articulationNats();
        }

        /** −log p(articulate) over the keys that play, summed, for the last forward (what training adds). */
        private double articulationNats() {
            double nats = 0;
            for (int n = 0; n < Keyboard.KEYS; n++) {
                for (int b = 0; b < batch; b++) {
                    for (int t = 0; t < steps; t++) {
                        if (target(b, t, n)) nats += bceNats(logits[2 * noteRow(n, b, t) + ARTICULATE], targetArticulated(b, t, n));
                    }
                }
            }
            return nats;
        }

        @Override
        public double playProbability(int b, int t, int key) {
            return sigmoid(logits[2 * noteRow(key, b, t) + PLAY]);
        }

        @Override
        public void backward() {
            float scale = real == 0 ? 0f : 1f / real;
            for (int n = 0; n < Keyboard.KEYS; n++) {
                for (int b = 0; b < batch; b++) {
                    for (int t = 0; t < steps; t++) {
                        int r = 2 * noteRow(n, b, t);
                        boolean plays = target(b, t, n);
                        // d(−log p)/dz = σ(z) − y; articulation counts only where the key plays
                        logits[r + PLAY] = real(b, t) ? scale * (float) (sigmoid(logits[r + PLAY]) - (plays ? 1 : 0)) : 0f;
                        logits[r + ARTICULATE] = plays
                                ? scale * (float) (sigmoid(logits[r + ARTICULATE]) - (targetArticulated(b, t, n) ? 1 : 0)) : 0f;
                    }
                }
            }
            int h = noteStack.outputSize();
            mm.mulTransA(h, 2, note.rows, note.top(), note.topOffset(), logits, 0, outWeight.grad, 0, true);
            for (int r = 0; r < note.rows; r++) {
                outBias.grad[PLAY] += logits[2 * r + PLAY];
                outBias.grad[ARTICULATE] += logits[2 * r + ARTICULATE];
            }
            mm.mulTransB(note.rows, h, 2, logits, 0, outWeight.value, 0, note.dTop(), 0, false);
            note.backward(mm, dNoteInput, 0);

            // back across the axes: the note axis's input gradient is the time axis's output gradient
            float[] dTime = time.dTop();
            for (int n = 0; n < Keyboard.KEYS; n++) {
                for (int b = 0; b < batch; b++) {
                    for (int t = 0; t < steps; t++) {
                        System.arraycopy(dNoteInput, noteRow(n, b, t) * noteWidth, dTime, timeRow(t, b, n) * timeWidth, timeWidth);
                    }
                }
            }
            time.backward(mm, null, 0);
        }

        @Override
        public void resetState() {
            time.resetState();
        }

        @Override
        public void carryState() {
            time.carryState();
        }
    }

    @Override
    public FrameGenerator generator() {
        LstmStack.Run time = timeStack.run(1, Keyboard.KEYS);
        LstmStack.Run note = noteStack.run(1, 1);
        int timeWidth = timeStack.outputSize();
        float[] timeInput = new float[Keyboard.KEYS * FEATURES];
        float[] noteInput = new float[timeWidth + 2];
        float[] logits = new float[2];
        int[] classCounts = new int[12];
        return (previous, previousArticulated, position, sampler, play, articulate) -> {
            countClasses(previous, classCounts);
            for (int n = 0; n < Keyboard.KEYS; n++) {
                features(previous, previousArticulated, classCounts, position, n, timeInput, n * FEATURES);
            }
            time.forward(mm, timeInput, 0, null);
            time.carryState();
            note.resetState();
            for (int n = 0; n < Keyboard.KEYS; n++) {
                System.arraycopy(time.top(), time.topOffset() + n * timeWidth, noteInput, 0, timeWidth);
                noteInput[timeWidth] = n > 0 && play[n - 1] ? 1f : 0f;
                noteInput[timeWidth + 1] = n > 0 && articulate[n - 1] ? 1f : 0f;
                note.forward(mm, noteInput, 0, null);
                note.carryState();
                outputLogits(note.top(), note.topOffset(), 1, logits);
                play[n] = sampler.play(logits[PLAY]);
                articulate[n] = play[n] && sampler.articulate(logits[ARTICULATE]);
            }
        };
    }
}
