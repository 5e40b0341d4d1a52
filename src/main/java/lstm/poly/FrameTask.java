package lstm.poly;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import lstm.linalg.Rng;
import lstm.nn.Param;
import lstm.train.TrainOptions;
import lstm.train.TrainingTask;

/**
 * A frame model as a {@link TrainingTask}. The training pieces are cut into segments of at most
 * {@code seqLength} steps; each chunk trains on {@code batchSize} segments, each from a zero
 * state (the segment's first input is still the real frame before it). Every epoch visits the
 * segments in a fresh order drawn from the seed and the epoch number, so a resumed run sees
 * exactly the same chunks. Losses are in nats per time step.
 */
public final class FrameTask implements TrainingTask {
    private final PolyNetwork network;
    private final TrainOptions options;
    private final List<Piece> validation;
    private final String fingerprint;
    private final List<Segment> segments = new ArrayList<>();
    private final FramePass pass;
    private int[] order;
    private int orderEpoch = -1;
    private FrameEvaluator evaluator;

    private record Segment(Piece piece, int start, int length) {}

    public FrameTask(PolyNetwork network, TrainOptions options, List<Piece> train, List<Piece> validation) {
        this.network = network;
        this.options = options;
        this.validation = validation;
        List<Piece> all = new ArrayList<>(train);
        all.addAll(validation);
        this.fingerprint = FrameSource.fingerprint(all);
        for (Piece piece : train) {
            for (int from = 0; from < piece.steps(); from += options.seqLength) {
                segments.add(new Segment(piece, from, Math.min(options.seqLength, piece.steps() - from)));
            }
        }
        if (segments.isEmpty()) throw new IllegalArgumentException("no training frames");
        this.pass = network.pass(options.seqLength, options.batchSize);
    }

    @Override
    public List<Param> params() {
        return network.params();
    }

    @Override
    public int chunksPerEpoch() {
        return (segments.size() + options.batchSize - 1) / options.batchSize;
    }

    /** The order of segments in an epoch: a Fisher-Yates shuffle seeded by the run's seed and the epoch. */
    private int[] order(int epoch) {
        if (epoch != orderEpoch) {
            order = new int[segments.size()];
            for (int i = 0; i < order.length; i++) order[i] = i;
            Rng shuffle = new Rng(options.seed * 1_000_003L + epoch);
            for (int i = order.length - 1; i > 0; i--) {
                int j = shuffle.nextInt(i + 1);
                int swap = order[i];
                order[i] = order[j];
                order[j] = swap;
            }
            orderEpoch = epoch;
        }
        return order;
    }

    @Override
    public double trainStep(int epoch, int cursor, Rng rng) {
        int[] o = order(epoch);
        pass.clear();
        for (int b = 0; b < options.batchSize; b++) {
            int i = cursor * options.batchSize + b;
            if (i >= o.length) break;
            Segment s = segments.get(o[i]);
            pass.set(b, s.piece(), s.start(), s.length());
        }
        for (Param p : network.params()) p.zeroGrad();
        pass.resetState();
        double nats = pass.forward(rng);
        pass.backward();
        return nats / pass.realSteps();
    }

    @Override
    public void endOfChunk() {
        // every segment starts from a zero state: nothing carries over
    }

    @Override
    public void resetState() {
    }

    @Override
    public double validate() {
        if (validation.isEmpty()) return Double.NaN;
        if (evaluator == null) evaluator = new FrameEvaluator(network, options.seqLength, options.batchSize);
        return evaluator.evaluate(validation).nllPerStep();
    }

    @Override
    public Map<String, float[]> carriedState() {
        return Map.of();
    }

    @Override
    public void setCarriedState(Map<String, float[]> state) {
    }

    @Override
    public long positionsPerStep() {
        return (long) options.seqLength * options.batchSize;
    }

    @Override
    public String dataFingerprint() {
        return fingerprint;
    }
}
