package lstm.linalg;

/** Scalar activation functions shared by every cell. */
public final class Activations {
    private Activations() {}

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
