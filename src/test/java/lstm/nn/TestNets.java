package lstm.nn;

import lstm.linalg.JavaEngine;
import lstm.linalg.Rng;

/** Small networks with reproducible random weights and data for the cell tests. */
final class TestNets {
    private TestNets() {}

    static Network network(CellType cell, int vocab, int hidden, int layers, int embedding, float dropout, long seed) {
        Network net = new Network(new NetworkConfig(cell, vocab, hidden, layers, embedding, dropout), new JavaEngine());
        net.initialize(new Rng(seed));
        return net;
    }

    /**
     * Sets every parameter (biases and peepholes too) uniform in ±scale, so that every path
     * through the cell carries signal, unlike a fresh initialisation with zero biases and peepholes.
     */
    static void randomize(Network net, Rng rng, double scale) {
        for (Param p : net.params()) {
            for (int i = 0; i < p.size(); i++) p.value[i] = (float) ((2 * rng.nextDouble() - 1) * scale);
        }
    }

    static int[] tokens(Rng rng, int count, int vocab) {
        int[] t = new int[count];
        for (int i = 0; i < count; i++) t[i] = rng.nextInt(vocab);
        return t;
    }

    /** Random targets, about one in four left out (−1) but never all of them. */
    static int[] targets(Rng rng, int count, int vocab) {
        int[] t = tokens(rng, count, vocab);
        for (int i = 1; i < count; i++) {
            if (rng.nextInt(4) == 0) t[i] = -1;
        }
        return t;
    }

    /** A random state [layer][batch·hidden] in ±scale, rounded to float so both models see the same. */
    static double[][] state(Rng rng, int layers, int size, double scale) {
        double[][] s = new double[layers][size];
        for (int l = 0; l < layers; l++) {
            for (int i = 0; i < size; i++) s[l][i] = (float) ((2 * rng.nextDouble() - 1) * scale);
        }
        return s;
    }
}
