package lstm.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import lstm.io.Json;
import lstm.io.UserException;
import lstm.sample.Generator;
import lstm.sample.Sampler;
import lstm.text.TextReader;
import lstm.text.Vocabulary;
import lstm.train.CharCorpus;
import lstm.train.Model;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "sample", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Generate text from a trained text model and stream it to standard output.", ""},
        footerHeading = "%nExamples:%n", footer = {
                "  lstm sample plays.lstm --length 500",
                "  lstm sample plays.lstm --prime 'KING:' --temperature 0.7 --seed 7",
                "  lstm sample plays.lstm --temperature 0 --length 200    # most likely character each time",
                "  lstm sample plays.lstm --length 100000 | head -20",
                "  lstm sample plays.lstm --count 5 --separator '-----'",
                "  lstm sample plays.lstm --count 100 --jsonl | jq -r .text"})
final class SampleCommand implements Callable<Integer> {
    @ParentCommand
    LstmCommand parent;

    @Parameters(paramLabel = "MODEL", description = "A model written by 'lstm train'.")
    Path modelPath;

    @Option(names = {"-n", "--length"}, defaultValue = "1000", description = "Characters to generate after the prime (default: ${DEFAULT-VALUE}).")
    long length;

    @Option(names = {"-t", "--temperature"}, defaultValue = "1.0", description = "Sharpness: below 1 safer, above 1 wilder, 0 = always the most likely (default: ${DEFAULT-VALUE}).")
    float temperature;

    @Option(names = "--top-k", defaultValue = "0", description = "Draw only from the K most likely characters; 0 = all (default: ${DEFAULT-VALUE}).")
    int topK;

    @Option(names = "--top-p", defaultValue = "1.0", description = "Draw only from the most likely characters whose total probability reaches P (default: ${DEFAULT-VALUE}).")
    float topP;

    @Option(names = "--prime", paramLabel = "TEXT", description = "Text to start from; printed first.")
    String prime;

    @Option(names = "--prime-file", paramLabel = "FILE", description = "Start from the contents of FILE (UTF-8); printed first.")
    Path primeFile;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed; same seed and options, same text (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    EngineOptions engineOptions = new EngineOptions();

    @Option(names = "--count", paramLabel = "N", defaultValue = "1", description = "Independent samples to write, each from the prime; sample i (counting from 0) uses seed + i (default: ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--separator", paramLabel = "LINE", description = "Line written between samples (default: a blank line). Samples may hold blank lines themselves: use --jsonl to split them exactly.")
    String separator;

    @Option(names = "--jsonl", description = "One JSON object a line per sample: {\"seed\":..,\"text\":..}, the text with the prime.")
    boolean jsonl;

    @Override
    public Integer call() throws IOException {
        if (length < 0) throw new UsageException("--length must not be negative, got " + length);
        if (!(temperature >= 0)) throw new UsageException("--temperature must be 0 or more, got " + temperature);
        if (topK < 0) throw new UsageException("--top-k must be 0 or more, got " + topK);
        if (!(topP > 0 && topP <= 1)) throw new UsageException("--top-p must be in (0, 1], got " + topP);
        if (prime != null && primeFile != null) throw new UsageException("give --prime or --prime-file, not both");
        if (count < 1) throw new UsageException("--count must be at least 1, got " + count);
        if (jsonl && separator != null) throw new UsageException("give --separator or --jsonl, not both");
        Model model = ModelOptions.load(modelPath, engineOptions.engine(), CharCorpus.KIND);
        Vocabulary vocab = CharCorpus.vocabulary(model);
        int[] primeText = primeCodePoints(CharCorpus.keepCr(model));
        int[] primeTokens;
        try {
            primeTokens = vocab.encode(primeText);
        } catch (Vocabulary.UnknownCharactersException e) {
            throw new UserException("the prime has characters the model has never seen: " + e.getMessage(),
                    "use only characters of the training text");
        }
        OutputStream out = parent.io.out;
        try {
            int last = '\n';
            for (int i = 0; i < count; i++) {
                Generator generator = new Generator(model.network, new Sampler(vocab.size(), temperature, topK, topP, seed + i));
                if (jsonl) {
                    StringBuilder text = new StringBuilder();
                    generate(generator, vocab, primeTokens, primeText, text::append);
                    Map<String, Object> line = new LinkedHashMap<>();
                    line.put("seed", seed + i);
                    line.put("text", text.toString());
                    out.write((Json.write(line) + "\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                } else {
                    if (i > 0) out.write(((last == '\n' ? "" : "\n") + (separator == null ? "" : separator) + "\n").getBytes(StandardCharsets.UTF_8));
                    last = generate(generator, vocab, primeTokens, primeText, new RawSink(out));
                }
            }
        } catch (IOException e) {
            if (isBrokenPipe(e)) return Main.OK;   // the reader (say, head) has all it wants
            throw e;
        }
        return Main.OK;
    }

    /** Where generated text goes, a chunk at a time. */
    private interface TextSink {
        void accept(CharSequence chunk) throws IOException;
    }

    /**
     * One sample: the prime, then {@code length} characters; returns the last code point written
     * (or newline if none). Characters are UTF-8 encoded into one reused buffer, written out at
     * each newline and every 64 characters: nothing is allocated per character.
     */
    private int generate(Generator generator, Vocabulary vocab, int[] primeTokens, int[] primeText, TextSink sink) throws IOException {
        Utf8Chunk chunk = new Utf8Chunk(sink);
        int last = '\n';
        if (primeTokens.length == 0) {
            int newline = vocab.id('\n');
            generator.feed(newline >= 0 ? newline : 0);   // start as if at the beginning of a line
        } else {
            for (int token : primeTokens) generator.feed(token);
            for (int cp : primeText) chunk.append(cp);
            last = primeText[primeText.length - 1];
        }
        for (long i = 0; i < length; i++) {
            last = vocab.codePoint(generator.next());
            chunk.append(last);
            if (chunk.characters >= 64 || last == '\n') chunk.flush();
        }
        chunk.flush();
        return last;
    }

    /** Code points encoded as UTF-8 into a buffer that is reused from chunk to chunk. */
    private static final class Utf8Chunk {
        private final TextSink sink;
        private final StringBuilder text;
        private final OutputStream raw;
        private byte[] bytes = new byte[256];
        private int size;
        int characters;

        Utf8Chunk(TextSink sink) {
            this.sink = sink;
            this.raw = sink instanceof RawSink r ? r.out : null;
            this.text = raw == null ? new StringBuilder() : null;
        }

        void append(int cp) {
            characters++;
            if (raw == null) {
                text.appendCodePoint(cp);
                return;
            }
            if (size + 4 > bytes.length) bytes = java.util.Arrays.copyOf(bytes, 2 * bytes.length);   // a long prime only
            if (cp < 0x80) {
                bytes[size++] = (byte) cp;
            } else if (cp < 0x800) {
                bytes[size++] = (byte) (0xC0 | cp >> 6);
                bytes[size++] = (byte) (0x80 | cp & 0x3F);
            } else if (cp < 0x10000) {
                bytes[size++] = (byte) (0xE0 | cp >> 12);
                bytes[size++] = (byte) (0x80 | cp >> 6 & 0x3F);
                bytes[size++] = (byte) (0x80 | cp & 0x3F);
            } else {
                bytes[size++] = (byte) (0xF0 | cp >> 18);
                bytes[size++] = (byte) (0x80 | cp >> 12 & 0x3F);
                bytes[size++] = (byte) (0x80 | cp >> 6 & 0x3F);
                bytes[size++] = (byte) (0x80 | cp & 0x3F);
            }
        }

        void flush() throws IOException {
            if (characters == 0) return;
            if (raw != null) {
                raw.write(bytes, 0, size);
                raw.flush();
            } else {
                sink.accept(text);
                text.setLength(0);
            }
            size = 0;
            characters = 0;
        }
    }

    /** Text straight to a byte stream, as UTF-8. */
    private record RawSink(OutputStream out) implements TextSink {
        @Override
        public void accept(CharSequence chunk) throws IOException {
            out.write(chunk.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }

    private int[] primeCodePoints(boolean keepCr) {
        TextReader reader = new TextReader(keepCr);
        if (primeFile != null) return reader.readFile(primeFile).codePoints();
        if (prime != null) return reader.decode("--prime", prime.getBytes(StandardCharsets.UTF_8)).codePoints();
        return new int[0];
    }


    static boolean isBrokenPipe(IOException e) {
        String m = String.valueOf(e.getMessage());
        return m.contains("Broken pipe") || m.contains("Stream closed");
    }
}
