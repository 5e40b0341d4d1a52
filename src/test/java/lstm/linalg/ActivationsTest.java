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
}
