package lstm.poly;

import lstm.linalg.Rng;
import lstm.train.ModelNetwork;

/** A frame model (roll or biaxial): trains and evaluates through {@link FramePass}, composes step by step. */
public interface PolyNetwork extends ModelNetwork {
    String kind();

    void initialize(Rng rng);

    FramePass pass(int steps, int batch);

    /** A generator that produces one frame at a time. */
    FrameGenerator generator();

    /** Produces frames one at a time, each from the frames before it. */
    interface FrameGenerator {
        /**
         * Samples the frame at absolute step {@code position} after {@code previous} (null at the
         * start): fills play and articulate. {@code sampler} turns each key's probability into a decision.
         */
        void next(boolean[] previous, boolean[] previousArticulated, int position, KeySampler sampler,
                  boolean[] play, boolean[] articulate);
    }

    /** Decides each key from its probability (temperature, adaptive boost, random draw). */
    interface KeySampler {
        boolean play(double logit);

        boolean articulate(double logit);
    }
}
