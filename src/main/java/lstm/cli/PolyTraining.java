package lstm.cli;

import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import lstm.io.UserException;
import lstm.linalg.MatrixEngine;
import lstm.linalg.Rng;
import lstm.poly.BiaxialNetwork;
import lstm.poly.FrameSource;
import lstm.poly.FrameTask;
import lstm.poly.Piece;
import lstm.poly.PolyModels;
import lstm.poly.PolyNetwork;
import lstm.poly.PolyPresets;
import lstm.poly.RollNetwork;
import lstm.train.Model;
import lstm.train.ModelFile;
import lstm.train.TrainOptions;
import lstm.train.Trainer;
import lstm.train.TrainingState;

/** {@code lstm train --model roll|biaxial}: the frame models on the shared training loop. */
final class PolyTraining {
    private final TrainCommand cmd;
    private final PolyTrainOptions poly;

    PolyTraining(TrainCommand cmd) {
        this.cmd = cmd;
        this.poly = cmd.poly;
    }

    private boolean given(String option) {
        return cmd.spec.commandLine().getParseResult().hasMatchedOption(option);
    }

    int run() {
        String kind = poly.model;
        if (!PolyModels.KINDS.contains(kind)) throw new UsageException("--model must be char, events, roll or biaxial, got '" + kind + "'");
        String presetName = poly.preset == null ? "default" : poly.preset;
        PolyPresets.Recipe recipe = PolyPresets.get(kind, presetName);
        if (recipe == null) {
            throw new UsageException("--preset for " + kind + " must be one of " + PolyPresets.names(kind) + ", got '" + presetName + "'");
        }
        MatrixEngine mm = cmd.engineOptions.engine();
        FrameSource.Corpus corpus = FrameSource.readCorpus(cmd.corpus);
        List<Piece> pieces = corpus.pieces();
        List<Piece> train, validation;
        if (poly.valid != null) {
            train = pieces;
            validation = FrameSource.read(poly.valid);
        } else {
            int held = (int) Math.floor(pieces.size() * cmd.valFraction);
            train = pieces.subList(0, pieces.size() - held);
            validation = pieces.subList(pieces.size() - held, pieces.size());
        }
        if (train.isEmpty()) throw new UserException("no training pieces left after holding out validation", "lower --val-fraction or give --valid");

        Model model;
        Map<String, float[]> resumeTensors = null;
        if (cmd.resume) {
            if (!Files.exists(cmd.output)) throw new UserException("cannot resume: " + cmd.output + " does not exist", "train without --resume first");
            ModelFile.Loaded loaded = ModelFile.load(cmd.output, mm, PolyModels.ARCHITECTURES);
            model = loaded.model();
            if (!kind.equals(model.kind)) {
                throw new UserException(cmd.output + " is a '" + model.kind + "' model, not a " + kind + " model", "resume it with --model " + model.kind);
            }
            resumeTensors = loaded.resumeTensors();
        } else {
            TrainOptions options = new TrainOptions();
            cmd.applyShapeOptions(options);
            if (!given("--lr")) options.learningRate = recipe.learningRate();
            if (!given("--batch-size")) options.batchSize = recipe.batchSize();
            if (!given("--seq-length")) options.seqLength = recipe.seqLength();
            float dropout = given("--dropout") ? cmd.dropout : recipe.dropout();
            PolyNetwork network;
            if (kind.equals(RollNetwork.KIND)) {
                int[] hidden = given("--hidden") || given("--layers") ? filled(cmd.layers, cmd.hidden) : recipe.hidden();
                network = new RollNetwork(hidden, dropout, mm);
            } else {
                int[] time = poly.timeHidden != null ? poly.timeHidden : recipe.timeHidden();
                int[] note = poly.noteHidden != null ? poly.noteHidden : recipe.noteHidden();
                for (int n : time) if (n < 1) throw new UsageException("--time-hidden sizes must be at least 1");
                for (int n : note) if (n < 1) throw new UsageException("--note-hidden sizes must be at least 1");
                network = new BiaxialNetwork(time, note, dropout, mm);
            }
            network.initialize(new Rng(cmd.seed ^ 0x5DEECE66DL));
            model = new Model(kind, network, PolyModels.codec(corpus), options, new TrainingState());
        }
        TrainOptions options = model.options;
        PolyNetwork network = (PolyNetwork) model.net;
        FrameTask task = new FrameTask(network, options, train, validation);
        if (cmd.resume && !model.state.corpus.isEmpty() && !model.state.corpus.equals(task.dataFingerprint())) {
            throw new UserException("the pieces differ from the ones " + cmd.output + " was trained on",
                    "resume with the same files in the same order, or train a new model");
        }
        cmd.applyStopOptions(options, model.state.epoch, recipe.epochs());
        options.evalEvery = given("--eval-every") ? cmd.evalEvery : task.chunksPerEpoch();

        Trainer trainer = new Trainer(model, resumeTensors, task, cmd.output, cmd.keepBest ? TrainCommand.bestPath(cmd.output) : null);
        String banner = String.format("training %s: %s %s model %s, %,d parameters; %d training pieces (%,d steps), %d validation pieces (%,d steps)",
                cmd.output, cmd.resume ? "resumed at step " + model.state.step + "," : "new", kind, network.config(),
                network.parameterCount(), train.size(), steps(train), validation.size(), steps(validation));
        return cmd.run(trainer, options, "frames", banner);
    }

    private static int[] filled(int layers, int hidden) {
        int[] sizes = new int[layers];
        Arrays.fill(sizes, hidden);
        return sizes;
    }

    static long steps(List<Piece> pieces) {
        return pieces.stream().mapToLong(Piece::steps).sum();
    }
}
