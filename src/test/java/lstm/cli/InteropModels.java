package lstm.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import lstm.linalg.JavaEngine;
import lstm.linalg.Rng;
import lstm.nn.CellType;
import lstm.nn.Network;
import lstm.nn.NetworkConfig;
import lstm.nn.Workspace;
import lstm.text.Document;
import lstm.text.TextReader;
import lstm.text.Vocabulary;
import lstm.train.CharCorpus;
import lstm.train.EventCorpus;
import lstm.train.Model;
import lstm.train.TokenData;
import lstm.train.TrainOptions;
import lstm.train.Trainer;
import lstm.train.TrainingListener;
import lstm.train.TrainingState;

/**
 * Small Java-trained models of every cell, input and kind for the interop tests (PyTorch, ONNX),
 * their logits, and the external programs those tests run.
 */
final class InteropModels {
    static final Path SCRIPT = Path.of("interop/pytorch/lstm_torch.py");
    static final Path PYTHON = Path.of("/usr/bin/python3");
    private static Boolean torch;

    private InteropModels() {}

    /** The first 20,000 characters of the corpus that ships with lstm, as one document. */
    static Document text() throws IOException {
        String all = Files.readString(Path.of("corpora/tiny-plays.txt"));
        return new TextReader(false).decode("tiny-plays", all.substring(0, 20_000).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * A model of the kind ({@code char} or {@code events}) and cell, trained 8 steps by lstm's own
     * Trainer (so its weights are no longer the initial ones) and saved to {@code file}.
     */
    static Model trained(String kind, CellType cell, int embedding, Path file) throws IOException {
        Map<String, Object> codec;
        TokenData data;
        if (kind.equals(CharCorpus.KIND)) {
            List<Document> docs = List.of(text());
            codec = CharCorpus.codec(Vocabulary.of(docs), false);
            data = CharCorpus.tokens(docs, Vocabulary.of(docs), 0.1);
        } else {
            codec = new EventCorpus(List.of(), null, EventCorpus.Settings.DEFAULT, EventCorpus.Augmentation.NONE).newCodec();
            int v = ((Number) codec.get("vocab_size")).intValue();
            Rng rng = new Rng(5);
            int[] doc = new int[4000];
            for (int i = 0; i < doc.length; i++) doc[i] = i % 3 == 0 ? rng.nextInt(v) : (doc[i - 1] * 7 + 1) % v;
            data = TokenData.split(List.of(doc), 0.1);
        }
        int vocab = kind.equals(CharCorpus.KIND) ? ((List<?>) codec.get("code_points")).size() : ((Number) codec.get("vocab_size")).intValue();
        Network network = new Network(new NetworkConfig(cell, vocab, 16, 2, embedding, 0f), new JavaEngine());
        network.initialize(new Rng(7));
        TrainOptions o = new TrainOptions();
        o.batchSize = 4;
        o.seqLength = 16;
        o.learningRate = 1e-2f;
        o.maxSteps = 8;
        o.evalEvery = 0;
        o.checkpointEvery = 0;
        Model model = new Model(kind, network, codec, o, new TrainingState());
        new Trainer(model, null, data, file, null).run(new TrainingListener() {}, () -> false);
        return model;
    }

    /** Logits of the tokens fed one stream from a zero state, [steps][vocab] flat, as lstm computes them. */
    static float[] logits(Network network, int[] tokens) {
        Workspace ws = network.workspace(tokens.length, 1);
        int[] noTargets = new int[tokens.length];
        java.util.Arrays.fill(noTargets, -1);
        network.forward(ws, tokens, noTargets, null);
        return ws.logits.clone();
    }

    /** True when /usr/bin/python3 imports torch (checked once). */
    static synchronized boolean hasTorch() {
        if (torch == null) torch = Files.isExecutable(PYTHON) && run(List.of(PYTHON.toString(), "-c", "import torch"), 60).code() == 0;
        return torch;
    }

    static boolean hasPythonModule(String module) {
        return Files.isExecutable(PYTHON) && run(List.of(PYTHON.toString(), "-c", "import " + module), 60).code() == 0;
    }

    record Result(int code, String out, String err) {}

    /** Runs a program to its end (or kills it after the timeout); output and error as text. */
    static Result run(List<String> command, int timeoutSeconds) {
        try {
            Path out = Files.createTempFile("interop", ".out"), err = Files.createTempFile("interop", ".err");
            try {
                ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
                pb.environment().put("OMP_NUM_THREADS", "1");
                Process p = pb.start();
                if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                    return new Result(-1, Files.readString(out), "timed out: " + Files.readString(err));
                }
                return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            return new Result(-1, "", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "", e.toString());
        }
    }
}
