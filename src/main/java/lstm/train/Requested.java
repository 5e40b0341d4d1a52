package lstm.train;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The options of a training run as the user gave them, by their command-line names
 * ({@code --lr}, {@code --hidden}, ...): every value (a default where none was given), and which
 * ones were given explicitly. A new model takes them (an option not given may yield to the model
 * kind's recipe); a resumed model keeps its own, and an explicit different value is refused.
 */
public final class Requested {
    private final Map<String, Object> values;
    private final Set<String> given;

    public Requested(Map<String, Object> values, Set<String> given) {
        this.values = new LinkedHashMap<>(values);
        this.given = Set.copyOf(given);
    }

    public Object get(String option) {
        if (!values.containsKey(option)) throw new IllegalArgumentException("no option " + option);
        return values.get(option);
    }

    public int intValue(String option) {
        return ((Number) get(option)).intValue();
    }

    public float floatValue(String option) {
        return ((Number) get(option)).floatValue();
    }

    /** Whether the option was given explicitly. */
    public boolean given(String option) {
        return given.contains(option);
    }

    /** The run's saved options ({@link TrainOptions#OPTION_NAMES}) from these values. */
    public TrainOptions trainOptions() {
        TrainOptions o = new TrainOptions();
        o.batchSize = intValue("--batch-size");
        o.seqLength = intValue("--seq-length");
        o.optimizer = (String) get("--optimizer");
        o.learningRate = floatValue("--lr");
        o.momentum = floatValue("--momentum");
        o.schedule = (String) get("--schedule");
        o.lrDecay = floatValue("--lr-decay");
        o.lrDecayEvery = intValue("--lr-decay-every");
        o.minLr = floatValue("--min-lr");
        o.warmupSteps = intValue("--warmup");
        o.gradClip = floatValue("--grad-clip");
        o.valFraction = ((Number) get("--val-fraction")).doubleValue();
        o.seed = ((Number) get("--seed")).longValue();
        return o;
    }
}
