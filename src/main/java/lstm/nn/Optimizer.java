package lstm.nn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lstm.linalg.MatrixEngine;

/**
 * Updates parameters from their gradients. Its moment buffers are named so a checkpoint can
 * save them ({@code NAME.PARAM}) and a resumed run continues exactly. Each update is element-wise,
 * so the engine spreads every parameter's elements over its threads (the same bits for any count).
 */
public abstract class Optimizer {
    /** Elements per range worth handing to another thread. */
    private static final int MIN_RANGE = 1 << 14;

    protected final List<Param> params;
    private final MatrixEngine engine;
    /** Per-param moment buffers, by buffer name then param index. */
    private final Map<String, float[][]> moments = new LinkedHashMap<>();

    protected Optimizer(List<Param> params, MatrixEngine engine, String... bufferNames) {
        this.params = params;
        this.engine = engine;
        for (String name : bufferNames) {
            float[][] buffers = new float[params.size()][];
            for (int i = 0; i < params.size(); i++) buffers[i] = new float[params.get(i).size()];
            moments.put(name, buffers);
        }
    }

    /** Applies one update; {@code step} counts updates from 1 (Adam's bias correction uses it). */
    public final void update(float lr, long step) {
        this.lr = lr;
        begin(step);
        for (int p = 0; p < params.size(); p++) {
            int param = p;
            engine.forEachRange(params.get(p).size(), MIN_RANGE, (from, to) -> update(param, from, to));
        }
    }

    /** The learning rate of the update in progress. */
    protected float lr;

    /** Sets what an update's ranges share beyond {@link #lr} (Adam's bias corrections); nothing by default. */
    protected void begin(long step) {}

    /** Updates elements [from, to) of parameter number {@code param}; ranges may run at once on different threads. */
    protected abstract void update(int param, int from, int to);

    public abstract String id();

    protected float[] moment(String name, int paramIndex) {
        return moments.get(name)[paramIndex];
    }

    /** Every moment buffer as {@code optimizer.NAME.PARAM}. */
    public Map<String, float[]> state() {
        Map<String, float[]> out = new LinkedHashMap<>();
        moments.forEach((name, buffers) -> {
            for (int i = 0; i < params.size(); i++) out.put("optimizer." + name + "." + params.get(i).name, buffers[i]);
        });
        return out;
    }

    public void setState(Map<String, float[]> state) {
        moments.forEach((name, buffers) -> {
            for (int i = 0; i < params.size(); i++) {
                String key = "optimizer." + name + "." + params.get(i).name;
                float[] saved = state.get(key);
                if (saved == null || saved.length != buffers[i].length) {
                    throw new IllegalArgumentException("optimizer state " + key + " is missing or has the wrong size");
                }
                System.arraycopy(saved, 0, buffers[i], 0, saved.length);
            }
        });
    }

    /** The optimizer named {@code id} (adam, rmsprop, sgd) for params, spreading its updates over the engine's threads. */
    public static Optimizer create(String id, List<Param> params, float momentum, MatrixEngine engine) {
        switch (id.toLowerCase(Locale.ROOT)) {
            case "adam":
                return new Adam(params, engine);
            case "rmsprop":
                return new RmsProp(params, engine);
            case "sgd":
                return new Sgd(params, momentum, engine);
            default:
                throw new IllegalArgumentException("unknown optimizer '" + id + "' (choose adam, rmsprop or sgd)");
        }
    }

    /** Adam (Kingma and Ba 2015), β1 = 0.9, β2 = 0.999, ε = 1e-8. */
    public static final class Adam extends Optimizer {
        private static final float BETA1 = 0.9f, BETA2 = 0.999f, EPS = 1e-8f;

        private float stepSize;

        Adam(List<Param> params, MatrixEngine engine) {
            super(params, engine, "m", "v");
        }

        @Override
        protected void begin(long step) {
            float correction1 = (float) (1 - Math.pow(BETA1, step));
            float correction2 = (float) (1 - Math.pow(BETA2, step));
            stepSize = lr * (float) Math.sqrt(correction2) / correction1;
        }

        @Override
        protected void update(int p, int from, int to) {
            float[] w = params.get(p).value, g = params.get(p).grad, m = moment("m", p), v = moment("v", p);
            for (int i = from; i < to; i++) {
                m[i] = BETA1 * m[i] + (1 - BETA1) * g[i];
                v[i] = BETA2 * v[i] + (1 - BETA2) * g[i] * g[i];
                w[i] -= stepSize * m[i] / ((float) Math.sqrt(v[i]) + EPS);
            }
        }

        @Override
        public String id() {
            return "adam";
        }
    }

    /** RMSprop (Tieleman and Hinton 2012) as in char-rnn: decay 0.95, ε = 1e-8. */
    public static final class RmsProp extends Optimizer {
        private static final float DECAY = 0.95f, EPS = 1e-8f;

        RmsProp(List<Param> params, MatrixEngine engine) {
            super(params, engine, "sq");
        }

        @Override
        protected void update(int p, int from, int to) {
            float[] w = params.get(p).value, g = params.get(p).grad, sq = moment("sq", p);
            for (int i = from; i < to; i++) {
                sq[i] = DECAY * sq[i] + (1 - DECAY) * g[i] * g[i];
                w[i] -= lr * g[i] / ((float) Math.sqrt(sq[i]) + EPS);
            }
        }

        @Override
        public String id() {
            return "rmsprop";
        }
    }

    /** Stochastic gradient descent with classical momentum. */
    public static final class Sgd extends Optimizer {
        private final float momentum;
        Sgd(List<Param> params, float momentum, MatrixEngine engine) {
            super(params, engine, "velocity");
            this.momentum = momentum;
        }

        @Override
        protected void update(int p, int from, int to) {
            float[] w = params.get(p).value, g = params.get(p).grad, vel = moment("velocity", p);
            for (int i = from; i < to; i++) {
                vel[i] = momentum * vel[i] - lr * g[i];
                w[i] += vel[i];
            }
        }

        @Override
        public String id() {
            return "sgd";
        }
    }

    /** Scales all gradients so their global L2 norm is at most maxNorm; returns the norm before. */
    public static double clipGlobalNorm(List<Param> params, double maxNorm) {
        double sum = 0;
        for (Param p : params) {
            for (float g : p.grad) sum += (double) g * g;
        }
        double norm = Math.sqrt(sum);
        if (maxNorm > 0 && norm > maxNorm) {
            float scale = (float) (maxNorm / (norm + 1e-6));
            for (Param p : params) {
                for (int i = 0; i < p.grad.length; i++) p.grad[i] *= scale;
            }
        }
        return norm;
    }
}
