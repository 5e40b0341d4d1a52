package lstm.text;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import lstm.io.AtomicFile;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URLConnection;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import lstm.io.UserException;

/**
 * Downloads a manifest entry into a folder and proves it is the file the manifest describes.
 *
 * <p>The bytes go to a temporary file in the target folder while their SHA-256 is computed; only
 * a download with the right size and checksum is renamed to its final name, so the final name
 * never holds a partial or wrong file. A file already there that verifies is kept as it is.
 * Works with http, https and file URLs.
 *
 * <p>An entry with a {@code format} other than {@code file} is converted after it verifies: the
 * download goes through a {@link Converter} into a temporary folder that is renamed to the
 * entry's {@code file} (a folder) with a {@value #SOURCE_MARK} file recording what it was made
 * from; the download itself is not kept. An entry whose checksum the manifest does not know is
 * refused unless trust on first use is asked for: then whatever the URL serves is accepted and
 * its size and SHA-256 recorded in {@code FILE.sha256} beside it, which later fetches check.
 */
public final class CorpusFetcher {
    private static final int CONNECT_TIMEOUT_MS = 30_000;
    private static final int READ_TIMEOUT_MS = 60_000;
    private static final int BUFFER = 64 * 1024;

    /** Told what the fetcher is doing, for progress messages. */
    public interface Listener {
        /** A download of {@code entry} starts. */
        default void downloading(CorpusManifest.Entry entry) {}

        /** {@code done} of the entry's bytes have arrived (called after every buffer). */
        default void progress(long done) {}

        /** A file is at the target path but does not verify, so it will be replaced. */
        default void replacing(Path existing) {}

        /** An entry without a known checksum was accepted as served; its checksum is recorded in {@code record}. */
        default void trusted(CorpusManifest.Entry entry, long bytes, String sha256, Path record) {}
    }

    /** Turns a verified download into a folder of what {@code lstm train} reads. */
    public interface Converter {
        /** {@code name} is what messages call the download: the last part of its URL. */
        void convert(Path download, String name, Path folder) throws IOException;
    }

    /** Inside a converted folder: the size, SHA-256 and URL of the download it was made from. */
    public static final String SOURCE_MARK = ".lstm-source";

    /** Where the corpus is, and whether it was downloaded now (false: a verified copy was there). */
    public record Result(Path path, boolean downloaded) {}

    private final Listener listener;
    private final Map<String, Converter> converters;
    private final boolean trustOnFirstUse;

    public CorpusFetcher(Listener listener) {
        this(listener, Map.of(), false);
    }

    /**
     * @param converters      by manifest format name
     * @param trustOnFirstUse accept an entry without a known checksum, and record the one seen
     */
    public CorpusFetcher(Listener listener, Map<String, Converter> converters, boolean trustOnFirstUse) {
        this.listener = listener;
        this.converters = Map.copyOf(converters);
        this.trustOnFirstUse = trustOnFirstUse;
    }

    public Result fetch(CorpusManifest.Entry entry, Path dir) {
        Path record = dir.resolve(entry.file() + ".sha256");
        boolean trusting = false;
        if (!entry.checksumKnown()) {
            CorpusManifest.Entry recorded = recorded(entry, record);
            if (recorded != null) {
                entry = recorded;
            } else if (trustOnFirstUse) {
                trusting = true;
            } else {
                throw new UserException("the manifest has no size and sha256 for '" + entry.name() + "': none is published that lstm could check",
                        "add --trust-on-first-use to accept what " + entry.url() + " serves and record its checksum in " + record
                                + "; nothing was written");
            }
        }
        if (entry.converted() && !converters.containsKey(entry.format())) {
            throw new UserException("corpus '" + entry.name() + "' has the format '" + entry.format() + "', which this lstm cannot convert",
                    "known formats: file" + (converters.isEmpty() ? "" : ", " + String.join(", ", new java.util.TreeSet<>(converters.keySet()))));
        }
        Result result = entry.converted() ? fetchConverted(entry, dir, trusting) : fetchFile(entry, dir, trusting);
        if (trusting) {
            try {
                Path source = entry.converted() ? result.path().resolve(SOURCE_MARK) : result.path();
                String[] seen = entry.converted() ? Files.readString(source).trim().split(" ") : new String[] {sha256(source), "" + Files.size(source)};
                AtomicFile.write(record, ByteBuffer.wrap((seen[0] + " " + seen[1] + " " + entry.url() + "\n").getBytes(StandardCharsets.UTF_8)));
                listener.trusted(entry, Long.parseLong(seen[1]), seen[0], record);
            } catch (IOException e) {
                throw new UserException("cannot write " + record + ": " + e.getMessage(), null, e);
            }
        }
        return result;
    }

    /** The entry with the checksum recorded by an earlier trusted fetch, or null when there is none. */
    private static CorpusManifest.Entry recorded(CorpusManifest.Entry entry, Path record) {
        if (!Files.isRegularFile(record)) return null;
        try {
            String[] fields = Files.readString(record, StandardCharsets.UTF_8).trim().split(" ");
            if (fields.length < 2 || !fields[0].matches("[0-9a-f]{64}")) throw new NumberFormatException();
            return entry.withChecksum(Long.parseLong(fields[1]), fields[0]);
        } catch (IOException | NumberFormatException e) {
            throw new UserException(record + " is not a checksum record 'SHA256 BYTES URL'", "delete it to trust the download anew");
        }
    }

    private Result fetchConverted(CorpusManifest.Entry entry, Path dir, boolean trusting) {
        Path target = dir.resolve(entry.file()).normalize();
        if (Files.exists(target)) {
            String mark = null;
            try {
                if (Files.isRegularFile(target.resolve(SOURCE_MARK))) mark = Files.readString(target.resolve(SOURCE_MARK)).trim();
            } catch (IOException ignored) {
                // unreadable: treated as not made from this entry
            }
            if (mark != null && !trusting && mark.startsWith(entry.sha256() + " ")) return new Result(target, false);
            throw new UserException(target + " is already there but was not made from the file the manifest describes",
                    "move it away and fetch again; lstm does not overwrite it");
        }
        boolean createdDir = !Files.isDirectory(dir);
        String stem = "." + entry.file() + "." + ProcessHandle.current().pid() + "." + System.nanoTime();
        Path download = dir.resolve(stem + ".part"), folder = dir.resolve(stem + ".dir");
        boolean moved = false;
        try {
            Files.createDirectories(dir);
            Files.createFile(download);
            download.toFile().deleteOnExit();
            String sha = download(entry, download, trusting);
            Files.createDirectories(folder);
            converters.get(entry.format()).convert(download, urlName(entry), folder);
            Files.writeString(folder.resolve(SOURCE_MARK), sha + " " + Files.size(download) + " " + entry.url() + "\n");
            Files.move(folder, target);
            moved = true;
            return new Result(target, true);
        } catch (IOException e) {
            throw new UserException("cannot write " + target + ": " + e.getMessage(), null, e);
        } finally {
            try {
                Files.deleteIfExists(download);
                if (!moved) deleteTree(folder);
                if (!moved && createdDir) Files.deleteIfExists(dir);
            } catch (IOException ignored) {
                // the folder holds other files or is gone; nothing more to clean up
            }
        }
    }

    /** "JSB Chorales.pickle" for .../JSB%20Chorales.pickle. */
    static String urlName(CorpusManifest.Entry entry) {
        String path = entry.url().getPath() == null ? "" : entry.url().getPath();
        String last = path.substring(path.lastIndexOf('/') + 1);
        return last.isEmpty() ? entry.name() : last;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (java.util.stream.Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    private Result fetchFile(CorpusManifest.Entry entry, Path dir, boolean trusting) {
        Path target = dir.resolve(entry.file()).normalize();
        boolean createdDir = !Files.isDirectory(dir);
        Path temp;
        try {
            if (Files.isRegularFile(target)) {
                if (!trusting && matches(target, entry)) return new Result(target, false);
                listener.replacing(target);
            }
            Files.createDirectories(dir);
            // not Files.createTempFile: that makes the file private (0600), and it becomes the corpus
            temp = dir.resolve("." + entry.file() + "." + ProcessHandle.current().pid() + "." + System.nanoTime() + ".part");
            Files.createFile(temp);
        } catch (IOException e) {
            throw new UserException("cannot write to " + dir + ": " + UserException.reason(e), "check the folder's permissions and free space, or give another -o", e);
        }
        temp.toFile().deleteOnExit();   // also on Ctrl-C
        boolean moved = false;
        try {
            download(entry, temp, trusting);
            move(temp, target);
            moved = true;
            return new Result(target, true);
        } finally {
            try {
                Files.deleteIfExists(temp);
                if (!moved && createdDir) Files.deleteIfExists(dir);
            } catch (IOException ignored) {
                // the folder holds other files or is gone; nothing more to clean up
            }
        }
    }

    /** Copies the entry's URL into {@code temp}, checks size and SHA-256 (unless trusting), returns the SHA-256. */
    private String download(CorpusManifest.Entry entry, Path temp, boolean trusting) {
        listener.downloading(entry);
        MessageDigest sha = sha256();
        long done = 0;
        try (InputStream in = open(entry); OutputStream out = Files.newOutputStream(temp)) {
            byte[] buffer = new byte[BUFFER];
            for (int n; (n = in.read(buffer)) > 0; ) {
                done += n;
                // stop early rather than fill the disk when the server sends something else
                if (!trusting && done > entry.bytes()) throw mismatch(entry, "more than " + entry.bytes() + " bytes");
                sha.update(buffer, 0, n);
                out.write(buffer, 0, n);
                listener.progress(done);
            }
        } catch (IOException e) {
            String why = e instanceof java.net.UnknownHostException ? "unknown host " + e.getMessage()
                    : e.getMessage() == null ? e.toString() : e.getMessage();
            throw new UserException("cannot download '" + entry.name() + "' from " + entry.url() + ": " + why,
                    "check the network and the URL; nothing was written", e);
        }
        String actual = HexFormat.of().formatHex(sha.digest());
        if (trusting) return actual;
        if (done != entry.bytes()) throw mismatch(entry, done + " bytes, expected " + entry.bytes());
        if (!actual.equals(entry.sha256())) throw mismatch(entry, "sha256 " + actual + ", expected " + entry.sha256());
        return actual;
    }

    private static UserException mismatch(CorpusManifest.Entry entry, String what) {
        return new UserException("download of '" + entry.name() + "' from " + entry.url() + " has " + what,
                "the file there is not the one the manifest describes; nothing was written");
    }

    private static InputStream open(CorpusManifest.Entry entry) throws IOException {
        URLConnection connection = entry.url().toURL().openConnection();
        connection.setConnectTimeout(CONNECT_TIMEOUT_MS);
        connection.setReadTimeout(READ_TIMEOUT_MS);
        if (connection instanceof HttpURLConnection) {
            HttpURLConnection http = (HttpURLConnection) connection;
            http.setRequestProperty("User-Agent", "lstm");
            int code = http.getResponseCode();
            if (code != HttpURLConnection.HTTP_OK) {
                http.disconnect();
                throw new IOException("HTTP " + code + (http.getResponseMessage() == null ? "" : " " + http.getResponseMessage()));
            }
        }
        return connection.getInputStream();
    }

    private static void move(Path temp, Path target) {
        try {
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UserException("cannot write " + target + ": " + UserException.reason(e), "check the folder's permissions and free space", e);
        }
    }

    /** True when {@code file} has the entry's size and SHA-256. */
    public static boolean matches(Path file, CorpusManifest.Entry entry) throws IOException {
        return entry.checksumKnown() && Files.size(file) == entry.bytes() && sha256(file).equals(entry.sha256());
    }

    /** The SHA-256 of a file, as 64 lower-case hex digits. */
    public static String sha256(Path file) throws IOException {
        MessageDigest sha = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[BUFFER];
            for (int n; (n = in.read(buffer)) > 0; ) sha.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
