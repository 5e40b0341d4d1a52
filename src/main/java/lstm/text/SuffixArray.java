package lstm.text;

import java.util.Arrays;

/**
 * Suffix array and LCP array of a sequence of ints. Prefix doubling: after the round for length k
 * the suffixes are sorted by their first 2k symbols, each round two linear radix passes, so
 * O(n log L) for a text whose longest repeat is L. LCP by Kasai's linear scan.
 */
final class SuffixArray {
    private SuffixArray() {}

    /** The start positions of the suffixes of {@code text} in lexicographic order (a shorter prefix first). */
    static int[] build(int[] text) {
        int n = text.length;
        int[] sa = new int[n];
        if (n == 0) return sa;
        int[] rank = denseRanks(text);
        int[] next = new int[n], bySecond = new int[n];
        int classes = 0;
        for (int r : rank) classes = Math.max(classes, r + 1);
        int[] count = new int[Math.max(classes, n) + 1];
        countingSort(identity(n), rank, classes, count, sa);
        for (int k = 1; classes < n; k <<= 1) {
            // Order by the second half (rank of the suffix k further on; none sorts first), then stably by the first.
            int p = 0;
            for (int i = n - k; i < n; i++) bySecond[p++] = i;
            for (int s : sa) if (s >= k) bySecond[p++] = s - k;
            countingSort(bySecond, rank, classes, count, sa);
            next[sa[0]] = 0;
            classes = 1;
            for (int j = 1; j < n; j++) {
                int a = sa[j - 1], b = sa[j];
                if (rank[a] != rank[b] || second(rank, a, k) != second(rank, b, k)) classes++;
                next[b] = classes - 1;
            }
            int[] swap = rank;
            rank = next;
            next = swap;
        }
        return sa;
    }

    /** lcp[i] = length of the longest common prefix of the suffixes at sa[i-1] and sa[i]; lcp[0] = 0. */
    static int[] lcp(int[] text, int[] sa) {
        int n = text.length;
        int[] rank = new int[n], lcp = new int[n];
        for (int i = 0; i < n; i++) rank[sa[i]] = i;
        int h = 0;   // drops by at most one from one text position to the next
        for (int i = 0; i < n; i++) {
            if (rank[i] == 0) {
                h = 0;
                continue;
            }
            int j = sa[rank[i] - 1];
            while (i + h < n && j + h < n && text[i + h] == text[j + h]) h++;
            lcp[rank[i]] = h;
            if (h > 0) h--;
        }
        return lcp;
    }

    private static int second(int[] rank, int i, int k) {
        return i + k < rank.length ? rank[i + k] : -1;
    }

    /** Stable sort of {@code items} by {@code key[item]} (keys in [0, classes)) into {@code out}. */
    private static void countingSort(int[] items, int[] key, int classes, int[] count, int[] out) {
        Arrays.fill(count, 0, classes + 1, 0);
        for (int item : items) count[key[item] + 1]++;
        for (int c = 1; c <= classes; c++) count[c] += count[c - 1];
        for (int item : items) out[count[key[item]]++] = item;
    }

    /** Each symbol replaced by its rank among the distinct symbols, so counting sorts stay small. */
    private static int[] denseRanks(int[] text) {
        int[] distinct = Arrays.stream(text).distinct().sorted().toArray();
        int[] ranks = new int[text.length];
        for (int i = 0; i < text.length; i++) ranks[i] = Arrays.binarySearch(distinct, text[i]);
        return ranks;
    }

    private static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) a[i] = i;
        return a;
    }
}
