package lstm.nn;

import java.util.Locale;
import lstm.linalg.Engines;
import lstm.linalg.MatrixEngine;
import lstm.linalg.Rng;

/**
 * Batch-1 generation steps per second through a plain workspace (products over the weights as
 * they lie, the path before generation workspaces) and through a generation workspace (weights
 * prepared once, panel layout), alternating so both see the same machine load. Not a test: run
 * after {@code mvn -q -B test-compile} with
 * <pre>  java --add-modules jdk.incubator.vector -cp target/classes:target/test-classes:'target/lib/*' \
 *       lstm.nn.GenerationBenchmark [hidden=512] [layers=2] [threads=2] [engine=vector]</pre>
 */
public final class GenerationBenchmark {
    public static void main(String[] args) {
        int hidden = args.length > 0 ? Integer.parseInt(args[0]) : 512;
        int layers = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        MatrixEngine engine = Engines.byName(args.length > 3 ? args[3] : "vector", threads);
        Network net = new Network(new NetworkConfig(CellType.LSTM, 65, hidden, layers, 0, 0f), engine);
        net.initialize(new Rng(1));
        Workspace plain = net.workspace(1, 1), generation = net.generationWorkspace(1);
        int[] token = {1}, none = {-1};
        System.out.printf(Locale.ROOT, "# %d x %d LSTM, %s, %d threads: steps/s (= chars/s without the draw)%n",
                layers, hidden, engine.name(), threads);
        for (int round = 0; round < 6; round++) {
            double a = rate(net, plain, token, none), b = rate(net, generation, token, none);
            System.out.printf(Locale.ROOT, "round %d: plain %8.0f   generation %8.0f   (x%.2f)%s%n",
                    round, a, b, b / a, round < 2 ? "   warm-up" : "");
        }
    }

    private static double rate(Network net, Workspace ws, int[] token, int[] none) {
        int steps = 0;
        long start = System.nanoTime(), elapsed;
        do {
            net.forward(ws, token, none, null);
            ws.carryState();
            token[0] = (token[0] * 7 + 3) % 65;
            steps++;
            elapsed = System.nanoTime() - start;
        } while (elapsed < 1_000_000_000L);
        return steps / (elapsed / 1e9);
    }
}
