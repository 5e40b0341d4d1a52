package lstm.train;

import java.util.List;
import java.util.Map;
import lstm.linalg.Rng;
import lstm.nn.Network;
import lstm.nn.Param;
import lstm.nn.Workspace;

/** The token language model ({@code char}, ...) as a training task: contiguous streams, carried state. */
final class TokenTask implements TrainingTask {
    private final Network network;
    private final TrainOptions options;
    private final TokenData data;
    private final Batcher batcher;
    private final Workspace ws;
    private final int[] inputs;
    private final int[] targets;
    private Evaluator evaluator;

    TokenTask(Network network, TrainOptions options, TokenData data) {
        this.network = network;
        this.options = options;
        this.data = data;
        this.batcher = new Batcher(data.train(), options.seqLength, options.batchSize);
        this.ws = network.workspace(options.seqLength, options.batchSize);
        this.inputs = new int[options.seqLength * options.batchSize];
        this.targets = new int[options.seqLength * options.batchSize];
    }

    @Override
    public List<Param> params() {
        return network.params();
    }

    @Override
    public int chunksPerEpoch() {
        return batcher.chunksPerEpoch;
    }

    @Override
    public double trainStep(int epoch, int cursor, Rng rng) {
        batcher.fill(cursor, inputs, targets);
        network.zeroGrad();
        double loss = network.forward(ws, inputs, targets, rng) / ws.predicted();
        network.backward(ws);
        return loss;
    }

    @Override
    public void endOfChunk() {
        ws.carryState();
    }

    @Override
    public void resetState() {
        ws.resetState();
    }

    /** Mean validation loss in nats per token, NaN when there is no validation text. */
    @Override
    public double validate() {
        if (data.validation().length < 2) return Double.NaN;
        if (evaluator == null) evaluator = new Evaluator(network, options.seqLength, options.batchSize);
        return evaluator.evaluate(data.validation()).meanNats();
    }

    @Override
    public Map<String, float[]> carriedState() {
        return ws.state();
    }

    @Override
    public void setCarriedState(Map<String, float[]> state) {
        ws.setState(state);
    }

    @Override
    public long positionsPerStep() {
        return inputs.length;
    }

    @Override
    public String dataFingerprint() {
        return data.fingerprint();
    }
}
