package lstm.linalg;

/** Scalar activation functions shared by every cell. */
public final class Activations {
    private Activations() {}

    public static float sigmoid(float x) {
        return 1f / (1f + (float) Math.exp(-x));
    }

    public static float tanh(float x) {
        return (float) Math.tanh(x);
    }
}
