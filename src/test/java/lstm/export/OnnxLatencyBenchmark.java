package lstm.export;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.Locale;
import java.util.Map;
import lstm.linalg.Engines;
import lstm.linalg.Rng;
import lstm.nn.CellType;
import lstm.nn.Network;
import lstm.nn.NetworkConfig;
import lstm.nn.Workspace;
import lstm.train.Model;
import lstm.train.TrainOptions;
import lstm.train.TrainingState;

/**
 * Batch-1 latency of one step (token in, logits and state out): lstm's generation workspace (what
 * {@code lstm sample} runs) against ONNX Runtime on the exported graph, one step per call with the
 * state fed back (how a server would stream), alternating so both see the same machine load.
 * Not a test: run after {@code mvn -q -B test-compile} with
 * <pre>  java --add-modules jdk.incubator.vector -cp target/classes:target/test-classes:$(cat cp.txt) \
 *       lstm.export.OnnxLatencyBenchmark [hidden=128] [threads=1] [cell=lstm]</pre>
 * where cp.txt is {@code mvn dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test}.
 */
public final class OnnxLatencyBenchmark {
    public static void main(String[] args) throws Exception {
        int hidden = args.length > 0 ? Integer.parseInt(args[0]) : 128;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        CellType cell = CellType.parse(args.length > 2 ? args[2] : "lstm");
        int vocab = 65, layers = 2;
        Network net = new Network(new NetworkConfig(cell, vocab, hidden, layers, 0, 0f), Engines.byName("auto", threads));
        net.initialize(new Rng(1));
        Model model = new Model("char", net, Map.of("code_points", java.util.List.of()), new TrainOptions(), new TrainingState());
        byte[] onnx = OnnxExport.export(model, "benchmark").bytes();
        Workspace ws = net.generationWorkspace(1);
        try (OrtEnvironment env = OrtEnvironment.getEnvironment(); OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(threads);
            options.setInterOpNumThreads(1);
            try (OrtSession session = env.createSession(onnx, options)) {
                System.out.printf(Locale.ROOT, "# %d x %d %s, vocab %d, batch 1, %d thread(s), %s back-end; ONNX file %,d bytes; µs per step%n",
                        layers, hidden, cell.id(), vocab, threads, net.engine().name(), onnx.length);
                for (int round = 0; round < 6; round++) {
                    double a = lstmMicros(net, ws, vocab), b = onnxMicros(env, session, net.config);
                    System.out.printf(Locale.ROOT, "round %d: lstm %8.1f   onnxruntime %8.1f   (onnx/lstm %.2f)%s%n",
                            round, a, b, b / a, round < 2 ? "   warm-up" : "");
                }
            }
        }
    }

    private static double lstmMicros(Network net, Workspace ws, int vocab) {
        int[] token = {1}, none = {-1};
        int steps = 0;
        long start = System.nanoTime(), elapsed;
        do {
            net.forward(ws, token, none, null);
            ws.carryState();
            token[0] = (token[0] * 7 + 3) % vocab;
            steps++;
            elapsed = System.nanoTime() - start;
        } while (elapsed < 1_000_000_000L);
        return elapsed / 1e3 / steps;
    }

    private static double onnxMicros(OrtEnvironment env, OrtSession session, NetworkConfig c) throws Exception {
        boolean step = c.cell() == CellType.CIFG, cellState = c.cell() != CellType.GRU && c.cell() != CellType.RNN;
        long[] stateShape = {c.layers(), 1, c.hidden()};
        float[] h = new float[c.layers() * c.hidden()], cs = new float[h.length];
        long token = 1;
        int steps = 0;
        long start = System.nanoTime(), elapsed;
        do {
            try (OnnxTensor t = OnnxTensor.createTensor(env, LongBuffer.wrap(new long[] {token}), step ? new long[] {1} : new long[] {1, 1});
                 OnnxTensor h0 = OnnxTensor.createTensor(env, FloatBuffer.wrap(h), stateShape);
                 OnnxTensor c0 = OnnxTensor.createTensor(env, FloatBuffer.wrap(cs), stateShape)) {
                Map<String, OnnxTensor> in = cellState ? Map.of(step ? "token" : "tokens", t, "h0", h0, "c0", c0)
                        : Map.of("tokens", t, "h0", h0);
                try (OrtSession.Result r = session.run(in)) {
                    h = ((OnnxTensor) r.get("hn").orElseThrow()).getFloatBuffer().array();
                    if (cellState) cs = ((OnnxTensor) r.get("cn").orElseThrow()).getFloatBuffer().array();
                }
            }
            token = (token * 7 + 3) % c.vocabSize();
            steps++;
            elapsed = System.nanoTime() - start;
        } while (elapsed < 1_000_000_000L);
        return elapsed / 1e3 / steps;
    }
}
