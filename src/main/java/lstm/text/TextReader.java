package lstm.text;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import lstm.io.UserException;

/**
 * Reads text corpora as Unicode code points: strict UTF-8 (an invalid byte is an error naming the
 * file and offset), a leading BOM dropped, CRLF read as LF unless asked to keep CR. Accepts files,
 * folders (recursively, in sorted order, hidden entries skipped) and {@code -} for standard input.
 */
public final class TextReader {
    private final boolean keepCr;

    public TextReader(boolean keepCr) {
        this.keepCr = keepCr;
    }

    /** Every document named by the paths, in order; folders expand to their files. */
    public List<Document> read(List<String> paths, InputStream stdin) {
        List<Document> docs = new ArrayList<>();
        for (String p : paths) {
            if (p.equals("-")) {
                try {
                    docs.add(decode("<stdin>", stdin.readAllBytes()));
                } catch (IOException e) {
                    throw new UserException("cannot read standard input: " + UserException.reason(e), "check what is piped in", e);
                }
                continue;
            }
            Path path = Path.of(p);
            if (Files.isDirectory(path)) {
                for (Path file : filesUnder(path)) docs.add(readFile(file));
            } else {
                docs.add(readFile(path));
            }
        }
        return docs;
    }

    private static List<Path> filesUnder(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(f -> !isHidden(dir.relativize(f)))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UserException("cannot list folder " + dir + ": " + UserException.reason(e), "check its permissions", e);
        }
    }

    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) return true;
        }
        return false;
    }

    public Document readFile(Path file) {
        try {
            return decode(file.toString(), Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new UserException("no such file: " + file, "check the path");
        } catch (IOException e) {
            throw new UserException("cannot read " + file + ": " + UserException.reason(e), "check the path and its permissions", e);
        }
    }

    /** Decodes UTF-8 bytes to code points, applying the BOM and line-ending rules. */
    public Document decode(String name, byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) result = decoder.flush(out);
        if (result.isError()) {
            throw new UserException(name + " is not valid UTF-8 at byte offset " + in.position(),
                    "convert it to UTF-8, e.g. with iconv");
        }
        out.flip();
        int[] codePoints = new int[out.remaining()];
        int n = 0;
        while (out.hasRemaining()) {
            char c = out.get();
            int cp = c;
            if (Character.isHighSurrogate(c) && out.hasRemaining() && Character.isLowSurrogate(out.get(out.position()))) {
                cp = Character.toCodePoint(c, out.get());
            }
            if (cp == '\r' && !keepCr && out.hasRemaining() && out.get(out.position()) == '\n') continue;
            codePoints[n++] = cp;
        }
        return new Document(name, java.util.Arrays.copyOf(codePoints, n));
    }

}
