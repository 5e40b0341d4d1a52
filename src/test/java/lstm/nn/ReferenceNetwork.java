package lstm.nn;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The yardstick for {@link Network}: the same model written again as plain scalar loops in double,
 * straight from each cell's equations, with its own layout (one small record per layer, step and
 * stream, no shared buffers, no matrix engine) and textbook backpropagation through time.
 * Slow and plainly correct; {@code ReferenceGradientCheckTest} checks its gradients against
 * finite differences of its own loss.
 *
 * <p>Its parameters are copied by name from a Network's {@code params()} (same shapes and
 * layouts: Wx is [input][gates·hidden], Wh [hidden][gates·hidden], gate blocks in each cell's
 * order) into {@link #params}, which tests may change. States are indexed [layer][b·hidden + j].
 */
final class ReferenceNetwork {
    final CellType cell;
    final int vocab, hidden, layers, embedding, gates;
    final Map<String, double[]> params = new LinkedHashMap<>();
    /**
     * Dropout on the input of layer l ≥ 1: that input is h_(l-1) ⊙ dropMasks[l][row·hidden + j]
     * (row t·batch + b). Null, or a null entry, means no dropout.
     */
    double[][] dropMasks;

    ReferenceNetwork(Network net) {
        NetworkConfig c = net.config;
        cell = c.cell();
        vocab = c.vocabSize();
        hidden = c.hidden();
        layers = c.layers();
        embedding = c.embedding();
        gates = gateCount(cell);
        for (Param p : net.params()) {
            double[] v = new double[p.size()];
            for (int i = 0; i < v.length; i++) v[i] = p.value[i];
            params.put(p.name, v);
        }
    }

    static int gateCount(CellType cell) {
        return switch (cell) {
            case LSTM, PEEPHOLE -> 4;
            case GRU, CIFG -> 3;
            case RNN -> 1;
        };
    }

    /** What one layer computed at one step for one stream. */
    private static final class Step {
        double[] x;        // the layer's input
        double[] hPrev;
        double[] cPrev;
        double[] xPart;    // x·Wx + b, all gate blocks
        double[] hPart;    // h[t-1]·Wh, all gate blocks
        double[][] gate;   // gate values [block][unit], in the cell's block order
        double[] hn;       // GRU only: h[t-1]·Wh_n + b_hn
        double[] c;
        double[] h;
    }

    /** A forward pass, kept for its backward. */
    final class Forward {
        final int steps, batch;
        final int[] inputs, targets;
        final Step[][][] trace;    // [layer][t][b]
        final double[][] probs;    // softmax per row t·batch + b
        int predicted;
        /** Mean cross-entropy over positions with a target. */
        double loss;

        private Forward(int steps, int batch, int[] inputs, int[] targets) {
            this.steps = steps;
            this.batch = batch;
            this.inputs = inputs;
            this.targets = targets;
            trace = new Step[layers][steps][batch];
            probs = new double[steps * batch][];
        }

        /** Hidden state after the last step, [layer][b·hidden + j]. */
        double[][] lastHidden() {
            return lastState(false);
        }

        double[][] lastCell() {
            return lastState(true);
        }

        private double[][] lastState(boolean cellState) {
            double[][] out = new double[layers][batch * hidden];
            for (int l = 0; l < layers; l++) {
                for (int b = 0; b < batch; b++) {
                    Step s = trace[l][steps - 1][b];
                    System.arraycopy(cellState ? s.c : s.h, 0, out[l], b * hidden, hidden);
                }
            }
            return out;
        }
    }

    /** Gradients of the mean loss. */
    static final class Gradients {
        final Map<String, double[]> params = new LinkedHashMap<>();
        /** With respect to the initial state, [layer][b·hidden + j]. */
        double[][] hidden0;
        double[][] cell0;
        /** With respect to the hidden state of every step, all paths, [layer][t][b·hidden + j]. */
        double[][][] hidden;
    }

    /**
     * Runs steps × batch positions, time-major like Network (row t·batch + b); a negative
     * target means no prediction. h0 and c0 are the initial state, null for zero.
     */
    Forward forward(int steps, int batch, int[] inputs, int[] targets, double[][] h0, double[][] c0) {
        Forward run = new Forward(steps, batch, inputs, targets);
        for (int t = 0; t < steps; t++) {
            for (int b = 0; b < batch; b++) {
                int row = t * batch + b;
                double[] x = inputVector(inputs[row]);
                for (int l = 0; l < layers; l++) {
                    double[] hPrev = t == 0 ? initial(h0, l, b) : run.trace[l][t - 1][b].h;
                    double[] cPrev = t == 0 ? initial(c0, l, b) : run.trace[l][t - 1][b].c;
                    Step s = stepForward(l, x, hPrev, cPrev);
                    run.trace[l][t][b] = s;
                    x = l + 1 < layers ? dropped(s.h, l + 1, row) : s.h;
                }
                double[] p = softmax(logits(x));
                run.probs[row] = p;
                if (targets[row] >= 0) {
                    run.loss -= Math.log(p[targets[row]]);
                    run.predicted++;
                }
            }
        }
        if (run.predicted > 0) run.loss /= run.predicted;
        return run;
    }

    private double[] inputVector(int token) {
        if (embedding == 0) {
            double[] oneHot = new double[vocab];
            oneHot[token] = 1;
            return oneHot;
        }
        double[] e = new double[embedding];
        System.arraycopy(params.get("embedding"), token * embedding, e, 0, embedding);
        return e;
    }

    /** v ⊙ the dropout mask of layer l's input at this row (v itself without dropout). */
    private double[] dropped(double[] v, int l, int row) {
        if (dropMasks == null || dropMasks[l] == null) return v;
        double[] out = new double[hidden];
        for (int j = 0; j < hidden; j++) out[j] = v[j] * dropMasks[l][row * hidden + j];
        return out;
    }

    private double[] initial(double[][] state, int l, int b) {
        double[] s = new double[hidden];
        if (state != null) System.arraycopy(state[l], b * hidden, s, 0, hidden);
        return s;
    }

    private double[] logits(double[] h) {
        double[] w = params.get("output.weight"), bias = params.get("output.bias");
        double[] z = new double[vocab];
        for (int v = 0; v < vocab; v++) {
            z[v] = bias[v];
            for (int m = 0; m < hidden; m++) z[v] += h[m] * w[m * vocab + v];
        }
        return z;
    }

    private static double[] softmax(double[] z) {
        double max = Double.NEGATIVE_INFINITY, sum = 0;
        for (double v : z) max = Math.max(max, v);
        double[] p = new double[z.length];
        for (int v = 0; v < z.length; v++) sum += p[v] = Math.exp(z[v] - max);
        for (int v = 0; v < z.length; v++) p[v] /= sum;
        return p;
    }

    /** y = x·W (+ bias), W row-major [x.length][gates·hidden]. */
    private double[] affine(double[] x, double[] w, double[] bias) {
        int width = gates * hidden;
        double[] y = bias == null ? new double[width] : bias.clone();
        for (int k = 0; k < width; k++) {
            for (int i = 0; i < x.length; i++) y[k] += x[i] * w[i * width + k];
        }
        return y;
    }

    private Step stepForward(int l, double[] x, double[] hPrev, double[] cPrev) {
        String p = "layers." + l;
        Step s = new Step();
        s.x = x;
        s.hPrev = hPrev;
        s.cPrev = cPrev;
        s.xPart = affine(x, params.get(p + ".wx"), params.get(p + ".bias"));
        s.hPart = affine(hPrev, params.get(p + ".wh"), null);
        s.gate = new double[gates][hidden];
        s.c = new double[hidden];
        s.h = new double[hidden];
        for (int j = 0; j < hidden; j++) {
            switch (cell) {
                case RNN -> s.h[j] = Math.tanh(pre(s, 0, j));
                case LSTM -> {
                    double i = sigmoid(pre(s, 0, j)), f = sigmoid(pre(s, 1, j));
                    double g = Math.tanh(pre(s, 2, j)), o = sigmoid(pre(s, 3, j));
                    s.c[j] = f * cPrev[j] + i * g;
                    s.h[j] = o * Math.tanh(s.c[j]);
                    keep(s, j, i, f, g, o);
                }
                case PEEPHOLE -> {
                    double i = sigmoid(pre(s, 0, j) + params.get(p + ".peephole_i")[j] * cPrev[j]);
                    double f = sigmoid(pre(s, 1, j) + params.get(p + ".peephole_f")[j] * cPrev[j]);
                    double g = Math.tanh(pre(s, 2, j));
                    s.c[j] = f * cPrev[j] + i * g;
                    double o = sigmoid(pre(s, 3, j) + params.get(p + ".peephole_o")[j] * s.c[j]);
                    s.h[j] = o * Math.tanh(s.c[j]);
                    keep(s, j, i, f, g, o);
                }
                case CIFG -> {
                    double f = sigmoid(pre(s, 0, j)), g = Math.tanh(pre(s, 1, j)), o = sigmoid(pre(s, 2, j));
                    s.c[j] = f * cPrev[j] + (1 - f) * g;
                    s.h[j] = o * Math.tanh(s.c[j]);
                    keep(s, j, f, g, o);
                }
                case GRU -> {
                    if (s.hn == null) s.hn = new double[hidden];
                    double r = sigmoid(pre(s, 0, j)), z = sigmoid(pre(s, 1, j));
                    s.hn[j] = s.hPart[2 * hidden + j] + params.get(p + ".bias_hn")[j];
                    double n = Math.tanh(s.xPart[2 * hidden + j] + r * s.hn[j]);
                    s.h[j] = (1 - z) * n + z * hPrev[j];
                    keep(s, j, r, z, n);
                }
            }
        }
        return s;
    }

    /** Pre-activation of gate block k, unit j: x·Wx + b + h[t-1]·Wh. */
    private double pre(Step s, int k, int j) {
        return s.xPart[k * hidden + j] + s.hPart[k * hidden + j];
    }

    private static void keep(Step s, int j, double... values) {
        for (int k = 0; k < values.length; k++) s.gate[k][j] = values[k];
    }

    private static double sigmoid(double a) {
        return 1 / (1 + Math.exp(-a));
    }

    /** Backpropagation through time of the forward pass's mean loss. */
    Gradients backward(Forward run) {
        Gradients grads = new Gradients();
        params.forEach((name, v) -> grads.params.put(name, new double[v.length]));
        grads.hidden = new double[layers][run.steps][run.batch * hidden];
        double[][][] dhNext = new double[layers][run.batch][hidden];   // from step t + 1
        double[][][] dcNext = new double[layers][run.batch][hidden];
        for (int t = run.steps - 1; t >= 0; t--) {
            for (int b = 0; b < run.batch; b++) {
                int row = t * run.batch + b;
                double[] dFromAbove = outputBackward(run, row, run.trace[layers - 1][t][b].h, grads);
                for (int l = layers - 1; l >= 0; l--) {
                    Step s = run.trace[l][t][b];
                    double[] dh = new double[hidden];
                    for (int j = 0; j < hidden; j++) dh[j] = dFromAbove[j] + dhNext[l][b][j];
                    System.arraycopy(dh, 0, grads.hidden[l][t], b * hidden, hidden);
                    double[] dxPart = new double[gates * hidden], dhPart = new double[gates * hidden];
                    double[] dhPrev = new double[hidden], dcPrev = new double[hidden];
                    stepBackward(l, s, dh, dcNext[l][b], dxPart, dhPart, dhPrev, dcPrev, grads);
                    dFromAbove = throughProducts(l, s, dxPart, dhPart, dhPrev, grads);
                    if (l > 0) dFromAbove = dropped(dFromAbove, l, row);
                    dhNext[l][b] = dhPrev;
                    dcNext[l][b] = dcPrev;
                }
                if (embedding > 0) {
                    double[] gE = grads.params.get("embedding");
                    for (int i = 0; i < embedding; i++) gE[run.inputs[row] * embedding + i] += dFromAbove[i];
                }
            }
        }
        grads.hidden0 = new double[layers][run.batch * hidden];
        grads.cell0 = new double[layers][run.batch * hidden];
        for (int l = 0; l < layers; l++) {
            for (int b = 0; b < run.batch; b++) {
                System.arraycopy(dhNext[l][b], 0, grads.hidden0[l], b * hidden, hidden);
                System.arraycopy(dcNext[l][b], 0, grads.cell0[l], b * hidden, hidden);
            }
        }
        return grads;
    }

    /** Gradient of the mean loss w.r.t. the top hidden state at one position (0 without a target). */
    private double[] outputBackward(Forward run, int row, double[] hTop, Gradients grads) {
        double[] dh = new double[hidden];
        int target = run.targets[row];
        if (target < 0) return dh;
        double[] w = params.get("output.weight");
        double[] gW = grads.params.get("output.weight"), gB = grads.params.get("output.bias");
        for (int v = 0; v < vocab; v++) {
            double dz = (run.probs[row][v] - (v == target ? 1 : 0)) / run.predicted;
            gB[v] += dz;
            for (int m = 0; m < hidden; m++) {
                gW[m * vocab + v] += hTop[m] * dz;
                dh[m] += w[m * vocab + v] * dz;
            }
        }
        return dh;
    }

    /**
     * One cell step backwards: from dL/dh[t] (all of it) and dL/dc[t] coming from step t + 1, the
     * gradients of the input part and recurrent part of every gate's pre-activation, any direct
     * dL/dh[t-1], dL/dc[t-1], and the gradients of the cell's extra parameters.
     */
    private void stepBackward(int l, Step s, double[] dh, double[] dc, double[] dxPart, double[] dhPart,
            double[] dhPrev, double[] dcPrev, Gradients grads) {
        String p = "layers." + l;
        int n = hidden;
        for (int j = 0; j < n; j++) {
            switch (cell) {
                case RNN -> dxPart[j] = dh[j] * (1 - s.h[j] * s.h[j]);
                case LSTM -> {
                    double i = s.gate[0][j], f = s.gate[1][j], g = s.gate[2][j], o = s.gate[3][j];
                    double tc = Math.tanh(s.c[j]);
                    double dcj = dc[j] + dh[j] * o * (1 - tc * tc);
                    dxPart[j] = dcj * g * i * (1 - i);
                    dxPart[n + j] = dcj * s.cPrev[j] * f * (1 - f);
                    dxPart[2 * n + j] = dcj * i * (1 - g * g);
                    dxPart[3 * n + j] = dh[j] * tc * o * (1 - o);
                    dcPrev[j] = dcj * f;
                }
                case PEEPHOLE -> {
                    double i = s.gate[0][j], f = s.gate[1][j], g = s.gate[2][j], o = s.gate[3][j];
                    double pi = params.get(p + ".peephole_i")[j], pf = params.get(p + ".peephole_f")[j];
                    double po = params.get(p + ".peephole_o")[j];
                    double tc = Math.tanh(s.c[j]);
                    double daO = dh[j] * tc * o * (1 - o);
                    double dcj = dc[j] + dh[j] * o * (1 - tc * tc) + daO * po;
                    double daI = dcj * g * i * (1 - i), daF = dcj * s.cPrev[j] * f * (1 - f);
                    dxPart[j] = daI;
                    dxPart[n + j] = daF;
                    dxPart[2 * n + j] = dcj * i * (1 - g * g);
                    dxPart[3 * n + j] = daO;
                    dcPrev[j] = dcj * f + daI * pi + daF * pf;
                    grads.params.get(p + ".peephole_i")[j] += daI * s.cPrev[j];
                    grads.params.get(p + ".peephole_f")[j] += daF * s.cPrev[j];
                    grads.params.get(p + ".peephole_o")[j] += daO * s.c[j];
                }
                case CIFG -> {
                    double f = s.gate[0][j], g = s.gate[1][j], o = s.gate[2][j];
                    double tc = Math.tanh(s.c[j]);
                    double dcj = dc[j] + dh[j] * o * (1 - tc * tc);
                    dxPart[j] = dcj * (s.cPrev[j] - g) * f * (1 - f);
                    dxPart[n + j] = dcj * (1 - f) * (1 - g * g);
                    dxPart[2 * n + j] = dh[j] * tc * o * (1 - o);
                    dcPrev[j] = dcj * f;
                }
                case GRU -> {
                    double r = s.gate[0][j], z = s.gate[1][j], cand = s.gate[2][j];
                    double daN = dh[j] * (1 - z) * (1 - cand * cand);
                    double daR = daN * s.hn[j] * r * (1 - r);
                    double daZ = dh[j] * (s.hPrev[j] - cand) * z * (1 - z);
                    dxPart[j] = daR;
                    dxPart[n + j] = daZ;
                    dxPart[2 * n + j] = daN;
                    dhPart[j] = daR;
                    dhPart[n + j] = daZ;
                    dhPart[2 * n + j] = daN * r;
                    grads.params.get(p + ".bias_hn")[j] += daN * r;
                    dhPrev[j] = dh[j] * z;
                }
            }
        }
        // every cell but the GRU adds x·Wx + b and h[t-1]·Wh before its gates
        if (cell != CellType.GRU) System.arraycopy(dxPart, 0, dhPart, 0, dxPart.length);
    }

    /**
     * Back through x·Wx + b and h[t-1]·Wh: adds the weight gradients, adds h[t-1]'s share to
     * dhPrev and returns dL/dx.
     */
    private double[] throughProducts(int l, Step s, double[] dxPart, double[] dhPart, double[] dhPrev, Gradients grads) {
        String p = "layers." + l;
        double[] wx = params.get(p + ".wx"), wh = params.get(p + ".wh");
        double[] gWx = grads.params.get(p + ".wx"), gWh = grads.params.get(p + ".wh"), gB = grads.params.get(p + ".bias");
        int width = gates * hidden;
        double[] dx = new double[s.x.length];
        for (int k = 0; k < width; k++) {
            gB[k] += dxPart[k];
            for (int i = 0; i < s.x.length; i++) {
                gWx[i * width + k] += s.x[i] * dxPart[k];
                dx[i] += wx[i * width + k] * dxPart[k];
            }
            for (int m = 0; m < hidden; m++) {
                gWh[m * width + k] += s.hPrev[m] * dhPart[k];
                dhPrev[m] += wh[m * width + k] * dhPart[k];
            }
        }
        return dx;
    }
}
