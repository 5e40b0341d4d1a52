package lstm.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Where training stands: everything besides tensors that an exact resumption needs. */
public final class TrainingState {
    /** Completed optimizer steps since the model was created. */
    public long step;
    public int epoch;
    /** Next chunk within the epoch. */
    public int cursor;
    public long[] rng;
    public double bestValLoss = Double.NaN;
    public double lastValLoss = Double.NaN;
    public double trainSeconds;
    public long tokensSeen;
    public String corpus = "";

    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("step", step);
        m.put("epoch", epoch);
        m.put("cursor", cursor);
        List<String> words = new ArrayList<>();
        for (long w : rng) words.add(Long.toString(w));  // as strings: JSON readers may round 64-bit numbers
        m.put("rng", words);
        m.put("best_val_loss", finiteOrNull(bestValLoss));
        m.put("last_val_loss", finiteOrNull(lastValLoss));
        m.put("train_seconds", trainSeconds);
        m.put("tokens_seen", tokensSeen);
        m.put("corpus", corpus);
        return m;
    }

    static TrainingState fromMap(Map<String, Object> m) {
        TrainingState s = new TrainingState();
        s.step = ((Number) m.get("step")).longValue();
        s.epoch = ((Number) m.get("epoch")).intValue();
        s.cursor = ((Number) m.get("cursor")).intValue();
        List<?> words = (List<?>) m.get("rng");
        s.rng = new long[words.size()];
        for (int i = 0; i < s.rng.length; i++) s.rng[i] = Long.parseLong((String) words.get(i));
        s.bestValLoss = numberOrNaN(m.get("best_val_loss"));
        s.lastValLoss = numberOrNaN(m.get("last_val_loss"));
        s.trainSeconds = ((Number) m.get("train_seconds")).doubleValue();
        s.tokensSeen = ((Number) m.get("tokens_seen")).longValue();
        s.corpus = (String) m.get("corpus");
        return s;
    }

    private static Object finiteOrNull(double x) {
        return Double.isFinite(x) ? x : null;
    }

    private static double numberOrNaN(Object o) {
        return o instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
