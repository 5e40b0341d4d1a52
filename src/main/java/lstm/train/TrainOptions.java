package lstm.train;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How to train. The fields that shape the run (batch, sequence, optimizer, schedule, seed,
 * validation split) are saved in the model so a resumed run continues exactly; the stopping
 * rules and file options belong to each invocation.
 */
public final class TrainOptions {
    // shape of the run: saved with the model
    public int batchSize = 50;
    public int seqLength = 50;
    public String optimizer = "adam";
    public float learningRate = 2e-3f;
    public float momentum = 0.9f;
    /** constant, step (× lrDecay every lrDecayEvery steps) or cosine (to minLr at scheduleSteps). */
    public String schedule = "constant";
    public float lrDecay = 0.97f;
    public int lrDecayEvery = 1000;
    public float minLr = 0f;
    public int warmupSteps = 0;
    public float gradClip = 5f;
    public double valFraction = 0.05;
    public long seed = 42;
    /**
     * Length of the cosine schedule: the --steps of the run that set it. Saved, so a resumed run
     * without --steps (say with --time) carries on down the same curve instead of starting over.
     */
    public long scheduleSteps = 0;

    // stopping and reporting: per invocation
    /** Total steps since the model started, or 0 for no limit. */
    public long maxSteps = 0;
    /** Total epochs since the model started, or 0 for no limit. */
    public int maxEpochs = 0;
    /** Wall-clock seconds for this invocation, or 0 for no limit. */
    public double maxSeconds = 0;
    public int evalEvery = 500;
    public int checkpointEvery = 1000;

    /** The command-line options behind the saved fields, in the order {@link #asOptions} gives them. */
    public static final java.util.List<String> OPTION_NAMES = java.util.List.of("--batch-size", "--seq-length", "--optimizer", "--lr",
            "--momentum", "--schedule", "--lr-decay", "--lr-decay-every", "--min-lr", "--warmup", "--grad-clip", "--val-fraction", "--seed");

    /** The saved fields by their command-line option, to compare a resumed model's with the ones given. */
    public Map<String, Object> asOptions() {
        Object[] v = {batchSize, seqLength, optimizer, learningRate, momentum, schedule, lrDecay, lrDecayEvery, minLr, warmupSteps,
                gradClip, valFraction, seed};
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < v.length; i++) m.put(OPTION_NAMES.get(i), v[i]);
        return m;
    }

    /** The saved part, as JSON-ready values. */
    public Map<String, Object> savedFields() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("batch_size", batchSize);
        m.put("seq_length", seqLength);
        m.put("optimizer", optimizer);
        m.put("lr", (double) learningRate);
        m.put("momentum", (double) momentum);
        m.put("schedule", schedule);
        m.put("lr_decay", (double) lrDecay);
        m.put("lr_decay_every", lrDecayEvery);
        m.put("min_lr", (double) minLr);
        m.put("warmup_steps", warmupSteps);
        m.put("grad_clip", (double) gradClip);
        m.put("val_fraction", valFraction);
        m.put("seed", seed);
        m.put("max_steps", maxSteps);
        m.put("schedule_steps", scheduleSteps);
        return m;
    }

    public void restoreSavedFields(Map<String, Object> m) {
        batchSize = ((Number) m.get("batch_size")).intValue();
        seqLength = ((Number) m.get("seq_length")).intValue();
        optimizer = (String) m.get("optimizer");
        learningRate = ((Number) m.get("lr")).floatValue();
        momentum = ((Number) m.get("momentum")).floatValue();
        schedule = (String) m.get("schedule");
        lrDecay = ((Number) m.get("lr_decay")).floatValue();
        lrDecayEvery = ((Number) m.get("lr_decay_every")).intValue();
        minLr = ((Number) m.get("min_lr")).floatValue();
        warmupSteps = ((Number) m.get("warmup_steps")).intValue();
        gradClip = ((Number) m.get("grad_clip")).floatValue();
        valFraction = ((Number) m.get("val_fraction")).doubleValue();
        seed = ((Number) m.get("seed")).longValue();
        // models written before schedule_steps existed: their max_steps was the horizon
        Object horizon = m.containsKey("schedule_steps") ? m.get("schedule_steps") : m.get("max_steps");
        scheduleSteps = horizon == null ? 0 : ((Number) horizon).longValue();
    }

    /** Learning rate for the update that follows {@code step} completed steps. */
    public float learningRateAt(long step) {
        double lr = learningRate;
        if (warmupSteps > 0 && step < warmupSteps) lr *= (step + 1) / (double) warmupSteps;
        switch (schedule) {
            case "step":
                lr *= Math.pow(lrDecay, step / Math.max(1, lrDecayEvery));
                break;
            case "cosine":
                double progress = scheduleSteps > 0 ? Math.min(1.0, step / (double) scheduleSteps) : 0;
                lr = minLr + (lr - minLr) * 0.5 * (1 + Math.cos(Math.PI * progress));
                break;
            default:
                break;
        }
        return (float) lr;
    }
}
