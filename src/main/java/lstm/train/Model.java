package lstm.train;

import java.util.Map;
import lstm.nn.Network;

/**
 * A trained or training model: its kind ({@code char}, {@code events}, ...), the network, the
 * kind's codec data (a character vocabulary, an event-codec setting), the saved training options
 * and where training stands.
 */
public final class Model {
    public final String kind;
    public final Network network;
    public final Map<String, Object> codec;
    public final TrainOptions options;
    public final TrainingState state;

    public Model(String kind, Network network, Map<String, Object> codec, TrainOptions options, TrainingState state) {
        this.kind = kind;
        this.network = network;
        this.codec = codec;
        this.options = options;
        this.state = state;
    }
}
