package lstm.train;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import lstm.io.UserException;
import lstm.linalg.Rng;
import lstm.nn.Optimizer;

/**
 * The training loop: stateful truncated back-propagation through time over contiguous streams,
 * gradient clipping by global norm, a learning-rate schedule, periodic validation and atomic
 * checkpoints that hold everything an exact resumption needs. What a chunk is and how it is
 * validated comes from the model kind's {@link TrainingTask}.
 */
public final class Trainer {
    public enum Outcome { COMPLETED, INTERRUPTED }

    private final Model model;
    private final TrainOptions options;
    private final TrainingTask task;
    private final Path output;
    private final Path bestOutput;
    private final Optimizer optimizer;
    private final Rng rng;

    /**
     * @param resumeTensors optimizer moments and carried state from the model file, or null to start fresh
     * @param bestOutput where to keep the model with the lowest validation loss, or null
     */
    public Trainer(Model model, Map<String, float[]> resumeTensors, TokenData data, Path output, Path bestOutput) {
        this(model, resumeTensors, new TokenTask(model.network, model.options, data), output, bestOutput);
    }

    /** Trains any model kind: the task runs the chunks, this loop does the rest. */
    public Trainer(Model model, Map<String, float[]> resumeTensors, TrainingTask task, Path output, Path bestOutput) {
        this.model = model;
        this.options = model.options;
        this.task = task;
        this.output = output;
        this.bestOutput = bestOutput;
        this.optimizer = Optimizer.create(options.optimizer, task.params(), options.momentum, model.net.engine());
        this.rng = new Rng(options.seed);
        TrainingState state = model.state;
        if (resumeTensors != null) {
            optimizer.setState(resumeTensors);
            task.setCarriedState(resumeTensors);
            rng.setState(state.rng);
        }
        state.corpus = task.dataFingerprint();
    }

    /** Completed steps of the model. */
    public long step() {
        return model.state.step;
    }

    public Outcome run(TrainingListener listener, BooleanSupplier stopRequested) {
        TrainingState state = model.state;
        long runStart = System.nanoTime();
        double secondsBefore = state.trainSeconds;
        long stepsThisRun = 0;
        while (!finished(state, runStart)) {
            if (stopRequested.getAsBoolean()) {
                state.trainSeconds = secondsBefore + seconds(runStart);
                save(output);
                listener.onCheckpoint(output, state.step);
                return Outcome.INTERRUPTED;
            }
            float lr = options.learningRateAt(state.step);
            double loss = task.trainStep(state.epoch, state.cursor, rng);
            double norm = Optimizer.clipGlobalNorm(task.params(), options.gradClip);
            if (!Double.isFinite(loss) || !Double.isFinite(norm)) throw diverged(state.step + 1, loss, norm);
            optimizer.update(lr, state.step + 1);
            task.endOfChunk();
            state.step++;
            stepsThisRun++;
            state.tokensSeen += task.positionsPerStep();
            if (++state.cursor == task.chunksPerEpoch()) {
                state.cursor = 0;
                state.epoch++;
                task.resetState();
            }
            state.trainSeconds = secondsBefore + seconds(runStart);
            double elapsed = seconds(runStart);
            double rate = stepsThisRun * task.positionsPerStep() / Math.max(elapsed, 1e-9);
            TrainingListener.Progress progress = progress(state, loss, Double.NaN, lr, norm, rate, elapsed, eta(state, runStart, stepsThisRun));
            try {
                listener.onStep(progress);
            } catch (UserException e) {
                throw savedAfter(e);
            }
            boolean last = finished(state, runStart);
            if (options.evalEvery > 0 && (state.step % options.evalEvery == 0 || last)) {
                double val = validate();
                state.lastValLoss = val;
                boolean best = Double.isFinite(val) && !(val >= state.bestValLoss);
                if (best) state.bestValLoss = val;
                if (best && bestOutput != null) save(bestOutput);
                try {
                    listener.onEvaluation(progress(state, loss, val, lr, norm, rate, elapsed, progress.etaSeconds()), best);
                } catch (UserException e) {
                    throw savedAfter(e);
                }
            }
            if (!last && options.checkpointEvery > 0 && state.step % options.checkpointEvery == 0) {
                save(output);
                listener.onCheckpoint(output, state.step);
            }
        }
        state.trainSeconds = secondsBefore + seconds(runStart);
        save(output);
        listener.onCheckpoint(output, state.step);
        return Outcome.COMPLETED;
    }

    /**
     * A non-finite loss or gradient: the weights are about to become NaN, so training stops before
     * the update and nothing more is saved; the model file keeps its last good checkpoint.
     */
    private UserException diverged(long step, double loss, double norm) {
        String what = !Double.isFinite(loss) ? "the loss is " + loss : "the gradient norm is " + norm;
        return new UserException("training diverged at step " + step + ": " + what + "; this run's state after its last checkpoint was not saved",
                "lower --lr or --grad-clip, and train again or --resume the last good checkpoint");
    }

    /**
     * A listener failed (the metrics log on a full disk, say): the training so far is saved before
     * the failure is reported, so it can be resumed.
     */
    private UserException savedAfter(UserException failure) {
        TrainingState state = model.state;
        save(output);
        return new UserException(failure.getMessage(), "the model was saved at step " + state.step + " in " + output
                + "; fix that, then continue with --resume", failure);
    }

    private boolean finished(TrainingState state, long runStart) {
        if (options.maxSteps > 0 && state.step >= options.maxSteps) return true;
        if (options.maxEpochs > 0 && state.epoch >= options.maxEpochs) return true;
        return options.maxSeconds > 0 && seconds(runStart) >= options.maxSeconds;
    }

    /** Mean validation loss (nats per token or per time step), NaN when there is no validation data. */
    public double validate() {
        return task.validate();
    }

    private double eta(TrainingState state, long runStart, long stepsThisRun) {
        // the first steps include the JIT's compiling: too slow to extrapolate from
        double perStep = stepsThisRun < 5 ? Double.POSITIVE_INFINITY : seconds(runStart) / stepsThisRun;
        double eta = Double.POSITIVE_INFINITY;
        if (options.maxSteps > 0) eta = Math.min(eta, (options.maxSteps - state.step) * perStep);
        if (options.maxEpochs > 0) {
            long left = (long) (options.maxEpochs - state.epoch) * task.chunksPerEpoch() - state.cursor;
            eta = Math.min(eta, left * perStep);
        }
        if (options.maxSeconds > 0) eta = Math.min(eta, options.maxSeconds - seconds(runStart));
        return eta == Double.POSITIVE_INFINITY ? Double.NaN : Math.max(0, eta);
    }

    private TrainingListener.Progress progress(TrainingState state, double loss, double val, float lr, double norm,
                                               double rate, double elapsed, double eta) {
        return new TrainingListener.Progress(state.step, state.epoch, state.cursor / (double) task.chunksPerEpoch(),
                loss, val, lr, norm, rate, elapsed, eta);
    }

    private void save(Path path) {
        model.state.rng = rng.state();
        Map<String, float[]> resume = new LinkedHashMap<>(optimizer.state());
        resume.putAll(task.carriedState());
        ModelFile.save(path, model, resume);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
