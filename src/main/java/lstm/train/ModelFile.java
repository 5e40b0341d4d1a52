package lstm.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lstm.io.Json;
import lstm.io.SafeTensors;
import lstm.io.SafeTensors.Tensor;
import lstm.io.UserException;
import lstm.linalg.MatrixEngine;
import lstm.nn.CellType;
import lstm.nn.Network;
import lstm.nn.NetworkConfig;
import lstm.nn.Param;

/**
 * A model on disk: one safetensors file. Tensors: the parameters under their own names, then
 * (for resumption) optimizer moments {@code optimizer.*} and carried states {@code state.*}.
 * Metadata: {@code format}, {@code format_version}, {@code kind}, and JSON strings {@code network},
 * {@code codec}, {@code training_options}, {@code training_state}.
 */
public final class ModelFile {
    public static final String FORMAT = "lstm";
    public static final int VERSION = 1;

    private ModelFile() {}

    /** A loaded model plus the tensors a resumed run needs (optimizer moments, carried state). */
    public record Loaded(Model model, Map<String, float[]> resumeTensors) {}

    public static void save(Path path, Model model, Map<String, float[]> resumeTensors) {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (Param p : model.net.params()) tensors.put(p.name, new Tensor(p.shape, p.value));
        resumeTensors.forEach((name, data) -> tensors.put(name, new Tensor(new int[] {data.length}, data)));
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("format", FORMAT);
        meta.put("format_version", Integer.toString(VERSION));
        meta.put("kind", model.kind);
        meta.put("network", Json.write(model.net.config()));
        meta.put("codec", Json.write(model.codec));
        meta.put("training_options", Json.write(model.options.savedFields()));
        meta.put("training_state", Json.write(model.state.toMap()));
        meta.put("weight_layout", "input-major: layers.L.wx is [inputs][gates*hidden], gate blocks in the cell's order");
        SafeTensors.write(path, tensors, meta);
    }

    /**
     * Builds the network of a kind that is not a token model from its saved description, or
     * returns null when it does not know the kind.
     */
    public interface Architectures {
        ModelNetwork build(String kind, Map<String, Object> config, MatrixEngine mm);
    }

    /** Loads a token model ({@code char}, ...). */
    public static Loaded load(Path path, MatrixEngine mm) {
        return load(path, mm, (kind, config, engine) -> null);
    }

    /** Loads a model of any kind; kinds with their own architecture are built by {@code architectures}. */
    public static Loaded load(Path path, MatrixEngine mm, Architectures architectures) {
        SafeTensors.Contents contents = SafeTensors.read(path);
        Map<String, String> meta = contents.metadata();
        if (!FORMAT.equals(meta.get("format"))) {
            throw new UserException(path + " is not an lstm model (a safetensors file without lstm metadata)",
                    "give a file written by 'lstm train'");
        }
        int version = parseInt(meta.get("format_version"), path);
        if (version > VERSION) {
            throw new UserException(path + " has model format version " + version + ", newer than this lstm understands (" + VERSION + ")",
                    "upgrade lstm");
        }
        try {
            String kind = meta.get("kind");
            Map<String, Object> networkMeta = Json.readObject(meta.get("network"));
            ModelNetwork custom = architectures.build(kind, networkMeta, mm);
            Network network = custom == null ? new Network(networkConfig(networkMeta), mm) : null;
            List<Param> params = custom == null ? network.params() : custom.params();
            Map<String, Tensor> tensors = contents.tensors();
            for (Param p : params) {
                Tensor t = tensors.get(p.name);
                if (t == null || t.data().length != p.size()) {
                    throw new UserException(path + " is not a valid model file: tensor " + p.name + " is missing or has the wrong size",
                            "it may be damaged; use an intact copy");
                }
                System.arraycopy(t.data(), 0, p.value, 0, p.size());
            }
            Map<String, float[]> resume = new HashMap<>();
            tensors.forEach((name, t) -> {
                if (name.startsWith("optimizer.") || name.startsWith("state.")) resume.put(name, t.data());
            });
            TrainOptions options = new TrainOptions();
            options.restoreSavedFields(Json.readObject(meta.get("training_options")));
            TrainingState state = TrainingState.fromMap(Json.readObject(meta.get("training_state")));
            Map<String, Object> codec = Json.readObject(meta.get("codec"));
            Model model = custom == null ? new Model(kind, network, codec, options, state) : new Model(kind, custom, codec, options, state);
            return new Loaded(model, resume);
        } catch (IOException | RuntimeException e) {
            if (e instanceof UserException u) throw u;
            throw new UserException(path + " is not a valid model file: its metadata is incomplete (" + e.getMessage() + ")",
                    "it may be damaged; use an intact copy", e);
        }
    }

    private static int parseInt(String s, Path path) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new UserException(path + " is not a valid model file: bad format_version", "use an intact copy");
        }
    }

    static Map<String, Object> networkMap(NetworkConfig c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cell", c.cell().id());
        m.put("vocab_size", c.vocabSize());
        m.put("hidden", c.hidden());
        m.put("layers", c.layers());
        m.put("embedding", c.embedding());
        m.put("dropout", (double) c.dropout());
        return m;
    }

    static NetworkConfig networkConfig(Map<String, Object> m) {
        return new NetworkConfig(CellType.parse((String) m.get("cell")),
                ((Number) m.get("vocab_size")).intValue(),
                ((Number) m.get("hidden")).intValue(),
                ((Number) m.get("layers")).intValue(),
                ((Number) m.get("embedding")).intValue(),
                ((Number) m.get("dropout")).floatValue());
    }
}
