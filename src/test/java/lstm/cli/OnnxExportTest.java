package lstm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lstm.export.OnnxExport;
import lstm.io.Json;
import lstm.nn.CellType;
import lstm.nn.NetworkConfig;
import lstm.train.CharCorpus;
import lstm.train.EventCorpus;
import lstm.train.Model;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lstm export --onnx} run in ONNX Runtime: the same logits as lstm for every cell, input
 * and token kind (sequence graphs run in two calls with the state fed back, step graphs one step
 * at a time), files that onnx's own checker accepts when python3-onnx is installed, and one line
 * for a kind without an export.
 */
class OnnxExportTest {
    @TempDir
    static Path dir;

    private static final int STEPS = 60, FIRST_CALL = 25;

    @Test
    void onnxRuntimeGivesLstmsLogitsForEveryCellInputAndKind() throws Exception {
        List<Path> exported = new ArrayList<>();
        try (OrtEnvironment env = OrtEnvironment.getEnvironment(); OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            for (CellType cell : CellType.values()) {
                for (String variant : List.of("onehot", "embedding", "events")) {
                    String name = cell.id() + "-" + variant;
                    Path file = dir.resolve(name + ".lstm");
                    Model model = InteropModels.trained(variant.equals("events") ? EventCorpus.KIND : CharCorpus.KIND, cell,
                            variant.equals("embedding") ? 8 : 0, file);
                    int v = model.network.config.vocabSize();
                    long[] tokens = new long[STEPS];
                    for (int i = 0; i < STEPS; i++) tokens[i] = (i * 31L + 7) % v;
                    Path onnx = dir.resolve(name + ".onnx");
                    CliRun r = CliRun.run("export", file.toString(), "--onnx", onnx.toString(), "--json");
                    assertEquals(0, r.code(), r.err());
                    Map<String, Object> result = Json.readObject(r.text());
                    assertEquals(cell == CellType.CIFG ? "step" : "sequence", result.get("graph"), name);
                    assertEquals(Files.size(onnx), ((Number) result.get("bytes")).longValue());
                    exported.add(onnx);
                    float[] expected = InteropModels.logits(model.network, toInts(tokens));
                    float[] actual;
                    try (OrtSession session = env.createSession(onnx.toString(), options)) {
                        actual = run(env, session, model.network.config, tokens);
                    }
                    double worst = 0;
                    for (int i = 0; i < expected.length; i++) worst = Math.max(worst, Math.abs(expected[i] - actual[i]));
                    assertTrue(worst <= 1e-5, name + ": ONNX Runtime's logits differ from lstm's by " + worst);
                }
            }
        }
        if (InteropModels.hasPythonModule("onnx")) {
            StringBuilder script = new StringBuilder("import onnx\n");
            for (Path p : exported) script.append("onnx.checker.check_model(onnx.load('").append(p).append("'), full_check=True)\n");
            InteropModels.Result check = InteropModels.run(List.of(InteropModels.PYTHON.toString(), "-c", script.toString()), 120);
            assertEquals(0, check.code(), check.err());
        }
    }

    /** Logits [steps][vocab] from ONNX Runtime; the state comes back out of each call and goes into the next. */
    private static float[] run(OrtEnvironment env, OrtSession session, NetworkConfig c, long[] tokens) throws OrtException {
        boolean step = c.cell() == CellType.CIFG, cellState = c.cell() != CellType.GRU && c.cell() != CellType.RNN;
        int v = c.vocabSize();
        long[] stateShape = {c.layers(), 1, c.hidden()};
        float[] h = new float[c.layers() * c.hidden()], cs = new float[h.length], out = new float[tokens.length * v];
        int[] cuts = step ? java.util.stream.IntStream.rangeClosed(0, tokens.length).toArray() : new int[] {0, FIRST_CALL, tokens.length};
        for (int k = 0; k + 1 < cuts.length; k++) {
            int from = cuts[k], n = cuts[k + 1] - from;
            Map<String, OnnxTensor> in = new HashMap<>();
            long[] shape = step ? new long[] {1} : new long[] {n, 1};
            in.put(step ? "token" : "tokens", OnnxTensor.createTensor(env, LongBuffer.wrap(java.util.Arrays.copyOfRange(tokens, from, from + n)), shape));
            in.put("h0", OnnxTensor.createTensor(env, FloatBuffer.wrap(h), stateShape));
            if (cellState) in.put("c0", OnnxTensor.createTensor(env, FloatBuffer.wrap(cs), stateShape));
            try (OrtSession.Result r = session.run(in)) {
                ((OnnxTensor) r.get("logits").orElseThrow()).getFloatBuffer().get(out, from * v, n * v);
                h = ((OnnxTensor) r.get("hn").orElseThrow()).getFloatBuffer().array();
                if (cellState) cs = ((OnnxTensor) r.get("cn").orElseThrow()).getFloatBuffer().array();
            } finally {
                in.values().forEach(OnnxTensor::close);
            }
        }
        return out;
    }

    private static int[] toInts(long[] v) {
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) out[i] = (int) v[i];
        return out;
    }

    @Test
    void theGraphCarriesTheVocabularyForAServer() throws IOException {
        Model model = InteropModels.trained(CharCorpus.KIND, CellType.LSTM, 0, dir.resolve("meta.lstm"));
        String bytes = new String(OnnxExport.export(model, "meta.lstm").bytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
        CliRun r = CliRun.run("export", dir.resolve("meta.lstm").toString(), "--onnx", "-");
        assertEquals(0, r.code(), r.err());
        assertEquals(bytes, new String(r.out(), java.nio.charset.StandardCharsets.ISO_8859_1), "--onnx - writes the same bytes on standard output");
        assertTrue(bytes.contains("lstm.codec"), "metadata key");
        assertTrue(bytes.contains(Json.write(model.codec)), "the codec, vocabulary included, as JSON");
    }

    @Test
    void aKindWithoutAnExportIsOneLineAndNoFile() throws IOException {
        Path csv = dir.resolve("loops.csv"), roll = dir.resolve("roll.lstm"), onnx = dir.resolve("roll.onnx");
        Files.writeString(csv, PolyCliTest.chordLoopCsv());
        CliRun r = CliRun.run("train", "--model", "roll", csv.toString(), "--valid", csv.toString(), "-o", roll.toString(),
                "--hidden", "8", "--batch-size", "2", "--seq-length", "8", "--steps", "1", "--threads", "1", "-q");
        assertEquals(0, r.code(), r.err());
        r = CliRun.run("export", roll.toString(), "--onnx", onnx.toString());
        CliRun.assertOneLineError(r, 1, "");
        assertEquals("lstm: " + roll + " is a 'roll' model, which has no ONNX export (export char or events models)", r.err().strip());
        assertTrue(!Files.exists(onnx));
        r = CliRun.run("export", dir.resolve("missing.lstm").toString(), "--onnx", onnx.toString());
        CliRun.assertOneLineError(r, 1, "no such model file");
        r = CliRun.run("export", roll.toString());
        assertEquals(2, r.code(), r.err());
    }
}
