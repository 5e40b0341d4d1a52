package lstm.stats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Yang &amp; Lerch's relative measurement of how close a set of samples is to reference music. For
 * each feature: the intra-set distances (every pair of reference pieces) and the inter-set
 * distances (every reference piece against every sample), each smoothed by a Gaussian kernel
 * density estimate; their overlap area (1: the samples differ from the reference as much as the
 * reference pieces differ among themselves) and Kullback-Leibler divergence KL(intra ‖ inter)
 * (0: the same). A piece found in both sets is never paired with itself, and a pair is counted
 * once, so a set compared with itself has inter-set distances equal to its intra-set ones.
 */
public record SetComparison(int referencePieces, int samplePieces, List<Result> results) {
    /** Mean overlap at or above which the samples are called close to the reference, and below which far. */
    public static final double CLOSE = 0.8, FAR = 0.6;

    /**
     * One feature's comparison; the grid and the three densities are what a plot draws.
     *
     * @param sampleIntra density of the samples' own intra-set distances (null with fewer than two samples)
     */
    public record Result(Feature feature, int intraPairs, int interPairs, double overlap, double kl,
            double[] grid, double[] referenceIntra, double[] inter, double[] sampleIntra) {}

    /** One piece with what identifies it: the same id in both sets means the same piece. */
    public record Item(Object id, MusicStats stats) {}

    public static SetComparison compare(List<Item> reference, List<Item> samples) {
        if (reference.size() < 2) {
            throw new IllegalArgumentException("the reference needs at least 2 pieces to have intra-set distances, got " + reference.size());
        }
        if (samples.isEmpty()) throw new IllegalArgumentException("no samples to compare");
        List<int[]> intraPairs = pairs(reference, reference);
        List<int[]> interPairs = pairs(reference, samples);
        List<int[]> sampleIntraPairs = samples.size() > 1 ? pairs(samples, samples) : List.of();
        if (interPairs.isEmpty()) throw new IllegalArgumentException("the samples are the reference's one piece; nothing to compare");
        List<Result> results = new ArrayList<>();
        for (Feature f : Feature.values()) {
            double[] intra = distances(f, reference, reference, intraPairs);
            double[] inter = distances(f, reference, samples, interPairs);
            double[] sampleIntra = sampleIntraPairs.isEmpty() ? null : distances(f, samples, samples, sampleIntraPairs);
            double minWidth = minWidth(intra, inter);
            Kde p = new Kde(intra, minWidth), q = new Kde(inter, minWidth);
            Kde s = sampleIntra == null ? null : new Kde(sampleIntra, minWidth);
            double[] grid = s == null ? Kde.grid(p, q) : Kde.grid(p, q, s);
            double[] pd = p.densities(grid), qd = q.densities(grid);
            results.add(new Result(f, intra.length, inter.length, Math.min(Kde.overlap(grid, pd, qd), 1), Kde.kl(pd, qd),
                    grid, pd, qd, s == null ? null : s.densities(grid)));
        }
        return new SetComparison(reference.size(), samples.size(), List.copyOf(results));
    }

    public double meanOverlap() {
        return results.stream().mapToDouble(Result::overlap).average().orElse(0);
    }

    public double meanKl() {
        return results.stream().mapToDouble(Result::kl).average().orElse(0);
    }

    /** "close", "partly close" or "far", by the mean overlap. */
    public String verdict() {
        double oa = meanOverlap();
        return oa >= CLOSE ? "close" : oa >= FAR ? "partly close" : "far";
    }

    /** The closing line: how close the samples are to the reference, in words and numbers. */
    public String summary() {
        String words = switch (verdict()) {
            case "close" -> "close to the reference: they differ from it about as much as its pieces differ from each other";
            case "partly close" -> "partly close to the reference: some features are off (the lowest overlaps show which)";
            default -> "far from the reference: they differ from it much more than its pieces differ from each other";
        };
        return String.format(Locale.ROOT, "samples are %s (mean overlap %.3f, mean KL %.3f over %d features)",
                words, meanOverlap(), meanKl(), results.size());
    }

    /** Index pairs (i in a, j in b) of different pieces, each unordered pair of pieces once. */
    private static List<int[]> pairs(List<Item> a, List<Item> b) {
        Map<Object, Integer> number = new HashMap<>();
        for (Item item : a) number.putIfAbsent(item.id(), number.size());
        for (Item item : b) number.putIfAbsent(item.id(), number.size());
        Set<Long> seen = new HashSet<>();
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            for (int j = 0; j < b.size(); j++) {
                int x = number.get(a.get(i).id()), y = number.get(b.get(j).id());
                if (x == y) continue;
                long key = (long) Math.min(x, y) << 32 | Math.max(x, y);
                if (seen.add(key)) out.add(new int[] {i, j});
            }
        }
        return out;
    }

    private static double[] distances(Feature f, List<Item> a, List<Item> b, List<int[]> pairs) {
        double[] d = new double[pairs.size()];
        for (int k = 0; k < d.length; k++) d[k] = f.distance(a.get(pairs.get(k)[0]).stats(), b.get(pairs.get(k)[1]).stats());
        return d;
    }

    /** A hundredth of the distances' whole range, so that data without spread still get a bump, not a spike. */
    private static double minWidth(double[] a, double[] b) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double[] xs : new double[][] {a, b}) {
            for (double x : xs) {
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
            }
        }
        return hi > lo ? (hi - lo) / 100 : Math.max(Math.abs(hi), 1) * 1e-3;
    }
}
