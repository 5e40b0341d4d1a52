package lstm.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Novelty numbers against brute force on small texts, and a sample cut from the corpus is 0% novel. */
class NoveltyTest {
    private static Document doc(String name, String text) {
        return new Document(name, text.codePoints().toArray());
    }

    private static String random(Random rng, int length, String alphabet) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) sb.append(alphabet.charAt(rng.nextInt(alphabet.length())));
        return sb.toString();
    }

    /** Every n-gram of every document, counted position by position (in code points). */
    private static void assertMatchesBruteForce(List<String> corpus, String sampleText, int maxN) {
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < corpus.size(); i++) docs.add(doc("doc" + i, corpus.get(i)));
        int[] sample = sampleText.codePoints().toArray();
        Novelty.Report r = Novelty.measure(docs, sample, maxN);
        for (int n = 1; n <= maxN; n++) {
            Set<String> seen = new HashSet<>();
            for (Document d : docs) for (int i = 0; i + n <= d.codePoints().length; i++) seen.add(new String(d.codePoints(), i, n));
            long total = 0, novel = 0;
            for (int i = 0; i + n <= sample.length; i++) {
                total++;
                if (!seen.contains(new String(sample, i, n))) novel++;
            }
            assertEquals(total, r.ngrams()[n], "n-grams, n=" + n);
            assertEquals(novel, r.novel()[n], "novel n-grams, n=" + n + " corpus=" + corpus + " sample=" + sampleText);
        }
        int longest = 0, longestAt = -1;
        for (int i = 0; i < sample.length; i++) {
            for (int j = sample.length; j > i + longest; j--) {
                String span = new String(sample, i, j - i);
                if (corpus.stream().anyMatch(d -> d.contains(span))) {
                    longest = j - i;
                    longestAt = i;
                    break;
                }
            }
        }
        if (longest == 0) {
            assertNull(r.longest());
            return;
        }
        assertEquals(longest, r.longest().length());
        assertEquals(longestAt, r.longest().sampleOffset(), "the first of the longest spans");
        assertCopyIsWhereItSays(docs, sample, r.longest());
    }

    private static void assertCopyIsWhereItSays(List<Document> docs, int[] sample, Novelty.Copy copy) {
        int[] d = docs.stream().filter(x -> x.name().equals(copy.corpus().document())).findFirst().orElseThrow().codePoints();
        int at = copy.corpus().offset();
        assertArrayEquals(Arrays.copyOfRange(sample, copy.sampleOffset(), copy.sampleOffset() + copy.length()),
                Arrays.copyOfRange(d, at, at + copy.length()));
        String before = new String(d, 0, at);
        assertEquals(before.chars().filter(c -> c == '\n').count() + 1, copy.corpus().line());
        assertEquals(before.codePointCount(before.lastIndexOf('\n') + 1, before.length()) + 1, copy.corpus().column());
    }

    @Test
    void countsEqualBruteForceOnRandomTexts() {
        Random rng = new Random(1);
        for (int trial = 0; trial < 60; trial++) {
            String alphabet = "ab\nc".substring(0, 2 + trial % 3);
            int docs = 1 + trial % 3;
            List<String> corpus = new ArrayList<>();
            for (int d = 0; d < docs; d++) corpus.add(random(rng, rng.nextInt(120), alphabet));
            assertMatchesBruteForce(corpus, random(rng, rng.nextInt(80), alphabet), 12);
        }
    }

    @Test
    void nGramsDoNotRunAcrossDocuments() {
        assertMatchesBruteForce(List.of("abc", "def"), "cd", 3);
        Novelty.Report r = Novelty.measure(List.of(doc("a", "abc"), doc("b", "def")), "cd".codePoints().toArray(), 2);
        assertEquals(1, r.novel()[2]);   // "cd" only exists across the boundary
        assertEquals(0, r.novel()[1]);
    }

    @Test
    void astralCharactersCountAsOneCodePoint() {
        String corpus = "春眠不覺曉\uD840\uDC0B處處聞啼鳥";
        assertMatchesBruteForce(List.of(corpus), "曉\uD840\uDC0B處啼", 5);
        Novelty.Report r = Novelty.measure(List.of(doc("poem", corpus)), "曉\uD840\uDC0B處啼".codePoints().toArray(), 4);
        assertEquals(3, r.longest().length());
        assertEquals(4, r.longest().corpus().offset());
    }

    @Test
    void sampleCutFromTheCorpusIsNotNovel() {
        String corpus = random(new Random(7), 5000, "abcdefgh \n");
        String sample = corpus.substring(1234, 1234 + 700);
        Novelty.Report r = Novelty.measure(List.of(doc("c", corpus)), sample.codePoints().toArray(), Novelty.DEFAULT_MAX_N);
        for (int n = 1; n <= 50; n++) assertEquals(0.0, r.novelFraction(n), "n=" + n);
        assertEquals(700, r.longest().length());
        assertEquals(0, r.longest().sampleOffset());
        assertEquals(1234, r.longest().corpus().offset());
    }

    @Test
    void emptyAndUnrelatedSamples() {
        Novelty.Report empty = Novelty.measure(List.of(doc("c", "abc")), new int[0], 5);
        assertEquals(0, empty.ngrams()[1]);
        assertEquals(Double.NaN, empty.novelFraction(1));
        assertNull(empty.longest());
        Novelty.Report unrelated = Novelty.measure(List.of(doc("c", "abc")), "xyz".codePoints().toArray(), 2);
        assertEquals(1.0, unrelated.novelFraction(1));
        assertNull(unrelated.longest());
        Novelty.Report noCorpus = Novelty.measure(List.of(), "xy".codePoints().toArray(), 2);
        assertEquals(2, noCorpus.novel()[1]);
    }

    @Test
    void suffixArrayAndLcpEqualNaiveOnes() {
        Random rng = new Random(3);
        for (int trial = 0; trial < 40; trial++) {
            int[] text = new int[rng.nextInt(200)];
            for (int i = 0; i < text.length; i++) text[i] = trial % 2 == 0 ? rng.nextInt(3) : 1 + (i % 7 == 0 ? rng.nextInt(2) : 0);
            Integer[] naive = new Integer[text.length];
            for (int i = 0; i < naive.length; i++) naive[i] = i;
            Arrays.sort(naive, (a, b) -> Arrays.compare(text, a, text.length, text, b, text.length));
            int[] sa = SuffixArray.build(text);
            assertArrayEquals(Arrays.stream(naive).mapToInt(Integer::intValue).toArray(), sa);
            int[] lcp = SuffixArray.lcp(text, sa);
            for (int i = 1; i < sa.length; i++) {
                int h = 0;
                while (sa[i - 1] + h < text.length && sa[i] + h < text.length && text[sa[i - 1] + h] == text[sa[i] + h]) h++;
                assertEquals(h, lcp[i]);
            }
        }
    }

    @Test
    void sherlockSampleCutFromTheCorpusIsNotNovel() {
        Path path = Path.of("..", "shared", "corpora", "text", "sherlock_holmes.txt");
        assumeTrue(Files.isRegularFile(path), "needs " + path);
        Document sherlock = new TextReader(false).readFile(path);
        int[] sample = Arrays.copyOfRange(sherlock.codePoints(), 1_000_000, 1_000_500);
        Novelty.Report r = Novelty.measure(List.of(sherlock), sample, 50);
        for (int n = 1; n <= 50; n++) assertEquals(0, r.novel()[n], "n=" + n);
        assertNotNull(r.longest());
        assertEquals(500, r.longest().length());
        assertArrayEquals(sample, Arrays.copyOfRange(sherlock.codePoints(), r.longest().corpus().offset(), r.longest().corpus().offset() + 500));
    }
}
