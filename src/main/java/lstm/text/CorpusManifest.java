package lstm.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import lstm.io.UserException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The public corpora {@code lstm corpus fetch} knows: for each a short name, the file name to save
 * it under, where to download it, and the size and SHA-256 that the download must have.
 *
 * <p>The file is CSV with the header {@code name,file,url,bytes,sha256,license,description}
 * and optionally a last column {@code format} ({@code file}, the default: saved as downloaded;
 * otherwise a conversion {@link CorpusFetcher} is given, such as {@code pickle-roll} or
 * {@code zip-midi}); {@code bytes} and {@code sha256} may both be {@code unknown} when no
 * checksum is published. Lines starting with {@code #} are comments. The built-in one is {@code corpora/manifest.csv},
 * packed into the jar.
 */
public final class CorpusManifest {
    static final String[] COLUMNS = {"name", "file", "url", "bytes", "sha256", "license", "description"};
    /** The optional last column: how the download becomes what {@code lstm train} reads. */
    static final String FORMAT_COLUMN = "format";
    /** Written in {@code bytes} and {@code sha256} when no checksum could be established. */
    public static final String UNKNOWN = "unknown";
    /** Saved as downloaded. */
    public static final String AS_IS = "file";
    private static final String RESOURCE = "/lstm/text/manifest.csv";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");
    /** A plain file name: no directory part, not hidden, so a manifest cannot write outside the target folder. */
    private static final Pattern FILE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /**
     * One downloadable corpus. {@code bytes} is -1 and {@code sha256} null when the manifest says
     * they are unknown; {@code format} is {@link #AS_IS} or the name of a conversion (then
     * {@code file} is the folder the conversion fills).
     */
    public record Entry(String name, String file, URI url, long bytes, String sha256, String license, String description,
            String format) {
        public Entry(String name, String file, URI url, long bytes, String sha256, String license, String description) {
            this(name, file, url, bytes, sha256, license, description, AS_IS);
        }

        /** False when the manifest gives no size and checksum for it. */
        public boolean checksumKnown() {
            return sha256 != null;
        }

        /** The same entry expecting this size and checksum. */
        public Entry withChecksum(long size, String sha) {
            return new Entry(name, file, url, size, sha, license, description, format);
        }

        public boolean converted() {
            return !AS_IS.equals(format);
        }
    }

    private final List<Entry> entries;
    private final String source;

    private CorpusManifest(List<Entry> entries, String source) {
        this.entries = Collections.unmodifiableList(entries);
        this.source = source;
    }

    /** The manifest shipped with lstm. */
    public static CorpusManifest builtIn() {
        try (InputStream in = CorpusManifest.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("resource " + RESOURCE + " is missing from the build");
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "the built-in manifest");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read resource " + RESOURCE, e);
        }
    }

    /** Reads a manifest file (UTF-8 CSV as described above). */
    public static CorpusManifest read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UserException("manifest " + file + " does not exist", "check the --manifest path");
        } catch (IOException e) {
            throw new UserException("cannot read manifest " + file + ": " + UserException.reason(e), "check the path given to --manifest", e);
        }
        return parse(text, "manifest " + file);
    }

    /** Parses manifest text; {@code source} names it in error messages. */
    public static CorpusManifest parse(String text, String source) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setCommentMarker('#').setIgnoreEmptyLines(true).build();
        List<Entry> entries = new ArrayList<>();
        try (Reader reader = new StringReader(text); CSVParser parser = CSVParser.parse(reader, format)) {
            int columns = 0;
            for (CSVRecord record : parser) {
                String where = source + " line " + parser.getCurrentLineNumber();
                if (columns == 0) {
                    List<String> withFormat = new ArrayList<>(List.of(COLUMNS));
                    withFormat.add(FORMAT_COLUMN);
                    if (List.of(COLUMNS).equals(record.toList())) columns = COLUMNS.length;
                    else if (withFormat.equals(record.toList())) columns = withFormat.size();
                    else throw new UserException(where + " is not the header " + String.join(",", COLUMNS) + "[,format]", "fix the manifest");
                    continue;
                }
                Entry entry = entry(record, where, columns);
                for (Entry other : entries) {
                    if (other.name().equals(entry.name()) || other.file().equals(entry.file())) {
                        throw new UserException(where + ": name or file of '" + entry.name() + "' is used twice", "fix the manifest");
                    }
                }
                entries.add(entry);
            }
        } catch (IOException | IllegalStateException | java.io.UncheckedIOException e) {
            throw new UserException(source + " is not valid CSV: " + e.getMessage(), "fix the manifest", e);
        }
        return new CorpusManifest(entries, source);
    }

    private static Entry entry(CSVRecord record, String where, int columns) {
        if (record.size() != columns) {
            throw new UserException(where + " has " + record.size() + " fields, expected " + columns, "fix the manifest");
        }
        String name = record.get(0), file = record.get(1), url = record.get(2), bytes = record.get(3),
                sha256 = record.get(4).toLowerCase(Locale.ROOT);
        String format = columns > COLUMNS.length && !record.get(7).isEmpty() ? record.get(7) : AS_IS;
        if (!NAME.matcher(name).matches()) throw bad(where, "name", name, "lower-case letters, digits and '-'");
        if (!FILE.matcher(file).matches()) throw bad(where, "file", file, "a plain file name without a folder");
        if (!NAME.matcher(format).matches()) throw bad(where, "format", format, "a format name such as 'file'");
        if (UNKNOWN.equals(sha256) != UNKNOWN.equals(bytes)) {
            throw new UserException(where + ": bytes and sha256 must both be known or both '" + UNKNOWN + "'", null);
        }
        boolean known = !UNKNOWN.equals(sha256);
        if (known && !SHA256.matcher(sha256).matches()) throw bad(where, "sha256", sha256, "64 hex digits");
        long size = -1;
        if (known) {
            try {
                size = Long.parseLong(bytes);
            } catch (NumberFormatException e) {
                throw bad(where, "bytes", bytes, "a whole number");
            }
            if (size < 0) throw bad(where, "bytes", bytes, "not negative");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw bad(where, "url", url, "a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!List.of("http", "https", "file").contains(scheme)) throw bad(where, "url", url, "an http, https or file URL");
        return new Entry(name, file, uri, size, known ? sha256 : null, record.get(5), record.get(6), format);
    }

    private static UserException bad(String where, String column, String value, String expected) {
        return new UserException(where + ": " + column + " '" + value + "' is not " + expected, "fix the manifest");
    }

    public List<Entry> entries() {
        return entries;
    }

    /** Where this manifest came from, for messages. */
    public String source() {
        return source;
    }

    /** The entry called {@code name}; a UserException listing the known names if there is none. */
    public Entry find(String name) {
        for (Entry entry : entries) {
            if (entry.name().equals(name)) return entry;
        }
        List<String> names = new ArrayList<>();
        for (Entry entry : entries) names.add(entry.name());
        throw new UserException("unknown corpus '" + name + "'",
                names.isEmpty() ? source + " lists none" : "known: " + String.join(", ", names));
    }
}
