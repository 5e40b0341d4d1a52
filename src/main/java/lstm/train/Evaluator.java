package lstm.train;

import java.util.Arrays;
import lstm.nn.Network;
import lstm.nn.Workspace;

/**
 * Mean loss per token over a whole text, the number training reports as validation loss and
 * {@code lstm eval} prints. The text is cut into up to {@code batch} streams that overlap by one
 * token, so every token after the first is predicted exactly once; each stream starts from a
 * zero state and carries it through chunks of {@code steps}.
 */
public final class Evaluator {
    private final Network network;
    private final Workspace ws;
    private final int[] inputs;
    private final int[] targets;

    public Evaluator(Network network, int steps, int batch) {
        this.network = network;
        this.ws = network.workspace(steps, batch);
        this.inputs = new int[steps * batch];
        this.targets = new int[steps * batch];
    }

    /** Result in nats: the summed loss and the number of predicted tokens. */
    public record Loss(double sumNats, long predicted) {
        public double meanNats() {
            return predicted == 0 ? Double.NaN : sumNats / predicted;
        }

        public double bitsPerToken() {
            return meanNats() / Math.log(2);
        }
    }

    public Loss evaluate(int[] tokens) {
        int predictions = tokens.length - 1;
        if (predictions < 1) return new Loss(0, 0);
        int batch = ws.batch, steps = ws.steps;
        int streams = Math.min(batch, predictions);
        // stream b predicts tokens (first[b], first[b] + length[b]]
        int[] first = new int[batch], length = new int[batch];
        int base = predictions / streams, extra = predictions % streams, pos = 0;
        for (int b = 0; b < streams; b++) {
            first[b] = pos;
            length[b] = base + (b < extra ? 1 : 0);
            pos += length[b];
        }
        int longest = base + (extra > 0 ? 1 : 0);
        double sum = 0;
        long count = 0;
        ws.resetState();
        for (int chunk = 0; chunk * steps < longest; chunk++) {
            Arrays.fill(inputs, 0);
            Arrays.fill(targets, -1);
            for (int b = 0; b < streams; b++) {
                for (int t = 0; t < steps; t++) {
                    int i = chunk * steps + t;
                    if (i >= length[b]) break;
                    inputs[t * batch + b] = tokens[first[b] + i];
                    targets[t * batch + b] = tokens[first[b] + i + 1];
                }
            }
            sum += network.forward(ws, inputs, targets, null);
            count += ws.predicted();
            ws.carryState();
        }
        return new Loss(sum, count);
    }
}
