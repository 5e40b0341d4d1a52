package lstm.sample;

import lstm.nn.Network;
import lstm.nn.Workspace;

/**
 * Runs a network one token at a time (batch 1), carrying its state: feed a primer, then let it
 * continue, each picked token fed back as the next input. The network's weights must not change
 * while a generator is in use (it keeps them prepared for matrix × vector products); a step
 * allocates nothing.
 */
public final class Generator {
    private final Network network;
    private final Sampler sampler;
    private final Workspace ws;
    private final int[] input = new int[1];
    private final int[] noTarget = {-1};
    private final float[] masked;
    private boolean fed;
    private boolean redrawn;

    public Generator(Network network, Sampler sampler) {
        this.network = network;
        this.sampler = sampler;
        this.ws = network.generationWorkspace(1);   // weights prepared once, laid out for matrix × vector
        this.masked = new float[network.config.vocabSize()];
    }

    /** Advances the state by one token. */
    public void feed(int token) {
        input[0] = token;
        network.forward(ws, input, noTarget, null);
        ws.carryState();
        fed = true;
    }

    /** Picks the next token from the state after the last fed token, and feeds it. */
    public int next() {
        if (!fed) throw new IllegalStateException("feed at least one token first");
        int token = sampler.pick(ws.logits, 0);
        feed(token);
        return token;
    }

    /**
     * Like {@link #next()}, but a pick that {@code allowed} refuses is drawn again from the allowed
     * tokens only (their probabilities renormalised); at least one token must be allowed.
     * {@link #redrawn()} tells whether the last pick was drawn again.
     */
    public int next(boolean[] allowed) {
        if (!fed) throw new IllegalStateException("feed at least one token first");
        int token = sampler.pick(ws.logits, 0);
        redrawn = !allowed[token];
        if (redrawn) {
            for (int j = 0; j < masked.length; j++) masked[j] = allowed[j] ? ws.logits[j] : Float.NEGATIVE_INFINITY;
            token = sampler.pick(masked, 0);
        }
        feed(token);
        return token;
    }

    /** Whether the last {@link #next(boolean[])} refused its first pick and drew again. */
    public boolean redrawn() {
        return redrawn;
    }
}
