package lstm.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import lstm.io.Json;
import lstm.text.Document;
import lstm.text.Novelty;
import lstm.text.TextReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "novelty", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Measure how much of a sample is new and how much it copies from the corpus.",
                "For n = 1..50, the share of the sample's n-grams (runs of n characters) that",
                "occur nowhere in the corpus, and the longest span the sample copies verbatim.",
                "N-grams do not run across corpus files.", ""},
        footerHeading = "%nExamples:%n", footer = {
                "  lstm sample plays.lstm -n 2000 | lstm novelty corpora/plays.txt",
                "  lstm novelty corpora/plays.txt sample.txt --json | jq .longest_copy.length"})
final class NoveltyCommand implements Callable<Integer> {
    @ParentCommand
    LstmCommand parent;

    @Parameters(index = "0", paramLabel = "CORPUS", description = "The training text: a file or a folder (recursive).")
    String corpus;

    @Parameters(index = "1", arity = "0..1", paramLabel = "SAMPLE", defaultValue = "-", description = "The sample: a file, or - for standard input (default).")
    String sample;

    @Option(names = "--max-n", paramLabel = "N", defaultValue = "" + Novelty.DEFAULT_MAX_N, description = "Longest n-grams to count (default: ${DEFAULT-VALUE}).")
    int maxN;

    @Option(names = "--json", description = "Print one JSON object: corpus_chars, sample_chars, ngrams [{n, count, novel, novel_fraction}] "
            + "(n up to --max-n or the sample's length), longest_copy {length, sample_offset, corpus_file, corpus_offset, "
            + "corpus_line, corpus_column, text} (only length 0 when nothing is shared).")
    boolean json;

    @Option(names = "--keep-cr", description = "Keep carriage returns (CRLF is otherwise read as LF), as 'lstm train --keep-cr'.")
    boolean keepCr;

    @Override
    public Integer call() {
        if (maxN < 1) throw new UsageException("--max-n must be at least 1, got " + maxN);
        if (corpus.equals("-")) throw new UsageException("the corpus must be a file or folder; only the sample can come from standard input");
        TextReader reader = new TextReader(keepCr);
        List<Document> corpusDocs = reader.read(List.of(corpus), parent.io.in);
        List<Document> samples = reader.read(List.of(sample), parent.io.in);
        if (samples.size() != 1) throw new UsageException("SAMPLE must be one file or -, not a folder");
        Document sampleDoc = samples.get(0);
        Novelty.Report report = Novelty.measure(corpusDocs, sampleDoc.codePoints(), maxN);
        if (json) {
            parent.io.text.println(Json.write(toJson(report, sampleDoc.codePoints())));
        } else {
            print(report, sampleDoc);
        }
        return Main.OK;
    }

    private void print(Novelty.Report r, Document sampleDoc) {
        var out = parent.io.text;
        out.printf(Locale.ROOT, "corpus %s: %,d characters; sample %s: %,d characters%n", corpus, r.corpusChars(), sampleDoc.name(), r.sampleChars());
        out.println("   n   novel   n-grams not in the corpus");
        for (int n = 1; n <= r.maxN(); n++) {
            if (r.ngrams()[n] == 0) break;
            out.printf(Locale.ROOT, "%4d  %6.2f%%  %,d of %,d%n", n, 100 * r.novelFraction(n), r.novel()[n], r.ngrams()[n]);
        }
        Novelty.Copy c = r.longest();
        if (c == null) {
            out.println("longest copied span: none (no character of the sample is in the corpus)");
            return;
        }
        Novelty.Location at = c.corpus();
        out.printf(Locale.ROOT, "longest copied span: %,d characters at sample offset %,d, corpus %s offset %,d (line %,d, column %d):%n",
                c.length(), c.sampleOffset(), at.document(), at.offset(), at.line(), at.column());
        out.println(Json.write(span(sampleDoc.codePoints(), c)));
    }

    private static Map<String, Object> toJson(Novelty.Report r, int[] sample) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("corpus_chars", r.corpusChars());
        m.put("sample_chars", r.sampleChars());
        List<Map<String, Object>> ngrams = new ArrayList<>();
        for (int n = 1; n <= r.maxN() && r.ngrams()[n] > 0; n++) {   // a short sample has no long n-grams
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("n", n);
            row.put("count", r.ngrams()[n]);
            row.put("novel", r.novel()[n]);
            row.put("novel_fraction", r.novelFraction(n));
            ngrams.add(row);
        }
        m.put("ngrams", ngrams);
        Novelty.Copy c = r.longest();
        Map<String, Object> copy = new LinkedHashMap<>();
        copy.put("length", c == null ? 0 : c.length());   // 0 and nothing else: not one character in common
        if (c != null) {
            copy.put("sample_offset", c.sampleOffset());
            copy.put("corpus_file", c.corpus().document());
            copy.put("corpus_offset", c.corpus().offset());
            copy.put("corpus_line", c.corpus().line());
            copy.put("corpus_column", c.corpus().column());
            copy.put("text", span(sample, c));
        }
        m.put("longest_copy", copy);
        return m;
    }

    private static String span(int[] sample, Novelty.Copy c) {
        return new String(sample, c.sampleOffset(), c.length());
    }
}
