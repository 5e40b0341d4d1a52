package lstm.cli;

import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import lstm.bench.Benchmark;
import lstm.io.Json;
import lstm.linalg.MatrixEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "bench", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Measure training and sampling speed on the workload of the PyTorch reference script "
                + "(pytorch_char_lstm.py): Tiny Shakespeare, seq 50 x batch 50, Adam, clipping 5, then batch-1 sampling.", ""},
        footerHeading = "%nExamples:%n", footer = {
                "  lstm bench --config S",
                "  lstm bench --config M --json >> results.jsonl",
                "  lstm bench --config S --threads 1 --blas java"})
final class BenchCommand implements Callable<Integer> {
    /** Where the shared corpora live, seen from the repository (the jar is in its target folder). */
    static final String DEFAULT_CORPUS = "../shared/corpora/text/tinyshakespeare.txt";

    @ParentCommand
    LstmCommand parent;

    @Option(names = "--config", defaultValue = "S", paramLabel = "S|M|L",
            description = "Model size: S = 2 x 128, M = 2 x 512, L = 3 x 1024 LSTM (default: ${DEFAULT-VALUE}).")
    Benchmark.Config config;

    @Option(names = "--corpus", paramLabel = "FILE",
            description = "Training text (default: " + DEFAULT_CORPUS + " relative to the repository).")
    Path corpus;

    @Option(names = "--steps", defaultValue = "" + Benchmark.TIMED_STEPS, paramLabel = "N",
            description = "Timed training steps (default: ${DEFAULT-VALUE}, as the script).")
    int steps;

    @Option(names = "--warmup", defaultValue = "" + Benchmark.WARMUP_STEPS, paramLabel = "N",
            description = "Untimed training steps first (default: ${DEFAULT-VALUE}, as the script).")
    int warmup;

    @Option(names = "--sample", defaultValue = "" + Benchmark.SAMPLE_LENGTH, paramLabel = "N",
            description = "Characters to sample at batch 1 after training, timed after 200 untimed; 0 = none "
                    + "(default: ${DEFAULT-VALUE}; give the script the same --sample).")
    int sample;

    @Mixin
    EngineOptions engineOptions = new EngineOptions();

    @Option(names = "--json", description = "Print one JSON object with the script's keys (train_chars_per_s, "
            + "train_chars_per_s_best, sample_chars_per_s, peak_rss_mb) and cpu, threads, backend, config.")
    boolean json;

    @Override
    public Integer call() {
        if (steps < 1) throw new UsageException("--steps must be at least 1, got " + steps);
        if (warmup < 0) throw new UsageException("--warmup must be 0 or more, got " + warmup);
        if (sample < 0) throw new UsageException("--sample must be 0 or more, got " + sample);
        MatrixEngine engine = engineOptions.engine();
        Path text = corpus != null ? corpus : defaultCorpus();
        Benchmark.Settings settings = new Benchmark.Settings(config, text, 50, 50, warmup, steps, sample);
        Benchmark.Result r = Benchmark.run(settings, engine, engineOptions.threadsUsed(engine), new Progress(parent.io.err));
        if (json) {
            parent.io.text.println(Json.write(toMap(r)));
        } else {
            table(r, parent.io.text);
        }
        return Main.OK;
    }

    static Map<String, Object> toMap(Benchmark.Result r) {
        Benchmark.Settings s = r.settings();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("peer", "lstm");
        m.put("config", s.config().name());
        m.put("backend", r.backend());
        m.put("threads", r.threads());
        m.put("cpu", r.cpu());
        m.put("java", Runtime.version().toString());
        m.put("vocab", r.vocab());
        m.put("hidden", s.config().hidden);
        m.put("layers", s.config().layers);
        m.put("seq", s.seq());
        m.put("batch", s.batch());
        m.put("timed_steps", s.steps());
        m.put("step_median_s", Math.round(r.stepMedianSeconds() * 1e6) / 1e6);
        m.put("step_best_s", Math.round(r.stepBestSeconds() * 1e6) / 1e6);
        m.put("train_chars_per_s", Benchmark.round1(r.trainCharsPerSecond()));
        m.put("train_chars_per_s_best", Benchmark.round1(r.trainCharsPerSecondBest()));
        m.put("loss_first", Math.round(r.lossFirst() * 1e4) / 1e4);
        m.put("loss_last", Math.round(r.lossLast() * 1e4) / 1e4);
        m.put("flop_per_char_forward", (long) Benchmark.forwardFlopsPerChar(s.config(), r.vocab()));
        m.put("train_gflop_per_s", Benchmark.round1(r.trainGflops()));
        m.put("sample_chars", s.sampleLength());
        m.put("sample_chars_per_s", Double.isFinite(r.sampleCharsPerSecond()) ? Benchmark.round1(r.sampleCharsPerSecond()) : null);
        m.put("sample_gflop_per_s", Double.isFinite(r.sampleCharsPerSecond()) ? Math.round(r.sampleGflops() * 100) / 100.0 : null);
        m.put("peak_rss_mb", Double.isFinite(r.peakRssMb()) ? Benchmark.round1(r.peakRssMb()) : null);
        return m;
    }

    private static void table(Benchmark.Result r, PrintWriter out) {
        Benchmark.Settings s = r.settings();
        out.printf(Locale.ROOT, "lstm bench --config %s: %d x %d LSTM, seq %d x batch %d, Adam, clip 5, float32%n",
                s.config(), s.config().layers, s.config().hidden, s.seq(), s.batch());
        out.printf(Locale.ROOT, "  cpu        %s%n", r.cpu());
        out.printf(Locale.ROOT, "  back-end   %s, %d thread%s%n", r.backend(), r.threads(), r.threads() == 1 ? "" : "s");
        out.printf(Locale.ROOT, "  train      %,.0f chars/s median, %,.0f best (%d steps timed after %d warm-up; %.1f ms a step; %.1f GFLOP/s)%n",
                r.trainCharsPerSecond(), r.trainCharsPerSecondBest(), s.steps(), s.warmup(), r.stepMedianSeconds() * 1e3, r.trainGflops());
        if (Double.isFinite(r.sampleCharsPerSecond())) {
            out.printf(Locale.ROOT, "  sample     %,.0f chars/s (batch 1, %d characters; %.2f GFLOP/s)%n",
                    r.sampleCharsPerSecond(), s.sampleLength(), r.sampleGflops());
        }
        out.printf(Locale.ROOT, "  loss       %.4f first step, %.4f last%n", r.lossFirst(), r.lossLast());
        out.printf(Locale.ROOT, "  peak RSS   %s%n", Double.isFinite(r.peakRssMb()) ? String.format(Locale.ROOT, "%.1f MB", r.peakRssMb()) : "unknown");
    }

    /** The shared corpus next to the repository that holds the running jar (or classes folder). */
    static Path defaultCorpus() {
        try {
            Path code = Path.of(BenchCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path repo = code.getParent().getParent();   // target/lstm.jar or target/classes
            return repo.resolve(DEFAULT_CORPUS).normalize();
        } catch (URISyntaxException | RuntimeException e) {
            return Path.of(DEFAULT_CORPUS);
        }
    }

    /** One line per step on stderr: rewritten in place on a terminal, every tenth step otherwise. */
    private static final class Progress implements Benchmark.Listener {
        private final java.io.PrintStream err;
        private final boolean terminal = ProgressPrinter.stderrIsTerminal();

        Progress(java.io.PrintStream err) {
            this.err = err;
        }

        @Override
        public void onTrainStep(int step, int total, boolean timed, double seconds, double loss) {
            if (!terminal && step != 1 && step % 10 != 0 && step != total) return;
            String line = String.format(Locale.ROOT, "bench: step %d/%d%s %.3f s, loss %.3f",
                    step, total, timed ? "" : " (warm-up)", seconds, loss);
            err.print(terminal ? "\r" + line + "\033[K" : line + "\n");
            err.flush();
        }

        @Override
        public void onSampling(int characters) {
            String line = "bench: sampling " + characters + " characters at batch 1";
            err.print(terminal ? "\r" + line + "\033[K\n" : line + "\n");
            err.flush();
        }
    }
}
