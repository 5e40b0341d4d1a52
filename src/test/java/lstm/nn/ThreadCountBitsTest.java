package lstm.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import lstm.linalg.Engines;
import lstm.linalg.MatrixEngine;
import lstm.linalg.Rng;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Training gives the same bits whatever the thread count: a few steps of stateful training (Adam,
 * clipping, state carried across chunks) with 1, 2 and 3 threads end with identical weights, and
 * batch-1 generation after them gives identical logits, the same through a generation workspace
 * (weights prepared once) as through a plain one. The shapes are big enough for the vector
 * engine to split its products over threads (batch 30 × 4·208 gates × 208) and have edge tiles,
 * and to cut each cell's element-wise step differently for 2 threads (units 0-111, 112-207) and
 * for 3 (0-79, 80-159, 160-207), which matters most where a step sums per-unit gradients over
 * the streams (GRU, peephole).
 */
class ThreadCountBitsTest {
    private static final int VOCAB = 23, HIDDEN = 208, LAYERS = 2, STEPS = 10, BATCH = 30, CHUNKS = 3;

    @ParameterizedTest
    @EnumSource(CellType.class)
    void sameWeightsForOneTwoAndThreeThreads(CellType cell) {
        List<float[]> one = train(cell, Engines.byName("vector", 1));
        for (int threads : new int[] {2, 3}) {
            List<float[]> other = train(cell, Engines.byName("vector", threads));
            assertEquals(one.size(), other.size());
            for (int i = 0; i < one.size(); i++) {
                assertArrayEquals(one.get(i), other.get(i), cell + " with " + threads + " threads, tensor " + i);
            }
        }
    }

    /** Every parameter after training, then the logits of ten batch-1 steps. */
    private static List<float[]> train(CellType cell, MatrixEngine engine) {
        Network net = new Network(new NetworkConfig(cell, VOCAB, HIDDEN, LAYERS, 0, 0f), engine);
        net.initialize(new Rng(5));
        Optimizer adam = Optimizer.create("adam", net.params(), 0f, engine);
        Workspace ws = net.workspace(STEPS, BATCH);
        Rng data = new Rng(6);
        for (int chunk = 0; chunk < CHUNKS; chunk++) {
            int[] inputs = TestNets.tokens(data, STEPS * BATCH, VOCAB);
            int[] targets = TestNets.tokens(data, STEPS * BATCH, VOCAB);
            net.zeroGrad();
            net.forward(ws, inputs, targets, null);
            net.backward(ws);
            Optimizer.clipGlobalNorm(net.params(), 5.0);
            adam.update(2e-3f, chunk + 1);
            ws.carryState();
        }
        List<float[]> out = new ArrayList<>();
        for (Param p : net.params()) out.add(p.value.clone());
        // generation: prepared weights (matrix × vector) give the same bits as the plain products
        Workspace plain = net.workspace(1, 1), generation = net.generationWorkspace(1);
        int[] token = {3}, none = {-1};
        for (int t = 0; t < 10; t++) {
            net.forward(plain, token, none, null);
            plain.carryState();
            net.forward(generation, token, none, null);
            generation.carryState();
            assertArrayEquals(plain.logits, generation.logits, engine.name() + " generation step " + t);
            out.add(generation.logits.clone());
            token[0] = (token[0] * 7 + 1) % VOCAB;
        }
        return out;
    }
}
