package lstm.stats;

/**
 * A one-dimensional Gaussian kernel density estimate with Scott's bandwidth
 * (σ · n^(−1/5), as scipy.stats.gaussian_kde, which Yang &amp; Lerch's toolbox uses), and the two
 * measures their method takes between two of them, evaluated on a shared grid: the overlap area
 * ∫ min(p, q) and the Kullback-Leibler divergence ∫ p log(p / q).
 */
public final class Kde {
    /** Grid points the densities are evaluated on. */
    public static final int GRID = 1000;
    private final double[] samples;
    private final double bandwidth, min, max;

    /**
     * @param samples  the data (at least one value)
     * @param minWidth the least bandwidth, for data with no spread (all distances equal)
     */
    public Kde(double[] samples, double minWidth) {
        if (samples.length == 0) throw new IllegalArgumentException("no samples");
        this.samples = samples;
        double mean = 0, lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double x : samples) {
            mean += x / samples.length;
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
        }
        double var = 0;
        for (double x : samples) var += (x - mean) * (x - mean);
        double sd = samples.length > 1 ? Math.sqrt(var / (samples.length - 1)) : 0;
        this.bandwidth = Math.max(sd * Math.pow(samples.length, -0.2), minWidth);
        this.min = lo;
        this.max = hi;
    }

    public double bandwidth() {
        return bandwidth;
    }

    /** The exact density at {@code x}: the mean of one Gaussian per sample. */
    public double density(double x) {
        double sum = 0;
        for (double s : samples) {
            double z = (x - s) / bandwidth;
            sum += Math.exp(-0.5 * z * z);
        }
        return sum / (samples.length * bandwidth * Math.sqrt(2 * Math.PI));
    }

    /** The grid both densities of a comparison are evaluated on: their data ± 5 bandwidths (the tails beyond hold under 10⁻⁶), evenly spaced. */
    public static double[] grid(Kde... kdes) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (Kde k : kdes) {
            lo = Math.min(lo, k.min - 5 * k.bandwidth);
            hi = Math.max(hi, k.max + 5 * k.bandwidth);
        }
        double[] xs = new double[GRID];
        for (int i = 0; i < GRID; i++) xs[i] = lo + (hi - lo) * i / (GRID - 1);
        return xs;
    }

    /**
     * The density at every point of an evenly spaced grid that covers the data. The samples are
     * first shared out linearly between their two nearest grid points (linear binning, as fast KDE
     * implementations do), so the cost is grid² rather than grid × samples: a set of a thousand
     * pieces has half a million pairwise distances. The grid step is a small fraction of the
     * bandwidth, which keeps the error far below what the comparison reports.
     */
    public double[] densities(double[] grid) {
        int n = grid.length;
        double lo = grid[0], step = (grid[n - 1] - lo) / (n - 1);
        double[] weight = new double[n];
        for (double s : samples) {
            double t = (s - lo) / step;
            int i = Math.min(Math.max((int) Math.floor(t), 0), n - 2);
            double w = Math.min(Math.max(t - i, 0), 1);
            weight[i] += 1 - w;
            weight[i + 1] += w;
        }
        double[] kernel = new double[n];
        double norm = 1 / (samples.length * bandwidth * Math.sqrt(2 * Math.PI));
        for (int d = 0; d < n; d++) {
            double z = d * step / bandwidth;
            kernel[d] = Math.exp(-0.5 * z * z) * norm;
        }
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            if (weight[i] == 0) continue;
            for (int j = 0; j < n; j++) ys[j] += weight[i] * kernel[Math.abs(i - j)];
        }
        return ys;
    }

    /** ∫ min(p, q) dx by the trapezoid rule: 1 for identical densities, 0 for disjoint ones. */
    public static double overlap(double[] xs, double[] p, double[] q) {
        double sum = 0;
        for (int i = 1; i < xs.length; i++) {
            sum += (xs[i] - xs[i - 1]) * (Math.min(p[i - 1], q[i - 1]) + Math.min(p[i], q[i])) / 2;
        }
        return sum;
    }

    /**
     * KL(p ‖ q) of the two densities on the grid, each normalized to sum 1 there (as
     * scipy.stats.entropy does). Where q is below 10⁻¹² of its mass it counts as 10⁻¹², so two
     * distributions that do not overlap at all give about 27.6 (ln 10¹²) instead of infinity,
     * and a mean over features stays readable.
     */
    public static double kl(double[] p, double[] q) {
        double sp = 0, sq = 0;
        for (int i = 0; i < p.length; i++) {
            sp += p[i];
            sq += q[i];
        }
        double kl = 0;
        for (int i = 0; i < p.length; i++) {
            double pi = p[i] / sp;
            if (pi <= 0) continue;
            double qi = Math.max(q[i] / sq, 1e-12);
            kl += pi * Math.log(pi / qi);
        }
        return Math.max(kl, 0);
    }
}
