package lstm.train;

import java.util.Map;
import lstm.linalg.MatrixEngine;
import lstm.linalg.Rng;

/**
 * What one model kind ({@code char}, {@code events}, {@code roll}, {@code biaxial}) brings to
 * {@link TrainingStart}: its network built from the options, and its network's options as a
 * saved model has them. Creation, resumption and the rules for changed options are shared.
 */
public interface ModelKind {
    /** The kind's name, as model files record it. */
    String name();

    /** What the user calls this kind in messages ("text", "events", ...). */
    default String description() {
        return name();
    }

    /**
     * The run options of a new model: the requested values, where the kind's recipe may stand in
     * for the options that were not given.
     */
    default TrainOptions trainOptions(Requested requested) {
        return requested.trainOptions();
    }

    /**
     * A new model of this kind for the requested options and the codec (a vocabulary, ...), its
     * weights drawn from {@code init}; sizes that cannot be trained are refused first ({@link ModelSize}).
     */
    Model create(Requested requested, TrainOptions options, Map<String, Object> codec, MatrixEngine mm, Rng init);

    /**
     * The options a saved model of this kind fixes (its network's shape, its codec's settings),
     * with the saved values typed as the command line gives them ({@code --hidden} an Integer,
     * {@code --dropout} a Float).
     */
    Map<String, Object> networkOptions(Model saved);

    /** Builds a saved network of this kind (see {@link ModelFile#load(java.nio.file.Path, MatrixEngine, ModelFile.Architectures)}). */
    ModelFile.Architectures architectures();

    /** Epochs a run trains when no stop is given. */
    int defaultEpochs();
}
