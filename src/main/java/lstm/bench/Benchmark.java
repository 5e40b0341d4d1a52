package lstm.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import lstm.io.UserException;
import lstm.linalg.MatrixEngine;
import lstm.linalg.Rng;
import lstm.nn.CellType;
import lstm.nn.Network;
import lstm.nn.NetworkConfig;
import lstm.nn.Optimizer;
import lstm.nn.Param;
import lstm.nn.Workspace;
import lstm.sample.Generator;
import lstm.sample.Sampler;
import lstm.train.Batcher;

/**
 * The workload of the PyTorch reference script {@code pytorch_char_lstm.py}, step for step:
 * the corpus cut into {@code batch} contiguous streams of whole chunks, one-hot input, stacked
 * LSTM layers, affine output and softmax, truncated BPTT with the state carried across chunks,
 * Adam (lr 2e-3), clipping by global norm 5, float32. The first {@code warmup} steps are not timed;
 * chars/s counts seq × batch predictions per step over the median (and the best) step time. Then,
 * from a fresh state and a space, batch-1 sampling at temperature 1: 200 characters of warm-up,
 * then {@code sampleLength} timed.
 */
public final class Benchmark {
    /** Model sizes of the reference script: layers × hidden units. */
    public enum Config {
        S(2, 128), M(2, 512), L(3, 1024);

        public final int layers;
        public final int hidden;

        Config(int layers, int hidden) {
            this.layers = layers;
            this.hidden = hidden;
        }
    }

    /** As the script's options; {@link #defaults} gives its defaults (sampleLength as its docstring's 2000). */
    public record Settings(Config config, Path corpus, int seq, int batch, int warmup, int steps, int sampleLength) {
        public Settings {
            if (seq < 1 || batch < 1) throw new IllegalArgumentException("seq and batch must be at least 1");
            if (warmup < 0 || steps < 1) throw new IllegalArgumentException("warm-up must be 0 or more and steps at least 1");
            if (sampleLength < 0) throw new IllegalArgumentException("sample length must not be negative");
        }

        public static Settings defaults(Config config, Path corpus) {
            return new Settings(config, corpus, 50, 50, WARMUP_STEPS, TIMED_STEPS, SAMPLE_LENGTH);
        }
    }

    public static final int WARMUP_STEPS = 5;
    public static final int TIMED_STEPS = 30;
    public static final int SAMPLE_LENGTH = 2000;
    /** Characters sampled before timing starts, as the script does. */
    public static final int SAMPLE_WARMUP = 200;
    static final float LEARNING_RATE = 2e-3f;
    static final double CLIP_NORM = 5.0;

    /** Hears about progress (the command line shows it on stderr). */
    public interface Listener {
        void onTrainStep(int step, int total, boolean timed, double seconds, double loss);

        void onSampling(int characters);

        Listener NONE = new Listener() {
            @Override
            public void onTrainStep(int step, int total, boolean timed, double seconds, double loss) {}

            @Override
            public void onSampling(int characters) {}
        };
    }

    /** What one run measured; sample figures are NaN when sampleLength is 0. */
    public record Result(Settings settings, String backend, int threads, int vocab, double stepMedianSeconds,
                         double stepBestSeconds, double lossFirst, double lossLast, double sampleCharsPerSecond,
                         double peakRssMb, String cpu) {
        public double trainCharsPerSecond() {
            return settings.seq() * settings.batch() / stepMedianSeconds;
        }

        public double trainCharsPerSecondBest() {
            return settings.seq() * settings.batch() / stepBestSeconds;
        }

        /** Matrix-product FLOP/s of training at the median step (see {@link #forwardFlopsPerChar}), in GFLOP/s. */
        public double trainGflops() {
            return trainCharsPerSecond() * TRAIN_FLOPS_FACTOR * forwardFlopsPerChar(settings.config(), vocab) / 1e9;
        }

        public double sampleGflops() {
            return sampleCharsPerSecond * forwardFlopsPerChar(settings.config(), vocab) / 1e9;
        }
    }

    /** Training FLOPs per character as a multiple of the forward pass's: forward, then dInput and dWeights products. */
    public static final int TRAIN_FLOPS_FACTOR = 3;

    private Benchmark() {}

    /**
     * Multiply-add FLOPs (2 per multiply-add) of the forward pass for one character: per layer the
     * four gates' recurrent product h·Wh (2·H·4H), and above the first layer also the input
     * product x·Wx (the first layer's one-hot input is a row lookup, no FLOPs); then the output
     * layer (2·H·V). Element-wise work (activations, softmax) is not counted.
     */
    public static double forwardFlopsPerChar(Config c, int vocab) {
        double h = c.hidden, gates = 4.0 * h;
        return 2 * h * gates * (2 * c.layers - 1) + 2 * h * vocab;
    }

    /** Runs the benchmark on {@code engine}; {@code threads} is only reported. */
    public static Result run(Settings s, MatrixEngine engine, int threads, Listener listener) {
        int[] text = readCorpus(s.corpus());
        int[] symbols = Arrays.stream(text).distinct().sorted().toArray();   // sorted(set(text)), as the script
        int[] tokens = new int[text.length];
        for (int i = 0; i < text.length; i++) tokens[i] = Arrays.binarySearch(symbols, text[i]);
        int perStep = s.seq() * s.batch();
        int chunks = (tokens.length - 1) / perStep;
        if (chunks < 1) {
            throw new UserException("the corpus " + s.corpus() + " has " + tokens.length + " characters, fewer than seq × batch + 1",
                    "use a longer text");
        }
        // the script's streams: the first chunks·seq·batch (+1 for the last target) tokens, batch rows
        Batcher batcher = new Batcher(Arrays.copyOf(tokens, chunks * perStep + 1), s.seq(), s.batch());

        NetworkConfig nc = new NetworkConfig(CellType.LSTM, symbols.length, s.config().hidden, s.config().layers, 0, 0f);
        Network net = new Network(nc, engine);
        net.initialize(new Rng(0));
        List<Param> params = net.params();
        Optimizer adam = Optimizer.create("adam", params, 0f, engine);
        Workspace ws = net.workspace(s.seq(), s.batch());
        int[] inputs = new int[perStep], targets = new int[perStep];
        int total = s.warmup() + s.steps();
        double[] times = new double[s.steps()];
        double lossFirst = Double.NaN, lossLast = Double.NaN;
        for (int step = 0; step < total; step++) {
            batcher.fill(step % batcher.chunksPerEpoch, inputs, targets);
            long t0 = System.nanoTime();
            net.zeroGrad();
            double loss = net.forward(ws, inputs, targets, null) / ws.predicted();
            net.backward(ws);
            Optimizer.clipGlobalNorm(params, CLIP_NORM);
            adam.update(LEARNING_RATE, step + 1);
            ws.carryState();
            double seconds = (System.nanoTime() - t0) / 1e9;
            boolean timed = step >= s.warmup();
            if (timed) times[step - s.warmup()] = seconds;
            if (step == 0) lossFirst = loss;
            lossLast = loss;
            listener.onTrainStep(step + 1, total, timed, seconds, loss);
        }
        // The training buffers and Adam's moments are garbage from here on: collect them (untimed)
        // so that sampling's buffers reuse their space instead of growing the heap past training's peak.
        ws = null;
        adam = null;
        System.gc();

        double sampleRate = Double.NaN;
        if (s.sampleLength() > 0) {
            listener.onSampling(s.sampleLength());
            int space = Arrays.binarySearch(symbols, ' ');
            Sampler sampler = new Sampler(symbols.length, 1f, 0, 1f, 1);
            sample(net, sampler, Math.max(space, 0), SAMPLE_WARMUP);
            long t0 = System.nanoTime();
            sample(net, sampler, Math.max(space, 0), s.sampleLength());
            sampleRate = s.sampleLength() / ((System.nanoTime() - t0) / 1e9);
        }
        return new Result(s, engine.name(), threads, symbols.length, median(times), min(times), lossFirst, lossLast,
                sampleRate, Machine.peakRssMb(), Machine.cpuModel());
    }

    /** n characters from a fresh state: n forward steps, the first fed a space, each next one the last pick. */
    private static void sample(Network net, Sampler sampler, int start, int n) {
        Generator generator = new Generator(net, sampler);
        generator.feed(start);
        for (int i = 1; i < n; i++) generator.next();
    }

    private static int[] readCorpus(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).codePoints().toArray();
        } catch (NoSuchFileException e) {
            throw new UserException("no corpus at " + file, "give --corpus FILE, e.g. the shared tinyshakespeare.txt");
        } catch (IOException | RuntimeException e) {
            throw new UserException("cannot read the corpus " + file + ": " + UserException.reason(e), "check the path given to --corpus");
        }
    }

    static double median(double[] xs) {
        double[] sorted = xs.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double min(double[] xs) {
        return Arrays.stream(xs).min().orElse(Double.NaN);
    }

    /** One decimal, as the script rounds its rates. */
    public static double round1(double x) {
        return Double.isFinite(x) ? Math.round(x * 10) / 10.0 : x;
    }

}
