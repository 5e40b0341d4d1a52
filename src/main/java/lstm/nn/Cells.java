package lstm.nn;

/** Builds the layer for a {@link CellType}. */
public final class Cells {
    private Cells() {}

    public static RecurrentLayer create(CellType type, String prefix, int inputSize, int hidden, boolean oneHotInput) {
        return switch (type) {
            case LSTM -> new LstmCell(prefix, inputSize, hidden, oneHotInput);
            case GRU -> new GruCell(prefix, inputSize, hidden, oneHotInput);
            case RNN -> new RnnCell(prefix, inputSize, hidden, oneHotInput);
            case PEEPHOLE -> new PeepholeLstmCell(prefix, inputSize, hidden, oneHotInput);
            case CIFG -> new CifgLstmCell(prefix, inputSize, hidden, oneHotInput);
        };
    }
}
