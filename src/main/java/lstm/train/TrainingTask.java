package lstm.train;

import java.util.List;
import java.util.Map;
import lstm.linalg.Rng;
import lstm.nn.Param;

/**
 * What one model kind contributes to the shared training loop ({@link Trainer}): how to run a
 * training chunk and how to validate. The loop owns everything else: the optimizer, schedule,
 * clipping, epochs, checkpoints and resumption.
 */
public interface TrainingTask {
    List<Param> params();

    /** Chunks (optimizer steps) in one pass over the training data. */
    int chunksPerEpoch();

    /**
     * Zeroes the gradients, runs chunk {@code cursor} of epoch {@code epoch} forward and backward
     * and returns its mean loss (the unit of {@link #validate}). {@code rng} drives dropout.
     */
    double trainStep(int epoch, int cursor, Rng rng);

    /** Called after the optimizer update: carry the recurrent state on to the next chunk, if any. */
    void endOfChunk();

    /** Called at the end of an epoch. */
    void resetState();

    /** Mean validation loss, NaN when there is no validation data. */
    double validate();

    /** Recurrent state carried across chunks, saved in checkpoints as {@code state.*}. */
    Map<String, float[]> carriedState();

    void setCarriedState(Map<String, float[]> state);

    /** Positions (tokens, time steps) one chunk trains on, for the rate shown in progress. */
    long positionsPerStep();

    /** A short fingerprint of the training data, so a resumed run can refuse other data. */
    String dataFingerprint();
}
