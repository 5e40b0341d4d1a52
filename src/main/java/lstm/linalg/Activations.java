package lstm.linalg;

/**
 * Activation functions shared by every cell: scalar ones, and the same over runs of an array
 * (a recurrent step's gates), which use SIMD registers when the JVM has the vector module.
 */
public final class Activations {
    private Activations() {}

    /** dst[dstOff + i] = f(src[srcOff + i]) for i below length; src and dst may be the same run. */
    interface Runs {
        void sigmoid(float[] src, int srcOff, float[] dst, int dstOff, int length);

        void tanh(float[] src, int srcOff, float[] dst, int dstOff, int length);
    }

    private static final Runs RUNS = Engines.vectorAvailable() ? vectorRuns() : new ScalarRuns();

    /** Loaded by name so that this class still links on a JVM without the vector module. */
    private static Runs vectorRuns() {
        try {
            return (Runs) Class.forName("lstm.linalg.VectorActivations").getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError e) {
            return new ScalarRuns();
        }
    }

    /**
     * The logistic function over a run of values, within 3 × 2^-24 relative of the exact value
     * (the SIMD version rounds differently from {@link #sigmoid(float)}, so a model's numbers
     * differ in the last bits between JVMs with and without the vector module).
     */
    public static void sigmoid(float[] src, int srcOff, float[] dst, int dstOff, int length) {
        RUNS.sigmoid(src, srcOff, dst, dstOff, length);
    }

    /** tanh over a run of values, as {@link #sigmoid(float[], int, float[], int, int)}. */
    public static void tanh(float[] src, int srcOff, float[] dst, int dstOff, int length) {
        RUNS.tanh(src, srcOff, dst, dstOff, length);
    }

    /** True when the runs go through SIMD registers. */
    public static boolean vectorised() {
        return !(RUNS instanceof ScalarRuns);
    }

    private static final class ScalarRuns implements Runs {
        @Override
        public void sigmoid(float[] src, int srcOff, float[] dst, int dstOff, int length) {
            for (int i = 0; i < length; i++) dst[dstOff + i] = Activations.sigmoid(src[srcOff + i]);
        }

        @Override
        public void tanh(float[] src, int srcOff, float[] dst, int dstOff, int length) {
            for (int i = 0; i < length; i++) dst[dstOff + i] = Activations.tanh(src[srcOff + i]);
        }
    }

    /** 1/(1 + e^-x), in double so that only the result is rounded (as fast as in float). */
    public static float sigmoid(float x) {
        return (float) (1.0 / (1.0 + Math.exp(-x)));
    }

    /**
     * tanh to float precision (relative error under 2^-23), several times faster than
     * {@code Math.tanh}, which the JIT does not inline on JDK 17: a short series near zero,
     * else 1 - 2/(e^2|x| + 1) through the JIT's fast {@code Math.exp}, in double so nothing cancels.
     */
    public static float tanh(float x) {
        float ax = Math.abs(x);
        if (ax < 0x1p-4f) {                         // x - x³/3 + 2x⁵/15; the next term is below 2^-28 x
            float x2 = x * x;
            return x + x * x2 * (-1f / 3f + x2 * (2f / 15f));
        }
        if (ax > 9f) return Math.copySign(1f, x);   // 1 - tanh 9 < 2^-25: rounds to 1
        double e = Math.exp(2.0 * ax);
        return Math.copySign((float) (1.0 - 2.0 / (e + 1.0)), x);
    }
}
