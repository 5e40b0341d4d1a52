package lstm.cli;

import java.util.List;
import lstm.io.UserException;
import lstm.linalg.MatrixEngine;
import lstm.poly.FrameSource;
import lstm.poly.FrameTask;
import lstm.poly.Piece;
import lstm.poly.PolyModels;
import lstm.poly.PolyKind;
import lstm.poly.PolyNetwork;
import lstm.train.Model;
import lstm.train.TrainOptions;
import lstm.train.Trainer;
import lstm.train.TrainingStart;

/** {@code lstm train --model roll|biaxial}: the frame models' data and banner; the model comes from {@link TrainingStart}. */
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

    int run(PolyKind kind) {
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

        var requested = cmd.requested();
        TrainingStart.Resumed resumed = cmd.resume ? TrainingStart.resume(kind, cmd.output, requested, mm) : null;
        Model model = resumed != null ? resumed.model() : TrainingStart.create(kind, requested, PolyModels.codec(corpus), mm);
        TrainOptions options = model.options;
        PolyNetwork network = (PolyNetwork) model.net;
        FrameTask task = new FrameTask(network, options, train, validation);
        TrainingStart.checkSameData(model, task.dataFingerprint(), cmd.output);
        cmd.stopOptions(options, model.state.epoch, kind.defaultEpochs());
        options.evalEvery = given("--eval-every") ? cmd.evalEvery : task.chunksPerEpoch();

        Trainer trainer = new Trainer(model, resumed == null ? null : resumed.tensors(), task, cmd.output,
                cmd.keepBest ? TrainCommand.bestPath(cmd.output) : null);
        String banner = String.format("training %s: %s %s model %s, %,d parameters; %d training pieces (%,d steps), %d validation pieces (%,d steps)",
                cmd.output, cmd.resume ? "resumed at step " + model.state.step + "," : "new", kind.name(), network.config(),
                network.parameterCount(), train.size(), steps(train), validation.size(), steps(validation));
        return cmd.run(trainer, options, "frames", banner);
    }

    static long steps(List<Piece> pieces) {
        return pieces.stream().mapToLong(Piece::steps).sum();
    }
}
