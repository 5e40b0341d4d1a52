package lstm.nn;

import java.util.Arrays;
import java.util.Map;

/**
 * How far back one prediction's gradient reaches. For the loss L_t of the prediction made at
 * position t (of token t + 1), {@link #norms} gives ‖∂L_t/∂h[t−k]‖ for k = 1..K in every layer:
 * the picture of the vanishing gradient (Hochreiter 1991; Bengio, Simard and Frasconi 1994), which
 * falls geometrically with k for a plain RNN and far more slowly through an LSTM's cell state.
 *
 * <p>It runs one chunk of K + 1 steps, tokens t − K .. t, with a loss only at its last step; after
 * backward, dHidden slot s + 1 of each layer holds ∂L/∂h at step s of the chunk.
 */
public final class GradientFlow {
    private GradientFlow() {}

    /**
     * Returns {@code norms[l][k - 1]} = ‖∂L_t/∂h_l[t − k]‖₂ for layer l and k = 1..maxLag. Tokens
     * before t − maxLag only warm up the recurrent state (from zero, without dropout). Clears every
     * parameter's gradient.
     */
    public static double[][] norms(Network net, int[] tokens, int t, int maxLag) {
        if (maxLag < 1 || maxLag > t) {
            throw new IllegalArgumentException("lag must be in 1.." + t + " for position " + t + ", got " + maxLag);
        }
        if (t + 1 >= tokens.length) {
            throw new IllegalArgumentException("position " + t + " has no next token to predict (" + tokens.length + " tokens)");
        }
        int steps = maxLag + 1, start = t - maxLag;
        Workspace ws = net.workspace(steps, 1);
        ws.setState(warmState(net, tokens, start));

        int[] inputs = Arrays.copyOfRange(tokens, start, t + 1);
        int[] targets = new int[steps];
        Arrays.fill(targets, -1);
        targets[steps - 1] = tokens[t + 1];
        net.zeroGrad();
        net.forward(ws, inputs, targets, null);
        net.backward(ws);
        net.zeroGrad();

        int layers = net.config.layers(), h = net.config.hidden();
        double[][] norms = new double[layers][maxLag];
        for (int l = 0; l < layers; l++) {
            float[] dHidden = ws.layer(l).dHidden;
            for (int k = 1; k <= maxLag; k++) {
                int slot = steps - k;   // step steps − 1 − k of the chunk is position t − k
                double sum = 0;
                for (int j = 0; j < h; j++) sum += (double) dHidden[slot * h + j] * dHidden[slot * h + j];
                norms[l][k - 1] = Math.sqrt(sum);
            }
        }
        return norms;
    }

    /** The recurrent state after reading tokens[0 .. count − 1] from a zero state. */
    private static Map<String, float[]> warmState(Network net, int[] tokens, int count) {
        Workspace ws = net.workspace(1, 1);
        int[] input = new int[1];
        int[] noTarget = {-1};
        for (int p = 0; p < count; p++) {
            input[0] = tokens[p];
            net.forward(ws, input, noTarget, null);
            ws.carryState();
        }
        return ws.state();
    }
}
