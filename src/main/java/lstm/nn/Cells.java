package lstm.nn;

/** Builds the layer for a {@link CellType}. */
public final class Cells {
    private Cells() {}

    public static RecurrentLayer create(CellType type, String prefix, int inputSize, int hidden, boolean oneHotInput) {
        switch (type) {
            case LSTM:
                return new LstmCell(prefix, inputSize, hidden, oneHotInput);
            default:
                throw new IllegalArgumentException("cell '" + type.id() + "' is not available yet");
        }
    }
}
