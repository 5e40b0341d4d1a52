package lstm.stats;

/**
 * The Krumhansl-Schmuckler key-finding algorithm: the key whose Krumhansl-Kessler profile
 * (probe-tone ratings, 1982) correlates best (Pearson) with a piece's duration-weighted
 * pitch-class distribution.
 */
public final class KeyFinder {
    private static final double[] MAJOR = {6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.70, 2.29, 2.88};
    private static final double[] MINOR = {6.33, 2.68, 3.52, 5.38, 2.60, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17};
    private static final String[] NAMES = {"C", "C#", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B"};
    /** Pitch classes of a key above its tonic: the major scale; natural minor plus the raised 7th of harmonic minor. */
    private static final int[] MAJOR_SCALE = {0, 2, 4, 5, 7, 9, 11};
    private static final int[] MINOR_SCALE = {0, 2, 3, 5, 7, 8, 10, 11};

    /** A key: tonic pitch class 0-11 (C = 0) and mode; its correlation with the piece's pitch classes. */
    public record Key(int tonic, boolean minor, double correlation) {
        public String name() {
            return NAMES[tonic] + (minor ? " minor" : " major");
        }

        /** True when pitch class {@code pc} belongs to the key's scale. */
        public boolean contains(int pc) {
            int degree = Math.floorMod(pc - tonic, 12);
            for (int d : minor ? MINOR_SCALE : MAJOR_SCALE) if (d == degree) return true;
            return false;
        }
    }

    private KeyFinder() {}

    /** The best key for 12 pitch-class weights (e.g. seconds sounding); C major for an empty or flat distribution. */
    public static Key find(double[] pitchClassWeights) {
        Key best = new Key(0, false, Double.NEGATIVE_INFINITY);
        for (int minor = 0; minor < 2; minor++) {
            for (int tonic = 0; tonic < 12; tonic++) {
                double r = correlation(pitchClassWeights, minor == 1 ? MINOR : MAJOR, tonic);
                if (r > best.correlation()) best = new Key(tonic, minor == 1, r);
            }
        }
        return Double.isFinite(best.correlation()) ? best : new Key(0, false, 0);
    }

    /** Pearson correlation of the weights with the profile turned so that its tonic falls on {@code tonic}. */
    static double correlation(double[] weights, double[] profile, int tonic) {
        double meanW = 0, meanP = 0;
        for (int i = 0; i < 12; i++) {
            meanW += weights[i] / 12;
            meanP += profile[i] / 12;
        }
        double cov = 0, varW = 0, varP = 0;
        for (int pc = 0; pc < 12; pc++) {
            double w = weights[pc] - meanW, p = profile[Math.floorMod(pc - tonic, 12)] - meanP;
            cov += w * p;
            varW += w * w;
            varP += p * p;
        }
        return varW == 0 ? Double.NaN : cov / Math.sqrt(varW * varP);
    }
}
