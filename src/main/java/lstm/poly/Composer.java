package lstm.poly;

import lstm.linalg.Rng;

/**
 * Composes with a frame model, one frame at a time: each key's logit is divided by the
 * temperature, and the demo's adaptive sampling keeps a few notes sounding: while fewer than
 * {@code minNotes} keys sounded in the last frame, every probability is raised to a power
 * {@code boost} &lt; 1 that shrinks by 10% per quiet frame (p^0.5 turns 0.04 into 0.2), and the
 * power relaxes back towards 1 once enough keys sound. A primer's frames are fed first and kept
 * at the start of the result; the model continues from them.
 */
public final class Composer {
    private final PolyNetwork network;
    private final double temperature;
    private final int minNotes;

    public Composer(PolyNetwork network, double temperature, int minNotes) {
        if (!(temperature > 0)) throw new IllegalArgumentException("temperature must be positive, got " + temperature);
        this.network = network;
        this.temperature = temperature;
        this.minNotes = minNotes;
    }

    /** A composed piece: the primer's frames, then {@code steps} new ones. */
    public Piece compose(Piece primer, int steps, long seed) {
        int primed = primer == null ? 0 : primer.steps();
        boolean[][] play = new boolean[primed + steps][];
        boolean[][] articulate = new boolean[primed + steps][];
        PolyNetwork.FrameGenerator generator = network.generator();
        Sampler sampler = new Sampler(new Rng(seed));
        Forced forced = new Forced();
        for (int t = 0; t < primed + steps; t++) {
            boolean[] previous = t == 0 ? null : play[t - 1];
            boolean[] previousArticulated = t == 0 ? null : articulate[t - 1];
            play[t] = new boolean[Keyboard.KEYS];
            articulate[t] = new boolean[Keyboard.KEYS];
            if (t < primed) {
                // feed the primer: its frames are forced, the model's state follows them
                forced.frame(primer.play()[t], primer.articulate()[t]);
                generator.next(previous, previousArticulated, t, forced, play[t], articulate[t]);
            } else {
                generator.next(previous, previousArticulated, t, sampler, play[t], articulate[t]);
                sampler.afterFrame(play[t]);
            }
        }
        return new Piece("composed", play, articulate);
    }

    /** Temperature and adaptive boost, then a draw. */
    private final class Sampler implements PolyNetwork.KeySampler {
        private final Rng rng;
        private double boost = 1;

        Sampler(Rng rng) {
            this.rng = rng;
        }

        @Override
        public boolean play(double logit) {
            double p = 1 / (1 + Math.exp(-logit / temperature));
            return rng.nextDouble() < Math.pow(p, boost);
        }

        @Override
        public boolean articulate(double logit) {
            return rng.nextDouble() < 1 / (1 + Math.exp(-logit / temperature));
        }

        void afterFrame(boolean[] frame) {
            int sounding = 0;
            for (boolean k : frame) if (k) sounding++;
            boost = sounding < minNotes ? Math.max(0.05, boost * 0.9) : Math.min(1, boost / 0.9);
        }
    }

    /** Replays given frames (the primer) key by key, in the order the generator asks. */
    private static final class Forced implements PolyNetwork.KeySampler {
        private boolean[] play, articulate;
        private int key, lastPlayed;

        /** The next frame to replay; the generator asks from the lowest key up. */
        void frame(boolean[] play, boolean[] articulate) {
            this.play = play;
            this.articulate = articulate;
            key = 0;
        }

        @Override
        public boolean play(double logit) {
            lastPlayed = key;
            return play[key++];
        }

        @Override
        public boolean articulate(double logit) {
            return articulate[lastPlayed];
        }
    }
}
