package lstm.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import lstm.linalg.JavaEngine;
import lstm.linalg.Rng;
import lstm.nn.CellType;
import lstm.nn.GradientFlow;
import lstm.nn.Network;
import lstm.nn.NetworkConfig;
import org.junit.jupiter.api.Test;

class GradientReportTest {
    private static Network network(CellType cell) {
        Network net = new Network(new NetworkConfig(cell, 7, 6, 2, 0, 0f), new JavaEngine());
        net.initialize(new Rng(5));
        return net;
    }

    private static int[] tokens(int count) {
        Rng rng = new Rng(11);
        int[] t = new int[count];
        for (int i = 0; i < count; i++) t[i] = rng.nextInt(7);
        return t;
    }

    @Test
    void positionsCoverTheTextOnceEachWithEnoughHistory() {
        int tokens = 1000, maxLag = 50;
        int[] p = GradientReport.positions(tokens, maxLag, 40, 42);
        assertEquals(40, p.length);
        for (int i = 0; i < p.length; i++) {
            assertTrue(p[i] >= maxLag && p[i] <= tokens - 2, "position " + p[i]);
            if (i > 0) assertTrue(p[i] > p[i - 1], "sorted and distinct");
            // one in each of 40 equal stretches of the 949 measurable positions
            int offset = p[i] - maxLag;
            assertTrue(i * 949 / 40 <= offset && offset < (i + 1) * 949 / 40, "position " + p[i] + " in stretch " + i);
        }
        assertArrayEquals(p, GradientReport.positions(tokens, maxLag, 40, 42));
        assertTrue(!Arrays.equals(p, GradientReport.positions(tokens, maxLag, 40, 43)), "the seed picks the places");
        int[] every = GradientReport.positions(60, 50, 100, 1);
        assertArrayEquals(new int[] {50, 51, 52, 53, 54, 55, 56, 57, 58}, every, "every position when there are fewer than asked");
        assertThrows(IllegalArgumentException.class, () -> GradientReport.positions(51, 50, 10, 1));
    }

    /** With a warm-up longer than the text, each position sees its whole prefix, as GradientFlow on the whole text. */
    @Test
    void meanOfGradientFlowAtTheDrawnPositions() {
        Network net = network(CellType.GRU);
        int[] tokens = tokens(300);
        int maxLag = 12, count = 9;
        GradientReport.Result r = GradientReport.measure(net, tokens, maxLag, count, 1000, 3);
        double[][] want = new double[2][maxLag];
        for (int t : GradientReport.positions(tokens.length, maxLag, count, 3)) {
            double[][] norms = GradientFlow.norms(net, tokens, t, maxLag);
            for (int l = 0; l < 2; l++) {
                for (int k = 0; k < maxLag; k++) want[l][k] += norms[l][k] / count;
            }
        }
        assertEquals(count, r.positions());
        for (int l = 0; l < 2; l++) {
            assertArrayEquals(want[l], r.meanNorms()[l], 1e-12, "layer " + l);
            assertEquals(want[l][maxLag - 1] / want[l][0], r.ratio(l), 1e-12);
        }
    }

    /** A short warm-up reads only that many tokens before the K steps of history. */
    @Test
    void warmupLimitsTheContextReadBeforeEachPosition() {
        Network net = network(CellType.LSTM);
        int[] tokens = tokens(300);
        int maxLag = 10, warmup = 5;
        int t = GradientReport.positions(tokens.length, maxLag, 1, 8)[0];
        int[] window = Arrays.copyOfRange(tokens, Math.max(0, t - maxLag - warmup), t + 2);
        double[][] want = GradientFlow.norms(net, window, t - Math.max(0, t - maxLag - warmup), maxLag);
        GradientReport.Result r = GradientReport.measure(net, tokens, maxLag, 1, warmup, 8);
        for (int l = 0; l < 2; l++) assertArrayEquals(want[l], r.meanNorms()[l], 0, "layer " + l);
        GradientReport.Result full = GradientReport.measure(net, tokens, maxLag, 1, 1000, 8);
        assertTrue(t > maxLag + warmup && !Arrays.equals(full.meanNorms()[0], r.meanNorms()[0]),
                "a longer warm-up changes the state, so the norms");
    }
}
