package lstm.train;

import java.util.List;
import java.util.Map;
import lstm.linalg.MatrixEngine;
import lstm.nn.Network;
import lstm.nn.Param;

/**
 * A trained or training model: its kind ({@code char}, {@code events}, {@code roll},
 * {@code biaxial}, ...), the network, the kind's codec data (a character vocabulary, an
 * event-codec setting), the saved training options and where training stands.
 *
 * <p>Token kinds have a {@link Network} in {@link #network}; every kind has {@link #net}, the
 * parameters and description that the model file saves.
 */
public final class Model {
    public final String kind;
    /** The token network, or null for kinds with their own architecture (see {@link #net}). */
    public final Network network;
    public final ModelNetwork net;
    public final Map<String, Object> codec;
    public final TrainOptions options;
    public final TrainingState state;

    public Model(String kind, Network network, Map<String, Object> codec, TrainOptions options, TrainingState state) {
        this(kind, network, new TokenNetwork(network), codec, options, state);
    }

    /** A model whose architecture is not the token {@link Network}. */
    public Model(String kind, ModelNetwork net, Map<String, Object> codec, TrainOptions options, TrainingState state) {
        this(kind, null, net, codec, options, state);
    }

    private Model(String kind, Network network, ModelNetwork net, Map<String, Object> codec, TrainOptions options, TrainingState state) {
        this.kind = kind;
        this.network = network;
        this.net = net;
        this.codec = codec;
        this.options = options;
        this.state = state;
    }

    /** The token network as a {@link ModelNetwork}. */
    private record TokenNetwork(Network network) implements ModelNetwork {
        @Override
        public List<Param> params() {
            return network.params();
        }

        @Override
        public Map<String, Object> config() {
            return ModelFile.networkMap(network.config);
        }

        @Override
        public MatrixEngine engine() {
            return network.engine();
        }
    }
}
