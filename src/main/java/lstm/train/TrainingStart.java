package lstm.train;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import lstm.io.OptionException;
import lstm.io.UserException;
import lstm.linalg.MatrixEngine;
import lstm.linalg.Rng;

/**
 * How a training run gets its model, the same for every kind: a new one built from the options,
 * or the one in the output file resumed. A resumed model keeps its network and its run options
 * (batch, sequence, optimizer, learning rate, schedule, split, seed): an option given explicitly
 * with a different value is refused (a usage error) rather than dropped, and so is other data.
 */
public final class TrainingStart {
    private TrainingStart() {}

    /** A model read back from its file, and the tensors an exact resumption needs (optimizer moments, carried state). */
    public record Resumed(Model model, Map<String, float[]> tensors) {}

    /** Reads the model at {@code output} to continue it; it must be of {@code kind} and agree with every option given. */
    public static Resumed resume(ModelKind kind, Path output, Requested requested, MatrixEngine mm) {
        if (!Files.exists(output)) throw new UserException("cannot resume: " + output + " does not exist", "train without --resume first");
        ModelFile.Loaded loaded = ModelFile.load(output, mm, kind.architectures());
        Model model = loaded.model();
        if (!kind.name().equals(model.kind)) {
            throw new UserException(output + " is a '" + model.kind + "' model, not a " + kind.description() + " model",
                    "resume it with data of its kind (--model " + model.kind + ")");
        }
        rejectChanged(kind.networkOptions(model), requested);
        rejectChanged(model.options.asOptions(), requested);
        return new Resumed(model, loaded.resumeTensors());
    }

    /** A new model of {@code kind}: the requested options, the codec of its data, weights drawn from the seed. */
    public static Model create(ModelKind kind, Requested requested, Map<String, Object> codec, MatrixEngine mm) {
        TrainOptions options = kind.trainOptions(requested);
        return kind.create(requested, options, codec, mm, new Rng(options.seed ^ 0x5DEECE66DL));
    }

    private static void rejectChanged(Map<String, Object> saved, Requested requested) {
        saved.forEach((option, value) -> {
            if (requested.given(option) && !value.equals(requested.get(option))) {
                throw new OptionException(option + " " + requested.get(option) + " differs from the model's " + value + "; leave it out when resuming");
            }
        });
    }

    /** A resumed model continues only on the data it was trained on (same files, same order). */
    public static void checkSameData(Model model, String fingerprint, Path output) {
        if (!model.state.corpus.isEmpty() && !model.state.corpus.equals(fingerprint)) {
            throw new UserException("the corpus differs from the one " + output + " was trained on",
                    "resume with the same files in the same order, or train a new model");
        }
    }

    /**
     * This run's stopping rules: at {@code steps} since the model started (which also sets the
     * length of a cosine schedule), at {@code epochs}, or after {@code seconds} (each null when
     * not given); with none, {@code defaultEpochs} more epochs than the model has trained.
     */
    public static void stopAt(TrainOptions options, Long steps, Integer epochs, Double seconds, int defaultEpochs, int epochNow) {
        options.maxSteps = steps == null ? 0 : steps;
        if (steps != null) options.scheduleSteps = steps;
        options.maxEpochs = epochs == null ? 0 : epochs;
        options.maxSeconds = seconds == null ? 0 : seconds;
        if (options.maxSteps == 0 && options.maxEpochs == 0 && options.maxSeconds == 0) options.maxEpochs = epochNow + defaultEpochs;
    }
}
