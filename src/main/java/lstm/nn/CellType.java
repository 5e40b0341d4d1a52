package lstm.nn;

import java.util.Locale;

/** The recurrent cells a network can be built from; the name is what {@code --cell} accepts. */
public enum CellType {
    LSTM, GRU, RNN, PEEPHOLE, CIFG;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static CellType parse(String id) {
        for (CellType type : values()) {
            if (type.id().equals(id)) return type;
        }
        throw new IllegalArgumentException("unknown cell '" + id + "' (choose lstm, gru, rnn, peephole or cifg)");
    }
}
