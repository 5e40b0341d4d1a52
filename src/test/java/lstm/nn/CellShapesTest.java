package lstm.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Which weights each cell has, by name and shape, and how the gated cells start. */
class CellShapesTest {
    private static final int VOCAB = 11, HIDDEN = 5;

    private static Map<String, int[]> shapes(CellType cell) {
        Network net = TestNets.network(cell, VOCAB, HIDDEN, 1, 0, 0f, 1);
        Map<String, int[]> shapes = new LinkedHashMap<>();
        for (Param p : net.params()) shapes.put(p.name, p.shape);
        return shapes;
    }

    private static Map<String, int[]> expected(int gates, String... extraVectors) {
        Map<String, int[]> m = new LinkedHashMap<>();
        m.put("layers.0.wx", new int[] {VOCAB, gates * HIDDEN});
        m.put("layers.0.wh", new int[] {HIDDEN, gates * HIDDEN});
        m.put("layers.0.bias", new int[] {gates * HIDDEN});
        for (String name : extraVectors) m.put("layers.0." + name, new int[] {HIDDEN});
        m.put("output.weight", new int[] {HIDDEN, VOCAB});
        m.put("output.bias", new int[] {VOCAB});
        return m;
    }

    private static void assertShapes(Map<String, int[]> expected, Map<String, int[]> actual) {
        assertEquals(expected.keySet().stream().toList(), actual.keySet().stream().toList());
        expected.forEach((name, shape) -> assertArrayEquals(shape, actual.get(name), name));
    }

    @Test
    void cifgHasNoInputGateWeights() {
        Network net = TestNets.network(CellType.CIFG, VOCAB, HIDDEN, 1, 0, 0f, 1);
        assertEquals(3 * HIDDEN, net.layer(0).gateWidth);
        assertShapes(expected(3), shapes(CellType.CIFG));
        long lstm = TestNets.network(CellType.LSTM, VOCAB, HIDDEN, 1, 0, 0f, 1).parameterCount();
        assertEquals(lstm - (VOCAB + HIDDEN + 1) * HIDDEN, net.parameterCount(), "one gate block fewer than LSTM");
    }

    @Test
    void lstmHasFourGateBlocks() {
        assertShapes(expected(4), shapes(CellType.LSTM));
    }

    @Test
    void gruHasThreeGateBlocksAndARecurrentCandidateBias() {
        assertShapes(expected(3, "bias_hn"), shapes(CellType.GRU));
    }

    @Test
    void rnnHasOneBlock() {
        assertShapes(expected(1), shapes(CellType.RNN));
    }

    @Test
    void peepholeAddsThreeDiagonalWeights() {
        assertShapes(expected(4, "peephole_i", "peephole_f", "peephole_o"), shapes(CellType.PEEPHOLE));
    }

    /** Gate blocks: LSTM and peephole i f g o (forget is block 1), CIFG f g o (block 0). */
    @ParameterizedTest
    @EnumSource(value = CellType.class, names = {"LSTM", "PEEPHOLE", "CIFG"})
    void forgetBiasStartsAtOneOtherBiasesAtZero(CellType cell) {
        Network net = TestNets.network(cell, VOCAB, HIDDEN, 2, 0, 0f, 3);
        int forgetBlock = cell == CellType.CIFG ? 0 : 1;
        for (int l = 0; l < 2; l++) {
            float[] bias = net.layer(l).bias.value;
            for (int k = 0; k < bias.length; k++) {
                assertEquals(k / HIDDEN == forgetBlock ? 1f : 0f, bias[k], "bias " + k + " of layer " + l);
            }
            for (Param p : net.layer(l).params()) {
                if (p.name.contains("peephole")) assertArrayEquals(new float[HIDDEN], p.value, p.name + " starts at 0");
            }
        }
    }
}
