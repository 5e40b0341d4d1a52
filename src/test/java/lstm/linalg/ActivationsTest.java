package lstm.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ActivationsTest {
    /** Float rounding alone is 2^-24 relative; allow two roundings. */
    private static final double TOLERANCE = 0x1.0p-23;

    private static void assertRelative(double expected, float actual, float x, String what) {
        double error = Math.abs(actual - expected);
        assertTrue(error <= TOLERANCE * Math.abs(expected) + Double.MIN_VALUE,
                what + "(" + x + ") = " + actual + ", expected " + expected);
    }

    @Test
    void tanhIsAccurateToFloatPrecisionEverywhere() {
        for (float x = -12f; x <= 12f; x += 0x1p-10f) assertRelative(Math.tanh(x), Activations.tanh(x), x, "tanh");
        // both sides of the series/exp switch, and tiny arguments
        for (float x : new float[] {0x1p-4f, Math.nextDown(0x1p-4f), 1e-3f, 1e-8f, 1e-30f, Float.MIN_VALUE, 9f, 9.0001f}) {
            assertRelative(Math.tanh(x), Activations.tanh(x), x, "tanh");
            assertRelative(Math.tanh(-x), Activations.tanh(-x), -x, "tanh");
        }
    }

    @Test
    void tanhSaturatesAndPassesNaN() {
        assertEquals(1f, Activations.tanh(50f));
        assertEquals(-1f, Activations.tanh(-1e30f));
        assertEquals(1f, Activations.tanh(Float.POSITIVE_INFINITY));
        assertEquals(-1f, Activations.tanh(Float.NEGATIVE_INFINITY));
        assertTrue(Float.isNaN(Activations.tanh(Float.NaN)));
        assertEquals(0f, Activations.tanh(0f));
    }

    @Test
    void sigmoidIsAccurateAndSaturates() {
        for (float x = -30f; x <= 30f; x += 0x1p-8f) {
            assertRelative(1 / (1 + Math.exp(-x)), Activations.sigmoid(x), x, "sigmoid");
        }
        assertEquals(0f, Activations.sigmoid(-200f));
        assertEquals(1f, Activations.sigmoid(200f));
        assertEquals(0.5f, Activations.sigmoid(0f));
    }

    /** The SIMD runs round differently from the scalar functions: measured 2.5 × 2^-24 at worst; allow 3. */
    private static final double RUN_TOLERANCE = 3 * 0x1.0p-24;

    @Test
    void runsUseSimdRegistersWhenTheJvmHasTheVectorModule() {
        assertEquals(Engines.vectorAvailable(), Activations.vectorised());
    }

    @Test
    void runsAreAccurateToFloatPrecision() {
        int n = 1 << 16;
        float[] x = new float[n], s = new float[n], t = new float[n];
        for (float range : new float[] {30f, 1f}) {          // the whole range, then finely near zero
            for (int i = 0; i < n; i++) x[i] = -range + 2 * range * i / n;
            Activations.sigmoid(x, 0, s, 0, n);
            Activations.tanh(x, 0, t, 0, n);
            for (int i = 0; i < n; i++) {
                double sigmoid = 1 / (1 + Math.exp(-x[i])), tanh = Math.tanh(x[i]);
                assertTrue(Math.abs(s[i] - sigmoid) <= RUN_TOLERANCE * sigmoid, "sigmoid(" + x[i] + ") = " + s[i] + ", expected " + sigmoid);
                assertTrue(Math.abs(t[i] - tanh) <= RUN_TOLERANCE * Math.abs(tanh), "tanh(" + x[i] + ") = " + t[i] + ", expected " + tanh);
            }
        }
    }

    @Test
    void runsSaturateAndKeepTinyValues() {
        float[] x = {200f, -200f, 1e30f, -1e30f, 0f, 1e-30f, -1e-30f, 9f, -9f, 88.7f, -87.5f};
        float[] s = new float[x.length], t = new float[x.length];
        Activations.sigmoid(x, 0, s, 0, x.length);
        Activations.tanh(x, 0, t, 0, x.length);
        assertEquals(1f, s[0]);
        assertTrue(s[1] >= 0f && s[1] < 1e-37f, "sigmoid(-200) = " + s[1]);
        assertEquals(1f, s[2]);
        assertEquals(0.5f, s[4]);
        assertEquals(1f, t[0]);
        assertEquals(-1f, t[1]);
        assertEquals(1f, t[2]);
        assertEquals(-1f, t[3]);
        assertEquals(0f, t[4]);
        assertEquals(1e-30f, t[5]);
        assertEquals(-1e-30f, t[6]);
        assertEquals(1f, t[9]);
    }

    /** A cell's units may be cut anywhere between threads: each value must come out the same. */
    @Test
    void runsGiveTheSameBitsWhereverTheyAreCut() {
        int n = 203;
        float[] x = new float[n + 7], whole = new float[n], pieces = new float[n];
        lstm.linalg.Rng rng = new lstm.linalg.Rng(9);
        for (int i = 0; i < x.length; i++) x[i] = 12f * (2f * rng.nextFloat() - 1f);
        for (boolean sigmoid : new boolean[] {true, false}) {
            run(sigmoid, x, 3, whole, 0, n);
            for (int cut : new int[] {1, 5, 16, 17, 100, 202}) {
                java.util.Arrays.fill(pieces, Float.NaN);
                run(sigmoid, x, 3, pieces, 0, cut);
                run(sigmoid, x, 3 + cut, pieces, cut, n - cut);
                for (int i = 0; i < n; i++) {
                    assertEquals(Float.floatToRawIntBits(whole[i]), Float.floatToRawIntBits(pieces[i]),
                            (sigmoid ? "sigmoid" : "tanh") + " cut at " + cut + ", value " + i);
                }
            }
        }
    }

    private static void run(boolean sigmoid, float[] src, int srcOff, float[] dst, int dstOff, int length) {
        if (sigmoid) {
            Activations.sigmoid(src, srcOff, dst, dstOff, length);
        } else {
            Activations.tanh(src, srcOff, dst, dstOff, length);
        }
    }
}
