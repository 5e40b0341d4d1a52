package lstm.train;

import java.nio.file.Path;

/** Hears about a training run; the CLI draws progress from it. Called on the training thread. */
public interface TrainingListener {
    /** A snapshot after a step (and, for evaluations, the validation loss). */
    record Progress(long step, int epoch, double epochFraction, double stepLoss, double valLoss, float learningRate,
                    double gradNorm, double tokensPerSecond, double elapsedSeconds, double etaSeconds) {}

    default void onStep(Progress progress) {}

    default void onEvaluation(Progress progress, boolean best) {}

    default void onCheckpoint(Path path, long step) {}
}
