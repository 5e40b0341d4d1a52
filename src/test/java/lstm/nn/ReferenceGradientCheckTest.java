package lstm.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.function.DoubleSupplier;
import lstm.linalg.Rng;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The yardstick's own check: every gradient of {@link ReferenceNetwork} (every entry of every
 * parameter, and of the initial state) against central finite differences of its loss, in double.
 * An entry passes when |analytic − numeric| ≤ 1e-6 · max(|analytic|, |numeric|) + 1e-10.
 */
class ReferenceGradientCheckTest {
    private static final double EPS = 1e-5;
    private static final double RELATIVE = 1e-6;
    private static final double ABSOLUTE = 1e-10;

    @ParameterizedTest
    @EnumSource(CellType.class)
    void singleStep(CellType cell) {
        check(cell, 1, 1, 1, 0, 11);
    }

    @ParameterizedTest
    @EnumSource(CellType.class)
    void throughTimeOneHot(CellType cell) {
        check(cell, 5, 3, 2, 0, 12);
    }

    @ParameterizedTest
    @EnumSource(CellType.class)
    void throughTimeEmbedding(CellType cell) {
        check(cell, 4, 2, 2, 3, 13);
    }

    private void check(CellType cell, int steps, int batch, int layers, int embedding, long seed) {
        int vocab = 5, hidden = 4;
        Rng rng = new Rng(seed);
        Network net = TestNets.network(cell, vocab, hidden, layers, embedding, 0f, seed);
        TestNets.randomize(net, rng, 0.6);
        ReferenceNetwork ref = new ReferenceNetwork(net);
        int[] inputs = TestNets.tokens(rng, steps * batch, vocab);
        int[] targets = TestNets.targets(rng, steps * batch, vocab);
        double[][] h0 = TestNets.state(rng, layers, batch * hidden, 0.8);
        double[][] c0 = TestNets.state(rng, layers, batch * hidden, 1.5);

        ReferenceNetwork.Gradients grads = ref.backward(ref.forward(steps, batch, inputs, targets, h0, c0));
        DoubleSupplier loss = () -> ref.forward(steps, batch, inputs, targets, h0, c0).loss;
        Worst worst = new Worst();
        for (Map.Entry<String, double[]> e : ref.params.entrySet()) {
            double[] value = e.getValue(), analytic = grads.params.get(e.getKey());
            for (int i = 0; i < value.length; i++) {
                worst.compare(e.getKey() + "[" + i + "]", analytic[i], numeric(value, i, loss));
            }
        }
        for (int l = 0; l < layers; l++) {
            for (int i = 0; i < batch * hidden; i++) {
                worst.compare("h0." + l + "[" + i + "]", grads.hidden0[l][i], numeric(h0[l], i, loss));
                worst.compare("c0." + l + "[" + i + "]", grads.cell0[l][i], numeric(c0[l], i, loss));
            }
        }
        assertTrue(worst.excess <= 1, cell.id() + ": " + worst.where + " analytic " + worst.analytic
                + " vs numeric " + worst.numeric);
        assertTrue(worst.largest > 1e-3, "gradients should not all vanish");
    }

    private static double numeric(double[] values, int i, DoubleSupplier loss) {
        double saved = values[i];
        values[i] = saved + EPS;
        double plus = loss.getAsDouble();
        values[i] = saved - EPS;
        double minus = loss.getAsDouble();
        values[i] = saved;
        return (plus - minus) / (2 * EPS);
    }

    /** The entry furthest outside its tolerance (excess > 1 fails). */
    private static final class Worst {
        double excess = -1, analytic, numeric, largest;
        String where = "";

        void compare(String name, double a, double n) {
            double scale = Math.max(Math.abs(a), Math.abs(n));
            largest = Math.max(largest, scale);
            double e = Math.abs(a - n) / (RELATIVE * scale + ABSOLUTE);
            if (e > excess) {
                excess = e;
                analytic = a;
                numeric = n;
                where = name;
            }
        }
    }
}
