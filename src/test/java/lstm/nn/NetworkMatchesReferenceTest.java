package lstm.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import lstm.linalg.Rng;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The float32 {@link Network} against the double {@link ReferenceNetwork} on the same weights,
 * for every cell: the mean loss (relative difference ≤ 1e-6), every parameter's gradient after
 * backward (max |difference| ≤ 2e-5 · max |reference gradient| of that parameter, plus 1e-7), the
 * gradient with respect to the carried-in state (dHidden slot 0, dCell) and the state carried out,
 * over two chunks joined by {@link Workspace#carryState}; and with dropout between layers.
 */
class NetworkMatchesReferenceTest {
    private static final double LOSS_TOLERANCE = 1e-6;
    private static final double GRADIENT_TOLERANCE = 2e-5;
    private static final double STATE_TOLERANCE = 1e-5;

    @ParameterizedTest
    @EnumSource(CellType.class)
    void oneHotInputOverTwoChunks(CellType cell) {
        twoChunks(cell, 0, 0f, 21);
    }

    @ParameterizedTest
    @EnumSource(CellType.class)
    void embeddingInputOverTwoChunks(CellType cell) {
        twoChunks(cell, 4, 0f, 22);
    }

    /** Dropout only acts when forward gets a random source; without one the network is the plain model. */
    @ParameterizedTest
    @EnumSource(CellType.class)
    void dropoutConfiguredButNotApplied(CellType cell) {
        twoChunks(cell, 0, 0.5f, 23);
    }

    /** With a random source, the reference gets the masks the network drew. */
    @ParameterizedTest
    @EnumSource(CellType.class)
    void dropoutApplied(CellType cell) {
        int vocab = 7, hidden = 6, layers = 3, steps = 4, batch = 2;
        Rng rng = new Rng(24);
        Network net = TestNets.network(cell, vocab, hidden, layers, 3, 0.4f, 24);
        TestNets.randomize(net, rng, 0.5);
        ReferenceNetwork ref = new ReferenceNetwork(net);
        Workspace ws = net.workspace(steps, batch);
        int[] inputs = TestNets.tokens(rng, steps * batch, vocab);
        int[] targets = TestNets.targets(rng, steps * batch, vocab);

        double loss = net.forward(ws, inputs, targets, new Rng(99)) / ws.predicted();
        net.backward(ws);
        ref.dropMasks = new double[layers][];
        int dropped = 0;
        for (int l = 1; l < layers; l++) {
            ref.dropMasks[l] = new double[ws.dropMask[l].length];
            for (int i = 0; i < ws.dropMask[l].length; i++) {
                ref.dropMasks[l][i] = ws.dropMask[l][i];
                if (ws.dropMask[l][i] == 0f) dropped++;
            }
        }
        assertTrue(dropped > 0, "some units dropped");
        ReferenceNetwork.Forward expected = ref.forward(steps, batch, inputs, targets, null, null);
        ReferenceNetwork.Gradients expectedGrads = ref.backward(expected);
        assertEquals(expected.loss, loss, LOSS_TOLERANCE * expected.loss, cell.id() + " loss");
        for (Param p : net.params()) assertClose(expectedGrads.params.get(p.name), p.grad, cell.id() + " gradient of " + p.name);
    }

    private void twoChunks(CellType cell, int embedding, float dropout, long seed) {
        int vocab = 7, hidden = 6, layers = 2, steps = 5, batch = 3;
        Rng rng = new Rng(seed);
        Network net = TestNets.network(cell, vocab, hidden, layers, embedding, dropout, seed);
        TestNets.randomize(net, rng, 0.5);
        ReferenceNetwork ref = new ReferenceNetwork(net);
        Workspace ws = net.workspace(steps, batch);

        double[][] h0 = null, c0 = null;
        for (int chunk = 0; chunk < 2; chunk++) {
            int[] inputs = TestNets.tokens(rng, steps * batch, vocab);
            int[] targets = TestNets.targets(rng, steps * batch, vocab);
            ReferenceNetwork.Forward expected = ref.forward(steps, batch, inputs, targets, h0, c0);
            ReferenceNetwork.Gradients expectedGrads = ref.backward(expected);

            net.zeroGrad();
            double loss = net.forward(ws, inputs, targets, null) / ws.predicted();
            net.backward(ws);

            String where = cell.id() + " chunk " + chunk;
            assertEquals(expected.loss, loss, LOSS_TOLERANCE * expected.loss, where + " loss");
            for (Param p : net.params()) {
                assertClose(expectedGrads.params.get(p.name), p.grad, where + " gradient of " + p.name);
            }
            for (int l = 0; l < layers; l++) {
                LayerBuffers buf = ws.layer(l);
                assertClose(expectedGrads.hidden0[l], java.util.Arrays.copyOf(buf.dHidden, batch * hidden),
                        where + " dL/dh0 of layer " + l);
                if (buf.cell.length > 0) assertClose(expectedGrads.cell0[l], buf.dCell, where + " dL/dc0 of layer " + l);
            }

            ws.carryState();
            h0 = expected.lastHidden();
            c0 = expected.lastCell();
            Map<String, float[]> carried = ws.state();
            for (int l = 0; l < layers; l++) {
                assertStateClose(h0[l], carried.get("state." + l + ".h"), where + " hidden state of layer " + l);
                if (ws.layer(l).cell.length > 0) {
                    assertStateClose(c0[l], carried.get("state." + l + ".c"), where + " cell state of layer " + l);
                }
            }
        }
    }

    static void assertClose(double[] expected, float[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": size");
        double scale = 0, diff = 0;
        for (int i = 0; i < expected.length; i++) {
            scale = Math.max(scale, Math.abs(expected[i]));
            diff = Math.max(diff, Math.abs(expected[i] - actual[i]));
        }
        assertTrue(diff <= GRADIENT_TOLERANCE * scale + 1e-7,
                what + ": max difference " + diff + " for gradients up to " + scale);
    }

    private static void assertStateClose(double[] expected, float[] actual, String what) {
        for (int i = 0; i < expected.length; i++) assertEquals(expected[i], actual[i], STATE_TOLERANCE, what + "[" + i + "]");
    }
}
