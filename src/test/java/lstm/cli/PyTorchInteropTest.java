package lstm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lstm.io.Json;
import lstm.nn.CellType;
import lstm.train.CharCorpus;
import lstm.train.EventCorpus;
import lstm.train.Model;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PyTorch bridge (interop/pytorch/lstm_torch.py) against lstm itself: the same logits for
 * every cell, input and token kind, and a model trained by a two-process DistributedDataParallel
 * run that lstm evaluates, describes, samples and resumes. Skipped without /usr/bin/python3 and torch.
 */
class PyTorchInteropTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void needsTorch() {
        assumeTrue(InteropModels.hasTorch(), "needs /usr/bin/python3 with torch (Debian: python3-torch)");
    }

    private static List<String> python(String... args) {
        List<String> cmd = new ArrayList<>(List.of(InteropModels.PYTHON.toString(), InteropModels.SCRIPT.toString()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    @Test
    void javaTrainedModelsGiveTheSameLogitsInPyTorchOver200Steps() throws IOException {
        record Case(String name, Model model, int[] tokens) {}
        List<Case> cases = new ArrayList<>();
        int[] text = CharCorpus.vocabulary(InteropModels.trained(CharCorpus.KIND, CellType.LSTM, 0, dir.resolve("probe.lstm")))
                .encode(InteropModels.text().codePoints());
        for (CellType cell : CellType.values()) {
            for (int embedding : new int[] {0, 8}) {
                String name = cell.id() + "-" + (embedding == 0 ? "onehot" : "embedding");
                Model m = InteropModels.trained(CharCorpus.KIND, cell, embedding, dir.resolve(name + ".lstm"));
                cases.add(new Case(name, m, java.util.Arrays.copyOfRange(text, 5000, 5200)));
            }
            String name = cell.id() + "-events";
            Model m = InteropModels.trained(EventCorpus.KIND, cell, cell == CellType.GRU ? 8 : 0, dir.resolve(name + ".lstm"));
            int[] events = new int[200];
            for (int i = 0; i < events.length; i++) events[i] = (i * 37 + 11) % m.network.config.vocabSize();
            cases.add(new Case(name, m, events));
        }
        // one Python process for all of them: torch takes seconds to import
        StringBuilder script = new StringBuilder("import sys; sys.path.insert(0, 'interop/pytorch'); import lstm_torch\n");
        for (Case c : cases) {
            Path ids = dir.resolve(c.name() + ".ids");
            StringBuilder sb = new StringBuilder();
            for (int t : c.tokens()) sb.append(t).append(' ');
            Files.writeString(ids, sb);
            script.append(String.format("assert lstm_torch.main(['logits', '%s', '--tokens', '%s', '-o', '%s']) == 0%n",
                    dir.resolve(c.name() + ".lstm"), ids, dir.resolve(c.name() + ".f32")));
        }
        InteropModels.Result r = InteropModels.run(List.of(InteropModels.PYTHON.toString(), "-c", script.toString()), 300);
        assertEquals(0, r.code(), r.err());
        for (Case c : cases) {
            float[] java = InteropModels.logits(c.model().network, c.tokens());
            float[] torch = floats(dir.resolve(c.name() + ".f32"));
            assertEquals(java.length, torch.length, c.name());
            double worst = 0;
            for (int i = 0; i < java.length; i++) worst = Math.max(worst, Math.abs(java[i] - torch[i]));
            assertTrue(worst <= 1e-5, c.name() + ": logits differ by " + worst);
            assertTrue(java[java.length - 1] != java[java.length - 2], c.name() + ": the logits must not be constant");
        }
    }

    @Test
    void aModelTrainedByTwoProcessDdpGetsTheSameLossFromLstmEvalAndIsResumable() throws Exception {
        Path corpus = dir.resolve("corpus.txt"), heldOut = dir.resolve("held-out.txt");
        String all = Files.readString(Path.of("corpora/tiny-plays.txt"));
        Files.writeString(corpus, all.substring(0, 20_000));
        Files.writeString(heldOut, all.substring(20_000, 22_000));
        // the starting point: a Java-trained GRU with an embedding (the GRU's b_hn and the embedding
        // exercise the mapping that nn.GRU needs), written with optimizer moments and carried state
        Path base = dir.resolve("base.lstm");
        CliRun r = CliRun.run("train", corpus.toString(), "-o", base.toString(), "--cell", "gru", "--layers", "2", "--hidden", "16",
                "--embedding", "8", "--batch-size", "4", "--seq-length", "16", "--steps", "3", "--eval-every", "0", "--threads", "1", "-q");
        assertEquals(0, r.code(), r.err());
        Path ddp = dir.resolve("ddp.lstm");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        // torchrun, as python3 -m so that it is the same Python's; --redirects 2 --tee 2: Debian's
        // torchrun (torch 1.13 on Python 3.11) fails on its default "--redirects 0"
        InteropModels.Result t = InteropModels.run(List.of(InteropModels.PYTHON.toString(), "-m", "torch.distributed.run",
                "--nnodes", "1", "--nproc_per_node", "2",
                "--master_addr", "127.0.0.1", "--master_port", Integer.toString(port), "--redirects", "2", "--tee", "2",
                InteropModels.SCRIPT.toString(), "train", corpus.toString(), "--model", base.toString(), "-o", ddp.toString(),
                "--steps", "8", "--threads", "1", "--quiet"), 300);
        assertEquals(0, t.code(), t.out() + t.err());

        CliRun info = CliRun.run("info", ddp.toString(), "--json");
        assertEquals(0, info.code(), info.err());
        Map<String, Object> described = Json.readObject(info.text());
        assertEquals(8, ((Number) described.get("steps")).intValue());
        assertEquals("gru", described.get("cell"));

        CliRun eval = CliRun.run("eval", ddp.toString(), heldOut.toString(), "--json");
        assertEquals(0, eval.code(), eval.err());
        double javaLoss = ((Number) Json.readObject(eval.text()).get("loss_nats")).doubleValue();
        // each process took half the batch and DDP averaged the gradients: the update of one process with all of it.
        // One Python for PyTorch's loss on the DDP model and that single-process run (torch takes seconds to import).
        Path single = dir.resolve("single.lstm");
        InteropModels.Result p = InteropModels.run(List.of(InteropModels.PYTHON.toString(), "-c",
                "import sys; sys.path.insert(0, 'interop/pytorch'); import lstm_torch\n"
                        + String.format("assert lstm_torch.main(['eval', '%s', '%s', '--json']) == 0%n", ddp, heldOut)
                        + String.format("assert lstm_torch.main(['train', '%s', '--model', '%s', '-o', '%s', '--steps', '8', '--threads', '1', '--quiet']) == 0%n",
                                corpus, base, single)), 300);
        assertEquals(0, p.code(), p.err());
        double torchLoss = ((Number) Json.readObject(p.out().strip()).get("loss_nats")).doubleValue();
        assertEquals(javaLoss, torchLoss, 1e-5, "lstm eval and PyTorch on the DDP-trained model");
        double baseLoss = ((Number) Json.readObject(CliRun.run("eval", base.toString(), heldOut.toString(), "--json").text()).get("loss_nats")).doubleValue();
        assertTrue(Math.abs(javaLoss - baseLoss) > 1e-4, "the DDP run must have changed the weights");
        double singleLoss = ((Number) Json.readObject(CliRun.run("eval", single.toString(), heldOut.toString(), "--json").text()).get("loss_nats")).doubleValue();
        assertEquals(singleLoss, javaLoss, 1e-5, "two DDP processes and one process with the whole batch");

        CliRun sample = CliRun.run("sample", ddp.toString(), "--length", "40", "--seed", "1");
        assertEquals(0, sample.code(), sample.err());
        assertTrue(sample.text().length() >= 40, sample.text());
        Path resumed = dir.resolve("resumed.lstm");
        Files.copy(ddp, resumed);
        CliRun more = CliRun.run("train", corpus.toString(), "-o", resumed.toString(), "--resume", "--steps", "10", "--eval-every", "0",
                "--threads", "1", "-q");
        assertEquals(0, more.code(), more.err());
        assertEquals(10, ((Number) Json.readObject(CliRun.run("info", resumed.toString(), "--json").text()).get("steps")).intValue());
    }

    @Test
    void modelsPyTorchStartsAreLstmModelsForEveryCell() throws Exception {
        Path corpus = dir.resolve("new-corpus.txt"), heldOut = dir.resolve("new-held-out.txt");
        String all = Files.readString(Path.of("corpora/tiny-plays.txt"));
        Files.writeString(corpus, all.substring(0, 6_000));
        Files.writeString(heldOut, all.substring(6_000, 7_000));
        StringBuilder script = new StringBuilder("import sys; sys.path.insert(0, 'interop/pytorch'); import lstm_torch\n");
        for (CellType cell : CellType.values()) {
            String embedding = cell == CellType.RNN || cell == CellType.PEEPHOLE ? "4" : "0";
            Path out = dir.resolve("new-" + cell.id() + ".lstm");
            script.append(String.format("assert lstm_torch.main(['train', '%s', '--new', '--cell', '%s', '--embedding', '%s', '--hidden', '8', "
                    + "'--batch-size', '4', '--seq-length', '8', '--steps', '3', '--threads', '1', '-q', '-o', '%s']) == 0%n",
                    corpus, cell.id(), embedding, out));
            script.append(String.format("assert lstm_torch.main(['eval', '%s', '%s', '--json']) == 0%n", out, heldOut));
        }
        InteropModels.Result r = InteropModels.run(List.of(InteropModels.PYTHON.toString(), "-c", script.toString()), 300);
        assertEquals(0, r.code(), r.err());
        List<String> losses = r.out().strip().lines().toList();
        assertEquals(CellType.values().length, losses.size(), r.out());
        for (CellType cell : CellType.values()) {
            Path model = dir.resolve("new-" + cell.id() + ".lstm");
            Map<String, Object> info = Json.readObject(CliRun.run("info", model.toString(), "--json").text());
            assertEquals(cell.id(), info.get("cell"));
            assertEquals(3, ((Number) info.get("steps")).intValue());
            CliRun eval = CliRun.run("eval", model.toString(), heldOut.toString(), "--json");
            assertEquals(0, eval.code(), eval.err());
            double javaLoss = ((Number) Json.readObject(eval.text()).get("loss_nats")).doubleValue();
            double torchLoss = ((Number) Json.readObject(losses.get(cell.ordinal())).get("loss_nats")).doubleValue();
            assertEquals(javaLoss, torchLoss, 1e-5, cell.id());
            CliRun more = CliRun.run("train", corpus.toString(), "-o", model.toString(), "--resume", "--steps", "4", "--eval-every", "0",
                    "--threads", "1", "-q");
            assertEquals(0, more.code(), cell.id() + ": " + more.err());
        }
    }

    @Test
    void aRollModelIsRefusedInOneLine() throws IOException {
        Path csv = dir.resolve("loops.csv"), roll = dir.resolve("roll.lstm");
        Files.writeString(csv, PolyCliTest.chordLoopCsv());
        CliRun r = CliRun.run("train", "--model", "roll", csv.toString(), "--valid", csv.toString(), "-o", roll.toString(),
                "--hidden", "8", "--batch-size", "2", "--seq-length", "8", "--steps", "1", "--threads", "1", "-q");
        assertEquals(0, r.code(), r.err());
        Path truncated = dir.resolve("truncated.lstm");
        byte[] bytes = Files.readAllBytes(roll);
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length - 5));
        // one Python for both (torch takes seconds to import); main's return value is the exit code
        InteropModels.Result p = InteropModels.run(List.of(InteropModels.PYTHON.toString(), "-c",
                "import sys; sys.path.insert(0, 'interop/pytorch'); import lstm_torch\n"
                        + String.format("print(lstm_torch.main(['eval', '%s', '%s']))%n", roll, csv)
                        + String.format("print(lstm_torch.main(['eval', '%s', '%s']))%n", truncated, csv)), 120);
        assertEquals(List.of("1", "1"), p.out().strip().lines().toList(), p.err());
        assertEquals(List.of("lstm_torch: " + roll + " is a 'roll' model; lstm_torch loads token models only (char, events), "
                        + "not roll or biaxial (use lstm itself for those)",
                "lstm_torch: " + truncated + " is not a valid model file: tensor data does not match its checksum "
                        + "(it may be truncated or damaged; use an intact copy)"), p.err().strip().lines().toList());
    }

    @Test
    void theWriterOfFormatVersionTwoChecksItself() {
        InteropModels.Result p = InteropModels.run(python("selftest"), 120);
        assertEquals(0, p.code(), p.err());
        assertTrue(p.out().contains("ok"), p.out());
    }

    private static float[] floats(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[b.remaining() / 4];
        b.asFloatBuffer().get(out);
        return out;
    }
}
