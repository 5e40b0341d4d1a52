package lstm.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import lstm.io.LockFile;
import lstm.io.MetricsLog;
import lstm.io.UserException;
import lstm.linalg.MatrixEngine;
import lstm.music.MidiReader;
import lstm.nn.CellType;
import lstm.plot.LossCurve;
import lstm.poly.PolyKind;
import lstm.poly.PolyModels;
import lstm.text.Document;
import lstm.text.TextReader;
import lstm.train.CharCorpus;
import lstm.train.EventCorpus;
import lstm.train.Model;
import lstm.train.ModelKind;
import lstm.train.Requested;
import lstm.train.TokenCorpus;
import lstm.train.TokenData;
import lstm.train.TrainOptions;
import lstm.train.Trainer;
import lstm.train.TrainingStart;
import lstm.train.TokenKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "train", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Train a model on a corpus: text files, folders of text, or - for standard input;",
                "MIDI files or folders of them (.mid, .midi) train an events model (Performance RNN events).",
                "Checkpoints are written atomically to the output file; Ctrl-C, SIGTERM and SIGHUP save and exit with 130;",
                "a second run on the same output is refused while this one holds MODEL.lock.", ""},
        footerHeading = "%nExamples:%n", footer = {
                "  lstm train corpora/plays.txt -o plays.lstm --time 1m",
                "  lstm train shakespeare.txt -o big.lstm --layers 2 --hidden 512 --dropout 0.2 --steps 20000 --log big.csv",
                "  lstm train shakespeare.txt -o big.lstm --resume --steps 40000",
                "  lstm train ../shared/corpora/midi/nottingham_melody -o folk.lstm --no-velocity --transpose -3..3 --time 10m",
                "  lstm train --model roll jsb/train.csv --valid jsb/valid.csv --preset jsb -o jsb-roll.lstm"})
final class TrainCommand implements Callable<Integer> {
    @ParentCommand
    LstmCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "CORPUS", arity = "1..*", description = "Text files or folders (recursive), or - for standard input; or MIDI files or folders.")
    List<String> corpus;

    @Option(names = {"-o", "--output"}, paramLabel = "MODEL", defaultValue = "model.lstm", description = "Model file to write (default: ${DEFAULT-VALUE}).")
    Path output;

    @Option(names = "--resume", description = "Continue training the model in --output.")
    boolean resume;

    @Option(names = "--cell", defaultValue = "lstm", description = "Recurrent cell: lstm, gru, rnn, peephole or cifg (default: ${DEFAULT-VALUE}).")
    String cell;

    @Option(names = "--layers", defaultValue = "2", description = "Stacked recurrent layers (default: ${DEFAULT-VALUE}).")
    int layers;

    @Option(names = "--hidden", defaultValue = "128", description = "Units per layer (default: ${DEFAULT-VALUE}).")
    int hidden;

    @Option(names = "--embedding", defaultValue = "0", description = "Input embedding size; 0 = one-hot input (default: ${DEFAULT-VALUE}).")
    int embedding;

    @Option(names = "--dropout", defaultValue = "0", description = "Dropout between layers, in [0, 1) (default: ${DEFAULT-VALUE}).")
    float dropout;

    @Option(names = "--batch-size", defaultValue = "50", description = "Parallel streams per step (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--seq-length", defaultValue = "50", description = "Steps of back-propagation through time (default: ${DEFAULT-VALUE}).")
    int seqLength;

    @Option(names = "--optimizer", defaultValue = "adam", description = "adam, rmsprop or sgd (default: ${DEFAULT-VALUE}).")
    String optimizer;

    @Option(names = "--lr", defaultValue = "2e-3", description = "Learning rate (default: ${DEFAULT-VALUE}).")
    float lr;

    @Option(names = "--momentum", defaultValue = "0.9", description = "Momentum for sgd (default: ${DEFAULT-VALUE}).")
    float momentum;

    @Option(names = "--schedule", defaultValue = "constant", description = "Learning-rate schedule: constant, step or cosine (default: ${DEFAULT-VALUE}).")
    String schedule;

    @Option(names = "--lr-decay", defaultValue = "0.97", description = "Factor for the step schedule (default: ${DEFAULT-VALUE}).")
    float lrDecay;

    @Option(names = "--lr-decay-every", defaultValue = "1000", description = "Steps between decays for the step schedule (default: ${DEFAULT-VALUE}).")
    int lrDecayEvery;

    @Option(names = "--min-lr", defaultValue = "0", description = "Final learning rate of the cosine schedule (default: ${DEFAULT-VALUE}).")
    float minLr;

    @Option(names = "--warmup", defaultValue = "0", description = "Steps of linear learning-rate warm-up (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--grad-clip", defaultValue = "5", description = "Clip gradients to this global norm; 0 = off (default: ${DEFAULT-VALUE}).")
    float gradClip;

    @Option(names = "--steps", description = "Stop at this many steps since the model started.")
    Long steps;

    @Option(names = "--epochs", description = "Stop at this many epochs since the model started.")
    Integer epochs;

    @Option(names = "--time", converter = Durations.class, paramLabel = "DURATION", description = "Stop after this long, e.g. 90s, 10m, 1h30m.")
    Double time;

    @Option(names = "--val-fraction", defaultValue = "0.05", description = "Tail of each document held out for validation (default: ${DEFAULT-VALUE}).")
    double valFraction;

    @Option(names = "--eval-every", defaultValue = "500", description = "Steps between validations, and at the end; 0 = never (default: ${DEFAULT-VALUE}).")
    int evalEvery;

    @Option(names = "--checkpoint-every", defaultValue = "1000", description = "Steps between checkpoints (default: ${DEFAULT-VALUE}).")
    int checkpointEvery;

    @Option(names = "--keep-best", description = "Also keep the model with the lowest validation loss in MODEL.best.")
    boolean keepBest;

    @Option(names = "--log", paramLabel = "FILE", description = "Append metrics to this CSV file.")
    Path log;

    @Option(names = "--plot", paramLabel = "PNG", description = "Redraw this loss plot (PNG) at each evaluation; with --log, it continues the log's curve.")
    Path plot;

    @Option(names = "--log-every", defaultValue = "10", description = "Steps between rows of the metrics log (default: ${DEFAULT-VALUE}).")
    int logEvery;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed; same seed, same run (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--keep-cr", description = "Keep carriage returns (CRLF is otherwise read as LF).")
    boolean keepCr;

    @Mixin
    EngineOptions engineOptions = new EngineOptions();

    @Option(names = {"-q", "--quiet"}, description = "No progress output.")
    boolean quiet;

    @Mixin
    PolyTrainOptions poly;

    @Mixin
    EventTrainOptions events;

    @Override
    public Integer call() {
        validate();
        new OutputPaths().inputs("", corpus).inputs("--valid", poly.valid)
                .output("-o", output).output("--log", log).output("--plot", plot).output("--keep-best", keepBest ? bestPath(output) : null)
                .check();
        String kind = modelKind();
        ModelKind modelKind = PolyModels.KINDS.contains(kind) ? PolyKind.of(kind, poly.preset) : TokenKind.named(kind);
        if (modelKind == null) throw new UsageException("--model must be char, events, roll or biaxial, got '" + kind + "'");
        EventCorpus.Augmentation augmentation = modelKind == TokenKind.EVENTS ? events.augmentation() : null;
        try (LockFile lock = LockFile.acquire(output)) {
            if (modelKind instanceof PolyKind frames) return new PolyTraining(this).run(frames);
            return trainTokens((TokenKind) modelKind, augmentation);
        }
    }

    private int trainTokens(TokenKind kind, EventCorpus.Augmentation augmentation) {
        MatrixEngine mm = engineOptions.engine();
        Requested requested = requested();
        TrainingStart.Resumed resumed = resume ? TrainingStart.resume(kind, output, requested, mm) : null;
        TokenCorpus source = kind == TokenKind.EVENTS ? eventCorpus(resumed == null ? null : resumed.model(), augmentation) : textCorpus();
        Model model = resumed != null ? resumed.model() : TrainingStart.create(kind, requested, source.newCodec(), mm);
        TrainOptions options = model.options;
        stopOptions(options, model.state.epoch, kind.defaultEpochs());
        options.evalEvery = evalEvery;

        TokenData data = source.tokens(model.codec, options.valFraction);
        TrainingStart.checkSameData(model, data.fingerprint(), output);
        long needed = (long) options.batchSize * options.seqLength + 1;
        if (data.train().length < needed) {
            throw new UserException("the corpus is too small: " + data.train().length + " training " + source.unit() + ", but a step needs "
                    + needed + " (batch size × sequence length + 1)", "lower --batch-size or --seq-length");
        }

        Trainer trainer = new Trainer(model, resumed == null ? null : resumed.tensors(), data, output, keepBest ? bestPath(output) : null);
        String banner = String.format("training %s: %s%s, %d × %d %s, %,d parameters, vocabulary %d; %,d training / %,d validation %s",
                output, resume ? "resumed at step " + model.state.step : "new model", kind == TokenKind.TEXT ? "" : " (" + kind.name() + ")",
                model.network.config.layers(),
                model.network.config.hidden(), model.network.config.cell().id(), model.network.parameterCount(),
                model.network.config.vocabSize(), data.train().length, data.validation().length, source.unit());
        return run(trainer, options, kind == TokenKind.TEXT ? "chars" : source.unit(), banner);
    }

    /** Every option that shapes a model or its run, by name, and which of them were given. */
    Requested requested() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("--cell", cell);
        v.put("--layers", layers);
        v.put("--hidden", hidden);
        v.put("--embedding", embedding);
        v.put("--dropout", dropout);
        v.put("--keep-cr", keepCr);
        v.put("--time-hidden", PolyKind.sizes(poly.timeHidden));
        v.put("--note-hidden", PolyKind.sizes(poly.noteHidden));
        v.put("--no-velocity", events.noVelocity);
        v.put("--drums", events.drums);
        v.put("--no-sustain", events.noSustain);
        v.put("--batch-size", batchSize);
        v.put("--seq-length", seqLength);
        v.put("--optimizer", optimizer);
        v.put("--lr", lr);
        v.put("--momentum", momentum);
        v.put("--schedule", schedule);
        v.put("--lr-decay", lrDecay);
        v.put("--lr-decay-every", lrDecayEvery);
        v.put("--min-lr", minLr);
        v.put("--warmup", warmup);
        v.put("--grad-clip", gradClip);
        v.put("--val-fraction", valFraction);
        v.put("--seed", seed);
        var parsed = spec.commandLine().getParseResult();
        Set<String> given = new HashSet<>();
        for (String option : v.keySet()) if (parsed.hasMatchedOption(option)) given.add(option);
        return new Requested(v, given);
    }

    /** The stop criteria given on the command line (with none: {@code defaultEpochs} more epochs) and the checkpoint interval. */
    void stopOptions(TrainOptions options, int epochNow, int defaultEpochs) {
        TrainingStart.stopAt(options, steps, epochs, time, defaultEpochs, epochNow);
        options.checkpointEvery = checkpointEvery;
    }

    /**
     * Runs a trainer of any model kind until its stop criteria, with progress on stderr, the
     * metrics log and plot, and Ctrl-C / SIGTERM / SIGHUP saving a checkpoint; returns the exit code.
     */
    int run(Trainer trainer, TrainOptions options, String rateUnit, String banner) {
        LossCurve curve = plot == null ? null : plotCurve();   // before the log is opened (and perhaps created)
        MetricsLog metrics = log == null ? null : new MetricsLog(log);
        ProgressPrinter progress = new ProgressPrinter(parent.io.err, quiet, metrics, Math.max(1, logEvery), options.maxSteps, rateUnit);
        if (plot != null) progress.plotTo(plot, curve);
        if (!quiet) parent.io.err.println(banner);
        AtomicBoolean stop = Signals.onInterrupt();
        Trainer.Outcome outcome;
        try {
            outcome = trainer.run(progress, stop::get);
        } catch (RuntimeException | Error e) {
            progress.abandon();
            throw e;
        } finally {
            Signals.trainingDone();
        }
        try {
            progress.finish();
        } catch (UserException e) {
            throw new UserException(e.getMessage(), "the model was saved at step " + trainer.step() + " in " + output, e);
        }
        return outcome == Trainer.Outcome.INTERRUPTED ? Main.INTERRUPTED : Main.OK;
    }

    /** --model as given; without it, events for MIDI files and folders of them, else char (text). */
    String modelKind() {
        if (spec.commandLine().getParseResult().hasMatchedOption("--model")) return poly.model;
        return EventTrainOptions.looksLikeMidi(corpus) ? EventCorpus.KIND : CharCorpus.KIND;
    }

    private TokenCorpus textCorpus() {
        List<Document> docs = new TextReader(keepCr).read(corpus, parent.io.in);
        long chars = docs.stream().mapToLong(d -> d.codePoints().length).sum();
        if (chars == 0) throw new UserException("the corpus is empty: " + String.join(", ", corpus), "give a file with some text");
        return CharCorpus.of(docs, keepCr);
    }

    /** MIDI files (and --valid files) read with the model's settings, skips and a summary reported on stderr. */
    private TokenCorpus eventCorpus(Model resumed, EventCorpus.Augmentation augmentation) {
        EventCorpus.Settings settings = events.settings(resumed);
        List<MidiReader.Piece> pieces = events.read(paths(corpus), settings, "training files", parent.io, quiet).pieces();
        List<MidiReader.Piece> validation = poly.valid == null ? null
                : events.read(paths(poly.valid), settings, "validation files", parent.io, quiet).pieces();
        if (!quiet && validation == null) {
            double fraction = resumed != null ? resumed.options.valFraction : valFraction;   // a resumed model keeps its split
            long held = java.util.stream.IntStream.range(0, pieces.size()).filter(i -> EventCorpus.heldOut(i, fraction)).count();
            parent.io.err.printf("validation: %d of %d pieces held out, spread evenly in path order (or choose them with --valid)%n", held, pieces.size());
        }
        if (!quiet && augmentation.copies() > 1) {
            parent.io.err.printf("augmentation: %d versions of each training piece (transpositions %s, stretches %s)%n",
                    augmentation.copies(), augmentation.shifts(), augmentation.stretches());
        }
        return new EventCorpus(pieces, validation, settings, augmentation);
    }

    private static List<Path> paths(List<String> names) {
        return names.stream().map(Path::of).toList();
    }

    /** The curve behind --plot: it continues what the log already holds (a resumed run), else starts empty. */
    private LossCurve plotCurve() {
        String name = output.getFileName().toString().replaceFirst("\\.lstm$", "");
        boolean logHasRows = log != null && Files.isRegularFile(log) && log.toFile().length() > 0;
        return logHasRows ? LossCurve.read(log, name) : new LossCurve(name);
    }

    static Path bestPath(Path output) {
        return output.resolveSibling(output.getFileName() + ".best");
    }

    private void validate() {
        positive("--layers", layers);
        positive("--hidden", hidden);
        positive("--batch-size", batchSize);
        positive("--seq-length", seqLength);
        if (embedding < 0) throw new UsageException("--embedding must be 0 (one-hot) or more, got " + embedding);
        if (!(dropout >= 0 && dropout < 1)) throw new UsageException("--dropout must be in [0, 1), got " + dropout);
        if (!(lr > 0)) throw new UsageException("--lr must be positive, got " + lr);
        if (!(gradClip >= 0)) throw new UsageException("--grad-clip must be 0 or more, got " + gradClip);
        if (!(valFraction >= 0 && valFraction < 1)) throw new UsageException("--val-fraction must be in [0, 1), got " + valFraction);
        if (steps != null && steps < 1) throw new UsageException("--steps must be at least 1, got " + steps);
        if (epochs != null && epochs < 1) throw new UsageException("--epochs must be at least 1, got " + epochs);
        if (evalEvery < 0 || checkpointEvery < 0 || warmup < 0) throw new UsageException("--eval-every, --checkpoint-every and --warmup must not be negative");
        if (!List.of("adam", "rmsprop", "sgd").contains(optimizer)) throw new UsageException("--optimizer must be adam, rmsprop or sgd, got '" + optimizer + "'");
        if (!List.of("constant", "step", "cosine").contains(schedule)) throw new UsageException("--schedule must be constant, step or cosine, got '" + schedule + "'");
        if (schedule.equals("cosine") && steps == null) throw new UsageException("--schedule cosine needs --steps (the length of the schedule)");
        try {
            CellType.parse(cell);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--cell: " + e.getMessage());
        }
    }

    private static void positive(String option, long value) {
        if (value < 1) throw new UsageException(option + " must be at least 1, got " + value);
    }
}
