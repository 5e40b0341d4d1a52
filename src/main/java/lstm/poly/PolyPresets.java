package lstm.poly;

import java.util.List;

/**
 * Named training recipes for the frame models. {@code demo} is the biaxial demo's own size;
 * {@code jsb} is the recipe that gave the best validation NLL on JSB Chorales within 15 minutes
 * of training on the benchmark machine (BENCHMARKS.md). Recipes stop after a number of
 * epochs, never after a wall-clock time, so a recipe gives the same model on a busy machine.
 */
public final class PolyPresets {
    private PolyPresets() {}

    /**
     * A recipe: layer sizes ({@code hidden} for roll; {@code timeHidden} and {@code noteHidden}
     * for biaxial), dropout, learning rate, batch, segment length and the epochs to train.
     */
    public record Recipe(int[] hidden, int[] timeHidden, int[] noteHidden, float dropout, float learningRate,
                         int batchSize, int seqLength, int epochs) {}

    public static List<String> names(String kind) {
        return RollNetwork.KIND.equals(kind) ? List.of("default", "jsb") : List.of("default", "jsb", "demo");
    }

    /** The recipe, or null when the kind has no preset of that name. */
    public static Recipe get(String kind, String name) {
        if (RollNetwork.KIND.equals(kind)) {
            return switch (name) {
                case "default" -> new Recipe(new int[] {128}, null, null, 0.2f, 2e-3f, 16, 128, 20);
                case "jsb" -> new Recipe(new int[] {160}, null, null, 0.3f, 3e-3f, 8, 128, 32);
                default -> null;
            };
        }
        if (BiaxialNetwork.KIND.equals(kind)) {
            return switch (name) {
                case "default" -> new Recipe(null, new int[] {32, 32}, new int[] {32, 16}, 0.2f, 3e-3f, 8, 32, 3);
                case "jsb" -> new Recipe(null, new int[] {32, 32}, new int[] {32, 16}, 0.2f, 3e-3f, 8, 32, 39);
                case "demo" -> new Recipe(null, new int[] {300, 300}, new int[] {100, 50}, 0.5f, 1e-3f, 5, 128, 100);
                default -> null;
            };
        }
        return null;
    }
}
