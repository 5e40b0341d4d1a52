package lstm.text;

import java.util.Arrays;
import java.util.List;

/**
 * How much of a sample is new and how much is copied from the training corpus, in code points.
 * <p>
 * For every sample position the matching statistic is the length of the longest prefix of the
 * sample from there that occurs somewhere in the corpus. The n-gram starting at a position is in
 * the corpus exactly when that length is at least n, so one pass gives the novel n-gram counts
 * for every n, and the largest value is the longest span copied verbatim. The statistics come
 * from one suffix array over corpus and sample together (documents and sample kept apart by
 * unique separators): a sample suffix's longest match is its longest common prefix with the
 * nearest corpus suffix before or after it in suffix order.
 */
public final class Novelty {
    public static final int DEFAULT_MAX_N = 50;
    /** Separators lie above every code point and differ from each other, so no match runs across one. */
    private static final int FIRST_SEPARATOR = Character.MAX_CODE_POINT + 1;

    /** A place in the corpus: document name, code point offset in it, 1-based line and column. */
    public record Location(String document, int offset, int line, int column) {}

    /** A span of the sample that occurs verbatim in the corpus. */
    public record Copy(int length, int sampleOffset, Location corpus) {}

    /**
     * For n = 1..maxN: {@code ngrams[n]} sample n-gram positions, {@code novel[n]} of them not in the
     * corpus (index 0 unused); the longest copied span, or null when not even one character is shared.
     */
    public record Report(long corpusChars, int sampleChars, int maxN, long[] ngrams, long[] novel, Copy longest) {
        /** The novel share of the sample's n-grams; NaN when the sample is shorter than n. */
        public double novelFraction(int n) {
            return ngrams[n] == 0 ? Double.NaN : novel[n] / (double) ngrams[n];
        }
    }

    private Novelty() {}

    public static Report measure(List<Document> corpus, int[] sample, int maxN) {
        if (maxN < 1) throw new IllegalArgumentException("maxN must be at least 1, got " + maxN);
        long corpusChars = 0;
        for (Document d : corpus) corpusChars += d.codePoints().length;
        if (corpusChars + corpus.size() + sample.length > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("corpus and sample together exceed 2^31 code points");
        }
        // Layout: doc 0, sep, doc 1, sep, ..., sep, sample.
        int[] docStart = new int[corpus.size()];
        int[] text = new int[(int) corpusChars + corpus.size() + sample.length];
        int at = 0;
        for (int d = 0; d < corpus.size(); d++) {
            int[] cps = corpus.get(d).codePoints();
            docStart[d] = at;
            System.arraycopy(cps, 0, text, at, cps.length);
            at += cps.length;
            text[at++] = FIRST_SEPARATOR + d;
        }
        int sampleStart = at;
        System.arraycopy(sample, 0, text, sampleStart, sample.length);

        int[] sa = SuffixArray.build(text);
        int[] lcp = SuffixArray.lcp(text, sa);
        int[] match = new int[sample.length], matchAt = new int[sample.length];
        sweep(sa, lcp, sampleStart, true, match, matchAt);
        sweep(sa, lcp, sampleStart, false, match, matchAt);

        long[] ngrams = new long[maxN + 1], novel = new long[maxN + 2];
        for (int n = 1; n <= maxN; n++) ngrams[n] = Math.max(0, sample.length - n + 1);
        // Position i is novel for every n from match[i] + 1 up to the n-grams that still fit: a difference array.
        int longestAt = -1;
        for (int i = 0; i < sample.length; i++) {
            int from = match[i] + 1, to = Math.min(maxN, sample.length - i);
            if (from <= to) {
                novel[from]++;
                novel[to + 1]--;
            }
            if (match[i] > 0 && (longestAt < 0 || match[i] > match[longestAt])) longestAt = i;
        }
        for (int n = 1; n <= maxN; n++) novel[n] += novel[n - 1];
        Copy longest = longestAt < 0 ? null
                : new Copy(match[longestAt], longestAt, locate(corpus, docStart, matchAt[longestAt]));
        return new Report(corpusChars, sample.length, maxN, ngrams, Arrays.copyOf(novel, maxN + 1), longest);
    }

    /**
     * One direction of the matching statistics: walking the suffix array, the common prefix with the
     * last corpus suffix seen is the running minimum of the LCP values since it. Keeps the longer match.
     */
    private static void sweep(int[] sa, int[] lcp, int sampleStart, boolean forward, int[] match, int[] matchAt) {
        int n = sa.length;
        int lastCorpus = -1, common = 0;
        for (int step = 0; step < n; step++) {
            int p = forward ? step : n - 1 - step;
            if (step > 0) common = Math.min(common, forward ? lcp[p] : lcp[p + 1]);
            int pos = sa[p];
            if (pos < sampleStart) {   // a corpus suffix (or a separator's, which matches nothing)
                lastCorpus = pos;
                common = Integer.MAX_VALUE;
            } else if (lastCorpus >= 0 && common > match[pos - sampleStart]) {
                match[pos - sampleStart] = common;
                matchAt[pos - sampleStart] = lastCorpus;
            }
        }
    }

    private static Location locate(List<Document> corpus, int[] docStart, int position) {
        int d = Arrays.binarySearch(docStart, position);
        if (d < 0) d = -d - 2;   // the last document starting at or before the position
        int[] cps = corpus.get(d).codePoints();
        int offset = position - docStart[d];
        int line = 1, lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (cps[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Location(corpus.get(d).name(), offset, line, offset - lineStart + 1);
    }
}
