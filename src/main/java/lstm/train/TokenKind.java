package lstm.train;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToIntFunction;
import lstm.linalg.MatrixEngine;
import lstm.linalg.Rng;
import lstm.nn.CellType;
import lstm.nn.Network;
import lstm.nn.NetworkConfig;

/** The token kinds, {@code char} (text) and {@code events} (MIDI as performance events): one {@link Network} over token ids. */
public final class TokenKind implements ModelKind {
    public static final TokenKind TEXT = new TokenKind(CharCorpus.KIND, "text", codec -> CharCorpus.vocabulary(codec).size());
    public static final TokenKind EVENTS = new TokenKind(EventCorpus.KIND, "events",
            codec -> EventCorpus.Settings.of(codec).codec().vocabularySize());
    /** Epochs a run trains when no stop is given. */
    public static final int DEFAULT_EPOCHS = 10;

    private final String name;
    private final String description;
    private final ToIntFunction<Map<String, Object>> vocabularySize;

    private TokenKind(String name, String description, ToIntFunction<Map<String, Object>> vocabularySize) {
        this.name = name;
        this.description = description;
        this.vocabularySize = vocabularySize;
    }

    /** The kind of that name, or null. */
    public static TokenKind named(String name) {
        return TEXT.name.equals(name) ? TEXT : EVENTS.name.equals(name) ? EVENTS : null;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public Model create(Requested r, TrainOptions options, Map<String, Object> codec, MatrixEngine mm, Rng init) {
        int layers = r.intValue("--layers"), hidden = r.intValue("--hidden"), embedding = r.intValue("--embedding");
        int vocab = vocabularySize.applyAsInt(codec);
        ModelSize.checkLayers("--layers", layers);
        ModelSize.checkWidth("--hidden", hidden);
        ModelSize.checkWidth("--embedding", embedding);
        CellType cell = CellType.parse((String) r.get("--cell"));
        int gates = 4;   // the most any cell has: a bound, not the exact count
        long input = embedding > 0 ? embedding : vocab;
        long parameters = (long) vocab * embedding + ModelSize.stackParameters(gates, input, filled(layers, hidden))
                + (long) hidden * vocab + vocab;
        long rows = (long) options.batchSize * options.seqLength;
        long largest = Math.max(Math.max(rows * gates * hidden, rows * vocab), gates * (long) hidden * (Math.max(input, hidden) + hidden));
        ModelSize.check("--layers " + layers + ", --hidden " + hidden + (embedding > 0 ? ", --embedding " + embedding : "")
                + ", --batch-size " + options.batchSize + " and --seq-length " + options.seqLength, parameters, largest);
        Network network = new Network(new NetworkConfig(cell, vocab, hidden, layers, embedding, r.floatValue("--dropout")), mm);
        network.initialize(init);
        return new Model(name, network, codec, options, new TrainingState());
    }

    private static int[] filled(int layers, int hidden) {
        int[] sizes = new int[layers];
        java.util.Arrays.fill(sizes, hidden);
        return sizes;
    }

    @Override
    public Map<String, Object> networkOptions(Model saved) {
        NetworkConfig c = saved.network.config;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("--cell", c.cell().id());
        m.put("--layers", c.layers());
        m.put("--hidden", c.hidden());
        m.put("--embedding", c.embedding());
        m.put("--dropout", c.dropout());
        if (name.equals(CharCorpus.KIND)) m.put("--keep-cr", CharCorpus.keepCr(saved));
        if (name.equals(EventCorpus.KIND)) {
            EventCorpus.Settings s = EventCorpus.Settings.of(saved);
            m.put("--no-velocity", !s.velocity());
            m.put("--drums", s.keepDrums() ? "keep" : "drop");
            m.put("--no-sustain", !s.sustain());
        }
        return m;
    }

    @Override
    public ModelFile.Architectures architectures() {
        return (kind, config, engine) -> null;   // the token network
    }

    @Override
    public int defaultEpochs() {
        return DEFAULT_EPOCHS;
    }
}
