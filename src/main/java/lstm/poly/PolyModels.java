package lstm.poly;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lstm.linalg.MatrixEngine;
import lstm.train.ModelFile;
import lstm.train.ModelNetwork;

/** The frame-model kinds, and how a model file's {@code network} metadata rebuilds them. */
public final class PolyModels {
    public static final List<String> KINDS = List.of(RollNetwork.KIND, BiaxialNetwork.KIND);

    private PolyModels() {}

    /** For {@link ModelFile#load(java.nio.file.Path, MatrixEngine, ModelFile.Architectures)}. */
    public static final ModelFile.Architectures ARCHITECTURES = PolyModels::build;

    static ModelNetwork build(String kind, Map<String, Object> config, MatrixEngine mm) {
        if (RollNetwork.KIND.equals(kind)) return RollNetwork.fromConfig(config, mm);
        if (BiaxialNetwork.KIND.equals(kind)) return BiaxialNetwork.fromConfig(config, mm);
        return null;
    }

    /** The codec a frame model records: its keyboard, where its pieces came from (csv or midi) and its time grid. */
    public static Map<String, Object> codec(FrameSource.Corpus corpus) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("keys", Keyboard.KEYS);
        m.put("grid", corpus.fromMidi() ? "midi" : "csv");
        corpus.grid().record(m);
        return m;
    }

    static int[] ints(Object list) {
        List<?> l = (List<?>) list;
        int[] out = new int[l.size()];
        for (int i = 0; i < out.length; i++) out[i] = ((Number) l.get(i)).intValue();
        return out;
    }

    static List<Object> list(int[] values) {
        List<Object> out = new ArrayList<>();
        for (int v : values) out.add(v);
        return out;
    }
}
