package lstm.train;

import java.util.Locale;
import lstm.io.OptionException;

/**
 * Sizes a model may have, checked before anything is allocated: no array past Java's limit,
 * and no more parameters than a machine can train ({@link #MAX_PARAMETERS}, 4 GB of weights and
 * four times that with Adam's moments and the gradients).
 */
public final class ModelSize {
    public static final long MAX_PARAMETERS = 1_000_000_000L;
    /** The largest Java array the JVMs allow. */
    public static final long MAX_ARRAY = Integer.MAX_VALUE - 8;
    public static final int MAX_LAYERS = 1024;
    public static final int MAX_WIDTH = 1 << 16;

    private ModelSize() {}

    /** Parameters of stacked recurrent layers of {@code gates} gate blocks each on {@code input} values. */
    public static long stackParameters(int gates, long input, int[] hidden) {
        long total = 0;
        for (int h : hidden) {
            total += gates * (long) h * (input + h + 1);
            input = h;
        }
        return total;
    }

    /** Refuses more than {@link #MAX_LAYERS} layers, naming the option. */
    public static void checkLayers(String option, int layers) {
        if (layers > MAX_LAYERS) throw new OptionException(option + " asks for " + layers + " layers; at most " + MAX_LAYERS + " can be trained");
    }

    /** Refuses a layer wider than {@link #MAX_WIDTH}, naming the option. */
    public static void checkWidth(String option, int width) {
        if (width > MAX_WIDTH) throw new OptionException(option + " " + width + " is too large: at most " + MAX_WIDTH + " units");
    }

    /**
     * Refuses a model of more than {@link #MAX_PARAMETERS} parameters, or whose largest buffer
     * (a weight matrix, or the activations of one chunk) would not fit a Java array.
     */
    public static void check(String options, long parameters, long largestBuffer) {
        if (parameters > MAX_PARAMETERS) {
            throw new OptionException(String.format(Locale.ROOT, "%s give %,d parameters, more than the %,d lstm can train; choose smaller sizes",
                    options, parameters, MAX_PARAMETERS));
        }
        if (largestBuffer > MAX_ARRAY) {
            throw new OptionException(String.format(Locale.ROOT, "%s need a buffer of %,d values, more than Java allows; choose smaller sizes",
                    options, largestBuffer));
        }
    }
}
