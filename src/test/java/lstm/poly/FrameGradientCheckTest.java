package lstm.poly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import lstm.linalg.JavaEngine;
import lstm.linalg.Rng;
import lstm.nn.Param;
import org.junit.jupiter.api.Test;

/**
 * Back-propagation of the frame models against central finite differences of their own loss.
 * The networks compute in float, so each parameter tensor is checked along a random ±1
 * direction (the derivative summed over all its entries, which a wrong index or a missed path
 * changes by far more than float noise), and a few single entries besides. Dropout is on, with
 * the same masks in every evaluation (a fresh Rng with a fixed seed).
 *
 * <p>For the biaxial model this covers both wirings: the time-axis weights are tied across the 88
 * keys (their gradient sums over every key's sequence) and the note-axis recurrence runs up the
 * keyboard (the note weights' gradient flows through all 88 note steps and back into the time axis).
 */
class FrameGradientCheckTest {
    private static final double EPS = 2e-3;

    @Test
    void rollGradientsMatchFiniteDifferences() {
        Rng rng = new Rng(5);
        RollNetwork net = new RollNetwork(new int[] {5, 4}, 0.2f, new JavaEngine());
        PolyFixtures.randomize(net.params(), rng, 0.5);
        check(net, rng, 4, 2);
    }

    @Test
    void biaxialGradientsMatchFiniteDifferences() {
        Rng rng = new Rng(6);
        BiaxialNetwork net = new BiaxialNetwork(new int[] {4, 3}, new int[] {4, 3}, 0.2f, new JavaEngine());
        PolyFixtures.randomize(net.params(), rng, 0.5);
        check(net, rng, 3, 2);
    }

    private static void check(PolyNetwork net, Rng rng, int steps, int batch) {
        FramePass pass = net.pass(steps, batch);
        pass.set(0, PolyFixtures.randomPiece(rng, 6, 30, 60, 0.3), 2, steps);
        pass.set(1, PolyFixtures.randomPiece(rng, 5, 20, 70, 0.2), 0, steps - 1);
        pass.resetState();
        for (Param p : net.params()) p.zeroGrad();
        pass.forward(new Rng(77));
        pass.backward();

        for (Param p : net.params()) {
            double[] direction = new double[p.size()];
            double analytic = 0;
            for (int i = 0; i < direction.length; i++) {
                direction[i] = rng.nextDouble() < 0.5 ? -1 : 1;
                analytic += direction[i] * p.grad[i];
            }
            double numeric = numeric(pass, p, direction);
            assertEquals(analytic, numeric, 0.02 * Math.abs(analytic) + 2e-4, p.name + " along a random direction");
            assertTrue(Math.abs(analytic) > 1e-4 || p.name.endsWith("bias"), p.name + " gradient should not vanish: " + analytic);
            for (int e = 0; e < 3; e++) {
                int i = rng.nextInt(p.size());
                double[] single = new double[p.size()];
                single[i] = 1;
                assertEquals(p.grad[i], numeric(pass, p, single), 0.03 * Math.abs(p.grad[i]) + 3e-4, p.name + "[" + i + "]");
            }
        }
    }

    /** (L(θ + εv) − L(θ − εv)) / 2ε for the training loss per real step, with the same dropout masks. */
    private static double numeric(FramePass pass, Param p, double[] v) {
        float[] saved = p.value.clone();
        double[] loss = new double[2];
        for (int side = 0; side < 2; side++) {
            double sign = side == 0 ? 1 : -1;
            for (int i = 0; i < saved.length; i++) p.value[i] = (float) (saved[i] + sign * EPS * v[i]);
            pass.resetState();
            pass.forward(new Rng(77));
            loss[side] = pass.trainingNats() / pass.realSteps();
        }
        System.arraycopy(saved, 0, p.value, 0, saved.length);
        return (loss[0] - loss[1]) / (2 * EPS);
    }

    @Test
    void biaxialKeysDependOnlyOnTheKeysBelowThem() {
        Rng rng = new Rng(8);
        BiaxialNetwork net = new BiaxialNetwork(new int[] {4}, new int[] {5}, 0f, new JavaEngine());
        PolyFixtures.randomize(net.params(), rng, 0.5);
        Piece piece = PolyFixtures.randomPiece(rng, 3, 30, 60, 0.3);
        boolean[][] changed = new boolean[3][];
        for (int t = 0; t < 3; t++) changed[t] = piece.play()[t].clone();
        int key = 45;
        changed[2][key] = !changed[2][key];
        Piece other = Piece.fromRoll("changed", changed);
        FramePass a = net.pass(3, 1), b = net.pass(3, 1);
        a.set(0, piece, 0, 3);
        b.set(0, other, 0, 3);
        a.forward(null);
        b.forward(null);
        for (int n = 0; n <= key; n++) assertEquals(a.playProbability(0, 2, n), b.playProbability(0, 2, n), 0.0, "key " + n);
        double moved = 0;
        for (int n = key + 1; n < Keyboard.KEYS; n++) moved += Math.abs(a.playProbability(0, 2, n) - b.playProbability(0, 2, n));
        assertTrue(moved > 1e-4, "keys above " + key + " should hear it: " + moved);
        for (int t = 0; t < 2; t++) {
            for (int n = 0; n < Keyboard.KEYS; n++) assertEquals(a.playProbability(0, t, n), b.playProbability(0, t, n), 0.0);
        }
    }

    /** Composing runs the same network one key and one step at a time: its probabilities must match training's. */
    @Test
    void generatorsSeeTheSameProbabilitiesAsTraining() {
        Rng rng = new Rng(9);
        List<PolyNetwork> nets = List.of(new RollNetwork(new int[] {6}, 0f, new JavaEngine()),
                new BiaxialNetwork(new int[] {5, 4}, new int[] {4}, 0f, new JavaEngine()));
        for (PolyNetwork net : nets) {
            PolyFixtures.randomize(net.params(), rng, 0.5);
            Piece piece = PolyFixtures.randomPiece(rng, 4, 30, 60, 0.3);
            FramePass pass = net.pass(4, 1);
            pass.set(0, piece, 0, 4);
            pass.forward(null);
            PolyNetwork.FrameGenerator gen = net.generator();
            boolean[] play = new boolean[Keyboard.KEYS], art = new boolean[Keyboard.KEYS];
            for (int t = 0; t < 4; t++) {
                boolean[] truth = piece.play()[t], struck = piece.articulate()[t];
                double[] seen = new double[Keyboard.KEYS];
                PolyNetwork.KeySampler replay = new PolyNetwork.KeySampler() {
                    int key = 0, artKey = 0;

                    @Override
                    public boolean play(double logit) {
                        seen[key] = 1 / (1 + Math.exp(-logit));
                        artKey = key;
                        return truth[key++];
                    }

                    @Override
                    public boolean articulate(double logit) {
                        return struck[artKey];
                    }
                };
                gen.next(t == 0 ? null : piece.play()[t - 1], t == 0 ? null : piece.articulate()[t - 1], t, replay, play, art);
                for (int k = 0; k < Keyboard.KEYS; k++) {
                    assertEquals(pass.playProbability(0, t, k), seen[k], 1e-5, net.kind() + " step " + t + " key " + k);
                }
            }
        }
    }
}
