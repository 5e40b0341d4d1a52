package lstm.nn;

/**
 * The shape of a network. {@code embedding} 0 means one-hot input (the first layer's input
 * weights then act as a lookup table); {@code dropout} applies between stacked layers in training.
 */
public record NetworkConfig(CellType cell, int vocabSize, int hidden, int layers, int embedding, float dropout) {
    public NetworkConfig {
        if (vocabSize < 1) throw new IllegalArgumentException("vocabulary must not be empty");
        if (hidden < 1) throw new IllegalArgumentException("hidden size must be at least 1, got " + hidden);
        if (layers < 1) throw new IllegalArgumentException("layers must be at least 1, got " + layers);
        if (embedding < 0) throw new IllegalArgumentException("embedding size must not be negative, got " + embedding);
        if (!(dropout >= 0f && dropout < 1f)) throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
    }
}
