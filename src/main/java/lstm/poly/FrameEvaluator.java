package lstm.poly;

import java.util.List;

/**
 * Frame-level measures over whole pieces, each from a zero state: the negative log-likelihood
 * in nats per time step (−log p of each whole 88-key frame, summed over keys, averaged over all
 * steps of all pieces; the first frame of a piece is predicted from silence), and the frame
 * accuracy of Bay, Ehmann and Downie (2009): ΣTP / Σ(TP + FP + FN) with keys predicted on where
 * p > 0.5. Pieces run {@code batch} at a time in chunks of {@code steps}, carrying the state.
 */
public final class FrameEvaluator {
    private final FramePass pass;

    public FrameEvaluator(PolyNetwork network, int steps, int batch) {
        this.pass = network.pass(steps, batch);
    }

    public record Result(double sumNats, long steps, long truePositives, long falsePositives, long falseNegatives) {
        public double nllPerStep() {
            return steps == 0 ? Double.NaN : sumNats / steps;
        }

        public double frameAccuracy() {
            long all = truePositives + falsePositives + falseNegatives;
            return all == 0 ? Double.NaN : truePositives / (double) all;
        }
    }

    public Result evaluate(List<Piece> pieces) {
        double nats = 0;
        long steps = 0, tp = 0, fp = 0, fn = 0;
        for (int first = 0; first < pieces.size(); first += pass.batch) {
            List<Piece> group = pieces.subList(first, Math.min(pieces.size(), first + pass.batch));
            int longest = group.stream().mapToInt(Piece::steps).max().orElse(0);
            pass.resetState();
            for (int from = 0; from < longest; from += pass.steps) {
                pass.clear();
                for (int b = 0; b < group.size(); b++) {
                    int count = Math.max(0, Math.min(pass.steps, group.get(b).steps() - from));
                    if (count > 0) pass.set(b, group.get(b), from, count);
                }
                nats += pass.forward(null);
                steps += pass.realSteps();
                for (int b = 0; b < group.size(); b++) {
                    Piece piece = group.get(b);
                    for (int t = 0; t < pass.steps && from + t < piece.steps(); t++) {
                        boolean[] truth = piece.play()[from + t];
                        for (int k = 0; k < Keyboard.KEYS; k++) {
                            boolean predicted = pass.playProbability(b, t, k) > 0.5;
                            if (predicted && truth[k]) tp++;
                            else if (predicted) fp++;
                            else if (truth[k]) fn++;
                        }
                    }
                }
                pass.carryState();
            }
        }
        return new Result(nats, steps, tp, fp, fn);
    }
}
